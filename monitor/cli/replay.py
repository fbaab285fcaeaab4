"""``monitor replay``: saved articles through the same pipeline as a crawl."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from monitor.cli.options import json_option, progress_bar, settings_options

if TYPE_CHECKING:
    from monitor.settings import Settings


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@settings_options
@json_option
def replay(paths: tuple[Path, ...], settings: Settings, as_json: bool) -> None:
    """Ingest saved articles through the full pipeline and print the alerts raised.

    PATHS are folders or files: .txt articles (with an optional index.yaml giving
    date, title, url and outlet per file), saved .html pages, or .jsonl files with one
    article per line (url, title, published, and text or html). Articles are ingested
    in publication-date order; replaying the same files again adds nothing.

    \b
    Examples:
      monitor replay seeds/
      monitor replay --db /tmp/test.db --rules my-rules/ saved-pages/ --json
    """
    from monitor.commands import build_pipeline, load_alerts, print_alerts
    from monitor.errors import MonitorError, Problem
    from monitor.fixtures import plan_fixtures
    from monitor.pipeline import RunStats
    from monitor.storage import open_database

    database = open_database(settings.database_url)
    pipeline = build_pipeline(database, settings)
    planned = plan_fixtures(paths)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    stats = RunStats()
    read = 0
    run_id = pipeline.start_run("replay")
    alert_ids: list[int] = []
    with progress_bar(len(planned), "Ingesting") as advance:
        for entry in planned:  # read one article at a time, in date order
            item = entry.read()
            advance()
            warnings.extend(item.warnings)
            if item.article is None:
                problems.extend([item.problem] if item.problem else [])
                continue
            read += 1
            article = item.article
            try:
                result = pipeline.ingest(article, run_id=run_id)
            except MonitorError as exc:
                problems.append(Problem(article.origin or article.url, str(exc)))
                continue
            if result.status == "unchanged":
                stats.unchanged += 1
            else:
                stats.articles += 1
            stats.claims += result.claims
            alert_ids.extend(result.alert_ids)
    stats.alerts = len(alert_ids)
    stats.errors = len(problems)
    pipeline.finish_run(run_id, stats)
    for problem in [*warnings, *problems]:
        label = "warning" if problem in warnings else "error"
        click.echo(f"{label}: {problem}", err=True)
    with database.session() as session:
        alerts = load_alerts(session, alert_ids)
        print_alerts(alerts, as_json)
    if not as_json:
        click.echo(
            f"{read} articles read: {stats.articles} ingested, "
            f"{stats.unchanged} already known; {stats.claims} claims, "
            f"{stats.alerts} new alerts; {len(problems)} files could not be read.",
            err=True,
        )
    if problems:
        sys.exit(1)
