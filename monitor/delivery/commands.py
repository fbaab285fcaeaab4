"""``monitor deliver``, ``monitor deliveries list`` and ``monitor channels test``."""

from __future__ import annotations

import sys
import uuid
from datetime import UTC, datetime
from typing import Any

import click
from sqlalchemy import select

from monitor.cli.options import print_rows, settings_options
from monitor.clock import PARIS, iso, paris_time
from monitor.delivery.messages import Message
from monitor.delivery.outbox import STATUSES, deliver
from monitor.delivery.registry import ChannelRegistry
from monitor.delivery.schedule import as_utc, release_at
from monitor.errors import ConfigError, DeliveryError
from monitor.models import AlertKind
from monitor.rules.loader import load_rules
from monitor.settings import ChannelSettings, Settings
from monitor.storage import open_database
from monitor.storage.schema import AlertRow, DeliveryRow


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
        specs = {spec.name: spec for spec in settings.channels}
        print_rows(
            rows,
            as_json,
            record=lambda row: delivery_record(row, due_at(row, specs.get(row.channel))),
            line=lambda row: delivery_line(row, due_at(row, specs.get(row.channel))),
            empty="No delivery.",
        )


@deliveries_group.command("requeue")
@settings_options
@click.option("--channel", "channel_name", required=True, help="The channel to send them on.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only alerts raised on this day (Europe/Paris) or later.",
)
@click.option("--failed", is_flag=True, help="Also retry this channel's failed and expired rows.")
@click.option("--dry-run", is_flag=True, help="Say what would be queued; change nothing.")
def deliveries_requeue(
    settings: Settings,
    channel_name: str,
    since: datetime | None,
    failed: bool,
    dry_run: bool,
) -> None:
    """Queue on a channel the alerts it never got: those raised before it existed, or
    (with --failed) those it refused or let expire.

    Each topic's routing (`alerting.channels` in its rule file) still decides which kinds
    of alert go to the channel; alerts of topics no longer in the rules follow the default
    (every channel).

    \b
    Examples:
      monitor deliveries requeue --channel desk-mail --since 2026-11-01
      monitor deliveries requeue --channel webhook --failed --dry-run
    """
    if channel_name not in settings.channel_names:
        known = ", ".join(settings.channel_names) or "none are configured"
        raise ConfigError(
            f"no channel named {channel_name!r} (settings declare: {known}); add it to the "
            "settings file first"
        )
    result = load_rules(settings.rules_dir, channels=settings.channel_names)
    routes = {
        rule_set.rules.topic.id: rule_set.rules.alerting.channels for rule_set in result.rule_sets
    }
    start = since.replace(tzinfo=PARIS).astimezone(UTC) if since else None
    database = open_database(settings.database_url)
    now = datetime.now(UTC)
    with database.session() as session:
        query = select(AlertRow).order_by(AlertRow.id)
        if start is not None:
            query = query.where(AlertRow.created_at >= start)
        existing = {
            row.alert_id: row
            for row in session.scalars(
                select(DeliveryRow).where(DeliveryRow.channel == channel_name)
            )
        }
        queued = retried = 0
        for alert in session.scalars(query):
            route = routes.get(alert.topic)
            if route is not None and channel_name not in route.get(AlertKind(alert.kind), []):
                continue
            row = existing.get(alert.id)
            if row is None:
                queued += 1
                if not dry_run:
                    session.add(
                        DeliveryRow(
                            alert_id=alert.id,
                            channel=channel_name,
                            status="pending",
                            idempotency_key=f"msg_{uuid.uuid4().hex}",
                            next_attempt_at=now,
                            created_at=now,
                        )
                    )
            elif failed and row.status in ("failed", "expired"):
                retried += 1
                if not dry_run:
                    row.status, row.attempts, row.error = "pending", 0, None
                    row.next_attempt_at = row.created_at = now
                    row.group_key = None
        if dry_run:
            session.rollback()
    verb = "Would queue" if dry_run else "Queued"
    click.echo(
        f"{verb} {queued} alert(s) on {channel_name}"
        + (f" and retry {retried} failed or expired" if failed else "")
        + (f", raised since {since:%Y-%m-%d}" if since else "")
        + ("." if dry_run or not (queued or retried) else "; `monitor deliver` sends them.")
    )


def due_at(row: DeliveryRow, spec: ChannelSettings | None) -> datetime | None:
    """When a waiting row will really leave: its next attempt, or for a row not yet tried,
    the end of its channel's quiet hours or its digest time when that is later."""
    if row.status not in ("pending", "sending"):
        return None
    due = as_utc(row.next_attempt_at)
    if spec is not None and row.attempts == 0 and row.group_key is None:
        due = max(due, release_at(spec, row.created_at))
    return due


def delivery_record(row: DeliveryRow, due: datetime | None = None) -> dict[str, Any]:
    return {
        "id": row.id,
        "alert_id": row.alert_id,
        "channel": row.channel,
        "status": row.status,
        "idempotency_key": row.idempotency_key,
        "group_key": row.group_key,
        "attempts": row.attempts,
        "next_attempt_at": iso(due) if due is not None else None,
        "last_attempt_at": iso(row.last_attempt_at),
        "sent_at": iso(row.sent_at),
        "response": row.response,
        "error": row.error,
        "created": iso(row.created_at),
    }


def delivery_line(row: DeliveryRow, due: datetime | None = None) -> str:
    head = f"#{row.id} alert #{row.alert_id} -> {row.channel}: {row.status}"
    if row.status == "sent":
        return (
            f"{head} at {paris_time(row.sent_at)} after {row.attempts} attempt(s): {row.response}"
        )
    if row.status in ("pending", "sending"):
        if row.attempts == 0:
            return f"{head}, due at {paris_time(due or row.next_attempt_at)}"
        return (
            f"{head}, attempt {row.attempts + 1} at {paris_time(due or row.next_attempt_at)}; "
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
