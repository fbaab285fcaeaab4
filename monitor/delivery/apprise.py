"""Apprise URLs for every other service (Telegram, Matrix, Discord, Teams, ntfy...).

Apprise reports only success or failure; the service's answer is in its log, which is
captured and quoted in the error. Apprise cannot say whether a failure is permanent, so
every failure is retried until the delivery expires.
"""

from __future__ import annotations

import logging

import apprise as apprise_library

from monitor.delivery.messages import Message, Renderer
from monitor.errors import DeliveryError

LOG_LIMIT = 800


class AppriseChannel:
    def __init__(self, name: str, url: str, *, renderer: Renderer, timeout: float = 20) -> None:
        self.name = name
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

    def send(self, message: Message) -> str:
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
