"""The ``monitor`` command line. The only place that turns MonitorError into
``Error: ...`` and an exit code.

Exit codes: 0 success; 1 an operation failed (or some input files could not be read);
2 invalid configuration or rule files.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from sqlalchemy import select

from monitor.alerts import alert_detail_record, claim_record, describe_alert, known_record
from monitor.article_commands import articles
from monitor.commands import (
    build_pipeline,
    config_option,
    json_option,
    load_alerts,
    print_alerts,
    print_rows,
    progress_bar,
    settings_options,
)
from monitor.crawl_commands import crawl, judge, sources
from monitor.daemon_commands import run, run_once, status
from monitor.delivery.commands import channels_group, deliver_command, deliveries_group
from monitor.errors import MonitorError, Problem, RuleError
from monitor.figures import COUNT, UnitSpec, format_record
from monitor.fixtures import plan_fixtures
from monitor.pipeline import RunStats
from monitor.rules.examples import count_examples, run_examples
from monitor.rules.loader import load_rules
from monitor.rules.matchers import compile_rules
from monitor.rules.schema import RuleFile
from monitor.settings import Settings, load_settings
from monitor.storage import open_database
from monitor.storage.curation import find_alert
from monitor.storage.schema import AlertRow, ClaimRow, DeliveryRow, KnownClaimRow
from monitor.web.commands import timeline_command, web_command


class MonitorGroup(click.Group):
    """Formats every MonitorError as ``Error: ...`` with its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RuleError as exc:
            for problem in exc.problems:
                click.echo(f"Error: {problem}", err=True)
            sys.exit(exc.exit_code)
        except MonitorError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=MonitorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="monitor")
def main() -> None:
    """Watch the French press for new figures and contradictions on tracked topics.

    \b
    Quick start (offline, on the bundled fixtures):
      monitor replay seeds/
      monitor alerts list
      monitor alerts show 1
      monitor articles list
    """


# -- replay -------------------------------------------------------------------------


@main.command()
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


# -- alerts -------------------------------------------------------------------------


@main.group()
def alerts() -> None:
    """List, show and acknowledge alerts."""


@alerts.command("list")
@settings_options
@json_option
@click.option("--topic", help="Only this topic id.")
@click.option("--kind", type=click.Choice(["new_quantity", "new_figure", "contradiction"]))
@click.option("--unacknowledged", is_flag=True, help="Only alerts not acknowledged yet.")
def alerts_list(
    settings: Settings, as_json: bool, topic: str | None, kind: str | None, unacknowledged: bool
) -> None:
    """List alerts, oldest first.

    \b
    Examples:
      monitor alerts list --kind new_figure
      monitor alerts list --json | jq .summary
    """
    database = open_database(settings.database_url)
    with database.session() as session:
        query = select(AlertRow).order_by(AlertRow.id)
        if topic:
            query = query.where(AlertRow.topic == topic)
        if kind:
            query = query.where(AlertRow.kind == kind)
        if unacknowledged:
            query = query.where(AlertRow.acknowledged_at.is_(None))
        print_alerts(list(session.scalars(query)), as_json)


@alerts.command("show")
@click.argument("alert_id", type=int)
@settings_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object (see docs/json.md).")
def alerts_show(alert_id: int, settings: Settings, as_json: bool) -> None:
    """Show one alert in full: its summary, the new and previous figures with their
    sentences and articles, the rule file and line, the other articles that carry the
    figure, each channel's delivery and the acknowledged / faux positif marks.

    Dates are shown in Europe/Paris time; --json gives them in UTC.

    \b
    Examples:
      monitor alerts show 4
      monitor alerts show 4 --json | jq .deliveries
    """
    database = open_database(settings.database_url)
    with database.session() as session:
        alert = find_alert(session, alert_id)
        deliveries = list(
            session.scalars(
                select(DeliveryRow).where(DeliveryRow.alert_id == alert.id).order_by(DeliveryRow.id)
            )
        )
        if as_json:
            record = alert_detail_record(alert, deliveries)
            click.echo(json.dumps(record, ensure_ascii=False))
            return
        for line in describe_alert(alert, deliveries):
            click.echo(line)


@alerts.command("ack")
@click.argument("alert_ids", nargs=-1, required=True, type=int)
@settings_options
def alerts_ack(alert_ids: tuple[int, ...], settings: Settings) -> None:
    """Mark alerts as acknowledged (seen and handled)."""
    database = open_database(settings.database_url)
    with database.session() as session:
        for alert_id in alert_ids:
            alert = session.get(AlertRow, alert_id)
            if alert is None:
                raise MonitorError(f"no alert #{alert_id} (see: monitor alerts list)")
            alert.acknowledged_at = alert.acknowledged_at or datetime.now(UTC)
            click.echo(f"alert #{alert_id} acknowledged")


# -- claims and known claims -------------------------------------------------------


@main.group()
def claims() -> None:
    """List claims found in articles; accept one as known."""


@claims.command("list")
@settings_options
@json_option
@click.option("--topic", help="Only this topic id.")
@click.option("--quantity", help="Only this quantity id.")
@click.option("--unassigned", is_flag=True, help="Also claims that match no quantity.")
def claims_list(
    settings: Settings, as_json: bool, topic: str | None, quantity: str | None, unassigned: bool
) -> None:
    """List the claims on topics, in ingest order.

    \b
    Examples:
      monitor claims list --quantity killed
      monitor claims list --unassigned --json
    """
    database = open_database(settings.database_url)
    with database.session() as session:
        query = select(ClaimRow).order_by(ClaimRow.id)
        if topic:
            query = query.where(ClaimRow.topic == topic)
        if quantity:
            query = query.where(ClaimRow.quantity == quantity)
        elif not unassigned:
            query = query.where(ClaimRow.quantity.is_not(None))
        rows = list(session.scalars(query))
        print_rows(rows, as_json, record=claim_record, line=claim_line, empty="No claim.")


