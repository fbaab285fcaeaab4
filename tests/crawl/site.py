"""A fixture French news site served on 127.0.0.1 (port 0) for the crawler's tests.

Article pages wrap the seed texts in realistic HTML (navigation, cookie banner, related
links, comments, footer). Feeds: RSS 2.0 and Atom with the articles, a news sitemap
reached from robots.txt through a sitemap index, and one route per failure mode (see
``BAD_ROUTES``). The site counts requests per path so tests can assert what was fetched.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import html
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TITLES_FOR_UNTITLED = {
    # Seeds without a title line get one without figures, so claims stay the same.
    "000_b9c6da5d751b0bbe.txt": "Pyongyang envoie de nouveaux armements à Moscou",
    "002_f86a56aff97b74b0.txt": "La Douma ratifie le traité avec Pyongyang",
}
BOILERPLATE = [
    "Nous utilisons des cookies",
    "Accepter et fermer",
    "Toute l'actualité",
    "Lire aussi",
    "Commentaires",
    "Super article, merci",
    "Mentions légales",
]
PAYWALL_TEASER = "Cet article est réservé à nos abonnés. Abonnez-vous pour lire la suite."
CP1252_TEXT = (
    "À Brest, la tempête a privé d’électricité des milliers de foyers ce week-end. "
    "« C’était impressionnant », raconte Hélène, qui a vu le vent arracher les tuiles "
    "de l’église. Les pompiers sont intervenus près de deux cents fois ; la préfecture "
    "appelle à la prudence et déconseille les déplacements jusqu’à lundi matin."
)
ENGLISH_TEXT = (
    "The North Korean leader met the Russian foreign minister in Pyongyang this week. "
    "The talks were about trade, transport links and the new bridge over the Tumen "
    "river, according to the state news agency, which gave no figure and no date for "
    "the opening of the road crossing between the two countries."
)


@dataclass(frozen=True)
class Article:
    path: str
    title: str
    published: date
    paragraphs: list[str]
    seed: str | None = None  # the seed file it wraps
    lang: str = "fr"
    charset: str = "utf-8"  # what the page is encoded in (the header always says utf-8)


def seed_articles() -> list[Article]:
    index = yaml.safe_load((SEEDS / "index.yaml").read_text(encoding="utf-8"))
    articles = []
    for entry in index["documents"]:
        name = entry["file"]
        lines = [line.strip() for line in (SEEDS / name).read_text(encoding="utf-8").split("\n")]
        lines = [line for line in lines if line]
        title = entry.get("title")
        if title is not None:
            lines = lines[1:]  # the title line
        else:
            title = TITLES_FOR_UNTITLED[name]
        day = entry["date"]
        slug = name.split("_")[0]
        articles.append(
            Article(f"/international/{day:%Y/%m/%d}/article-{slug}.html", title, day, lines, name)
        )
    return articles


def page_html(article: Article, base: str) -> bytes:
    body = []
    for line in article.paragraphs:
        text = html.escape(line, quote=False)
        if line.startswith("•"):
            body.append(f"<ul><li>{html.escape(line.lstrip('• '), quote=False)}</li></ul>")
        elif len(line) < 90 and not line.endswith((".", "!", "?", "»", '"', "”")):
            body.append(f"<h2>{text}</h2>")
        else:
            body.append(f"<p>{text}</p>")
    published = f"{article.published.isoformat()}T08:00:00+02:00"
    page = f"""<!DOCTYPE html>
<html lang="{article.lang}">
<head>
<meta charset="utf-8">
<title>{html.escape(article.title)} | Le Quotidien du Test</title>
<meta property="og:title" content="{html.escape(article.title)}">
<meta property="og:site_name" content="Le Quotidien du Test">
<meta property="article:published_time" content="{published}">
<meta name="author" content="Claire Dupont">
<link rel="canonical" href="{base}{article.path}">
</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>Nous utilisons des cookies pour mesurer
l'audience et personnaliser les contenus.</p><button>Accepter et fermer</button></div>
<header><nav class="menu"><ul><li><a href="/">Accueil</a></li><li><a href="/international/">
Toute l'actualité internationale</a></li><li><a href="/politique/">Politique</a></li></ul></nav>
</header>
<main>
<article>
<h1>{html.escape(article.title)}</h1>
<p class="byline">Par <span class="author">Claire Dupont</span>, publié le
<time datetime="{published}">{article.published:%d/%m/%Y}</time></p>
{"".join(body)}
</article>
<aside class="related"><h3>Lire aussi</h3><ul>
<li><a href="/international/autre-1.html">Lire aussi : la diplomatie en question</a></li>
<li><a href="/international/autre-2.html">Lire aussi : les marchés en baisse</a></li></ul></aside>
<section id="comments" class="comments"><h3>Commentaires</h3>
<div class="comment"><p>Super article, merci pour ces informations précises et utiles.</p></div>
<div class="comment"><p>Je ne suis pas d'accord avec cette analyse, pas du tout.</p></div>
</section>
</main>
<footer><p>Mentions légales — Le Quotidien du Test © 2025</p></footer>
</body></html>"""
    return page.encode(article.charset)


def teaser_html(title: str) -> bytes:
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>{title}</title></head><body><nav><a href="/">Accueil</a></nav><article>
<h1>{title}</h1><p class="chapo">{PAYWALL_TEASER}</p>
<div class="paywall"><a href="/abonnement">Je m'abonne</a></div></article></body></html>""".encode()


