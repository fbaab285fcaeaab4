"""News sitemaps -> :class:`FeedEntry` list, with lxml set up not to expand anything.

Handles ``<urlset>`` files whose ``<url>`` carry ``<news:news>`` (Google News sitemaps),
``<sitemapindex>`` files listing more sitemaps, gzip-compressed sitemaps (decompressed
within the size cap), and robots.txt files whose ``Sitemap:`` lines list them. Plain
``<url>`` entries without ``<news:news>`` are ignored: a site's full sitemap lists its
whole archive, not the news.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import etree
from scrapy.utils.gz import gunzip

from monitor.extract import parse_date
from spiders.items import FeedEntry
from spiders.urls import canonical_url
from spiders.xmlsafety import check_xml

NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
GZIP_MAGIC = b"\x1f\x8b"


class SitemapParseError(ValueError):
    """The body is not a sitemap, a sitemap index or a robots.txt."""


@dataclass
class SitemapDocument:
    entries: list[FeedEntry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # more sitemaps to read


def parse_robots_sitemaps(text: str) -> list[str]:
    """The URLs of the ``Sitemap:`` lines of a robots.txt."""
    found: list[str] = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            found.append(value.strip())
    return found


def parse_sitemap(body: bytes, *, max_size: int, language: str | None = None) -> SitemapDocument:
    """Read a sitemap or sitemap index; raises SitemapParseError or UnsafeXMLError."""
    if body.startswith(GZIP_MAGIC):
        try:
            body = gunzip(body, max_size=max_size)
        except Exception as exc:  # scrapy raises its own size error or an OSError
            raise SitemapParseError(f"cannot decompress the gzip sitemap: {exc}") from exc
    check_xml(body)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, recover=False
    )
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise SitemapParseError(f"not well-formed XML: {exc}") from exc
    tag = etree.QName(root).localname
    document = SitemapDocument()
    if tag == "sitemapindex":
        document.sitemaps = [loc for loc in _texts(root, "sitemap", "loc") if loc]
        return document
    if tag != "urlset":
        raise SitemapParseError(f"expected <urlset> or <sitemapindex>, found <{tag}>")
    seen: set[str] = set()
    for node in root:
        if not isinstance(node.tag, str) or etree.QName(node).localname != "url":
            continue
        news = node.find(f"{{{NEWS}}}news")
        loc = _child_text(node, "loc")
        if news is None or not loc:
            continue
        try:
            url = canonical_url(loc)
        except ValueError:
            continue
        if url in seen:
            continue
        seen.add(url)
        publication = news.find(f"{{{NEWS}}}publication")
        news_language = _child_text(publication, "language") if publication is not None else None
        document.entries.append(
            FeedEntry(
                url=url,
                title=_child_text(news, "title"),
                published=_date(_child_text(news, "publication_date")),
                updated=_date(_child_text(node, "lastmod")),
                language=(news_language or language or None),
                outlet=_child_text(publication, "name") if publication is not None else None,
            )
        )
    return document


def _texts(root: etree._Element, parent: str, child: str) -> list[str]:
    values: list[str] = []
    for node in root:
        if isinstance(node.tag, str) and etree.QName(node).localname == parent:
            text = _child_text(node, child)
            if text:
                values.append(text)
    return values


def _child_text(node: etree._Element, name: str) -> str | None:
    for child in node:
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            text = (child.text or "").strip()
            return text or None
    return None


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = parse_date(value.replace("Z", "+00:00"))
    return parsed.astimezone(UTC) if parsed else None
