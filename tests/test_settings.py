"""Settings precedence: command line, then environment, then the settings file."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.errors import ConfigError
from monitor.settings import load_settings


def test_command_line_beats_environment_beats_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "monitor.yaml"
    config.write_text(
        "database_url: sqlite:///from-file.db\nrules_dir: /from/file\n"
        "daemon:\n  crawl_concurrency: 4\n  outbox_backlog: 7\n"
    )
    monkeypatch.setenv("MONITOR_RULES_DIR", "/from/env")
    monkeypatch.setenv("MONITOR_DAEMON__CRAWL_CONCURRENCY", "3")
    settings = load_settings(config, database_url=None)
    assert settings.database_url == "sqlite:///from-file.db"
    assert settings.rules_dir == Path("/from/env")
    assert settings.daemon.crawl_concurrency == 3
    assert settings.daemon.outbox_backlog == 7
    assert load_settings(config, rules_dir=Path("/from/cli")).rules_dir == Path("/from/cli")


def test_a_bad_settings_file_names_file_and_field(tmp_path: Path) -> None:
    config = tmp_path / "monitor.yaml"
    config.write_text("daemon:\n  crawl_concurrency: zero\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    assert str(caught.value) == (
        f"{config}:2:22: daemon.crawl_concurrency: Input should be a valid integer, "
        "unable to parse string as an integer, got 'zero'"
    )
    config.write_text("daemon: [\n")
    with pytest.raises(ConfigError, match=rf"^{config}:2:1: invalid YAML"):
        load_settings(config)


def test_each_wrong_setting_says_where_it_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "monitor.yaml"
    config.write_text(
        "channels:\n"
        "  - name: hook\n"
        "    kind: webhook\n"
        "    port: 70000\n"
        "delivery:\n"
        "  max_age_hour: 3\n"
    )
    monkeypatch.setenv("MONITOR_DELIVERY__LEASE_SECONDS", "-5")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    assert str(caught.value).splitlines() == [
        f"{config}:4:11: channels[0].port: Input should be less than or equal to 65535, got 70000",
        "environment variable MONITOR_DELIVERY__LEASE_SECONDS: delivery.lease_seconds: Input "
        "should be greater than or equal to 0, got '-5' (it overrides the settings file; fix "
        "or unset MONITOR_DELIVERY__LEASE_SECONDS)",
        f"{config}:6:17: delivery.max_age_hour: Extra inputs are not permitted, got 3 "
        "(did you mean `max_age_hours`?)",
    ]


def test_a_key_written_twice_in_the_settings_file_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "monitor.yaml"
    config.write_text("database_url: sqlite:///a.db\ndatabase_url: sqlite:///b.db\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    assert str(caught.value) == (
        f"{config}:2:1: the key 'database_url' is written twice (first at line 1): keep one"
    )
