"""Feeds, sitemaps, page decoding, URLs and destinations: the crawler's parsers alone."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest
from scrapy.http import HtmlResponse, Request

from monitor.destinations import parse_networks, refusal_reason
from spiders.articles import decode_page
from spiders.feeds import FeedParseError, parse_feed
from spiders.middlewares import retry_after_seconds
from spiders.sitemaps import SitemapParseError, parse_robots_sitemaps, parse_sitemap
from spiders.urls import canonical_url
from spiders.xmlsafety import UnsafeXMLError
from tests.crawl.site import XML_BOMB

RSS_091 = b"""<?xml version="1.0" encoding="ISO-8859-1"?><rss version="0.91"><channel>
<title>Vieux flux</title><link>https://ex.fr/</link><description>d</description>
<item><title>Arm\xe9e</title><link>https://ex.fr/a.html?utm_source=rss</link></item>
</channel></rss>"""
RSS_10 = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://ex.fr/"><title>RDF</title><link>https://ex.fr/</link></channel>
<item rdf:about="https://ex.fr/b.html"><title>B</title><link>https://ex.fr/b.html</link>
<dc:date>2025-02-05T10:00:00+01:00</dc:date></item></rdf:RDF>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>A</title><id>urn:a</id><updated>2025-07-02T06:00:00Z</updated>
<entry><title>C</title><link rel="alternate" href="https://m.ex.fr/amp/c.html"/><id>urn:c</id>
<published>2025-07-01T06:00:00Z</published><updated>2025-07-02T06:00:00Z</updated></entry>
</feed>"""


def test_rss_091_rss_10_and_atom_give_canonical_entries() -> None:
    [old] = parse_feed(RSS_091)
    assert (old.url, old.title) == ("https://ex.fr/a.html", "Armée")
    [rdf] = parse_feed(RSS_10)
    assert rdf.url == "https://ex.fr/b.html"
    assert rdf.published == datetime(2025, 2, 5, 9, 0, tzinfo=UTC)
    [atom] = parse_feed(ATOM)
    assert atom.url == "https://www.ex.fr/c.html"
    assert atom.updated == datetime(2025, 7, 2, 6, 0, tzinfo=UTC)


def test_feed_bombs_and_garbage_are_refused() -> None:
    with pytest.raises(UnsafeXMLError, match="declares XML entities"):
        parse_feed(XML_BOMB)
    with pytest.raises(UnsafeXMLError):
        parse_feed(XML_BOMB.decode().encode("utf-16"))
    with pytest.raises(FeedParseError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body>Pas un flux</body></html>")


def test_news_sitemap_index_and_robots() -> None:
    body = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
    <url><loc>https://ex.fr/n.html?xtor=RSS-1</loc><lastmod>2025-07-02T08:00:00+02:00</lastmod>
    <news:news><news:publication><news:name>Ex</news:name><news:language>fr</news:language>
    </news:publication><news:publication_date>2025-07-01</news:publication_date>
    <news:title>N</news:title></news:news></url>
    <url><loc>https://ex.fr/archives.html</loc></url></urlset>"""
    document = parse_sitemap(gzip.compress(body), max_size=10_000)
    [entry] = document.entries
    assert (entry.url, entry.title, entry.outlet, entry.language) == (
        "https://ex.fr/n.html", "N", "Ex", "fr"
    )  # fmt: skip
    assert entry.updated == datetime(2025, 7, 2, 6, 0, tzinfo=UTC)
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://ex.fr/news.xml</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(index, max_size=10_000).sitemaps == ["https://ex.fr/news.xml"]
    robots = "User-agent: *\nDisallow: /x\nsitemap: https://ex.fr/index.xml\n"
    assert parse_robots_sitemaps(robots) == ["https://ex.fr/index.xml"]


def test_sitemap_gzip_bomb_and_entities_are_refused() -> None:
    bomb = gzip.compress(b" " * 1_000_000)
    with pytest.raises(SitemapParseError, match="cannot decompress"):
        parse_sitemap(bomb, max_size=10_000)
    with pytest.raises(UnsafeXMLError):
        parse_sitemap(XML_BOMB, max_size=10_000)


TEXT = "« C’était l’été à Brest », raconte Hélène ; œuvre, 5 €."


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [
        ("utf-8", "utf-8"),
        ("utf-8", "iso-8859-1"),  # UTF-8 labelled Latin-1
        ("cp1252", "utf-8"),  # Windows-1252 labelled UTF-8
        ("cp1252", "iso-8859-1"),  # curly quotes and œ in a "Latin-1" page
        ("cp1252", None),
    ],
)
def test_pages_come_out_with_their_accents(encoding: str, declared: str | None) -> None:
    body = f"<html><head><meta charset='{declared or ''}'></head><p>{TEXT}</p></html>"
    text = decode_page(body.encode(encoding), declared)
    assert TEXT in text
    assert "\ufffd" not in text and "Ã" not in text


