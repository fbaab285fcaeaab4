"""Which quantity a figure goes to, family by family, on sentences of several stories.

The rule files in ``rules_families/`` are written as a desk editor writes them from
docs/rules.md: a disaster toll and its aid, strike turnout, weapons for Ukraine.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.claims.extractor import find_claims
from monitor.cli import main
from monitor.rules.loader import load_rules
from monitor.rules.matchers import RuleBook, compile_rules

RULES = Path(__file__).parent / "rules_families"


@pytest.fixture(scope="module")
def book(model: None) -> RuleBook:
    return compile_rules(load_rules(RULES).rule_sets)


def assigned(
    book: RuleBook, topic_id: str, text: str
) -> list[tuple[str, float | None, str | None]]:
    """(figure as written, low, quantity) for every figure of ``text``."""
    topic = next(t for t in book.topics if t.id == topic_id)
    when = datetime(2023, 9, 10, 12, tzinfo=UTC)
    claims = find_claims(text, published=when, lexicon=book.lexicon)
    out = []
    for claim, (quantity, _) in zip(claims, book.assign_all(topic, claims), strict=True):
        out.append((claim.value_text, claim.low, quantity.id if quantity else None))
    return out


def quantities(book: RuleBook, topic_id: str, text: str) -> dict[float | None, str | None]:
    return {low: quantity for _, low, quantity in assigned(book, topic_id, text)}


# 1. Elided or participle nouns ------------------------------------------------------------


def test_casualty_words_stand_for_their_verb_in_a_toll(book: RuleBook) -> None:
    found = quantities(
        book,
        "seisme",
        "Le séisme a fait 2 012 morts et 2 059 blessés, dont 1 404 dans un état grave.",
    )
    assert found == {2012: "dead", 2059: "injured", 1404: "injured_serious"}


def test_casualty_words_stand_for_their_verb_on_a_front(book: RuleBook) -> None:
    found = quantities(
        book, "chars", "Kiev affirme que 300 soldats russes ont été tués et 2 700 blessés."
    )
    assert found == {300: "soldiers_killed", 2700: "soldiers_wounded"}


def test_a_noun_the_quantity_does_not_count_keeps_the_figure_out(book: RuleBook) -> None:
    found = quantities(
        book, "chars", "L'Allemagne va livrer 14 chars et former 30 pilotes ukrainiens."
    )
    assert found[14] == "leopard_promised"
    assert found[30] is None


# 2. The figure as object or attribute of a verb ----------------------------------------------


def test_a_toll_given_by_a_measuring_verb(book: RuleBook) -> None:
    found = quantities(
        book, "seisme", "Le bilan du séisme au Maroc s'élève désormais à 2 946 morts."
    )
    assert found == {2946: "dead"}


def test_the_count_a_union_claims(book: RuleBook) -> None:
    found = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, la CGT revendique 400 000 participants à Paris.",
    )
    assert found == {400000: "demonstrators_paris"}


def test_the_same_count_repeated_without_its_noun(book: RuleBook) -> None:
    text = (
        "Manifestation contre la réforme des retraites : 1,12 million de manifestants en France "
        "selon l'Intérieur, la CGT 2 millions."
    )
    found = quantities(book, "retraites", text)
    assert found == {1120000: "demonstrators_france", 2000000: "demonstrators_france"}


def test_en_stands_for_what_the_previous_sentence_counted(book: RuleBook) -> None:
    text = (
        "Le ministère de l'Intérieur a compté 1,28 million de manifestants contre la réforme des "
        "retraites. La CGT en a revendiqué 3,5 millions."
    )
    found = quantities(book, "retraites", text)
    assert found == {1280000: "demonstrators_france", 3500000: "demonstrators_france"}


# 3. Context belongs to the figure, not the sentence -----------------------------------------


def test_dont_gives_the_subset_its_own_place(book: RuleBook) -> None:
    text = "Retraites : 320 000 manifestants en France, dont 55 000 à Paris, selon la police."
    assert quantities(book, "retraites", text) == {
        320000: "demonstrators_france",
        55000: "demonstrators_paris",
    }


def test_a_figure_about_another_place_is_excluded(book: RuleBook) -> None:
    text = (
        "Le séisme au Maroc a fait 2 946 morts, alors que les inondations ont fait 4 000 morts "
        "en Libye."
    )
    found = quantities(book, "seisme", text)
    assert found == {2946: "dead", 4000: None}


def test_a_place_after_coordinated_figures_applies_to_both(book: RuleBook) -> None:
    text = (
        "Le séisme au Maroc est meurtrier ; les pluies ont fait 12 morts et 180 blessés en Libye."
    )
    found = quantities(book, "seisme", text)
    assert found[12] is None


# 4 and units: money, percentages, counts -----------------------------------------------------


def test_money_goes_to_a_quantity_in_its_currency_only(book: RuleBook) -> None:
    text = (
        "Le roi a présenté un programme de reconstruction de 120 milliards de dirhams ; "
        "l'UE a débloqué une aide de 1 million d'euros pour le Maroc."
    )
    found = quantities(book, "seisme", text)
    assert found == {120e9: "reconstruction_budget", 1e6: "eu_aid"}


def test_a_percentage_never_goes_to_a_count(book: RuleBook) -> None:
    text = "Retraites : 26,65 % de grévistes chez les enseignants, et 1,2 million de manifestants."
    found = quantities(book, "retraites", text)
    assert found[26.65] == "strike_rate_teachers"
    assert found[1.2e6] == "demonstrators_france"


def test_a_model_number_is_no_figure(book: RuleBook) -> None:
    found = assigned(book, "chars", "Berlin va livrer 14 chars Leopard 2 à l'Ukraine.")
    assert [(text, quantity) for text, _, quantity in found] == [("14", "leopard_promised")]


# Topics: what an article is about ------------------------------------------------------------


def test_none_terms_rule_out_by_the_lead_only(book: RuleBook) -> None:
    recalled = (
        "Séisme au Maroc : 2 946 morts\n"
        "Le tremblement de terre d'Al Haouz a fait 2 946 morts, selon le ministère de "
        "l'Intérieur. "
        + "Les secours poursuivent leurs recherches dans les villages. " * 8
        + "En février, le séisme en Turquie avait fait bien davantage de victimes."
    )
    assert [topic.id for topic in book.topics_for(recalled)] == ["seisme"]
    elsewhere = "Séisme en Turquie : le Maroc envoie des secours\nLe tremblement de terre a fait 50 000 morts."
    assert book.topics_for(elsewhere) == []


# monitor explain ------------------------------------------------------------------------------


def test_explain_says_why_in_plain_words(model: None) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["explain", "--rules", str(RULES), "--topic", "seisme",
         "Le séisme a fait 2 012 morts et 2 059 blessés au Maroc."],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "«2 012»" in result.output
    assert "seisme: -> dead" in result.output
    assert "injured: it counts «morts», which is none of its nouns (blessé)" in result.output


def test_explain_json_has_one_object_per_figure(model: None) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["explain", "--rules", str(RULES), "--json",
         "Séisme au Maroc : 2 012 morts et 2 059 blessés à Marrakech."],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["low"], r["quantity"]) for r in records] == [(2012, "dead"), (2059, "injured")]
    for key in ("text", "low", "high", "qualifier", "noun", "predicate", "source", "modality",
                "quantity", "why", "change", "earlier", "revision"):  # fmt: skip
        assert key in records[0]


def test_explain_says_when_a_figure_is_a_change(model: None) -> None:
    result = CliRunner().invoke(
        main,
        ["explain", "--rules", str(RULES),
         "Au Maroc, après le séisme, les assureurs chiffrent les pertes à 650 millions "
         "d'euros, en hausse de 120 millions d'euros."],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    second = result.output.split("«120 millions d'euros»")[1]
    assert "note: it says by how much something changed" in second
    assert "insured_losses: the figure says by how much something changed" in second


def test_explain_reports_bad_input_without_a_traceback() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["explain", "--rules", str(RULES)])
    assert result.exit_code == 2
    assert "give exactly one of TEXT" in result.output


def test_explain_a_stored_article_lists_its_alerts(model: None, tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    rules = Path(__file__).resolve().parents[2] / "rules"
    database = f"sqlite:///{tmp_path}/explain.db"
    runner = CliRunner()
    replayed = runner.invoke(main, ["replay", str(seeds), "--db", database, "--rules", str(rules)])
    assert replayed.exit_code == 0, replayed.output
    result = runner.invoke(
        main, ["explain", "--article", "1", "--db", database, "--rules", str(rules)]
    )
    assert result.exit_code == 0, result.output
    assert "Topics: coree-du-nord-russie" in result.output
    assert "Alerts raised by this article:" in result.output


def test_explain_a_saved_file_reads_it_as_replay_does(model: None) -> None:
    seed = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))[0]
    rules = Path(__file__).resolve().parents[2] / "rules"
    runner = CliRunner()
    result = runner.invoke(main, ["explain", "--file", str(seed), "--rules", str(rules)])
    assert result.exit_code == 0, result.output
    assert "coree-du-nord-russie: ->" in result.output
    missing = runner.invoke(main, ["explain", "--file", "/nonexistent.txt", "--rules", str(rules)])
    assert missing.exit_code == 1
    assert "Traceback" not in missing.output


# Figures that continue another, and amounts placed by their unit and context -------------


def test_a_compared_figure_goes_with_the_figure_it_is_compared_to(book: RuleBook) -> None:
    toll = quantities(
        book,
        "seisme",
        "Au Maroc, après le séisme, le bilan s'établit à 2 946 morts, contre 2 681 la veille.",
    )
    assert toll == {2946: "dead", 2681: "dead"}
    strike = quantities(
        book,
        "retraites",
        "Réforme des retraites : 32,5 % des enseignants étaient en grève jeudi, contre 25,2 % "
        "mardi, selon le ministère.",
    )
    assert strike == {32.5: "strike_rate_teachers", 25.2: "strike_rate_teachers"}


def test_an_amount_in_the_unit_of_a_quantity_next_to_its_context_needs_no_verb(
    book: RuleBook,
) -> None:
    insured = quantities(
        book,
        "seisme",
        "Le séisme au Maroc : la facture grimpe à 650 millions d'euros pour les assureurs.",
    )
    assert insured == {650e6: "insured_losses"}
    march = quantities(
        book,
        "retraites",
        "Manifestation contre la réforme des retraites à Paris : les dégradations représentent "
        "1,2 million d'euros pour la Ville.",
    )
    assert march == {1.2e6: "march_cost"}
    # Without its context words, an amount still needs its verb.
    bare = quantities(book, "seisme", "Au Maroc, le séisme : une rallonge de 650 millions d'euros.")
    assert bare == {650e6: None}


def test_a_part_never_counts_as_its_whole(book: RuleBook) -> None:
    toll = quantities(
        book,
        "seisme",
        "Au Maroc, le séisme a fait 2 122 morts, dont 1 351 dans la province d'Al Haouz.",
    )
    assert toll == {2122: "dead", 1351: None}
    turnout = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, 1,28 million de manifestants ont défilé en France, "
        "dont 93 000 à Paris, selon l'Intérieur.",
    )
    assert turnout == {1.28e6: "demonstrators_france", 93_000: "demonstrators_paris"}


def test_a_figure_that_says_what_happened_to_it_keeps_to_that(book: RuleBook) -> None:
    # "blessés" right after the figure: not the dead, whatever the sentence says.
    toll = quantities(
        book, "seisme", "Au Maroc, le séisme a tué 2 012 personnes et fait 2 059 blessés."
    )
    assert toll == {2012: "dead", 2059: "injured"}
    front = quantities(
        book,
        "chars",
        "En Ukraine, 400 soldats russes ont été tués et 50 blessés près de Bakhmout.",
    )
    assert front.get(50) != "soldiers_killed"


def test_a_toll_named_by_ce_bilan_counts_what_the_earlier_figure_counted(book: RuleBook) -> None:
    toll = quantities(
        book,
        "seisme",
        "Au Maroc, le séisme a fait 2 012 morts, selon l'Intérieur. Le ministère porte "
        "désormais ce bilan à 2 946.",
    )
    assert toll == {2012: "dead", 2946: "dead"}
    turnout = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, 1,28 million de manifestants ont défilé en France, "
        "selon l'Intérieur. La CGT conteste ce chiffre et avance le total de 3,5 millions.",
    )
    assert turnout == {1.28e6: "demonstrators_france", 3.5e6: "demonstrators_france"}


def test_a_context_word_also_matches_the_verb_made_on_it(book: RuleBook) -> None:
    # manifestations.yaml: stations_dry has context [manque, pénurie].
    dry = quantities(
        book,
        "retraites",
        "Grève contre la réforme des retraites : 12 % des stations-service manquaient de "
        "carburant dimanche.",
    )
    assert dry == {12: "stations_dry"}
    # seisme.yaml: roads_cut has context [bloqué, coupé].
    roads = quantities(
        book, "seisme", "Au Maroc, après le séisme, des éboulis bloquaient 12 routes de montagne."
    )
    assert roads == {12: "roads_cut"}


def test_the_noun_counted_with_a_light_verb_needs_no_listed_verb(book: RuleBook) -> None:
    # "sont recensées", "restaient": nothing happened but being counted; the noun decides.
    homes = quantities(
        book, "seisme", "Au Maroc, après le séisme, 59 674 habitations sont recensées."
    )
    assert homes == {59_674: "homes_destroyed"}
    tanks = quantities(book, "chars", "En Ukraine, 31 chars Abrams restent en Allemagne.")
    assert tanks == {31: "leopard_promised"}
    # Verbs of where things are, or of finding them, only count too.
    homes = quantities(
        book,
        "seisme",
        "Au Maroc, après le séisme, 59 674 habitations se concentrent dans la province d'Al Haouz.",
    )
    assert homes == {59_674: "homes_destroyed"}
    fires = quantities(book, "incendie", "En Grèce, 45 feux ont été détectés jeudi dans l'Evros.")
    assert fires == {45: "fires"}
    # A verb of its own that the quantity does not list still keeps the figure out.
    bought = quantities(book, "chars", "En Ukraine, l'armée russe a perdu 300 chars.")
    assert bought == {300: None}


def test_a_coordinated_figure_led_by_its_own_words_keeps_them(book: RuleBook) -> None:
    # "le SP98 à 2,1920 euros" / "à Marrakech 300 blessés en Libye": what leads the second
    # figure is not shared with the first.
    toll = quantities(
        book,
        "seisme",
        "Au Maroc, le séisme a fait 2 012 morts et la tempête en Libye 4 000 morts.",
    )
    assert toll == {2012: "dead", 4000: None}
    turnout = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, la CGT a compté 800 000 manifestants et la "
        "préfecture de police à Paris 57 000 manifestants.",
    )
    assert turnout[800_000] == "demonstrators_france"


def test_a_ratio_named_by_la_proportion_counts_what_the_earlier_figure_counted(
    book: RuleBook,
) -> None:
    dry = quantities(
        book,
        "retraites",
        "Grève contre la réforme des retraites : 12 % des stations-service manquaient de "
        "carburant samedi. Dimanche, la proportion atteint 14,5 %.",
    )
    assert dry == {12: "stations_dry", 14.5: "stations_dry"}
    strike = quantities(
        book,
        "retraites",
        "Réforme des retraites : 32,5 % des enseignants étaient en grève jeudi. Mardi, le "
        "taux était de 25,2 %.",
    )
    assert strike == {32.5: "strike_rate_teachers", 25.2: "strike_rate_teachers"}


def test_a_figure_with_nothing_of_its_own_counts_what_the_previous_sentence_counted(
    book: RuleBook,
) -> None:
    # A participle of counting in place of the noun says who counted, not what.
    turnout = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, 1,28 million de manifestants ont défilé en France. "
        "Dans la capitale, l'écart est grand entre les 700 000 revendiqués par la CGT et les "
        "81 000 relevés par la préfecture.",
    )
    assert turnout == {
        1.28e6: "demonstrators_france",
        700_000: "demonstrators_paris",
        81_000: "demonstrators_paris",
    }
    homes = quantities(
        book,
        "seisme",
        "Au Maroc, après le séisme, 50 000 habitations ont été détruites, selon le ministère. "
        "L'écart est grand avec les 59 674 avancés par les autorités locales.",
    )
    assert homes == {50_000: "homes_destroyed", 59_674: "homes_destroyed"}
    # A figure in parentheses after a place is a breakdown, not the same count again.
    aside = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, 1,28 million de manifestants ont défilé en France. "
        "Lyon arrive devant Marseille (12 000).",
    )
    assert aside == {1.28e6: "demonstrators_france", 12_000: None}


def test_a_place_set_in_front_of_the_sentence_frames_its_figures(book: RuleBook) -> None:
    framed = quantities(
        book,
        "retraites",
        "Dans la capitale, la police a compté 57 000 manifestants contre la réforme des "
        "retraites, et la CGT 400 000 manifestants.",
    )
    assert framed == {57_000: "demonstrators_paris", 400_000: "demonstrators_paris"}
    # A figure that names a place of its own leaves the frame.
    own = quantities(
        book,
        "retraites",
        "À Paris, 57 000 manifestants ont défilé contre la réforme des retraites, et à Lyon "
        "20 000 manifestants.",
    )
    assert own == {57_000: "demonstrators_paris", 20_000: "demonstrators_france"}
    tanks = quantities(
        book,
        "chars",
        "En Pologne, l'armée va livrer 14 chars Leopard à l'Ukraine, et 4 chars en mars.",
    )
    assert tanks == {14: "tanks_poland", 4: "tanks_poland"}
    others = quantities(
        book,
        "chars",
        "En Pologne, l'armée va livrer 14 chars Leopard à l'Ukraine, et au Canada 8 chars.",
    )
    # "au Canada 8 chars" names a place of its own, as the 14 do: a list by place, and no
    # quantity's context names Canada.
    assert others == {14: "tanks_poland", 8: None}


def test_coordinated_figures_share_the_verb_written_after_them(book: RuleBook) -> None:
    homes = assigned(
        book,
        "seisme",
        "Au Maroc, à ce stade, 45 personnes ont été blessées, 2 930 maisons et 120 écoles ont "
        "été détruites par le séisme.",
    )
    assert ("2 930", 2930, "homes_destroyed") in homes
    front = quantities(
        book,
        "chars",
        "En Ukraine, 12 chars ont été perdus, 300 soldats et 40 officiers ont été tués.",
    )
    assert front[300] == "soldiers_killed"
    # A casualty word keeps its own verb: "12 morts et 180 blessés".
    toll = quantities(book, "seisme", "Au Maroc, le séisme a fait 12 morts et 180 blessés.")
    assert toll == {12: "dead", 180: "injured"}


def test_figures_after_a_colon_are_parts_of_the_figure_before(book: RuleBook) -> None:
    toll = quantities(
        book,
        "seisme",
        "Au Maroc et en Libye, plus de 4 300 personnes ont trouvé la mort dans le séisme "
        "selon le dernier bilan : 2 921 au Maroc et plus de 1 440 en Libye.",
    )
    # The whole counts Libya too (excluded); its part in Morocco is the watched toll.
    assert toll == {4300: None, 2921: "dead", 1440: None}
    turnout = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, 1,28 million de manifestants ont défilé selon "
        "l'Intérieur : 93 000 à Paris et 25 000 à Marseille.",
    )
    assert turnout[93_000] == "demonstrators_paris"
    assert turnout[1.28e6] == "demonstrators_france"
    assert turnout[25_000] is None


def test_a_figure_that_names_its_own_place_leaves_the_context_of_its_neighbours(
    book: RuleBook,
) -> None:
    tanks = quantities(
        book,
        "chars",
        "Varsovie va livrer 14 chars Leopard à l'Ukraine, et 8 chars en Moldavie.",
    )
    assert tanks == {14: "tanks_poland", 8: None}
    turnout = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, 93 000 manifestants ont défilé à Paris et 25 000 "
        "manifestants à Marseille.",
    )
    assert turnout == {93_000: "demonstrators_paris", 25_000: None}


def test_a_change_is_not_a_level(book: RuleBook) -> None:
    cost = quantities(
        book,
        "retraites",
        "Manifestation contre la réforme des retraites : les dégradations coûtent 1,2 million "
        "d'euros à la Ville, 300 000 euros de plus que la semaine dernière.",
    )
    assert cost == {1.2e6: "march_cost", 300_000: None}
    insured = quantities(
        book,
        "seisme",
        "Au Maroc, après le séisme, les assureurs chiffrent les pertes à 650 millions "
        "d'euros, en hausse de 120 millions d'euros.",
    )
    assert insured == {650e6: "insured_losses", 120e6: None}


def test_a_quantity_of_changes_says_so_in_its_label_or_nouns() -> None:
    from monitor.rules.assign import counts_change

    assert counts_change("hausse de salaires demandée (%)", ["%"])
    assert counts_change("revalorisation des pensions", ["augmentation"])
    assert not counts_change("prix moyen du gazole (euros)", ["euro", "litre"])


def test_a_list_by_place_goes_only_where_the_context_names_the_place(book: RuleBook) -> None:
    toll = quantities(
        book,
        "seisme",
        "Au Maroc, le séisme a fait 21 morts et 61 blessés à Taroudant, 3 morts et 68 blessés "
        "à Agadir.",
    )
    assert toll == {21: None, 61: None, 3: None, 68: None}
    # A place the topic is about is no part of a list: "Marrakech" is in seisme's match.
    topic_place = quantities(
        book,
        "seisme",
        "Le séisme a fait 21 morts à Marrakech, alors que les pluies ont fait 3 morts à Agadir.",
    )
    assert topic_place[21] == "dead"
    # Unless its neighbours name other places of the topic: a list within the topic's area.
    within = quantities(
        book,
        "seisme",
        "Au Maroc, le séisme a fait 1 351 morts à Al Haouz et 80 morts à Marrakech.",
    )
    assert within == {1351: None, 80: None}
    turnout = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, 93 000 manifestants ont défilé à Paris, 25 000 "
        "manifestants à Lyon et 12 000 manifestants à Nantes.",
    )
    assert turnout == {93_000: "demonstrators_paris", 25_000: None, 12_000: None}


def test_a_generic_thing_counts_the_thing_its_sentence_names(book: RuleBook) -> None:
    tanks = quantities(
        book,
        "chars",
        "Les tankistes ukrainiens s'entraînent sur le Leopard 2, dont l'Allemagne va livrer "
        "14 exemplaires à l'Ukraine.",
    )
    assert tanks == {14: "leopard_promised"}
    homes = quantities(
        book,
        "seisme",
        "Au Maroc, les maisons en pisé ont souffert du séisme, qui a détruit 2 930 unités.",
    )
    assert homes == {2930: "homes_destroyed"}
    # Without the thing in the sentence, a generic noun counts nothing the rules track.
    nothing = quantities(book, "chars", "En Ukraine, l'usine va livrer 14 exemplaires.")
    assert nothing == {14: None}


def test_the_head_of_a_subject_is_its_verb_whatever_its_tag(book: RuleBook) -> None:
    from monitor.rules.terms import predicate_key

    # Finite forms reduce to the stem of their infinitive: "luttent" and "lutter".
    assert predicate_key("luttent") == predicate_key("lutter")
    assert predicate_key("évacuaient") == predicate_key("évacuer")
    front = quantities(
        book, "chars", "Près de Bakhmout, 300 soldats ukrainiens meurent chaque jour."
    )
    assert front == {300: "soldiers_killed"}


def test_a_noun_of_an_event_that_happens_to_people_counts_those_people(book: RuleBook) -> None:
    evacuated = quantities(
        book,
        "seisme",
        "Au Maroc, après le séisme, la police fait état de 19 000 évacuations préventives.",
    )
    assert evacuated == {19_000: "evacuated"}
    arrests = quantities(
        book,
        "retraites",
        "Manifestation contre la réforme des retraites : la police a procédé à 120 arrestations.",
    )
    assert arrests == {120: "arrests"}


def test_when_nothing_fits_a_counted_noun_takes_its_verb_from_its_sentence(
    book: RuleBook,
) -> None:
    fire = assigned(
        book,
        "incendie",
        "En Grèce, environ 600 pompiers, soutenus par dix avions et sept hélicoptères, "
        "luttaient jeudi contre le feu de l'Evros.",
    )
    assert ("environ 600", 540, "firefighters") in fire
    front = assigned(
        book,
        "chars",
        "En Ukraine, près de 300 soldats, appuyés par 20 chars Leopard et 12 blindés, ont été "
        "tués près de Bakhmout.",
    )
    assert ("près de 300", 270, "soldiers_killed") in front
    # Not the verb another figure of the sentence already has.
    front = quantities(
        book,
        "chars",
        "En Ukraine, Moscou a engagé 2 000 soldats à Bakhmout, dont 300 ont été tués.",
    )
    assert front[2000] is None


def assigned_in_article(
    book: RuleBook, topic_id: str, text: str, title: str | None = None
) -> dict[float | None, str | None]:
    """Like :func:`quantities`, with the article's text and title for the context."""
    topic = next(t for t in book.topics if t.id == topic_id)
    claims = find_claims(text, title=title, lexicon=book.lexicon)
    results = book.assign_all(topic, claims, text=text, title=title)
    return {
        claim.low: quantity.id if quantity else None
        for claim, (quantity, _) in zip(claims, results, strict=True)
    }


