"""On-topic ingest as the database grows: the same articles judged against a history of
10 000 and 50 000 stored claims, next to an empty database, in one run.

    python benchmarks/bench_history.py [--sizes 10000,50000] [--repeats 5] [--json F]

The articles are the five seed reports (real French text, on the shipped topic); their
claims are extracted once beforehand, so the figure is the cost of storing and judging
(``Pipeline.ingest``: rows, references, verdicts, alerts, outbox), the part that can grow
with history. The history is what a long story leaves: claims of the quantities the seed
reports speak of, spread over two years of earlier articles, with figures from 1 to
100 000 (seeded). Each repeat ingests the five articles into a fresh copy of each
database, the sizes taking turns; figures are medians per article, and each ratio is to
the empty database's. Target: at most 1.2 at 50 000.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from monitor.claims.extractor import find_claims  # noqa: E402
from monitor.fixtures import read_fixtures  # noqa: E402
from monitor.models import ArticleInput, Claim  # noqa: E402
from monitor.pipeline import Pipeline, content_hash  # noqa: E402
from monitor.rules.loader import load_rules  # noqa: E402
from monitor.rules.matchers import RuleBook, compile_rules  # noqa: E402
from monitor.storage import open_database  # noqa: E402
from monitor.storage.schema import ArticleRow, ClaimRow  # noqa: E402

TARGET = 1.2
CLAIMS_PER_ARTICLE = 10
QUALIFIERS = ["exact"] * 6 + ["approx", "at_least", "more_than", "range"]


def seed_articles() -> list[ArticleInput]:
    return [item.article for item in read_fixtures([ROOT / "seeds"]) if item.article]


def history_quantities(book: RuleBook, articles: list[ArticleInput]) -> list[tuple[str, str]]:
    """The (topic, quantity) pairs the seed reports' claims go to."""
    pairs: set[tuple[str, str]] = set()
    for article in articles:
        claims = find_claims(article.text, title=article.title, published=article.published)
        for topic in book.topics_for(f"{article.title}\n{article.text}"):
            for quantity, _ in book.assign_all(topic, claims, text=article.text):
                if quantity is not None:
                    pairs.add((topic.id, quantity.id))
    return sorted(pairs)


def fill(url: str, size: int, pairs: list[tuple[str, str]], seed: int) -> None:
    """Store ``size`` claims of ``pairs`` in earlier articles, with bulk inserts."""
    database = open_database(url)
    rng = random.Random(seed)
    start = datetime(2022, 1, 1, 12, tzinfo=UTC)
    now = datetime.now(UTC)
    articles, claims = [], []
    for number in range(size // CLAIMS_PER_ARTICLE):
        published = start + timedelta(minutes=number * 7)
        text = f"Archive {number}"
        articles.append(
            {
                "id": number + 1, "url": f"https://archive.example/{number}", "title": text,
                "text": text, "published": published, "first_seen": published,
                "updated_at": published, "judged_at": published,
                "content_hash": content_hash(text), "language": "fr",
            }
        )  # fmt: skip
        for index in range(CLAIMS_PER_ARTICLE):
            topic, quantity = rng.choice(pairs)
            value = round(10 ** rng.uniform(0, 5))
            qualifier = rng.choice(QUALIFIERS)
            low, high = float(value), float(value)
            if qualifier == "approx":
                low, high = value * 0.9, value * 1.1
            elif qualifier in ("at_least", "more_than"):
                high = None
            elif qualifier == "range":
                high = value * 1.5
            claims.append(
                {
                    "article_id": number + 1, "fingerprint": f"{number}-{index}",
                    "topic": topic, "quantity": quantity, "value_text": str(value),
                    "value": float(value), "low": low, "high": high, "qualifier": qualifier,
                    "unit": "count", "source": rng.choice(["NIS", "Kiev", "Pentagone", None]),
                    "modality": "asserted", "sentence": f"{value} soldats.", "span_start": 0,
                    "span_end": len(str(value)), "denial": False, "created_at": now,
                    "published": published,
                }
            )  # fmt: skip
    with database.session() as session:
        for rows, table in ((articles, ArticleRow), (claims, ClaimRow)):
            for offset in range(0, len(rows), 5000):
                session.execute(insert(table), rows[offset : offset + 5000])
    database.dispose()


def measure(sizes: list[int], repeats: int, seed: int) -> dict[int, float]:
    result = load_rules(ROOT / "rules")
    book = compile_rules(result.rule_sets)
    articles = seed_articles()
    extracted: dict[str, list[Claim]] = {
        article.text: find_claims(
            article.text, title=article.title, published=article.published, lexicon=book.lexicon
        )
        for article in articles
    }

    def finder(text: str, **_: Any) -> list[Claim]:
        return extracted[text]

    pairs = history_quantities(book, articles)
    work = Path(tempfile.mkdtemp(prefix="bench-history-"))
    try:
        templates = {}
        for size in [0, *sizes]:
            templates[size] = work / f"history-{size}.db"
            fill(f"sqlite:///{templates[size]}", size, pairs, seed)
            print(f"  history of {size:>6} claims stored", file=sys.stderr)
        spent: dict[int, list[float]] = {size: [] for size in templates}
        for repeat in range(repeats):
            for size, template in templates.items():
                copy = work / f"run-{repeat}-{size}.db"
                shutil.copy(template, copy)
                pipeline = Pipeline(open_database(f"sqlite:///{copy}"), book, finder=finder)
                started = time.perf_counter()
                for article in articles:
                    pipeline.ingest(article)
                spent[size].append((time.perf_counter() - started) / len(articles))
                pipeline.database.dispose()
                copy.unlink()
        return {size: statistics.median(values) for size, values in spent.items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--smoke", action="store_true", help="1 000 claims, one repeat")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    sizes = [1000] if options.smoke else [int(size) for size in options.sizes.split(",")]
    medians = measure(sizes, 1 if options.smoke else options.repeats, options.seed)
    empty = medians[0]
    print("On-topic ingest (claims given) per article, by claims already stored")
    figures = {}
    for size, seconds in medians.items():
        ratio = seconds / empty
        figures[str(size)] = {"ms_per_article": seconds * 1000, "ratio": ratio}
        verdict = "" if size == 0 else ("ok" if ratio <= TARGET else "MISSED")
        print(f"  {size:>6} claims  {seconds * 1000:7.1f} ms  {ratio:5.2f}x  {verdict}")
    print(f"target: at most {TARGET}x at the largest history")
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
