"""``monitor run``, ``monitor run-once`` and ``monitor status``."""

from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import click
from sqlalchemy import func, select, text

from monitor.cli.options import (
    config_option,
    db_option,
    json_option,
    rules_option,
    settings_options,
)
from monitor.clock import iso, paris_time
from monitor.settings import Settings, load_settings
from monitor.storage import Database, open_database
from monitor.storage.schema import (
    AlertRow,
    DaemonStateRow,
    DeliveryRow,
    OperatorProblemRow,
    SourceRow,
)
from spiders.state import SourceReport

ADVISORY_LOCK = 0x6D6F6E69  # "moni": one run-once at a time across machines (PostgreSQL)
HOUSEKEEPING_EVERY = 24 * 3600  # seconds, for run-once (the daemon has its own schedule)
ALIVE_AFTER = timedelta(minutes=2)  # a daemon whose heartbeat is older is not running


@click.command()
@click.option(
    "--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--log-level", default="INFO", show_default=True)
@click.option("--metrics-port", type=int, help="Serve Prometheus metrics on this port (127.0.0.1).")
@click.option("--metrics-host", default="127.0.0.1", show_default=True)
@config_option
@rules_option
@db_option
def run(
    log_format: str,
    log_level: str,
    metrics_port: int | None,
    metrics_host: str,
    config_file: Path | None,
    rules_dir: Path | None,
    database_url: str | None,
) -> None:
    """Run the monitor as a daemon: scheduled crawls, deliveries, digests and reloads.

    Crawls each source on its own interval, sends the outbox every few seconds,
    reloads rules and sources on SIGHUP or when their files change, and raises
    operator alerts (failing sources, outbox backing up, broken rule files). The
    first SIGTERM or SIGINT stops it cleanly; a second forces exit. Under systemd
    (Type=notify) it reports readiness, status and watchdog pings.

    \b
    Examples:
      monitor run
      monitor run --log-format json --metrics-port 9464
    """
    from monitor import metrics
    from monitor.scheduler import Daemon
    from monitor.service import setup_logging

    setup_logging(log_format, log_level)
    settings = load_settings(config_file, database_url=database_url, rules_dir=rules_dir)
    if metrics_port is not None:
        metrics.serve(metrics_port, metrics_host)
    sys.exit(Daemon(settings, config_file=config_file).serve())


@click.command("run-once")
@click.option("-v", "--verbose", is_flag=True, help="Also show Scrapy's log (INFO) on stderr.")
@settings_options
@json_option
def run_once(verbose: bool, settings: Settings, as_json: bool) -> None:
    """One pass for cron or a systemd timer: due crawls, then deliveries, then exit.

    Holds a lock for the whole pass: a second run-once started meanwhile exits 0 at
    once, saying why, and does nothing. Prints one line per source polled and a
    summary; the crawl logs only its errors unless --verbose is given.

    \b
    Example (crontab, every 10 minutes):
      */10 * * * * monitor run-once >> /var/log/monitor.log 2>&1
    """
    from monitor.cli.crawl import describe_report
    from monitor.service import setup_logging

    setup_logging("text", "WARNING")
    lock_path = settings.daemon.state_dir / "run-once.lock"
    with run_lock(lock_path) as holder:
        if holder is not None:
            click.echo(
                f"another monitor run-once is running (pid {holder}, lock {lock_path}): "
                "nothing to do",
                err=True,
            )
            return
        database = open_database(settings.database_url)
        with database_lock(database) as acquired:
            if not acquired:
                click.echo(
                    "another monitor run-once holds the database lock: nothing to do", err=True
                )
                return
            summary, reports = one_pass(
                database, settings, crawl_log_level="INFO" if verbose else "ERROR"
            )
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
    else:
        width = max((len(report.name) for report in reports), default=0)
        for report in reports:
            click.echo(f"{report.name:<{width}}  {describe_report(report)}")
        click.echo(
            f"{summary['sources']} sources polled ({summary['failed']} failed), "
            f"{summary['articles']} articles, {summary['alerts']} new alerts; "
            f"{summary['sent']} messages sent, {summary['retry']} to retry."
        )


def one_pass(
    database: Database, settings: Settings, *, crawl_log_level: str = "ERROR"
) -> tuple[dict[str, Any], list[SourceReport]]:
    """The pass's summary (the ``--json`` object) and each polled source's report."""
    from monitor import housekeeping
    from monitor.commands import build_pipeline
    from monitor.crawl import run_crawl, select_sources
    from monitor.delivery import deliver

    summary: dict[str, Any] = {"sources": 0, "failed": 0, "articles": 0, "alerts": 0}
    reports: list[SourceReport] = []
    sources = select_sources(database, settings)
    if sources:
        pipeline = build_pipeline(database, settings)
        result = run_crawl(settings, database, pipeline, sources, log_level=crawl_log_level)
        summary.update(
            sources=len(result.reports),
            failed=len(result.failed),
            articles=result.stats.articles,
            alerts=result.stats.alerts,
        )
        reports = result.reports
    check_health(database, settings)
    report = deliver(database, settings)
    stamp = settings.daemon.state_dir / "housekeeping.stamp"
    if not stamp.exists() or time.time() - stamp.stat().st_mtime > HOUSEKEEPING_EVERY:
        housekeeping.run(database, settings)
        stamp.touch()
    summary.update(sent=report.count("sent"), retry=report.count("retry"))
    return summary, reports


