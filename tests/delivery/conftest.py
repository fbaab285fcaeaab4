"""Real servers for delivery tests: an in-process SMTP server (aiosmtpd) and a webhook
receiver on 127.0.0.1 that can be told to fail; alert rows made through the ORM."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from monitor.delivery.schedule import as_utc
from monitor.settings import Settings, load_settings
from monitor.storage import Database
from monitor.storage.schema import AlertRow, ArticleRow, ClaimRow, DeliveryRow, RunRow

T0 = datetime(2025, 7, 2, 10, 0, tzinfo=UTC)  # 12:00 in Paris


class Clock:
    """The only thing delivery tests mock: the time."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


# -- SMTP -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SmtpHandler:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.reply = "250 Message accepted for delivery"
        self.received = threading.Condition()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if not self.reply.startswith("250"):
            return self.reply
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.received:
            self.messages.append(parsed)  # type: ignore[arg-type]
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self.received.notify_all()
        return self.reply


@dataclass
class SmtpServer:
    handler: SmtpHandler
    port: int
    controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.handler.messages


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer(SmtpHandler(), free_port())
    server.start()
    yield server
    server.stop()


# -- webhook receiver -----------------------------------------------------------------


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class WebhookReceiver:
    """Answers from ``script`` (status, headers, body) in order, then 200."""

    port: int = 0
    requests: list[Received] = field(default_factory=list)
    script: list[tuple[int, dict[str, str], str]] = field(default_factory=list)
    condition: threading.Condition = field(default_factory=threading.Condition)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def fail(self, times: int, status: int = 500, body: str = "boom", **headers: str) -> None:
        self.script.extend([(status, dict(headers), body)] * times)

    def wait_for(self, count: int, timeout: float = 10) -> None:
        with self.condition:
            if not self.condition.wait_for(lambda: len(self.requests) >= count, timeout):
                raise AssertionError(f"receiver got {len(self.requests)} of {count} requests")

    def by_id(self) -> dict[str, list[Received]]:
        grouped: dict[str, list[Received]] = {}
        for request in self.requests:
            grouped.setdefault(request.headers["webhook-id"], []).append(request)
        return grouped


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    state = WebhookReceiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            with state.condition:
                status, headers, text = state.script.pop(0) if state.script else (200, {}, "ok")
                state.requests.append(
                    Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                state.condition.notify_all()
            payload = text.encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


# -- settings and rows ----------------------------------------------------------------


def make_settings(database_url: str, *channels: dict[str, Any], **delivery: Any) -> Settings:
    return load_settings(
        database_url=database_url,
        channels=list(channels),
        # The receivers listen on loopback, which the destination policy refuses by default.
        delivery={
            "backoff_base_seconds": 30,
            "lease_seconds": 300,
            "allowed_networks": ["127.0.0.0/8"],
            **delivery,
        },
    )


def webhook_channel(receiver: WebhookReceiver, name: str = "hook", **extra: Any) -> dict[str, Any]:
    return {"name": name, "kind": "webhook", "url": receiver.url, **extra}


def email_channel(server: SmtpServer, name: str = "desk", **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "kind": "email",
        "host": "127.0.0.1",
        "port": server.port,
        "security": "none",
        "from": "veille@redaction.example",
        "to": ["desk@redaction.example"],
        "timeout_seconds": 5,
        **extra,
    }


def start_run(database: Database, at: datetime = T0, *, finished: bool = True) -> int:
    with database.session() as session:
        run = RunRow(kind="replay", started_at=at, finished_at=at if finished else None)
        session.add(run)
        session.flush()
        return run.id


def raise_alert(
    database: Database,
    channels: list[str],
    *,
    run_id: int | None,
    at: datetime = T0,
    topic: str = "coree-du-nord-russie",
    summary: str = "Nouveau chiffre : tués 300 → 600 (CNN), +300 (+100 %)",
    title: str = "Guerre en Ukraine : un allié de la Russie lui procure 30 000 soldats",
    url: str | None = None,
    sentence: str = "Selon CNN, 600 soldats nord-coréens auraient été tués.",
    source: str = "CNN",
) -> int:
    """An alert and its outbox rows in one transaction, as Pipeline._raise writes them."""
    with database.session() as session:
        article = ArticleRow(
            url=url or f"https://presse.example/article/{uuid.uuid4().hex[:8]}",
            title=title,
            text=sentence,
            published=at,
            content_hash=uuid.uuid4().hex,
            first_seen=at,
            updated_at=at,
        )
        session.add(article)
        session.flush()
        claim = ClaimRow(
            article_id=article.id, fingerprint=uuid.uuid4().hex, topic=topic, quantity="killed",
            value_text="600", value=600, low=600, high=600, qualifier="exact", source=source,
            modality="reported", sentence=sentence, span_start=6, span_end=9, created_at=at,
        )  # fmt: skip
        session.add(claim)
        session.flush()
        alert = AlertRow(
            dedup_key=uuid.uuid4().hex, kind="new_figure", topic=topic, quantity="killed",
            claim_id=claim.id, article_id=article.id, run_id=run_id, sentence=sentence,
            summary=summary,
            details={"direction": "up", "delta": 300.0, "percent": 100.0,
                     "quantity_label": "tués", "topic_title": "Soutien militaire nord-coréen à la Russie"},
            rule_file="rules/coree-du-nord-russie.yaml", rule_line=75, created_at=at,
        )  # fmt: skip
        session.add(alert)
        session.flush()
        for channel in channels:
            session.add(
                DeliveryRow(
                    alert_id=alert.id,
                    channel=channel,
                    status="pending",
                    idempotency_key=f"msg_{uuid.uuid4().hex}",
                    next_attempt_at=at,
                    created_at=at,
                )
            )
        return alert.id


def rows(database: Database) -> list[DeliveryRow]:
    """The outbox rows, datetimes made tz-aware (SQLite returns them naive)."""
    with database.session() as session:
        found = list(session.scalars(select(DeliveryRow).order_by(DeliveryRow.id)))
    for row in found:
        for name in ("next_attempt_at", "last_attempt_at", "sent_at", "created_at"):
            value = getattr(row, name)
            if value is not None:
                setattr(row, name, as_utc(value))
    return found
