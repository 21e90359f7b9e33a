"""Large corpora loaded and built on every core: worker processes forked from this one.

The workers are forked, so they read the parent's data (sources, vocabulary, claims) as it
is, without pickling it; only their results come back. Results are returned in input order,
so the output is the same whatever the number of jobs, and at most two tasks per worker are
in flight, so results never pile up in memory. Where fork is not available (not Linux) the
work runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["JOBS", "chunks", "fork_map", "prefetch", "shared"]

T = TypeVar("T")
R = TypeVar("R")

#: worker processes to use: the cores this process may run on (``OMSGRAPH_JOBS`` overrides)
JOBS = int(os.environ.get("OMSGRAPH_JOBS") or len(os.sched_getaffinity(0)))

_shared: Any = None


def shared() -> Any:
    """What :func:`fork_map` was given to share, as seen in a worker."""
    return _shared


def prefetch(paths: Iterable[Path]) -> None:
    """Ask the kernel to start reading ``paths`` now, all at once: a corpus of many small
    files that have left the page cache then reads about three times faster."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue  # the reader will say what is wrong with it
        try:
            advise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        finally:
            os.close(fd)


def chunks(items: Sequence[T], most: int = 1_000) -> list[Sequence[T]]:
    """``items`` in consecutive slices: about four per worker, of at most ``most`` items."""
    size = max(1, min(most, len(items) // (4 * JOBS)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def fork_map(
    function: Callable[[T], R], items: Iterable[T], data: Any = None, jobs: int | None = None
) -> Iterator[R]:
    """``map(function, items)`` over ``jobs`` (default :data:`JOBS`) forked workers that see
    ``data`` as :func:`shared`; in input order. A worker's exception is raised here, at its
    item."""
    global _shared
    jobs = JOBS if jobs is None else jobs
    items = list(items)
    if jobs <= 1 or len(items) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        _shared = data
        try:
            yield from map(function, items)
        finally:
            _shared = None
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    _shared = data
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(jobs, len(items)), mp_context=context) as pool:
            pending: deque[Future[R]] = deque()
            queue = iter(items)
            for item in queue:
                pending.append(pool.submit(function, item))
                if len(pending) >= 2 * jobs:
                    break
            while pending:
                result = pending.popleft().result()
                for item in queue:
                    pending.append(pool.submit(function, item))
                    break
                yield result
    finally:
        _shared = None