def test_a_sentence_without_context_takes_it_from_the_sentences_before_it(
    book: RuleBook,
) -> None:
    insured = assigned_in_article(
        book,
        "seisme",
        "Au Maroc, les assureurs font leurs comptes après le séisme. Les pertes sont "
        "chiffrées à 650 millions d'euros.",
    )
    assert insured == {650e6: "insured_losses"}
    dry = assigned_in_article(
        book,
        "retraites",
        "Grève contre la réforme des retraites : la pénurie de carburant gagne l'ouest. "
        "Dimanche, 12 % des stations-service étaient à sec.",
    )
    assert dry == {12: "stations_dry"}
    # Or from the title.
    titled = assigned_in_article(
        book,
        "seisme",
        "Les pertes dues au séisme marocain sont chiffrées à 650 millions d’euros.",
        title="Séisme au Maroc : la facture des assureurs s'alourdit",
    )
    assert titled == {650e6: "insured_losses"}
    # Without the article around it, the sentence alone names no context.
    alone = quantities(
        book, "seisme", "Au Maroc, les pertes du séisme sont chiffrées à 650 millions d'euros."
    )
    assert alone == {650e6: None}


def test_a_part_is_what_its_whole_counts_whatever_word_places_it(book: RuleBook) -> None:
    toll = quantities(
        book,
        "seisme",
        "Au Maroc, le séisme a fait 1 305 morts et 1 832 blessés, dont 1 220 grièvement "
        "atteints, selon le ministère.",
    )
    assert toll == {1305: "dead", 1832: "injured", 1220: "injured_serious"}
    claims = find_claims(
        "En Ukraine, 2 700 soldats russes ont été blessés, dont 300 grièvement atteints.",
        lexicon=book.lexicon,
    )
    assert [(c.low, c.noun, c.predicate) for c in claims] == [
        (2700, "soldat", "blesser"),
        (300, "soldat", "blesser"),  # the whole's noun and verb, not "grièvement"
    ]


