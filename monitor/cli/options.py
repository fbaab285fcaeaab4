"""The options every command shares, and printing rows and progress.

Light on purpose: ``monitor --help`` imports it for every command, so the settings,
the terminal widgets and the database are imported only when a command runs.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

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
        from monitor.settings import load_settings

        settings = load_settings(config_file, database_url=database_url, rules_dir=rules_dir)
        return function(*args, settings=settings, **kwargs)

    return wrapper  # type: ignore[return-value]


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[], None]]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

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
