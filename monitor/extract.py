"""HTML page -> article text and metadata, with trafilatura. Never fetches: Scrapy does.

The crawler and the offline replay of saved pages both call :func:`extract_article`, so a
saved page gives exactly what the crawl of the same page gives.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time

import trafilatura
from trafilatura.settings import Document

from monitor.clock import PARIS

FRENCH_WORDS = frozenset(
    """le la les des du de un une et est dans pour que qui sur par avec pas plus ont été
    selon aussi mais ses leur cette sont au aux""".split()
)
ENGLISH_WORDS = frozenset(
    """the of and to in is that for on with as was by are from this have has it""".split()
)
WORD = re.compile(r"[a-zA-Zà-ÿÀ-ß]+")
MIN_WORDS = 20
HTML_LANG = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    text: str
    title: str | None
    published: datetime | None
    author: str | None
    language: str | None
    sitename: str | None


class ExtractionRejected(ValueError):
    """The page holds no article text (a template, a paywall stub, an empty page)."""


def extract_article(page: str | bytes, url: str | None = None) -> ExtractedPage:
    """Extract the main text and metadata of an HTML page.

    ``page`` may be bytes (decoded by trafilatura's charset detection) or text.
    Raises :class:`ExtractionRejected` when no article text is found.
    """
    document = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        # The time too, when the page gives it ("2023-08-22T14:35:00+0200").
        date_extraction_params={
            "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            "original_date": True,
            "extensive_search": True,
            # A date in the URL ("/2024/10/18/") has no time: read the page's own first.
            "deferred_url_extractor": True,
        },
    )
    if not isinstance(document, Document) or not document.text:
        raise ExtractionRejected("no article text found in the page")
    text = normalise_text(document.text)
    words = len(text.split())
    if words < MIN_WORDS:
        raise ExtractionRejected(f"too little text for an article ({words} words)")
    language = html_language(page) or guess_language(text)
    return ExtractedPage(
        text=text,
        title=normalise_text(document.title) if document.title else None,
        published=parse_date(document.date),
        author=document.author or None,
        language=language,
        sitename=document.sitename or None,
    )


def normalise_text(text: str) -> str:
    """NFC, straight line ends, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def more_precise(page: datetime | None, entry: datetime | None) -> datetime | None:
    """The page's publication time, unless it gives only the day (midnight in Paris) and
    the feed entry gives a time that day: then the feed's."""
    if page is None or entry is None:
        return page or entry
    local = page.astimezone(PARIS)
    if local.time() == time(0) and entry.astimezone(PARIS).date() == local.date():
        return entry
    return page


def parse_date(value: str | None) -> datetime | None:
    """A date or datetime string as a tz-aware UTC datetime (dates at midnight, Paris)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        if parsed.time() == time(0):
            parsed = parsed.replace(tzinfo=PARIS)
        else:
            parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def html_language(page: str | bytes) -> str | None:
    head = page[:4096] if isinstance(page, bytes) else page[:4096].encode("utf-8", "ignore")
    found = HTML_LANG.search(head)
    return found.group(1).decode().lower() if found else None


def guess_language(text: str) -> str | None:
    """French or English by the share of their most common words; None when unsure."""
    words = [word.lower() for word in WORD.findall(text[:5000])]
    if len(words) < 20:
        return None
    french = sum(word in FRENCH_WORDS for word in words)
    english = sum(word in ENGLISH_WORDS for word in words)
    if french > 2 * english and french / len(words) > 0.08:
        return "fr"
    if english > 2 * french and english / len(words) > 0.08:
        return "en"
    return None
