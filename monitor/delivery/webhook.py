"""Generic JSON webhook, signed in the Standard Webhooks style.

Every request carries ``webhook-id`` (the message's idempotency key, the same on every
retry), ``webhook-timestamp`` (Unix seconds) and, when the channel has a secret,
``webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">``. A secret written
``whsec_<base64>`` is decoded as Standard Webhooks does; any other text is used as is.
The body is documented in ``docs/delivery.md`` and ``docs/webhook.schema.json``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from monitor import __version__
from monitor.alerts import iso
from monitor.delivery.messages import Message
from monitor.errors import DeliveryError

USER_AGENT = f"monitor/{__version__} (alert delivery)"
RETRY_STATUSES = frozenset({408, 429})
ANSWER_LIMIT = 500


def signing_key(secret: str) -> bytes:
    if secret.startswith("whsec_"):
        try:
            return base64.b64decode(secret.removeprefix("whsec_"), validate=True)
        except binascii.Error as exc:
            raise ValueError("a whsec_ secret must be base64 after the prefix") from exc
    return secret.encode("utf-8")


def sign(key: bytes, message_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def display_url(url: str, *, hide_path: bool = False) -> str:
    """The URL without credentials or query (and without the path, when it is a token)."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    if parts.port:
        host = f"{host}:{parts.port}"
    path = "/…" if hide_path and parts.path not in ("", "/") else parts.path
    return f"{parts.scheme}://{host}{path}"


@dataclass(frozen=True, slots=True)
class HttpAnswer:
    status: int
    reason: str
    body: str

    def __str__(self) -> str:
        text = f"HTTP {self.status} {self.reason}".rstrip()
        return f"{text}: {self.body}" if self.body else text


def post_json(
    channel: str,
    url: str,
    destination: str,
    payload: bytes,
    headers: Mapping[str, str],
    timeout: float,
) -> HttpAnswer:
    """POST ``payload``; return the 2xx answer or raise DeliveryError saying what came back.

    5xx, 408, 429 and network errors are retryable (with Retry-After when given); any other
    status is a refusal that retrying will not change.
    """
    request = urllib.request.Request(url, data=payload, method="POST")
    request.add_header("Content-Type", "application/json; charset=utf-8")
    request.add_header("User-Agent", USER_AGENT)
    for name, value in headers.items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return HttpAnswer(response.status, response.reason or "", _read(response))
    except urllib.error.HTTPError as exc:
        answer = HttpAnswer(exc.code, exc.reason or "", _read(exc))
        retryable = exc.code >= 500 or exc.code in RETRY_STATUSES
        retry_after = parse_retry_after(exc.headers.get("Retry-After")) if exc.headers else None
        raise DeliveryError(
            channel, destination, str(answer), retryable=retryable, retry_after=retry_after
        ) from exc
    except urllib.error.URLError as exc:
        raise DeliveryError(channel, destination, f"cannot connect: {exc.reason}") from exc
    except (TimeoutError, OSError) as exc:
        raise DeliveryError(channel, destination, f"no answer: {exc}") from exc


def _read(response: Any) -> str:
    try:
        raw: bytes = response.read(ANSWER_LIMIT + 1)
    except (OSError, ValueError):
        return ""
    text = " ".join(raw.decode("utf-8", "replace").split())
    return text[:ANSWER_LIMIT] + ("…" if len(raw) > ANSWER_LIMIT else "")


def parse_retry_after(
    value: str | None, *, now: Callable[[], datetime] | None = None
) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now() if now is not None else datetime.now(UTC)
    return max(0.0, (when - current).total_seconds())


def webhook_payload(message: Message) -> dict[str, Any]:
    """The JSON body: delivery metadata, then the alerts of the JSON contract."""
    return {
        "type": "monitor.test" if message.test else "monitor.alerts",
        "id": message.key,
        "channel": message.channel,
        "attempt": message.attempt,
        "digest": message.digest,
        "topic": message.topic,
        "topic_title": message.topic_title,
        "run_id": message.run_id,
        "subject": message.subject,
        "created": iso(message.created),
        "count": message.count,
        "alerts": message.alerts,
    }


class WebhookChannel:
    """POSTs each message as one JSON object."""

    def __init__(
        self,
        name: str,
        url: str,
        *,
        secret: str | None = None,
        timeout: float = 20,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.name = name
        self.url = url
        self.destination = display_url(url)
        self.key = signing_key(secret) if secret else None
        self.timeout = timeout
        self.clock = clock

    def send(self, message: Message) -> str:
        body = json.dumps(webhook_payload(message), ensure_ascii=False).encode("utf-8")
        timestamp = int(self.clock())
        headers = {"webhook-id": message.key, "webhook-timestamp": str(timestamp)}
        if self.key is not None:
            headers["webhook-signature"] = sign(self.key, message.key, timestamp, body)
        answer = post_json(self.name, self.url, self.destination, body, headers, self.timeout)
        return str(answer)
