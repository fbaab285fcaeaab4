"""Run every benchmark and print each figure next to its reference measured in the same run.

    python benchmarks/run.py [--smoke] [--json out.json] [--seed 1] [--keep DIR]
                             [--repeats N] [--stage-articles N]
                             [--replay-sizes 1000,10000] [--memory-sizes 10000,100000]
                             [--crawl-pages 2000]

Sections (the corpus comes from ``benchmarks/corpus.py``, seeded):

1. cost per article of each step (``bench_pipeline.py``): trafilatura's extraction is
   the reference; claim extraction, rules engine, database write and the full pipeline
   from saved HTML, for all articles and for the on-topic ones;
2. replay throughput and resident memory (``bench_replay.py``, one child process per
   measurement so each starts clean): from HTML and from text at each replay size, then
   one streamed replay of the largest memory size recording RSS at each memory size;
3. rule scaling (``bench_rules.py``): engine cost with 1, 10 and 100 topics;
4. crawl throughput against the generated news site served on 127.0.0.1
   (``bench_crawl.py``, ``--crawl-pages`` article pages, 2 000 by default);
5. claim extraction on real pages (``bench_claims.py``, when present);
6. start-up of short commands next to ``python -c pass`` (``bench_startup.py``);
7. on-topic ingest with 10 000 and 50 000 claims stored, next to an empty database
   (``bench_history.py``);
8. ``monitor replay`` with one worker and with one per core (``bench_replay_jobs.py``).

Timings are medians over ``--repeats``; ratios compare figures of the same run, so they
hold on a busy machine where absolute times do not. ``--smoke`` runs tiny sizes (30
articles, one repeat) in seconds, to keep the benchmarks from rotting in CI; no figure is
ever asserted. Exit status: 0 when every benchmark ran, 1 otherwise; a missed target and
an exception raised by a measured step (counted, with an example article) are reported,
not errors.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import bench_rules  # noqa: E402
from benchmarks.bench_pipeline import measure_stages  # noqa: E402
from benchmarks.corpus import generate_corpus  # noqa: E402

BENCHMARKS = ROOT / "benchmarks"
TARGETS = {
    "claims_vs_extract": 1.0,
    "full_vs_extract": 1.5,
    "crawl_vs_fetch_extract": 1.5,
    "topics_100_vs_1": 3.0,
    "memory_growth_mb": 50.0,
    "peak_rss_mb": 450.0,
}
STAGE_LABELS = {
    "extract": "trafilatura extraction (reference)",
    "claims": "claim extraction",
    "engine": "rules engine",
    "store": "database write (ingest, claims given)",
    "full": "full pipeline from saved HTML",
}


def child_environment() -> dict[str, str]:
    environment = dict(os.environ)
    path = environment.get("PYTHONPATH")
    environment["PYTHONPATH"] = f"{ROOT}{os.pathsep}{path}" if path else str(ROOT)
    return environment


def run_child(arguments: list[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=child_environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# Sections that run a benchmark script of their own: its file and the section's title.
SCRIPTED = {
    "claims": ("bench_claims.py", "5. Claim extraction next to trafilatura (bench_claims.py)"),
    "startup": ("bench_startup.py", "6. Start-up of short commands (bench_startup.py)"),
    "history": ("bench_history.py", "7. On-topic ingest as the history grows (bench_history.py)"),
    "cores": ("bench_replay_jobs.py", "8. Replay on every core (bench_replay_jobs.py)"),
}
FORMAT_PATHS = {"txt": "txt", "html": "html", "jsonl": "articles.jsonl", "site": "site"}
SECTIONS = (
    "stages", "replay", "memory", "rules", "crawl", "claims", "startup", "history", "cores",
)  # fmt: skip


def write_corpus(articles: int, seed: int, out: Path, formats: str) -> Path:
    """Generate the formats missing from ``out``, in a child process (a big corpus stays
    out of this process)."""
    missing = [name for name in formats.split(",") if not (out / FORMAT_PATHS[name]).exists()]
    if missing:
        done = run_child(
            [str(BENCHMARKS / "corpus.py"), "--articles", str(articles), "--seed", str(seed),
             "--out", str(out), "--formats", ",".join(missing)],
            timeout=3600,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"corpus generation failed:\n{done.stderr}")
    return out


def replay_child(
    source: Path, work: Path, *, stream: bool, checkpoints: list[int]
) -> dict[str, Any]:
    output = work / f"replay-{source.parent.name}-{source.name}-{int(stream)}.json"
    arguments = [str(BENCHMARKS / "bench_replay.py"), str(source), "--json", str(output)]
    if stream:
        arguments += ["--stream", "--checkpoints", ",".join(str(c) for c in checkpoints)]
    done = run_child(arguments, timeout=6 * 3600)
    if done.returncode != 0:
        raise RuntimeError(f"bench_replay.py {source} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(output.read_text())
    return result


def optional_benchmark(name: str, *, smoke: bool, work: Path, site: Path | None) -> dict[str, Any]:
    """Run ``benchmarks/<name>`` if it exists, with the options its --help offers."""
    script = BENCHMARKS / name
    if not script.exists():
        return {"available": False}
    usage = run_child([str(script), "--help"], timeout=120).stdout
    output = work / f"{script.stem}.json"
    arguments = [str(script)]
    if "--json" in usage:
        arguments += ["--json", str(output)]
    if smoke and "--smoke" in usage:
        arguments += ["--smoke"]
    elif smoke and "--repeats" in usage:
        arguments += ["--repeats", "1"]
    if site is not None and "--site" in usage:
        arguments += ["--site", str(site)]
    started = time.perf_counter()
    done = run_child(arguments, timeout=600 if smoke else 3 * 3600)
    result: dict[str, Any] = {
        "available": True,
        "command": " ".join(["python", *[str(Path(a).relative_to(ROOT)) if a == str(script)
                                         else a for a in arguments]]),
        "returncode": done.returncode,
        "seconds": time.perf_counter() - started,
        "stdout": done.stdout,
    }  # fmt: skip
    if done.returncode != 0:
        result["stderr"] = done.stderr[-3000:]
    if output.exists():
        result["figures"] = json.loads(output.read_text())
    return result


# -- printing ---------------------------------------------------------------------------


def number(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:,.{digits}f}".replace(",", " ")


def verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "n/a"
    return "ok" if value <= limit else "MISSED"


def print_stages(result: dict[str, Any]) -> None:
    print(
        f"\n1. Cost per article by step — {result['articles']} generated articles "
        f"({result['on_topic']} on-topic of which {result.get('on_topic_copies', 0)} copies, "
        f"{result['copies']} syndicated copies in all, pages of "
        f"{result['page_kib']:.0f} KiB), median of {result['repeats']}"
    )
    print(f"   {'step':<40} {'ms/article':>10} {'ratio':>6}  {'on-topic ms':>11} {'ratio':>6}")
    for row in result["stages"]:
        print(
            f"   {STAGE_LABELS[row['stage']]:<40} {number(row['ms_per_article']):>10} "
            f"{number(row['ratio']):>6}  {number(row['on_topic_ms_per_article']):>11} "
            f"{number(row['on_topic_ratio']):>6}"
        )
    real = result.get("real_pages")
    if real:
        print(
            f"   for scale: trafilatura on {real['pages']} real saved French pages "
            f"({real['page_kib']:.0f} KiB): {real['ms_per_page']:.1f} ms/page"
        )
    for failure in result.get("failures", []):
        print(
            f"   ERROR in {failure['stage']}: {failure['error']} on {failure['articles']} "
            f"articles (e.g. {failure['example']})"
        )


def print_replay(rows: list[dict[str, Any]], reference_ms: float | None) -> None:
    print("\n2. Replay throughput, one process per row (reference: trafilatura ms/article, §1)")
    print(
        f"   {'source':<6} {'articles':>8} {'art/s':>7} {'ms/art':>7} {'vs traf.':>8} "
        f"{'read s':>7} {'ingest s':>8} {'RSS start':>9} {'peak RSS':>8} {'alerts':>6}"
    )
    for row in rows:
        ratio = row["ms_per_article"] / reference_ms if reference_ms else None
        print(
            f"   {row['label']:<6} {row['articles']:>8} {number(row['articles_per_second'], 1):>7} "
            f"{number(row['ms_per_article']):>7} {number(ratio):>8} "
            f"{number(row['read_seconds'], 1):>7} {number(row['ingest_seconds'], 1):>8} "
            f"{number(row['rss_after_startup_mb'], 0):>9} {number(row['peak_rss_mb'], 0):>8} "
            f"{row['alerts']:>6}"
        )


def print_memory(memory: dict[str, Any]) -> None:
    points = memory["checkpoints"]
    print(
        "\n   Resident memory, streamed replay from text (JSON lines) in one child process "
        f"(reference: RSS after startup, model loaded: {memory['rss_after_startup_mb']:.0f} MB)"
    )
    for point in points:
        print(
            f"   after {point['articles']:>7} articles: {point['rss_mb']:>6.0f} MB "
            f"(+{point['rss_mb'] - memory['rss_after_startup_mb']:.0f} MB), "
            f"{point['seconds']:.0f} s"
        )
    print(
        f"   growth {memory['from']} -> {memory['to']} articles: {memory['growth_mb']:.1f} MB; "
        f"peak RSS {memory['peak_rss_mb']:.0f} MB; "
        f"{memory['articles_per_second']:.1f} articles/s overall"
    )


def print_rules(rows: list[dict[str, Any]], articles: int, repeats: int) -> None:
    print(f"\n3. Rule scaling — engine cost per article, {articles} articles, median of {repeats}")
    print(f"   {'topics':>6} {'quantities':>10} {'µs/article':>11} {'ratio':>6}")
    for row in rows:
        print(
            f"   {row['topics']:>6} {row['quantities']:>10} {row['us_per_article']:>11.1f} "
            f"{row['ratio']:>6.2f}"
        )


def print_optional(title: str, result: dict[str, Any]) -> None:
    print(f"\n{title}")
    if not result["available"]:
        print("   not available yet")
        return
    print(f"   $ {result['command']}  ({result['seconds']:.0f} s, exit {result['returncode']})")
    for line in result["stdout"].rstrip().splitlines():
        print(f"   {line}")
    if result["returncode"] != 0:
        for line in result.get("stderr", "").rstrip().splitlines()[-15:]:
            print(f"   ! {line}")


def print_targets(targets: list[dict[str, Any]]) -> None:
    print("\nTargets")
    for target in targets:
        print(
            f"   {target['name']:<58} {number(target['value']):>8} "
            f"{target['comparison']} {target['limit']:<6} {target['verdict']}"
        )


# -- targets ----------------------------------------------------------------------------


def targets_of(
    stages: dict[str, Any] | None,
    replays: list[dict[str, Any]],
    memory: dict[str, Any] | None,
    rules: list[dict[str, Any]] | None,
    low: int,
    high: int,
    crawl: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Each target with the figure measured for it in this run (sections run only)."""
    measured: list[tuple[str, float | None, str]] = []
    if stages is not None:
        by_stage = {row["stage"]: row for row in stages["stages"]}
        measured += [
            ("claim extraction / trafilatura, all articles", by_stage["claims"]["ratio"],
             "claims_vs_extract"),
            ("claim extraction / trafilatura, on-topic articles",
             by_stage["claims"]["on_topic_ratio"], "claims_vs_extract"),
            ("full pipeline from HTML / trafilatura, all articles", by_stage["full"]["ratio"],
             "full_vs_extract"),
            ("full pipeline from HTML / trafilatura, on-topic articles",
             by_stage["full"]["on_topic_ratio"], "full_vs_extract"),
        ]  # fmt: skip
    if crawl is not None:
        measured.append(
            (f"full crawl / (fetch + trafilatura), {crawl['pages']} pages", crawl["ratio"],
             "crawl_vs_fetch_extract")
        )  # fmt: skip
    if rules is not None:
        measured.append(("100 topics / 1 topic (engine)", rules[-1]["ratio"], "topics_100_vs_1"))
    if memory is not None:
        measured.append(
            (f"RSS growth {low} -> {high} articles, streamed (MB)", memory["growth_mb"],
             "memory_growth_mb")
        )  # fmt: skip
    for row in ([memory] if memory else []) + replays:
        how = "streamed" if row["stream"] else f"{row['label']}, read_fixtures"
        measured.append(
            (f"peak RSS, {row['articles']} articles ({how}) (MB)", row["peak_rss_mb"],
             "peak_rss_mb")
        )  # fmt: skip
    return [
        {
            "name": name,
            "value": value,
            "comparison": "<=" if key != "peak_rss_mb" else "<",
            "limit": TARGETS[key],
            "verdict": verdict(value, TARGETS[key]),
        }
        for name, value, key in measured
    ]


