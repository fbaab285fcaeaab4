"""Migrations build the schema from empty on every backend, and match the models."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, text

from monitor.cli import main
from monitor.storage import Database
from monitor.storage.database import HEAD_REVISION, MIGRATIONS, alembic_config, open_database
from monitor.storage.schema import Base, ClaimRow


def revisions() -> list[str]:
    """Every migration from the first to the head, in order."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


TABLES = {*Base.metadata.tables, "alembic_version"}


def test_upgrade_from_empty_creates_every_table(database_url: str) -> None:
    database = Database(database_url)
    assert database.revision() is None
    applied = database.upgrade()
    assert applied == revisions()
    assert applied[0] == "0001" and len(set(applied)) == len(applied)
    assert set(inspect(database.engine).get_table_names()) == TABLES
    assert database.upgrade() == []
    database.dispose()


def test_head_revision_is_alembics_head_and_a_current_database_is_not_migrated_again(
    database_url: str,
) -> None:
    assert revisions()[-1] == HEAD_REVISION, "set HEAD_REVISION to the new migration"
    database = Database(database_url)
    assert not database.is_current()
    database.dispose()
    database = open_database(database_url)
    assert database.is_current() and database.revision() == HEAD_REVISION
    config = alembic_config(database.url)  # an older schema is upgraded on open
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revisions()[-2])
    database.dispose()
    database = open_database(database_url)
    assert database.revision() == HEAD_REVISION
    columns = {column["name"] for column in inspect(database.engine).get_columns("articles")}
    assert "judged_at" in columns
    database.dispose()


def test_models_and_migrations_agree(database_url: str) -> None:
    database = Database(database_url)
    database.upgrade()
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    database.dispose()
    assert differences == [], "models changed without a migration: alembic revision --autogenerate"


def test_sqlite_runs_with_wal_busy_timeout_and_foreign_keys(tmp_path) -> None:
    database = Database(str(tmp_path / "x.db"))
    with database.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA busy_timeout").scalar() == 30000
        assert pragma("PRAGMA foreign_keys").scalar() == 1
    database.dispose()


def test_db_upgrade_command(database_url: str) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["db", "upgrade", "--db", database_url])
    assert first.exit_code == 0, first.output
    chain = revisions()
    assert f"applied {', '.join(chain)}; now at {chain[-1]}" in first.output
    second = runner.invoke(main, ["db", "upgrade", "--db", database_url])
    assert second.exit_code == 0
    assert f"already at {chain[-1]}" in second.output


def test_datetimes_come_back_aware_in_utc(database: Database) -> None:
    from datetime import UTC, datetime, timedelta, timezone

    from monitor.storage.schema import ArticleRow

    paris_summer = timezone(timedelta(hours=2))
    with database.session() as session:
        session.add(
            ArticleRow(
                url="https://ex.fr/a",
                text="t",
                content_hash="h",
                published=datetime(2025, 7, 1, 8, 30, tzinfo=paris_summer),
                first_seen=datetime.now(UTC),
                updated_at=datetime.now(UTC),
            )
        )
    with database.session() as session:
        row = session.query(ArticleRow).one()
        assert row.published == datetime(2025, 7, 1, 6, 30, tzinfo=UTC)
        assert row.published.tzinfo is not None and row.published.utcoffset() == timedelta(0)


def test_a_read_session_neither_waits_for_a_writer_nor_holds_one_up(tmp_path) -> None:
    from datetime import UTC, datetime

    from monitor.storage import open_database
    from monitor.storage.schema import RunRow

    database = open_database(str(tmp_path / "x.db"))
    now = datetime.now(UTC)
    with database.session() as writer:
        writer.add(RunRow(kind="replay", started_at=now))
        writer.flush()  # the writer holds the write lock from here to its commit
        with database.read_session() as reader:
            assert reader.query(RunRow).count() == 0  # the last committed snapshot
    with database.read_session() as reader:
        assert reader.query(RunRow).count() == 1
        with database.session() as second_writer:  # not held up by the open reader
            second_writer.add(RunRow(kind="crawl", started_at=now))
    database.dispose()


def test_claims_get_their_articles_publication_time_on_upgrade(database_url: str) -> None:
    database = Database(database_url)
    config = alembic_config(database.url)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0007")
    published = datetime(2024, 11, 4, 9, 30, tzinfo=UTC)
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO articles (id, url, text, published, content_hash, first_seen, "
                "updated_at) VALUES (1, 'https://ex.fr/a', 'x', :published, 'h', :now, :now)"
            ),
            {"published": published, "now": published},
        )
        connection.execute(
            text(
                "INSERT INTO claims (id, article_id, fingerprint, topic, quantity, value_text, "
                "qualifier, unit, modality, sentence, span_start, span_end, denial, created_at) "
                "VALUES (1, 1, 'f', 't', 'q', '3', 'exact', 'count', 'asserted', 's', 0, 1, "
                ":no, :now)"
            ),
            {"no": False, "now": published},
        )
    database.dispose()
    database = open_database(database_url)
    with database.session() as session:
        claim = session.get_one(ClaimRow, 1)
        assert claim.published == published
    database.dispose()
