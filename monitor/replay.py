"""Reading saved articles ahead of the judge, on every core.

A replay spends its time reading pages (trafilatura) and reading their figures (the
French model); storing and judging them is cheap but must follow publication order. So
:func:`plan` extracts the saved pages in worker processes (their dates decide the order),
and :func:`read_ahead` hands the reading of figures to workers forked once the model is
loaded (they share it instead of loading it each), giving back each article with its
claims in plan order for :meth:`monitor.pipeline.Pipeline.ingest` to judge one at a time.

Workers read at most a few articles ahead of the judge, so memory does not grow with the
replay; a worker that dies (killed, out of memory) costs nothing but speed: what it had
not given back is read again here.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from monitor.fixtures import FixtureItem, Planned, SavedPage, plan_fixtures, read_page
from monitor.models import Claim

if TYPE_CHECKING:
    from monitor.pipeline import Pipeline

log = logging.getLogger(__name__)

MAX_JOBS = 8
# Below this many articles per worker, starting the workers costs more than they save.
MIN_ARTICLES_PER_JOB = 10
AHEAD_PER_JOB = 8  # articles a worker may have read that the judge has not taken yet

Read = tuple[FixtureItem, list[Claim] | None]
Item = TypeVar("Item")
Result = TypeVar("Result")
_END = object()

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
    ) -> list[FixtureItem]:
        jobs = jobs_for(requested, len(pages))
        if jobs <= 1:
            return [read(page) for page in pages]
        with _workers(jobs) as executor:
            results = _in_order(executor, read_page, pages, jobs, started=_start_loading)
            try:
                return [read(page) if item is None else item for page, item in results]
            finally:
                _finish_loading()

    return plan_fixtures(paths, read_pages=read_pages)


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
        with _workers(jobs) as executor:
            results = _in_order(executor, _read, range(len(plan)), jobs)  # see read_article
            yield ((plan[index].read(), None) if read is None else read for index, read in results)
    finally:
        _plan, _pipeline = (), None


def read_article(index: int) -> Read:
    """What a worker does for the ``index``-th planned article: read it, and its claims."""
    assert _pipeline is not None
    item = _plan[index].read()
    if item.article is None:
        return item, None
    try:
        return item, _pipeline.read_claims(item.article)
    except Exception:  # the judge reads it again, and reports what fails as it always does
        return item, None


@contextmanager
def _workers(jobs: int) -> Iterator[ProcessPoolExecutor]:
    executor = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context("fork"), initializer=_worker_signals
    )
    try:
        yield executor
    finally:
        broken = bool(executor._broken)
        if broken:
            # After a worker died, Python 3.11 may wait for ever in shutdown() on the
            # workers still alive (fixed in 3.12): they are stopped, and not waited for.
            for process in list((executor._processes or {}).values()):
                process.kill()
        executor.shutdown(wait=not broken, cancel_futures=True)


_read = read_article  # what the workers run (a test replaces it with one that fails)


def _worker_signals() -> None:
    """A worker stops at once when told to (whatever handler its parent had installed),
    and leaves Ctrl-C to its parent, which stops the replay."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _in_order(
    executor: ProcessPoolExecutor,
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int,
    *,
    started: Callable[[], None] | None = None,
) -> Iterator[tuple[Item, Result | None]]:
    """``function`` of each item by the workers, in order, a bounded number ahead; None
    for the items a broken pool did not give back (the caller reads them itself)."""
    pending: deque[tuple[Item, Future[Result]]] = deque()
    upcoming: Iterator[Item] = iter(items)
    broken = False
    while True:
        while not broken and len(pending) < jobs * AHEAD_PER_JOB:
            following = next(upcoming, _END)
            if following is _END:
                break
            item = cast(Item, following)
            try:
                pending.append((item, executor.submit(function, item)))
            except BrokenProcessPool:
                broken = True
                pending.append((item, _failed()))
            if started is not None:
                started()  # the workers exist now: a thread may start
                started = None
        if not pending:
            return
        item, future = pending.popleft()
        try:
            yield item, future.result()
        except BrokenProcessPool:
            if not broken:
                log.warning("a worker process died; the rest is read in this process")
            broken = True
            yield item, None
        if broken:
            pending.extend((rest, _failed()) for rest in upcoming)


def _failed() -> Future[Result]:
    future: Future[Result] = Future()
    future.set_exception(BrokenProcessPool("a worker process died"))
    return future


_loading: threading.Thread | None = None


def _start_loading() -> None:
    global _loading
    _loading = threading.Thread(target=_load_model, name="load-model")
    _loading.start()


def _finish_loading() -> None:
    global _loading
    if _loading is not None:
        _loading.join()
        _loading = None


def _load_model() -> None:
    from monitor.claims.parsing import load_model

    load_model()