def check_health(database: Database, settings: Settings) -> None:
    """Open and clear operator problems: failing sources, outbox backlog, broken rules."""
    from monitor.operator import OperatorProblem, outbox_problems, reconcile, source_problems
    from monitor.rules.loader import display, load_rules

    now = datetime.now(UTC)
    reconcile(database, settings, source_problems(database, settings, now), scope="source:")
    reconcile(database, settings, outbox_problems(database, settings, now), scope="outbox")
    result = load_rules(settings.rules_dir)
    broken = {display(path) for path in result.broken_files}
    problems = [
        OperatorProblem(
            key=f"rules:{path}",
            message="fichier de règles invalide, ignoré : "
            + "; ".join(str(p) for p in result.problems if p.path == path)[:500],
        )
        for path in sorted(broken)
    ]
    reconcile(database, settings, problems, scope="rules:")


@contextmanager
def run_lock(path: Path) -> Iterator[int | None]:
    """An exclusive lock file; yields None when acquired, else the holder's pid (or 0)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle: IO[str] = path.open("a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            content = handle.read().strip()
            yield int(content) if content.isdigit() else 0
            return
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield None
    finally:
        handle.close()


@contextmanager
def database_lock(database: Database) -> Iterator[bool]:
    """On PostgreSQL, an advisory lock shared by every machine; SQLite needs the file lock."""
    if database.is_sqlite:
        yield True
        return
    with database.engine.connect() as connection:
        acquired = bool(
            connection.execute(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_LOCK}
            ).scalar()
        )
        try:
            yield acquired
        finally:
            if acquired:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_LOCK})
                connection.commit()


# -- status -------------------------------------------------------------------------


@click.command()
@settings_options
@json_option
def status(settings: Settings, as_json: bool) -> None:
    """What the monitor is doing, from the database (works from any shell).

    Sources with last success, last error and next run; pending and failed
    deliveries; alerts of the last 24 hours; open operator problems; the daemon.
    """
    database = open_database(settings.database_url)
    report = collect_status(database)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    print_status(report)


def collect_status(database: Database, now: datetime | None = None) -> dict[str, Any]:
    now = now or datetime.now(UTC)
    with database.session() as session:
        sources = [
            {
                "name": row.name,
                "enabled": row.enabled,
                "last_success": iso(row.last_success_at),
                "consecutive_errors": row.consecutive_errors,
                "last_error": {
                    "class": row.last_error_class,
                    "http_status": row.last_error_status,
                    "message": row.last_error_message,
                    "at": iso(row.last_error_at),
                }
                if row.last_error_class
                else None,
                "next_attempt": iso(row.next_attempt_at),
            }
            for row in session.scalars(select(SourceRow).order_by(SourceRow.name))
        ]
        deliveries = dict(
            session.execute(
                select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status)
            ).all()
        )
        recent = dict(
            session.execute(
                select(AlertRow.kind, func.count())
                .where(AlertRow.created_at >= now - timedelta(hours=24))
                .group_by(AlertRow.kind)
            ).all()
        )
        problems = [
            {"key": row.key, "message": row.message, "since": iso(row.opened_at)}
            for row in session.scalars(
                select(OperatorProblemRow)
                .where(OperatorProblemRow.cleared_at.is_(None))
                .order_by(OperatorProblemRow.opened_at)
            )
        ]
        daemons = [
            {
                "host": row.host,
                "pid": row.pid,
                "version": row.version,
                "started": iso(row.started_at),
                "heartbeat": iso(row.heartbeat_at),
                "status": row.status,
                "running": row.stopped_at is None and now - row.heartbeat_at < ALIVE_AFTER,
            }
            for row in session.scalars(
                select(DaemonStateRow).order_by(DaemonStateRow.heartbeat_at.desc()).limit(3)
            )
        ]
    return {
        "sources": sources,
        "deliveries": {str(key): value for key, value in deliveries.items()},
        "alerts_24h": {str(key): value for key, value in recent.items()},
        "operator_problems": problems,
        "daemons": daemons,
    }


def print_status(report: dict[str, Any]) -> None:
    daemons = report["daemons"]
    running = [d for d in daemons if d["running"]]
    if running:
        for daemon in running:
            click.echo(
                f"Daemon: running on {daemon['host']} (pid {daemon['pid']}, since "
                f"{_when(daemon['started'])}): {daemon['status']}"
            )
    elif daemons:
        click.echo(f"Daemon: not running (last seen {_when(daemons[0]['heartbeat'])})")
    else:
        click.echo("Daemon: never started (monitor run, or monitor run-once from cron)")
    click.echo(f"Sources: {len(report['sources'])}")
    for source in report["sources"]:
        state = "disabled" if not source["enabled"] else "ok"
        error = source["last_error"]
        if source["consecutive_errors"] and error:
            status = f" HTTP {error['http_status']}" if error["http_status"] else ""
            state = f"FAILING x{source['consecutive_errors']}: {error['class']}{status}"
        click.echo(
            f"  {source['name']}: {state}; last success {_when(source['last_success'])}, "
            f"next {_when(source['next_attempt'])}"
        )
    deliveries = report["deliveries"]
    click.echo(
        "Deliveries: "
        + (", ".join(f"{count} {name}" for name, count in sorted(deliveries.items())) or "none")
    )
    alerts = report["alerts_24h"]
    click.echo(
        "Alerts in the last 24 h: "
        + (", ".join(f"{count} {kind}" for kind, count in sorted(alerts.items())) or "none")
    )
    for problem in report["operator_problems"]:
        click.echo(f"Problem since {_when(problem['since'])}: {problem['message']}")


def _when(value: str | None) -> str:
    if value is None:
        return "never"
    return paris_time(datetime.fromisoformat(value.replace("Z", "+00:00")))