@dataclass
class Site:
    """The running site: its base URL, what it serves, and the requests it saw."""

    base: str = ""
    articles: list[Article] = field(default_factory=list)
    hits: Counter[str] = field(default_factory=Counter)
    atom_updated: dict[str, datetime] = field(default_factory=dict)
    stopping: threading.Event = field(default_factory=threading.Event)
    breaking: list[Article] = field(default_factory=list)  # added to the RSS feed at run time

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def seeds(self) -> list[Article]:
        return [article for article in self.articles if article.seed]

    def by_seed(self, name: str) -> Article:
        return next(article for article in self.articles if article.seed == name)

    def publish(self, article: Article) -> None:
        """Put a new article on the site and at the top of the RSS feed."""
        self.articles.append(article)
        self.breaking.append(article)

    def touch(self, article: Article) -> None:
        """Make the Atom feed say ``article`` was updated now."""
        self.atom_updated[article.path] = datetime.now(UTC).replace(microsecond=0)


def build_site() -> Site:
    site = Site()
    seeds = seed_articles()
    reprint_of = seeds[-1]  # 004, reprinted by another outlet with its own credit lines
    extra = [
        Article(
            "/regions/bretagne/tempete-cp1252.html",
            "Tempête en Bretagne : des milliers de foyers privés d’électricité",
            date(2025, 1, 10),
            [CP1252_TEXT],
            charset="cp1252",
        ),
        Article(
            "/world/2025/03/01/pyongyang-moscow-talks.html",
            "Pyongyang and Moscow talk trade",
            date(2025, 3, 1),
            [ENGLISH_TEXT],
            lang="en",
        ),
        Article(
            "/partenaires/depeche/allie-russie-30-000-soldats.html",
            reprint_of.title,
            reprint_of.published,
            ["(Dépêche reprise de nos partenaires)", *reprint_of.paragraphs,
             "Cet article a été publié avec l’accord de son auteur."],
        ),
    ]  # fmt: skip
    site.articles = seeds + extra
    for article in site.articles:
        site.atom_updated[article.path] = datetime.combine(
            article.published, datetime.min.time(), UTC
        )
    return site


# Which article goes in which feed (by path): the RSS has three seeds, the paywall page, a
# robots-forbidden page, an AMP variant and a link with tracking parameters; the Atom feed
# two seeds, the English article and the reprint; the news sitemap one seed.
def rss_items(site: Site) -> list[tuple[str, str, date]]:
    seeds = {article.seed: article for article in site.seeds}
    first, second = seeds["003_4e66c6fae4b9ad72.txt"], seeds["000_b9c6da5d751b0bbe.txt"]
    cp1252 = site.articles[5]
    items = [
        (site.url(first.path) + "?utm_source=rss&utm_medium=feed", first.title, first.published),
        (site.url(first.path), first.title, first.published),  # same article, clean URL
        (
            site.url(second.path.replace("/international/", "/amp/international/")),
            second.title,
            second.published,
        ),
        (site.url(cp1252.path), cp1252.title, cp1252.published),
        (site.url("/abonnes/analyse-exclusive.html"), "Analyse exclusive", date(2025, 2, 1)),
        (site.url("/private/brouillon.html"), "Brouillon", date(2025, 2, 2)),
    ]
    breaking = [(site.url(a.path), a.title, a.published) for a in reversed(site.breaking)]
    return breaking + items


