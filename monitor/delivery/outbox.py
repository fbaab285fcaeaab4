"""The outbox: claim due deliveries, send them as grouped messages, record what happened.

Each alert x channel is a ``deliveries`` row, written by the pipeline in the alert's own
transaction. A pass of :func:`deliver`:

1. **Groups** released rows (their channel's digest time and quiet hours have passed,
   their run has finished): the alerts of one run and topic make one message per channel;
   a digest makes one message per channel and digest time. The group's key is the
   idempotency key of its message (the row's own key for a group of one, else a hash of
   the rows' keys), stored in every row, so each retry sends the same message.
2. **Claims** one due group at a time (``FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite
   transactions start with ``BEGIN IMMEDIATE``): the rows become ``sending`` with a lease
   (``next_attempt_at`` = now + ``lease_seconds``), then the transaction commits, so no
   lock is held while talking to a server.
3. **Sends** outside any transaction, and **records** the outcome: ``sent`` with the
   server's answer; ``pending`` again with exponential backoff and jitter (or the
   server's Retry-After) when the failure may pass; ``failed`` when the server refused for
   good (HTTP 4xx other than 408/429, SMTP 5xx); ``expired`` when a group was not sent
   within ``max_age_hours`` of its release.

If the process dies after the server accepted a message and before step 3 recorded it,
the lease runs out and the message is sent again, with the same idempotency key: that is
the only window for a duplicate, and a receiver that drops repeated keys closes it.
"""

from __future__ import annotations

import hashlib
import logging
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from monitor.clock import utcnow
from monitor.delivery.messages import Message, build_message
from monitor.delivery.registry import Channel, ChannelRegistry
from monitor.delivery.schedule import as_utc, is_digest, release_at
from monitor.errors import ConfigError, DeliveryError
from monitor.settings import DeliverySettings, Settings
from monitor.storage import Database
from monitor.storage.schema import AlertRow, DeliveryRow, RunRow

log = logging.getLogger("monitor.delivery")

Clock = Callable[[], datetime]
Outcome = Literal["sent", "retry", "failed", "expired"]
STATUSES = ("pending", "sending", "sent", "failed", "expired")
ACTIVE = ("pending", "sending")
GROUPING_LOCK = 0x6D6F6E69746F72  # pg_advisory_xact_lock key: one sender groups at a time
ANSWER_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class MessageResult:
    """What became of one message in a pass."""

    channel: str
    destination: str
    key: str
    alerts: int
    outcome: Outcome
    answer: str
    attempt: int
    next_attempt_at: datetime | None = None


@dataclass
class DeliveryReport:
    results: list[MessageResult] = field(default_factory=list)
    waiting: int = 0  # rows held for a digest, quiet hours or an unfinished run
    unconfigured: dict[str, int] = field(default_factory=dict)  # rows for unknown channels
    channel_errors: list[str] = field(default_factory=list)  # channels that cannot be built

    def count(self, outcome: Outcome) -> int:
        return sum(1 for result in self.results if result.outcome == outcome)


@dataclass(frozen=True, slots=True)
class Claim:
    key: str
    channel: str
    row_ids: list[int]
    attempt: int
    message: Message


def backoff_seconds(attempt: int, settings: DeliverySettings, rng: random.Random) -> float:
    """Exponential backoff with "equal jitter": between half and all of base x 2^(n-1)."""
    exponential: float = settings.backoff_base_seconds * 2.0 ** max(attempt - 1, 0)
    return min(settings.backoff_max_seconds, exponential) * (0.5 + rng.random() / 2)


def group_key(idempotency_keys: Sequence[str]) -> str:
    """One stable key for a message: the row's own key, or a hash of the rows' keys."""
    keys = sorted(idempotency_keys)
    if len(keys) == 1:
        return keys[0]
    return "grp_" + hashlib.sha256("\n".join(keys).encode()).hexdigest()[:40]


