"""``monitor claims`` and ``monitor known``: the claims found, and the known claims
new figures are compared with."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from monitor.cli.options import json_option, print_rows, settings_options

if TYPE_CHECKING:
    from monitor.figures import UnitSpec
    from monitor.settings import Settings
    from monitor.storage.schema import ClaimRow, KnownClaimRow


@click.group()
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
    from sqlalchemy import select

    from monitor.alerts import claim_record
    from monitor.storage import open_database
    from monitor.storage.schema import ClaimRow

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
    from monitor.alerts import claim_record
    from monitor.figures import format_record

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
    from monitor.storage import open_database
    from monitor.storage.curation import accept_claim

    database = open_database(settings.database_url)
    with database.session() as session:
        known, new = accept_claim(session, claim_id)
        if new:
            click.echo(f"claim #{claim_id} accepted as known claim #{known.id}")
        else:
            click.echo(f"claim #{claim_id} is already known as #{known.id}")


@click.group()
def known() -> None:
    """Known claims: from rule files and accepted claims."""


@known.command("list")
@settings_options
@json_option
@click.option("--topic", help="Only this topic id.")
def known_list(settings: Settings, as_json: bool, topic: str | None) -> None:
    """List the known claims the engine compares new figures with."""
    from sqlalchemy import select

    from monitor.alerts import known_record
    from monitor.commands import build_pipeline
    from monitor.storage import open_database
    from monitor.storage.schema import KnownClaimRow

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
    from monitor.alerts import known_record
    from monitor.figures import COUNT, format_record

    origin = f"{row.rule_file}:{row.rule_line}" if row.origin == "rule" else row.url
    figure = format_record(known_record(row), unit or COUNT)
    return (
        f"#{row.id} {row.topic}/{row.quantity}: {figure} ({row.qualifier}), "
        f"{row.source or 'no source'} — {origin}"
    )
