"""RSS 0.9x/1.0/2.0 and Atom feeds -> :class:`FeedEntry` list, with feedparser.

feedparser is only ever given the bytes Scrapy downloaded (never a URL, so it cannot
fetch anything itself), after :func:`check_xml` refused entity declarations.
"""

from __future__ import annotations

import calendar
import time
from datetime import UTC, datetime
from typing import Any

import feedparser

from spiders.items import FeedEntry
from spiders.urls import canonical_url
from spiders.xmlsafety import as_utf8, check_xml


class FeedParseError(ValueError):
    """The body is not a feed feedparser can read."""


def parse_feed(body: bytes, *, language: str | None = None) -> list[FeedEntry]:
    """Entries of the feed in ``body``, in feed order, without repeated URLs.

    Raises :class:`UnsafeXMLError` for entity declarations and :class:`FeedParseError`
    when the body is not a feed (feedparser's "bozo" with no entries).
    """
    check_xml(body)
    body = as_utf8(body)
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries and not parsed.get("version"):
        raise FeedParseError("not an RSS or Atom feed (no channel or feed element)")
    feed_language = _language(parsed.feed.get("language")) or language
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = _entry_link(entry)
        if link is None:
            continue
        try:
            url = canonical_url(link)
        except ValueError:
            continue
        if url in seen:
            continue
        seen.add(url)
        source = entry.get("source") or {}
        entries.append(
            FeedEntry(
                url=url,
                title=(entry.get("title") or "").strip() or None,
                published=_when(entry.get("published_parsed") or entry.get("updated_parsed")),
                updated=_when(entry.get("updated_parsed")),
                language=feed_language,
                outlet=source.get("title") if isinstance(source, dict) else None,
            )
        )
    if parsed.get("bozo") and not entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({reason})" if reason else ""
        raise FeedParseError(f"not a readable RSS or Atom feed: no entry with a link{detail}")
    return entries


def _entry_link(entry: Any) -> str | None:
    link = entry.get("link")
    if isinstance(link, str) and link.strip():
        return link
    for candidate in entry.get("links", []):
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            return str(candidate["href"])
    return None


def _when(value: time.struct_time | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)


def _language(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().lower().split("-")[0]