def test_canonical_urls_fold_tracking_amp_and_mobile() -> None:
    assert (
        canonical_url("https://m.ex.fr/a/amp/b.html?utm_source=x&id=2#c")
        == "https://www.ex.fr/a/b.html?id=2"
    )
    assert canonical_url("https://amp.ex.fr/b.amp.html?fbclid=1") == "https://www.ex.fr/b.html"
    assert canonical_url("https://ex.fr/c?outputType=amp") == "https://ex.fr/c"
    with pytest.raises(ValueError, match="not an http"):
        canonical_url("file:///etc/passwd")


def test_private_loopback_and_link_local_are_refused_unless_allowed() -> None:
    import ipaddress

    none: list = []
    assert refusal_reason(ipaddress.ip_address("127.0.0.1"), none) == "a loopback address"
    assert refusal_reason(ipaddress.ip_address("10.1.2.3"), none) == "a private address"
    assert refusal_reason(ipaddress.ip_address("169.254.169.254"), none) == "a link-local address"
    assert refusal_reason(ipaddress.ip_address("::ffff:127.0.0.1"), none) == "a loopback address"
    assert refusal_reason(ipaddress.ip_address("151.101.2.1"), none) is None
    allowed = parse_networks(["127.0.0.0/8"])
    assert refusal_reason(ipaddress.ip_address("127.0.0.1"), allowed) is None
    with pytest.raises(ValueError, match="'nope' is not a CIDR network"):
        parse_networks(["nope"])


def test_retry_after_in_seconds_or_as_a_date() -> None:
    request = Request("https://ex.fr/")

    def response(value: str) -> HtmlResponse:
        return HtmlResponse(
            "https://ex.fr/", status=429, headers={"Retry-After": value}, request=request
        )

    assert retry_after_seconds(response("120")) == 120
    now = datetime(2025, 7, 2, 6, 0, tzinfo=UTC)
    assert retry_after_seconds(response("Wed, 02 Jul 2025 06:01:30 GMT"), now) == 90
    assert retry_after_seconds(response("soon")) is None


def test_a_stray_byte_in_a_utf8_page_spoils_only_itself() -> None:
    body = f"<html><head><meta charset='utf-8'></head><p>{TEXT}</p>" * 20
    raw = body.encode("utf-8")
    raw = raw[:120] + b"\x92" + raw[120:]  # one Windows-1252 quote inside UTF-8
    text = decode_page(raw, "utf-8")
    assert text.count("\ufffd") == 1
    assert text.count(TEXT) >= 19
    assert "Ã" not in text


UTF16_FEED = """<?xml version="1.0" encoding="utf-16"?>
<rss version="2.0"><channel><title>Flux</title><link>https://ex.fr/</link>
<description>d</description>
<item><title>Armée</title><link>https://ex.fr/armee.html</link></item>
</channel></rss>"""


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_a_utf16_feed_is_read_and_its_entities_refused(encoding: str) -> None:
    entries = parse_feed(UTF16_FEED.encode(encoding))
    assert [(e.title, e.url) for e in entries] == [("Armée", "https://ex.fr/armee.html")]
    bomb = UTF16_FEED.replace(
        "<rss", '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>\n<rss'
    )
    with pytest.raises(UnsafeXMLError):
        parse_feed(bomb.encode(encoding))


def test_a_utf16_document_is_handed_to_the_parser_as_utf8() -> None:
    from spiders.xmlsafety import as_utf8

    converted = as_utf8(UTF16_FEED.encode("utf-16-le"))
    assert converted.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    assert "Armée".encode() in converted


def test_a_page_that_gives_only_the_day_takes_the_time_of_its_feed_entry() -> None:
    from monitor.extract import more_precise, parse_date

    day_only = parse_date("2023-08-22T00:00:00")  # midnight in Paris: the day alone
    entry = datetime(2023, 8, 22, 12, 35, tzinfo=UTC)
    assert more_precise(day_only, entry) == entry
    timed = parse_date("2023-08-22T14:35:00+0200")
    assert timed == datetime(2023, 8, 22, 12, 35, tzinfo=UTC)
    assert more_precise(timed, datetime(2023, 8, 22, 9, 0, tzinfo=UTC)) == timed
    other_day = datetime(2023, 8, 23, 9, 0, tzinfo=UTC)
    assert more_precise(day_only, other_day) == day_only
    assert more_precise(None, entry) == entry


def test_an_old_libexpat_is_warned_about() -> None:
    from spiders.xmlsafety import expat_warning

    assert expat_warning((2, 6, 0)) is None
    assert expat_warning((2, 7, 1)) is None
    warning = expat_warning((2, 5, 0))
    assert warning is not None
    assert warning.startswith("the system's libexpat is 2.5.0, older than 2.6.0")
    assert "refused before parsing" in warning
