"""Time expressions resolved against the article date."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.claims.timeref import find_times


@pytest.mark.parametrize(
    ("sentence", "published", "text", "when"),
    [
        ("Il a déclaré fin janvier que", date(2025, 2, 5), "fin janvier", date(2025, 1, 31)),
        (
            "doivent être déployés d’ici décembre",
            date(2024, 10, 24),
            "d’ici décembre",
            date(2024, 12, 31),
        ),
        ("d'ici à décembre", date(2024, 10, 24), "d'ici à décembre", date(2024, 12, 31)),
        ("livrés depuis août", date(2024, 10, 18), "depuis août", date(2024, 8, 1)),
        ("depuis novembre", date(2025, 2, 5), "depuis novembre", date(2024, 11, 1)),
        ("dès le 1er novembre", date(2024, 10, 24), "dès le 1er novembre", date(2024, 11, 1)),
        ("d'ici janvier", date(2024, 10, 24), "d'ici janvier", date(2025, 1, 31)),
        ("Le 29 juin dernier", date(2025, 7, 2), "Le 29 juin dernier", date(2025, 6, 29)),
        ("mi-mars", date(2025, 4, 2), "mi-mars", date(2025, 3, 15)),
        ("en 2025", date(2025, 2, 5), "en 2025", date(2025, 1, 1)),
        ("fin 2024", None, "fin 2024", date(2024, 12, 31)),
        ("d'ici 2030", None, "d'ici 2030", date(2030, 12, 31)),
        ("depuis fin 2024", None, "depuis fin 2024", date(2024, 12, 31)),
        ("à l'été 2024", None, "à l'été 2024", date(2024, 6, 21)),
        ("en juin 2024", None, "en juin 2024", date(2024, 6, 1)),
    ],
)
def test_times_resolve_against_the_article_date(
    sentence: str, published: date | None, text: str, when: date
) -> None:
    (found,) = find_times(sentence, published)
    assert (found.text, found.when) == (text, when)


def test_a_month_without_an_article_date_stays_unresolved() -> None:
    (found,) = find_times("fin janvier", None)
    assert (found.text, found.when) == ("fin janvier", None)
