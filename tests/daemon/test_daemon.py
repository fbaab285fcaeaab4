"""``monitor run`` as a real subprocess: alerts arrive, signals, crashes, reloads."""

from __future__ import annotations

import contextlib
import json
import signal
import sqlite3
import threading
import time

from tests.daemon.conftest import BREAKING, POLL_SECONDS, Deployment, wait_until

START_SECONDS = 90  # the first crawl loads the French model on a shared machine


def test_a_new_feed_item_is_alerted_within_one_polling_interval(deployment: Deployment) -> None:
    daemon = deployment.start()
    wait_until(deployment.alerts, START_SECONDS, "the first crawl's alerts at the webhook")
    deployment.site.publish(BREAKING)
    published = time.monotonic()

    def killed_1200() -> bool:
        return any(
            a["quantity"] == "killed" and (a["new"] or {}).get("value") == 1200
            for a in deployment.alerts()
        )

    wait_until(killed_1200, POLL_SECONDS + 30, "the breaking article's alert")
    elapsed = time.monotonic() - published
    assert elapsed <= POLL_SECONDS + 30, deployment.tail()
    [alert] = [a for a in deployment.alerts() if a["quantity"] == "killed"]
    assert alert["summary"] == "Premier chiffre : tués 1\u202f200 (Pentagone)"
    assert alert["article_url"] == deployment.site.url(BREAKING.path)

    daemon.send_signal(signal.SIGTERM)
    started = time.monotonic()
    assert daemon.wait(timeout=20) == 0, deployment.tail()
    assert time.monotonic() - started < 15 + 2
    assert "daemon stopped" in deployment.tail()


def test_a_broken_rule_file_keeps_the_last_good_one_and_alerts_the_operator(
    deployment: Deployment,
) -> None:
    daemon = deployment.start()
    wait_until(deployment.alerts, START_SECONDS, "the first crawl's alerts")
    rule_file = deployment.rules_dir / "coree-du-nord-russie.yaml"
    good = rule_file.read_text(encoding="utf-8")
    rule_file.write_text(good.replace("    kind: cumulative\n", "    kind: cumulated\n", 1))

    def operator(prefix: str) -> list[dict]:
        return [
            a
            for a in deployment.alerts()
            if a["kind"] == "operator" and a["summary"].startswith(prefix)
        ]

    [problem] = wait_until(lambda: operator("Problème"), 30, "the operator alert")
    assert (
        "fichier de règles invalide (la dernière version valide reste active)" in problem["summary"]
    )
    assert "coree-du-nord-russie.yaml:" in problem["summary"] and "cumulated" in problem["summary"]
    active = deployment.root / "state" / "active" / "rules" / "coree-du-nord-russie.yaml"
    assert active.read_text(encoding="utf-8") == good
    # Still running on the good copy: a new article is still alerted.
    deployment.site.publish(BREAKING)
    wait_until(
        lambda: any(a["quantity"] == "killed" for a in deployment.alerts()),
        POLL_SECONDS + 30, "an alert while the rule file is broken",
    )  # fmt: skip
    rule_file.write_text(good)
    [cleared] = wait_until(lambda: operator("Résolu"), 30, "the operator alert to clear")
    assert cleared["summary"].removeprefix("Résolu : ") == problem["summary"].removeprefix(
        "Problème : "
    )
    daemon.send_signal(signal.SIGTERM)
    assert daemon.wait(timeout=20) == 0


def test_sigkill_then_restart_loses_nothing_and_duplicates_nothing(deployment: Deployment) -> None:
    daemon = deployment.start()
    wait_until(deployment.alerts, START_SECONDS, "the first deliveries")
    daemon.send_signal(signal.SIGKILL)
    daemon.wait()
    deployment.site.publish(BREAKING)
    restarted = deployment.start()
    database = deployment.root / "monitor.db"

    def drained() -> bool:
        with sqlite3.connect(database) as connection:
            waiting = connection.execute(
                "SELECT count(*) FROM deliveries WHERE status NOT IN ('sent')"
            ).fetchone()[0]
            killed = connection.execute(
                "SELECT count(*) FROM alerts WHERE quantity = 'killed'"
            ).fetchone()[0]
        return waiting == 0 and killed == 1

    wait_until(drained, START_SECONDS, "every delivery sent after the restart")
    restarted.send_signal(signal.SIGTERM)
    assert restarted.wait(timeout=20) == 0
    with sqlite3.connect(database) as connection:
        alert_ids = {row[0] for row in connection.execute("SELECT id FROM alerts")}
        urls = [row[0] for row in connection.execute("SELECT url FROM articles")]
    received: dict[int, set[str]] = {}
    for alert in deployment.alerts():
        received.setdefault(alert["id"], set()).add(alert["webhook_id"])
    assert set(received) == alert_ids, "every alert arrived"
    # A repeat (killed after the receiver accepted, before the row was marked) carries the
    # same idempotency key, so the receiver can drop it.
    assert all(len(keys) == 1 for keys in received.values()), received
    assert len(urls) == len(set(urls))


