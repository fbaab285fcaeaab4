"""The desk under test: a real uvicorn server on a free port, in a thread, serving a real
SQLite database filled by replaying the seed articles; and Debian's Chromium driven by
Playwright for the browser tests (skipped, with the reason, when it is not installed)."""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from click.testing import CliRunner

from monitor.cli import main
from monitor.settings import Settings, load_settings
from monitor.web.app import create_app
from tests.paths import ROOT, RULES, SEEDS

CHROMIUM = Path(os.environ.get("MONITOR_TEST_CHROMIUM", "/usr/bin/chromium"))
ARTEFACTS = ROOT / "build" / "test-artefacts" / "web"
DEADLINE = 30.0  # seconds; generous, nothing here depends on the machine's speed


def wait_for(condition: Callable[[], Any], what: str, deadline: float = DEADLINE) -> Any:
    """Poll ``condition`` until it is truthy; fail naming ``what`` after ``deadline``."""
    end = time.monotonic() + deadline
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {deadline:.0f} s waiting for {what}")
        time.sleep(0.02)


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles replayed once through the whole pipeline (read-only: copy it)."""
    path = tmp_path_factory.mktemp("seeded") / "monitor.db"
    result = CliRunner().invoke(
        main, ["replay", str(SEEDS), "--db", str(path), "--rules", str(RULES)]
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def database_file(seeded_database: Path, tmp_path: Path) -> Path:
    """A copy of the seeded database of this test's own (the SQLite backup API)."""
    copy = tmp_path / "desk.db"
    source, target = sqlite3.connect(seeded_database), sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return copy


@dataclass
class DeskServer:
    url: str
    database_url: str
    settings: Settings
    server: uvicorn.Server
    thread: threading.Thread

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, follow_redirects=False, timeout=DEADLINE)

    def cli(self, *args: str) -> tuple[int, str]:
        """A ``monitor`` command on the same database and rules."""
        result = CliRunner().invoke(main, [*args, "--db", self.database_url, "--rules", str(RULES)])
        return result.exit_code, result.output

    @staticmethod
    def replay(database_url: str) -> tuple[int, str]:
        """Replay the seeds into ``database_url`` (for a server on PostgreSQL)."""
        result = CliRunner().invoke(
            main, ["replay", str(SEEDS), "--db", database_url, "--rules", str(RULES)]
        )
        return result.exit_code, result.output

    def alerts(self) -> list[dict[str, Any]]:
        code, output = self.cli("alerts", "list", "--json")
        assert code == 0, output
        return [json.loads(line) for line in output.splitlines()]

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(DEADLINE)


def start_desk(database: Path | str, *, host: str = "127.0.0.1", **web: Any) -> DeskServer:
    """Serve the desk on 127.0.0.1 at a free port, on a SQLite file or a database URL;
    ``host`` is the address the app is told it listens on (anything but loopback makes it
    ask for a login)."""
    database_url = f"sqlite:///{database}" if isinstance(database, Path) else database
    settings = load_settings(database_url=database_url, rules_dir=RULES)
    if web:
        settings = settings.model_copy(update={"web": settings.web.model_copy(update=web)})
    app = create_app(settings, host)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    wait_for(lambda: server.started, "the desk's server to start")
    return DeskServer(f"http://127.0.0.1:{port}", database_url, settings, server, thread)


@pytest.fixture
def desk(database_file: Path) -> Iterator[DeskServer]:
    server = start_desk(database_file)
    yield server
    server.stop()


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client: httpx.Client, path: str = "/") -> str:
    """The token a page's forms carry (the session cookie stays in the client)."""
    page = client.get(path)
    assert page.status_code == 200, page.text
    match = CSRF.search(page.text)
    assert match, "no CSRF token in the page"
    return match.group(1)


# -- the browser ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"browser tests skipped: no Chromium at {CHROMIUM} "
            "(apt-get install chromium; .ci/run installs it)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    context.set_default_timeout(DEADLINE * 1000)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page: Any, name: str) -> Path:
    """Keep a picture of the page as a test artefact (build/test-artefacts/web)."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