def atom_items(site: Site) -> list[Article]:
    seeds = {article.seed: article for article in site.seeds}
    return [
        seeds["001_125bc9ff60828318.txt"],
        seeds["004_7a69544080bf7211.txt"],
        site.articles[6],
        site.articles[7],
    ]


def sitemap_items(site: Site) -> list[Article]:
    return [site.by_seed("002_f86a56aff97b74b0.txt")]


def rss_feed(site: Site) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(title)}</title><link>{html.escape(link)}</link>"
        f"<pubDate>{format_datetime(datetime.combine(day, datetime.min.time(), UTC))}</pubDate></item>"
        for link, title, day in rss_items(site)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Le Quotidien du Test — International</title>"
        f"<link>{site.base}/</link><language>fr</language>{items}</channel></rss>"
    ).encode()


def atom_feed(site: Site) -> bytes:
    entries = "".join(
        f"<entry><title>{html.escape(article.title)}</title>"
        f'<link rel="alternate" href="{site.url(article.path)}"/>'
        f"<id>{site.url(article.path)}</id>"
        f"<published>{article.published.isoformat()}T06:00:00Z</published>"
        f"<updated>{site.atom_updated[article.path].isoformat()}</updated></entry>"
        for article in atom_items(site)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Le Quotidien du Test</title><id>{site.base}/</id>"
        f"<updated>2025-07-02T06:00:00Z</updated>{entries}</feed>"
    ).encode()


def news_sitemap(site: Site) -> bytes:
    urls = "".join(
        f"<url><loc>{site.url(article.path)}</loc><news:news><news:publication>"
        "<news:name>Le Quotidien du Test</news:name><news:language>fr</news:language>"
        f"</news:publication><news:publication_date>{article.published.isoformat()}"
        f"</news:publication_date><news:title>{html.escape(article.title)}</news:title>"
        "</news:news></url>"
        for article in sitemap_items(site)
    )
    plain = f"<url><loc>{site.base}/a-propos.html</loc></url>"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}{plain}</urlset>"
    ).encode()


def sitemap_index(site: Site) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.base}/sitemaps/news.xml</loc></sitemap></sitemapindex>"
    ).encode()