def test_a_time_is_not_what_a_figure_counts(book: RuleBook) -> None:
    arrests = quantities(
        book,
        "retraites",
        "Manifestation contre la réforme des retraites : 1 311 interpellations la première "
        "nuit, avant un reflux à 773 puis à 157 les deux nuits suivantes.",
    )
    assert arrests == {1311: "arrests", 773: "arrests", 157: "arrests"}


def test_figures_that_add_up_to_the_one_before_are_its_parts(book: RuleBook) -> None:
    claims = find_claims(
        "Manifestation contre la réforme des retraites : 120 personnes ont été interpellées, "
        "90 hommes et 30 femmes.",
        lexicon=book.lexicon,
    )
    assert [(c.low, c.composition) for c in claims] == [(120, False), (90, True), (30, True)]
    arrests = quantities(
        book,
        "retraites",
        "Manifestation contre la réforme des retraites : 120 personnes ont été interpellées, "
        "90 hommes et 30 femmes.",
    )
    assert arrests == {120: "arrests", 90: None, 30: None}
    toll = quantities(
        book,
        "seisme",
        "Au Maroc, le séisme a fait 2 012 victimes, soit 1 500 adultes et 512 enfants.",
    )
    assert toll == {2012: "dead", 1500: None, 512: None}
    # Figures that do not add up are not parts; shares add up to 100 %, not to a figure.
    free = find_claims(
        "Le séisme a fait 12 morts et 180 blessés, 40 disparus.", lexicon=book.lexicon
    )
    assert not any(c.composition for c in free)


