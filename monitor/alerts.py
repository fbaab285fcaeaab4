"""Alert wording (French, for newsroom staff) and the JSON records scripts rely on.

The JSON records are a stable contract (``docs/json.md``): a claim carries at least
``id, topic, quantity, low, high, qualifier, source, modality, sentence, article_url,
article_title, published``; an alert carries at least ``id, kind, topic, quantity, new,
previous, article_url, sentence, created``. Unknown or open bounds are null.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from monitor.figures import COUNT, NARROW_SPACE, UnitSpec, format_change, format_number
from monitor.models import AlertKind
from monitor.rules.engine import Figure, Verdict, format_figure
from monitor.storage.schema import AlertRow, ClaimRow, DeliveryRow, KnownClaimRow

PARIS = ZoneInfo("Europe/Paris")
KIND_LABELS = {
    AlertKind.NEW_QUANTITY: "Premier chiffre",
    AlertKind.NEW_FIGURE: "Nouveau chiffre",
    AlertKind.CONTRADICTION: "Contradiction",
}
NO_SOURCE = "source non précisée"


def summarise(label: str, new: Figure, verdict: Verdict, unit: UnitSpec = COUNT) -> str:
    """One French line: ``Nouveau chiffre : tués 300 → 600 (CNN), +300 (+100 %)``, or
    ``Nouveau chiffre : coût des dégâts 87 M€ → 120–150 M€ (…)``."""
    kind = KIND_LABELS[verdict.kind]
    if verdict.reason == "revision":
        kind += " (révision)"
    head = f"{kind} : {label}"
    now = f"{format_figure(new, unit)} ({new.source or NO_SOURCE})"
    previous = verdict.previous
    if verdict.kind is AlertKind.NEW_QUANTITY or previous is None:
        line = f"{head} {now}"
    elif verdict.kind is AlertKind.CONTRADICTION and verdict.reason == "sources":
        line = (
            f"{head} {now} contre {format_figure(previous, unit)} ({previous.source or NO_SOURCE})"
        )
    else:
        line = f"{head} {format_figure(previous, unit)} → {now}"
    if verdict.kind is AlertKind.CONTRADICTION and verdict.reason == "denial":
        line += ", en démentant d'autres informations"
    elif verdict.reason == "decrease":
        line += ", baisse d'un total qui ne peut que croître"
    if verdict.delta is not None and verdict.kind is not AlertKind.NEW_QUANTITY:
        line += f", {format_change(verdict.delta, unit)}"
        if verdict.percent is not None:
            sign = "+" if verdict.delta > 0 else "−"
            line += f" ({sign}{format_number(abs(verdict.percent))}{NARROW_SPACE}%)"
    return line


def queue_deliveries(session: Session, alert: AlertRow, channels: Iterable[str]) -> None:
    """The outbox rows of a new alert, one per channel, in the alert's transaction.

    Each row gets its idempotency key now: every retry of it sends the same one.
    """
    for channel in channels:
        session.add(
            DeliveryRow(
                alert_id=alert.id,
                channel=channel,
                status="pending",
                idempotency_key=f"msg_{uuid.uuid4().hex}",
                next_attempt_at=alert.created_at,
                created_at=alert.created_at,
            )
        )


def paris_time(moment: datetime | None, missing: str = "-") -> str:
    """``22/11/2026 08:30`` in Europe/Paris, for terminal output."""
    if moment is None:
        return missing
    return moment.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")


def claim_record(claim: ClaimRow) -> dict[str, Any]:
    article = claim.article
    return {
        "id": claim.id,
        "topic": claim.topic,
        "quantity": claim.quantity,
        "value_text": claim.value_text,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "unit": claim.unit,
        "currency": claim.currency,
        "noun": claim.noun,
        "noun_phrase": claim.noun_phrase,
        "predicate": claim.predicate,
        "source": claim.source,
        "source_text": claim.source_text,
        "modality": claim.modality,
        "time_ref": claim.time_ref.isoformat() if claim.time_ref else None,
        "sentence": claim.sentence,
        "span": [claim.span_start, claim.span_end],
        "denial": claim.denial,
        "earlier": claim.earlier,
        "article_url": article.url,
        "article_title": article.title,
        "published": iso(article.published),
    }


def known_record(known: KnownClaimRow) -> dict[str, Any]:
    return {
        "id": known.id,
        "known": True,
        "topic": known.topic,
        "quantity": known.quantity,
        "value": known.value,
        "low": known.low,
        "high": known.high,
        "qualifier": known.qualifier,
        "source": known.source,
        "date": known.stated_on.isoformat() if known.stated_on else None,
        "url": known.url,
        "note": known.note,
        "origin": known.origin,
        "rule_file": known.rule_file,
        "rule_line": known.rule_line,
        "claim_id": known.claim_id,
    }


def alert_record(alert: AlertRow) -> dict[str, Any]:
    previous: dict[str, Any] | None = None
    if alert.previous_claim is not None:
        previous = claim_record(alert.previous_claim)
    elif alert.previous_known is not None:
        previous = known_record(alert.previous_known)
    return {
        "id": alert.id,
        "kind": alert.kind,
        "topic": alert.topic,
        "quantity": alert.quantity,
        "summary": alert.summary,
        "new": claim_record(alert.claim) if alert.claim is not None else None,
        "previous": previous,
        "direction": alert.details.get("direction"),
        "delta": alert.details.get("delta"),
        "percent": alert.details.get("percent"),
        "reason": alert.details.get("reason"),
        "article_url": alert.article.url if alert.article else None,
        "article_title": alert.article.title if alert.article else None,
        "sentence": alert.sentence,
        "rule_file": alert.rule_file,
        "rule_line": alert.rule_line,
        "evidence": [evidence.article.url for evidence in alert.evidence],
        "created": iso(alert.created_at),
        "acknowledged": iso(alert.acknowledged_at),
        "false_positive": iso(alert.false_positive_at),
    }


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def paris_date(moment: datetime | None) -> str:
    if moment is None:
        return "date inconnue"
    return moment.astimezone(PARIS).strftime("%d/%m/%Y")
