"""Reading saved articles ahead of the judge, on every core.

A replay spends its time reading pages (trafilatura) and reading their figures (the
French model); storing and judging them is cheap but must follow publication order. So
:func:`plan` extracts the saved pages in worker processes (their dates decide the order),
and :func:`read_ahead` hands the reading of figures to workers forked once the model is
loaded (they share it instead of loading it each), giving back each article with its
claims in plan order for :meth:`monitor.pipeline.Pipeline.ingest` to judge one at a time.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.fixtures import FixtureItem, Planned, SavedPage, plan_fixtures
from monitor.models import Claim

if TYPE_CHECKING:
    from monitor.pipeline import Pipeline

MAX_JOBS = 8
# Below this many articles per worker, starting the workers costs more than they save.
MIN_ARTICLES_PER_JOB = 10

Read = tuple[FixtureItem, list[Claim] | None]

# What the forked workers read: set before the pool starts, inherited by the fork.
_plan: Sequence[Planned] = ()
_pipeline: Pipeline | None = None


def jobs_for(requested: int, articles: int) -> int:
    """How many worker processes read ahead: ``requested``, or with 0 one per core (up
    to :data:`MAX_JOBS`); none (1) for a replay too small to gain from them."""
    jobs = requested or min(os.cpu_count() or 1, MAX_JOBS)
    return jobs if jobs > 1 and articles >= MIN_ARTICLES_PER_JOB * jobs else 1


def plan(paths: Sequence[Path], requested: int) -> list[Planned]:
    """:func:`monitor.fixtures.plan_fixtures`, the saved pages extracted by workers while
    this process loads the French model (the workers that read figures will share it)."""

    def read_pages(
        read: Callable[[SavedPage], FixtureItem], pages: list[SavedPage]
    ) -> Iterable[FixtureItem]:
        jobs = jobs_for(requested, len(pages))
        if jobs <= 1:
            return map(read, pages)
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            loading = threading.Thread(target=_load_model, name="load-model")
            loading.start()  # after the fork: the workers are copies without the thread
            try:
                return list(pool.imap(read, pages, chunksize=4))
            finally:
                loading.join()

    return plan_fixtures(paths, read_pages=read_pages)


def _load_model() -> None:
    from monitor.claims.parsing import load_model

    load_model()


def _read(index: int) -> Read:
    assert _pipeline is not None
    item = _plan[index].read()
    if item.article is None:
        return item, None
    try:
        return item, _pipeline.read_claims(item.article)
    except Exception:  # the judge reads it again, and reports what fails as it always does
        return item, None


@contextmanager
def read_ahead(plan: Sequence[Planned], pipeline: Pipeline, jobs: int) -> Iterator[Iterator[Read]]:
    """Each planned article read, in plan order: by ``jobs`` forked workers, with the
    claims :meth:`Pipeline.read_claims` gives; or here, one at a time, when ``jobs`` is 1
    (claims None: the judge reads them). Enter it before starting any thread (a progress
    bar): a fork copies only the thread that calls it."""
    if jobs <= 1:
        yield ((entry.read(), None) for entry in plan)
        return
    global _plan, _pipeline
    _load_model()  # before the fork, so that every worker shares the loaded model
    _plan, _pipeline = plan, pipeline
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            yield pool.imap(_read, range(len(plan)), chunksize=2)
    finally:
        _plan, _pipeline = (), None
