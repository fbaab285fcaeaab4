"""Operator problems, status, crawl deadlines and the deploy files, without a full daemon."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pydantic import BaseModel
from sqlalchemy import select

from monitor.cli import main
from monitor.operator import OperatorProblem, outbox_problems, reconcile, source_problems
from monitor.scheduler import Daemon, _signal_group
from monitor.settings import Settings, load_settings
from monitor.sources import load_sources, sync_sources
from monitor.storage import Database
from monitor.storage.schema import AlertRow, DeliveryRow, OperatorProblemRow, SourceRow
from tests.crawl.site import Server, build_site
from tests.paths import ROOT, RULES

DEPLOY = ROOT / "deploy"
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def settings_for(database: Database, **extra: Any) -> Settings:
    return load_settings(
        database_url=database.url,
        channels=[{"name": "desk", "kind": "email"}, {"name": "hook", "kind": "webhook"}],
        **extra,
    )


def test_a_problem_is_alerted_once_and_cleared_once(database: Database) -> None:
    settings = settings_for(database)
    broken = [OperatorProblem("rules:rules/x.yaml", "fichier de règles invalide : x.yaml:3:1")]
    assert reconcile(database, settings, broken, scope="rules:", now=NOW) == (
        ["rules:rules/x.yaml"],
        [],
    )
    assert reconcile(database, settings, broken, scope="rules:", now=NOW) == ([], [])
    assert reconcile(database, settings, [], scope="source:", now=NOW) == ([], [])  # other scope
    later = NOW + timedelta(hours=1)
    assert reconcile(database, settings, [], scope="rules:", now=later) == (
        [],
        ["rules:rules/x.yaml"],
    )
    with database.session() as session:
        alerts = session.scalars(select(AlertRow).order_by(AlertRow.id)).all()
        assert [(a.kind, a.summary) for a in alerts] == [
            ("operator", "Problème : fichier de règles invalide : x.yaml:3:1"),
            ("operator", "Résolu : fichier de règles invalide : x.yaml:3:1"),
        ]
        channels = session.scalars(select(DeliveryRow.channel).order_by(DeliveryRow.id)).all()
        assert channels == ["desk", "hook", "desk", "hook"]
        [row] = session.scalars(select(OperatorProblemRow)).all()
        assert (row.opened_at, row.cleared_at) == (NOW, later)


def test_a_source_failing_for_hours_is_a_problem(database: Database) -> None:
    settings = settings_for(database, daemon={"source_failing_hours": 6})
    with database.session() as session:
        for name, errors, last_success in (
            ("lemonde", 12, NOW - timedelta(hours=7)),
            ("rfi", 2, NOW - timedelta(hours=1)),
            ("bfm", 0, NOW - timedelta(days=3)),
        ):
            session.add(
                SourceRow(
                    name=name, url=f"https://{name}.fr/rss", consecutive_errors=errors,
                    last_success_at=last_success, last_error_class="HttpError",
                    last_error_status=503, last_error_message="Service Unavailable",
                    created_at=NOW - timedelta(days=10),
                )
            )  # fmt: skip
    [problem] = source_problems(database, settings, NOW)
    assert problem == OperatorProblem(
        "source:lemonde",
        "la source lemonde échoue depuis 7 h, 12 erreurs de suite (HTTP 503) : Service Unavailable",
    )


def test_a_backed_up_outbox_is_a_problem(database: Database) -> None:
    settings = settings_for(database, daemon={"outbox_backlog": 3, "outbox_age_minutes": 60})
    assert outbox_problems(database, settings, NOW) == []
    with database.session() as session:
        alert = AlertRow(dedup_key="k", kind="new_figure", topic="t", summary="s", created_at=NOW)
        session.add(alert)
        session.flush()
        session.add(
            DeliveryRow(
                alert_id=alert.id, channel="hook", idempotency_key="a", attempts=3,
                next_attempt_at=NOW + timedelta(minutes=5), created_at=NOW - timedelta(hours=2),
            )
        )  # fmt: skip
    [problem] = outbox_problems(database, settings, NOW)
    assert problem.message == (
        "1 envois d'alertes en attente, dont 1 depuis plus de 60 min (voir : monitor deliveries list)"
    )


def test_status_reads_the_database(database: Database, tmp_path: Path) -> None:
    settings = settings_for(database, daemon={"state_dir": str(tmp_path)})
    reconcile(
        database, settings, [OperatorProblem("outbox", "3 envois en attente")], scope="outbox"
    )
    with database.session() as session:
        session.add(
            SourceRow(
                name="lemonde", url="https://lemonde.fr/rss", consecutive_errors=2,
                last_error_class="HttpError", last_error_status=503,
                created_at=datetime.now(UTC),
            )
        )  # fmt: skip
    result = CliRunner().invoke(main, ["status", "--db", database.url])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Daemon: never started (monitor run, or monitor run-once from cron)"
    assert lines[1:3] == [
        "Sources: 1",
        "  lemonde: FAILING x2: HttpError HTTP 503; last success never, next never",
    ]
    assert lines[3] == "Deliveries: 2 pending"
    assert lines[4] == "Alerts in the last 24 h: 1 operator"
    assert re.fullmatch(r"Problem since \d\d/\d\d/\d{4} \d\d:\d\d: 3 envois en attente", lines[5])
    as_json = CliRunner().invoke(main, ["status", "--db", database.url, "--json"])
    assert '"operator_problems"' in as_json.output and '"lemonde"' in as_json.output


def test_a_hanging_crawl_is_killed_at_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_CRAWL_ALLOWED_NETWORKS", '["127.0.0.0/8"]')  # for the child
    site = build_site()
    with Server(site):
        (tmp_path / "sources.yaml").write_text(
            f"sources:\n  - name: slow\n    url: {site.url('/feeds/slow.xml')}\n    interval: 60\n"
        )
        settings = load_settings(
            database_url=f"sqlite:///{tmp_path / 'm.db'}",
            rules_dir=RULES,
            sources_file=tmp_path / "sources.yaml",
            crawl_allowed_networks=["127.0.0.0/8"],
            crawl_timeout_seconds=600,
            daemon={"state_dir": str(tmp_path / "state"), "crawl_deadline_seconds": 3},
        )
        daemon = Daemon(settings)
        daemon.database = Database(settings.database_url)
        daemon.database.upgrade()
        daemon.active.refresh()
        outcome = daemon.crawl("slow")
        for _ in range(4):
            if site.hits["/feeds/slow.xml"]:
                break
            # A loaded machine may need longer than the deadline to start the child: the
            # next attempt gets a longer deadline, long enough to reach the feed and hang.
            daemon.settings.daemon.crawl_deadline_seconds *= 4
            outcome = daemon.crawl("slow")
    assert site.hits["/feeds/slow.xml"] >= 1, "the crawl child reached the hanging feed"
    assert outcome is not None and outcome.timed_out
    # Killed at the deadline, not after the 600 s crawl timeout; how long a loaded machine
    # takes to start the child or to stop it is no part of it.
    assert outcome.seconds < 300
    with daemon.database.session() as session:
        row = session.scalar(select(SourceRow).where(SourceRow.name == "slow"))
        assert row is not None and row.last_error_class == "CrawlTimeout"
        deadline = daemon.settings.daemon.crawl_deadline_seconds
        assert row.last_error_message == (
            f"crawl killed after {deadline:g} s (deadline); the next run starts afresh"
        )


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_units_verify(tmp_path: Path) -> None:
    monitor = Path(sys.executable).with_name("monitor")
    for name in ("monitor.service", "monitor-once.service", "monitor.timer"):
        text = (DEPLOY / name).read_text().replace("/opt/monitor/.venv/bin/monitor", str(monitor))
        (tmp_path / name).write_text(text)
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", "monitor.service", "monitor-once.service", "monitor.timer"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and done.stderr == "", done.stderr
    service = (DEPLOY / "monitor.service").read_text()
    for line in ("Type=notify", "WatchdogSec=", "Restart=on-failure", "DynamicUser=yes",
                 "StateDirectory=monitor", "NoNewPrivileges=yes", "ProtectSystem=strict",
                 "ProtectHome=yes", "PrivateTmp=yes", "RestrictAddressFamilies="):  # fmt: skip
        assert line in service, line


def env_names(model: type[BaseModel], prefix: str = "MONITOR_") -> list[str]:
    names = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if (
            isinstance(annotation, type)
            and issubclass(annotation, BaseModel)
            and name != "channels"
        ):
            names += env_names(annotation, f"{prefix}{name.upper()}__")
        else:
            names.append(f"{prefix}{name.upper()}")
    return names


def test_the_env_example_lists_every_setting() -> None:
    example = (DEPLOY / "monitor.env.example").read_text()
    missing = [name for name in env_names(Settings) if f"#{name}=" not in example]
    assert missing == [], "add them to deploy/monitor.env.example"


def test_a_service_manager_that_stops_reading_cannot_block_the_daemon(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import socket
    import time

    from monitor.service import Notifier

    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as never_read:
        never_read.bind(address)
        notifier = Notifier(address)
        started = time.monotonic()
        for _ in range(200):  # far more than the socket's queue holds
            notifier.watchdog()
        assert time.monotonic() - started < 5
    assert "systemd notification dropped" in caplog.text


def test_a_crawl_stopped_with_the_daemon_is_not_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import time

    monkeypatch.setenv("MONITOR_CRAWL_ALLOWED_NETWORKS", '["127.0.0.0/8"]')  # for the child
    site = build_site()
    with Server(site):
        (tmp_path / "sources.yaml").write_text(
            f"sources:\n  - name: slow\n    url: {site.url('/feeds/slow.xml')}\n    interval: 60\n"
        )
        settings = load_settings(
            database_url=f"sqlite:///{tmp_path / 'm.db'}",
            rules_dir=RULES,
            sources_file=tmp_path / "sources.yaml",
            crawl_allowed_networks=["127.0.0.0/8"],
            crawl_timeout_seconds=600,
            daemon={"state_dir": str(tmp_path / "state"), "crawl_deadline_seconds": 600},
        )
        daemon = Daemon(settings)
        daemon.database = Database(settings.database_url)
        daemon.database.upgrade()
        daemon.active.refresh()
        sync_sources(daemon.database, load_sources(tmp_path / "sources.yaml").sources)
        outcomes: list[Any] = []
        crawling = threading.Thread(target=lambda: outcomes.append(daemon.crawl("slow")))
        crawling.start()
        deadline = time.monotonic() + 120
        while "slow" not in daemon.children and time.monotonic() < deadline:
            time.sleep(0.01)
        # What SIGTERM to the daemon does: the stop flag, then stop() signals each child's
        # process group; a child still starting dies of the signal.
        daemon.shutdown.stop.set()
        with daemon.children_lock:
            children = list(daemon.children.values())
        assert children, "the crawl child never started"
        for child in children:
            _signal_group(child, signal.SIGTERM)
        crawling.join(timeout=120)
        assert not crawling.is_alive()
    assert outcomes and outcomes[0] is not None
    with daemon.database.session() as session:
        row = session.scalar(select(SourceRow).where(SourceRow.name == "slow"))
        assert row is not None
        assert (row.consecutive_errors, row.last_error_class) == (0, None)
