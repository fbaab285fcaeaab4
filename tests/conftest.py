"""Shared fixtures: real databases (SQLite always, PostgreSQL when configured), rules, seeds.

PostgreSQL tests run when MONITOR_TEST_DATABASE_URL points at a server (``.ci/run`` sets
it); each test gets a schema of its own, dropped afterwards. Without the variable they
are skipped, and the skip reason says so.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from monitor.rules.loader import load_rules
from monitor.rules.matchers import RuleBook, compile_rules
from monitor.storage import Database, open_database
from monitor.storage.database import normalise_url
from tests.paths import RULES

POSTGRES_URL = os.environ.get("MONITOR_TEST_DATABASE_URL")
POSTGRES_SKIP = (
    "PostgreSQL tests skipped: set MONITOR_TEST_DATABASE_URL "
    "(e.g. postgresql://postgres@127.0.0.1:5432/test) to run them"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that runs on PostgreSQL, so ``pytest -m postgres`` selects them."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        names = getattr(item, "fixturenames", ())
        if params.get("database_url") == "postgresql" or "postgres_url" in names:
            item.add_marker(pytest.mark.postgres)


def pytest_report_header() -> str:
    if POSTGRES_URL:
        return f"databases: SQLite and PostgreSQL ({POSTGRES_URL})"
    return f"databases: SQLite only; {POSTGRES_SKIP}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    if not POSTGRES_URL:
        pytest.skip(POSTGRES_SKIP)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(POSTGRES_URL))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'monitor.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_database(database_url)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def book() -> RuleBook:
    result = load_rules(RULES)
    assert result.ok, result.problems
    return compile_rules(result.rule_sets)
