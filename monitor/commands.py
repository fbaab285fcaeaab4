"""Pieces shared by the commands: options, building the pipeline, printing alerts.

``monitor.cli`` and the command modules (crawl, delivery, daemon) all import from here.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.alerts import alert_record
from monitor.errors import Problem, RuleError
from monitor.pipeline import Pipeline
from monitor.rules.loader import LoadResult, load_rules
from monitor.rules.matchers import compile_rules
from monitor.settings import Settings, load_settings
from monitor.storage import Database
from monitor.storage.schema import AlertRow

F = TypeVar("F", bound=Callable[..., Any])
Row = TypeVar("Row")

db_option = click.option(
    "--db",
    "database_url",
    metavar="URL",
    help="Database URL or SQLite file path [env: MONITOR_DATABASE_URL; "
    "default: monitor.db in the user data directory].",
)
rules_option = click.option(
    "--rules",
    "rules_dir",
    type=click.Path(path_type=Path),
    metavar="DIR",
    help="Folder of rule files [env: MONITOR_RULES_DIR; default: ./rules].",
)
config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="MONITOR_CONFIG",
    help="YAML settings file [env: MONITOR_CONFIG].",
)
json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")


def settings_options(function: F) -> F:
    """--db, --rules and --config on a command; builds ``settings`` for it."""

    @config_option
    @rules_option
    @db_option
    @functools.wraps(function)
    def wrapper(
        *args: Any,
        config_file: Path | None,
        rules_dir: Path | None,
        database_url: str | None,
        **kwargs: Any,
    ) -> Any:
        settings = load_settings(config_file, database_url=database_url, rules_dir=rules_dir)
        return function(*args, settings=settings, **kwargs)

    return wrapper  # type: ignore[return-value]


def build_pipeline(database: Database, settings: Settings) -> Pipeline:
    result = load_rules(settings.rules_dir, channels=settings.channel_names)
    report_rule_problems(result)
    if not result.rule_sets:
        raise RuleError(result.problems or [Problem(str(settings.rules_dir), "no rule files")])
    book = compile_rules(result.rule_sets, default_tolerance=settings.approx_tolerance)
    return Pipeline(database, book, channels=settings.channel_names)


def report_rule_problems(result: LoadResult) -> None:
    for problem in result.problems:
        click.echo(f"warning: {problem}", err=True)
    for path in result.broken_files:
        click.echo(f"warning: {path}: rule file skipped until fixed", err=True)


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[], None]]:
    console = Console(stderr=True)
    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def load_alerts(session: Session, alert_ids: Sequence[int]) -> list[AlertRow]:
    if not alert_ids:
        return []
    query = select(AlertRow).where(AlertRow.id.in_(alert_ids)).order_by(AlertRow.id)
    return list(session.scalars(query))


def print_rows(
    rows: Sequence[Row],
    as_json: bool,
    *,
    record: Callable[[Row], dict[str, Any]],
    line: Callable[[Row], str],
    empty: str,
) -> None:
    """One JSON object per line with ``--json``; else one readable line each, or ``empty``."""
    if as_json:
        for row in rows:
            click.echo(json.dumps(record(row), ensure_ascii=False))
        return
    if not rows:
        click.echo(empty)
    for row in rows:
        click.echo(line(row))


def print_alerts(rows: Sequence[AlertRow], as_json: bool) -> None:
    print_rows(rows, as_json, record=alert_record, line=alert_line, empty="No alert.")


def alert_line(row: AlertRow) -> str:
    return f"#{row.id} {row.summary} — {row.article.url if row.article else '?'}"
