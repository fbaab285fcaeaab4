"""Rule files: the shipped topic loads; each kind of mistake is reported with its place."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.claims.extractor import find_claims
from monitor.cli import main
from monitor.rules.loader import load_rules
from monitor.rules.matchers import compile_rules, fold, term_pattern
from monitor.rules.schema import RuleFile
from tests.paths import RULES

VALID = """\
topic:
  id: test
  title: Essai
  match:
    all:
      - [Corée du Nord, nord-coréen]
quantities:
  - id: killed
    label: tués
    kind: cumulative
    nouns: [soldat]
    predicates: [tuer]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def check(tmp_path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["rules", "check", str(tmp_path)])
    return result.exit_code, result.output


def test_shipped_rules_are_valid() -> None:
    exit_code, output = check(RULES)
    assert exit_code == 0
    assert output.endswith(
        "(topic coree-du-nord-russie, 16 quantities, 0 known claims, 7 examples pass)\n"
    )


def test_schema_errors_name_file_line_column_field_and_expectation(tmp_path: Path) -> None:
    write(
        tmp_path,
        "coree.yaml",
        VALID.replace("    nouns: [soldat]", "    nouns: soldats")
        .replace("kind: cumulative", "kind: cumulated")
        .replace("  title: Essai\n", "  title: Essai\n  colour: red\n"),
    )
    exit_code, output = check(tmp_path)
    assert exit_code == 2
    name = f"{tmp_path}/coree.yaml"
    assert output.splitlines() == [
        f"Error: {name}:4:11: topic.colour: unknown key, got 'red'",
        f"Error: {name}:11:11: quantities[0].kind: Input should be 'cumulative', 'level' or "
        "'planned', got 'cumulated'",
        f"Error: {name}:12:12: quantities[0].nouns: Input should be a valid list, got 'soldats'",
    ]


