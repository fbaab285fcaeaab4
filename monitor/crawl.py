"""Running one crawl, and keeping each source's health.

:func:`run_crawl` polls the due sources once with Scrapy (a ``CrawlerProcess`` in this
process: call it once per process; the daemon runs ``monitor crawl --once`` as a child
so Twisted's reactor is never restarted), feeds every article page through the ingest
pipeline, then writes each source's health: consecutive errors, last error (class, HTTP
status, message), last success and the next attempt. A failing source is retried with
an exponential backoff up to a cap; it is never disabled behind the user's back.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from monitor.destinations import parse_networks
from monitor.errors import ConfigError
from monitor.pipeline import Pipeline, RunStats
from monitor.settings import Settings
from monitor.sources import load_sources, sync_sources
from monitor.storage import Database
from monitor.storage.schema import SourceRow
from spiders.state import CrawlContext, SourceReport, SourceState

OK_STATUSES = frozenset({"ok", "not_modified", "unchanged"})


@dataclass
class CrawlResult:
    reports: list[SourceReport] = field(default_factory=list)
    run_id: int | None = None
    stats: RunStats = field(default_factory=RunStats)

    @property
    def failed(self) -> list[SourceReport]:
        return [report for report in self.reports if report.status not in OK_STATUSES]

    @property
    def alert_ids(self) -> list[int]:
        return [alert for report in self.reports for alert in report.alert_ids]


def select_sources(
    database: Database,
    settings: Settings,
    *,
    names: Sequence[str] = (),
    force: bool = False,
    now: datetime | None = None,
) -> list[SourceState]:
    """Sync the sources file into the database and pick the sources to poll now.

    Named sources are polled whatever their schedule; otherwise every enabled source
    whose next attempt is due (``force`` ignores the schedule).
    """
    now = now or datetime.now(UTC)
    declared = load_sources(settings.sources_file, min_interval=settings.crawl_min_interval_seconds)
    sync_sources(database, declared.sources)
    with database.session() as session:
        rows = list(session.scalars(select(SourceRow).order_by(SourceRow.name)))
    by_name = {row.name: row for row in rows}
    chosen: list[SourceRow] = []
    for name in names:
        row = by_name.get(name)
        if row is None or declared.by_name(name) is None:
            known = ", ".join(source.name for source in declared.sources) or "none"
            raise ConfigError(
                f"{declared.path}: no source named {name!r} (known: {known};"
                " add one with: monitor sources add NAME URL)"
            )
        if not row.enabled:
            raise ConfigError(
                f"{declared.path}: source {name!r} is disabled (set enabled: true to crawl it)"
            )
        chosen.append(row)
    if not names:
        chosen = [
            row
            for row in rows
            if row.enabled and (force or row.next_attempt_at is None or row.next_attempt_at <= now)
        ]
    return [
        SourceState(
            id=row.id,
            name=row.name,
            url=row.url,
            kind=row.kind,
            language=row.language,
            etag=row.etag,
            last_modified=row.last_modified,
            body_hash=row.body_hash,
        )
        for row in chosen
    ]


WARM_UP_TEXT = "Selon le ministère, environ 300 soldats ont été tués en janvier."


def warm_up(pipeline: Pipeline) -> None:
    """Load the claim extractor's language model now, before the reactor runs, so the
    first on-topic page does not stall the crawl for seconds."""
    pipeline.finder(WARM_UP_TEXT, title=None, published=None, lexicon=pipeline.book.lexicon)


def run_crawl(
    settings: Settings,
    database: Database,
    pipeline: Pipeline | None,
    sources: list[SourceState],
    *,
    extract: bool = True,
    judge: bool = True,
    log_level: str = "ERROR",
) -> CrawlResult:
    """Crawl ``sources`` once (blocking; once per process) and record their health.

    With ``judge`` False the crawl only collects: articles are stored for the judge and
    the French model is never loaded (:meth:`Pipeline.judge_pending` reads them later).
    """
    from scrapy.crawler import CrawlerProcess  # Scrapy (and Twisted) only when crawling

    from spiders.news import NewsSpider
    from spiders.settings import scrapy_settings

    try:
        parse_networks(settings.crawl_allowed_networks)
    except ValueError as exc:
        raise ConfigError(f"settings: {exc} (e.g. 127.0.0.0/8)") from exc
    result = CrawlResult()
    if not sources:
        return result
    if pipeline is not None and extract and judge:
        warm_up(pipeline)
    run_id = pipeline.start_run("crawl") if pipeline is not None else None
    context = CrawlContext(
        sources=sources,
        database=database,
        pipeline=pipeline,
        run_id=run_id,
        max_feed_bytes=settings.crawl_max_feed_bytes,
        max_page_bytes=settings.crawl_max_page_bytes,
        extract=extract,
        judge=judge,
    )
    scrapy_config = scrapy_settings(settings)
    scrapy_config["LOG_LEVEL"] = log_level
    process = CrawlerProcess(scrapy_config)
    process.crawl(NewsSpider, context=context)
    process.start()
    logging.getLogger().handlers.clear()  # Scrapy's handler must not outlive the crawl
    result.reports = [context.reports[source.name] for source in sources]
    result.run_id = run_id
    record_health(database, settings, result.reports)
    for report in result.reports:
        result.stats.articles += sum(
            count for status, count in report.ingested.items() if status != "unchanged"
        )
        result.stats.unchanged += report.ingested.get("unchanged", 0)
        result.stats.claims += report.claims
        result.stats.errors += len(report.page_errors) + (report.status not in OK_STATUSES)
    result.stats.alerts = len(result.alert_ids)
    if pipeline is not None and run_id is not None:
        pipeline.finish_run(run_id, result.stats)
    return result


def record_health(
    database: Database,
    settings: Settings,
    reports: Sequence[SourceReport],
    now: datetime | None = None,
) -> None:
    now = now or datetime.now(UTC)
    with database.session() as session:
        for report in reports:
            row = session.scalar(select(SourceRow).where(SourceRow.name == report.name))
            if row is None:
                continue
            if report.status == "pending":
                report.fail("NoResponse", "the crawl ended before this source answered")
            if report.status in OK_STATUSES:
                row.consecutive_errors = 0
                row.last_success_at = now
                row.next_attempt_at = now + timedelta(seconds=row.interval_seconds)
                row.etag, row.last_modified = report.etag, report.last_modified
                row.body_hash = report.body_hash
                continue
            row.consecutive_errors = (row.consecutive_errors or 0) + 1
            row.last_error_class = report.error_class
            row.last_error_status = report.error_status
            row.last_error_message = report.error_message
            row.last_error_at = now
            row.next_attempt_at = now + timedelta(
                seconds=error_backoff(settings, row.consecutive_errors, report.retry_after)
            )


def error_backoff(settings: Settings, consecutive_errors: int, retry_after: float | None) -> float:
    """Seconds before the next attempt after ``consecutive_errors`` failures in a row."""
    base = settings.crawl_error_backoff_seconds
    wait = min(base * 2 ** max(consecutive_errors - 1, 0), settings.crawl_error_backoff_max_seconds)
    if retry_after is not None:
        wait = max(wait, retry_after)
    return float(wait)
