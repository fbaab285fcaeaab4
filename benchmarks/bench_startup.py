"""Wall time of short commands, next to ``python -c pass`` measured in the same run.

    python benchmarks/bench_startup.py [--repeats 7] [--json F] [--smoke]

What a user pays each time a command starts: the interpreter, the imports and the
command's own work, on a database holding the replayed seeds (already migrated, as it is
after the first command). Each command runs as its own process, the commands taking
turns within each repeat so noise hits them alike; figures are medians, and each ratio
is to the median of ``python -c pass`` of the same run. Target: at most 8 times.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 8.0


def commands(database: Path) -> dict[str, list[str]]:
    monitor = [sys.executable, "-m", "monitor"]
    return {
        "python -c pass (reference)": [sys.executable, "-c", "pass"],
        "monitor --help": [*monitor, "--help"],
        "monitor alerts list": [*monitor, "alerts", "list", "--db", str(database)],
        "monitor alerts show 1": [*monitor, "alerts", "show", "1", "--db", str(database)],
        "monitor status": [*monitor, "status", "--db", str(database)],
        # Two rule files without examples: reading and validating, not the French model.
        "monitor rules check (no examples)": [
            *monitor,
            "rules",
            "check",
            str(ROOT / "tests" / "data" / "rules_periods"),
        ],
    }


def measure(repeats: int) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    try:
        database = work / "monitor.db"
        subprocess.run(
            [sys.executable, "-m", "monitor", "replay", "--db", str(database), str(ROOT / "seeds")],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        timings: dict[str, list[float]] = {name: [] for name in commands(database)}
        environment = {**os.environ, "MONITOR_RULES_DIR": str(ROOT / "rules")}
        for _ in range(repeats):
            for name, arguments in commands(database).items():
                started = time.perf_counter()
                done = subprocess.run(arguments, cwd=ROOT, env=environment, capture_output=True)
                timings[name].append(time.perf_counter() - started)
                if done.returncode != 0:
                    raise SystemExit(f"{name} failed:\n{done.stderr.decode()[-2000:]}")
        return {name: statistics.median(values) for name, values in timings.items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--smoke", action="store_true", help="one repeat")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    medians = measure(1 if options.smoke else options.repeats)
    reference = next(iter(medians.values()))
    print("Start-up of short commands (median wall time; ratio to python -c pass)")
    results = {}
    for name, seconds in medians.items():
        ratio = seconds / reference
        results[name] = {"seconds": seconds, "ratio": ratio}
        verdict = "" if name.endswith("(reference)") else ("ok" if ratio <= TARGET else "MISSED")
        print(f"  {name:<36} {seconds * 1000:7.0f} ms  {ratio:5.1f}x  {verdict}")
    print(f"target: at most {TARGET:.0f}x")
    if options.json:
        options.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
