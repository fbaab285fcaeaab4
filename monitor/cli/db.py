"""``monitor db``: database maintenance."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from monitor.cli.options import settings_options

if TYPE_CHECKING:
    from monitor.settings import Settings


@click.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@settings_options
def db_upgrade(settings: Settings) -> None:
    """Apply pending migrations (every command also does so on start)."""
    from monitor.storage import open_database

    database = open_database(settings.database_url, migrate=False)
    applied = database.upgrade()
    where = database.display_url
    if applied:
        click.echo(f"{where}: applied {', '.join(applied)}; now at {database.revision()}")
    else:
        click.echo(f"{where}: already at {database.revision()}")