def test_yaml_syntax_error_has_a_position(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", VALID.replace("[soldat]", "[soldat"))
    exit_code, output = check(tmp_path)
    assert exit_code == 2
    assert output.startswith(
        f"Error: {tmp_path}/bad.yaml:11:12: invalid YAML: expected ',' or ']', but got ':' "
        "(the sequence opened here is not closed)"
    )


def test_known_claim_on_unknown_quantity_and_duplicate_topics(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", VALID + "known:\n  - quantity: wounded\n    value: 300\n")
    write(tmp_path, "b.yaml", VALID)
    write(tmp_path, "c.yaml", VALID)
    exit_code, output = check(tmp_path)
    assert exit_code == 2
    assert output.splitlines() == [
        f"Error: {tmp_path}/a.yaml:14:15: known[0].quantity: unknown quantity 'wounded' "
        "(expected one of: killed)",
        f"Error: {tmp_path}/c.yaml:2:7: topic.id: topic id 'test' is already used by "
        f"{tmp_path}/b.yaml:2",
    ]


def test_a_broken_file_is_skipped_and_the_others_load(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", VALID)
    write(tmp_path, "b.yaml", "topic: [\n")
    write(tmp_path, "c.yaml", "")
    result = load_rules(tmp_path)
    assert [rule_set.rules.topic.id for rule_set in result.rule_sets] == ["test"]
    assert [path.name for path in result.broken_files] == ["b.yaml", "c.yaml"]
    assert str(result.problems[1]) == (
        f"{tmp_path}/c.yaml: expected a mapping with topic and quantities, got an empty file"
    )


def test_known_low_above_high_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", VALID + "known:\n  - quantity: killed\n    low: 600\n    high: 300\n")
    exit_code, output = check(tmp_path)
    assert exit_code == 2
    assert (
        output
        == f"Error: {tmp_path}/a.yaml:14:5: known[0]: Value error, low (600) is greater than high (300)\n"
    )


def test_unknown_channel_in_routing(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.yaml",
        VALID + "alerting:\n  channels:\n    new_figure: [desk-mail, pager]\n",
    )
    config = write(
        tmp_path.parent, "settings.yaml", "channels:\n  - {name: desk-mail, kind: email}\n"
    )
    result = CliRunner().invoke(main, ["rules", "check", str(tmp_path), "--config", str(config)])
    assert result.exit_code == 2
    assert result.output == (
        f"Error: {tmp_path}/a.yaml:15:29: alerting.channels.new_figure[1]: unknown channel "
        "'pager' (settings declare: desk-mail)\n"
    )


def test_json_schema_export_is_valid_json_with_every_section() -> None:
    result = CliRunner().invoke(main, ["rules", "schema"])
    schema = json.loads(result.output)
    assert set(schema["properties"]) == {
        "topic",
        "sources",
        "quantities",
        "known",
        "alerting",
        "examples",
    }
    assert schema == RuleFile.model_json_schema()


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("nord-coréen", "Des militaires nord-coréennes ont été vues", True),
        ("nord-coréen", "Des soldats NORD-CORÉENS", True),
        ("Corée du Nord", "la Corée  du Nord a envoyé", True),
        ("Russie", "la Biélorussie", False),
        ("Koursk", "dans la région de Koursk.", True),
        ("Corée", "un soldat nord-coréen", False),
        ("re:kim\\s+jong[- ]un", "Kim Jong-un a salué", True),
    ],
)
def test_terms_are_whole_words_without_case_or_accents(term: str, text: str, found: bool) -> None:
    import re

    assert bool(re.search(term_pattern(term), fold(text))) is found


def test_topic_needs_every_group(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.yaml",
        VALID.replace(
            "      - [Corée du Nord, nord-coréen]",
            "      - [Corée du Nord, nord-coréen]\n      - [Russie, Moscou]\n    none: [football]",
        ),
    )
    book = compile_rules(load_rules(tmp_path).rule_sets)
    assert [t.id for t in book.topics_for("Pyongyang et la Corée du Nord à Moscou")] == ["test"]
    assert book.topics_for("La Corée du Nord teste un missile") == []
    assert book.topics_for("Match de football Russie - Corée du Nord") == []


def test_an_unknown_unit_is_reported_at_its_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        "coree.yaml",
        VALID.replace("    nouns: [soldat]", "    unit: brouettes\n    nouns: [soldat]"),
    )
    exit_code, output = check(tmp_path)
    assert exit_code == 2
    assert output.startswith(
        f"Error: {tmp_path}/coree.yaml:11:11: quantities[0].unit: Value error, unknown unit 'brouettes'"
    )
    assert "tonnes" in output


def test_per_event_needs_its_events(tmp_path: Path) -> None:
    write(
        tmp_path,
        "coree.yaml",
        VALID.replace("    nouns: [soldat]", "    per: event\n    nouns: [soldat]"),
    )
    exit_code, output = check(tmp_path)
    assert exit_code == 2
    assert "per: event needs events" in output
    assert f"{tmp_path}/coree.yaml:" in output


EXAMPLES = """\
examples:
  - text: "En Corée du Nord, 300 soldats ont été tués."
    gives:
      - {quantity: killed, value: 300}
  - text: "Selon Séoul, 400 soldats nord-coréens ont été tués et 50 blessés."
    gives:
      - {quantity: killed, value: 500}
  - text: "Pyongyang a envoyé 2 000 soldats nord-coréens, dont 300 ont été tués."
    gives: []
"""


def test_examples_are_run_and_each_failure_is_reported_at_its_line(tmp_path: Path) -> None:
    write(tmp_path, "coree.yaml", VALID + EXAMPLES)
    exit_code, output = check(tmp_path)
    assert exit_code == 2
    name = f"{tmp_path}/coree.yaml"
    lines = [line for line in output.splitlines() if line.startswith("Error")]
    assert lines[0].startswith(
        f"Error: {name}:17:11: examples[1]: expected killed 500, but no figure with that value "
        "was read (figures read: «400», «50»)"
    )
    assert lines[1].startswith(f"Error: {name}:17:11: examples[1]: «400» also went to killed")
    assert lines[2].startswith(f"Error: {name}:20:11: examples[2]: «300» also went to killed")
    assert len(lines) == 3
    assert "monitor explain" in output


def test_an_example_of_an_unknown_quantity_is_reported(tmp_path: Path) -> None:
    wrong = 'examples:\n  - text: "12 soldats blessés."\n    gives:\n      - {quantity: wounded, value: 12}\n'
    write(tmp_path, "coree.yaml", VALID + wrong)
    exit_code, output = check(tmp_path)
    assert exit_code == 2
    assert f"{tmp_path}/coree.yaml:16:20:" in output
    assert "examples[0].gives[0].quantity: unknown quantity 'wounded'" in output


def test_passing_examples_are_counted(tmp_path: Path) -> None:
    write(tmp_path, "coree.yaml", VALID + EXAMPLES.split('  - text: "Selon Séoul, 400')[0])
    exit_code, output = check(tmp_path)
    assert exit_code == 0, output
    assert output.endswith("(topic test, 1 quantities, 0 known claims, 1 examples pass)\n")


BROKEN = {
    # name: (text, line of the problem, what the message says)
    "regex.yaml": (
        VALID.replace("[Corée du Nord, nord-coréen]", '[Corée du Nord, "re:nord-cor(een"]'),
        6,
        "is not a valid regular expression",
    ),
    "duplicate-key.yaml": (
        VALID + "alerting:\n  tolerance: 0.1\n  tolerance: 0.2\n",
        15,
        "the key 'tolerance' is written twice (first at line 14)",
    ),
    "date.yaml": (
        VALID + "known:\n  - {quantity: killed, value: 3, date: 2023-02-30}\n",
        14,
        "'2023-02-30' is not a date",
    ),
    "duplicate-id.yaml": (
        VALID + "  - id: killed\n    label: tués\n    kind: cumulative\n    nouns: [soldat]\n",
        13,
        "quantity id 'killed' is used twice (first at line 8)",
    ),
    "typo.yaml": (
        VALID.replace("    nouns: [soldat]", "    nouns: [soldat]\n    contex: [Koursk]"),
        12,
        "did you mean `context`?",
    ),
    "kind.yaml": (VALID.replace("kind: cumulative", "kind: cumulated"), 10, "Input should be"),
    "syntax.yaml": (VALID.replace("[soldat]", "[soldat"), 11, "invalid YAML"),
    "known.yaml": (
        VALID + "known:\n  - quantity: wounded\n    value: 300\n",
        14,
        "unknown quantity 'wounded'",
    ),
    "unit.yaml": (
        VALID.replace("    nouns: [soldat]", "    unit: brouettes\n    nouns: [soldat]"),
        11,
        "unknown unit 'brouettes'",
    ),
    "per.yaml": (
        VALID.replace("    nouns: [soldat]", "    per: event\n    nouns: [soldat]"),
        8,
        "per: event needs events",
    ),
}


def test_ten_broken_files_are_each_reported_at_their_line_and_valid_topics_keep_working(
    tmp_path: Path,
) -> None:
    for name, (text, _, _) in BROKEN.items():
        write(tmp_path, name, text.replace("id: test", f"id: {name.split('.')[0]}"))
    write(tmp_path, "valid.yaml", VALID)
    exit_code, output = check(tmp_path)
    assert exit_code == 2
    assert "Traceback" not in output
    for name, (_, line, words) in BROKEN.items():
        reported = [row for row in output.splitlines() if f"/{name}:" in row]
        assert reported, f"{name} is not reported"
        assert any(f"/{name}:{line}:" in row and words in row for row in reported), reported
    result = load_rules(tmp_path)
    # A key the format does not know is left out; the rest of that file works.
    assert sorted(rule_set.rules.topic.id for rule_set in result.rule_sets) == ["test", "typo"]


def test_an_unknown_key_is_reported_and_left_out_and_its_file_keeps_working(
    tmp_path: Path,
) -> None:
    text = VALID.replace("  title: Essai", "  title: Essai\n  description: un sujet suivi")
    text = text.replace("    nouns: [soldat]", "    nouns: [soldat]\n    synonymes: [militaire]")
    write(tmp_path, "coree.yaml", text)
    exit_code, output = check(tmp_path)
    assert exit_code == 2  # still an error to fix
    assert f"{tmp_path}/coree.yaml:4:16: topic.description: unknown key, left out" in output
    assert "quantities[0].synonymes: unknown key, left out" in output
    result = load_rules(tmp_path)
    assert len(result.rule_sets) == 1
    book = compile_rules(result.rule_sets)
    claims = find_claims("En Corée du Nord, 300 soldats ont été tués.", lexicon=book.lexicon)
    [(quantity, _)] = book.assign_all(book.topics[0], claims)
    assert quantity is not None and quantity.id == "killed"
    # A wrong value still keeps the whole file out.
    write(tmp_path, "coree.yaml", text.replace("kind: cumulative", "kind: cumulated"))
    assert load_rules(tmp_path).rule_sets == []


def test_invalid_utf8_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "latin.yaml").write_bytes(VALID.replace("Essai", "Caf\u00e9").encode("latin-1"))
    exit_code, output = check(tmp_path)
    assert exit_code == 2
    assert output.startswith(f"Error: {tmp_path}/latin.yaml:3:13: not UTF-8 text (byte 0xe9)")