def test_a_figure_dated_years_back_is_no_news(model: None) -> None:
    from datetime import UTC, datetime

    when = datetime(2023, 5, 10, tzinfo=UTC)
    vote = find_claims(
        "Il y a cinq ans, la diaspora avait accordé près de 60 % de ses voix au président.",
        published=when,
    )
    assert [c.earlier for c in vote] == ["earlier"]
    crossings = find_claims("L'an dernier, 28 500 migrants ont traversé la Manche.", published=when)
    assert [c.earlier for c in crossings] == ["earlier"]


def test_a_list_by_place_written_with_elided_nouns_is_still_a_list(book: RuleBook) -> None:
    turnout = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, 1,28 million de manifestants ont défilé selon "
        "l'Intérieur, 93 000 à Paris, 25 000 à Lyon et 12 000 à Nantes.",
    )
    assert turnout[93_000] == "demonstrators_paris"
    assert turnout[25_000] is None and turnout[12_000] is None
    toll = quantities(
        book,
        "seisme",
        "Au Maroc, le séisme a fait 2 012 morts à Al Haouz, 450 à Taroudant et 200 à Agadir.",
    )
    assert toll[450] is None and toll[200] is None


def test_a_verb_of_containing_only_counts(book: RuleBook) -> None:
    tanks = quantities(
        book, "chars", "Pour l'Ukraine, le nouveau paquet comprend 30 chars Leopard 1."
    )
    assert tanks == {30: "leopard_promised"}
    turnout = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, le cortège a rassemblé 57 000 manifestants à Paris.",
    )
    assert turnout == {57_000: "demonstrators_paris"}


