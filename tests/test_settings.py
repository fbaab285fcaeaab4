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
        f"{config}: daemon.crawl_concurrency: Input should be a valid integer, "
        "unable to parse string as an integer"
    )
    config.write_text("daemon: [\n")
    with pytest.raises(ConfigError, match=rf"^{config}:2:1: invalid YAML"):
        load_settings(config)
