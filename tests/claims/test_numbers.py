"""Numbers as French newspapers write them (no parser needed)."""

from __future__ import annotations

import pytest

from monitor.claims.numbers import find_figures, parse_digits, parse_words
from monitor.models import Unit


def figures(text: str) -> list[tuple[str, float | None, float | None, float | None]]:
    return [(text[f.start : f.end], f.value, f.low, f.high) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2 700", 2700),
        ("2\u00a0700", 2700),
        ("2\u202f700", 2700),
        ("4.700", 4700),
        ("1'200", 1200),
        ("1’200", 1200),
        ("8000", 8000),
        ("1 500 000", 1_500_000),
        ("1,5", 1.5),
        ("11,000", 11000),
    ],
)
def test_digits_with_any_thousands_separator(written: str, value: float) -> None:
    assert parse_digits(written) == value


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("Kiev a reçu 1,5 million d’obus.", "1,5 million", 1_500_000),
        ("Il faudrait 3 millions d’obus.", "3 millions", 3_000_000),
        ("L’UE livrera trois millions d’obus.", "trois millions", 3_000_000),
        ("Onze mille personnes ont fui.", "Onze mille", 11_000),
        ("quelque dix mille soldats", "dix mille", 10_000),
        ("deux cents pompiers", "deux cents", 200),
        ("quatre-vingt-dix militaires", "quatre-vingt-dix", 90),
        ("vingt et un morts", "vingt et un", 21),
        ("Trois mille militaires seraient présents.", "Trois mille", 3000),
    ],
)
def test_scale_words_and_numbers_in_words(sentence: str, written: str, value: float) -> None:
    assert figures(sentence) == [(written, value, value, value)]


def test_words_are_read_with_text2num() -> None:
    assert parse_words("deux mille cinq cents") == 2500
    assert parse_words("soixante et onze") == 71
    assert parse_words("pas un nombre") is None


@pytest.mark.parametrize("sentence", ["Un soldat a été blessé.", "une centrale", "l’un des deux"])
def test_an_article_is_not_a_count(sentence: str) -> None:
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "written", "low", "high"),
    [
        ("des dizaines de missiles", "des dizaines", 20, 99),
        ("Des centaines de civils", "Des centaines", 200, 999),
        ("plusieurs milliers de soldats", "plusieurs milliers", 2000, 9999),
        ("des milliers de soldats", "des milliers", 2000, 9999),
        ("quelques centaines de manifestants", "quelques centaines", 200, 999),
        ("des dizaines de milliers de morts", "des dizaines de milliers", 20_000, 99_999),
        ("des centaines de milliers de réfugiés", "des centaines de milliers", 200_000, 999_999),
        ("des millions de déplacés", "des millions", 2_000_000, 999_999_999),
    ],
)
def test_vague_amounts_are_intervals_without_value(
    sentence: str, written: str, low: float, high: float
) -> None:
    (figure,) = find_figures(sentence)
    assert (sentence[figure.start : figure.end], figure.value, figure.low, figure.high) == (
        written,
        None,
        low,
        high,
    )
    assert figure.vague


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("une dizaine de drones", "une dizaine", 10),
        ("un millier de soldats", "un millier", 1000),
        ("une centaine de blessés", "une centaine", 100),
        ("une vingtaine de chars", "une vingtaine", 20),
        ("une dizaine de milliers de soldats", "une dizaine de milliers", 10_000),
    ],
)
def test_round_amounts_are_approximate(sentence: str, written: str, value: float) -> None:
    (figure,) = find_figures(sentence)
    assert sentence[figure.start : figure.end] == written
    assert figure.value == value
    assert figure.round


@pytest.mark.parametrize(
    "sentence",
    [
        "La Corée du Nord intensifiera ses programmes d’ici 2025.",
        "depuis fin 2024",
        "une offensive avait eu lieu à l’été 2024",
        "En 2025, la situation a changé.",
        "Ce 24 octobre, les députés ont voté.",
        "Une image diffusée mardi 1er juillet.",
        "Le 29 juin dernier, Kim Jong-un saluait les soldats.",
        "dès le 1er novembre",
        "le 24/10/2024",
        "des systèmes d’artillerie automotrice de 170 mm",
        "des lance-roquettes de 240 mm à longue portée",
        "une portée de 300 km",
        "un obus de 45 kg",
        "un navire de 2 000 tonnes",
        "des missiles KN-23",
        "des unités M-1989 et des lance-roquettes M-1991",
        "une réunion du G7 en Italie",
        "des Su-25 et des F-16",
        "un A400M",
        "au nord du 38e parallèle",
        "le 1er régiment",
        "la deuxième plus grande armée",
        "Ce traité prévoit en son article 4 une aide militaire.",
        "un homme âgé de 25 ans",
        "âgés de 18 à 25 ans",
        "Il a 45 ans.",
        "à 14h30",
        "à 14 h 30",
        "à 9 heures",
        "pendant trois jours",
        "depuis 1 000 jours de guerre",
        "six mois de combats",
        "deux tiers des soldats",
        "trois fois plus",
        "Les deux pays sont liés par un traité.",
        "entre deux des régimes les plus fermés",
        "une note [3]",
        "la section « 37 »",
        "appelez le 01 23 45 67 89",
        "un score de 3-1",
    ],
)
def test_numbers_that_are_not_counts(sentence: str) -> None:
    assert figures(sentence) == []


def test_a_year_like_number_before_a_plural_noun_is_a_count() -> None:
    assert figures("Pyongyang a envoyé 2000 soldats.") == [("2000", 2000, 2000, 2000)]


@pytest.mark.parametrize(
    ("sentence", "written", "value", "currency"),
    [
        ("une aide de 1,2 milliard d’euros", "1,2 milliard d’euros", 1.2e9, "EUR"),
        ("500 millions de dollars", "500 millions de dollars", 5e8, "USD"),
        ("un contrat de 300 M€", "300 M€", 300, "EUR"),
        ("une rançon de $500", "$500", 500, "USD"),
        ("un budget de 40 000 €", "40 000 €", 40_000, "EUR"),
        ("un prêt de 2 milliards de wons", "2 milliards de wons", 2e9, "KRW"),
    ],
)
def test_money_keeps_its_unit_and_currency(
    sentence: str, written: str, value: float, currency: str
) -> None:
    (figure,) = find_figures(sentence)
    assert sentence[figure.start : figure.end] == written
    assert (figure.value, figure.unit, figure.currency) == (value, Unit.MONEY, currency)


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("une hausse de 7 %", "7 %", 7),
        ("3,8\u00a0% des votants", "3,8\u00a0%", 3.8),
        ("vingt pour cent des soldats", "vingt pour cent", 20),
    ],
)
def test_percentages_keep_their_unit(sentence: str, written: str, value: float) -> None:
    (figure,) = find_figures(sentence)
    assert (sentence[figure.start : figure.end], figure.value, figure.unit) == (
        written,
        value,
        Unit.PERCENT,
    )
