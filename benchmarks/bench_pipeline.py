"""Cost per article of each step of the ingest path, next to trafilatura's extraction.

    python benchmarks/bench_pipeline.py [--articles 200] [--seed 1] [--repeats 5] [--json F]

On the same generated articles (see ``benchmarks/corpus.py``), each article goes through
every step back to back, in an order that rotates from one article to the next so that
noise and cache effects hit every step alike:

- ``extract``: :func:`monitor.extract.extract_article` on the saved page (the reference);
- ``claims``: :func:`monitor.claims.extractor.find_claims` on the extracted text;
- ``engine``: the rules engine alone, in memory (topics, quantities, verdicts);
- ``store``: :meth:`monitor.pipeline.Pipeline.ingest` with the claims already extracted,
  into SQLite: hashing, duplicate checks, rows, references, verdicts, alerts, outbox;
- ``full``: what ``monitor replay`` does with a saved page: read it
  (:func:`monitor.fixtures.read_html`, which extracts) and ingest it (claims extracted
  only for articles about a topic, as the pipeline does).

Each repeat starts from empty databases. Figures are medians over the repeats of the
time per article, for all articles and for the on-topic ones alone, and ratios to
``extract`` measured in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_rules import engine_pass  # noqa: E402
from benchmarks.corpus import (  # noqa: E402
    RULES,
    CorpusArticle,
    generate_corpus,
    index_entries,
    related_links,
    render_page,
)
from monitor.claims.extractor import find_claims  # noqa: E402
from monitor.claims.parsing import load_model  # noqa: E402
from monitor.extract import ExtractionRejected, extract_article  # noqa: E402
from monitor.fixtures import read_html  # noqa: E402
from monitor.models import ArticleInput, Claim  # noqa: E402
from monitor.pipeline import Pipeline  # noqa: E402
from monitor.rules.loader import load_rules  # noqa: E402
from monitor.rules.matchers import RuleBook, compile_rules  # noqa: E402
from monitor.storage import open_database  # noqa: E402

STAGES = ("extract", "claims", "engine", "store", "full")
REAL_PAGES = [ROOT / "tests" / "data" / "pages", ROOT.parent / "shared" / "corpus" / "french-pages"]


@dataclass
class Prepared:
    """One article ready for every step: its page, what reading it gives, its claims."""

    article: CorpusArticle
    name: str
    page: bytes
    entry: dict[str, Any]
    read: ArticleInput
    claims: list[Claim]


def shipped_rules() -> RuleBook:
    result = load_rules(RULES)
    if not result.rule_sets:
        raise SystemExit(f"no rule file could be loaded from {RULES}: {result.problems}")
    return compile_rules(result.rule_sets)


def prepare(articles: list[CorpusArticle], book: RuleBook) -> list[Prepared]:
    """Pages, read articles and claims, computed once (this also warms every cache up)."""
    entries = index_entries(articles, "html")
    prepared = []
    for article, entry in zip(articles, entries, strict=True):
        page = render_page(article, related_links(articles, article)).encode("utf-8")
        item = read_html(Path(entry["file"]), page, entry)
        if item.article is None:
            raise SystemExit(f"generated page {entry['file']} rejected: {item.problem}")
        read = item.article
        try:
            claims = find_claims(
                read.text, title=read.title, published=read.published, lexicon=book.lexicon
            )
        except Exception:  # counted and reported by the timed pass
            claims = []
        prepared.append(Prepared(article, entry["file"], page, entry, read, claims))
    return prepared


def measure_stages(
    articles: list[CorpusArticle],
    *,
    repeats: int,
    book: RuleBook | None = None,
    real_pages: Path | None = None,
) -> dict[str, Any]:
    """Median seconds per article of each stage (all, on-topic), and ratios to extract."""
    book = book or shipped_rules()
    load_model()
    prepared = prepare(articles, book)
    by_text = {item.read.text: item.claims for item in prepared}

    def cached_finder(text: str, **_: Any) -> list[Claim]:
        return by_text[text]

    failures: dict[str, dict[str, list[str]]] = {}
    totals: dict[str, list[float]] = {stage: [] for stage in STAGES}
    on_topic_totals: dict[str, list[float]] = {stage: [] for stage in STAGES}
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as folder:
        for repeat in range(repeats):
            stored = Pipeline(
                open_database(f"sqlite:///{folder}/store-{repeat}.db"), book, finder=cached_finder
            )
            full = Pipeline(open_database(f"sqlite:///{folder}/full-{repeat}.db"), book)
            steps: dict[str, Callable[[Prepared], object]] = {
                "extract": lambda item: extract_article(item.page, url=item.article.url),
                "claims": lambda item: find_claims(
                    item.read.text,
                    title=item.read.title,
                    published=item.read.published,
                    lexicon=book.lexicon,
                ),
                "engine": lambda item: engine_pass(
                    book, (item.read.text, item.read.title), item.claims
                ),
                "store": lambda item, stored=stored: stored.ingest(item.read),
                "full": lambda item, full=full: full_ingest(full, item),
            }
            spent = dict.fromkeys(STAGES, 0.0)
            spent_on_topic = dict.fromkeys(STAGES, 0.0)
            for index, item in enumerate(prepared):
                shift = (index + repeat) % len(STAGES)
                for stage in STAGES[shift:] + STAGES[:shift]:
                    start = time.perf_counter()
                    try:
                        steps[stage](item)
                    except Exception as exc:  # a crash is a finding: count it, go on
                        failures.setdefault(stage, {}).setdefault(
                            f"{type(exc).__name__}: {exc}", []
                        ).append(item.name)
                    elapsed = time.perf_counter() - start
                    spent[stage] += elapsed
                    if item.article.on_topic:
                        spent_on_topic[stage] += elapsed
            stored.database.dispose()
            full.database.dispose()
            on_topic_count = sum(item.article.on_topic for item in prepared)
            for stage in STAGES:
                totals[stage].append(spent[stage] / len(prepared))
                if on_topic_count:
                    on_topic_totals[stage].append(spent_on_topic[stage] / on_topic_count)
    result = summarise(totals, on_topic_totals, prepared, repeats)
    result["real_pages"] = measure_real_pages(repeats, real_pages)
    result["failures"] = [
        {
            "stage": stage,
            "error": error,
            "articles": len(set(names)),
            "example": sorted(set(names))[0],
        }
        for stage, errors in failures.items()
        for error, names in errors.items()
    ]
    return result


def full_ingest(pipeline: Pipeline, item: Prepared) -> object:
    read = read_html(Path(item.name), item.page, item.entry)
    if read.article is None:
        raise SystemExit(f"{item.name}: {read.problem}")
    return pipeline.ingest(read.article)


def summarise(
    totals: dict[str, list[float]],
    on_topic_totals: dict[str, list[float]],
    prepared: list[Prepared],
    repeats: int,
) -> dict[str, Any]:
    def medians(values: dict[str, list[float]]) -> dict[str, float | None]:
        return {stage: statistics.median(v) if v else None for stage, v in values.items()}

    every, on_topic = medians(totals), medians(on_topic_totals)
    rows = []
    for stage in STAGES:
        all_seconds, topic_seconds = every[stage], on_topic[stage]
        reference, topic_reference = every["extract"], on_topic["extract"]
        rows.append(
            {
                "stage": stage,
                "ms_per_article": all_seconds * 1e3 if all_seconds is not None else None,
                "ratio": all_seconds / reference if all_seconds and reference else None,
                "on_topic_ms_per_article": topic_seconds * 1e3 if topic_seconds else None,
                "on_topic_ratio": (
                    topic_seconds / topic_reference if topic_seconds and topic_reference else None
                ),
            }
        )
    return {
        "articles": len(prepared),
        "on_topic": sum(item.article.on_topic for item in prepared),
        "copies": sum(item.article.copy_of is not None for item in prepared),
        "on_topic_copies": sum(
            item.article.on_topic and item.article.copy_of is not None for item in prepared
        ),
        "page_kib": statistics.median(len(item.page) for item in prepared) / 1024,
        "repeats": repeats,
        "stages": rows,
    }


def measure_real_pages(repeats: int, folder: Path | None = None) -> dict[str, Any] | None:
    """trafilatura on real saved French pages, to tell how representative the corpus is.

    By default the shared corpus of French pages when present, else the repository's.
    """
    if folder is None:
        folder = next((path for path in reversed(REAL_PAGES) if path.is_dir()), None)
    if folder is None:
        return None
    pages = [path.read_bytes() for path in sorted(folder.glob("*.html"))]
    timings = []
    for _ in range(max(repeats, 1)):
        start = time.perf_counter()
        for page in pages:
            with contextlib.suppress(ExtractionRejected):
                extract_article(page)
        timings.append((time.perf_counter() - start) / len(pages))
    return {
        "folder": str(folder),
        "pages": len(pages),
        "page_kib": statistics.median(len(page) for page in pages) / 1024,
        "ms_per_page": statistics.median(timings) * 1e3,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    result = measure_stages(
        generate_corpus(options.articles, options.seed), repeats=options.repeats
    )
    print(json.dumps(result, indent=2))
    if options.json:
        options.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
