"""What a person decides about stored alerts and claims: the CLI and the desk share it.

Each function works in the caller's session and raises :class:`MonitorError` with a
message for people when the decision cannot be taken.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.errors import MonitorError
from monitor.storage.schema import AlertRow, ClaimRow, KnownClaimRow


def find_alert(session: Session, alert_id: int) -> AlertRow:
    alert = session.get(AlertRow, alert_id)
    if alert is None:
        raise MonitorError(f"no alert #{alert_id} (see: monitor alerts list)")
    return alert


def acknowledge_alert(session: Session, alert_id: int) -> AlertRow:
    """Seen and handled; acknowledging twice keeps the first time."""
    alert = find_alert(session, alert_id)
    alert.acknowledged_at = alert.acknowledged_at or datetime.now(UTC)
    return alert


def mark_false_positive(session: Session, alert_id: int, *, false_positive: bool) -> AlertRow:
    """A false positive is also handled: marking one acknowledges it."""
    alert = find_alert(session, alert_id)
    if false_positive:
        now = datetime.now(UTC)
        alert.false_positive_at = alert.false_positive_at or now
        alert.acknowledged_at = alert.acknowledged_at or now
    else:
        alert.false_positive_at = None
    return alert


def accept_claim(session: Session, claim_id: int) -> tuple[KnownClaimRow, bool]:
    """Promote a claim to a known claim; returns it and whether it was new."""
    claim = session.get(ClaimRow, claim_id)
    if claim is None:
        raise MonitorError(f"no claim #{claim_id} (see: monitor claims list)")
    if claim.quantity is None:
        raise MonitorError(f"claim #{claim_id} matches no quantity; only tracked claims")
    existing = session.scalar(select(KnownClaimRow).where(KnownClaimRow.claim_id == claim_id))
    if existing is not None:
        return existing, False
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
    return known, True


def reject_claim(session: Session, claim_id: int, *, rejected: bool) -> ClaimRow:
    """Mark a claim as misread or off its quantity (or take that back)."""
    claim = session.get(ClaimRow, claim_id)
    if claim is None:
        raise MonitorError(f"no claim #{claim_id} (see: monitor claims list)")
    claim.rejected_at = (claim.rejected_at or datetime.now(UTC)) if rejected else None
    return claim


def assign_claim(session: Session, claim_id: int, topic: str, quantity: str) -> ClaimRow:
    """Put a claim under a quantity the reader did not give it (the caller checks that the
    quantity exists in the rule files)."""
    claim = session.get(ClaimRow, claim_id)
    if claim is None:
        raise MonitorError(f"no claim #{claim_id} (see: monitor claims list)")
    claim.topic, claim.quantity, claim.rejected_at = topic, quantity, None
    return claim
