"""Storage: schema, migrations, sessions and queries (SQLite and PostgreSQL)."""

from monitor.storage.database import Database, open_database

__all__ = ["Database", "open_database"]
