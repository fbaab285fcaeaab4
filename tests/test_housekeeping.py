"""Housekeeping prunes old bookkeeping and compacts SQLite, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select

from monitor.housekeeping import run
from monitor.settings import load_settings
from monitor.storage import Database
from monitor.storage.schema import Base, DaemonStateRow


def test_old_failed_pages_and_stopped_daemons_are_pruned(database: Database) -> None:
    now = datetime(2026, 3, 1, tzinfo=UTC)
    old, recent = now - timedelta(days=40), now - timedelta(days=2)
    crawled = Base.metadata.tables["crawled_pages"]
    with database.session() as session:
        session.execute(
            insert(crawled),
            [
                {"url": "https://ex.fr/old-error", "status": "error", "fetched_at": old},
                {"url": "https://ex.fr/old-ingested", "status": "ingested", "fetched_at": old},
                {"url": "https://ex.fr/recent-error", "status": "error", "fetched_at": recent},
            ],
        )
        for stopped in (old, recent, None):
            session.add(
                DaemonStateRow(
                    host="h", pid=1, version="x", started_at=old, heartbeat_at=old,
                    stopped_at=stopped, status="stopped",
                )
            )  # fmt: skip
    pruned = run(database, load_settings(database_url=database.url), now=now)
    assert pruned == {"crawled_pages": 1, "daemon_state": 1}
    with database.session() as session:
        urls = sorted(session.scalars(select(crawled.c.url)))
        assert urls == ["https://ex.fr/old-ingested", "https://ex.fr/recent-error"]
        assert session.scalar(select(func.count()).select_from(DaemonStateRow)) == 2
