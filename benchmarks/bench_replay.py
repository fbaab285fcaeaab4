"""Replay throughput and resident memory of one process, as ``monitor replay`` runs.

    python benchmarks/bench_replay.py INPUT [--db URL] [--stream] [--checkpoints N,M]
                                      [--json FILE]

INPUT is a corpus folder (``txt/`` or ``html/`` with ``index.yaml``) or a ``.jsonl``
file written by ``benchmarks/corpus.py``. The process loads the shipped rules and the
French model, opens a fresh SQLite database, then ingests every article the way
``monitor replay`` does (one transaction per article, in date order) and reports:

- ``startup_seconds`` and ``rss_after_startup_mb``: rules, model and database ready;
- ``read_seconds``: planning the fixtures (``plan_fixtures``: parsing the index and the
  JSON lines' dates, extracting saved pages); ``ingest_seconds``: reading the texts and
  the pipeline;
- ``articles_per_second`` over read + ingest;
- ``rss_mb`` at each checkpoint (articles ingested so far) and ``peak_rss_mb``.

Without ``--stream`` the articles are read as ``monitor replay`` reads them: planned in
date order, then read one at a time (saved pages keep their extracted text until their
turn). With ``--stream`` (JSON lines only, already in date order) each line is read as
it comes, without planning: the memory figures are those of the pipeline alone, as in a
daemon that never stops. Run it in a child process of its own so it starts clean.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_pipeline import shipped_rules  # noqa: E402
from monitor.claims.parsing import load_model  # noqa: E402
from monitor.fixtures import FixtureItem, plan_fixtures, read_json_line  # noqa: E402
from monitor.pipeline import Pipeline, RunStats  # noqa: E402
from monitor.storage import open_database  # noqa: E402


def status_mb(field: str) -> float | None:
    """A memory field of /proc/self/status (``VmRSS``, ``VmHWM``) in MiB; None off Linux."""
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return None


def resident_mb() -> float:
    """Current resident set size of this process, in MiB."""
    return status_mb("VmRSS") or peak_mb()


def peak_mb() -> float:
    """Peak resident set size of this process since it started, in MiB.

    VmHWM, not ``ru_maxrss``: after fork and exec, Linux reports in ``ru_maxrss`` the
    parent's peak when it was larger, which would hide this process's own figure.
    """
    high_water = status_mb("VmHWM")
    if high_water is not None:
        return high_water
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def stream_jsonl(path: Path) -> Iterator[FixtureItem]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield read_json_line(path, number, line)


def replay(
    source: Path, database_url: str, *, stream: bool, checkpoints: list[int]
) -> dict[str, Any]:
    started = time.perf_counter()
    pipeline = Pipeline(open_database(database_url), shipped_rules())
    load_model()
    startup = time.perf_counter() - started
    rss_after_startup = resident_mb()

    read_started = time.perf_counter()
    if stream:
        if source.suffix != ".jsonl":
            raise SystemExit(f"{source}: --stream reads a .jsonl file")
        items: Iterator[FixtureItem] = stream_jsonl(source)
        read_seconds = 0.0  # counted in the ingest time
    else:
        planned = plan_fixtures([source])  # as `monitor replay`: ordered, read one at a time
        items = (entry.read() for entry in planned)
        read_seconds = time.perf_counter() - read_started
    rss_after_read = resident_mb()

    statuses: Counter[str] = Counter()
    stats = RunStats()
    problems = 0
    memory: list[dict[str, float]] = []
    wanted = sorted(set(checkpoints))
    run_id = pipeline.start_run("replay")
    ingest_started = time.perf_counter()
    for item in items:
        if item.article is None:
            problems += 1
            continue
        result = pipeline.ingest(item.article, run_id=run_id)
        statuses[result.status] += 1
        stats.articles += 1
        stats.claims += result.claims
        stats.alerts += len(result.alert_ids)
        if wanted and stats.articles == wanted[0]:
            wanted.pop(0)
            memory.append(
                {
                    "articles": stats.articles,
                    "rss_mb": resident_mb(),
                    "seconds": time.perf_counter() - ingest_started,
                }
            )
    ingest_seconds = time.perf_counter() - ingest_started
    pipeline.finish_run(run_id, stats)
    total = read_seconds + ingest_seconds
    return {
        "source": str(source),
        "stream": stream,
        "articles": stats.articles,
        "problems": problems,
        "statuses": dict(sorted(statuses.items())),
        "claims": stats.claims,
        "alerts": stats.alerts,
        "startup_seconds": startup,
        "read_seconds": read_seconds,
        "ingest_seconds": ingest_seconds,
        "articles_per_second": stats.articles / total if total else None,
        "ms_per_article": total / stats.articles * 1e3 if stats.articles else None,
        "rss_after_startup_mb": rss_after_startup,
        "rss_after_read_mb": rss_after_read,
        "rss_end_mb": resident_mb(),
        "peak_rss_mb": peak_mb(),
        "checkpoints": memory,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="corpus folder or .jsonl file")
    parser.add_argument("--db", help="database URL (default: SQLite in a temporary folder)")
    parser.add_argument("--stream", action="store_true", help="read .jsonl lines one by one")
    parser.add_argument("--checkpoints", default="", help="article counts to record RSS at")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    options = parser.parse_args()
    checkpoints = [int(value) for value in options.checkpoints.split(",") if value]
    with tempfile.TemporaryDirectory(prefix="bench-replay-") as folder:
        url = options.db or f"sqlite:///{folder}/replay.db"
        result = replay(options.input, url, stream=options.stream, checkpoints=checkpoints)
    text = json.dumps(result, indent=2)
    if options.json:
        options.json.write_text(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
