"""``monitor explain``: why each figure did or did not become a claim."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from monitor.cli.options import json_option, settings_options

if TYPE_CHECKING:
    from monitor.settings import Settings


@click.command()
@click.argument("text", required=False)
@click.option("--file", "file_path", type=click.Path(path_type=Path, dir_okay=False),
              help="A saved article: .txt (first line the title) or .html.")  # fmt: skip
@click.option("--article", "article_id", type=int, help="A stored article, by id.")
@click.option("--date", "on_date", help="Publication date YYYY-MM-DD (times resolve from it).")
@click.option("--topic", "topic_id", help="Explain for this topic even if the text is off-topic.")
@settings_options
@json_option
def explain(
    text: str | None,
    file_path: Path | None,
    article_id: int | None,
    on_date: str | None,
    topic_id: str | None,
    settings: Settings,
    as_json: bool,
) -> None:
    """Why each figure of TEXT did or did not become a claim of a quantity.

    For every figure: how it was read (interval, qualifier, noun, predicate, source,
    modality, time), the quantity it went to and why, or for each quantity of the topic
    the first check that failed. Give the text as an argument, --file, or --article ID.
    """
    from monitor.commands import explain_command

    explain_command(
        settings, text=text, file_path=file_path, article_id=article_id, on_date=on_date,
        topic_id=topic_id, as_json=as_json,
    )  # fmt: skip