def test_overlapping_run_once_does_nothing_twice(deployment: Deployment) -> None:
    first = deployment.run_once()
    lock = deployment.root / "state" / "run-once.lock"
    wait_until(lambda: lock.exists() and lock.read_text().strip() == str(first.pid), 30, "the lock")
    second = deployment.run_once()
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0
    assert (
        err.decode()
        .strip()
        .endswith(
            f"another monitor run-once is running (pid {first.pid}, lock {lock}): nothing to do"
        )
    )
    assert out == b""
    out, err = first.communicate(timeout=180)
    assert first.returncode == 0, err.decode()[-3000:]
    summary = json.loads(out)
    assert summary["sources"] == 1 and summary["articles"] >= 2 and summary["alerts"] >= 1
    assert summary["sent"] >= 1
    ids = [alert["id"] for alert in deployment.alerts()]
    assert sorted(ids) == sorted(set(ids)), "each alert sent once"
    # Nothing is due any more: a third pass polls nothing and sends nothing.
    third = deployment.run_once()
    out, _ = third.communicate(timeout=120)
    assert json.loads(out) == {
        "sources": 0, "failed": 0, "articles": 0, "alerts": 0, "sent": 0, "retry": 0,
    }  # fmt: skip


def test_systemd_notify_ready_status_watchdog_and_json_logs(
    deployment: Deployment, tmp_path_factory
) -> None:
    import socket
    import subprocess
    import sys
    import urllib.request

    folder = tmp_path_factory.mktemp("notify")
    address = str(folder / "notify.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(address)
    listener.settimeout(0.2)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        metrics_port = probe.getsockname()[1]
    environment = {**deployment.environment(), "NOTIFY_SOCKET": address, "WATCHDOG_USEC": "2000000"}
    with deployment.log.open("ab") as log:
        daemon = subprocess.Popen(
            [sys.executable, "-m", "monitor", "run", "--log-format", "json",
             "--metrics-port", str(metrics_port)],
            env=environment, stdout=log, stderr=log, cwd=deployment.root,
        )  # fmt: skip
    deployment.processes.append(daemon)
    received: list[str] = []
    draining = threading.Event()

    def drain() -> None:  # like systemd, keep reading (the daemon must not depend on it)
        while not draining.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                received.append(listener.recv(4096).decode())

    def got(prefix: str) -> bool:
        return any(line.startswith(prefix) for message in received for line in message.split("\n"))

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    wait_until(lambda: got("READY=1"), 60, "READY=1")
    ready = next(m for m in received if "READY=1" in m)
    assert f"MAINPID={daemon.pid}" in ready and "STATUS=running: 1 sources scheduled" in ready
    received.clear()
    wait_until(lambda: got("WATCHDOG=1"), 5, "a watchdog ping (every WatchdogSec / 2)")

    def scrape() -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5) as page:
            text = page.read().decode()
        crawled = 'monitor_crawl_duration_seconds_count{source="quotidien"}' in text
        return text if crawled and "outcome=" in text else ""

    metrics = wait_until(scrape, START_SECONDS, "crawl and delivery metrics")
    assert 'monitor_deliveries_total{channel="hook",outcome="sent"}' in metrics
    assert "monitor_outbox_depth" in metrics
    daemon.send_signal(signal.SIGTERM)
    try:
        assert daemon.wait(timeout=20) == 0
    except subprocess.TimeoutExpired:
        raise AssertionError(deployment.tail()) from None
    wait_until(lambda: got("STOPPING=1"), 5, "STOPPING=1")
    draining.set()
    reader.join()
    listener.close()
    logged = [
        json.loads(line) for line in deployment.log.read_text().splitlines() if line.startswith("{")
    ]
    assert {"time", "level", "logger", "message"} <= set(logged[0])
    assert any(entry["message"] == "daemon stopped" for entry in logged)
