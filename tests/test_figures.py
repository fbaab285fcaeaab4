"""Figures written for people: French grouping, decimal comma, units, never 1e+06."""

from __future__ import annotations

import pytest

from monitor.figures import (
    UnitSpec,
    format_amount,
    format_change,
    format_number,
    format_record,
    measure_unit,
    unit_spec,
)
from monitor.models import Qualifier, Unit

NNBSP = "\u202f"
EUR = UnitSpec(Unit.MONEY, "EUR")


@pytest.mark.parametrize(
    ("number", "written"),
    [
        (11000, f"11{NNBSP}000"),
        (1_216_000, f"1{NNBSP}216{NNBSP}000"),
        (1.5, "1,5"),
        (0.18, "0,18"),
        (-0.8, "-0,8"),
        (0.005, "0,005"),
        (1e15, f"1{NNBSP}000{NNBSP}000{NNBSP}000{NNBSP}000{NNBSP}000"),
    ],
)
def test_numbers_in_french_digits(number: float, written: str) -> None:
    assert format_number(number) == written
    assert "e+" not in format_number(number)


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "value", "unit", "written"),
    [
        (87e6, 87e6, "exact", 87e6, EUR, "87 M€"),
        (120e6, 150e6, "range", None, EUR, "120–150 M€"),
        (2.3e9, 2.3e9, "exact", 2.3e9, EUR, "2,3 Md€"),
        (1500, 1500, "exact", 1500, EUR, f"1{NNBSP}500 €"),
        (0.15, 0.18, "range", None, EUR, "0,15–0,18 €"),
        (1.2e9, 1.2e9, "exact", 1.2e9, UnitSpec(Unit.MONEY, "USD"), "1,2 Md$"),
        (2.5e6, 2.5e6, "exact", 2.5e6, UnitSpec(), "2,5 millions"),
        (1e6, 1e6, "exact", 1e6, UnitSpec(), "1 million"),
        (
            1_216_000,
            1_344_000,
            "range",
            None,
            UnitSpec(),
            f"1{NNBSP}216{NNBSP}000 – 1{NNBSP}344{NNBSP}000",
        ),
        (12.5, 12.5, "exact", 12.5, UnitSpec(Unit.PERCENT), f"12,5{NNBSP}%"),
        (0.7, 0.7, "exact", 0.7, UnitSpec(Unit.POINT), "0,7 point"),
        (150, None, "at_least", None, UnitSpec(), "au moins 150"),
        (None, 3, "less_than", None, UnitSpec(Unit.PERCENT), f"moins de 3{NNBSP}%"),
        (1e7, 1e7, "exact", 1e7, UnitSpec(Unit.MASS), f"10{NNBSP}000 t"),
        (800, 800, "exact", 800, UnitSpec(Unit.MASS), "800 kg"),
        (1.8e7, 1.8e7, "exact", 1.8e7, UnitSpec(Unit.AREA), f"1{NNBSP}800 ha"),
        (5e8, 5e8, "exact", 5e8, UnitSpec(Unit.POWER), "500 MW"),
        (0.12, 0.12, "exact", 0.12, UnitSpec(Unit.LENGTH), "120 mm"),
        (1e7, 1e7, "exact", 1e7, unit_spec("kg"), f"10{NNBSP}000{NNBSP}000 kg"),
    ],
)
def test_amounts_as_the_press_writes_them(low, high, qualifier, value, unit, written) -> None:
    assert format_amount(low, high, Qualifier(qualifier), value, unit) == written


def test_changes_are_signed_and_percentages_change_in_points() -> None:
    assert format_change(300) == "+300"
    assert format_change(-33e6, EUR) == "−33 M€"
    assert format_change(1.5, UnitSpec(Unit.PERCENT)) == "+1,5 point"


def test_records_from_json_are_formatted_in_their_unit() -> None:
    record = {
        "low": 87e6,
        "high": 87e6,
        "value": 87e6,
        "qualifier": "exact",
        "unit": "money",
        "currency": "EUR",
    }
    assert format_record(record) == "87 M€"
    known = {"low": 1e6, "high": None, "qualifier": "at_least"}  # a known claim has no unit
    assert format_record(known, EUR) == "au moins 1 M€"


@pytest.mark.parametrize(
    ("written", "kind", "currency"),
    [
        ("count", Unit.COUNT, None),
        ("%", Unit.PERCENT, None),
        ("points", Unit.POINT, None),
        ("euros", Unit.MONEY, "EUR"),
        ("EUR", Unit.MONEY, "EUR"),
        ("dirhams", Unit.MONEY, "MAD"),
        ("tonnes", Unit.MASS, None),
        ("hectares", Unit.AREA, None),
        ("MW", Unit.POWER, None),
        ("m3", Unit.VOLUME, None),
        ("pourcent", Unit.PERCENT, None),
        ("dollars US", Unit.MONEY, "USD"),
        ("dollars américains", Unit.MONEY, "USD"),
    ],
)
def test_unit_keys_of_rule_files(written: str, kind: Unit, currency: str | None) -> None:
    spec = unit_spec(written)
    assert spec is not None
    assert (spec.kind, spec.currency) == (kind, currency)


def test_an_unknown_unit_key_is_refused() -> None:
    assert unit_spec("brouettes") is None
    # A scale in the unit would make known figures a million times off: refused too.
    assert unit_spec("millions d'euros") is None
    assert measure_unit("tonnes") is not None
