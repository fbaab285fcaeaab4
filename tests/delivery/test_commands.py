"""The delivery commands: exit codes and exact output."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from monitor.cli import main
from monitor.storage import open_database

from .conftest import WebhookReceiver, raise_alert


def write_config(tmp_path: Path, receiver: WebhookReceiver) -> Path:
    config = tmp_path / "settings.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "database_url": str(tmp_path / "monitor.db"),
                "channels": [{"name": "hook", "kind": "webhook", "url": receiver.url}],
                "delivery": {"allowed_networks": ["127.0.0.0/8"]},
            }
        )
    )
    return config


def test_channels_test_prints_the_servers_answer(tmp_path: Path, receiver: WebhookReceiver) -> None:
    config = write_config(tmp_path, receiver)
    result = CliRunner().invoke(main, ["channels", "test", "hook", "--config", str(config)])
    assert result.exit_code == 0, result.output
    key = receiver.requests[0].headers["webhook-id"]
    assert receiver.requests[0].json["type"] == "monitor.test"
    assert result.output == (
        f"channel hook (http://127.0.0.1:{receiver.port}/hook): test message {key} sent: HTTP 200 OK: ok\n"
    )


def test_channels_test_reports_a_refusal(tmp_path: Path, receiver: WebhookReceiver) -> None:
    config = write_config(tmp_path, receiver)
    receiver.fail(1, status=403, body="bad token")
    result = CliRunner().invoke(main, ["channels", "test", "hook", "--config", str(config)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: channel hook (http://127.0.0.1:{receiver.port}/hook): "
        "test message not delivered: HTTP 403 Forbidden: bad token\n"
    )


def test_channels_test_unknown_channel(tmp_path: Path, receiver: WebhookReceiver) -> None:
    config = write_config(tmp_path, receiver)
    result = CliRunner().invoke(main, ["channels", "test", "nope", "--config", str(config)])
    assert result.exit_code == 2
    assert result.output == "Error: no channel named 'nope' (settings declare: hook)\n"


def test_missing_secret_names_the_channel_and_the_variable(
    tmp_path: Path, receiver: WebhookReceiver
) -> None:
    config = tmp_path / "settings.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "database_url": str(tmp_path / "monitor.db"),
                "channels": [
                    {
                        "name": "hook",
                        "kind": "webhook",
                        "url": receiver.url,
                        "secret_env": "MONITOR_TEST_UNSET_SECRET",
                    }
                ],
                "delivery": {"allowed_networks": ["127.0.0.0/8"]},
            }
        )
    )
    result = CliRunner().invoke(main, ["channels", "test", "hook", "--config", str(config)])
    assert result.exit_code == 2
    assert result.output == (
        "Error: channel hook: secret_env names MONITOR_TEST_UNSET_SECRET, which is not set"
        " (export MONITOR_TEST_UNSET_SECRET=..., or use secret_file)\n"
    )


def test_deliver_then_list(tmp_path: Path, receiver: WebhookReceiver) -> None:
    from datetime import UTC, datetime

    config = write_config(tmp_path, receiver)
    database = open_database(str(tmp_path / "monitor.db"))
    raise_alert(database, ["hook"], run_id=None, at=datetime.now(UTC))
    database.dispose()
    runner = CliRunner()
    receiver.fail(1, status=400, body="nope")
    result = runner.invoke(main, ["deliver", "--config", str(config)])
    assert result.exit_code == 1
    key = receiver.requests[0].headers["webhook-id"]
    assert result.stdout == (
        f"failed: channel hook (http://127.0.0.1:{receiver.port}/hook), 1 alert, id {key}, "
        "attempt 1: HTTP 400 Bad Request: nope\n"
    )
    listed = runner.invoke(
        main, ["deliveries", "list", "--status", "failed", "--config", str(config)]
    )
    assert listed.output == (
        "#1 alert #1 -> hook: failed after 1 attempt(s): HTTP 400 Bad Request: nope\n"
    )
    listed = runner.invoke(
        main, ["deliveries", "list", "--status", "sent", "--config", str(config)]
    )
    assert listed.output == "No delivery.\n"


def test_requeue_sends_on_a_new_channel_the_alerts_raised_before_it(
    tmp_path: Path, receiver: WebhookReceiver
) -> None:
    from datetime import UTC, datetime

    config = write_config(tmp_path, receiver)
    database = open_database(str(tmp_path / "monitor.db"))
    raise_alert(database, [], run_id=None, at=datetime.now(UTC))  # before "hook" existed
    database.dispose()
    runner = CliRunner()
    nothing = runner.invoke(main, ["deliver", "--config", str(config)])
    assert nothing.exit_code == 0 and receiver.requests == []
    dry = runner.invoke(
        main, ["deliveries", "requeue", "--channel", "hook", "--dry-run", "--config", str(config)]
    )
    assert dry.output == "Would queue 1 alert(s) on hook.\n"
    assert runner.invoke(main, ["deliveries", "list", "--config", str(config)]).output == (
        "No delivery.\n"
    )
    queued = runner.invoke(
        main, ["deliveries", "requeue", "--channel", "hook", "--config", str(config)]
    )
    assert queued.output == "Queued 1 alert(s) on hook; `monitor deliver` sends them.\n"
    sent = runner.invoke(main, ["deliver", "--config", str(config)])
    assert sent.exit_code == 0, sent.output
    assert len(receiver.requests) == 1
    again = runner.invoke(
        main, ["deliveries", "requeue", "--channel", "hook", "--config", str(config)]
    )
    assert again.output == "Queued 0 alert(s) on hook.\n"
    unknown = runner.invoke(
        main, ["deliveries", "requeue", "--channel", "nope", "--config", str(config)]
    )
    assert unknown.exit_code == 2
    assert "no channel named 'nope' (settings declare: hook)" in unknown.output


def test_requeue_failed_retries_a_refused_delivery(
    tmp_path: Path, receiver: WebhookReceiver
) -> None:
    from datetime import UTC, datetime

    config = write_config(tmp_path, receiver)
    database = open_database(str(tmp_path / "monitor.db"))
    raise_alert(database, ["hook"], run_id=None, at=datetime.now(UTC))
    database.dispose()
    runner = CliRunner()
    receiver.fail(1, status=400, body="nope")
    assert runner.invoke(main, ["deliver", "--config", str(config)]).exit_code == 1
    retried = runner.invoke(
        main, ["deliveries", "requeue", "--channel", "hook", "--failed", "--config", str(config)]
    )
    assert retried.output == (
        "Queued 0 alert(s) on hook and retry 1 failed or expired; `monitor deliver` sends them.\n"
    )
    assert runner.invoke(main, ["deliver", "--config", str(config)]).exit_code == 0
    assert len(receiver.requests) == 2
    assert receiver.requests[0].headers["webhook-id"] == receiver.requests[1].headers["webhook-id"]


def test_list_shows_when_a_row_held_by_quiet_hours_will_leave(
    tmp_path: Path, receiver: WebhookReceiver
) -> None:
    from datetime import UTC, datetime, timedelta

    from monitor.clock import PARIS

    now = datetime.now(UTC)
    local = now.astimezone(PARIS)
    start = (local - timedelta(hours=1)).strftime("%H:%M")
    end_at = local + timedelta(hours=2)
    config = tmp_path / "settings.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "database_url": str(tmp_path / "monitor.db"),
                "channels": [
                    {
                        "name": "hook",
                        "kind": "webhook",
                        "url": receiver.url,
                        "quiet_hours": {"start": start, "end": end_at.strftime("%H:%M")},
                    }
                ],
                "delivery": {"allowed_networks": ["127.0.0.0/8"]},
            }
        )
    )
    database = open_database(str(tmp_path / "monitor.db"))
    raise_alert(database, ["hook"], run_id=None, at=now)
    database.dispose()
    listed = CliRunner().invoke(main, ["deliveries", "list", "--config", str(config)])
    assert listed.output == (
        f"#1 alert #1 -> hook: pending, due at {end_at.strftime('%d/%m/%Y %H:%M')}\n"
    )
    record = CliRunner().invoke(main, ["deliveries", "list", "--json", "--config", str(config)])
    import json

    due = datetime.fromisoformat(json.loads(record.output)["next_attempt_at"])
    assert due.astimezone(PARIS).strftime("%H:%M") == end_at.strftime("%H:%M")
