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
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Worker processes reading pages and figures ahead of the judge (0: one per "
    "core; a small replay runs in one process).",
)
@settings_options
@json_option
def replay(paths: tuple[Path, ...], jobs: int, settings: Settings, as_json: bool) -> None:
    """Ingest saved articles through the full pipeline and print the alerts raised.

    PATHS are folders or files: .txt articles (with an optional index.yaml giving
    date, title, url and outlet per file), saved .html pages, or .jsonl files with one
    article per line (url, title, published, and text or html). Articles are ingested
    in publication-date order; replaying the same files again adds nothing. Pages and
    figures are read by worker processes on every core, the judge follows date order.

    \b
    Examples:
      monitor replay seeds/
      monitor replay --db /tmp/test.db --rules my-rules/ saved-pages/ --json
    """
    from monitor.commands import build_pipeline, load_alerts, print_alerts
    from monitor.errors import MonitorError, Problem
    from monitor.pipeline import RunStats
    from monitor.replay import jobs_for, plan, read_ahead
    from monitor.storage import open_database

    database = open_database(settings.database_url)
    pipeline = build_pipeline(database, settings)
    planned = plan(paths, jobs)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    stats = RunStats()
    read = 0
    run_id = pipeline.start_run("replay")
    alert_ids: list[int] = []
    workers = jobs_for(jobs, len(planned))
    with (
        read_ahead(planned, pipeline, workers) as reads,
        progress_bar(len(planned), "Ingesting") as advance,
    ):
        for item, claims in reads:  # one article at a time, in date order
            advance()
            warnings.extend(item.warnings)
            if item.article is None:
                problems.extend([item.problem] if item.problem else [])
                continue
            read += 1
            article = item.article
            try:
                result = pipeline.ingest(article, run_id=run_id, claims=claims)
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
