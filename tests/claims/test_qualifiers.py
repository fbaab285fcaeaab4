"""Qualifiers and ranges become intervals (no parser needed)."""

from __future__ import annotations

import pytest

from monitor.claims.qualifiers import find_quantities, interval
from monitor.models import Qualifier, Unit

Row = tuple[str, float | None, float | None, Qualifier, float | None]


def quantities(text: str, tolerance: float = 0.1) -> list[Row]:
    return [
        (text[q.start : q.end], q.low, q.high, q.qualifier, q.value)
        for q in find_quantities(text, tolerance=tolerance)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Environ 11 000 soldats ont été déployés.",
            ("Environ 11 000", 9900, 12100, Qualifier.APPROX, 11000),
        ),
        ("près de 1 500 militaires", ("près de 1 500", 1350, 1650, Qualifier.APPROX, 1500)),
        ("quelque dix mille soldats", ("quelque dix mille", 9000, 11000, Qualifier.APPROX, 10000)),
        ("autour de 400 blindés", ("autour de 400", 360, 440, Qualifier.APPROX, 400)),
        ("approximativement 50 chars", ("approximativement 50", 45, 55, Qualifier.APPROX, 50)),
        (
            "une estimation de 2 000 morts",
            ("une estimation de 2 000", 1800, 2200, Qualifier.APPROX, 2000),
        ),
        (
            "environ un millier de soldats",
            ("environ un millier", 800, 1200, Qualifier.APPROX, 1000),
        ),
        ("un millier de soldats", ("un millier", 800, 1200, Qualifier.APPROX, 1000)),
        ("une dizaine de drones", ("une dizaine", 7.5, 12.5, Qualifier.APPROX, 10)),
        ("300 environ", ("300 environ", 270, 330, Qualifier.APPROX, 300)),
        ("au moins 150 missiles", ("au moins 150", 150, None, Qualifier.AT_LEAST, 150)),
        (
            "pas moins de 11 000 soldats",
            ("pas moins de 11 000", 11000, None, Qualifier.AT_LEAST, 11000),
        ),
        ("plus de 13 000 conteneurs", ("plus de 13 000", 13000, None, Qualifier.MORE_THAN, 13000)),
        (
            "plus d’une centaine de blessés",
            ("plus d’une centaine", 100, None, Qualifier.MORE_THAN, 100),
        ),
        (
            "au-delà de 20 000 hommes",
            ("au-delà de 20 000", 20000, None, Qualifier.MORE_THAN, 20000),
        ),
        (
            "une foule dépassant 3 000 personnes",
            ("dépassant 3 000", 3000, None, Qualifier.MORE_THAN, 3000),
        ),
        ("jusqu’à 12 000 soldats", ("jusqu’à 12 000", None, 12000, Qualifier.AT_MOST, 12000)),
        ("jusqu'à 30 000 soldats", ("jusqu'à 30 000", None, 30000, Qualifier.AT_MOST, 30000)),
        ("au plus 200 instructeurs", ("au plus 200", None, 200, Qualifier.AT_MOST, 200)),
        ("au maximum 5 000 hommes", ("au maximum 5 000", None, 5000, Qualifier.AT_MOST, 5000)),
        ("pas plus de 40 chars", ("pas plus de 40", None, 40, Qualifier.AT_MOST, 40)),
        ("moins de 500 soldats", ("moins de 500", None, 500, Qualifier.LESS_THAN, 500)),
        ("300 soldats", ("300", 300, 300, Qualifier.EXACT, 300)),
    ],
)
def test_qualifiers_give_intervals(sentence: str, expected: Row) -> None:
    assert quantities(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("entre 25 000 et 30 000 hommes", ("entre 25 000 et 30 000", 25000, 30000)),
        ("Entre 25 000 et 30 000 hommes", ("Entre 25 000 et 30 000", 25000, 30000)),
        ("de 11 000 à 12 000 soldats", ("de 11 000 à 12 000", 11000, 12000)),
        ("aux 11 000 à 12 000 nord-coréens", ("11 000 à 12 000", 11000, 12000)),
        ("11 000-12 000 soldats", ("11 000-12 000", 11000, 12000)),
        ("entre dix et douze mille soldats", ("entre dix et douze mille", 10000, 12000)),
        ("deux ou trois blindés", ("deux ou trois", 2, 3)),
        ("entre 1 et 2 millions d’euros", ("entre 1 et 2 millions d’euros", 1e6, 2e6)),
    ],
)
def test_ranges(sentence: str, expected: tuple[str, float, float]) -> None:
    (row,) = quantities(sentence)
    assert row == (*expected, Qualifier.RANGE, None)


def test_a_range_of_money_keeps_its_unit() -> None:
    (quantity,) = find_quantities("entre 1 et 2 millions d’euros")
    assert (quantity.unit, quantity.currency) == (Unit.MONEY, "EUR")


def test_vague_amounts_stay_vague_and_open_no_value() -> None:
    assert quantities("des dizaines de missiles balistiques") == [
        ("des dizaines", 20, 99, Qualifier.VAGUE, None)
    ]


def test_tolerance_comes_from_the_lexicon() -> None:
    assert quantities("environ 2 700 blessés", tolerance=0.2) == [
        ("environ 2 700", 2160, 3240, Qualifier.APPROX, 2700)
    ]


def test_interval_of_each_qualifier() -> None:
    assert interval(Qualifier.EXACT, 300, 0.1) == (300, 300)
    assert interval(Qualifier.APPROX, 300, 0.1) == (270, 330)
    assert interval(Qualifier.AT_LEAST, 300, 0.1) == (300, None)
    assert interval(Qualifier.MORE_THAN, 300, 0.1) == (300, None)
    assert interval(Qualifier.AT_MOST, 300, 0.1) == (None, 300)
    assert interval(Qualifier.LESS_THAN, 300, 0.1) == (None, 300)


def test_two_figures_in_a_sentence_are_two_quantities() -> None:
    assert quantities("300 soldats ont été tués et environ 2 700 blessés") == [
        ("300", 300, 300, Qualifier.EXACT, 300),
        ("environ 2 700", 2430, 2970, Qualifier.APPROX, 2700),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A comparison written with a bare number: the unit of the figure it compares with.
        ("Le gazole recule, à 2,0866 euros contre 2,0960 le 10 juin.",
         [(2.0866, "money"), (2.096, "money")]),
        ("Le déficit atteint 2,4 milliards d'euros, contre 1,8 l'an dernier.",
         [(2.4e9, "money"), (1.8e9, "money")]),
        ("Le taux de grévistes atteint 30 %, contre 27 samedi.",
         [(30, "percent"), (27, "percent")]),
        # The next step of a sequence, and a gapped subject before "de ... à".
        ("La remise passera à trente centimes en septembre, puis à 10 en novembre.",
         [(0.3, "money"), (0.1, "money")]),
        ("Le SP98 est passé de 1,62 à 1,68 euro le litre, le SP95 de 1,57 à 1,64.",
         [(1.62, "money"), (1.68, "money"), (1.57, "money")]),
        # A number with its own noun keeps it.
        ("Il a payé 50 euros et 3 enfants sont venus.", [(50, "money"), (3, "count")]),
    ],
)  # fmt: skip
def test_a_bare_number_after_a_figure_takes_its_unit(
    text: str, expected: list[tuple[float, str]]
) -> None:
    found = [(q.low, str(q.unit)) for q in find_quantities(text)]
    assert found == [(pytest.approx(v), unit) for v, unit in expected]
