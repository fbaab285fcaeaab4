"""``monitor web`` and ``monitor timeline``.

Only click and the settings are imported here: the web framework, the server and the
chart library load when one of these commands runs, so ``monitor --help`` stays quick.
"""

from __future__ import annotations

from pathlib import Path

import click

from monitor.cli.options import settings_options
from monitor.errors import ConfigError, MonitorError
from monitor.figures import COUNT
from monitor.settings import Settings


@click.command("web")
@click.option("--host", help="Address to listen on [default: 127.0.0.1; web.host].")
@click.option("--port", type=click.IntRange(0, 65535), help="Port [default: 8000; web.port].")
@click.option(
    "--hash-password",
    is_flag=True,
    help="Ask for a password and print its hash for MONITOR_WEB__PASSWORD_HASH; serve nothing.",
)
@settings_options
def web_command(
    host: str | None, port: int | None, hash_password: bool, settings: Settings
) -> None:
    """Serve the desk in the browser: alerts, timelines, articles, curation, outbox.

    Listens on 127.0.0.1 by default, where no login is asked. On any other address a
    password (web.password_hash) or a token (web.token) is required; put a reverse proxy
    with HTTPS in front (see docs/web.md).

    \b
    Examples:
      monitor web                       # then open http://127.0.0.1:8000/
      monitor web --hash-password       # for MONITOR_WEB__PASSWORD_HASH
      MONITOR_WEB__PASSWORD_HASH=... monitor web --host 0.0.0.0 --port 8080
    """
    if hash_password:
        from monitor.web.security import hash_password as make_hash

        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        click.echo(make_hash(password))
        return
    import uvicorn

    from monitor.web.app import create_app

    host = host or settings.web.host
    port = settings.web.port if port is None else port
    app = create_app(settings, host)
    click.echo(f"Desk on http://{host}:{port}/ (Ctrl+C stops it)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=True)


@click.command("timeline")
@click.argument("topic")
@click.argument("quantity")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["svg", "png", "html"]),
    help="Picture format [default: from the file name, else svg].",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
    help="File to write ('-' for standard output, svg and html only).",
)  # fmt: skip
@settings_options
def timeline_command(
    topic: str, quantity: str, output_format: str | None, output: Path, settings: Settings
) -> None:
    """Draw the timeline of one quantity (every claim over publication date) to a file.

    The same chart as the desk's page: SVG or PNG for reports and e-mails, or a
    self-contained HTML page (the chart's scripts inlined; it works offline).

    \b
    Examples:
      monitor timeline coree-du-nord-russie killed -o killed.svg
      monitor timeline coree-du-nord-russie killed --format png -o killed.png
    """
    from monitor.storage import open_database
    from monitor.web.app import load_book
    from monitor.web.queries import timeline_data
    from monitor.web.timeline import build_marks, chart_spec, render_html, render_png, render_svg

    chosen = output_format or output.suffix.lstrip(".").lower()
    if chosen not in ("svg", "png", "html"):
        chosen = "svg"
    if chosen == "png" and str(output) == "-":
        raise ConfigError("--format png: give a file with -o, not standard output")
    book = load_book(settings)
    compiled = book.quantity(topic, quantity) if book else None
    database = open_database(settings.database_url)
    with database.session() as session:
        data = timeline_data(session, topic, quantity)
        if not data.claims and not data.known:
            raise MonitorError(
                f"no claim of {topic}/{quantity} in {database.display_url} "
                "(see: monitor claims list --topic TOPIC)"
            )
        marks = build_marks(data, compiled.unit if compiled else COUNT)
        spec = chart_spec(marks, compiled.spec.label if compiled else quantity)
    content: str | bytes
    if chosen == "png":
        content = render_png(spec)
    elif chosen == "html":
        content = render_html(spec)
    else:
        content = render_svg(spec)
    if str(output) == "-":
        assert isinstance(content, str)
        click.echo(content)
        return
    try:
        if isinstance(content, bytes):
            output.write_bytes(content)
        else:
            output.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise MonitorError(f"{output}: cannot write ({exc.strerror})") from exc
    click.echo(f"{output}: timeline of {topic}/{quantity}, {len(marks)} marks ({chosen})")
