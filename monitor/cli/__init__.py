"""The ``monitor`` command line. The only place that turns MonitorError into
``Error: ...`` and an exit code.

Exit codes: 0 success; 1 an operation failed (or some input files could not be read);
2 invalid configuration or rule files.

Each command lives in its own module, imported only when that command runs: ``monitor
--help`` lists the commands from :data:`COMMANDS` without importing any of them, and
``monitor alerts list`` does not pay for the French model, the crawler or the web server.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from monitor.errors import MonitorError, RuleError

# name: (module:attribute, the one-line help `monitor --help` shows). A test checks that
# each line is the command's own.
COMMANDS: dict[str, tuple[str, str]] = {
    "replay": (
        "monitor.cli.replay:replay",
        "Ingest saved articles through the full pipeline and print the alerts raised.",
    ),
    "alerts": ("monitor.cli.alerts:alerts", "List, show and acknowledge alerts."),
    "claims": ("monitor.cli.claims:claims", "List claims found in articles; accept one as known."),
    "known": ("monitor.cli.claims:known", "Known claims: from rule files and accepted claims."),
    "explain": (
        "monitor.cli.explain:explain",
        "Why each figure of TEXT did or did not become a claim of a quantity.",
    ),
    "rules": ("monitor.cli.rules:rules", "Check rule files and export their schema."),
    "db": ("monitor.cli.db:db", "Database maintenance."),
    "articles": ("monitor.cli.articles:articles", "List the stored articles."),
    "crawl": (
        "monitor.cli.crawl:crawl",
        "Fetch feeds, news sitemaps and new article pages; ingest them; print the alerts.",
    ),
    "judge": (
        "monitor.cli.crawl:judge",
        "Judge the stored articles that wait for it; print the alerts raised.",
    ),
    "sources": (
        "monitor.cli.crawl:sources",
        "List, add and disable the feeds and sitemaps the crawler polls.",
    ),
    "run": (
        "monitor.cli.daemon:run",
        "Run the monitor as a daemon: scheduled crawls, deliveries, digests and reloads.",
    ),
    "run-once": (
        "monitor.cli.daemon:run_once",
        "One pass for cron or a systemd timer: due crawls, then deliveries, then exit.",
    ),
    "status": (
        "monitor.cli.daemon:status",
        "What the monitor is doing, from the database (works from any shell).",
    ),
    "deliver": (
        "monitor.delivery.commands:deliver_command",
        "Send the deliveries that are due, once (for cron; the daemon does it on its own).",
    ),
    "deliveries": (
        "monitor.delivery.commands:deliveries_group",
        "Inspect the outbox: one row per alert and channel.",
    ),
    "channels": (
        "monitor.delivery.commands:channels_group",
        "Delivery channels declared in the settings.",
    ),
    "web": (
        "monitor.web.commands:web_command",
        "Serve the desk in the browser: alerts, timelines, articles, curation, outbox.",
    ),
    "timeline": (
        "monitor.web.commands:timeline_command",
        "Draw the timeline of one quantity (every claim over publication date) to a file.",
    ),
}


def load_command(name: str) -> click.Command:
    module, attribute = COMMANDS[name][0].split(":")
    command = getattr(importlib.import_module(module), attribute)
    assert isinstance(command, click.Command), COMMANDS[name][0]
    return command


class MonitorGroup(click.Group):
    """Loads each command when it is used; formats every MonitorError as ``Error: ...``
    with its exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands or cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        return load_command(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [
            (name, click.Command(name, help=COMMANDS[name][1]).get_short_help_str(limit))
            for name in names
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RuleError as exc:
            for problem in exc.problems:
                click.echo(f"Error: {problem}", err=True)
            sys.exit(exc.exit_code)
        except MonitorError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=MonitorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="monitor")
def main() -> None:
    """Watch the French press for new figures and contradictions on tracked topics.

    \b
    Quick start (offline, on the bundled fixtures):
      monitor replay seeds/
      monitor alerts list
      monitor alerts show 1
      monitor articles list
    """
