"""Replaying the seeds, then delivering: one message per alert group and channel."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import main

from .conftest import SmtpServer, WebhookReceiver

ROOT = Path(__file__).resolve().parents[2]


def test_replaying_the_seeds_delivers_each_alert_group_once_per_channel(
    tmp_path: Path, receiver: WebhookReceiver, smtp_server: SmtpServer
) -> None:
    pytest.importorskip("monitor.claims.extractor", reason="needs the claim extractor")
    config = tmp_path / "settings.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "database_url": str(tmp_path / "monitor.db"),
                "rules_dir": str(ROOT / "rules"),
                "channels": [
                    {"name": "hook", "kind": "webhook", "url": receiver.url},
                    {
                        "name": "desk",
                        "kind": "email",
                        "host": "127.0.0.1",
                        "port": smtp_server.port,
                        "security": "none",
                        "from": "veille@redaction.example",
                        "to": ["desk@redaction.example"],
                    },
                ],
                "delivery": {"allowed_networks": ["127.0.0.0/8"]},
            }
        ),
        encoding="utf-8",
    )
    runner = CliRunner()
    replay = runner.invoke(main, ["replay", "--config", str(config), "--json", str(ROOT / "seeds")])
    assert replay.exit_code == 0, replay.output
    alerts = [line for line in replay.stdout.splitlines() if line.startswith("{")]
    assert alerts, "the seeds raise alerts"
    first = runner.invoke(main, ["deliver", "--config", str(config)])
    assert first.exit_code == 0, first.output
    # One replay is one run on one topic: one message per channel, with every alert.
    [request] = receiver.requests
    assert request.json["count"] == len(alerts)
    [message] = smtp_server.messages
    assert message["Subject"].startswith(f"[Veille] {len(alerts)} alertes — ")
    assert message.get_body(("plain",)) is not None and message.get_body(("html",)) is not None
    again = runner.invoke(main, ["deliver", "--config", str(config)])
    assert again.exit_code == 0
    assert (len(receiver.requests), len(smtp_server.messages)) == (1, 1)