def test_a_gapped_subject_says_the_second_count_and_who_gives_it(book: RuleBook) -> None:
    text = (
        "Manifestation contre la réforme des retraites : la CGT a recensé 3,5 millions de "
        "personnes mobilisées jeudi contre la réforme, le ministère de l'Intérieur 1,08 million."
    )
    claims = find_claims(text, lexicon=book.lexicon)
    assert [(c.low, c.noun, c.source) for c in claims] == [
        (3.5e6, "personne", "CGT"),
        (1.08e6, "personne", "Intérieur"),
    ]
    assert quantities(book, "retraites", text) == {
        3.5e6: "demonstrators_france",
        1.08e6: "demonstrators_france",
    }
    toll_text = (
        "Au Maroc, l'ONU a recensé 3 000 morts dans le séisme, le ministère de l'Intérieur 2 946."
    )
    toll = find_claims(toll_text, lexicon=book.lexicon)
    assert [c.source for c in toll][1] == "Intérieur"
    assert quantities(book, "seisme", toll_text) == {3000: "dead", 2946: "dead"}


def test_an_excluded_term_in_a_later_figures_own_words_excludes_only_that_figure(
    book: RuleBook,
) -> None:
    arrests = quantities(
        book,
        "retraites",
        "Manifestation contre la réforme des retraites : 457 interpellations et 441 policiers "
        "et gendarmes blessés.",
    )
    assert arrests[457] == "arrests"
    front = quantities(
        book, "chars", "En Ukraine, 300 soldats russes ont été tués et 50 civils tués à Kherson."
    )
    assert front[300] == "soldiers_killed"


