"""Operator alerts: problems of the monitor itself, sent through the channels like any alert.

A problem has a key (``source:le-monde``, ``outbox``, ``rules:rules/x.yaml``). Opening it
raises one alert of kind ``operator``; while it stays open nothing more is sent; when it
is fixed, a second alert says so and the problem is closed. If it comes back later, it is
a new problem with a new alert.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from monitor.alerts import queue_deliveries
from monitor.delivery.outbox import ACTIVE as WAITING
from monitor.settings import Settings
from monitor.storage import Database
from monitor.storage.schema import AlertRow, DeliveryRow, OperatorProblemRow, SourceRow

log = logging.getLogger(__name__)

OPERATOR_KIND = "operator"
OPERATOR_TOPIC = "monitor"


@dataclass(frozen=True)
class OperatorProblem:
    key: str
    message: str  # French, for the operator's inbox


def open_problems(database: Database) -> dict[str, OperatorProblemRow]:
    with database.session() as session:
        rows = session.scalars(
            select(OperatorProblemRow).where(OperatorProblemRow.cleared_at.is_(None))
        )
        return {row.key: row for row in rows}


def reconcile(
    database: Database,
    settings: Settings,
    problems: Sequence[OperatorProblem],
    *,
    scope: str,
    now: datetime | None = None,
) -> tuple[list[str], list[str]]:
    """Make the open problems whose key starts with ``scope`` be exactly ``problems``.

    Returns the keys opened and the keys cleared.
    """
    now = now or datetime.now(UTC)
    wanted = {problem.key: problem for problem in problems}
    opened: list[str] = []
    cleared: list[str] = []
    with database.session() as session:
        current = {
            row.key: row
            for row in session.scalars(
                select(OperatorProblemRow).where(
                    OperatorProblemRow.cleared_at.is_(None),
                    OperatorProblemRow.key.startswith(scope),
                )
            )
        }
        for key, problem in wanted.items():
            if key in current:
                continue
            alert = _operator_alert(session, settings, f"Problème : {problem.message}", key, now)
            session.add(
                OperatorProblemRow(
                    key=key, message=problem.message, opened_at=now, alert_id=alert.id
                )
            )
            log.warning("operator alert: %s", problem.message)
            opened.append(key)
        for key, row in current.items():
            if key in wanted:
                continue
            alert = _operator_alert(session, settings, f"Résolu : {row.message}", key, now)
            row.cleared_at, row.clear_alert_id = now, alert.id
            log.info("operator problem cleared: %s", row.message)
            cleared.append(key)
    return opened, cleared


def _operator_alert(
    session: Session, settings: Settings, summary: str, key: str, now: datetime
) -> AlertRow:
    digest = hashlib.sha256(f"{key}\x1f{summary}\x1f{now.isoformat()}".encode()).hexdigest()
    alert = AlertRow(
        dedup_key=digest,
        kind=OPERATOR_KIND,
        topic=OPERATOR_TOPIC,
        quantity=None,
        summary=summary,
        details={"problem": key, "topic_title": "Fonctionnement de la veille"},
        created_at=now,
    )
    session.add(alert)
    session.flush()
    queue_deliveries(session, alert, settings.channel_names)
    return alert


def source_problems(database: Database, settings: Settings, now: datetime) -> list[OperatorProblem]:
    """Enabled sources failing without a success for longer than the threshold."""
    threshold = timedelta(hours=settings.daemon.source_failing_hours)
    problems: list[OperatorProblem] = []
    with database.session() as session:
        rows = session.scalars(
            select(SourceRow).where(SourceRow.enabled.is_(True), SourceRow.consecutive_errors > 0)
        )
        for row in rows:
            since = row.last_success_at or row.created_at
            if now - since < threshold:
                continue
            status = f" (HTTP {row.last_error_status})" if row.last_error_status else ""
            hours = (now - since).total_seconds() / 3600
            problems.append(
                OperatorProblem(
                    key=f"source:{row.name}",
                    message=(
                        f"la source {row.name} échoue depuis {hours:.0f} h, "
                        f"{row.consecutive_errors} erreurs de suite{status} : "
                        f"{row.last_error_message or row.last_error_class or 'erreur inconnue'}"
                    ),
                )
            )
    return problems


def outbox_problems(database: Database, settings: Settings, now: datetime) -> list[OperatorProblem]:
    """Deliveries piling up, or waiting too long (a channel that stays down)."""
    oldest_allowed = now - timedelta(minutes=settings.daemon.outbox_age_minutes)
    with database.session() as session:
        waiting = (
            select(DeliveryRow)
            .join(AlertRow, DeliveryRow.alert_id == AlertRow.id)
            .where(DeliveryRow.status.in_(WAITING), AlertRow.kind != OPERATOR_KIND)
        )
        count = session.scalar(select(func.count()).select_from(waiting.subquery())) or 0
        late = (
            session.scalar(
                select(func.count()).select_from(
                    waiting.where(
                        DeliveryRow.created_at < oldest_allowed,
                        or_(DeliveryRow.attempts > 0, DeliveryRow.next_attempt_at < now),
                    ).subquery()
                )
            )
            or 0
        )
    if count < settings.daemon.outbox_backlog and not late:
        return []
    return [
        OperatorProblem(
            key="outbox",
            message=(
                f"{count} envois d'alertes en attente, dont {late} depuis plus de "
                f"{settings.daemon.outbox_age_minutes:g} min (voir : monitor deliveries list)"
            ),
        )
    ]
