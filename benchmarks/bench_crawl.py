"""Crawl throughput on a local news site: full crawl vs fetch only vs trafilatura alone.

Serves a generated French news site on 127.0.0.1 (RSS feeds of 100 entries each, article
pages wrapped like real ones: navigation, cookie banner, related links, comments), then,
in one run:

1. fetch only: a crawl child process that downloads feeds and pages, nothing else;
2. trafilatura alone: ``extract_article`` on the same pages, in this process;
3. full crawl: a crawl child process that fetches, extracts, finds claims and stores
   (``monitor crawl --once`` does exactly this), with its peak memory.

About one page in ten is on the bundled topic (it quotes a paragraph of a seed article),
so the claim extractor runs on a realistic share of the pages; the others are off topic,
as most of a newsroom's feeds are. The target is the full crawl within 1.5x of fetch +
trafilatura alone.

    python benchmarks/bench_crawl.py               # 2 000 pages
    python benchmarks/bench_crawl.py --pages 200   # a smoke run for CI
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.crawl.site import Article, page_html  # noqa: E402

FEED_SIZE = 100
ON_TOPIC_SHARE = 0.1
TOPIC_WORDS = re.compile(r"cor[ée]|nord|pyongyang|russ|moscou|koursk|ukrain|kim|poutine|kiev")


def generate_articles(count: int, seed: int = 5) -> list[Article]:
    """Distinct French articles: word-salad paragraphs from the seed vocabulary, and a
    seed paragraph with its figures in one article out of ten."""
    rng = random.Random(seed)
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    words = sorted(
        word
        for word in set(re.findall(r"[a-zà-ÿœ’'-]{3,}", " ".join(texts).lower()))
        if not TOPIC_WORDS.search(word)  # off-topic pages must not match the rule file
    )
    topical = [line for text in texts for line in text.split("\n") if len(line) > 200]
    articles = []
    start = date(2025, 1, 1)
    for number in range(count):
        paragraphs = []
        for _ in range(rng.randint(6, 10)):
            sentences = []
            for _ in range(rng.randint(3, 5)):
                sentence = " ".join(rng.choice(words) for _ in range(rng.randint(10, 22)))
                sentences.append(sentence.capitalize() + ".")
            paragraphs.append(" ".join(sentences))
        if rng.random() < ON_TOPIC_SHARE:
            paragraphs.insert(rng.randint(0, len(paragraphs)), rng.choice(topical))
        day = start + timedelta(days=number % 180)
        title = " ".join(rng.choice(words) for _ in range(7)).capitalize()
        path = f"/actu/{day:%Y/%m/%d}/article-{number:05d}.html"
        articles.append(Article(path, title, day, paragraphs))
    return articles


def serve(articles: list[Article]) -> tuple[ThreadingHTTPServer, str, dict[str, bytes]]:
    pages: dict[str, bytes] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for article in articles:
        pages[article.path] = page_html(article, base)
    feeds: dict[str, bytes] = {}
    for index in range(0, len(articles), FEED_SIZE):
        items = "".join(
            f"<item><title>{a.title}</title><link>{base}{a.path}</link></item>"
            for a in articles[index : index + FEED_SIZE]
        )
        feeds[f"/feeds/{index // FEED_SIZE}.rss"] = (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Flux {index}</title><link>{base}/</link>{items}</channel></rss>"
        ).encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path in feeds:
                body, kind = feeds[self.path], "application/rss+xml"
            elif self.path in pages:
                body, kind = pages[self.path], "text/html; charset=utf-8"
            else:
                body, kind = b"not found", "text/plain"
            self.send_response(200 if body != b"not found" else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server.RequestHandlerClass = Handler
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base, {**feeds, **pages}


def write_config(folder: Path, base: str, feed_count: int, database: str) -> Path:
    sources = ["sources:"]
    for index in range(feed_count):
        url = f"{base}/feeds/{index}.rss"
        sources += [f"  - name: flux-{index}", f"    url: {url}", "    kind: rss"]
    (folder / "sources.yaml").write_text("\n".join(sources) + "\n", encoding="utf-8")
    config = folder / f"settings-{Path(database).stem}.yaml"
    config.write_text(
        json.dumps(
            {
                "database_url": database,
                "rules_dir": str(ROOT / "rules"),
                "sources_file": str(folder / "sources.yaml"),
                "contact_url": "https://example.org/benchmark",
                "crawl_allowed_networks": ["127.0.0.1/32"],
                "crawl_autothrottle": False,
                "crawl_concurrent_requests": 32,
                "crawl_concurrency_per_domain": 16,
            }
        ),
        encoding="utf-8",
    )
    return config


def child(mode: str, config: Path) -> None:
    """Runs in a child process: one crawl, then prints its timings as JSON."""
    from monitor.cli import build_pipeline
    from monitor.crawl import run_crawl, select_sources, warm_up
    from monitor.settings import load_settings
    from monitor.storage import open_database

    started = time.perf_counter()
    settings = load_settings(config)
    database = open_database(settings.database_url)
    pipeline = build_pipeline(database, settings) if mode == "full" else None
    if pipeline is not None:
        warm_up(pipeline)  # start-up, as the daemon's child pays it before each crawl
    sources = select_sources(database, settings)
    ready = time.perf_counter()
    result = run_crawl(settings, database, pipeline, sources, extract=mode != "fetch")
    finished = time.perf_counter()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    failed = [report.name for report in result.failed]
    print(
        json.dumps(
            {
                "startup": ready - started,
                "crawl": finished - ready,
                "peak_mib": peak_kib / 1024,
                "articles": result.stats.articles,
                "claims": result.stats.claims,
                "failed": failed,
            }
        )
    )


def run_child(mode: str, config: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(config)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        sys.exit(f"{mode} crawl failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="article pages (default 2000)")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "CONFIG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    from monitor.extract import extract_article

    articles = generate_articles(args.pages)
    server, base, bodies = serve(articles)
    feed_count = (len(articles) + FEED_SIZE - 1) // FEED_SIZE
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        fetch_config = write_config(work, base, feed_count, f"sqlite:///{work / 'fetch.db'}")
        full_config = write_config(work, base, feed_count, f"sqlite:///{work / 'full.db'}")
        fetch = run_child("fetch", fetch_config)
        extract_config = write_config(work, base, feed_count, f"sqlite:///{work / 'extract.db'}")
        in_crawl = run_child("extract", extract_config)
        started = time.perf_counter()
        for article in articles:
            extract_article(bodies[article.path], base + article.path)
        extract_seconds = time.perf_counter() - started
        full = run_child("full", full_config)
    server.shutdown()
    pages = len(articles)
    baseline = fetch["crawl"] + extract_seconds
    print(f"{pages} article pages in {feed_count} feeds, served on 127.0.0.1")
    for label, seconds in (
        ("fetch only", fetch["crawl"]),
        ("trafilatura alone", extract_seconds),
        ("fetch + trafilatura", baseline),
        ("crawl, no claims/store", in_crawl["crawl"]),
    ):
        print(f"  {label:<21} {seconds:7.2f} s  {pages / seconds:7.1f} pages/s")
    print(
        f"  full crawl            {full['crawl']:7.2f} s  {pages / full['crawl']:7.1f} pages/s"
        f"  ({full['articles']:.0f} articles stored, {full['claims']:.0f} claims;"
        f" + {full['startup']:.1f} s start-up: rules, French model, database)"
    )
    ratio = full["crawl"] / baseline
    verdict = "within" if ratio <= 1.5 else "OVER"
    print(f"  full / (fetch + trafilatura) = {ratio:.2f}x ({verdict} the 1.5x target)")
    print(f"  peak memory of the full crawl process: {full['peak_mib']:.0f} MiB")
    if full["failed"] or fetch["failed"]:
        sys.exit(f"sources failed: {full['failed'] or fetch['failed']}")


if __name__ == "__main__":
    main()
