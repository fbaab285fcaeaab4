"""Near copies are one report: the pipeline stores them as copies of the original."""

from __future__ import annotations

from monitor.models import ArticleInput
from monitor.neardup import dedupe_paragraphs, minhash, similarity
from monitor.pipeline import Pipeline
from monitor.rules.matchers import RuleBook
from monitor.storage import Database
from tests.paths import SEEDS

SEED = (SEEDS / "004_7a69544080bf7211.txt").read_text(encoding="utf-8")


def no_claims(text: str, **options: object) -> list:
    return []


def test_a_reprint_with_its_own_credits_is_a_copy(database: Database, book: RuleBook) -> None:
    pipeline = Pipeline(database, book, finder=no_claims)
    first = pipeline.ingest(ArticleInput(url="https://a.fr/1", text=SEED, language="fr"))
    reprint = "(AFP) Dépêche reprise par nos partenaires.\n" + SEED + "\nLire aussi : la suite."
    second = pipeline.ingest(ArticleInput(url="https://b.fr/2", text=reprint, language="fr"))
    other = pipeline.ingest(
        ArticleInput(
            url="https://c.fr/3",
            text=(SEEDS / "003_4e66c6fae4b9ad72.txt").read_text(),
            language="fr",
        )
    )
    assert (first.status, second.status, other.status) == ("new", "copy", "new")
    with database.session() as session:
        from monitor.storage.schema import ArticleRow

        copy = session.get_one(ArticleRow, second.article_id)
        assert copy.duplicate_of_id == first.article_id


def test_a_page_repeating_its_paragraphs_is_the_same_report() -> None:
    text = (SEEDS / "000_b9c6da5d751b0bbe.txt").read_text(encoding="utf-8")
    cleaned = dedupe_paragraphs(text)
    assert cleaned.count("Une alliance renforcée entre Pyongyang et Moscou") == 1
    assert len(cleaned) < len(text)
    assert similarity(minhash(cleaned) or b"", minhash(text) or b"") >= 0.95
    other = minhash((SEEDS / "001_125bc9ff60828318.txt").read_text(encoding="utf-8"))
    assert similarity(minhash(text) or b"", other or b"") < 0.1