def test_rules_check_takes_the_folder_as_other_commands_do(tmp_path: Path) -> None:
    write(tmp_path, "coree.yaml", VALID)
    by_option = CliRunner().invoke(main, ["rules", "check", "--rules", str(tmp_path)])
    assert by_option.exit_code == 0, by_option.output
    assert "coree.yaml: ok (topic test" in by_option.output
    both = CliRunner().invoke(main, ["rules", "check", str(tmp_path), "--rules", "/elsewhere"])
    assert both.exit_code == 2
    assert "give the rules folder once" in both.output


def test_the_values_of_kind_per_and_modalities_may_be_written_in_french(tmp_path: Path) -> None:
    text = VALID.replace("kind: cumulative", "kind: cumulatif").replace(
        "    nouns: [soldat]", "    modalities: [affirmé, rapporté]\n    nouns: [soldat]"
    )
    text += """\
  - id: turnout
    label: participation
    kind: niveau
    unit: pourcent
    per: événement
    events: [premier tour, second tour]
    nouns: [participation]
"""
    write(tmp_path, "coree.yaml", text)
    exit_code, output = check(tmp_path)
    assert exit_code == 0, output
    [rule_set] = load_rules(tmp_path).rule_sets
    killed, turnout = rule_set.rules.quantities
    assert (killed.kind, [str(m) for m in killed.modalities]) == (
        "cumulative",
        ["asserted", "reported"],
    )
    assert (turnout.kind, turnout.per) == ("level", "event")