def test_figures_of_one_list_share_the_verb_written_after_it(book: RuleBook) -> None:
    planes = assigned(
        book,
        "incendie",
        "En Grèce, selon les autorités, 31 camions de pompiers, 14 avions et 4 hélicoptères, "
        "aidés au sol par des volontaires, sont engagés contre le feu.",
    )
    assert ("14", 14, "aircraft") in planes
    toll = quantities(
        book,
        "seisme",
        "Au Maroc, 1 204 personnes ont été blessées par le séisme, dont 721 se trouvent dans "
        "un état critique.",
    )
    assert toll == {1204: "injured", 721: "injured_serious"}


def test_a_noun_of_several_words_matches_whatever_its_article() -> None:
    from monitor.rules.terms import noun_key

    assert noun_key("soldats du feu") == noun_key("soldat de feu")
    assert noun_key("prisonniers de la guerre") == noun_key("prisonnier de guerre")
    assert noun_key("Unités d'artillerie") == "unite d'artillerie"


def test_a_figure_in_parentheses_after_a_name_is_that_names_share(book: RuleBook) -> None:
    toll = quantities(
        book,
        "seisme",
        "Au Maroc, le séisme a fait 2 946 morts, surtout dans les provinces d'Al Haouz "
        "(1 684) et de Taroudant (980).",
    )
    assert toll == {2946: "dead", 1684: None, 980: None}
    turnout = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, 1,28 million de manifestants ont défilé, devant "
        "Paris (93 000 manifestants) et Lyon (25 000 manifestants).",
    )
    assert turnout[93_000] == "demonstrators_paris"
    assert turnout[25_000] is None


def test_a_bare_count_of_more_is_a_change(model: None) -> None:
    from monitor.claims.extractor import find_claims

    doses = find_claims(
        "Quelque 103 000 doses ont été livrées, soit 46 475 de plus en une semaine."
    )
    assert [c.change for c in doses] == [False, True]
    troops = find_claims("Pyongyang enverra 3 000 soldats de plus en Russie.")
    assert [c.change for c in troops] == [False]


def test_the_word_after_a_figure_is_read_whole(book: RuleBook) -> None:
    from monitor.rules.assign import written_after

    [claim] = find_claims("L'ONU a reçu 1,75 milliard demandé en décembre.", lexicon=book.lexicon)
    assert written_after(claim) == "demandé"  # not "mandé" after a stray "de"
    [asylum] = find_claims("Au Maroc, 500 demandeurs d'asile sont arrivés.", lexicon=book.lexicon)
    assert written_after(asylum) == "demandeurs"


def test_what_a_whole_says_of_itself_is_said_of_its_parts(book: RuleBook) -> None:
    toll = quantities(
        book,
        "seisme",
        "Après le séisme, cinq corps ont été découverts en Libye, dont quatre près de la "
        "frontière.",
    )
    assert toll == {5: None, 4: None}  # both in Libya, excluded from the Moroccan toll
    front = quantities(
        book,
        "chars",
        "En Ukraine, 80 civils tués dans une frappe, dont 30 soldats en permission, selon Kiev.",
    )
    assert front[30] is None  # the whole is about civilians killed: excluded, parts too


def test_a_noun_the_parse_took_for_the_verb_is_no_verb(book: RuleBook) -> None:
    fires = assigned(
        book,
        "incendie",
        "Incendies en Grèce : les pompiers ont dénombré plus de 60 feux au cours des "
        "dernières 24 heures.",
    )
    assert ("plus de 60", 60, "fires") in fires


