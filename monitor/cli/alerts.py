"""``monitor alerts``: list, show and acknowledge alerts."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from monitor.cli.options import json_option, settings_options

if TYPE_CHECKING:
    from monitor.settings import Settings


@click.group()
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
    from sqlalchemy import select

    from monitor.commands import print_alerts
    from monitor.storage import open_database
    from monitor.storage.schema import AlertRow

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
    from sqlalchemy import select

    from monitor.alerts import alert_detail_record, describe_alert
    from monitor.storage import open_database
    from monitor.storage.curation import find_alert
    from monitor.storage.schema import DeliveryRow

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
    from monitor.errors import MonitorError
    from monitor.storage import open_database
    from monitor.storage.schema import AlertRow

    database = open_database(settings.database_url)
    with database.session() as session:
        for alert_id in alert_ids:
            alert = session.get(AlertRow, alert_id)
            if alert is None:
                raise MonitorError(f"no alert #{alert_id} (see: monitor alerts list)")
            alert.acknowledged_at = alert.acknowledged_at or datetime.now(UTC)
            click.echo(f"alert #{alert_id} acknowledged")
