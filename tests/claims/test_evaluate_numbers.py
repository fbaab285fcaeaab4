"""The number evaluation: its annotations hold together, its scorer judges, floors hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.claims.evaluate_numbers import DEFAULT_DIR, SETS, evaluate, load, main

UNITS = {
    "count", "percent", "point", "money", "t", "kg", "g", "l", "hl", "m3", "ha", "km2",
    "m2", "km", "m", "cm", "mm", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "km/h", "°C",
}  # fmt: skip


@pytest.mark.parametrize("name", SETS)
def test_every_annotation_quotes_its_sentence_once(name: str) -> None:
    cases = load(name)
    assert len({case["id"] for case in cases}) == len(cases)
    for case in cases:
        for item in (case.get("figures") or []) + (case.get("not_figures") or []):
            assert case["text"].count(item["text"]) == 1, (case["id"], item["text"])
        for figure in case.get("figures") or []:
            assert figure["unit"] in UNITS, (case["id"], figure)


def test_the_scorer_tells_right_from_wrong(tmp_path: Path) -> None:
    cases = [
        {
            "id": "a",
            "family": "measure",
            "text": "Le PAM a livré 10 000 tonnes de blé en 2022.",
            "figures": [
                {"text": "10 000 tonnes", "qualifier": "exact", "value": 10000, "unit": "t"}
            ],
            "not_figures": [{"text": "2022", "category": "year"}],
        },
        {
            "id": "b",
            "family": "bound-words",
            "text": "Plus de 300 manifestants et une vingtaine de policiers.",
            "figures": [
                {"text": "Plus de 300", "qualifier": "at_least", "low": 300, "unit": "count"},
                {"text": "une vingtaine", "qualifier": "approx", "value": 20, "unit": "count"},
            ],
        },
    ]
    report = evaluate(cases, "synthetic")
    assert (report.numbers.right, report.numbers.total) == (2, 3)  # "plus de" is more_than
    assert (report.non_figures.right, report.non_figures.total) == (1, 1)
    assert any("qualifier at_least" in miss for miss in report.misses)


def test_the_development_set_stays_above_its_floor() -> None:
    report = evaluate(load("dev"), "dev")
    assert report.numbers.share >= 0.85
    assert report.ranges.share >= 0.75
    assert report.non_figures.share >= 0.9


def test_the_held_out_set_meets_the_targets() -> None:
    report = evaluate(load("heldout"), "heldout")
    assert report.numbers.share >= 0.85
    assert report.ranges.share >= 0.75


def test_the_command_prints_a_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--set", "heldout", "--misses", "--dir", str(DEFAULT_DIR)]) == 0
    output = capsys.readouterr().out
    assert output.startswith("heldout: numbers ")
    assert "never tuned on" in output