class Outbox:
    """Sends what is due in ``database`` on the channels of ``settings``."""

    def __init__(
        self,
        database: Database,
        settings: Settings,
        *,
        registry: ChannelRegistry | None = None,
        clock: Clock = utcnow,
        rng: random.Random | None = None,
    ) -> None:
        self.database = database
        self.settings = settings.delivery
        self.registry = registry or ChannelRegistry(settings)
        self.clock = clock
        self.rng = rng or random.Random()

    def deliver_due(self) -> DeliveryReport:
        """One pass: group what was released, then send every due group once."""
        report = DeliveryReport()
        usable = self._usable_channels(report)
        self._group(report)
        tried: set[str] = set()
        while True:
            claim = self._claim(usable, tried, report)
            if claim is None:
                return report
            tried.add(claim.key)
            report.results.append(self._send(usable[claim.channel], claim))

    # -- 1. group ---------------------------------------------------------------------

    def _usable_channels(self, report: DeliveryReport) -> dict[str, Channel]:
        usable: dict[str, Channel] = {}
        for name in self.registry.names:
            try:
                usable[name] = self.registry.get(name)
            except ConfigError as exc:
                report.channel_errors.append(str(exc))
        return usable

    def _group(self, report: DeliveryReport) -> None:
        now = self.clock()
        run_wait = timedelta(seconds=self.settings.run_wait_seconds)
        with self.database.session() as session:
            self._lock_grouping(session)
            rows = session.execute(
                select(DeliveryRow, AlertRow.topic, AlertRow.run_id, RunRow)
                .join(AlertRow, DeliveryRow.alert_id == AlertRow.id)
                .outerjoin(RunRow, AlertRow.run_id == RunRow.id)
                .where(DeliveryRow.status == "pending", DeliveryRow.group_key.is_(None))
                .order_by(DeliveryRow.id)
                .with_for_update(of=DeliveryRow, skip_locked=True)
            ).all()
            groups: dict[tuple[object, ...], list[DeliveryRow]] = defaultdict(list)
            for row, topic, run_id, run in rows:
                if row.channel not in self.registry:
                    report.unconfigured[row.channel] = report.unconfigured.get(row.channel, 0) + 1
                    continue
                spec = self.registry.spec(row.channel)
                release = release_at(spec, row.created_at)
                running = run is not None and run.finished_at is None
                if release > now or (running and as_utc(run.started_at) > now - run_wait):
                    report.waiting += 1
                    continue
                if is_digest(spec, row.created_at):
                    groups[(row.channel, "digest", release.isoformat())].append(row)
                else:
                    groups[(row.channel, "run", run_id, topic)].append(row)
            for members in groups.values():
                key = group_key([member.idempotency_key for member in members])
                for member in members:
                    member.group_key = key

    def _lock_grouping(self, session: Session) -> None:
        # Two senders grouping at once would each see only the rows the other did not
        # lock and split a run's alerts in two messages; on SQLite, BEGIN IMMEDIATE
        # already serialises writers.
        if not self.database.is_sqlite:
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": GROUPING_LOCK})

    # -- 2. claim ---------------------------------------------------------------------

    def _claim(
        self, usable: dict[str, Channel], tried: set[str], report: DeliveryReport
    ) -> Claim | None:
        if not usable:
            return None
        while True:
            now = self.clock()
            with self.database.session() as session:
                due = (
                    select(DeliveryRow.group_key)
                    .where(
                        DeliveryRow.group_key.is_not(None),
                        DeliveryRow.status.in_(ACTIVE),
                        DeliveryRow.next_attempt_at <= now,
                        DeliveryRow.channel.in_(list(usable)),
                    )
                    .order_by(DeliveryRow.next_attempt_at, DeliveryRow.id)
                    .limit(1)
                )
                if tried:
                    due = due.where(DeliveryRow.group_key.not_in(tried))
                key = session.scalar(due)
                if key is None:
                    return None
                members = list(
                    session.scalars(
                        select(DeliveryRow)
                        .where(DeliveryRow.group_key == key, DeliveryRow.status.in_(ACTIVE))
                        .order_by(DeliveryRow.id)
                        .with_for_update(skip_locked=True)
                    )
                )
                total = session.scalar(
                    select(func.count())
                    .select_from(DeliveryRow)
                    .where(DeliveryRow.group_key == key, DeliveryRow.status.in_(ACTIVE))
                )
                if not members or len(members) != total:  # another sender holds it
                    tried.add(key)
                    continue
                claim = self._claim_group(session, key, members, now, usable, report)
                if claim is None:
                    tried.add(key)
                    continue
                return claim

    def _claim_group(
        self,
        session: Session,
        key: str,
        members: list[DeliveryRow],
        now: datetime,
        usable: dict[str, Channel],
        report: DeliveryReport,
    ) -> Claim | None:
        channel = members[0].channel
        spec = self.registry.spec(channel)
        first_created = min(as_utc(member.created_at) for member in members)
        expires = release_at(spec, first_created) + timedelta(hours=self.settings.max_age_hours)
        if now >= expires:
            last = members[0].error or "never attempted"
            for member in members:
                member.status = "expired"
                member.error = f"not delivered within {self.settings.max_age_hours:g} h ({last})"
            report.results.append(
                MessageResult(
                    channel,
                    usable[channel].destination,
                    key,
                    len(members),
                    "expired",
                    members[0].error or "",
                    members[0].attempts,
                )
            )
            log.warning("channel %s: message %s expired: %s", channel, key, last)
            return None
        for member in members:
            member.status = "sending"
            member.attempts += 1
            member.last_attempt_at = now
            member.next_attempt_at = now + timedelta(seconds=self.settings.lease_seconds)
        alerts: list[AlertRow] = sorted((member.alert for member in members), key=lambda a: a.id)
        message = build_message(
            key,
            channel,
            alerts,
            delivery_ids=[member.id for member in members],
            digest=is_digest(spec, first_created),
            attempt=members[0].attempts,
        )
        return Claim(key, channel, [m.id for m in members], members[0].attempts, message)

    # -- 3. send and record -----------------------------------------------------------

    def _send(self, channel: Channel, claim: Claim) -> MessageResult:
        outcome: Outcome
        retry_after: float | None = None
        try:
            answer = channel.send(claim.message)
            outcome = "sent"
        except DeliveryError as exc:
            answer = exc.answer
            outcome = "retry" if exc.retryable else "failed"
            retry_after = exc.retry_after
        except Exception as exc:  # a channel bug must not lose the alert: retry, and say so
            log.exception("channel %s: unexpected error sending %s", claim.channel, claim.key)
            answer = f"unexpected error: {exc!r}"
            outcome = "retry"
        return self._record(channel, claim, outcome, answer, retry_after)

    def _record(
        self,
        channel: Channel,
        claim: Claim,
        outcome: Outcome,
        answer: str,
        retry_after: float | None,
    ) -> MessageResult:
        now = self.clock()
        next_attempt: datetime | None = None
        if outcome == "retry":
            if retry_after is not None:
                delay = min(retry_after, self.settings.max_age_hours * 3600)
            else:
                delay = backoff_seconds(claim.attempt, self.settings, self.rng)
            next_attempt = now + timedelta(seconds=delay)
        answer = answer[:ANSWER_LIMIT]
        with self.database.session() as session:
            rows = list(
                session.scalars(
                    select(DeliveryRow)
                    .where(
                        DeliveryRow.id.in_(claim.row_ids),
                        DeliveryRow.status == "sending",
                        DeliveryRow.attempts == claim.attempt,
                    )
                    .with_for_update()
                )
            )
            if len(rows) != len(claim.row_ids):
                log.warning(
                    "channel %s: message %s was taken over by another sender (lease of %g s"
                    " too short for this channel?)",
                    claim.channel,
                    claim.key,
                    self.settings.lease_seconds,
                )
            for row in rows:
                row.response = answer
                if outcome == "sent":
                    row.status, row.sent_at, row.error = "sent", now, None
                    row.next_attempt_at = now
                elif outcome == "retry":
                    assert next_attempt is not None
                    row.status, row.error, row.next_attempt_at = "pending", answer, next_attempt
                else:
                    row.status, row.error = "failed", answer
        if outcome != "sent":
            log.warning(
                "channel %s (%s): %s: %s", claim.channel, channel.destination, outcome, answer
            )
        return MessageResult(
            claim.channel,
            channel.destination,
            claim.key,
            claim.message.count,
            outcome,
            answer,
            claim.attempt,
            next_attempt,
        )


def deliver(
    database: Database,
    settings: Settings,
    *,
    registry: ChannelRegistry | None = None,
    clock: Clock = utcnow,
    rng: random.Random | None = None,
) -> DeliveryReport:
    """Send every due delivery once; the daemon calls this on a short interval."""
    return Outbox(database, settings, registry=registry, clock=clock, rng=rng).deliver_due()
