"""Rule engine cost per article with 1, 10 and 100 topics of 10 quantities each.

Claims are extracted once beforehand, so the figures measure the engine alone: finding
the topics of the article, the quantity of each claim, and the verdict against the
references. Run from the repository root:

    python benchmarks/bench_rules.py [--repeats 5] [--sizes 1,10,100] [--load 1000]
                                     [--json out.json]

Prints median microseconds per article for each size and the ratio to one topic
(target: 100 topics cost less than 3x one topic), then the time to load and compile
``--load`` copies of the shipped rule file (16 quantities, sources, examples each), as
the daemon does at start and on every reload (target: 1 000 files in under a second).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import synthetic_rules  # noqa: E402
from monitor.claims.extractor import find_claims  # noqa: E402
from monitor.extract import extract_article  # noqa: E402
from monitor.fixtures import read_fixtures  # noqa: E402
from monitor.models import Claim, Lexicon  # noqa: E402
from monitor.rules.engine import Figure, judge  # noqa: E402
from monitor.rules.matchers import RuleBook  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "french-pages"


def articles() -> list[tuple[str, str | None]]:
    texts = [
        (item.article.text, item.article.title)
        for item in read_fixtures([ROOT / "seeds"])
        if item.article
    ]
    for path in sorted(CORPUS.glob("*.html")):
        try:
            page = extract_article(path.read_bytes())
        except ValueError:
            continue
        texts.append((page.text, page.title))
    return texts


def engine_pass(book: RuleBook, article: tuple[str, str | None], claims: list[Claim]) -> int:
    """What the pipeline asks of the engine for one article, without the database."""
    text, title = article
    raised = 0
    topics = book.topics_for(f"{title or ''}\n{text}")
    references: dict[tuple[str, str], list[Figure]] = {}
    for claim in claims:
        for topic in topics:
            quantity = book.quantity_for(topic, claim)
            if quantity is None:
                continue
            figure = Figure(claim.low, claim.high, claim.qualifier, claim.value, claim.source)
            seen = references.setdefault((topic.id, quantity.id), [])
            verdict = judge(
                figure, seen, cumulative=quantity.spec.kind == "cumulative", alerting=topic.alerting
            )
            raised += verdict is not None
            seen.append(figure)
    return raised


Article = tuple[str, str | None]


def safe_claims(text: str, title: str | None, lexicon: Lexicon) -> list[Claim]:
    """The claims of an article; none when the extractor fails (the engine is timed here)."""
    try:
        return find_claims(text, title=title, lexicon=lexicon)
    except Exception:
        return []


def measure(
    corpus: list[Article],
    *,
    sizes: list[int],
    repeats: int,
    claims: list[list[Claim]] | None = None,
) -> list[dict[str, float]]:
    """Median engine cost per article for each number of topics, and its ratio to the first.

    ``claims`` (one list per article) are extracted here when not given.
    """
    import tempfile

    books: dict[int, RuleBook] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            books[size] = synthetic_rules(size, Path(folder))
    if claims is None:
        lexicon = books[max(books)].lexicon
        claims = [safe_claims(text, title, lexicon) for text, title in corpus]
    timings: dict[int, list[float]] = {size: [] for size in books}
    for book in books.values():  # warm-up, untimed
        for article, found in zip(corpus, claims, strict=True):
            engine_pass(book, article, found)
    for repeat in range(repeats):
        # Interleaved and rotated, so noise and warm-up hit every size alike.
        for size in sizes[repeat % len(sizes) :] + sizes[: repeat % len(sizes)]:
            book = books[size]
            start = time.perf_counter()
            for article, found in zip(corpus, claims, strict=True):
                engine_pass(book, article, found)
            timings[size].append((time.perf_counter() - start) / len(corpus))
    base = statistics.median(timings[sizes[0]])
    return [
        {
            "topics": size,
            "quantities": sum(len(topic.quantities) for topic in books[size].topics),
            "us_per_article": statistics.median(values) * 1e6,
            "ratio": statistics.median(values) / base,
        }
        for size, values in timings.items()
    ]


def load_time(count: int) -> dict[str, float]:
    """Seconds to load (read, parse, validate) and to compile ``count`` rule files."""
    import tempfile

    from monitor.rules.loader import load_rules
    from monitor.rules.matchers import compile_rules

    shipped = (ROOT / "rules" / "coree-du-nord-russie.yaml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        for number in range(count):
            text = shipped.replace("id: coree-du-nord-russie", f"id: topic-{number}", 1)
            (Path(folder) / f"topic-{number}.yaml").write_text(text, encoding="utf-8")
        start = time.perf_counter()
        loaded = load_rules(Path(folder))
        loading = time.perf_counter() - start
        if len(loaded.rule_sets) != count:
            raise SystemExit(f"only {len(loaded.rule_sets)} of {count} files loaded")
        start = time.perf_counter()
        compile_rules(loaded.rule_sets)
        compiling = time.perf_counter() - start
    return {"files": count, "load_s": loading, "compile_s": compiling}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--load", type=int, default=1000, help="rule files to load (0: none)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    corpus = articles()
    sizes = [int(size) for size in options.sizes.split(",")]
    results = measure(corpus, sizes=sizes, repeats=options.repeats)
    print(f"engine cost per article, {len(corpus)} articles, median of {options.repeats}")
    print(f"{'topics':>8} {'quantities':>11} {'µs/article':>12} {'ratio':>7}")
    for row in results:
        print(
            f"{row['topics']:>8} {row['quantities']:>11} {row['us_per_article']:>12.1f}"
            f" {row['ratio']:>7.2f}"
        )
    print("target: 100 topics < 3.00x one topic")
    loading = load_time(options.load) if options.load else None
    if loading:
        total = loading["load_s"] + loading["compile_s"]
        print(
            f"loading {loading['files']} rule files: {total:.2f} s (read and validate "
            f"{loading['load_s']:.2f} s, compile {loading['compile_s']:.2f} s); target < 1 s"
        )
    if options.json:
        options.json.write_text(json.dumps({"engine": results, "loading": loading}, indent=2))


if __name__ == "__main__":
    main()
