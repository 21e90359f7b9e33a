"""``omsgraph serve`` picks up changed data: a cheap check of the data files, then a rebuild.

Why here and so. The server must not stop for an edit, and a bad edit must not take it down:
at most once a second, on a request, the files' newest mtime, total size and count are
compared with the last ones; when they changed the graph is rebuilt in a background thread
through a callable the CLI passes in (web/ does not import the corpus loaders), and a new
generation (graph, query processes, pages) replaces the old one. The request that saw
the change waits a little for it (so that "save, then reload the page" shows the edit on a
small corpus); the others go on with the graph they have. A request keeps the generation it
started with; the old query processes stop when the last request holding them ends. If the
data no longer load, the last good generation stays and the one-line error is printed on
stderr and shown at ``GET /status`` until an edit loads again.
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
#: seconds the request that saw a change waits for the new graph (others do not wait)
WAIT_FOR_RELOAD = 5.0


def _watched(name: str) -> bool:
    """Editors' swap, backup and lock files (``.x.swp``, ``x~``, ``#x#``) are no data."""
    return not (name.startswith((".", "#")) or name.endswith("~"))


def files_stamp(paths: Iterable[Path]) -> tuple[tuple[str, int, int, int], ...]:
    """(path, mtime in ns, size, inode) of each file at or under `paths`: what changes when a
    file is edited, added, removed, renamed or put back from a copy that kept its old mtime. A
    path that does not exist counts nothing."""
    stamp = []
    for root in paths:
        if root.is_file():
            files = [root]
        elif root.is_dir():
            files = sorted(p for p in root.rglob("*") if _watched(p.name) and p.is_file())
        else:
            continue
        for path in files:
            try:
                info = path.stat()
            except OSError:  # removed meanwhile: the next look sees it
                continue
            stamp.append((str(path), info.st_mtime_ns, info.st_size, info.st_ino))
    return tuple(stamp)


@dataclass(frozen=True)
class Loaded:
    """What a load gives beside the graph: the corpus as the reading pages see it
    (``omsgraph.web.reading.Reading``), so that the pages are of the same data as the graph."""

    graph: Graph
    reading: Any = None


@dataclass
class Watch:
    """What to watch (`stamp`) and how to build the graph again (`load`, may raise; a `Graph`
    or a `Loaded`)."""

    stamp: Callable[[], Any]
    load: Callable[[], Graph | Loaded]


@dataclass(eq=False)
class Generation:
    """One graph as served: its query processes, its pages (the views drawn on request in
    `pages`; the site build writes in `site`, from `reading`) and its entity projection."""

    graph: Graph
    engine: Any
    pages: Any
    projection: Any = None
    reading: Any = None  # the corpus of the reading pages (None: graph views only)
    site: Any = None  # omsgraph.web.serve_site.Site, made once
    lock: threading.Lock = field(default_factory=threading.Lock)
    loaded: float = field(default_factory=time.time)
    users: int = 0  # requests holding it now
    retired: bool = False  # replaced: stop its query processes once `users` is 0
    stopped: bool = False


class Generations:
    """The generation a request gets (`enter`, then `leave`); `install` replaces it, and a
    replaced one's query processes stop when its last request leaves."""

    def __init__(self, first: Generation) -> None:
        self._current = first
        self._lock = threading.Lock()
        self._closed = False

    @property
    def current(self) -> Generation:
        return self._current

    def enter(self) -> Generation:
        with self._lock:
            self._current.users += 1
            return self._current

    def leave(self, generation: Generation) -> None:
        with self._lock:
            generation.users -= 1
            stop = self._retiring(generation)
        if stop:
            generation.engine.close()

    def install(self, generation: Generation) -> None:
        with self._lock:
            if self._closed:  # a rebuild that ended after the server stopped: stop it too
                old = generation
            else:
                old, self._current = self._current, generation
            old.retired = True
            stop = self._retiring(old)
        if stop:
            old.engine.close()

    def close(self) -> None:
        """Stop the current generation's query processes (the server stops)."""
        with self._lock:
            self._closed = True
        self._current.engine.close()

    @staticmethod
    def _retiring(generation: Generation) -> bool:
        if generation.retired and generation.users <= 0 and not generation.stopped:
            generation.stopped = True
            return True
        return False


@dataclass
class Reloader:
    """Checks `watch` at most every `interval` seconds; on a change, builds a generation with
    `make` (which starts its query processes) and hands it to `install`."""

    watch: Watch
    make: Callable[[Graph | Loaded], Generation]
    install: Callable[[Generation], None]
    interval: float = CHECK_INTERVAL
    wait: float = WAIT_FOR_RELOAD
    error: str | None = None
    reloads: int = 0
    seconds: float = 0.0  # how long the last reload took
    _last: Any = None
    _checked: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _thread: threading.Thread | None = None

    def __post_init__(self) -> None:
        self._last = self.watch.stamp()
        self._checked = time.monotonic()

    def check(self) -> None:
        """Start a rebuild when the files changed and wait up to `wait` seconds for it."""
        if time.monotonic() - self._checked < self.interval:
            return
        with self._lock:
            if time.monotonic() - self._checked < self.interval:
                return
            if self._thread is not None and self._thread.is_alive():
                return  # a rebuild is under way; the next look after it sees later edits
            self._checked = time.monotonic()
            try:
                stamp = self.watch.stamp()
            except OSError as exc:
                self._fail(f"cannot read the data files: {exc}")
                return
            if stamp == self._last:
                return
            self._last = stamp  # a bad edit is reported once, retried on the next change
            thread = threading.Thread(target=self._rebuild, name="omsgraph-reload", daemon=True)
            self._thread = thread
            thread.start()
        thread.join(self.wait)

    def _rebuild(self) -> None:
        began = time.monotonic()
        try:
            loaded = self.watch.load()
            generation = self.make(loaded)
        except Exception as exc:  # noqa: BLE001 - any failure keeps the last good graph
            self._fail(" ".join(str(exc).split()) or type(exc).__name__)
            return
        self.install(generation)
        self.error = None
        self.reloads += 1
        self.seconds = time.monotonic() - began
        triples = len(generation.graph)
        print(f"reloaded in {self.seconds:.2f} s: {triples} triples", file=sys.stderr)

    def _fail(self, message: str) -> None:
        self.error = message
        print(f"reload failed, still serving the last good graph: {message}", file=sys.stderr)
