"""Quality gate: the scorer on the annotated sets, and the scorer's own behaviour."""

from __future__ import annotations

import json

import pytest

from monitor.claims.evaluate import (
    DEFAULT_DIR,
    Report,
    load_documents,
    load_lexicon,
    main,
    score,
)
from monitor.models import Lexicon

EXCLUDED = ("year", "date", "calibre", "model", "ordinal", "article")


@pytest.fixture(scope="module")
def seeds_report(lexicon: Lexicon, model: None) -> Report:
    return score("seeds", load_documents("seeds", DEFAULT_DIR), lexicon)


@pytest.fixture(scope="module")
def cases_report(lexicon: Lexicon, model: None) -> Report:
    return score("cases", load_documents("cases", DEFAULT_DIR), lexicon)


def test_seed_targets(seeds_report: Report) -> None:
    fields = seeds_report.fields
    assert seeds_report.expected == 34
    assert fields["interval"].f1 >= 0.95, seeds_report.wrong_fields
    assert fields["source"].f1 >= 0.90, seeds_report.wrong_fields
    assert fields["modality"].f1 >= 0.90, seeds_report.wrong_fields
    assert fields["noun"].f1 >= 0.90, seeds_report.wrong_fields
    assert fields["predicate"].f1 >= 0.90, seeds_report.wrong_fields


def test_no_false_claim_from_excluded_categories(
    seeds_report: Report, cases_report: Report
) -> None:
    for report in (seeds_report, cases_report):
        assert not any(report.excluded_hits.get(category) for category in EXCLUDED), (
            report.false_claims
        )


def test_cases_targets(cases_report: Report) -> None:
    fields = cases_report.fields
    assert cases_report.expected >= 70
    assert fields["interval"].f1 >= 0.95, cases_report.misses + cases_report.false_claims
    for name in ("noun", "predicate", "source", "modality"):
        assert fields[name].f1 >= 0.90, (name, cases_report.wrong_fields)


def test_scorer_counts_misses_and_false_claims(lexicon: Lexicon, model: None) -> None:
    (document,) = [d for d in load_documents("cases", DEFAULT_DIR) if d.name == "qualifier-plus-de"]
    report = score("one", [document], lexicon)
    assert (report.expected, report.matched, report.misses, report.false_claims) == (1, 1, [], [])
    assert report.fields["interval"].correct == 1


def test_evaluate_command_prints_json(capsys: pytest.CaptureFixture[str], model: None) -> None:
    assert main(["--set", "seeds", "--json"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert report["set"] == "seeds"
    assert set(report["fields"]) >= {"interval", "noun", "predicate", "source", "modality"}


def test_lexicon_file_is_read() -> None:
    lexicon = load_lexicon(DEFAULT_DIR)
    assert lexicon.sources["snr"] == "NIS"
    assert lexicon.sources["budanov"] == "HUR"
    assert "unité d'artillerie" in lexicon.nouns
    assert lexicon.approx_tolerance == 0.1
