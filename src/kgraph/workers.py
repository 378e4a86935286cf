"""Parsing in worker processes: batches, a window of futures kept in order, the local pool.

:func:`kgraph.pipeline.process` sends batches of documents to ``Settings.processes`` worker
processes (:func:`start_workers`), or to a Dask cluster (:mod:`kgraph.distributed`); both submit
them through :func:`ordered_map`, which keeps a bounded window of tasks in flight and yields the
results in input order. Each worker loads the model once (:func:`_worker_start`) and runs
:func:`kgraph.pipeline.analyze_batch` on the batches it gets.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, TypeVar

from kgraph.config import Settings
from kgraph.model import DocResult, Document

if TYPE_CHECKING:
    from concurrent.futures import Executor

__all__ = ["Once", "batches", "ordered_map", "pool_size", "run_pool", "start_workers"]

#: Worker tasks per batch (see :func:`_task_size`).
_TASKS_PER_BATCH = 4
T = TypeVar("T")


class _Future(Protocol[T]):
    def result(self) -> T: ...


class Once:
    """Calls ``work`` (if any) the first time it is called, never again."""

    def __init__(self, work: Callable[[], None] | None) -> None:
        self._work = work

    def __call__(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            work()


def batches(documents: Iterable[T], size: int) -> Iterator[list[T]]:
    """Split ``documents`` into lists of ``size`` (the last one shorter).

    >>> list(batches("abcde", 2))
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    stream = iter(documents)
    while chunk := list(itertools.islice(stream, max(size, 1))):
        yield chunk


def ordered_map(submit: Callable[[list[Document]], _Future[list[DocResult]]],
                chunks: Iterable[list[Document]], *, window: int,
                meanwhile: Callable[[], None] | None = None) -> Iterator[DocResult]:  # fmt: skip
    """Submit ``chunks`` (at most ``window`` in flight) and yield their results in order.

    ``submit`` returns anything with ``.result()``: a ``concurrent.futures`` or Dask future.
    ``meanwhile`` is called before each wait for a result (make it run once: see :class:`Once`).
    """
    pending: deque[_Future[list[DocResult]]] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            if meanwhile is not None:
                meanwhile()
            yield from pending.popleft().result()
    if meanwhile is not None and pending:
        meanwhile()
    while pending:
        yield from pending.popleft().result()


def run_pool(
    documents: Iterator[Document],
    *,
    settings: Settings,
    started: Executor | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[DocResult]:
    """Batches in ``settings.processes`` worker processes; parse, extract and resolve there."""
    from kgraph import pipeline  # looked up at call time: tests replace pipeline.analyze_batch

    chunks = batches(documents, _task_size(settings))
    first = next(chunks, None)
    if first is None:  # nothing to parse (e.g. every document was cached): no pool
        return
    with contextlib.nullcontext(started) if started is not None else start_workers(settings, preload=True) as pool:
        submit = functools.partial(pool.submit, pipeline.analyze_batch, settings=settings)
        window = 2 * _TASKS_PER_BATCH * settings.processes
        yield from ordered_map(submit, itertools.chain([first], chunks), window=window, meanwhile=meanwhile)


@contextlib.contextmanager
def start_workers(
    settings: Settings, *, preload: bool = False, documents: int | None = None
) -> Iterator[Executor]:
    """A pool of ``settings.processes`` workers for :func:`process`, started now.

    Without ``preload`` the workers load the model themselves, at once, while this process
    goes on (``kgraph build --update`` reads the earlier results meanwhile); with it, where
    processes fork, the model is loaded here once and inherited. With ``documents`` (how
    many are to come, if known) no more workers start than there are batches of them
    (:func:`pool_size`).

    Example:
        >>> with start_workers(Settings(processes=2)) as pool:  # doctest: +SKIP
        ...     results = list(process(documents, settings=Settings(processes=2), pool=pool))
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork and preload:  # loaded once here, inherited by the forked workers
        from kgraph.pipeline import _resources

        _resources(settings)
    context = multiprocessing.get_context("fork" if fork else "spawn")
    workers = pool_size(settings, documents)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start, initargs=(settings,))
    try:
        if not preload:
            for _ in range(workers):
                pool.submit(int)  # start every worker (each loads the model in its initializer)
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def pool_size(settings: Settings, documents: int | None) -> int:
    """Workers worth starting for ``documents`` (``None``: unknown): one per batch, at most ``processes``.

    Each worker first loads the model (about a second); below a batch a second worker costs
    more than it saves, and takes a core from this process.

    >>> pool_size(Settings(processes=2, batch_size=32), 10), pool_size(Settings(processes=2), 100)
    (1, 2)
    >>> pool_size(Settings(processes=4), None)
    4
    """
    if documents is None:
        return settings.processes
    return max(1, min(settings.processes, -(-documents // settings.batch_size)))


def _task_size(settings: Settings) -> int:
    """Documents per worker task: a quarter batch, so that the workers finish together.

    A corpus rarely divides into equal whole batches; with tasks of a full batch the last
    one keeps a worker busy while the others wait. Parsing speed hardly depends on the
    batch size beyond a few news articles.

    >>> _task_size(Settings(batch_size=32)), _task_size(Settings(batch_size=2))
    (8, 1)
    """
    return max(1, settings.batch_size // _TASKS_PER_BATCH)


def _worker_start(settings: Settings) -> None:
    """Start a worker process: garbage collection on (a forking parent may have paused it), resources loaded."""
    from kgraph.pipeline import _resources

    gc.enable()
    _resources(settings)
