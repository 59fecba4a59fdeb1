"""Where the work of a build runs: in this process, a pool of local processes, or a Ray cluster.

An engine maps a function over items and gives the results back in the items'
order, whatever order they finished in, so a build is the same byte for byte on
any engine. Items are pulled lazily, a bounded number ahead of the results
consumed, so memory does not grow with the corpus. Functions and items must be
picklable (module-level functions, dataclasses): they cross process boundaries.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import islice
from typing import Any, Protocol, TypeVar

from kg.errors import KGError

T = TypeVar("T")
R = TypeVar("R")
AHEAD = 4  # items in flight per worker: enough to keep each busy while results are used
RAY_INSTALL = 'pip install -e ".[ray]"'


class Engine(Protocol):
    """Runs a function over items, results in the items' order."""

    def map(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


class Inline:
    """Everything in this process, one item after the other."""

    def map(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(function, items)

    def close(self) -> None:
        pass


class ProcessPool:
    """``workers`` processes on this machine: this one and ``workers - 1`` started with spawn.

    The started ones are given items ahead; this process runs an item itself whenever the
    result it must hand on next is not ready and some item has not gone to a worker yet:
    while the workers start (they import spaCy and load the pipeline, seconds), and
    whenever they fall behind, so no process waits while there is work. Spawn inherits
    nothing but the items sent, so it behaves the same on Linux, macOS and Windows; it
    imports the main module again: a script that uses it needs ``if __name__ == "__main__":``.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=workers - 1, mp_context=context)

    def map(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        flying: deque[tuple[T, Future[R]]] = deque()
        pending = iter(items)
        while True:
            for item in islice(pending, AHEAD * self.workers - len(flying)):
                flying.append((item, self._pool.submit(_in_worker, function, item)))
            if not flying:
                return
            if flying[0][1].done() or not _run_one_here(function, flying):
                yield flying.popleft()[1].result()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def _in_worker(function: Callable[[T], R], item: T) -> R:
    """An item run by a worker process. What lives after its first (spaCy's pipeline,
    jieba's dictionary, the gazetteers) lives as long as the worker: it is frozen out of
    the garbage collector's full passes, which would walk it again every few documents."""
    result = function(item)
    if not gc.get_freeze_count():
        gc.freeze()
    return result


def _run_one_here(function: Callable[[T], R], flying: deque[tuple[T, Future[R]]]) -> bool:
    """Run in this process the first item no worker has taken yet; False if there is none."""
    for index, (item, future) in enumerate(flying):
        if future.cancel():
            here: Future[R] = Future()
            try:
                here.set_result(function(item))
            except Exception as error:  # raised where the result is taken, as from a worker
                here.set_exception(error)
            flying[index] = (item, here)
            return True
    return False


class RayEngine:
    """A Ray cluster, through Ray Data: items go out in batches (a few per CPU of the
    cluster), each a dataset mapped by the cluster's workers; results stream back to this
    process as they finish and are handed on in the items' order.

    ``address`` is that of ``ray.init``: None joins the cluster named by RAY_ADDRESS or one
    started on this machine with ``ray start``, else starts a local instance. A Ray already
    initialised in this process is used as it is.
    """

    def __init__(self, address: str | None = None) -> None:
        try:
            import ray
            import ray.data
        except ImportError:
            raise KGError(f"--engine ray needs Ray; install it with {RAY_INSTALL}") from None
        self._ray = ray
        self._started = not ray.is_initialized()
        if self._started:
            try:
                ray.init(address=address, include_dashboard=False, log_to_driver=False)
            except Exception as error:  # Ray raises several kinds; to the user they are one
                where = address or "RAY_ADDRESS or a local instance"
                raise KGError(f"cannot start or join a Ray cluster ({where}): {error}") from None
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # the build shows its own progress
        ray.data.DataContext.get_current().enable_progress_bars = False
        self.batch = 2 * AHEAD * max(1, int(ray.cluster_resources().get("CPU", 1)))

    def map(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        iterator = iter(items)
        while batch := list(islice(iterator, self.batch)):
            # items and results travel pickled: Ray Data keeps bytes as they are
            rows = [{"index": i, "item": pickle.dumps(item)} for i, item in enumerate(batch)]
            dataset = self._ray.data.from_items(rows, override_num_blocks=len(rows))
            early: dict[int, bytes] = {}  # results that finished before an earlier item's
            following = 0  # the index of the next result to hand on
            for row in dataset.map(partial(_ray_call, function)).iter_rows():
                early[row["index"]] = row["result"]
                while following in early:
                    yield pickle.loads(early.pop(following))
                    following += 1

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()


def _ray_call(function: Callable[[Any], Any], row: dict[str, Any]) -> dict[str, Any]:
    """One Ray Data row through the function: unpickle the item, pickle the result."""
    return {"index": row["index"], "result": pickle.dumps(function(pickle.loads(row["item"])))}


def open_engine(name: str = "local", workers: int = 1, address: str | None = None) -> Engine:
    """The engine called ``name``: "local" (``workers`` processes, 1: this one) or "ray"."""
    if name == "ray":
        return RayEngine(address)
    if name != "local":
        raise KGError(f"unknown engine {name!r}: use local or ray")
    if workers < 1:
        raise KGError(f"--workers must be at least 1, not {workers}")
    return ProcessPool(workers) if workers > 1 else Inline()
