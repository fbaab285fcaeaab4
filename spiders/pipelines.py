"""The item pipeline: a fetched page -> trafilatura -> the monitor's ingest pipeline.

A page with no article text (a paywall teaser, a section front) is dropped with one
recorded reason. Repeated paragraphs are removed before ingest. The article goes through
:meth:`monitor.pipeline.Pipeline.ingest`, the one ingest path (a non-French article is
stored as such and not run through the French claim extractor); in a collection-only
crawl (the daemon's), through :meth:`~monitor.pipeline.Pipeline.store` alone, and the
daemon judges the stored articles afterwards.

Pages are extracted as they arrive, but ingested when the crawl's downloads are done,
in publication-date order: alerts compare each figure with the ones before it, so one
crawl raises the same alerts as the offline replay of the same articles, whatever order
the pages were downloaded in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Self

from scrapy.crawler import Crawler

from monitor.errors import MonitorError
from monitor.extract import ExtractionRejected, extract_article, more_precise
from monitor.models import ArticleInput
from monitor.neardup import dedupe_paragraphs
from spiders.items import FeedEntry, PageItem
from spiders.news import NewsSpider


@dataclass(frozen=True, slots=True)
class Pending:
    """An extracted article waiting for the end of the downloads (no HTML kept)."""

    article: ArticleInput
    source: str
    entry: FeedEntry


class IngestPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.pending: list[Pending] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: PageItem) -> PageItem:
        spider = self.crawler.spider
        assert isinstance(spider, NewsSpider)
        context = spider.context
        if not context.extract:
            return item
        report = context.reports[item.source]
        source = context.source(item.source)
        entry = item.entry
        try:
            page = extract_article(item.html, item.url)
        except ExtractionRejected as exc:
            report.rejected.append(f"{item.url}: {exc}")
            spider.ledger.record(
                item.url,
                source_id=source.id,
                status="rejected",
                reason=str(exc),
                entry_updated=entry.updated,
            )
            return item
        if context.pipeline is None:
            return item
        article = ArticleInput(
            url=item.url,
            text=dedupe_paragraphs(page.text),
            title=page.title or entry.title,
            published=more_precise(page.published, entry.published),
            language=page.language or entry.language or source.language,
            outlet=entry.outlet or page.sitename,
            author=page.author,
            source_name=source.name,
        )
        self.pending.append(Pending(article, source.name, entry))
        return item

    def close_spider(self) -> None:
        spider = self.crawler.spider
        assert isinstance(spider, NewsSpider)
        latest = datetime.max.replace(tzinfo=UTC)
        self.pending.sort(key=lambda p: (p.article.published or latest, p.article.url))
        for pending in self.pending:
            self._ingest(spider, pending)
        self.pending.clear()
        spider.ledger.flush()

    def _ingest(self, spider: NewsSpider, pending: Pending) -> None:
        context = spider.context
        assert context.pipeline is not None
        article, entry = pending.article, pending.entry
        report = context.reports[pending.source]
        source = context.source(pending.source)
        try:
            if context.judge:
                result = context.pipeline.ingest(article, run_id=context.run_id)
            else:
                result = context.pipeline.store(article)
        except MonitorError as exc:
            report.page_errors.append(f"{article.url}: {exc}")
            spider.ledger.record(
                article.url,
                source_id=source.id,
                status="error",
                reason=str(exc),
                entry_updated=entry.updated,
            )
            return
        report.count(result.status)
        report.claims += result.claims
        report.alert_ids.extend(result.alert_ids)
        spider.ledger.record(
            article.url,
            source_id=source.id,
            status="ingested",
            reason=result.status,
            article_id=result.article_id,
            entry_updated=entry.updated,
        )
