"""What a crawl knows and records: the sources to poll, and what came of each.

The spider and the ingest pipeline fill :class:`SourceReport` per source;
``monitor.crawl`` turns the reports into source health in the database and into the
command's output. :class:`PageLedger` remembers which article pages were fetched, so
an article is fetched once (again only when its entry says it was updated).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from monitor.storage import Database
from monitor.storage.schema import ArticleRow, CrawledPageRow

if TYPE_CHECKING:
    from monitor.pipeline import Pipeline


@dataclass(frozen=True)
class SourceState:
    """A source as the spider needs it: where, what kind, and its validators."""

    id: int
    name: str
    url: str
    kind: str
    language: str | None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


@dataclass
class SourceReport:
    """What one crawl did with one source; ``status`` is ok, not_modified, unchanged or error."""

    name: str
    url: str
    status: str = "pending"
    entries: int = 0
    fetched: int = 0
    skipped_known: int = 0
    ingested: dict[str, int] = field(default_factory=dict)  # pipeline status -> count
    rejected: list[str] = field(default_factory=list)  # "URL: reason"
    page_errors: list[str] = field(default_factory=list)  # "URL: reason"
    alert_ids: list[int] = field(default_factory=list)
    claims: int = 0
    error_class: str | None = None
    error_status: int | None = None
    error_message: str | None = None
    retry_after: float | None = None
    moved_to: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None

    def fail(
        self,
        error_class: str,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.status = "error"
        self.error_class, self.error_message, self.error_status = error_class, message, status
        self.retry_after = retry_after

    def count(self, outcome: str) -> None:
        self.ingested[outcome] = self.ingested.get(outcome, 0) + 1

    def as_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "source": self.name,
            "url": self.url,
            "status": self.status,
            "entries": self.entries,
            "fetched": self.fetched,
            "skipped_known": self.skipped_known,
            "ingested": dict(sorted(self.ingested.items())),
            "claims": self.claims,
            "alerts": self.alert_ids,
            "rejected": self.rejected,
            "page_errors": self.page_errors,
        }
        if self.moved_to:
            record["moved_to"] = self.moved_to
        if self.status == "error":
            record["error"] = {
                "class": self.error_class,
                "http_status": self.error_status,
                "message": self.error_message,
                "retry_after": self.retry_after,
            }
        return record


@dataclass
class CrawlContext:
    """Everything the spider and its pipeline share during one crawl."""

    sources: list[SourceState]
    database: Database
    pipeline: Pipeline | None  # None: fetch only (benchmarks)
    run_id: int | None
    max_feed_bytes: int
    max_page_bytes: int
    reports: dict[str, SourceReport] = field(default_factory=dict)
    extract: bool = True  # False: fetch only, no extraction nor ingest (benchmarks)
    # False: collection only; articles are stored for the judge, whose claims it reads
    # later in another process (the daemon), so the crawl never loads the French model.
    judge: bool = True

    def __post_init__(self) -> None:
        for source in self.sources:
            self.reports.setdefault(source.name, SourceReport(source.name, source.url))

    def source(self, name: str) -> SourceState:
        return next(source for source in self.sources if source.name == name)


class PageLedger:
    """Pages already fetched, read in batches (one query per feed, not per entry)."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._pending: dict[str, dict[str, Any]] = {}

    def fetched(self, urls: Iterable[str]) -> dict[str, datetime | None]:
        """For each URL already handled (ingested, rejected, or stored as an article), the
        entry update time recorded with it."""
        wanted = list(dict.fromkeys(urls))
        found: dict[str, datetime | None] = {}
        if not wanted:
            return found
        with self.database.session() as session:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                pages = session.execute(
                    select(CrawledPageRow.url, CrawledPageRow.entry_updated).where(
                        CrawledPageRow.url.in_(chunk), CrawledPageRow.status != "error"
                    )
                )
                for url, updated in pages:
                    found[url] = _aware(updated)
                articles = session.scalars(select(ArticleRow.url).where(ArticleRow.url.in_(chunk)))
                for url in articles:
                    found.setdefault(url, None)
        return found

    def record(
        self,
        url: str,
        *,
        source_id: int | None,
        status: str,
        reason: str | None = None,
        http_status: int | None = None,
        article_id: int | None = None,
        entry_updated: datetime | None = None,
    ) -> None:
        """Note what came of a page; written by :meth:`flush` in one transaction."""
        self._pending[url] = {
            "source_id": source_id,
            "status": status,
            "reason": reason,
            "http_status": http_status,
            "article_id": article_id,
            "entry_updated": entry_updated,
            "fetched_at": datetime.now(UTC),
        }

    def flush(self) -> None:
        if not self._pending:
            return
        with self.database.session() as session:
            urls = list(self._pending)
            existing: dict[str, CrawledPageRow] = {}
            for start in range(0, len(urls), 500):
                rows = session.scalars(
                    select(CrawledPageRow).where(CrawledPageRow.url.in_(urls[start : start + 500]))
                )
                existing.update((row.url, row) for row in rows)
            for url, values in self._pending.items():
                row = existing.get(url)
                if row is None:
                    row = CrawledPageRow(url=url)
                    session.add(row)
                for key, value in values.items():
                    setattr(row, key, value)
        self._pending.clear()


def needs_fetch(known: dict[str, datetime | None], url: str, updated: datetime | None) -> bool:
    """A page is fetched when never handled, or when its entry was updated since."""
    if url not in known:
        return True
    previous = known[url]
    return updated is not None and (previous is None or updated > previous)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