XML_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rss version="2.0"><channel><title>&lol4;</title></channel></rss>"""
MALFORMED_FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cass\xc3\xa9</title><item><titl'
)
SLOW_SECONDS = 10.0

# Source name -> (path, the error the crawl must report for it).
BAD_ROUTES = {
    "gone-404": ("/feeds/gone-404.xml", "HTTP 404 Not Found"),
    "gone-410": ("/feeds/gone-410.xml", "HTTP 410 Gone"),
    "throttled-429": ("/feeds/throttled.xml", "HTTP 429 Too Many Requests (server asks to retry after 3600 s)"),
    "broken-500": ("/feeds/broken.xml", "HTTP 500 Internal Server Error"),
    "slow": ("/feeds/slow.xml", "no complete response within 1 s"),
    "huge": ("/feeds/huge.xml", "body exceeds the size cap (200000 bytes): download cut"),
    "huge-chunked": ("/feeds/huge-chunked.xml", "body exceeds the size cap (200000 bytes): download cut after"),
    "gzip-bomb": ("/feeds/bomb.xml", "body exceeds the size cap (200000 bytes) once decompressed: cut while decompressing"),
    "xml-bomb": ("/feeds/xml-bomb.xml", "the document declares XML entities (<!ENTITY>), refused as a possible entity-expansion bomb"),
    "malformed": ("/feeds/malformed.xml", "not a readable RSS or Atom feed"),
    "to-private": ("/feeds/to-private.xml", "127.0.0.2 is a loopback address (allow it with the crawl_allowed_networks setting)"),
    "to-metadata": ("/feeds/to-metadata.xml", "169.254.169.254 is a link-local address (allow it with the crawl_allowed_networks setting)"),
}  # fmt: skip
FEED_MAX_BYTES = 200_000


class Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        site = self.site
        path = self.path.split("?")[0]
        site.hits[path] += 1
        if path == "/robots.txt":
            body = (
                f"User-agent: *\nDisallow: /private/\n\nSitemap: {site.base}/sitemaps/index.xml\n"
            )
            return self.send(200, body.encode(), "text/plain")
        if path == "/feeds/monde.rss":
            return self.conditional(rss_feed(site), "application/rss+xml")
        if path == "/feeds/monde.atom":
            return self.send(200, atom_feed(site), "application/atom+xml")  # no validators
        if path == "/sitemaps/index.xml":
            return self.conditional(sitemap_index(site), "application/xml")
        if path == "/sitemaps/news.xml":
            return self.send(200, news_sitemap(site), "application/xml")
        if path == "/feeds/old.rss":
            return self.redirect(301, site.url("/feeds/monde.rss"))
        if path == "/feeds/to-private.xml":
            return self.redirect(
                302, site.url("/feeds/monde.rss").replace("127.0.0.1", "127.0.0.2")
            )
        if path == "/feeds/to-metadata.xml":
            return self.redirect(302, "http://169.254.169.254/latest/meta-data/")
        if path == "/feeds/gone-404.xml":
            return self.send(404, b"not found", "text/plain")
        if path == "/feeds/gone-410.xml":
            return self.send(410, b"gone", "text/plain")
        if path == "/feeds/throttled.xml":
            return self.send(429, b"slow down", "text/plain", {"Retry-After": "3600"})
        if path == "/feeds/broken.xml":
            return self.send(500, b"oops", "text/plain")
        if path == "/feeds/slow.xml":
            site.stopping.wait(SLOW_SECONDS)
            return self.send(200, rss_feed(site), "application/rss+xml")
        if path == "/feeds/huge.xml":
            filler = b"<!-- " + b"x" * (FEED_MAX_BYTES * 3) + b" -->"
            return self.send(
                200,
                rss_feed(site).replace(b"<channel>", b"<channel>" + filler),
                "application/rss+xml",
            )
        if path == "/feeds/huge-chunked.xml":
            return self.send_chunked(b"<!-- " + b"x" * (FEED_MAX_BYTES * 3) + b" -->")
        if path == "/feeds/bomb.xml":
            bomb = gzip.compress(b" " * (FEED_MAX_BYTES * 50), compresslevel=9)
            return self.send(200, bomb, "application/rss+xml", {"Content-Encoding": "gzip"})
        if path == "/feeds/xml-bomb.xml":
            return self.send(200, XML_BOMB, "application/rss+xml")
        if path == "/feeds/malformed.xml":
            return self.send(200, MALFORMED_FEED, "application/rss+xml")
        if path == "/abonnes/analyse-exclusive.html":
            return self.send(200, teaser_html("Analyse exclusive"), "text/html; charset=utf-8")
        for article in site.articles:
            if path == article.path or path == article.path.replace(
                "/international/", "/amp/international/"
            ):
                # The header always says UTF-8, also for the Windows-1252 page (it lies).
                return self.send(200, page_html(article, site.base), "text/html; charset=utf-8")
        return self.send(404, b"not found", "text/plain")

    def conditional(self, body: bytes, content_type: str) -> None:
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        modified = format_datetime(datetime(2025, 7, 2, 6, 0, tzinfo=UTC), usegmt=True)
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, b"", content_type, {"ETag": etag})
        return self.send(200, body, content_type, {"ETag": etag, "Last-Modified": modified})

    def redirect(self, status: int, location: str) -> None:
        self.send(status, b"", "text/plain", {"Location": location})

    def send(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    def send_chunked(self, body: bytes, chunk: int = 16_384) -> None:
        """A body of unknown length: the size cap can only be seen while reading."""
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for start in range(0, len(body), chunk):
                piece = body[start : start + chunk]
                self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the crawler hangs up on huge bodies and bombs: that is the point


class Server:
    """Serve ``site`` on 127.0.0.1:0 in a thread; a context manager."""

    def __init__(self, site: Site) -> None:
        handler = type("SiteHandler", (Handler,), {"site": site})
        self.httpd = QuietServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        site.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.site = site
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self.site

    def __exit__(self, *exc: object) -> None:
        self.site.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def sources_yaml(site: Site) -> str:
    lines = ["sources:"]

    def add(name: str, path: str, kind: str = "rss") -> None:
        lines.extend(
            [
                f"  - name: {name}",
                f"    url: {site.url(path)}",
                f"    kind: {kind}",
                "    interval: 15m",
            ]
        )

    add("quotidien-rss", "/feeds/monde.rss")
    add("quotidien-atom", "/feeds/monde.atom", "atom")
    add("quotidien-sitemap", "/robots.txt", "news-sitemap")
    add("moved", "/feeds/old.rss")
    for name, (path, _) in BAD_ROUTES.items():
        add(name, path)
    return "\n".join(lines) + "\n"


__all__ = ["BAD_ROUTES", "BOILERPLATE", "Server", "Site", "build_site", "sources_yaml"]
