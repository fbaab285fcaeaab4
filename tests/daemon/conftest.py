"""The daemon's tests start ``monitor run`` / ``monitor run-once`` as real subprocesses
against the fixture news site, a webhook receiver and a file database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.crawl.site import Article, Server, Site, build_site
from tests.delivery.conftest import WebhookReceiver, receiver  # noqa: F401  (fixture)
from tests.paths import RULES

POLL_SECONDS = 8  # the fixture source's polling interval


def wait_until(condition: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll ``condition`` until it is truthy; fail with ``what`` at the deadline."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


@dataclass
class Deployment:
    """A config folder as an operator would write it, and the daemons started on it."""

    root: Path
    site: Site
    receiver: WebhookReceiver
    database_url: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def config(self) -> Path:
        return self.root / "monitor.yaml"

    @property
    def rules_dir(self) -> Path:
        return self.root / "rules"

    @property
    def log(self) -> Path:
        return self.root / "daemon.log"

    def environment(self) -> dict[str, str]:
        return {
            **os.environ,
            "MONITOR_CONFIG": str(self.config),
            "MONITOR_DATABASE_URL": self.database_url,
        }

    def start(self) -> subprocess.Popen[bytes]:
        with self.log.open("ab") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "monitor", "run", "--log-level", "INFO"],
                env=self.environment(), stdout=log, stderr=log, cwd=self.root,
            )  # fmt: skip
        self.processes.append(process)
        return process

    def run_once(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, "-m", "monitor", "run-once", "--json"],
            env=self.environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=self.root,
        )  # fmt: skip

    def alerts(self) -> list[dict[str, Any]]:
        """Every alert the receiver got, one entry per (message, alert)."""
        import json

        found = []
        for request in list(self.receiver.requests):
            payload = json.loads(request.body)
            for alert in payload.get("alerts", []):
                found.append({**alert, "webhook_id": request.headers["webhook-id"]})
        return found

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                process.wait()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""


@pytest.fixture
def deployment(tmp_path: Path, receiver: WebhookReceiver) -> Iterator[Deployment]:  # noqa: F811
    site = build_site()
    with Server(site):
        (tmp_path / "rules").mkdir()
        for path in RULES.glob("*.yaml"):
            (tmp_path / "rules" / path.name).write_text(path.read_text(encoding="utf-8"))
        sources = {
            "sources": [
                {
                    "name": "quotidien",
                    "url": site.url("/feeds/monde.rss"),
                    "kind": "rss",
                    "interval": POLL_SECONDS,
                }
            ]
        }
        (tmp_path / "sources.yaml").write_text(yaml.safe_dump(sources))
        settings = {
            "rules_dir": str(tmp_path / "rules"),
            "sources_file": str(tmp_path / "sources.yaml"),
            "contact_url": "https://example.org/veille",
            "crawl_allowed_networks": ["127.0.0.0/8"],
            "crawl_min_interval_seconds": 5,
            "channels": [{"name": "hook", "kind": "webhook", "url": receiver.url}],
            "delivery": {
                "backoff_base_seconds": 1,
                "backoff_max_seconds": 2,
                "lease_seconds": 30,
                "allowed_networks": ["127.0.0.0/8"],
            },
            "daemon": {
                "state_dir": str(tmp_path / "state"),
                "deliver_interval_seconds": 0.5,
                "reload_check_seconds": 0.5,
                "health_check_seconds": 1,
                "stop_timeout_seconds": 15,
                "jitter_fraction": 0,
            },
        }
        (tmp_path / "monitor.yaml").write_text(yaml.safe_dump(settings))
        deployment = Deployment(tmp_path, site, receiver, f"sqlite:///{tmp_path / 'monitor.db'}")
        try:
            yield deployment
        finally:
            deployment.stop_all()


BREAKING = Article(
    "/international/2025/08/12/pertes-nord-coreennes.html",
    "Guerre en Ukraine : Pyongyang aurait perdu 1 200 soldats en Russie",
    date(2025, 8, 12),
    [
        "Selon le Pentagone, 1 200 soldats nord-coréens ont été tués depuis leur arrivée en "
        "Russie, dans la région de Koursk, a indiqué mardi un porte-parole à Washington.",
        "Moscou et Pyongyang n’ont pas commenté ce bilan, qui double les estimations publiées "
        "jusqu’ici par les services de renseignement occidentaux sur le front ukrainien.",
    ],
)
