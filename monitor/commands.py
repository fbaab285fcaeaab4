"""What the commands share beyond their options: building the pipeline, printing
alerts, explaining figures. Command modules import it when a command runs, so that
``monitor --help`` and the light commands do not pay for the pipeline's imports.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.alerts import alert_record
from monitor.cli.options import print_rows
from monitor.errors import Problem, RuleError
from monitor.storage.schema import AlertRow

if TYPE_CHECKING:
    from monitor.models import ArticleInput
    from monitor.pipeline import Pipeline
    from monitor.rules.loader import LoadResult
    from monitor.rules.matchers import RuleBook
    from monitor.settings import Settings
    from monitor.storage import Database

F = TypeVar("F", bound=Callable[..., Any])
Row = TypeVar("Row")


def build_pipeline(database: Database, settings: Settings) -> Pipeline:
    from monitor.pipeline import Pipeline

    return Pipeline(database, build_rule_book(settings), channels=settings.channel_names)


def build_rule_book(settings: Settings) -> RuleBook:
    """The rules folder, loaded and compiled; problems are reported, none usable is an error."""
    from monitor.rules.loader import load_rules
    from monitor.rules.matchers import compile_rules

    result = load_rules(settings.rules_dir, channels=settings.channel_names)
    report_rule_problems(result)
    if not result.rule_sets:
        raise RuleError(result.problems or [Problem(str(settings.rules_dir), "no rule files")])
    return compile_rules(result.rule_sets, default_tolerance=settings.approx_tolerance)


def report_rule_problems(result: LoadResult) -> None:
    for problem in result.problems:
        click.echo(f"warning: {problem}", err=True)
    for path in result.broken_files:
        click.echo(f"warning: {path}: rule file skipped until fixed", err=True)


def load_alerts(session: Session, alert_ids: Sequence[int]) -> list[AlertRow]:
    if not alert_ids:
        return []
    query = select(AlertRow).where(AlertRow.id.in_(alert_ids)).order_by(AlertRow.id)
    return list(session.scalars(query))


def print_alerts(rows: Sequence[AlertRow], as_json: bool) -> None:
    print_rows(rows, as_json, record=alert_record, line=alert_line, empty="No alert.")


def alert_line(row: AlertRow) -> str:
    marks = " [faux positif]" if row.false_positive_at else ""
    return f"#{row.id} {row.summary} — {row.article.url if row.article else '?'}{marks}"


def explain_command(
    settings: Settings,
    *,
    text: str | None,
    file_path: Path | None,
    article_id: int | None,
    on_date: str | None,
    topic_id: str | None,
    as_json: bool,
) -> None:
    """``monitor explain``: read the text, explain every figure, print."""
    from datetime import UTC, datetime

    from monitor.claims.extractor import find_claims
    from monitor.errors import ConfigError
    from monitor.explain import describe, explain

    given = [x for x in (text, file_path, article_id) if x is not None]
    if len(given) != 1:
        raise ConfigError("give exactly one of TEXT, --file PATH or --article ID")
    published = None
    if on_date:
        try:
            published = datetime.fromisoformat(on_date).replace(tzinfo=UTC)
        except ValueError:
            raise ConfigError(f"--date {on_date!r}: expected YYYY-MM-DD") from None
    title: str | None = None
    alert_lines: list[str] = []
    alert_records: list[dict[str, Any]] = []
    verdict_lines: list[str] = []
    if file_path is not None:
        article = _read_for_explain(file_path)
        title, text, published = article.title, article.text, published or article.published
    elif article_id is not None:
        from monitor.storage import open_database
        from monitor.storage.schema import ArticleRow

        database = open_database(settings.database_url)
        with database.session() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                raise ConfigError(f"no article {article_id} in {database.display_url}")
            title, text, published = row.title, row.text, published or row.published
            alerts = session.scalars(select(AlertRow).where(AlertRow.article_id == row.id))
            for alert in alerts:
                alert_lines.append(alert_line(alert))
                alert_records.append(alert_record(alert))
            verdict_lines = _stored_verdicts(session, row.id)
    book = build_rule_book(settings)
    assert text is not None
    topics, explanations = explain(
        book, find_claims, text, title=title, published=published, topic_id=topic_id
    )
    if topic_id is not None and not topics:
        raise ConfigError(f"--topic {topic_id}: no such topic in {settings.rules_dir}")
    if as_json:
        for explanation in explanations:
            click.echo(json.dumps(explanation.record(), ensure_ascii=False))
        for record in alert_records:
            click.echo(json.dumps({"alert": record}, ensure_ascii=False, default=str))
        return
    if not topics:
        click.echo("The text is about none of the topics (no rule file's `match` fits).")
    else:
        click.echo("Topics: " + ", ".join(topic.id for topic in topics))
    if not explanations:
        click.echo("No figure found.")
    for explanation in explanations:
        click.echo("")
        for line in describe(explanation):
            click.echo(line)
    if alert_lines:
        click.echo("")
        click.echo("Alerts raised by this article:")
        for line in alert_lines:
            click.echo("  " + line)
    if verdict_lines:
        click.echo("")
        click.echo("What became of its claims:")
        for line in verdict_lines:
            click.echo("  " + line)


def _stored_verdicts(session: Any, article_id: int) -> list[str]:
    """For a stored article, each claim of a quantity and what the engine made of it: an
    alert, the evidence of an earlier alert (it agreed with that figure), or nothing."""
    from monitor.storage.schema import ClaimRow, EvidenceRow

    raised = {
        alert.claim_id: alert
        for alert in session.scalars(select(AlertRow).where(AlertRow.article_id == article_id))
    }
    evidence = {
        item.claim_id: item
        for item in session.scalars(select(EvidenceRow).where(EvidenceRow.article_id == article_id))
    }
    lines = []
    claims = session.scalars(
        select(ClaimRow)
        .where(ClaimRow.article_id == article_id, ClaimRow.quantity.is_not(None))
        .order_by(ClaimRow.span_start)
    )
    for claim in claims:
        head = f"«{claim.value_text}» ({claim.topic}/{claim.quantity}): "
        if claim.earlier:
            lines.append(head + f"{claim.earlier} figure, compared with nothing")
        elif claim.id in raised:
            alert = raised[claim.id]
            lines.append(head + f"alert #{alert.id} {alert.kind}: {alert.summary}")
        elif claim.id in evidence:
            alert = evidence[claim.id].alert
            lines.append(
                head + f"agrees with what alert #{alert.id} reported, added as its evidence"
            )
        else:
            lines.append(head + "agrees with a figure already known, or repeats this article")
    return lines


def _read_for_explain(path: Path) -> ArticleInput:
    """A saved article read as ``monitor replay`` reads it (.txt with its title line, .html)."""
    from monitor.errors import FixtureError
    from monitor.fixtures import read_html, read_text

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FixtureError(str(path), f"cannot read ({exc.strerror})") from None
    reader = read_html if path.suffix.lower() in (".html", ".htm") else read_text
    item = reader(path, data, {})
    if item.article is None:
        problem = item.problem or Problem(str(path), "no article text")
        raise FixtureError(problem.path, problem.message, problem.hint)
    return item.article