@pytest.mark.parametrize(
    ("groups", "text", "published", "about"),
    [
        # The press does not write the current year: the publication year meets it.
        (
            "[[législatives, second tour], [2017, Macron, En Marche]]",
            "La participation au second tour des législatives s'élevait à 35,33 % à 17 heures.",
            2017,
            True,
        ),
        (
            "[[législatives, second tour], [2017, Macron, En Marche]]",
            "La participation au second tour des législatives s'élevait à 38,11 % à 17 heures.",
            2022,
            False,
        ),
        (
            "[[sécheresse, retrait-gonflement], [2022, assureurs]]",
            "Le coût de la sécheresse est désormais estimé entre 1,6 et 2,9 milliards d'euros.",
            2022,
            True,
        ),
        (
            "[[sécheresse, retrait-gonflement], [2022, assureurs]]",
            "Le coût de la sécheresse est désormais estimé à 1,6 milliard d'euros.",
            None,
            False,
        ),
    ],
)
def test_a_year_term_is_met_by_the_publication_year_and_needs_no_quotes(
    tmp_path: Path, groups: str, text: str, published: int | None, about: bool
) -> None:
    write(
        tmp_path,
        "a.yaml",
        VALID.replace("    all:\n      - [Corée du Nord, nord-coréen]", f"    all: {groups}"),
    )
    result = load_rules(tmp_path)
    assert result.problems == []
    book = compile_rules(result.rule_sets)
    day = date(published, 6, 1) if published else None
    assert bool(book.topics_for(text, published=day)) is about
    # A year written in the text meets the term whatever the publication year.
    assert book.topics_for(f"{text} (comme en 2017 et en 2022)", published=date(2019, 6, 1))


@pytest.mark.parametrize(
    ("title", "since", "text", "published", "about"),
    [
        # A report published years before the story's year is about an earlier event.
        (
            "Naufrage au large de la Grèce (juin 2023)",
            None,
            "Au moins 320 migrants sont morts dans le naufrage au large de la Crète.",
            date(2016, 6, 3),
            False,
        ),
        (
            "Naufrage au large de la Grèce (juin 2023)",
            None,
            "Au moins 78 migrants sont morts dans le naufrage au large de Pylos.",
            date(2023, 6, 15),
            True,
        ),
        # Half a year before the title's year leaves room for what leads up to the event.
        (
            "Tempête et crues des Alpes-Maritimes (octobre 2020)",
            None,
            "Vigilance rouge : la tempête et les crues menacent les Alpes-Maritimes.",
            date(2019, 11, 24),
            True,
        ),
        (
            "Tempête et crues des Alpes-Maritimes (octobre 2020)",
            None,
            "La tempête et les crues menacent les Alpes-Maritimes.",
            date(2019, 6, 24),
            False,
        ),
        (
            "Tempête et crues des Alpes-Maritimes (octobre 2020)",
            None,
            "La tempête et les crues de 2009 avaient fait deux morts dans les Alpes-Maritimes.",
            date(2009, 6, 2),
            False,
        ),
        # Written in the file, `since` says it exactly.
        (
            "Tempête et crues des Alpes-Maritimes",
            "2020-10-01",
            "La tempête et les crues menacent les Alpes-Maritimes.",
            date(2020, 9, 30),
            False,
        ),
        ("Tempête et crues des Alpes-Maritimes", None, "La tempête.", date(1990, 1, 1), True),
    ],
)
def test_reports_published_before_the_story_are_about_an_earlier_event(
    tmp_path: Path, title: str, since: str | None, text: str, published: date, about: bool
) -> None:
    topic = f"  title: {title}\n" + (f"  since: {since}\n" if since else "")
    rules = VALID.replace("  title: Essai\n", topic).replace(
        "      - [Corée du Nord, nord-coréen]", "      - [naufrage, tempête]"
    )
    write(tmp_path, "a.yaml", rules)
    result = load_rules(tmp_path)
    assert result.problems == []
    book = compile_rules(result.rule_sets)
    assert bool(book.topics_for(text, published=published)) is about
    assert book.topics_for(text)  # undated: nothing says it is older
