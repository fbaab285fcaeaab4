"""Records the spiders hand on: a feed or sitemap entry, and a fetched article page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One article link announced by a feed or a news sitemap."""

    url: str  # canonical
    title: str | None = None
    published: datetime | None = None  # tz-aware UTC
    updated: datetime | None = None  # when the entry says the article last changed
    language: str | None = None
    outlet: str | None = None  # a search feed names the outlet of each entry


@dataclass(frozen=True, slots=True)
class PageItem:
    """An article page as fetched, decoded to text; the ingest pipeline takes it on."""

    url: str  # canonical URL of the entry that led to it
    html: str
    source: str
    entry: FeedEntry
    fetched_url: str  # where the page was finally read (after redirects)
