"""Chat webhooks: Slack- and Mattermost-compatible incoming webhooks.

Both take ``{"text": ...}``; Slack reads mrkdwn (``<url|label>`` links, only &, < and >
escaped), Mattermost reads Markdown (every link and emphasis character escaped). The
webhook URL is a secret (it carries the token): errors show it without its path.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from monitor.delivery.messages import Message, Renderer
from monitor.delivery.webhook import display_url, post_json
from monitor.destinations import IPNetwork

TEMPLATES = {"slack": "slack.txt.j2", "mattermost": "mattermost.md.j2"}
TEXT_LIMIT = 3500  # Slack truncates longer texts; Mattermost splits them


class ChatChannel:
    def __init__(
        self,
        name: str,
        url: str,
        *,
        flavour: Literal["slack", "mattermost"],
        renderer: Renderer,
        timeout: float = 20,
        allowed: Sequence[IPNetwork] = (),
    ) -> None:
        self.name = name
        self.url = url
        self.allowed = tuple(allowed)
        self.flavour = flavour
        self.destination = display_url(url, hide_path=True)
        self.renderer = renderer
        self.timeout = timeout

    def payload(self, message: Message) -> dict[str, object]:
        text = self.renderer.render(TEMPLATES[self.flavour], message).strip()
        if len(text) > TEXT_LIMIT:
            text = text[: TEXT_LIMIT - 1] + "…"
        payload: dict[str, object] = {"text": text}
        if self.flavour == "slack":
            payload["unfurl_links"] = False
        return payload

    def send(self, message: Message) -> str:
        body = json.dumps(self.payload(message), ensure_ascii=False).encode("utf-8")
        headers = {"webhook-id": message.key}
        answer = post_json(
            self.name, self.url, self.destination, body, headers, self.timeout, self.allowed
        )
        return str(answer)
