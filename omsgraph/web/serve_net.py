"""The HTTP side of ``omsgraph serve``: the threaded server with its connection limits, the
``Host`` allow-list and the page cache.

- **Open connections** are capped: past ``max_connections`` a new connection gets a 503 at once
  and is closed, so no number of clients can make the server start unbounded threads.
- **Read deadline**: a request's line, headers and body must all arrive within
  ``read_timeout`` seconds of its start (and an idle keep-alive connection is closed after
  that long). Every socket read also has that timeout. A watchdog thread shuts down the socket
  of a connection past its deadline, which ends a slow sender's thread at once.
- Errors raised by the HTTP layer itself (414 URI too long, 431, 400) are text/plain like the
  application's, and every response carries ``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import OrderedDict
from functools import partial
from typing import Any

from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler
from werkzeug.wrappers import Request

__all__ = [
    "DEFAULT_MAX_CONNECTIONS",
    "DEFAULT_READ_TIMEOUT",
    "PageCache",
    "Server",
    "host_allowed",
    "read_body",
]

DEFAULT_READ_TIMEOUT = 10.0
DEFAULT_MAX_CONNECTIONS = 128
_LOCAL_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Retry-After: 1\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n"
    b"Content-Length: 26\r\n\r\ntoo many open connections\n"
)


def host_allowed(host: str, environ: dict, extra: set[str]) -> bool:
    """Whether the ``Host`` header names this server: the bound address, a loopback name or
    one of `extra` (any port). Anything else is how DNS rebinding reaches a local server."""
    host = host.strip().lower()
    if host.startswith("[") and "]" in host:
        name, port = host[: host.find("]") + 1], host[host.find("]") + 1 :]
    elif host.count(":") == 1:
        name, port = host.split(":")
        port = ":" + port
    else:
        name, port = host, ""
    if port and not (port.startswith(":") and port[1:].isdigit()):
        return False
    bound = str(environ.get("SERVER_NAME", "")).lower()
    return name in _LOCAL_NAMES or name == bound or name in extra


def read_body(request: Request, read_timeout: float) -> bytes:
    """The request body (413 past the request's limit), read within the connection's deadline;
    after it the connection is no longer watched, so the query may take its own time."""
    data = request.get_data(cache=True)
    done_reading(request)
    return data


def done_reading(request: Request) -> None:
    """Tell the server that this request has been read in full."""
    done = request.environ.get("omsgraph.read_done")
    if done is not None:
        done()


class PageCache:
    """Rendered pages by key, least recently used dropped first, at most `budget` bytes."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self._pages: OrderedDict[Any, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> bytes | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: Any, page: bytes) -> None:
        if len(page) > self.budget:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            self.size -= len(old) if old is not None else 0
            while self._pages and self.size + len(page) > self.budget:
                _, dropped = self._pages.popitem(last=False)
                self.size -= len(dropped)
            self._pages[key] = page
            self.size += len(page)


class _Handler(WSGIRequestHandler):
    """werkzeug's handler with a read deadline per request and text/plain HTTP errors."""

    server: Server
    error_message_format = "%(code)d %(message)s: %(explain)s\n"
    error_content_type = "text/plain; charset=utf-8"

    def setup(self) -> None:
        self.timeout = self.server.read_timeout  # applied to every read of the socket
        super().setup()

    def handle_one_request(self) -> None:
        self.server.watch(self.connection, time.monotonic() + self.server.read_timeout)
        try:
            super().handle_one_request()
        finally:
            self.server.unwatch(self.connection)

    def make_environ(self) -> Any:
        environ = super().make_environ()
        environ["omsgraph.read_done"] = partial(self.server.unwatch, self.connection)
        return environ

    def end_headers(self) -> None:
        sent = b"".join(getattr(self, "_headers_buffer", [])).lower()
        if b"x-content-type-options" not in sent:
            self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass  # quiet: one line per request on stderr would drown the user's terminal


class Server(ThreadedWSGIServer):
    """The threaded WSGI server with a cap on open connections and a read-deadline watchdog."""

    def __init__(
        self, host: str, port: int, app: Any, read_timeout: float, max_connections: int
    ) -> None:
        self.read_timeout = read_timeout
        self.max_connections = max_connections
        self._open = 0
        self._lock = threading.Lock()
        self._deadlines: dict[socket.socket, float] = {}
        self._stopping = threading.Event()
        super().__init__(host, port, app, handler=_Handler)
        self._watchdog = threading.Thread(target=self._watch_loop, name="omsgraph-reaper")
        self._watchdog.daemon = True
        self._watchdog.start()

    def watch(self, conn: socket.socket, deadline: float) -> None:
        with self._lock:
            self._deadlines[conn] = deadline

    def unwatch(self, conn: socket.socket) -> None:
        with self._lock:
            self._deadlines.pop(conn, None)

    def _watch_loop(self) -> None:
        while not self._stopping.wait(0.2):
            now = time.monotonic()
            with self._lock:
                late = [c for c, deadline in self._deadlines.items() if deadline < now]
                for conn in late:
                    del self._deadlines[conn]
            for conn in late:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            full = self._open >= self.max_connections
            if not full:
                self._open += 1
        if full:
            try:
                request.settimeout(1.0)
                request.sendall(_BUSY)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._lock:
                self._open -= 1

    def server_close(self) -> None:
        self._stopping.set()
        super().server_close()
