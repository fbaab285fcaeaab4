"""The one ingest path on real databases: idempotence, copies, updates, off-topic, outbox."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from monitor.fixtures import read_fixtures
from monitor.models import ArticleInput
from monitor.pipeline import Pipeline
from monitor.rules.matchers import RuleBook
from monitor.storage import Database, open_database
from monitor.storage.schema import (
    AlertRow,
    ArticleRow,
    ClaimRow,
    DeliveryRow,
    EvidenceRow,
)
from tests.paths import SEEDS

KILLED = (
    "Selon le renseignement sud-coréen, environ 300 soldats nord-coréens ont été tués "
    "et 2 700 blessés depuis leur déploiement dans la région russe de Koursk."
)
MORE_KILLED = (
    "D'après la chaîne américaine CNN, 600 soldats nord-coréens ont été tués en Russie "
    "depuis leur arrivée sur le front ukrainien, un bilan en forte hausse."
)


def counts(database: Database) -> dict[str, int]:
    with database.session() as session:
        return {
            table.__tablename__: session.scalar(select(func.count()).select_from(table)) or 0
            for table in (ArticleRow, ClaimRow, AlertRow, DeliveryRow, EvidenceRow)
        }


def article(url: str, text: str, month: int, day: int = 1) -> ArticleInput:
    published = datetime(2025, month, day, tzinfo=UTC)
    return ArticleInput(url=url, text=text, title=None, published=published, language="fr")


@pytest.fixture
def pipeline(database: Database, book: RuleBook) -> Pipeline:
    return Pipeline(database, book, channels=["desk-mail", "webhook"])


def test_ingesting_the_seeds_twice_adds_nothing(pipeline: Pipeline, database: Database) -> None:
    articles = [item.article for item in read_fixtures([SEEDS]) if item.article]
    first = [pipeline.ingest(a) for a in articles]
    assert [r.status for r in first] == ["new"] * 5
    after_first = counts(database)
    assert after_first["claims"] > 20 and after_first["alerts"] > 5
    second = [pipeline.ingest(a) for a in articles]
    assert [r.status for r in second] == ["unchanged"] * 5
    assert [r.alert_ids for r in second] == [[]] * 5
    assert counts(database) == after_first


def test_every_alert_gets_one_outbox_row_per_channel(
    pipeline: Pipeline, database: Database
) -> None:
    result = pipeline.ingest(article("https://ex.fr/a", KILLED, 2))
    assert result.alert_ids, "the first figures for killed and wounded raise alerts"
    with database.session() as session:
        rows = session.execute(select(DeliveryRow.alert_id, DeliveryRow.channel)).all()
        keys = session.scalars(select(DeliveryRow.idempotency_key)).all()
    assert sorted(rows) == sorted(
        (alert_id, channel) for alert_id in result.alert_ids for channel in ("desk-mail", "webhook")
    )
    assert len(set(keys)) == len(keys)


def test_new_figure_then_the_same_figure_elsewhere_is_evidence(
    pipeline: Pipeline, database: Database
) -> None:
    pipeline.ingest(article("https://ex.fr/a", KILLED, 2))
    raised = pipeline.ingest(article("https://ex.fr/b", MORE_KILLED, 7))
    with database.session() as session:
        alerts = session.scalars(select(AlertRow).where(AlertRow.id.in_(raised.alert_ids))).all()
        assert [(a.kind, a.quantity) for a in alerts] == [("new_figure", "killed")]
        assert alerts[0].summary.startswith("Nouveau chiffre : tués environ 300 → 600 (CNN)")
        assert alerts[0].previous_claim is not None and alerts[0].previous_claim.value == 300
    # Another outlet's own wording of the same 600: no new alert, one more piece of evidence.
    reworded = (
        "Le bilan s'alourdit : 600 soldats nord-coréens auraient été tués en Russie, selon CNN. "
        "Pyongyang n'a pas commenté."
    )
    later = pipeline.ingest(article("https://autre.fr/c", reworded, 7, 2))
    assert later.alert_ids == [] and later.evidence == 1


def test_two_sources_disagreeing_within_the_window_contradict(
    pipeline: Pipeline, database: Database
) -> None:
    pipeline.ingest(article("https://ex.fr/a", KILLED, 2, 5))
    raised = pipeline.ingest(article("https://ex.fr/b", MORE_KILLED, 2, 20))
    with database.session() as session:
        [alert] = session.scalars(select(AlertRow).where(AlertRow.id.in_(raised.alert_ids)))
        assert (alert.kind, alert.quantity, alert.details["reason"]) == (
            "contradiction",
            "killed",
            "sources",
        )
        assert alert.summary == (
            "Contradiction : tués 600 (CNN) contre environ 300 (NIS), +300 (+100\u202f%)"
        )


def test_a_syndicated_copy_is_stored_as_a_copy_and_raises_nothing(
    pipeline: Pipeline, database: Database
) -> None:
    original = pipeline.ingest(article("https://ex.fr/a", KILLED, 2))
    copy = pipeline.ingest(article("https://autre.fr/depeche", KILLED, 3))
    assert copy.status == "copy" and copy.alert_ids == [] and copy.claims == 0
    assert copy.evidence == len(original.alert_ids)
    with database.session() as session:
        row = session.get_one(ArticleRow, copy.article_id)
        assert row.duplicate_of_id == original.article_id


def test_an_updated_article_adds_only_its_new_claims(
    pipeline: Pipeline, database: Database
) -> None:
    first = pipeline.ingest(article("https://ex.fr/a", KILLED, 2))
    before = counts(database)
    updated = pipeline.ingest(article("https://ex.fr/a", KILLED + " " + MORE_KILLED, 2))
    assert updated.status == "updated"
    assert updated.article_id == first.article_id
    after = counts(database)
    assert after["articles"] == before["articles"]
    assert after["claims"] > before["claims"]


def test_off_topic_and_foreign_articles_give_no_claims(
    pipeline: Pipeline, database: Database
) -> None:
    off_topic = article(
        "https://ex.fr/sport",
        "Le club a recruté 3 nouveaux joueurs pour 12 millions d'euros, selon L'Équipe.",
        2,
    )
    assert pipeline.ingest(off_topic).status == "off_topic"
    english = replace(article("https://ex.com/en", KILLED, 2), language="en")
    assert pipeline.ingest(english).status == "not_french"
    assert counts(database)["claims"] == 0


def test_an_earlier_figure_is_kept_but_raises_nothing(
    pipeline: Pipeline, database: Database
) -> None:
    pipeline.ingest(article("https://ex.fr/a", KILLED, 2, 5))
    earlier = (
        "Dans la région russe de Koursk, un précédent bilan du renseignement sud-coréen faisait "
        "état de 100 soldats nord-coréens tués."
    )
    raised = pipeline.ingest(article("https://ex.fr/c", earlier, 2, 6))
    assert raised.alert_ids == []
    with database.session() as session:
        row = session.scalars(select(ClaimRow).where(ClaimRow.value_text == "100")).one()
        assert (row.quantity, row.earlier) == ("killed", "earlier")


def alert_keys(database: Database) -> list[tuple[str, str | None, str]]:
    with database.session() as session:
        rows = session.scalars(select(AlertRow).order_by(AlertRow.id)).all()
        return [(row.kind, row.quantity, row.summary) for row in rows]


def test_stored_then_judged_gives_what_ingest_gives(
    pipeline: Pipeline, database: Database, book: RuleBook, tmp_path: Path
) -> None:
    other_database = open_database(f"sqlite:///{tmp_path / 'collected.db'}")
    articles = [item.article for item in read_fixtures([SEEDS]) if item.article]
    for item in articles:
        pipeline.ingest(item)
    # Collection stores; the judge reads them later, in publication order, whatever order
    # they were stored in.
    collected = Pipeline(other_database, book, channels=["desk-mail", "webhook"])
    stored = [collected.store(item) for item in reversed(articles)]
    assert [result.status for result in stored] == ["new"] * 5
    assert counts(other_database)["claims"] == 0
    assert len(collected.pending()) == 5
    judged = collected.judge_pending()
    assert judged.articles == 5 and len(judged.alert_ids) > 5
    assert alert_keys(other_database) == alert_keys(database)
    assert counts(other_database) == counts(database)
    assert collected.pending() == [] and collected.judge_pending().articles == 0
    # Stored again unchanged, nothing waits; an updated text waits for the judge again.
    assert collected.store(articles[0]).status == "unchanged"
    assert collected.pending() == []
    updated = replace(articles[0], text=articles[0].text + "\n\nUn paragraphe ajouté.")
    assert collected.store(updated).status == "updated"
    assert collected.pending() == [stored[-1].article_id]
    other_database.dispose()


def test_the_engine_sees_the_same_verdicts_through_the_bounded_references(
    pipeline: Pipeline, database: Database
) -> None:
    """The references read for an article (the figures it may agree with, the latest
    ones, its source's, what a denial disagrees with) give the engine the same verdicts as
    every earlier figure of the quantity, on a seeded random history."""
    import random

    from sqlalchemy import insert

    from monitor.models import Qualifier
    from monitor.rules.engine import Figure, judge_article

    rng = random.Random(7)
    qualifiers = ["exact", "exact", "approx", "at_least", "more_than", "at_most", "range", "vague"]
    sources = ["NIS", "Kiev", "Pentagone", None]
    now = datetime(2024, 1, 1, tzinfo=UTC)
    articles, claims = [], []
    for number in range(300):
        published = datetime(2024, 1 + number // 40, 1 + number % 28, number % 24, tzinfo=UTC)
        articles.append(
            {"id": number + 1, "url": f"https://ex.fr/{number}", "text": "x",
             "published": published, "first_seen": now, "updated_at": now,
             "content_hash": str(number)}
        )  # fmt: skip
        for index in range(3):
            value = float(rng.choice([rng.randint(1, 40) * 50, 300, 600, 1000]))
            qualifier = rng.choice(qualifiers)
            low: float | None = value
            high: float | None = value * (1.5 if qualifier in ("range", "vague") else 1)
            if qualifier in ("at_least", "more_than"):
                high = None
            elif qualifier == "at_most":
                low = None
            claims.append(
                {"article_id": number + 1, "fingerprint": f"{number}-{index}",
                 "topic": "coree-du-nord-russie", "quantity": "killed", "value_text": "x",
                 "value": value, "low": low, "high": high, "qualifier": qualifier,
                 "unit": "count", "source": rng.choice(sources), "modality": "asserted",
                 "sentence": "x", "span_start": 0, "span_end": 1, "denial": False,
                 "created_at": now, "published": published}
            )  # fmt: skip
    with database.session() as session:
        session.execute(insert(ArticleRow), articles)
        session.execute(insert(ClaimRow), claims)
    topic = next(t for t in pipeline.book.topics if t.id == "coree-du-nord-russie")
    quantity = next(q for q in topic.quantities if q.id == "killed")
    own = {"claim:899", "claim:900"}  # the last article's claims are the one judged
    verdicts = []
    for _ in range(600):
        value = float(rng.choice([rng.randint(1, 90) * 50, 300, 600]))
        cumulative = rng.random() < 0.5
        qualifier = Qualifier(rng.choice(qualifiers[:-1]))
        figure = Figure(
            low=None if qualifier == Qualifier.AT_MOST else value,
            high=None if qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN) else value,
            qualifier=qualifier, value=value, source=rng.choice(sources),
            stated_on=datetime(2024, 8, rng.choice([1, 20])).date(), denial=rng.random() < 0.2,
            revision=rng.random() < 0.3, reference_id="claim:900",
        )  # fmt: skip
        with database.session() as session:
            every = pipeline._references(session, topic, quantity, exclude=own)
            bounded = pipeline._references(session, topic, quantity, exclude=own, figures=[figure])
        assert set(bounded) < set(every)
        judged = []
        for references in (every, bounded):
            (group,) = judge_article(
                [figure], list(references.values()), cumulative=cumulative, alerting=topic.alerting
            )
            agreeing = sorted(str(reference.reference_id) for reference in group.agreeing)
            judged.append((group.verdict, agreeing))
        assert judged[0] == judged[1], figure
        verdicts.append(judged[0][0].kind if judged[0][0] else None)
    assert len(set(verdicts)) >= 3  # new figures, contradictions and agreements were tried
