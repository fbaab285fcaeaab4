"""The crawl spider: sources -> feed or sitemap -> article pages -> items.

One spider polls every source of a crawl so that AutoThrottle and the per-domain
concurrency limit see all requests to a site together. Feeds and sitemaps are fetched
with ``If-None-Match`` / ``If-Modified-Since`` from the last crawl: a 304 costs no
parse, no extraction and no alert, and neither does a body whose hash did not change
when the server gives no validators. Each error is recorded on the source's report.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from spiders.articles import decode_page
from spiders.feeds import FeedParseError, parse_feed
from spiders.items import FeedEntry, PageItem
from spiders.middlewares import DestinationRefused, retry_after_seconds
from spiders.sitemaps import SitemapParseError, parse_robots_sitemaps, parse_sitemap
from spiders.state import CrawlContext, PageLedger, SourceReport, SourceState, needs_fetch
from spiders.urls import canonical_url
from spiders.xmlsafety import UnsafeXMLError

MAX_SITEMAPS_PER_SOURCE = 20
SIZE_CAP = re.compile(r"(?:max size|DOWNLOAD_MAXSIZE) \((\d+)")
HTML_TYPES = (b"text/html", b"application/xhtml+xml")


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, context: CrawlContext, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.context = context
        self.ledger = PageLedger(context.database)
        self.sitemaps_read: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.count_bytes, signal=signals.bytes_received)
        return spider

    def count_bytes(self, data: bytes, request: Request, spider: Any) -> None:
        """Bytes read per request, for the message of a body cut at the size cap."""
        request.meta["bytes_received"] = request.meta.get("bytes_received", 0) + len(data)

    async def start(self) -> AsyncIterator[Any]:
        for source in self.context.sources:
            yield self._source_request(source)

    def _source_request(self, source: SourceState) -> Request:
        headers: dict[str, str] = {}
        if source.etag:
            headers["If-None-Match"] = source.etag
        if source.last_modified:
            headers["If-Modified-Since"] = source.last_modified
        callback = self.parse_feed if source.kind != "news-sitemap" else self.parse_sitemap
        return Request(
            source.url,
            headers=headers,
            callback=callback,
            errback=self.source_failed,
            dont_filter=True,
            meta={
                "source": source.name,
                "download_maxsize": self.context.max_feed_bytes,
                "handle_httpstatus_list": [304],
                "is_source": True,
            },
        )

    # -- feeds and sitemaps ------------------------------------------------------------

    def _changed(self, response: Response, report: SourceReport) -> bool:
        """Record validators; False when the body need not be parsed again."""
        source = self.context.source(report.name)
        if response.meta.get("is_source"):
            self._note_move(response, report)
        if response.status == 304:
            if _lists_other_documents(response):
                return True
            report.status = "not_modified"
            report.etag, report.last_modified = source.etag, source.last_modified
            report.body_hash = source.body_hash
            return False
        digest = hashlib.sha256(response.body).hexdigest()
        if not response.meta.get("is_source"):
            return True
        report.etag = _header(response, b"ETag")
        report.last_modified = _header(response, b"Last-Modified")
        report.body_hash = digest
        if _lists_other_documents(response):
            # robots.txt and sitemap indexes rarely change while the sitemaps they list
            # do: no validators kept for them, they are always read.
            report.etag = report.last_modified = report.body_hash = None
            return True
        if digest == source.body_hash:
            report.status = "unchanged"  # same bytes as last time: nothing new to parse
            return False
        return True

    def _note_move(self, response: Response, report: SourceReport) -> None:
        reasons = response.meta.get("redirect_reasons", [])
        if any(reason in (301, 308) for reason in reasons):
            report.moved_to = response.url

    def parse_feed(self, response: Response) -> Iterator[Request]:
        report = self.context.reports[response.meta["source"]]
        if not self._changed(response, report):
            return
        source = self.context.source(report.name)
        try:
            entries = parse_feed(response.body, language=source.language)
        except (UnsafeXMLError, FeedParseError) as exc:
            report.fail(type(exc).__name__, str(exc), status=response.status)
            return
        report.status = "ok"
        yield from self._follow(entries, source, report)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        report = self.context.reports[response.meta["source"]]
        if not self._changed(response, report):
            return
        source = self.context.source(report.name)
        if response.url.endswith("/robots.txt"):
            report.status = "ok"
            yield from self._sitemap_requests(parse_robots_sitemaps(response.text), source)
            return
        try:
            document = parse_sitemap(
                response.body, max_size=self.context.max_feed_bytes, language=source.language
            )
        except (UnsafeXMLError, SitemapParseError) as exc:
            report.fail(type(exc).__name__, str(exc), status=response.status)
            return
        if report.status != "error":
            report.status = "ok"
        yield from self._sitemap_requests(document.sitemaps, source)
        yield from self._follow(document.entries, source, report)

    def _sitemap_requests(self, urls: Iterable[str], source: SourceState) -> Iterator[Request]:
        for url in urls:
            count = self.sitemaps_read.get(source.name, 0)
            if count >= MAX_SITEMAPS_PER_SOURCE:
                return
            self.sitemaps_read[source.name] = count + 1
            yield Request(
                url,
                callback=self.parse_sitemap,
                errback=self.source_failed,
                meta={"source": source.name, "download_maxsize": self.context.max_feed_bytes},
            )

    def _follow(
        self, entries: list[FeedEntry], source: SourceState, report: SourceReport
    ) -> Iterator[Request]:
        report.entries += len(entries)
        known = self.ledger.fetched(entry.url for entry in entries)
        for entry in entries:
            if not needs_fetch(known, entry.url, entry.updated):
                report.skipped_known += 1
                continue
            yield Request(
                entry.url,
                callback=self.parse_article,
                errback=self.article_failed,
                meta={
                    "source": source.name,
                    "entry": entry,
                    "download_maxsize": self.context.max_page_bytes,
                },
            )

    # -- article pages -----------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[PageItem]:
        report = self.context.reports[response.meta["source"]]
        entry: FeedEntry = response.meta["entry"]
        source = self.context.source(report.name)
        report.fetched += 1
        content_type = (response.headers.get(b"Content-Type") or b"text/html").lower()
        if not content_type.startswith(HTML_TYPES):
            reason = f"not an HTML page ({content_type.decode('latin-1')})"
            report.rejected.append(f"{entry.url}: {reason}")
            self.ledger.record(
                entry.url,
                source_id=source.id,
                status="rejected",
                reason=reason,
                http_status=response.status,
                entry_updated=entry.updated,
            )
            return
        charset = _charset(content_type)
        yield PageItem(
            url=entry.url,
            html=decode_page(response.body, charset),
            source=source.name,
            entry=entry,
            fetched_url=_safe_canonical(response.url) or entry.url,
        )

    def article_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        report = self.context.reports[request.meta["source"]]
        entry: FeedEntry = request.meta["entry"]
        error_class, status, message, _ = describe_failure(failure, self.settings)
        report.page_errors.append(f"{entry.url}: {message}")
        self.ledger.record(
            entry.url,
            source_id=self.context.source(report.name).id,
            status="error",
            reason=f"{error_class}: {message}",
            http_status=status,
            entry_updated=entry.updated,
        )

    def source_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        report = self.context.reports[request.meta["source"]]
        error_class, status, message, retry_after = describe_failure(failure, self.settings)
        if not request.meta.get("is_source"):
            message = f"sitemap {request.url}: {message}"
        report.fail(error_class, message, status=status, retry_after=retry_after)


def describe_failure(failure: Failure, settings: Any) -> tuple[str, int | None, str, float | None]:
    """(error class, HTTP status, message, Retry-After seconds) for a failed request."""
    error = failure.value
    if isinstance(error, HttpError):
        response = error.response
        retry_after = retry_after_seconds(response)
        message = f"HTTP {response.status} {_reason(response.status)}"
        if retry_after is not None:
            message += f" (server asks to retry after {retry_after:g} s)"
        return "HttpError", response.status, message, retry_after
    if isinstance(error, DestinationRefused):
        return "DestinationRefused", None, str(error), None
    if isinstance(error, IgnoreRequest):
        text = str(error)
        if _is_size_cap(text):
            return "TooLarge", None, _size_message(text), None
        return type(error).__name__, None, text or "request ignored", None
    name = type(error).__name__
    request = getattr(failure, "request", None)
    maxsize = request.meta.get("download_maxsize") if request is not None else None
    received = request.meta.get("bytes_received", 0) if request is not None else 0
    if "Cancelled" in name and maxsize and received > maxsize:
        # A body of unknown length (chunked) cut while it was read.
        return (
            "TooLarge", None,
            f"body exceeds the size cap ({maxsize} bytes): download cut after {received} "
            "bytes read", None,
        )  # fmt: skip
    if "Timeout" in name:
        seconds = settings.getfloat("DOWNLOAD_TIMEOUT")
        return "Timeout", None, f"no complete response within {seconds:g} s", None
    text = str(error) or name
    if _is_size_cap(text):
        return "TooLarge", None, _size_message(text), None
    return name, None, text, None


def _lists_other_documents(response: Response) -> bool:
    return response.url.endswith("/robots.txt") or b"<sitemapindex" in response.body[:2048]


def _is_size_cap(text: str) -> bool:
    lowered = text.lower()
    return "maxsize" in lowered or "max size" in lowered


def _size_message(text: str) -> str:
    found = SIZE_CAP.search(text)
    cap = f" ({found.group(1)} bytes)" if found else ""
    if "decompress" in text:
        return f"body exceeds the size cap{cap} once decompressed: cut while decompressing"
    return f"body exceeds the size cap{cap}: download cut"


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _charset(content_type: bytes) -> str | None:
    for part in content_type.split(b";")[1:]:
        key, _, value = part.strip().partition(b"=")
        if key.strip() == b"charset" and value:
            return value.strip(b"\"' ").decode("ascii", "ignore")
    return None


def _safe_canonical(url: str) -> str | None:
    try:
        return canonical_url(url)
    except ValueError:
        return None