# -- main -------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    return [int(size) for size in text.split(",") if size.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one repeat (CI)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, help="repeats of in-process timings")
    parser.add_argument("--stage-articles", type=int, help="articles for sections 1 and 3")
    parser.add_argument("--replay-sizes", help="articles per replay run, e.g. 1000,10000")
    parser.add_argument("--memory-sizes", help="RSS checkpoints of the streamed replay")
    parser.add_argument("--crawl-pages", type=int, help="article pages of the crawled site")
    parser.add_argument("--keep", type=Path, help="generate corpora here and keep them")
    parser.add_argument(
        "--sections", default=",".join(SECTIONS), help=f"subset of {','.join(SECTIONS)}"
    )
    options = parser.parse_args()
    sections = {name.strip() for name in options.sections.split(",") if name.strip()}
    if sections - set(SECTIONS):
        parser.error(f"unknown sections {sorted(sections - set(SECTIONS))}")
    smoke = options.smoke
    repeats = options.repeats or (1 if smoke else 5)
    stage_articles = options.stage_articles or (30 if smoke else 200)
    replay_sizes = parse_sizes(options.replay_sizes or ("30" if smoke else "1000,10000"))
    memory_sizes = parse_sizes(options.memory_sizes or ("30,60" if smoke else "10000,100000"))
    crawl_pages = options.crawl_pages or (60 if smoke else 2000)

    started = time.perf_counter()
    work = options.keep or Path(tempfile.mkdtemp(prefix="monitor-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {
        "meta": {
            "smoke": smoke,
            "seed": options.seed,
            "repeats": repeats,
            "stage_articles": stage_articles,
            "replay_sizes": replay_sizes,
            "memory_sizes": memory_sizes,
            "crawl_pages": crawl_pages,
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
        }
    }
    failed = False
    try:
        print(
            f"Benchmarks ({'smoke' if smoke else 'full'}), seed {options.seed}, corpora in {work}"
        )
        articles = generate_corpus(stage_articles, options.seed)
        stages: dict[str, Any] | None = None
        reference_ms = None
        if "stages" in sections:
            real_pages = ROOT / "tests" / "data" / "pages" if smoke else None
            stages = measure_stages(articles, repeats=repeats, real_pages=real_pages)
            report["stages"] = stages
            print_stages(stages)
            reference_ms = stages["stages"][0]["ms_per_article"]

        replays: list[dict[str, Any]] = []
        for size in replay_sizes if "replay" in sections else []:
            corpus = write_corpus(size, options.seed, work / f"corpus-{size}", "txt,html")
            for label in ("html", "txt"):
                row = replay_child(corpus / label, work, stream=False, checkpoints=[])
                replays.append({"label": label, **row})
        if replays:
            report["replay"] = replays
            print_replay(replays, reference_ms)

        memory: dict[str, Any] | None = None
        low, high = min(memory_sizes), max(memory_sizes)
        if "memory" in sections:
            corpus = write_corpus(high, options.seed, work / f"corpus-{high}", "jsonl")
            streamed = replay_child(
                corpus / "articles.jsonl", work, stream=True, checkpoints=memory_sizes
            )
            points = {point["articles"]: point["rss_mb"] for point in streamed["checkpoints"]}
            memory = {
                **streamed,
                "from": low,
                "to": high,
                "growth_mb": points[high] - points[low] if low != high else 0.0,
            }
            report["memory"] = memory
            print_memory(memory)

        rules: list[dict[str, Any]] | None = None
        if "rules" in sections:
            rule_corpus = [(article.text, article.title) for article in articles]
            rules = bench_rules.measure(rule_corpus, sizes=[1, 10, 100], repeats=repeats)
            report["rules"] = rules
            print_rules(rules, len(rule_corpus), repeats)

        if "crawl" in sections:
            site = None
            if (BENCHMARKS / "bench_crawl.py").exists():
                site_corpus = write_corpus(
                    crawl_pages, options.seed, work / f"site-{crawl_pages}", "site"
                )
                site = site_corpus / "site"
            report["crawl"] = optional_benchmark(
                "bench_crawl.py", smoke=smoke, work=work, site=site
            )
            print_optional("4. Crawl throughput against the local fixture site", report["crawl"])
        for name, (script, title) in SCRIPTED.items():
            if name in sections:
                report[name] = optional_benchmark(script, smoke=smoke, work=work, site=None)
                print_optional(title, report[name])
        failed |= any(
            report[name]["available"] and report[name]["returncode"] != 0
            for name in ("crawl", *SCRIPTED)
            if name in report
        )
        crawl = report.get("crawl", {}).get("figures")
        report["targets"] = targets_of(stages, replays, memory, rules, low, high, crawl)
        print_targets(report["targets"])
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        print(f"\nError: {exc}", file=sys.stderr)
        failed = True
    finally:
        report["seconds"] = time.perf_counter() - started
        print(f"\nTotal time: {report['seconds']:.0f} s")
        if options.json:
            options.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
