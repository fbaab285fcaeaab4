"""``monitor articles``: the stored articles, newest first."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

import click
from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session

from monitor.cli.options import json_option, print_rows, settings_options
from monitor.clock import iso, paris_midnight, paris_time
from monitor.errors import ConfigError
from monitor.settings import Settings
from monitor.storage import open_database
from monitor.storage.schema import AlertRow, ArticleRow, ClaimRow

TITLE_WIDTH = 60
DEFAULT_LIMIT = 50


@click.group()
def articles() -> None:
    """List the stored articles."""


@articles.command("list")
@settings_options
@json_option
@click.option("--topic", help="Only articles with a figure on this topic id.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only articles published that day or later.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=DEFAULT_LIMIT,
    show_default=True,
    help="At most this many articles.",
)
def articles_list(
    settings: Settings, as_json: bool, topic: str | None, since: str | None, limit: int
) -> None:
    """List stored articles, newest first: id, publication date (Europe/Paris), outlet,
    title, language, claims (tracked by a quantity / all figures read), alerts raised,
    and for a near copy the original it repeats.

    \b
    Examples:
      monitor articles list --since 2025-01-01
      monitor articles list --topic coree-du-nord-russie --json | jq .url
    """
    query = article_query(topic, parse_day(since))
    database = open_database(settings.database_url)
    with database.session() as session:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = listed_articles(session, query.limit(limit))
    print_rows(
        rows, as_json, record=ArticleListing.record, line=ArticleListing.line, empty="No article."
    )
    if not as_json and total > len(rows):
        click.echo(f"{len(rows)} of {total} articles shown (--limit N shows more).", err=True)


def parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--since {value!r}: expected a date YYYY-MM-DD") from None


def article_query(topic: str | None, since: date | None) -> Select[ArticleRow]:
    query = select(ArticleRow)
    if topic:
        query = query.where(
            exists().where(ClaimRow.article_id == ArticleRow.id, ClaimRow.topic == topic)
        )
    if since:
        query = query.where(ArticleRow.published >= paris_midnight(since))
    return query.order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc())


@dataclass(frozen=True)
class ArticleListing:
    """A stored article with its counts, as ``monitor articles list`` shows it."""

    id: int
    url: str
    title: str | None
    outlet: str | None
    published: datetime | None
    language: str | None
    claims: int  # every figure read in it
    tracked_claims: int  # those a quantity took
    alerts: int
    near_copy_of: int | None
    first_seen: datetime

    def record(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "published": iso(self.published),
            "first_seen": iso(self.first_seen),
        }

    def line(self) -> str:
        """``#5 02/07/2025 00:00 Le Monde — Guerre en Ukraine… [fr] 7 claims (6 tracked),
        3 alerts — URL``."""
        title = self.title or "(no title)"
        if len(title) > TITLE_WIDTH:
            title = title[: TITLE_WIDTH - 1].rstrip() + "…"
        outlet = f"{self.outlet} — " if self.outlet else ""
        copy = f", near copy of #{self.near_copy_of}" if self.near_copy_of else ""
        return (
            f"#{self.id} {paris_time(self.published, 'undated'):<16} {outlet}{title} "
            f"[{self.language or '?'}] {counted(self.claims, 'claim')} "
            f"({self.tracked_claims} tracked), {counted(self.alerts, 'alert')}{copy} — {self.url}"
        )


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def listed_articles(session: Session, query: Select[ArticleRow]) -> list[ArticleListing]:
    """The articles of ``query`` with their counts of claims and alerts (four queries)."""
    rows = list(session.scalars(query))
    ids = [row.id for row in rows]

    def count_by_article(column: Any, *conditions: Any) -> dict[int, int]:
        counts = session.execute(
            select(column, func.count()).where(column.in_(ids), *conditions).group_by(column)
        )
        return {article_id: count for article_id, count in counts.all()}

    claims = count_by_article(ClaimRow.article_id)
    tracked = count_by_article(ClaimRow.article_id, ClaimRow.quantity.is_not(None))
    alerts = count_by_article(AlertRow.article_id)
    return [
        ArticleListing(
            id=row.id,
            url=row.url,
            title=row.title,
            outlet=row.outlet,
            published=row.published,
            language=row.language,
            claims=claims.get(row.id, 0),
            tracked_claims=tracked.get(row.id, 0),
            alerts=alerts.get(row.id, 0),
            near_copy_of=row.duplicate_of_id,
            first_seen=row.first_seen,
        )
        for row in rows
    ]
