"""Claim extraction speed next to trafilatura's extraction of the same articles.

    PYTHONPATH=. python benchmarks/bench_claims.py [--repeats N] [--pages DIR]

Articles: the seed texts (wrapped in simple HTML for the trafilatura reference) and the
French pages of the shared corpus (extracted to text with trafilatura first). For each
article, the median over the repeats of each step is taken; the totals of these medians
give articles per second. The spaCy model is loaded once, before timing, and its load
time is printed apart. Both steps are measured in the same run, so the ratio
(claims time / trafilatura time) does not depend on the machine's speed.
"""

from __future__ import annotations

import argparse
import html
import statistics
import time
from pathlib import Path

import trafilatura

from monitor.claims import parsing
from monitor.claims.extractor import find_claims
from monitor.claims.parsing import load_model
from monitor.claims.qualifiers import find_quantities

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = Path("/work/shared/corpus/french-pages")


def seed_pages() -> list[tuple[str, str]]:
    pages = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        paragraphs = path.read_text(encoding="utf-8").split("\n")
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p.strip())
        page = (
            "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>Article</title>"
            f"</head><body><article>{body}</article></body></html>"
        )
        pages.append((path.name, page))
    return pages


def corpus_pages(directory: Path) -> list[tuple[str, str]]:
    if not directory.is_dir():
        return []
    return [
        (path.name, path.read_bytes().decode("utf-8", errors="replace"))
        for path in sorted(directory.glob("*.html"))
    ]


def interleaved_medians(page: str, text: str, repeats: int) -> tuple[float, float, float]:
    """Median seconds of trafilatura on ``page``, of find_claims on ``text`` and of
    reading the numbers of ``text`` alone (a part of find_claims).

    The three are timed in turns, so a change in the machine's load touches all alike.
    """
    extract_times: list[float] = []
    claims_times: list[float] = []
    number_times: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        trafilatura.extract(page)
        extract_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        find_claims(text)
        claims_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        find_quantities(text)
        number_times.append(time.perf_counter() - start)
    return (
        statistics.median(extract_times),
        statistics.median(claims_times),
        statistics.median(number_times),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument(
        "--model", default=parsing.MODEL_NAME, help="spaCy pipeline (e.g. fr_core_news_md)"
    )
    arguments = parser.parse_args()
    parsing.MODEL_NAME = arguments.model  # before the first load

    start = time.perf_counter()
    load_model()
    print(f"model load (excluded from timings): {time.perf_counter() - start:.2f} s")

    rows = []
    for name, page in seed_pages() + corpus_pages(arguments.pages):
        text = trafilatura.extract(page, favor_precision=False) or ""
        if not text.strip():
            continue
        count = len(find_claims(text))  # also a warm-up
        extract_time, claims_time, number_time = interleaved_medians(page, text, arguments.repeats)
        rows.append((name, len(text), count, extract_time, claims_time, number_time))

    print(f"{'article':<42} {'chars':>7} {'claims':>6} {'trafilatura':>12} {'claims':>9}")
    for name, chars, count, extract_time, claims_time, _ in rows:
        print(
            f"{name[:42]:<42} {chars:>7} {count:>6} {extract_time * 1000:>10.1f}ms"
            f" {claims_time * 1000:>7.1f}ms"
        )
    total_extract = sum(row[3] for row in rows)
    total_claims = sum(row[4] for row in rows)
    print(f"articles: {len(rows)}, repeats: {arguments.repeats} (medians)")
    print(f"trafilatura extraction: {len(rows) / total_extract:.1f} articles/s")
    print(f"claim extraction:       {len(rows) / total_claims:.1f} articles/s")
    print(f"ratio claims/trafilatura time: {total_claims / total_extract:.2f} (target < 1.0)")
    total_numbers = sum(row[5] for row in rows)
    print(f"number reading / claim extraction time: {total_numbers / total_claims:.0%}")


if __name__ == "__main__":
    main()