def test_a_verb_that_says_the_event_reached_it_is_enough_for_a_noun_of_one_quantity(
    book: RuleBook,
) -> None:
    quake = quantities(
        book, "seisme", "Au Maroc, plus de 2 500 bâtiments ont été touchés par la secousse."
    )
    assert quake == {2500: "homes_destroyed"}
    fires = quantities(
        book, "incendie", "En Grèce, une quarantaine de feux ont frappé l'Evros depuis lundi."
    )
    assert fires == {35: "fires"}
    # Any other verb of its own still keeps it out.
    inspected = quantities(
        book, "seisme", "Au Maroc, plus de 2 500 bâtiments ont été inspectés par les experts."
    )
    assert inspected == {2500: None}
    # A noun that two quantities count needs one of their verbs to say which.
    front = quantities(
        book, "chars", "En Ukraine, 300 soldats russes ont été touchés près de Bakhmout."
    )
    assert front == {300: None}


def test_the_topics_only_quantity_in_a_currency_takes_an_amount_with_no_verb(
    book: RuleBook, tmp_path: Path
) -> None:
    cost = quantities(
        book,
        "retraites",
        "À Paris, pour les dégâts du cortège, la facture : 1,2 million d'euros, selon la mairie.",
    )
    assert cost == {1.2e6: "march_cost"}
    floods = """\
topic:
  id: crues
  title: Crues
  match: {any: [inondations]}
quantities:
  - id: aid_eur
    label: aide de l'État
    kind: cumulative
    unit: EUR
    nouns: [aide]
    predicates: [débloquer, verser]
"""
    (tmp_path / "crues.yaml").write_text(floods, encoding="utf-8")
    text = "Inondations dans le Pas-de-Calais : 50 millions d'euros pour les sinistrés."
    alone = compile_rules(load_rules(tmp_path).rule_sets)
    assert quantities(alone, "crues", text) == {50e6: "aid_eur"}
    # With a second quantity in euros, the amount needs its verb or context to say which.
    (tmp_path / "crues.yaml").write_text(
        floods
        + """\
  - id: damage_eur
    label: dégâts
    kind: cumulative
    unit: EUR
    nouns: [dégât]
    predicates: [coûter, chiffrer]
""",
        encoding="utf-8",
    )
    two = compile_rules(load_rules(tmp_path).rule_sets)
    assert quantities(two, "crues", text) == {50e6: None}
    # A verb of its own that is none of the quantity's keeps it out.
    assert quantities(
        alone, "crues", "Inondations : les assureurs ont perdu 50 millions d'euros."
    ) == {50e6: None}


def test_a_predicate_of_several_words_lets_an_adverb_in(book: RuleBook, tmp_path: Path) -> None:
    dead = quantities(
        book, "seisme", "Au Maroc, au moins 300 personnes ont déjà perdu la vie dans le séisme."
    )
    assert dead == {300: "dead"}
    (tmp_path / "crues.yaml").write_text(
        """\
topic:
  id: crues
  title: Crues
  match: {any: [inondations]}
quantities:
  - id: missing
    label: disparus
    kind: level
    nouns: [disparu, personne]
    predicates: [disparaître, manquer à l'appel]
""",
        encoding="utf-8",
    )
    floods = compile_rules(load_rules(tmp_path).rule_sets)
    text = "Après les inondations, 9 000 personnes manquaient toujours à l'appel."
    assert quantities(floods, "crues", text) == {9000: "missing"}
    # Not a verb of its own followed, words later, by the phrase's end.
    text = "Après les inondations, 9 000 personnes manquaient de tout, dit l'appel des ONG."
    assert quantities(floods, "crues", text) == {9000: None}


def test_an_excluded_place_set_in_front_of_the_sentence_excludes_all_its_figures(
    book: RuleBook, tmp_path: Path
) -> None:
    toll = quantities(
        book,
        "seisme",
        "En Libye, après le séisme au Maroc, 40 blessés et 12 morts ont été recensés.",
    )
    assert toll[12] is None
    (tmp_path / "aviaire.yaml").write_text(
        """\
topic:
  id: aviaire
  title: Grippe aviaire en France
  match: {any: [grippe aviaire]}
quantities:
  - id: culled
    label: volailles abattues
    kind: cumulative
    nouns: [volaille, poule, poulet]
    predicates: [abattre]
    exclude: [aux Pays-Bas]
""",
        encoding="utf-8",
    )
    birds = compile_rules(load_rules(tmp_path).rule_sets)
    culled = quantities(
        birds,
        "aviaire",
        "Aux Pays-Bas, 820 000 poules et 1,016 million de poulets ont été abattus, selon La Haye.",
    )
    assert culled == {820_000: None, 1_016_000: None}


def test_a_measure_a_thousand_times_from_the_quantitys_unit_is_another_measure(
    tmp_path: Path,
) -> None:
    (tmp_path / "crues.yaml").write_text(
        """\
topic:
  id: crues
  title: Crues
  match: {any: [tempête, incendie]}
quantities:
  - id: rainfall
    label: cumul de pluie
    kind: level
    unit: mm
    nouns: [pluie, précipitation]
  - id: burnt
    label: surface brûlée
    kind: cumulative
    unit: hectares
    nouns: [végétation, forêt]
""",
        encoding="utf-8",
    )
    book = compile_rules(load_rules(tmp_path).rule_sets)
    storm = quantities(
        book,
        "crues",
        "La tempête a déversé 400 millimètres de pluie sur la vallée de la Roya, où la "
        "rivière a emporté les routes sur 35 kilomètres.",
    )
    assert storm == {0.4: "rainfall", 35_000: None}
    fire = quantities(
        book,
        "crues",
        "L'incendie a brûlé 1 200 hectares de forêt et détruit un entrepôt de 800 m² de "
        "végétation séchée.",
    )
    assert fire == {12_000_000: "burnt", 800: None}


