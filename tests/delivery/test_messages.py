"""What the receivers get: parseable French e-mails, signed JSON, safe chat text."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from pathlib import Path

import pytest

from monitor.delivery import deliver
from monitor.storage import Database

from .conftest import (
    Clock,
    SmtpServer,
    WebhookReceiver,
    email_channel,
    make_settings,
    raise_alert,
    rows,
    start_run,
    webhook_channel,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"
HOSTILE_TITLE = 'Titre\r\nBcc: victime@example.org\r\n\r\n<script>alert("x")</script>'
HOSTILE_SENTENCE = (
    '600 tués <img src=x onerror="alert(1)"> selon <a href="javascript:alert(1)">CNN</a>'
)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'monitor.db'}"


@pytest.fixture
def sqlite_db(sqlite_url: str) -> Database:
    from monitor.storage import open_database

    return open_database(sqlite_url)


def test_email_is_multipart_with_a_french_utf8_subject_and_both_figures(
    sqlite_db: Database, sqlite_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    settings = make_settings(sqlite_url, email_channel(smtp_server))
    raise_alert(sqlite_db, ["desk"], run_id=start_run(sqlite_db), url="https://presse.example/a")
    deliver(sqlite_db, settings, clock=clock)
    [message] = smtp_server.messages
    assert message["Subject"] == "[Veille] Nouveau chiffre : tués 300 → 600 (CNN)"
    assert message["From"] == "veille@redaction.example"
    assert message["To"] == "desk@redaction.example"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Nouveau chiffre : tués 300 → 600 (CNN), +300 (+100 %)" in text
    assert "Maintenant : 600 — CNN, 02/07/2025 — https://presse.example/a" in text
    assert "Citation   : « Selon CNN, 600 soldats nord-coréens auraient été tués. »" in text
    assert "Règle      : rules/coree-du-nord-russie.yaml:75" in text
    assert '<a href="https://presse.example/a">Guerre en Ukraine' in html
    assert "<td><strong>600</strong></td>" in html
    [row] = rows(sqlite_db)
    assert message["Message-ID"] == f"<{row.idempotency_key}@redaction.example>"


def test_a_group_has_a_one_line_subject_with_the_count(
    sqlite_db: Database, sqlite_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    settings = make_settings(sqlite_url, email_channel(smtp_server))
    run = start_run(sqlite_db)
    for _ in range(3):
        raise_alert(sqlite_db, ["desk"], run_id=run)
    deliver(sqlite_db, settings, clock=clock)
    [message] = smtp_server.messages
    assert message["Subject"] == (
        "[Veille] 3 alertes — Soutien militaire nord-coréen à la Russie : "
        "Nouveau chiffre : tués 300 → 600 (CNN), …"
    )
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text.startswith(
        "3 alertes — Soutien militaire nord-coréen à la Russie\n1. Nouveau chiffre"
    )
    assert text.count("Maintenant : 600 — CNN") == 3


def test_hostile_titles_cannot_inject_headers_scripts_or_links(
    sqlite_db: Database,
    sqlite_url: str,
    smtp_server: SmtpServer,
    receiver: WebhookReceiver,
    clock: Clock,
) -> None:
    settings = make_settings(
        sqlite_url,
        email_channel(smtp_server),
        {"name": "slack", "kind": "slack", "url": receiver.url},
        {"name": "mm", "kind": "mattermost", "url": receiver.url},
    )
    raise_alert(
        sqlite_db, ["desk", "slack", "mm"], run_id=None,
        summary="Nouveau chiffre : tués 300 → 600 (CNN\r\nBcc: victime@example.org)",
        title=HOSTILE_TITLE, url="javascript:alert(document.cookie)",
        sentence=HOSTILE_SENTENCE, source="<b>CNN</b>",
    )  # fmt: skip
    deliver(sqlite_db, settings, clock=clock)
    [message] = smtp_server.messages
    assert message["Bcc"] is None
    assert smtp_server.handler.envelopes[0][1] == ["desk@redaction.example"]
    assert message["Subject"] == (
        "[Veille] Nouveau chiffre : tués 300 → 600 (CNN Bcc: victime@example.org)"
    )
    html = message.get_body(("html",)).get_content()
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=" in html
    assert re.findall(r'href="([^"]*)"', html) == []  # the only link was javascript:
    text = message.get_body(("plain",)).get_content()
    assert "\r" not in text.replace("\r\n", "\n")
    assert "Article    : Titre Bcc: victime@example.org <script>" in text
    slack, mattermost = (
        r.json["text"]
        for r in sorted(receiver.requests, key=lambda r: "unfurl_links" not in r.json)
    )
    assert "<script" not in slack and "&lt;img src=x onerror=" in slack
    assert "<javascript" not in slack and "|" not in slack.split("CNN", 1)[0]
    assert "<script" not in mattermost.replace("\\<script", "")
    assert "](" not in mattermost  # no link: the URL was not http(s)
    assert "\\<img src=x onerror=" in mattermost


def test_webhook_carries_standard_webhooks_headers_and_a_valid_signature(
    sqlite_db: Database, sqlite_url: str, receiver: WebhookReceiver, clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    secret = "whsec_" + base64.b64encode(b"shared secret of thirty-two bytes").decode()
    monkeypatch.setenv("MONITOR_TEST_HOOK_SECRET", secret)
    settings = make_settings(
        sqlite_url, webhook_channel(receiver, secret_env="MONITOR_TEST_HOOK_SECRET")
    )
    alert_id = raise_alert(sqlite_db, ["hook"], run_id=start_run(sqlite_db))
    deliver(sqlite_db, settings, clock=clock)
    [request] = receiver.requests
    headers = request.headers
    assert headers["content-type"] == "application/json; charset=utf-8"
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + request.body
    expected = hmac.new(b"shared secret of thirty-two bytes", signed, hashlib.sha256).digest()
    assert headers["webhook-signature"] == "v1," + base64.b64encode(expected).decode()
    payload = request.json
    [row] = rows(sqlite_db)
    assert payload["id"] == headers["webhook-id"] == row.idempotency_key
    assert (payload["type"], payload["channel"], payload["count"]) == ("monitor.alerts", "hook", 1)
    assert payload["subject"] == "[Veille] Nouveau chiffre : tués 300 → 600 (CNN)"
    [alert] = payload["alerts"]
    assert alert["id"] == alert_id and alert["summary"].startswith("Nouveau chiffre")
    assert alert["new"]["value_text"] == "600"
    check_schema(payload, json.loads((DOCS / "webhook.schema.json").read_text()))


def test_the_documented_example_matches_the_schema() -> None:
    schema = json.loads((DOCS / "webhook.schema.json").read_text())
    example = json.loads((DOCS / "webhook.example.json").read_text())
    check_schema(example, schema)


def check_schema(value: object, schema: dict, path: str = "$") -> None:  # type: ignore[type-arg]
    """The subset of JSON Schema the webhook schema uses: type, required, properties, items."""
    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        python = {"object": dict, "array": list, "string": str, "integer": int,
                  "number": (int, float), "boolean": bool, "null": type(None)}  # fmt: skip
        assert any(
            isinstance(value, python[name])
            and not (name in ("integer", "number") and isinstance(value, bool))
            for name in names
        ), f"{path}: expected {names}, got {value!r}"
    if "enum" in schema:
        assert value in schema["enum"], f"{path}: {value!r} not in {schema['enum']}"
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{path}: missing {key}"
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                check_schema(value[key], sub, f"{path}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            check_schema(item, schema["items"], f"{path}[{index}]")


def test_apprise_urls_reach_their_service(
    sqlite_db: Database, sqlite_url: str, receiver: WebhookReceiver, clock: Clock
) -> None:
    url = f"json://127.0.0.1:{receiver.port}/hook"
    settings = make_settings(sqlite_url, {"name": "other", "kind": "apprise", "url": url})
    raise_alert(sqlite_db, ["other"], run_id=None)
    [result] = deliver(sqlite_db, settings, clock=clock).results
    assert result.outcome == "sent"
    [request] = receiver.requests
    assert request.json["title"] == "[Veille] Nouveau chiffre : tués 300 → 600 (CNN)"
    assert "Maintenant : 600 — CNN" in request.json["message"]
    receiver.fail(1, status=500)
    raise_alert(sqlite_db, ["other"], run_id=None)
    [result] = deliver(sqlite_db, settings, clock=clock).results
    assert result.outcome == "retry" and "500" in result.answer


def test_templates_can_be_overridden_from_a_folder(
    sqlite_db: Database, sqlite_url: str, smtp_server: SmtpServer, clock: Clock, tmp_path: Path
) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "email.txt.j2").write_text(
        "{% for alert in alerts %}Alerte : {{ alert.summary }}\n{% endfor %}", encoding="utf-8"
    )
    settings = make_settings(
        sqlite_url, email_channel(smtp_server), templates_dir=str(tmp_path / "templates")
    )
    raise_alert(sqlite_db, ["desk"], run_id=None)
    deliver(sqlite_db, settings, clock=clock)
    [message] = smtp_server.messages
    assert message.get_body(("plain",)).get_content() == (
        "Alerte : Nouveau chiffre : tués 300 → 600 (CNN), +300 (+100 %)\r\n"
    )
    assert "<table" in message.get_body(("html",)).get_content()  # the default HTML stays
