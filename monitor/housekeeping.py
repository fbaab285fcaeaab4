"""Daily housekeeping: prune what is only bookkeeping, give SQLite's space back.

The monitor keeps no raw HTML: pages are extracted as they arrive. What grows without
bound is the crawl log of pages that failed or were rejected (kept so they are not
fetched again and again) and the records of stopped daemons; both are pruned after the
retention period. On SQLite the write-ahead log is checkpointed and truncated, the query
planner's statistics refreshed, and the file vacuumed when a quarter of it is free.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy import CursorResult, delete

from monitor.settings import Settings
from monitor.storage import Database
from monitor.storage.schema import Base, DaemonStateRow

log = logging.getLogger(__name__)
VACUUM_FREE_SHARE = 0.25


def run(database: Database, settings: Settings, now: datetime | None = None) -> dict[str, int]:
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=settings.daemon.retention_days)
    pruned: dict[str, int] = {}
    with database.session() as session:
        crawled = Base.metadata.tables.get("crawled_pages")
        if crawled is not None:
            result = session.execute(
                delete(crawled).where(crawled.c.status != "ingested", crawled.c.fetched_at < cutoff)
            )
            assert isinstance(result, CursorResult)
            pruned["crawled_pages"] = result.rowcount or 0
        result = session.execute(
            delete(DaemonStateRow).where(
                DaemonStateRow.stopped_at.is_not(None), DaemonStateRow.stopped_at < cutoff
            )
        )
        assert isinstance(result, CursorResult)
        pruned["daemon_state"] = result.rowcount or 0
    if database.is_sqlite:
        compact_sqlite(database)
    log.info("housekeeping: pruned %s", ", ".join(f"{n} {t}" for t, n in pruned.items()))
    return pruned


def compact_sqlite(database: Database) -> None:
    """Checkpoint, refresh statistics, vacuum if worth it; outside any transaction."""
    raw = database.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("PRAGMA optimize")
        pages = cursor.execute("PRAGMA page_count").fetchone()[0] or 0
        free = cursor.execute("PRAGMA freelist_count").fetchone()[0] or 0
        if pages and free / pages >= VACUUM_FREE_SHARE:
            log.info("vacuuming SQLite: %d of %d pages free", free, pages)
            cursor.execute("VACUUM")
        cursor.close()
    finally:
        raw.close()