def test_a_noun_of_the_action_says_what_happened_to_the_figure_after_it(book: RuleBook) -> None:
    homes = quantities(
        book, "seisme", "Au Maroc, le séisme a provoqué l'effondrement de 2 000 maisons."
    )
    assert homes == {2000: "homes_destroyed"}
    fires = quantities(
        book, "incendie", "En Grèce, les pompiers ont constaté le démarrage de 30 feux jeudi."
    )
    assert fires == {30: "fires"}


def test_a_part_that_names_the_quantitys_place_takes_it_from_its_whole(tmp_path: Path) -> None:
    (tmp_path / "seisme.yaml").write_text(
        """\
topic:
  id: seisme
  title: Séisme en Turquie et en Syrie
  match: {any: [séisme]}
quantities:
  - id: dead_turkey
    label: morts en Turquie
    kind: cumulative
    nouns: [mort, victime]
    predicates: [mourir, tuer]
    context: [Turquie, turc]
  - id: dead_syria
    label: morts en Syrie
    kind: cumulative
    nouns: [mort, victime]
    predicates: [mourir, tuer]
    context: [Syrie, syrien]
""",
        encoding="utf-8",
    )
    book = compile_rules(load_rules(tmp_path).rule_sets)
    toll = assigned_in_article(
        book,
        "seisme",
        "Trois jours après le séisme, le bilan dépasse les 11 200 morts selon les chiffres "
        "officiels : 8 574 en Turquie et 2 662 en Syrie.",
        title="Séisme en Turquie : le bilan s'alourdit encore",
    )
    assert toll == {11_200: None, 8_574: "dead_turkey", 2_662: "dead_syria"}
    # A whole that names the place in its own words keeps it.
    toll = assigned_in_article(
        book,
        "seisme",
        "En Turquie, le séisme a fait 8 574 morts, dont 2 000 à Antakya.",
    )
    assert toll[8_574] == "dead_turkey"


def test_a_figure_the_event_reached_is_not_kept_out_by_that_word(tmp_path: Path) -> None:
    (tmp_path / "feux.yaml").write_text(
        """\
topic:
  id: feux
  title: Incendies
  match: {any: [incendie, incendies, feu]}
quantities:
  - id: burnt
    label: surface brûlée
    kind: cumulative
    unit: hectares
    nouns: [hectare, végétation]
    predicates: [brûler, parcourir, ravager]
""",
        encoding="utf-8",
    )
    book = compile_rules(load_rules(tmp_path).rule_sets)
    text = "Les incendies ont ravagé la région : au total, 150 000 hectares touchés."
    assert quantities(book, "feux", text) == {1_500_000_000: "burnt"}
    # A word of its own that says another thing happened still keeps it out.
    text = "Les incendies ont ravagé la région, et 150 000 hectares replantés depuis."
    assert quantities(book, "feux", text) == {1_500_000_000: None}


def test_people_counted_by_ils_etaient_go_to_a_quantity_of_people(book: RuleBook) -> None:
    paris = quantities(
        book,
        "retraites",
        "Contre la réforme des retraites, ils étaient 93 000 à défiler à Paris selon la préfecture.",
    )
    assert paris == {93_000: "demonstrators_paris"}


def test_a_verb_that_says_the_event_produced_it_is_as_light_as_faire(book: RuleBook) -> None:
    """The event made what is counted ("a provoqué", "a causé", "a généré", "a occasionné"),
    as in "a fait"; the counted noun says which quantity."""
    quake = quantities(
        book, "seisme", "Au Maroc, la secousse a provoqué 2 900 décès, selon le ministère."
    )
    assert quake == {2900: "dead"}
    fires = quantities(
        book, "incendie", "En Grèce, la canicule a généré plus de 60 départs de feu dimanche."
    )
    assert fires == {60: "fires"}
    caused = quantities(book, "seisme", "Au Maroc, le séisme a entraîné 300 décès à Amizmiz.")
    assert caused == {300: "dead"}
    # Like "a fait", it leaves the choice to the noun and the context.
    for verb in ("fait", "causé"):
        text = f"Au Maroc, le séisme a {verb} 300 blessés, dont 40 grièvement."
        assert quantities(book, "seisme", text) == {300: "injured", 40: "injured_serious"}


def test_a_figure_stated_in_another_modality_is_kept_but_not_compared(
    book: RuleBook, tmp_path: Path
) -> None:
    """The quantity keeps a figure stated in another modality ("pourrait dépasser 3 000
    décès", "vont déployer 200 pompiers"): it is about it, but it is not compared and
    raises nothing."""
    from monitor.models import ArticleInput
    from monitor.pipeline import Pipeline
    from monitor.rules.matchers import judged
    from monitor.storage import open_database
    from monitor.storage.schema import AlertRow, ClaimRow

    cases = [
        ("seisme", "Au Maroc, le bilan du séisme pourrait dépasser 3 000 décès.", 3000, "dead"),
        (
            "incendie",
            "En Grèce, les autorités vont déployer 200 pompiers de plus.",
            200,
            "firefighters",
        ),
    ]
    for topic_id, text, value, expected in cases:
        topic = next(t for t in book.topics if t.id == topic_id)
        claims = find_claims(
            text, published=datetime(2023, 9, 10, tzinfo=UTC), lexicon=book.lexicon
        )
        claim = next(c for c in claims if c.value == value)
        quantity, checks = book.assign(topic, claim)
        assert quantity is not None and quantity.id == expected, checks
        assert not judged(claim, quantity)
        assert any(c.why.startswith("kept, not compared") for c in checks)
    pipeline = Pipeline(open_database(f"sqlite:///{tmp_path / 'm.db'}"), book)
    result = pipeline.ingest(
        ArticleInput(
            url="https://ex.fr/seisme", title="Séisme au Maroc", text=cases[0][1],
            published=datetime(2023, 9, 10, 12, tzinfo=UTC),
        )
    )  # fmt: skip
    assert result.alert_ids == []
    with pipeline.database.session() as session:
        stored = session.query(ClaimRow).filter(ClaimRow.value == 3000).one()
        assert (stored.quantity, stored.earlier, stored.modality) == ("dead", "planned", "planned")
        assert session.query(AlertRow).count() == 0
