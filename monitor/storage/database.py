"""Opening the database: engine, SQLite pragmas, migrations, sessions.

SQLite (the default) runs with WAL, a busy timeout and foreign keys on; PostgreSQL runs the
same code. Migrations are applied on open, so every command sees the current schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from monitor.errors import StorageError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration. Opening a database at this revision skips alembic entirely (its
# import and its scripts cost a short command most of its start-up); a test checks that
# this is alembic's head.
HEAD_REVISION = "0008"
SQLITE_BUSY_TIMEOUT_MS = 30_000


class Database:
    """An engine and its session factory for one database URL."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine = build_engine(self.url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on error."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading only (web pages): on SQLite it takes no write lock, so it
        neither waits for a writer nor holds one up; it is rolled back at the end."""
        with Session(self.engine.execution_options(read_only=True)) as session:
            try:
                yield session
            finally:
                session.rollback()

    def upgrade(self) -> list[str]:
        """Apply every pending migration; return the revisions applied."""
        from alembic import command
        from alembic.script import ScriptDirectory

        before = self.revision()
        config = alembic_config(self.url)
        try:
            with self.engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except OperationalError as exc:
            raise StorageError(
                f"cannot migrate {self.display_url}: {exc.orig}"
                " (check that the database exists and is writable)"
            ) from exc
        script = ScriptDirectory.from_config(config)
        applied = [
            revision.revision
            for revision in script.iterate_revisions("head", before or "base")
            if revision.revision != before
        ]
        return list(reversed(applied))

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        try:
            with self.engine.connect() as connection:
                return MigrationContext.configure(connection).get_current_revision()
        except OperationalError as exc:
            raise StorageError(f"cannot open {self.display_url}: {exc.orig}") from exc

    def is_current(self) -> bool:
        """Whether the schema is at :data:`HEAD_REVISION`, read with one plain query."""
        try:
            with self.engine.execution_options(read_only=True).connect() as connection:
                found = connection.execute(text("SELECT version_num FROM alembic_version"))
                return [row[0] for row in found] == [HEAD_REVISION]
        except DatabaseError:
            return False  # no table yet, or no database: upgrade() says what is wrong

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def normalise_url(url: str) -> str:
    """Accept a plain file path as SQLite, and ``postgresql://`` as psycopg 3."""
    if "://" not in url:
        path = Path(url).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def build_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(
            f"invalid database URL {url!r}: {exc}"
            " (expected a file path, sqlite:///PATH or postgresql://USER@HOST/DB)"
        ) from exc
    options: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        options["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    else:
        options["pool_pre_ping"] = True
    engine = create_engine(parsed, **options)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module so BEGIN is ours (see _begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_sqlite(connection: Any) -> None:
    # IMMEDIATE takes the write lock at BEGIN: two writers wait on busy_timeout instead of
    # failing with "database is locked" when one upgrades a read to a write. A read-only
    # session (Database.read_session) begins a plain read transaction on the WAL snapshot.
    if connection.get_execution_options().get("read_only"):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open ``url`` and bring its schema up to date."""
    database = Database(url)
    if migrate and not database.is_current():
        database.upgrade()
    return database
