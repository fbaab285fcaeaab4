"""The desk's benchmark keeps running (its figures are never asserted: they depend on the
machine)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT


def test_bench_web_runs_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "web.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_web.py"), "--claims", "600",
         "--alerts", "40", "--repeats", "1", "--json", str(out)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "Desk pages, server time (median of 1), with 600 claims, 40 alerts, 120 articles; "
        "target < 200 ms\n"
    )
    result = json.loads(out.read_text())
    assert set(result["pages_ms"]) == {
        "alerts /", "alerts, filtered", "alerts, last page", "alert", "timeline (kept chart)",
        "article", "claims", "claims, page 100", "outbox", "sources",
    }  # fmt: skip
    assert all(ms > 0 for ms in result["pages_ms"].values())
