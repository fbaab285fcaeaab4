"""``monitor run-once`` keeps a cron log short: one line per source and a summary on
stdout; Scrapy's INFO log on stderr only with -v."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.daemon.conftest import Deployment


@pytest.mark.parametrize("verbose", [False, True], ids=["quiet", "verbose"])
def test_run_once_shows_scrapy_info_only_with_verbose(
    deployment: Deployment, verbose: bool
) -> None:
    command = [sys.executable, "-m", "monitor", "run-once", *(["-v"] if verbose else [])]
    done = subprocess.run(
        command, env=deployment.environment(), cwd=deployment.root, capture_output=True,
        text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    source, summary = done.stdout.splitlines()  # one line per source, then the pass
    assert source.startswith("quotidien  ok: "), done.stdout
    assert source.endswith(" claims") and " fetched" in source
    assert summary.startswith("1 sources polled (0 failed), "), done.stdout
    if verbose:
        assert "[scrapy.core.engine] INFO: Spider opened" in done.stderr
        assert "[scrapy.core.engine] INFO: Closing spider (finished)" in done.stderr
    else:
        assert done.stderr == ""
