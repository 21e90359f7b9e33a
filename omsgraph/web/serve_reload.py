"""``omsgraph serve`` picks up changed data: a cheap check of the data files, then a rebuild.

Why here and so. The server must not stop for an edit, and a bad edit must not take it down:
at most once a second, on a request, the files' newest mtime, total size and count are
compared with the last ones; when they changed the graph is rebuilt through a callable the CLI
passes in (web/ does not import the corpus loaders), and a new generation (graph, query
processes, page cache) replaces the old one. A request keeps the generation it started with;
the old query processes stop once they are idle. If the data no longer load, the last good
generation stays and the one-line error is logged and shown at ``GET /status``.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

#: seconds between two looks at the files
CHECK_INTERVAL = 1.0


def files_stamp(paths: Iterable[Path]) -> tuple[int, int, int]:
    """(newest mtime in ns, total size, count) of the files at or under `paths`: what changes
    when a file is edited, added or removed."""
    newest = size = count = 0
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            try:
                info = path.stat()
            except OSError:  # removed meanwhile: the next look sees it
                continue
            newest, size, count = max(newest, info.st_mtime_ns), size + info.st_size, count + 1
    return newest, size, count


@dataclass
class Watch:
    """What to watch (`stamp`) and how to build the graph again (`load`, may raise)."""

    stamp: Callable[[], Any]
    load: Callable[[], Graph]


@dataclass
class Generation:
    """One graph as served: its query processes, its pages and its entity projection."""

    graph: Graph
    engine: Any
    pages: Any
    projection: Any = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    loaded: float = field(default_factory=time.time)


@dataclass
class Reloader:
    """Checks `watch` at most every `interval` seconds and swaps in a new generation."""

    watch: Watch
    make: Callable[[Graph], Generation]  # starts the query processes for a graph
    swap: Callable[[Generation], Generation]  # installs it, returns the previous one
    interval: float = CHECK_INTERVAL
    error: str | None = None
    reloads: int = 0
    _last: Any = None
    _checked: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._last = self.watch.stamp()
        self._checked = time.monotonic()

    def check(self) -> None:
        """Rebuild when the files changed; one request does it, the others go on."""
        if time.monotonic() - self._checked < self.interval:
            return
        if not self._lock.acquire(blocking=False):
            return
        try:
            self._checked = time.monotonic()
            stamp = self.watch.stamp()
            if stamp == self._last:
                return
            self._last = stamp  # a bad edit is reported once, retried on the next change
            try:
                graph = self.watch.load()
                generation = self.make(graph)
            except Exception as exc:  # noqa: BLE001 - any failure keeps the last good graph
                self.error = " ".join(str(exc).split()) or type(exc).__name__
                print(f"reload failed, still serving the last good graph: {self.error}",
                      file=sys.stderr)
                return
            old = self.swap(generation)
            self.error = None
            self.reloads += 1
            print(f"reloaded: {len(graph)} triples", file=sys.stderr)
            _retire(old.engine)
        finally:
            self._lock.release()


def _retire(engine: Any, grace: float = 120.0) -> None:
    """Stop `engine`'s query processes once the requests that hold them are done."""

    def wait() -> None:
        end = time.monotonic() + grace
        time.sleep(0.2)
        while time.monotonic() < end:
            with engine._cond:
                if not engine._busy and not engine._waiting:
                    break
            time.sleep(0.1)
        engine.close()

    threading.Thread(target=wait, name="omsgraph-retire", daemon=True).start()
