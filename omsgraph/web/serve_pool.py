"""The query processes of ``omsgraph serve``: several workers, a bounded fair queue, deadlines.

Each worker is ``python -m omsgraph.web.serve_worker`` (a subprocess, not `multiprocessing`, so it
never re-imports the caller's ``__main__``) holding its own copy of the store. A request waits
in a bounded queue for an idle worker; its deadline counts from its arrival, so time spent
queueing is part of its time limit. One client (a remote address) holds at most
``workers - 1`` workers at once and, when a worker frees up, the waiting client with the
fewest running queries goes first: a client looping on slow queries cannot delay another
client's fast one. A worker that overruns is killed (Oxigraph cannot be interrupted any other
way) and replaced in the background while the others go on serving.
"""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import NamedTuple

from rdflib import Graph

from omsgraph.web.serve_guard import DEFAULT_MAX_QUERY_CHARS, inspect

__all__ = [
    "DEFAULT_MAX_RESULTS",
    "DEFAULT_MEMORY_MIB",
    "DEFAULT_QUEUE",
    "DEFAULT_TIMEOUT",
    "DEFAULT_WORKERS",
    "Answer",
    "QueryEngine",
]

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RESULTS = 10_000
DEFAULT_WORKERS = 3
DEFAULT_QUEUE = 64
DEFAULT_MEMORY_MIB = 1024


class Answer(NamedTuple):
    """An HTTP answer: status, content type, body and, for 503, seconds to Retry-After."""

    status: int
    content_type: str
    body: bytes
    retry_after: int | None = None


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen
    outbox: Connection
    inbox: Connection
    walled: bool

    def kill(self) -> int | None:
        self.process.kill()
        code = self.process.wait(10)
        self.inbox.close()
        self.outbox.close()
        return code