def claim_line(row: ClaimRow) -> str:
    return (
        f"#{row.id} {row.quantity or '-'}: {row.value_text} "
        f"(read as {format_record(claim_record(row))}, {row.qualifier}), "
        f"{row.modality}, {row.source or 'no source'} — {row.article.url}"
    )


@claims.command("accept")
@click.argument("claim_id", type=int)
@settings_options
def claims_accept(claim_id: int, settings: Settings) -> None:
    """Promote a claim to a known claim: later figures are compared with it."""
    database = open_database(settings.database_url)
    with database.session() as session:
        claim = session.get(ClaimRow, claim_id)
        if claim is None:
            raise MonitorError(f"no claim #{claim_id} (see: monitor claims list)")
        if claim.quantity is None:
            raise MonitorError(f"claim #{claim_id} matches no quantity; only tracked claims")
        existing = session.scalar(select(KnownClaimRow).where(KnownClaimRow.claim_id == claim_id))
        if existing is not None:
            click.echo(f"claim #{claim_id} is already known as #{existing.id}")
            return
        published = claim.article.published
        known = KnownClaimRow(
            fingerprint=f"accepted:{claim.id}",
            topic=claim.topic or "",
            quantity=claim.quantity,
            low=claim.low,
            high=claim.high,
            value=claim.value,
            qualifier=claim.qualifier,
            source=claim.source,
            stated_on=published.date() if published else None,
            url=claim.article.url,
            period=claim.period,
            origin="accepted",
            claim_id=claim.id,
            created_at=datetime.now(UTC),
        )
        session.add(known)
        session.flush()
        click.echo(f"claim #{claim_id} accepted as known claim #{known.id}")


@main.group()
def known() -> None:
    """Known claims: from rule files and accepted claims."""


@known.command("list")
@settings_options
@json_option
@click.option("--topic", help="Only this topic id.")
def known_list(settings: Settings, as_json: bool, topic: str | None) -> None:
    """List the known claims the engine compares new figures with."""
    database = open_database(settings.database_url)
    pipeline = build_pipeline(database, settings)  # mirrors the rule files' known claims
    with database.session() as session:
        query = select(KnownClaimRow).where(KnownClaimRow.active.is_(True))
        if topic:
            query = query.where(KnownClaimRow.topic == topic)
        rows = list(session.scalars(query.order_by(KnownClaimRow.id)))

        def line(row: KnownClaimRow) -> str:
            compiled = pipeline.book.quantity(row.topic, row.quantity)
            return known_line(row, compiled.unit if compiled else None)

        print_rows(rows, as_json, record=known_record, line=line, empty="No known claim.")


def known_line(row: KnownClaimRow, unit: UnitSpec | None = None) -> str:
    """``#3 seisme/tues: au moins 2 000 (qualifier at_least), ONU — rules/seisme.yaml:40``."""
    origin = f"{row.rule_file}:{row.rule_line}" if row.origin == "rule" else row.url
    figure = format_record(known_record(row), unit or COUNT)
    return (
        f"#{row.id} {row.topic}/{row.quantity}: {figure} ({row.qualifier}), "
        f"{row.source or 'no source'} — {origin}"
    )


# -- explain ------------------------------------------------------------------------


@main.command()
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


# -- rules --------------------------------------------------------------------------


@main.group()
def rules() -> None:
    """Check rule files and export their schema."""


@rules.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(path_type=Path),
    help="The rules folder, as the other commands take it (same as DIRECTORY).",
)
@config_option
def rules_check(directory: Path | None, rules_dir: Path | None, config_file: Path | None) -> None:
    """Validate every rule file in DIRECTORY or --rules (default: the rules folder).

    Lists every problem as file:line:column: field: message and exits 2 if any. The
    files' example sentences are run through the extractor and must give the figures
    they list.
    """
    if directory is not None and rules_dir is not None and directory != rules_dir:
        raise click.UsageError("give the rules folder once: DIRECTORY or --rules")
    settings = load_settings(config_file, rules_dir=directory or rules_dir)
    result = load_rules(settings.rules_dir, channels=settings.channel_names or None)
    if result.problems:
        raise RuleError(result.problems)
    if count_examples(result.rule_sets):
        # Imported here: the French model loads in seconds, and only examples need it.
        from monitor.claims.extractor import find_claims

        book = compile_rules(result.rule_sets, default_tolerance=settings.approx_tolerance)
        failures = run_examples(book, result.rule_sets, find_claims)
        if failures:
            raise RuleError(failures)
    for rule_set in result.rule_sets:
        rules = rule_set.rules
        examples = f", {len(rules.examples)} examples pass" if rules.examples else ""
        click.echo(
            f"{rule_set.display_path}: ok (topic {rules.topic.id}, "
            f"{len(rules.quantities)} quantities, {len(rules.known)} known claims{examples})"
        )


@rules.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of rule files (for editors)."""
    click.echo(json.dumps(RuleFile.model_json_schema(), indent=2, ensure_ascii=False))


# -- database -----------------------------------------------------------------------


@main.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@settings_options
def db_upgrade(settings: Settings) -> None:
    """Apply pending migrations (every command also does so on start)."""
    database = open_database(settings.database_url, migrate=False)
    applied = database.upgrade()
    where = database.display_url
    if applied:
        click.echo(f"{where}: applied {', '.join(applied)}; now at {database.revision()}")
    else:
        click.echo(f"{where}: already at {database.revision()}")


for command in (
    articles, crawl, judge, sources, run, run_once, status, deliver_command, deliveries_group,
    channels_group, web_command, timeline_command,
):  # fmt: skip
    main.add_command(command)
