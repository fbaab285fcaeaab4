"""The crawl child the daemon starts for one source: CPU time and peak memory, side by side.

Serves the fixture news site of the crawl tests (the seed articles in an RSS feed) and
runs ``monitor crawl --once --source quotidien-rss`` as a child process, as the daemon
does, in two ways on fresh databases, each twice in a row (the second poll finds the feed
unchanged, the common case of a daemon cycle):

- judging in the child (``monitor crawl --once`` as a user runs it): the child loads the
  French model to read the claims;
- collecting only (``--collect-only``, what the daemon runs): the child stores the
  articles and the daemon's judge, which keeps the model loaded, reads them.

CPU time (user + system) and peak resident memory of each child come from GNU time. Run
from the repository root:

    python benchmarks/bench_crawl_child.py [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.crawl.site import Server, build_site, sources_yaml  # noqa: E402

TIME = "/usr/bin/time"


def child(config: Path, *extra: str) -> dict[str, float]:
    """One crawl child: its CPU seconds and peak RSS in MB."""
    command = [
        TIME, "-f", "%U %S %M", sys.executable, "-m", "monitor", "crawl", "--once", "--force",
        "--source", "quotidien-rss", "--json", "--config", str(config), *extra,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600)
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr[-1000:])
    user, system, rss_kb = done.stderr.strip().splitlines()[-1].split()
    return {"cpu_s": float(user) + float(system), "peak_mb": int(rss_kb) / 1024}


def measure() -> dict[str, Any]:
    site = build_site()
    results: dict[str, Any] = {}
    with Server(site), tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "sources.yaml").write_text(sources_yaml(site), encoding="utf-8")
        for mode, extra in (("judging in the child", ()), ("collecting only", ("--collect-only",))):
            config = Path(folder) / f"{len(results)}.json"
            config.write_text(
                json.dumps(
                    {
                        "database_url": f"sqlite:///{Path(folder) / f'{len(results)}.db'}",
                        "rules_dir": str(ROOT / "rules"),
                        "sources_file": str(Path(folder) / "sources.yaml"),
                        "contact_url": "https://example.org/contact",
                        "crawl_allowed_networks": ["127.0.0.1/32"],
                        "crawl_autothrottle": False,
                    }
                ),
                encoding="utf-8",
            )
            results[mode] = {
                "new articles": child(config, *extra),
                "unchanged": child(config, *extra),
            }
    return results


def main() -> None:
    if not os.path.exists(TIME):
        raise SystemExit(f"{TIME} is needed (Debian's package time)")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    results = measure()
    print("Crawl child for one source (the seed feed), CPU time and peak memory")
    for mode, polls in results.items():
        for poll, figures in polls.items():
            print(
                f"  {mode:<22} {poll:<13} {figures['cpu_s']:6.2f} s CPU "
                f"{figures['peak_mb']:7.1f} MB"
            )
    judging = results["judging in the child"]["unchanged"]
    collecting = results["collecting only"]["unchanged"]
    print(
        f"unchanged feed, collecting / judging in the child: CPU "
        f"{collecting['cpu_s'] / judging['cpu_s']:.2f}, memory "
        f"{collecting['peak_mb'] / judging['peak_mb']:.2f} (targets < 0.5 s and < 150 MB)"
    )
    if options.json:
        options.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