@dataclass
class QueryEngine:
    """A pool of pyoxigraph query processes over `graph`; `run` answers one query."""

    graph: Graph
    timeout: float = DEFAULT_TIMEOUT
    max_results: int = DEFAULT_MAX_RESULTS
    workers: int = DEFAULT_WORKERS
    queue: int = DEFAULT_QUEUE
    memory_mib: int = DEFAULT_MEMORY_MIB
    max_query_chars: int = DEFAULT_MAX_QUERY_CHARS
    _data: bytes = field(default=b"", init=False, repr=False)
    _cond: threading.Condition = field(default_factory=threading.Condition, init=False)
    _idle: list = field(default_factory=list, init=False, repr=False)
    _waiting: list = field(default_factory=list, init=False, repr=False)
    _running: Counter = field(default_factory=Counter, init=False, repr=False)
    _busy: set = field(default_factory=set, init=False, repr=False)
    _closed: bool = field(default=False, init=False, repr=False)
    _started: bool = field(default=False, init=False, repr=False)
    walled: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self._data = self.graph.serialize(format="nt", encoding="utf-8")
        self.workers = max(1, self.workers)

    @property
    def per_client(self) -> int:
        """The most workers one client may hold at once."""
        return max(1, self.workers - 1)

    def _spawn(self) -> _Worker:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        command = [sys.executable, "-m", "omsgraph.web.serve_worker", str(to_child_r)]
        command += [str(from_child_w), str(self.max_results), str(self.memory_mib)]
        env = {**os.environ, "RUST_BACKTRACE": "0"}  # an abort must not stop to symbolise
        process = subprocess.Popen(command, pass_fds=(to_child_r, from_child_w), env=env)
        os.close(to_child_r)
        os.close(from_child_w)
        outbox = Connection(to_child_w, readable=False)
        inbox = Connection(from_child_r, writable=False)
        worker = _Worker(process, outbox, inbox, False)
        try:
            outbox.send_bytes(self._data)
            hello = inbox.recv() if inbox.poll(120) else None
        except (EOFError, OSError):
            hello = None
        if not (isinstance(hello, tuple) and hello[0] == "ready"):
            worker.kill()
            raise RuntimeError("the query process did not start")
        worker.walled = bool(hello[1])
        return worker

    def _replace(self) -> None:
        """Start a worker in place of a killed one (in the background) and mark it idle."""

        def start() -> None:
            for _ in range(3):
                try:
                    worker = self._spawn()
                except RuntimeError:
                    time.sleep(0.5)
                    continue
                with self._cond:
                    if self._closed:
                        worker.kill()
                    else:
                        self._idle.append(worker)
                        self._cond.notify_all()
                return

        threading.Thread(target=start, name="omsgraph-respawn", daemon=True).start()

    def start(self) -> None:
        """Start the query processes now (otherwise the first query starts them)."""
        with self._cond:
            if self._started:
                return
            self._closed = False
            started = [self._spawn() for _ in range(self.workers)]
            self._idle.extend(started)
            self.walled = all(w.walled for w in started)
            self._started = True

    def close(self) -> None:
        """Stop every query process."""
        with self._cond:
            self._closed = True
            self._started = False
            workers, self._idle = self._idle, []
            workers += list(self._busy)
            self._busy.clear()
            self._cond.notify_all()
        for worker in workers:
            worker.kill()

    def _acquire(self, client: str, deadline: float) -> _Worker | Answer:
        with self._cond:
            if len(self._waiting) >= self.queue:
                message = f"busy: {self.queue} queries already waiting; retry shortly"
                return Answer(503, "text/plain", message.encode(), 1)
            ticket = [client]
            self._waiting.append(ticket)
            try:
                while True:
                    if self._closed:
                        return Answer(503, "text/plain", b"the endpoint is stopping", 1)
                    if self._idle and self._next() is ticket:
                        worker = self._idle.pop()
                        self._busy.add(worker)
                        self._running[client] += 1
                        return worker
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        return self._timed_out(waited=True)
                    self._cond.wait(remaining)
            finally:
                self._waiting.remove(ticket)
                self._cond.notify_all()

    def _next(self) -> list | None:
        """The waiting request to serve next: its client runs fewest, then first come."""
        eligible = [
            (self._running[t[0]], i, t)
            for i, t in enumerate(self._waiting)
            if self._running[t[0]] < self.per_client
        ]
        return min(eligible, key=lambda e: e[:2])[2] if eligible else None

    def _release(self, worker: _Worker, client: str, healthy: bool) -> int | None:
        """Give `worker` back (or kill and replace it); return a killed worker's exit code."""
        with self._cond:
            self._busy.discard(worker)
            self._running[client] -= 1
            if self._running[client] <= 0:
                del self._running[client]
            if healthy and not self._closed:
                self._idle.append(worker)
            self._cond.notify_all()
        if not healthy:
            code = worker.kill()
            if not self._closed:
                self._replace()
            return code
        return None

    def _timed_out(self, waited: bool = False) -> Answer:
        where = " (waiting for a free query process)" if waited else ""
        message = f"query timed out after {self.timeout:g} s{where}"
        return Answer(503, "text/plain", message.encode(), max(1, math.ceil(self.timeout)))

    def run(
        self,
        text: str,
        fmt: str = "JSON",
        graph_fmt: str = "TURTLE",
        client: str = "",
        arrival: float | None = None,
    ) -> Answer:
        """Run a query for `client`, within `timeout` seconds of `arrival` (monotonic)."""
        verdict = inspect(text, self.max_query_chars)
        if verdict is not None:
            return Answer(verdict.status, "text/plain", verdict.reason.encode())
        if not self._started:
            self.start()
        deadline = (time.monotonic() if arrival is None else arrival) + self.timeout
        got = self._acquire(client, deadline)
        if isinstance(got, Answer):
            return got
        worker = got
        if deadline - time.monotonic() <= 0:  # it waited its whole time: the worker is fine
            self._release(worker, client, healthy=True)
            return self._timed_out(waited=True)
        try:
            worker.outbox.send((text, fmt, graph_fmt))
            if worker.inbox.poll(max(0.0, deadline - time.monotonic())):
                status, content_type, body = worker.inbox.recv()
                self._release(worker, client, healthy=True)
                return Answer(status, content_type, body, 1 if status == 503 else None)
        except (EOFError, OSError):  # the process died under the query
            code = worker.process.wait(10)
            self._release(worker, client, healthy=False)
            return self._died(code)
        self._release(worker, client, healthy=False)
        return self._timed_out()

    def _died(self, code: int | None) -> Answer:
        if code == -signal.SIGABRT:  # Oxigraph aborts when an allocation fails
            message = f"query exceeded the memory limit ({self.memory_mib} MiB); simplify it"
            return Answer(503, "text/plain", message.encode(), 1)
        return Answer(500, "text/plain", f"the query process failed (exit {code})".encode())
