"""`monitor deliver` killed (SIGKILL) at random points, many times: nothing is lost, and a
duplicate happens only when a message was accepted but not yet recorded, with its key."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml

from monitor.storage import open_database

from .conftest import WebhookReceiver, raise_alert, rows, start_run

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 10


def monitor_process(config: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from monitor.cli import main; main()",
            "deliver",
            "--config",
            str(config),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_killed_sender_loses_nothing_and_duplicates_only_in_the_window(
    tmp_path: Path, receiver: WebhookReceiver
) -> None:
    url = f"sqlite:///{tmp_path / 'monitor.db'}"
    database = open_database(url)
    alert_ids: list[int] = []
    now = datetime.now(UTC)  # the subprocess runs on the real clock
    for index in range(80):  # more messages than the rounds can take: never done early
        run = start_run(database, now)
        for _ in range(1 + index % 3):
            alert_ids.append(raise_alert(database, ["hook"], run_id=run, at=now))
    database.dispose()
    config = tmp_path / "settings.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "database_url": url,
                "channels": [{"name": "hook", "kind": "webhook", "url": receiver.url}],
                # A dead sender's claim is free at once: only one sender runs at a time here.
                "delivery": {"lease_seconds": 0, "allowed_networks": ["127.0.0.0/8"]},
            }
        )
    )
    rng = random.Random(20251122)
    kills = 0
    for _ in range(ROUNDS):
        process = monitor_process(config)
        # Killed at start-up (k = 0), or just after the receiver took the k-th next message
        # (while the sender records it, groups or claims the next): events, not a clock,
        # so a fast machine kills as often as a slow one.
        target = len(receiver.requests) + rng.randint(0, 3)
        with receiver.condition:
            receiver.condition.wait_for(
                lambda p=process, t=target: len(receiver.requests) >= t or p.poll() is not None,
                30,
            )
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=15)
        process.communicate()
    final = monitor_process(config)
    _, err = final.communicate(timeout=60)
    assert final.returncode == 0, err.decode()

    database = open_database(url)
    delivered = rows(database)
    database.dispose()
    assert {row.status for row in delivered} == {"sent"}
    groups = {row.group_key for row in delivered}
    received = receiver.by_id()
    assert set(received) == groups  # every message arrived
    seen = sorted(a["id"] for requests in received.values() for a in requests[0].json["alerts"])
    assert seen == sorted(alert_ids)  # every alert, in exactly one message
    duplicates = len(receiver.requests) - len(received)
    assert duplicates <= kills
    for requests in received.values():  # a duplicate is the same message, same key
        assert len({tuple(a["id"] for a in r.json["alerts"]) for r in requests}) == 1
    assert kills == ROUNDS, "the sender finished before it was killed"
    print(f"{kills} kills, {len(receiver.requests)} requests, {duplicates} duplicates")
