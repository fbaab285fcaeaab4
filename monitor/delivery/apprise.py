"""Apprise URLs for every other service (Telegram, Matrix, Discord, Teams, ntfy...).

Apprise reports only success or failure; the service's answer is in its log, which is
captured and quoted in the error. Apprise cannot say whether a failure is permanent, so
every failure is retried until the delivery expires.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from urllib.parse import urlsplit

import apprise as apprise_library

from monitor.delivery.messages import Message, Renderer
from monitor.delivery.webhook import ALLOWED_SETTING
from monitor.destinations import IPNetwork, Refused, resolve_allowed
from monitor.errors import DeliveryError

LOG_LIMIT = 800


class AppriseChannel:
    def __init__(
        self,
        name: str,
        url: str,
        *,
        renderer: Renderer,
        timeout: float = 20,
        allowed: Sequence[IPNetwork] = (),
    ) -> None:
        self.name = name
        self.url = url
        self.allowed = tuple(allowed)
        self.renderer = renderer
        self.notifier = apprise_library.Apprise()
        asset_ok = self.notifier.add(url)
        if not asset_ok or len(self.notifier) != 1:
            raise DeliveryError(
                name,
                "apprise URL",
                "not a valid Apprise URL (see https://github.com/caronc/apprise/wiki)",
                retryable=False,
            )
        service = self.notifier[0]
        service.socket_read_timeout = timeout
        service.socket_connect_timeout = timeout
        self.destination = str(service.url(privacy=True))  # type: ignore[no-untyped-call]

    def check_destination(self) -> None:
        """Refuse a service URL whose host is on a loopback, private or reserved network
        (Apprise connects by itself: the host is checked, the connection is not pinned)."""
        host = urlsplit(self.url).hostname
        if not host or ("." not in host and ":" not in host and host != "localhost"):
            return  # a service name or token, not a host ("tgram://bot-token/chat")
        try:
            resolve_allowed(f"http://{host}/", self.allowed, ALLOWED_SETTING)
        except Refused as exc:
            raise DeliveryError(
                self.name, self.destination, f"refused: {exc}", retryable=False
            ) from None

    def send(self, message: Message) -> str:
        self.check_destination()
        body = self.renderer.render("email.txt.j2", message)
        with apprise_library.LogCapture(level=logging.INFO) as captured:  # type: ignore[no-untyped-call]
            ok = self.notifier.notify(
                body=body, title=message.subject, body_format=apprise_library.NotifyFormat.TEXT
            )
            log = " ".join(captured.getvalue().split())
        if len(log) > LOG_LIMIT:
            log = "…" + log[-LOG_LIMIT:]
        if not ok:
            raise DeliveryError(self.name, self.destination, log or "the service refused")
        return log or "accepted"
