"""What a channel sends: one message for a group of alerts, and its French rendering.

A message holds plain data (the alerts' JSON records and display views), so channels
never touch the database. Everything that came from a scraped page (titles, sentences,
URLs, sources) is untrusted: the HTML templates autoescape it, links are kept only for
http(s) URLs, and the subject is one line with no control character.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)

from monitor.alerts import alert_record
from monitor.clock import PARIS
from monitor.figures import COUNT, UnitSpec, format_record, unit_of_record
from monitor.storage.schema import AlertRow

SUBJECT_PREFIX = "[Veille]"
SUBJECT_MAX = 200
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Message:
    """One message to one channel: a group of alerts (or none, for a test message)."""

    key: str  # idempotency key: webhook-id, e-mail Message-ID, the same on every retry
    channel: str
    alerts: list[dict[str, Any]]  # alert records of the JSON contract (docs/json.md)
    delivery_ids: list[int] = field(default_factory=list)
    topic: str | None = None
    topic_title: str | None = None
    run_id: int | None = None
    digest: bool = False
    attempt: int = 1
    created: datetime | None = None  # when its first alert was raised
    test: bool = False

    @property
    def count(self) -> int:
        return len(self.alerts)

    @property
    def subject(self) -> str:
        return subject_for(self)


def one_line(text: str | None) -> str:
    """Text with control characters (CR, LF, tabs...) turned to spaces, spaces collapsed."""
    if not text:
        return ""
    return " ".join(CONTROL.sub(" ", unicodedata.normalize("NFC", text)).split())


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def headline(summary: str) -> str:
    """``Nouveau chiffre : tués 300 → 600 (CNN), +300 (+100 %)`` without the change."""
    head, separator, _ = summary.partition("), ")
    return one_line(head + ")" if separator else summary)


def subject_for(message: Message) -> str:
    if message.test:
        text = f"Message de test du canal {message.channel}"
    elif message.count == 1:
        text = headline(str(message.alerts[0].get("summary") or ""))
    elif message.topic is None:
        text = f"Résumé : {message.count} alertes sur plusieurs sujets"
    elif message.digest:
        text = f"Résumé : {message.count} alertes — {message.topic_title or message.topic}"
    else:
        first = headline(str(message.alerts[0].get("summary") or ""))
        text = f"{message.count} alertes — {message.topic_title or message.topic} : {first}, …"
    return shorten(one_line(f"{SUBJECT_PREFIX} {text}"), SUBJECT_MAX)


def safe_url(url: object) -> str | None:
    """``url`` when it is an absolute http(s) URL with no control character, else None."""
    if not isinstance(url, str) or CONTROL.search(url) or " " in url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def build_message(
    key: str,
    channel: str,
    alerts: list[AlertRow],
    *,
    delivery_ids: list[int],
    digest: bool,
    attempt: int,
) -> Message:
    """A message from alert rows (read in an open session)."""
    records = [alert_record(alert) for alert in alerts]
    topics = {alert.topic for alert in alerts}
    first = alerts[0] if alerts else None
    title = first.details.get("topic_title") if first is not None else None
    return Message(
        key=key,
        channel=channel,
        alerts=records,
        delivery_ids=delivery_ids,
        topic=first.topic if first is not None and len(topics) == 1 else None,
        topic_title=str(title) if title and len(topics) == 1 else None,
        run_id=first.run_id if first is not None else None,
        digest=digest,
        attempt=attempt,
        created=min((alert.created_at for alert in alerts), default=None),
    )


# -- rendering -------------------------------------------------------------------------


class Renderer:
    """Jinja2 templates from ``monitor/templates``, overridable from ``templates_dir``."""

    def __init__(self, templates_dir: Path | None = None) -> None:
        loaders: list[Any] = []
        if templates_dir is not None:
            loaders.append(FileSystemLoader(str(templates_dir)))
        loaders.append(PackageLoader("monitor", "templates"))
        self.environment = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default=False),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.environment.filters.update(
            one_line=one_line,
            safe_url=safe_url,
            slack=slack_escape,
            markdown=markdown_escape,
        )

    def render(self, template: str, message: Message) -> str:
        context = {
            "message": message,
            "subject": message.subject,
            "alerts": [alert_view(record) for record in message.alerts],
        }
        return self.environment.get_template(template).render(context)


def alert_view(record: dict[str, Any]) -> dict[str, Any]:
    """What a template shows of one alert: both figures side by side, with their sources."""
    new = record.get("new") or {}
    previous = record.get("previous")
    return {
        "id": record.get("id"),
        "kind": record.get("kind"),
        "summary": one_line(record.get("summary")),
        "topic": record.get("topic"),
        "quantity": record.get("quantity"),
        "new": figure_view(new, url=record.get("article_url"), title=record.get("article_title")),
        "previous": figure_view(previous, unit=unit_of_record(new)) if previous else None,
        "sentence": one_line(record.get("sentence")),
        "article_url": record.get("article_url"),
        "link": safe_url(record.get("article_url")),
        "article_title": one_line(record.get("article_title")),
        "evidence": [
            {"url": one_line(url), "link": safe_url(url)} for url in record.get("evidence") or []
        ],
        "rule": f"{record.get('rule_file')}:{record.get('rule_line')}"
        if record.get("rule_file")
        else None,
        "created": paris_time(record.get("created")),
    }


def figure_view(
    record: dict[str, Any], *, url: object = None, title: object = None, unit: UnitSpec = COUNT
) -> dict[str, Any]:
    """A claim or known claim as a message shows it; a known claim has no unit of its own
    and is shown in ``unit`` (the new claim's)."""
    where = record.get("article_url") or record.get("url") or url
    when = record.get("published") or record.get("date")
    return {
        "value": one_line(record.get("value_text") or format_record(record, unit)),
        "source": one_line(record.get("source")) or "source non précisée",
        "date": paris_time(when, date_only=True),
        "url": one_line(str(where)) if where else None,
        "link": safe_url(where),
        "title": one_line(str(record.get("article_title") or title or "")),
        "known": bool(record.get("known")),
        "note": one_line(record.get("note")),
    }


def paris_time(value: object, *, date_only: bool = False) -> str:
    if not isinstance(value, str) or not value:
        return "date inconnue"
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return one_line(value)
    if moment.tzinfo is None:  # a plain date
        return moment.strftime("%d/%m/%Y")
    local = moment.astimezone(PARIS)
    return local.strftime("%d/%m/%Y" if date_only else "%d/%m/%Y %H:%M")


def slack_escape(text: object) -> str:
    """Slack mrkdwn: only &, < and > are control characters."""
    value = one_line(str(text or ""))
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def markdown_escape(text: object) -> str:
    """Markdown (Mattermost): every character that could make a link, a tag or emphasis."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", one_line(str(text or "")))
