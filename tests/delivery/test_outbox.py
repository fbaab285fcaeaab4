"""The outbox against real servers: grouping, retries with backoff, failures, expiry."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from monitor.delivery import DeliveryReport, Outbox, deliver
from monitor.storage import Database

from .conftest import (
    T0,
    Clock,
    SmtpServer,
    WebhookReceiver,
    email_channel,
    make_settings,
    raise_alert,
    rows,
    start_run,
    webhook_channel,
)


def test_alerts_of_one_run_and_topic_leave_as_one_message_per_channel(
    database: Database,
    database_url: str,
    receiver: WebhookReceiver,
    smtp_server: SmtpServer,
    clock: Clock,
) -> None:
    settings = make_settings(database_url, webhook_channel(receiver), email_channel(smtp_server))
    both = ["hook", "desk"]
    first = start_run(database)
    for _ in range(3):
        raise_alert(database, both, run_id=first)
    raise_alert(database, both, run_id=first, topic="autre-sujet")
    second = start_run(database)
    raise_alert(database, ["hook"], run_id=second)

    report = deliver(database, settings, clock=clock)

    assert sorted((r.channel, r.alerts, r.outcome) for r in report.results) == [
        ("desk", 1, "sent"), ("desk", 3, "sent"),
        ("hook", 1, "sent"), ("hook", 1, "sent"), ("hook", 3, "sent"),
    ]  # fmt: skip
    assert sorted(request.json["count"] for request in receiver.requests) == [1, 1, 3]
    assert len(smtp_server.messages) == 2
    assert {row.status for row in rows(database)} == {"sent"}
    assert all(row.response == "HTTP 200 OK: ok" for row in rows(database) if row.channel == "hook")
    assert all(
        row.response == "250 Message accepted for delivery"
        for row in rows(database)
        if row.channel == "desk"
    )
    # A group's key is the webhook-id and the e-mail Message-ID: one per message.
    keys = {row.group_key for row in rows(database)}
    assert (
        set(receiver.by_id())
        | {message["Message-ID"].strip("<>").split("@")[0] for message in smtp_server.messages}
        == keys
    )
    # Nothing is sent twice.
    clock.advance(hours=1)
    assert deliver(database, settings, clock=clock).results == []
    assert len(receiver.requests) == 3


def test_alerts_of_a_running_run_wait_for_its_end(
    database: Database, database_url: str, receiver: WebhookReceiver, clock: Clock
) -> None:
    settings = make_settings(database_url, webhook_channel(receiver))
    run = start_run(database, finished=False)
    raise_alert(database, ["hook"], run_id=run)
    report = deliver(database, settings, clock=clock)
    assert (report.results, report.waiting) == ([], 1)
    clock.advance(hours=2)  # past run_wait_seconds: a crashed run does not hold alerts forever
    assert [r.outcome for r in deliver(database, settings, clock=clock).results] == ["sent"]


def test_webhook_failing_then_recovering_delivers_each_alert_once_with_backoff(
    database: Database, database_url: str, receiver: WebhookReceiver, clock: Clock
) -> None:
    settings = make_settings(database_url, webhook_channel(receiver), backoff_base_seconds=30)
    for _ in range(3):
        raise_alert(database, ["hook"], run_id=start_run(database))
    receiver.fail(7, status=500)
    rng = random.Random(6)
    delays: list[float] = []
    for _ in range(12):
        report = deliver(database, settings, clock=clock, rng=rng)
        pending = [row for row in rows(database) if row.status == "pending"]
        if not pending:
            break
        delays.extend(
            (r.next_attempt_at - clock.now).total_seconds()
            for r in report.results
            if r.next_attempt_at is not None
        )
        clock.now = min(row.next_attempt_at for row in pending)
    assert {row.status for row in rows(database)} == {"sent"}
    # Every alert arrived; after dropping repeated webhook-ids, none twice.
    unique = {key: requests[-1].json for key, requests in receiver.by_id().items()}
    alert_ids = sorted(alert["id"] for payload in unique.values() for alert in payload["alerts"])
    assert alert_ids == [1, 2, 3]
    assert len(receiver.requests) == 3 + 7
    # Each retry of a message is the same message: same id, same alerts.
    for requests in receiver.by_id().values():
        assert len({tuple(a["id"] for a in r.json["alerts"]) for r in requests}) == 1
        assert [r.json["attempt"] for r in requests] == list(range(1, len(requests) + 1))
    # Attempt n waits between half and all of 30 s x 2^(n-1).
    attempts = sorted(row.attempts for row in rows(database))
    assert sum(attempts) == 10
    for row in rows(database):
        assert row.error is None and row.response == "HTTP 200 OK: ok"
    assert len(delays) == 7
    by_attempt: dict[int, list[float]] = {}
    for result_delay, attempt in zip(delays, _attempt_numbers(receiver), strict=True):
        by_attempt.setdefault(attempt, []).append(result_delay)
    for attempt, values in by_attempt.items():
        ceiling = 30 * 2 ** (attempt - 1)
        assert all(ceiling / 2 <= value <= ceiling for value in values), (attempt, values)


def _attempt_numbers(receiver: WebhookReceiver) -> list[int]:
    """Attempt numbers of the failed requests, in order."""
    return [r.json["attempt"] for r in receiver.requests[:7]]


def test_429_is_retried_after_the_servers_retry_after(
    database: Database, database_url: str, receiver: WebhookReceiver, clock: Clock
) -> None:
    settings = make_settings(database_url, webhook_channel(receiver))
    raise_alert(database, ["hook"], run_id=None)
    receiver.fail(1, status=429, body="slow down", Retry_After="120")
    [result] = deliver(database, settings, clock=clock).results
    assert (result.outcome, result.answer) == ("retry", "HTTP 429 Too Many Requests: slow down")
    [row] = rows(database)
    assert (row.status, row.attempts, row.next_attempt_at) == (
        "pending", 1, clock.now + timedelta(seconds=120),
    )  # fmt: skip
    clock.advance(seconds=119)
    assert deliver(database, settings, clock=clock).results == []
    clock.advance(seconds=1)
    assert [r.outcome for r in deliver(database, settings, clock=clock).results] == ["sent"]


@pytest.mark.parametrize("status", [400, 401, 404, 410, 422])
def test_client_errors_fail_without_retry(
    database: Database, database_url: str, receiver: WebhookReceiver, clock: Clock, status: int
) -> None:
    settings = make_settings(database_url, webhook_channel(receiver))
    raise_alert(database, ["hook"], run_id=None)
    receiver.fail(1, status=status, body='{"error": "bad"}')
    [result] = deliver(database, settings, clock=clock).results
    assert result.outcome == "failed"
    [row] = rows(database)
    assert row.status == "failed" and row.error is not None
    assert row.error.startswith(f"HTTP {status} ") and row.error.endswith(': {"error": "bad"}')
    clock.advance(days=1)
    assert deliver(database, settings, clock=clock).results == []


def test_408_and_network_errors_are_retried(
    database: Database, database_url: str, receiver: WebhookReceiver, clock: Clock
) -> None:
    settings = make_settings(
        database_url,
        webhook_channel(receiver),
        {
            "name": "gone",
            "kind": "webhook",
            "url": "http://127.0.0.1:9/nothing",
            "timeout_seconds": 2,
        },
    )
    raise_alert(database, ["hook", "gone"], run_id=None)
    receiver.fail(1, status=408, body="")
    results = {r.channel: r for r in deliver(database, settings, clock=clock).results}
    assert results["hook"].outcome == "retry"
    assert results["hook"].answer == "HTTP 408 Request Timeout"
    assert results["gone"].outcome == "retry"
    assert results["gone"].answer.startswith("cannot connect: [Errno 111]")


def test_undelivered_messages_expire_after_the_maximum_age(
    database: Database, database_url: str, receiver: WebhookReceiver, clock: Clock
) -> None:
    settings = make_settings(database_url, webhook_channel(receiver), max_age_hours=48)
    raise_alert(database, ["hook"], run_id=None)
    receiver.fail(100, status=503, body="maintenance")
    deliver(database, settings, clock=clock)
    clock.advance(hours=48)
    [result] = deliver(database, settings, clock=clock).results
    assert result.outcome == "expired"
    [row] = rows(database)
    assert row.status == "expired"
    assert row.error == "not delivered within 48 h (HTTP 503 Service Unavailable: maintenance)"
    assert len(receiver.requests) == 1


def test_smtp_server_down_then_back_delivers_every_queued_alert_once(
    database: Database, database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    settings = make_settings(database_url, email_channel(smtp_server))
    smtp_server.stop()
    for _ in range(4):
        raise_alert(database, ["desk"], run_id=start_run(database))
    report = deliver(database, settings, clock=clock)
    assert [r.outcome for r in report.results] == ["retry"] * 4
    assert all(r.answer.startswith("cannot send: [Errno 111]") for r in report.results)
    smtp_server.start()
    clock.advance(minutes=5)
    report = deliver(database, settings, clock=clock)
    assert [r.outcome for r in report.results] == ["sent"] * 4
    assert len(smtp_server.messages) == 4
    ids = [message["Message-ID"] for message in smtp_server.messages]
    assert len(set(ids)) == 4
    assert {f"<{row.group_key}@redaction.example>" for row in rows(database)} == set(ids)
    clock.advance(hours=1)
    assert deliver(database, settings, clock=clock).results == []
    assert len(smtp_server.messages) == 4


def test_smtp_refusals_5xx_fail_and_4xx_retry(
    database: Database, database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    settings = make_settings(database_url, email_channel(smtp_server))
    raise_alert(database, ["desk"], run_id=None)
    smtp_server.handler.reply = "451 Try again later"
    [result] = deliver(database, settings, clock=clock).results
    assert (result.outcome, result.answer) == ("retry", "451 Try again later")
    smtp_server.handler.reply = "554 Message refused as spam"
    clock.advance(hours=1)
    [result] = deliver(database, settings, clock=clock).results
    assert (result.outcome, result.answer) == ("failed", "554 Message refused as spam")
    [row] = rows(database)
    assert (row.status, row.attempts) == ("failed", 2)


def test_stale_lease_is_taken_over_and_sent_with_the_same_key(
    database: Database, database_url: str, receiver: WebhookReceiver, clock: Clock
) -> None:
    """A sender that died after claiming leaves rows 'sending'; the lease end frees them."""
    settings = make_settings(database_url, webhook_channel(receiver), lease_seconds=300)
    raise_alert(database, ["hook"], run_id=None)
    outbox = Outbox(database, settings, clock=clock)
    report = DeliveryReport()
    usable = outbox._usable_channels(report)
    outbox._group(report)
    claim = outbox._claim(usable, set(), report)  # claimed, then the process "dies"
    assert claim is not None
    assert [row.status for row in rows(database)] == ["sending"]
    clock.advance(seconds=299)
    assert deliver(database, settings, clock=clock).results == []
    clock.advance(seconds=1)
    [result] = deliver(database, settings, clock=clock).results
    assert (result.outcome, result.key, result.attempt) == ("sent", claim.key, 2)


def test_daily_digest_and_quiet_hours_hold_alerts_then_send_one_message(
    database: Database, database_url: str, receiver: WebhookReceiver, clock: Clock
) -> None:
    settings = make_settings(
        database_url,
        webhook_channel(receiver, name="daily", mode="daily", digest_at="08:00"),
        webhook_channel(receiver, name="night", quiet_hours={"start": "22:00", "end": "07:00"}),
    )
    clock.now = T0.replace(hour=21)  # 23:00 in Paris: quiet on "night"
    for _ in range(2):
        raise_alert(
            database, ["daily", "night"], run_id=start_run(database, clock.now), at=clock.now
        )
    report = deliver(database, settings, clock=clock)
    assert (report.results, report.waiting) == ([], 4)
    clock.now = T0.replace(day=3, hour=5)  # 07:00 in Paris: quiet hours are over
    [result] = deliver(database, settings, clock=clock).results
    assert (result.channel, result.alerts) == ("night", 2)
    clock.now = T0.replace(day=3, hour=6)  # 08:00 in Paris: the daily digest
    [result] = deliver(database, settings, clock=clock).results
    assert (result.channel, result.alerts) == ("daily", 2)
    assert [r.json["digest"] for r in receiver.requests] == [True, True]
    assert receiver.requests[1].json["subject"] == (
        "[Veille] Résumé : 2 alertes — Soutien militaire nord-coréen à la Russie"
    )
