"""``monitor replay`` on one core and on all of them, side by side in one run.

    python benchmarks/bench_replay_jobs.py [--articles 600] [--repeats 3] [--json F]

Generates a seeded corpus (``benchmarks/corpus.py``: saved ``.html`` pages and ``.txt``
articles with their ``index.yaml``) and replays each into a fresh SQLite database with
``--jobs 1`` and with ``--jobs N`` (N: the machine's cores), each run a whole ``monitor
replay`` process as a user starts it: start-up, the French model, extraction, claims,
judging. Figures are median wall times; the speed-up is jobs-1 time over jobs-N time
(target: at least 1.8 on two cores). Peak memory of the whole process tree comes from
GNU time for the parent and ``resource`` for the children.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate_corpus, write_html, write_text  # noqa: E402

TARGET = 1.8


def replay_once(folder: Path, jobs: int, work: Path) -> float:
    database = work / f"replay-{jobs}-{time.monotonic_ns()}.db"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "replay", "--jobs", str(jobs), "--db", str(database),
         "--rules", str(ROOT / "rules"), str(folder)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"monitor replay --jobs {jobs} failed:\n{done.stderr[-2000:]}")
    database.unlink()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--smoke", action="store_true", help="60 articles, one repeat")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    count, repeats = (60, 1) if options.smoke else (options.articles, options.repeats)
    cores = os.cpu_count() or 1
    figures = {}
    with tempfile.TemporaryDirectory(prefix="bench-replay-jobs-") as folder:
        work = Path(folder)
        articles = generate_corpus(count, options.seed)
        write_html(articles, work / "html")
        write_text(articles, work / "txt")
        print(f"monitor replay of {count} articles, median of {repeats}, {cores} cores")
        for kind in ("html", "txt"):
            times: dict[int, list[float]] = {1: [], cores: []}
            for _ in range(repeats):
                for jobs in times:  # taking turns, so noise hits both alike
                    times[jobs].append(replay_once(work / kind, jobs, work))
            one, many = statistics.median(times[1]), statistics.median(times[cores])
            figures[kind] = {"jobs_1_s": one, f"jobs_{cores}_s": many, "speedup": one / many}
            verdict = "ok" if one / many >= TARGET else "MISSED"
            print(
                f"  {kind:<5} --jobs 1 {one:6.1f} s   --jobs {cores} {many:6.1f} s   "
                f"speed-up {one / many:4.2f}  {verdict if cores >= 2 else ''}"
            )
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"target: speed-up at least {TARGET} on two cores; largest process {children:.0f} MB")
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
