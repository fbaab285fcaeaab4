"""``monitor deliver``, ``monitor deliveries list`` and ``monitor channels test``."""

from __future__ import annotations

import sys
import uuid
from datetime import UTC, datetime
from typing import Any

import click
from sqlalchemy import select

from monitor.alerts import iso, paris_time
from monitor.commands import print_rows, settings_options
from monitor.delivery.messages import Message
from monitor.delivery.outbox import STATUSES, deliver
from monitor.delivery.registry import ChannelRegistry
from monitor.errors import ConfigError, DeliveryError
from monitor.settings import Settings
from monitor.storage import open_database
from monitor.storage.schema import DeliveryRow


@click.command("deliver")
@settings_options
def deliver_command(settings: Settings) -> None:
    """Send the deliveries that are due, once (for cron; the daemon does it on its own).

    Prints one line per message; exits 1 if a message failed for good or expired.

    \b
    Examples:
      monitor deliver
      */5 * * * * monitor --config /etc/monitor.yaml deliver   (crontab)
    """
    database = open_database(settings.database_url)
    report = deliver(database, settings)
    for problem in report.channel_errors:
        click.echo(f"error: {problem}", err=True)
    for channel, count in sorted(report.unconfigured.items()):
        click.echo(
            f"warning: {count} deliveries wait for channel {channel!r}, which the settings"
            " no longer declare (declare it again to send them)",
            err=True,
        )
    for result in report.results:
        line = (
            f"{result.outcome}: channel {result.channel} ({result.destination}), "
            f"{result.alerts} alert{'s' if result.alerts > 1 else ''}, id {result.key}, "
            f"attempt {result.attempt}: {result.answer}"
        )
        if result.next_attempt_at is not None:
            line += f"; next attempt at {paris_time(result.next_attempt_at)} (Europe/Paris)"
        click.echo(line)
    click.echo(
        f"{report.count('sent')} sent, {report.count('retry')} to retry, "
        f"{report.count('failed')} failed, {report.count('expired')} expired; "
        f"{report.waiting} deliveries wait for a digest, quiet hours or the end of a run.",
        err=True,
    )
    if report.count("failed") or report.count("expired") or report.channel_errors:
        sys.exit(1)


@click.group("deliveries")
def deliveries_group() -> None:
    """Inspect the outbox: one row per alert and channel."""


@deliveries_group.command("list")
@settings_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--status", type=click.Choice(STATUSES), help="Only deliveries in this state.")
@click.option("--channel", help="Only this channel.")
def deliveries_list(
    settings: Settings, as_json: bool, status: str | None, channel: str | None
) -> None:
    """List deliveries, oldest first, with their attempts and the server's last answer.

    \b
    Examples:
      monitor deliveries list --status failed
      monitor deliveries list --json | jq 'select(.attempts > 1)'
    """
    database = open_database(settings.database_url)
    with database.session() as session:
        query = select(DeliveryRow).order_by(DeliveryRow.id)
        if status:
            query = query.where(DeliveryRow.status == status)
        if channel:
            query = query.where(DeliveryRow.channel == channel)
        rows = list(session.scalars(query))
        print_rows(rows, as_json, record=delivery_record, line=delivery_line, empty="No delivery.")


def delivery_record(row: DeliveryRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "alert_id": row.alert_id,
        "channel": row.channel,
        "status": row.status,
        "idempotency_key": row.idempotency_key,
        "group_key": row.group_key,
        "attempts": row.attempts,
        "next_attempt_at": iso(row.next_attempt_at)
        if row.status in ("pending", "sending")
        else None,
        "last_attempt_at": iso(row.last_attempt_at),
        "sent_at": iso(row.sent_at),
        "response": row.response,
        "error": row.error,
        "created": iso(row.created_at),
    }


def delivery_line(row: DeliveryRow) -> str:
    head = f"#{row.id} alert #{row.alert_id} -> {row.channel}: {row.status}"
    if row.status == "sent":
        return (
            f"{head} at {paris_time(row.sent_at)} after {row.attempts} attempt(s): {row.response}"
        )
    if row.status in ("pending", "sending"):
        if row.attempts == 0:
            return f"{head}, due at {paris_time(row.next_attempt_at)}"
        return (
            f"{head}, attempt {row.attempts + 1} at {paris_time(row.next_attempt_at)}; "
            f"last answer: {row.error}"
        )
    return f"{head} after {row.attempts} attempt(s): {row.error}"


@click.group("channels")
def channels_group() -> None:
    """Delivery channels declared in the settings."""


@channels_group.command("list")
@settings_options
def channels_list(settings: Settings) -> None:
    """List the channels with their kind and schedule."""
    if not settings.channels:
        click.echo("No channel (declare them under channels: in the settings file).")
    problems = ChannelRegistry(settings).problems()
    for spec in settings.channels:
        schedule = spec.mode if spec.mode != "daily" else f"daily at {spec.digest_at:%H:%M}"
        if spec.quiet_hours:
            quiet = spec.quiet_hours
            schedule += f", quiet {quiet.start:%H:%M}-{quiet.end:%H:%M}"
        unusable = " — UNUSABLE, see below" if spec.name in problems else ""
        click.echo(f"{spec.name}: {spec.kind}, {schedule}{unusable}")
    if problems:
        raise ConfigError("; ".join(problems.values()))


@channels_group.command("test")
@click.argument("name")
@settings_options
def channels_test(name: str, settings: Settings) -> None:
    """Send a test message on channel NAME and print the server's answer.

    \b
    Example:
      monitor channels test desk-email
    """
    registry = ChannelRegistry(settings)
    channel = registry.get(name)
    message = Message(
        key=f"test_{uuid.uuid4().hex}",
        channel=name,
        alerts=[],
        created=datetime.now(UTC),
        test=True,
    )
    try:
        answer = channel.send(message)
    except DeliveryError as exc:
        raise DeliveryError(
            exc.channel, exc.destination, f"test message not delivered: {exc.answer}"
        ) from exc
    click.echo(f"channel {name} ({channel.destination}): test message {message.key} sent: {answer}")
