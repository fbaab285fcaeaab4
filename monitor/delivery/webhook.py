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
import http.client
import json
import socket
import ssl
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from monitor import __version__
from monitor.clock import iso
from monitor.delivery.messages import Message
from monitor.destinations import IPAddress, IPNetwork, Refused, resolve_allowed
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
    allowed: Sequence[IPNetwork] = (),
) -> HttpAnswer:
    """POST ``payload``; return the 2xx answer or raise DeliveryError saying what came back.

    The destination policy of :mod:`monitor.destinations` applies: only http(s), and the
    connection goes to an address that was checked (``allowed`` lists the private
    networks a channel may reach). Redirects are never followed. 5xx, 408, 429 and network
    errors are retryable (with Retry-After when given); any other status is a refusal that
    retrying will not change.
    """
    try:
        host, port, addresses = resolve_allowed(url, allowed, ALLOWED_SETTING)
    except Refused as exc:
        raise DeliveryError(channel, destination, f"refused: {exc}", retryable=False) from None
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection = _pinned_connection(parts.scheme.lower(), host, port, addresses[0], timeout)
    all_headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        **headers,
    }
    try:
        connection.request("POST", target, body=payload, headers=all_headers)
        response = connection.getresponse()
        answer = HttpAnswer(response.status, response.reason or "", _read(response))
        retry_after = parse_retry_after(response.getheader("Retry-After"))
        location = response.getheader("Location")
    except TimeoutError as exc:
        raise DeliveryError(channel, destination, f"no answer: {exc}") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise DeliveryError(channel, destination, f"cannot connect: {exc}") from exc
    finally:
        connection.close()
    if 200 <= answer.status < 300:
        return answer
    if 300 <= answer.status < 400:
        raise DeliveryError(
            channel,
            destination,
            f"{answer}: redirects are not followed (to {display_url(location or '?')}); "
            "set the final URL in the channel",
            retryable=False,
        )
    retryable = answer.status >= 500 or answer.status in RETRY_STATUSES
    raise DeliveryError(
        channel, destination, str(answer), retryable=retryable, retry_after=retry_after
    )


ALLOWED_SETTING = "delivery.allowed_networks"


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to the address that was checked, whatever DNS says now."""

    def __init__(self, host: str, port: int, address: IPAddress, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((str(self.address), self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to the checked address, verifying the certificate of ``host``."""

    def __init__(self, host: str, port: int, address: IPAddress, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((str(self.address), self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def _pinned_connection(
    scheme: str, host: str, port: int, address: IPAddress, timeout: float
) -> http.client.HTTPConnection:
    if scheme == "https":
        return _PinnedHTTPSConnection(host, port, address, timeout)
    return _PinnedHTTPConnection(host, port, address, timeout)


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
        allowed: Sequence[IPNetwork] = (),
    ) -> None:
        self.name = name
        self.url = url
        self.allowed = tuple(allowed)
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
        answer = post_json(
            self.name, self.url, self.destination, body, headers, self.timeout, self.allowed
        )
        return str(answer)
