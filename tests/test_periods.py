"""Quantities counted per day or per event: each day or event is compared with itself."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from monitor.models import ArticleInput
from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.rules.matchers import RuleBook, compile_rules
from monitor.storage import Database
from monitor.storage.schema import AlertRow
from tests.paths import ROOT

RULES = ROOT / "tests" / "data" / "rules_periods"


@pytest.fixture
def periods_book() -> RuleBook:
    result = load_rules(RULES)
    assert not result.problems
    return compile_rules(result.rule_sets)


def article(url: str, text: str, month: int, day: int) -> ArticleInput:
    published = datetime(2023, month, day, 18, tzinfo=UTC)
    return ArticleInput(url=url, text=text, title=None, published=published, language="fr")


def kinds(database: Database, ids: list[int]) -> list[tuple[str, str]]:
    with database.session() as session:
        rows = session.scalars(select(AlertRow).where(AlertRow.id.in_(ids)).order_by(AlertRow.id))
        return [(row.kind, row.summary) for row in rows]


def test_turnout_of_each_day_is_compared_with_that_day_only(
    database: Database, periods_book: RuleBook
) -> None:
    pipeline = Pipeline(database, periods_book)
    first = pipeline.ingest(
        article(
            "https://ex.fr/1",
            "Contre la réforme des retraites, 1,12 million de manifestants ont défilé en France "
            "jeudi, selon le ministère de l'Intérieur.",
            1,
            19,
        )
    )
    assert [kind for kind, _ in kinds(database, first.alert_ids)] == ["new_quantity"]
    # Another day: a first figure for that day, not a fall from 1,12 million.
    later = pipeline.ingest(
        article(
            "https://ex.fr/2",
            "Réforme des retraites : 757 000 manifestants ont défilé en France ce mardi, selon "
            "le ministère de l'Intérieur.",
            2,
            7,
        )
    )
    assert [kind for kind, _ in kinds(database, later.alert_ids)] == ["new_quantity"]
    # The same day from another source: a contradiction.
    unions = pipeline.ingest(
        article(
            "https://ex.fr/3",
            "Réforme des retraites : selon la CGT, 2 millions de manifestants ont défilé en "
            "France mardi.",
            2,
            7,
        )
    )
    [(kind, summary)] = kinds(database, unions.alert_ids)
    assert kind == "contradiction"
    assert "757\u202f000 (Intérieur)" in summary


def test_turnout_of_each_round_is_compared_with_that_round_only(
    database: Database, periods_book: RuleBook
) -> None:
    pipeline = Pipeline(database, periods_book)
    pipeline.ingest(
        article(
            "https://ex.fr/4",
            "Élections législatives : la participation au premier tour s'établit à 47,5 %.",
            6,
            12,
        )
    )
    second = pipeline.ingest(
        article(
            "https://ex.fr/5",
            "Élections législatives : au second tour, la participation atteint 46,2 %.",
            6,
            19,
        )
    )
    assert [kind for kind, _ in kinds(database, second.alert_ids)] == ["new_quantity"]
    revised = pipeline.ingest(
        article(
            "https://ex.fr/6",
            "Élections législatives : la participation définitive au premier tour est de 52,5 %.",
            6,
            13,
        )
    )
    [(_kind, summary)] = kinds(database, revised.alert_ids)
    assert "47,5\u202f%" in summary and "52,5\u202f%" in summary
