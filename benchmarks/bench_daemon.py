"""Soak: the daemon over many crawl cycles, its resident memory and file descriptors.

Serves a local news site whose RSS feed gains an article every few seconds (French
paragraphs from the seeds and real pages, on and off the topic), runs ``monitor run``
with short intervals against it and a local webhook receiver, and samples the daemon's
RSS and open file descriptors after each crawl. The daemon never runs Twisted (each
crawl is a child process), so both should stay flat. Run from the repository root:

    python benchmarks/bench_daemon.py [--cycles 100] [--interval 5] [--json out.json]

Prints the samples at the start and the end, and the slope of RSS per 100 cycles.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.extract import extract_article  # noqa: E402

PAGES = ROOT / "tests" / "data" / "pages"


def paragraphs() -> list[str]:
    pool = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        pool += [line for line in path.read_text(encoding="utf-8").split("\n") if len(line) > 120]
    for path in sorted(PAGES.glob("*.html")):
        text = extract_article(path.read_bytes()).text
        pool += [line for line in text.split("\n") if len(line) > 120]
    return pool


class Site:
    """A feed that gains one article per ``every`` seconds, and the article pages."""

    def __init__(self, pool: list[str], every: float) -> None:
        self.pool, self.every, self.started = pool, every, time.monotonic()
        self.random = random.Random(7)
        self.articles: list[tuple[str, str, str, str]] = []  # path, title, body, pubDate
        self.lock = threading.Lock()

    def grow(self) -> None:
        due = int((time.monotonic() - self.started) / self.every) + 1
        with self.lock:
            while len(self.articles) < due:
                number = len(self.articles)
                body = self.random.sample(self.pool, 4)
                published = format_datetime(datetime.now(UTC))
                title = f"Dépêche numéro {number}"
                self.articles.append((f"/article-{number}.html", title, "\n".join(body), published))

    def feed(self, base: str) -> bytes:
        self.grow()
        items = "".join(
            f"<item><title>{html.escape(title)}</title><link>{base}{path}</link>"
            f"<pubDate>{published}</pubDate></item>"
            for path, title, _, published in self.articles[-30:]
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Soak</title><link>{base}/</link>{items}</channel></rss>"
        ).encode()

    def page(self, path: str) -> bytes | None:
        with self.lock:
            found = next((a for a in self.articles if a[0] == path), None)
        if found is None:
            return None
        _, title, body, _ = found
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n"))
        return (
            '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head><body><nav>Accueil</nav><article><h1>{html.escape(title)}</h1>"
            f"{paragraphs}</article><footer>Mentions légales</footer></body></html>"
        ).encode()


def serve(site: Site) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/robots.txt":
                body: bytes | None = b"User-agent: *\nAllow: /\n"
            elif self.path == "/feed.xml":
                body = site.feed(base)
            else:
                body = site.page(self.path)
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # the webhook receiver
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def sample(pid: int) -> tuple[float, int]:
    """Resident memory (MB) and open file descriptors of ``pid``."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return rss_kb / 1024, len(os.listdir(f"/proc/{pid}/fd"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=100, help="crawl cycles to run")
    parser.add_argument("--interval", type=int, default=5, help="seconds between crawls")
    parser.add_argument("--json", type=Path, help="also write the samples to this file")
    options = parser.parse_args()
    site = Site(paragraphs(), every=options.interval)
    server, base = serve(site)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "sources.yaml").write_text(
            yaml.safe_dump(
                {
                    "sources": [
                        {"name": "soak", "url": f"{base}/feed.xml", "interval": options.interval}
                    ]
                }
            )
        )
        settings = {
            "rules_dir": str(ROOT / "rules"),
            "sources_file": str(root / "sources.yaml"),
            "contact_url": "https://example.org/soak",
            "crawl_allowed_networks": ["127.0.0.0/8"],
            "crawl_min_interval_seconds": 1,
            "channels": [{"name": "hook", "kind": "webhook", "url": f"{base}/hook"}],
            "daemon": {
                "state_dir": str(root / "state"),
                "deliver_interval_seconds": 1,
                "jitter_fraction": 0,
                "health_check_seconds": 5,
            },
        }
        (root / "monitor.yaml").write_text(yaml.safe_dump(settings))
        log = (root / "daemon.log").open("wb")
        env = {
            **os.environ,
            "MONITOR_CONFIG": str(root / "monitor.yaml"),
            "MONITOR_DATABASE_URL": f"sqlite:///{root / 'soak.db'}",
        }
        daemon = subprocess.Popen(
            [sys.executable, "-m", "monitor", "run", "--log-level", "INFO"],
            env=env, stdout=log, stderr=log,
        )  # fmt: skip
        samples: list[dict[str, float]] = []
        seen = 0
        try:
            while len(samples) < options.cycles:
                time.sleep(0.5)
                if daemon.poll() is not None:
                    raise SystemExit(f"the daemon exited with {daemon.returncode}")
                crawled = (root / "daemon.log").read_text(errors="replace").count(": crawled in ")
                if crawled > seen:
                    seen = crawled
                    rss, fds = sample(daemon.pid)
                    samples.append({"cycle": seen, "rss_mb": rss, "fds": fds})
                    if seen % 10 == 0:
                        print(
                            f"cycle {seen:4d}: RSS {rss:6.1f} MB, {fds} file descriptors",
                            flush=True,
                        )
        finally:
            daemon.send_signal(signal.SIGTERM)
            code = daemon.wait(timeout=60)
            server.shutdown()
    warm = samples[min(4, len(samples) - 1)]  # after start-up allocations settle
    last = samples[-1]
    span = max(1, last["cycle"] - warm["cycle"])
    slope = (last["rss_mb"] - warm["rss_mb"]) / span * 100
    print(
        f"daemon over {last['cycle']:.0f} crawl cycles ({options.interval} s apart), "
        f"exit code {code}"
    )
    print(f"  RSS at cycle {warm['cycle']:.0f}: {warm['rss_mb']:.1f} MB, {warm['fds']:.0f} fds")
    print(f"  RSS at cycle {last['cycle']:.0f}: {last['rss_mb']:.1f} MB, {last['fds']:.0f} fds")
    print(f"  slope: {slope:+.2f} MB per 100 cycles; articles in the feed: {len(site.articles)}")
    if options.json:
        options.json.write_text(json.dumps({"samples": samples, "slope_mb_per_100": slope}))


if __name__ == "__main__":
    main()
