"""``monitor crawl``, ``monitor judge`` and ``monitor sources``: the crawler's command line."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import click
from sqlalchemy import select

from monitor.cli.options import json_option, settings_options
from monitor.clock import iso, paris_time
from monitor.commands import build_pipeline, load_alerts, print_alerts
from monitor.crawl import CrawlResult, run_crawl, select_sources
from monitor.settings import Settings
from monitor.sources import (
    SourcesError,
    SourceSpec,
    add_source,
    init_sources,
    load_sources,
    missing_hint,
    set_source_enabled,
    sync_sources,
)
from monitor.storage import open_database
from monitor.storage.schema import SourceRow
from spiders.state import SourceReport
from spiders.xmlsafety import expat_warning


@click.command()
@click.option("--once", is_flag=True, help="Poll the due sources once, then exit.")
@click.option(
    "--source", "names", multiple=True, metavar="NAME", help="Only this source (repeatable)."
)
@click.option("--force", is_flag=True, help="Poll every enabled source, due or not.")
@click.option("--verbose", is_flag=True, help="Show Scrapy's log (INFO) on stderr.")
@click.option(
    "--collect-only",
    is_flag=True,
    help="Store the articles without reading their claims (no French model); `monitor "
    "judge` or the daemon judges them later.",
)
@settings_options
@json_option
def crawl(
    once: bool,
    names: tuple[str, ...],
    force: bool,
    verbose: bool,
    collect_only: bool,
    settings: Settings,
    as_json: bool,
) -> None:
    """Fetch feeds, news sitemaps and new article pages; ingest them; print the alerts.

    Polls each source that is due (see `monitor sources list`), or those named with
    --source. Prints one line per source: what was fetched and ingested, or its error.
    Exit code 1 when a source or a page failed (the rest is still crawled and stored).

    \b
    Examples:
      monitor crawl --once
      monitor crawl --once --source le-monde-international --json
    """
    if not once:
        raise click.UsageError(
            "continuous crawling is the daemon's job; use --once for a single pass"
        )
    database = open_database(settings.database_url)
    try:
        sources = select_sources(database, settings, names=names, force=force)
    except SourcesError as exc:
        _fail(exc)
    if not sources:
        if not settings.sources_file.exists():
            click.echo(f"No source: {missing_hint(settings.sources_file)}.")
        else:
            click.echo("No source is due (see: monitor sources list; --force polls them all).")
        return
    pipeline = build_pipeline(database, settings)
    if not settings.contact_url and not settings.user_agent:
        click.echo(
            "warning: no contact_url in the settings; set MONITOR_CONTACT_URL so site "
            "owners can reach you",
            err=True,
        )
    expat = expat_warning()
    if expat is not None:
        click.echo(f"warning: {expat}", err=True)
    result = run_crawl(
        settings,
        database,
        pipeline,
        sources,
        judge=not collect_only,
        log_level="INFO" if verbose else "ERROR",
    )
    print_crawl(result, as_json)
    if not as_json:
        with database.session() as session:
            print_alerts(load_alerts(session, result.alert_ids), as_json=False)
    if result.failed or any(report.page_errors for report in result.reports):
        sys.exit(1)


@click.command()
@settings_options
@json_option
def judge(settings: Settings, as_json: bool) -> None:
    """Judge the stored articles that wait for it; print the alerts raised.

    Claims, rules and alerts, oldest publication first, for what `monitor crawl
    --collect-only` (or the daemon's crawls) stored.

    \b
    Examples:
      monitor crawl --once --collect-only && monitor judge
    """
    database = open_database(settings.database_url)
    pipeline = build_pipeline(database, settings)
    result = pipeline.judge_pending()
    with database.session() as session:
        print_alerts(load_alerts(session, result.alert_ids), as_json=as_json)
    if not as_json:
        click.echo(
            f"{result.articles} articles judged, {result.claims} claims, "
            f"{len(result.alert_ids)} new alerts.",
            err=True,
        )


def print_crawl(result: CrawlResult, as_json: bool) -> None:
    if as_json:
        for report in result.reports:
            click.echo(json.dumps(report.as_record(), ensure_ascii=False))
        return
    width = max((len(report.name) for report in result.reports), default=0)
    for report in result.reports:
        click.echo(f"{report.name:<{width}}  {describe_report(report)}")
        for line in [*report.page_errors, *report.rejected]:
            click.echo(f"{'':<{width}}    {line}")
    stats = result.stats
    click.echo(
        f"{len(result.reports)} sources polled, {len(result.failed)} failed; "
        f"{stats.articles} articles ingested, {stats.claims} claims, "
        f"{stats.alerts} new alerts.",
        err=True,
    )


def describe_report(report: SourceReport) -> str:
    if report.status == "error":
        text = f"error: {report.error_message}"
    elif report.status == "not_modified":
        text = "not modified (304)"
    elif report.status == "unchanged":
        text = "unchanged (same content as last time)"
    else:
        parts = [f"{report.entries} entries", f"{report.fetched} fetched"]
        if report.skipped_known:
            parts.append(f"{report.skipped_known} already known")
        parts.extend(f"{count} {status}" for status, count in sorted(report.ingested.items()))
        if report.rejected:
            parts.append(f"{len(report.rejected)} rejected")
        if report.page_errors:
            parts.append(f"{len(report.page_errors)} page errors")
        text = "ok: " + ", ".join(parts) + f"; {report.claims} claims"
    if report.moved_to:
        text += f" (moved permanently to {report.moved_to}; update the sources file)"
    return text


def _fail(exc: SourcesError) -> NoReturn:
    for problem in exc.problems:
        click.echo(f"Error: {problem}", err=True)
    sys.exit(exc.exit_code)


# -- sources ---------------------------------------------------------------------------


@click.group()
def sources() -> None:
    """List, add and disable the feeds and sitemaps the crawler polls."""


@sources.command("list")
@settings_options
@json_option
def sources_list(settings: Settings, as_json: bool) -> None:
    """List the sources with their health: errors in a row, last error, next attempt.

    \b
    Examples:
      monitor sources list
      monitor sources list --json | jq 'select(.consecutive_errors > 0)'
    """
    try:
        declared = load_sources(
            settings.sources_file,
            min_interval=settings.crawl_min_interval_seconds,
        )
    except SourcesError as exc:
        _fail(exc)
    if not settings.sources_file.exists():
        click.echo(f"No source: {missing_hint(settings.sources_file)}.", err=as_json)
        return
    database = open_database(settings.database_url)
    sync_sources(database, declared.sources)
    with database.session() as session:
        rows = {row.name: row for row in session.scalars(select(SourceRow))}
    for spec in declared.sources:
        row = rows[spec.name]
        if as_json:
            click.echo(json.dumps(source_record(spec, row), ensure_ascii=False))
        else:
            click.echo(describe_source(spec, row))


def source_record(spec: SourceSpec, row: SourceRow) -> dict[str, Any]:
    return {
        "name": spec.name,
        "url": spec.url,
        "kind": spec.kind,
        "interval": spec.interval,
        "language": spec.language,
        "enabled": spec.enabled,
        "consecutive_errors": row.consecutive_errors or 0,
        "last_error": None
        if row.last_error_at is None
        else {
            "class": row.last_error_class,
            "http_status": row.last_error_status,
            "message": row.last_error_message,
            "at": iso(row.last_error_at),
        },
        "last_success": iso(row.last_success_at),
        "next_attempt": iso(row.next_attempt_at),
    }


def describe_source(spec: SourceSpec, row: SourceRow) -> str:
    state = "enabled" if spec.enabled else "disabled"
    line = f"{spec.name} [{spec.kind}, every {_duration(spec.interval)}, {state}] {spec.url}"
    if row.consecutive_errors:
        errors = f"{row.consecutive_errors} error{'s' if row.consecutive_errors > 1 else ''}"
        line += (
            f"\n    FAILING: {errors} in a row; last: "
            f"{row.last_error_message} ({row.last_error_class}) at {paris_time(row.last_error_at)}"
        )
    if row.last_success_at:
        line += f"\n    last success {paris_time(row.last_success_at)}"
    if row.next_attempt_at and spec.enabled:
        line += f"\n    next attempt {paris_time(row.next_attempt_at)}"
    return line


@sources.command("init")
@click.option("--shipped", is_flag=True, help="Start from the shipped list of French outlets.")
@click.option("--force", is_flag=True, help="Replace an existing sources file.")
@settings_options
def sources_init(shipped: bool, force: bool, settings: Settings) -> None:
    """Create the sources file: empty, or with --shipped the list of French outlets that
    comes with the package (Le Monde, franceinfo, RFI...; see `monitor sources list`).

    \b
    Examples:
      monitor sources init
      monitor sources init --shipped
    """
    init_sources(settings.sources_file, shipped=shipped, force=force)
    count = len(load_sources(settings.sources_file).sources)
    what = f"the shipped list ({count} sources)" if shipped else "no source yet"
    click.echo(f"{settings.sources_file}: created with {what}")


@sources.command("add")
@click.argument("name")
@click.argument("url")
@click.option(
    "--kind",
    type=click.Choice(["rss", "atom", "search", "news-sitemap"]),
    default="rss",
    show_default=True,
)
@click.option("--interval", default="15m", show_default=True, help="900, 15m, 1h...")
@click.option("--language", default="fr", show_default=True)
@settings_options
def sources_add(
    name: str, url: str, kind: str, interval: str, language: str, settings: Settings
) -> None:
    """Add a source to the sources file (created on first use, with only this source).

    \b
    Example:
      monitor sources add ledevoir-international https://www.ledevoir.com/rss/section/international.xml
    """
    from pydantic import ValidationError

    try:
        spec = SourceSpec.model_validate(
            {"name": name, "url": url, "kind": kind, "interval": interval, "language": language}
        )
    except ValidationError as exc:
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"])
            click.echo(f"Error: {field}: {error['msg']}, got {error['input']!r}", err=True)
        sys.exit(2)
    try:
        add_source(settings.sources_file, spec, min_interval=settings.crawl_min_interval_seconds)
    except SourcesError as exc:
        _fail(exc)
    click.echo(f"{settings.sources_file}: added source {name} ({kind}, {url})")


@sources.command("disable")
@click.argument("name")
@settings_options
def sources_disable(name: str, settings: Settings) -> None:
    """Stop polling a source (sets enabled: false in the sources file; history is kept)."""
    try:
        changed = set_source_enabled(
            settings.sources_file,
            name,
            enabled=False,
            min_interval=settings.crawl_min_interval_seconds,
        )
    except SourcesError as exc:
        _fail(exc)
    verb = "disabled" if changed else "was already disabled"
    click.echo(f"{settings.sources_file}: source {name} {verb}")


def _duration(seconds: int) -> str:
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
