"""Server time of the desk's pages (``monitor web``) on a large database.

Fills a SQLite database with ``--claims`` claims (100 000) over 20 000 articles, 5 topics
of 10 quantities, and ``--alerts`` alerts (5 000) with their deliveries, starts the desk
with uvicorn on a free port, requests each page ``--repeats`` times over HTTP and prints
the median server time of each (the ``Server-Timing`` header: from the request reaching
the application to the response leaving it). Target: every page under 200 ms. Printed
apart: a timeline's first drawing in a running desk (the chart is rendered once, then
kept until its data changes), and the server's very first page after it starts. Run from
the repository root:

    python benchmarks/bench_web.py [--claims 100000] [--alerts 5000] [--repeats 5] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from monitor.figures import format_number  # noqa: E402
from monitor.settings import load_settings  # noqa: E402
from monitor.storage import open_database  # noqa: E402
from monitor.storage.schema import AlertRow, ArticleRow, ClaimRow, DeliveryRow  # noqa: E402

TARGET_MS = 200.0
TOPICS = 5
QUANTITIES = 10
KINDS = ("new_quantity", "new_figure", "contradiction")
OUTLETS = ("Le Monde", "Le Figaro", "Libération", "Ouest-France", "franceinfo", "AFP")
SOURCES = ("ONU", "ministère de l'Intérieur", "préfecture", "Croix-Rouge", None)


def fill(url: str, claims: int, alerts: int, seed: int = 1) -> dict[str, int]:
    """Write the articles, claims, alerts and deliveries with bulk inserts."""
    rng = random.Random(seed)
    database = open_database(url)
    start = datetime(2025, 1, 1, 6, tzinfo=UTC)
    articles = max(1, min(20_000, claims // 5))
    with database.session() as session:
        session.execute(
            insert(ArticleRow),
            [
                {
                    "id": i + 1,
                    "url": f"https://example.org/article/{i}",
                    "title": f"Article n° {i} sur l'épisode {i % TOPICS}",
                    "text": "Selon l'ONU, 1 200 personnes ont été évacuées. " * 8,
                    "published": start + timedelta(minutes=17 * i),
                    "outlet": OUTLETS[i % len(OUTLETS)],
                    "content_hash": f"{i:064x}",
                    "first_seen": start + timedelta(minutes=17 * i),
                    "updated_at": start + timedelta(minutes=17 * i),
                }
                for i in range(articles)
            ],
        )
        rows = []
        for i in range(claims):
            value = float(rng.randrange(10, 50_000))
            ranged = i % 7 == 0
            rows.append(
                {
                    "id": i + 1,
                    "article_id": i % articles + 1,
                    "fingerprint": f"c{i}",
                    "topic": f"sujet-{i % TOPICS}",
                    "quantity": f"quantite-{(i // TOPICS) % QUANTITIES}" if i % 9 else None,
                    "value_text": f"{int(value)}",
                    "value": None if ranged else value,
                    "low": value,
                    "high": value * 1.2 if ranged else value,
                    "qualifier": "range" if ranged else ("at_least" if i % 5 == 0 else "exact"),
                    "source": SOURCES[i % len(SOURCES)],
                    "modality": "reported",
                    "sentence": f"Selon l'ONU, {int(value)} personnes ont été évacuées.",
                    "span_start": 13,
                    "span_end": 13 + len(str(int(value))),
                    "created_at": start,
                }
            )
        for chunk in range(0, len(rows), 10_000):
            session.execute(insert(ClaimRow), rows[chunk : chunk + 10_000])
        alert_rows, deliveries = [], []
        for i in range(alerts):
            claim_id = (i * (claims // max(alerts, 1))) % claims + 1
            topic = f"sujet-{(claim_id - 1) % TOPICS}"
            alert_rows.append(
                {
                    "id": i + 1,
                    "dedup_key": f"a{i}",
                    "kind": KINDS[i % 3],
                    "topic": topic,
                    "quantity": f"quantite-{((claim_id - 1) // TOPICS) % QUANTITIES}",
                    "claim_id": claim_id,
                    "previous_claim_id": claim_id - TOPICS if claim_id > TOPICS else None,
                    "article_id": (claim_id - 1) % articles + 1,
                    "sentence": "Selon l'ONU, 1 200 personnes ont été évacuées.",
                    "summary": f"Nouveau chiffre : évacués 1 000 → 1 200 (ONU) n° {i}",
                    "details": {},
                    "created_at": start + timedelta(minutes=30 * i),
                }
            )
            deliveries.append(
                {
                    "alert_id": i + 1,
                    "channel": "redaction",
                    "status": ("sent", "pending", "failed")[i % 3],
                    "idempotency_key": f"msg_{i}",
                    "next_attempt_at": start,
                    "created_at": start,
                }
            )
        session.execute(insert(AlertRow), alert_rows)
        session.execute(insert(DeliveryRow), deliveries)
    database.dispose()
    return {"articles": articles, "claims": claims, "alerts": alerts}


def serve(url: str) -> tuple[str, Any]:
    import uvicorn

    from monitor.web.app import create_app

    settings = load_settings(database_url=url, rules_dir=ROOT / "rules")
    app = create_app(settings, "127.0.0.1")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the desk did not start within 60 s")
        time.sleep(0.02)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server


def server_ms(base: str, path: str) -> float:
    with urllib.request.urlopen(base + path, timeout=120) as answer:
        answer.read()
        if answer.status != 200:
            raise RuntimeError(f"{path}: HTTP {answer.status}")
        timing = answer.headers["Server-Timing"]
    return float(timing.split("dur=")[1])


def measure(claims: int, alerts: int, repeats: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'web.db'}"
        counts = fill(url, claims, alerts)
        base, server = serve(url)
        try:
            timeline = "/topics/sujet-0/quantities/quantite-0"
            first_request = server_ms(base, timeline)  # the server's very first page
            server_ms(base, "/")
            # A chart drawn for the first time in a running desk (another quantity's).
            first_drawing = server_ms(base, "/topics/sujet-1/quantities/quantite-1")
            pages = {
                "alerts /": "/",
                "alerts, filtered": "/?kind=contradiction&topic=sujet-1",
                "alerts, last page": f"/?page={max(1, alerts // 50)}",
                "alert": f"/alerts/{max(1, alerts // 2)}",
                "timeline (kept chart)": timeline,
                "article": "/articles/7",
                "claims": "/claims",
                "claims, page 100": "/claims?page=100",
                "outbox": "/outbox",
                "sources": "/sources",
            }
            results = {}
            for name, path in pages.items():
                server_ms(base, path)  # warm the page's queries once
                times = [server_ms(base, path) for _ in range(repeats)]
                results[name] = statistics.median(times)
        finally:
            server.should_exit = True
    return {
        "rows": counts,
        "timeline_first_request_ms": first_request,
        "timeline_first_ms": first_drawing,
        "pages_ms": results,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--alerts", type=int, default=5_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    result = measure(options.claims, options.alerts, options.repeats)
    rows = result["rows"]
    print(
        f"Desk pages, server time (median of {options.repeats}), with "
        f"{format_number(rows['claims'])} claims, {format_number(rows['alerts'])} alerts, "
        f"{format_number(rows['articles'])} articles; target < {TARGET_MS:.0f} ms"
    )
    worst = 0.0
    for name, ms in result["pages_ms"].items():
        worst = max(worst, ms)
        print(f"  {name:<24} {ms:8.1f} ms")
    print(f"  {'timeline, first drawing':<24} {result['timeline_first_ms']:8.1f} ms")
    print(
        f"  {'first page after start':<24} {result['timeline_first_request_ms']:8.1f} ms"
        " (a timeline, once per server start)"
    )
    verdict = "met" if worst < TARGET_MS else "MISSED"
    print(f"slowest page {worst:.1f} ms: target {verdict}")
    if options.json:
        options.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
