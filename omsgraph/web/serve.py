"""``omsgraph serve``: the views and a read-only SPARQL 1.1 Protocol endpoint on 127.0.0.1.

Why this stack. The ``oxigraph`` server (PyPI ``oxigraph``) has a read-only mode but no query
time limit and it federates ``SERVICE`` calls to any endpoint; rdflib-endpoint (FastAPI) has
neither a time limit nor a way to stop rdflib from fetching ``SERVICE`` endpoints either, and
rdflib itself is slow on big joins. So the endpoint is pyoxigraph (the Oxigraph engine: a
complete SPARQL 1.1 query parser and evaluator and the W3C result serialisers) behind a small
werkzeug WSGI application (routing, content negotiation, form and body parsing, the threaded
server); no HTTP is parsed by hand. The read-only rules are ours, enforced before or around
the engine:

- **Update** (``update=`` or an ``application/sparql-update`` body, or update text sent as a
  query) is refused with 403. The store lives in a child process and is never written.
- **SERVICE** is refused with 403 before execution: the query's tokens (outside strings, IRIs
  and comments) are scanned for the ``SERVICE`` keyword (pyoxigraph would otherwise fetch it).
- **Time limit**: each query runs in a child process holding the store; when it does not
  answer within ``timeout`` seconds the process is killed (Oxigraph cannot be interrupted
  from Python any other way), a fresh one is started, and the client gets 503.
- **Result-size limit**: more than ``max_results`` solutions or triples is refused with 422
  (add a LIMIT).
- A malformed query gets 400 with the Oxigraph parser's message.

Results: SELECT/ASK as SPARQL JSON, XML, CSV or TSV by ``Accept`` (JSON by default);
CONSTRUCT/DESCRIBE as Turtle (or N-Triples). Views: ``/`` is the index, ``/view/KIND`` and
``/view/entity/LABEL?depth=2`` or ``/view/source/FILE`` render on request.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any
from urllib.parse import quote

from rdflib import Graph
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

__all__ = [
    "DEFAULT_MAX_RESULTS",
    "DEFAULT_TIMEOUT",
    "QueryEngine",
    "RunningServer",
    "SparqlApp",
    "refusal",
    "serve",
    "start_server",
]

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RESULTS = 10_000
_MAX_BODY = 1 << 20

#: media type -> pyoxigraph QueryResultsFormat name (SELECT/ASK), first is the default
_RESULT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/json": "JSON",
    "application/xml": "XML",
}
#: media type -> pyoxigraph RdfFormat name (CONSTRUCT/DESCRIBE), first is the default
_GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES"}
_FORMAT_TYPES = {
    "JSON": "application/sparql-results+json",
    "XML": "application/sparql-results+xml",
    "CSV": "text/csv",
    "TSV": "text/tab-separated-values",
    "TURTLE": "text/turtle",
    "N_TRIPLES": "application/n-triples",
}

# tokens that hide keywords: comments, strings (long ones first) and IRIs
_OPAQUE = re.compile(
    r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>',
    re.DOTALL,
)
_KEYWORD = r"(?<![\w:?$.\-]){}(?![\w:\-])"
_SERVICE = re.compile(_KEYWORD.format("SERVICE"), re.IGNORECASE)
_UPDATE = re.compile(
    _KEYWORD.format(r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)"),
    re.IGNORECASE,
)
_QUERY_FORM = re.compile(_KEYWORD.format(r"(?:SELECT|CONSTRUCT|DESCRIBE|ASK)"), re.IGNORECASE)


def refusal(text: str) -> str | None:
    """Why the read-only endpoint refuses `text` (an update or a SERVICE call), or None."""
    bare = _OPAQUE.sub(" ", text)
    if _SERVICE.search(bare):
        return "SERVICE is refused: this endpoint does not query other endpoints"
    update = _UPDATE.search(bare)
    form = _QUERY_FORM.search(bare)
    if update and (form is None or update.start() < form.start()):
        return "SPARQL Update is refused: this endpoint is read-only"
    return None


# --------------------------------------------------------------------------- the engine


def _execute(store: Any, text: str, fmt: str, graph_fmt: str, limit: int) -> tuple[int, str, bytes]:
    import pyoxigraph as ox

    try:
        result = store.query(text)
    except SyntaxError as exc:
        return 400, "text/plain", f"malformed query: {exc}".encode()
    if isinstance(result, ox.QueryBoolean):
        if fmt in ("CSV", "TSV"):
            fmt = "JSON"
        body = result.serialize(format=getattr(ox.QueryResultsFormat, fmt))
        return 200, _FORMAT_TYPES[fmt], body
    count = 0
    for _ in result:
        count += 1
        if count > limit:
            message = f"result too large: more than {limit} results; add a LIMIT"
            return 422, "text/plain", message.encode()
    result = store.query(text)  # the count consumed it; run again to serialise
    if isinstance(result, ox.QueryTriples):
        body = result.serialize(format=getattr(ox.RdfFormat, graph_fmt))
        return 200, _FORMAT_TYPES[graph_fmt], body
    body = result.serialize(format=getattr(ox.QueryResultsFormat, fmt))
    return 200, _FORMAT_TYPES[fmt], body


def _worker_main(read_fd: int, write_fd: int, limit: int) -> None:
    """The child process: load the store, then answer (query, formats) messages until EOF."""
    import pyoxigraph as ox

    inbox = Connection(read_fd, writable=False)
    outbox = Connection(write_fd, readable=False)
    store = ox.Store()
    store.bulk_load(inbox.recv_bytes(), format=ox.RdfFormat.N_TRIPLES)
    outbox.send("ready")
    while True:
        try:
            text, fmt, graph_fmt = inbox.recv()
        except EOFError:
            return
        try:
            outbox.send(_execute(store, text, fmt, graph_fmt, limit))
        except Exception as exc:  # an evaluation error is the query's, not the server's
            outbox.send((400, "text/plain", f"query failed: {exc}".encode()))


@dataclass
class QueryEngine:
    """pyoxigraph in a child process that is killed and replaced when a query overruns.

    The child is ``python -m omsgraph.web.serve --worker`` talking over two pipes (a subprocess,
    not `multiprocessing`, so it never re-imports the caller's ``__main__``).
    """

    graph: Graph
    timeout: float = DEFAULT_TIMEOUT
    max_results: int = DEFAULT_MAX_RESULTS
    _data: bytes = field(default=b"", init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _process: Any = field(default=None, init=False, repr=False)
    _inbox: Any = field(default=None, init=False, repr=False)
    _outbox: Any = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._data = self.graph.serialize(format="nt", encoding="utf-8")

    def _start(self) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        command = [sys.executable, "-m", "omsgraph.web.serve", "--worker"]
        command += [str(to_child_r), str(from_child_w), str(self.max_results)]
        process = subprocess.Popen(command, pass_fds=(to_child_r, from_child_w))
        os.close(to_child_r)
        os.close(from_child_w)
        self._process = process
        self._outbox = Connection(to_child_w, readable=False)
        self._inbox = Connection(from_child_r, writable=False)
        try:
            self._outbox.send_bytes(self._data)
            started = self._inbox.poll(60) and self._inbox.recv() == "ready"
        except (EOFError, OSError):
            started = False
        if not started:
            self._stop()
            raise RuntimeError("the query process did not start")

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait(10)
            self._inbox.close()
            self._outbox.close()
        self._process = self._inbox = self._outbox = None

    def start(self) -> None:
        """Start the child process now (otherwise the first query starts it)."""
        with self._lock:
            if self._process is None:
                self._start()

    def close(self) -> None:
        """Stop the child process."""
        with self._lock:
            self._stop()

    def run(
        self, text: str, fmt: str = "JSON", graph_fmt: str = "TURTLE"
    ) -> tuple[int, str, bytes]:
        """Run a query; return (HTTP status, content type, body)."""
        why = refusal(text)
        if why:
            return 403, "text/plain", why.encode()
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._stop()
                self._start()
            try:
                self._outbox.send((text, fmt, graph_fmt))
                if self._inbox.poll(self.timeout):
                    return self._inbox.recv()
            except (EOFError, OSError):  # the child died (out of memory?): start afresh
                self._stop()
                self._start()
                return 500, "text/plain", b"the query process failed"
            self._stop()  # the only way to stop a running Oxigraph query
            self._start()
        message = f"query timed out after {self.timeout:g} s"
        return 503, "text/plain", message.encode()


# --------------------------------------------------------------------------- the WSGI app


def _text(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")


class SparqlApp:
    """The WSGI application: ``/`` index, ``/view/...`` pages, ``/sparql`` endpoint."""

    def __init__(self, graph: Graph, engine: QueryEngine, title: str | None = None) -> None:
        from omsgraph.web.site import DEFAULT_TITLE

        self.graph = graph
        self.engine = engine
        self.title = title or DEFAULT_TITLE
        self._pages: dict[tuple[str, str, int], bytes] = {}
        self._pages_lock = threading.Lock()
        self.urls = Map(
            [
                Rule("/", endpoint="index"),
                Rule("/view/<kind>", endpoint="view"),
                Rule("/view/<kind>/<path:target>", endpoint="view"),
                Rule("/sparql", endpoint="sparql"),
                Rule("/update", endpoint="update"),
            ]
        )

    def __call__(self, environ: dict, start_response: Any) -> Iterable[bytes]:
        request = Request(environ)
        request.max_content_length = _MAX_BODY
        try:
            endpoint, args = self.urls.bind_to_environ(environ).match()
            response = getattr(self, f"on_{endpoint}")(request, **args)
        except HTTPException as exc:
            response = exc.get_response(environ)
        return response(environ, start_response)

    def on_index(self, request: Request) -> Response:
        from omsgraph.web.site import render_index, site_index

        rows = []
        for href, name, what in site_index(self.graph):
            if name.startswith("Source "):
                href = "/view/source/" + quote(name.removeprefix("Source "))
            else:
                href = "/view/" + ("overview" if href == "omsgraph.html" else href[:-5])
            rows.append((href, name, what))
        rows.append(("/sparql", "SPARQL endpoint", "SPARQL 1.1 Protocol, read-only (GET or POST)"))
        hint = "One concept and its neighbours: /view/entity/LABEL?depth=2"
        return Response(render_index(self.title, rows, hint), mimetype="text/html")

    def on_view(self, request: Request, kind: str, target: str | None = None) -> Response:
        from omsgraph.web.site import VIEW_KINDS, render_view

        if kind not in VIEW_KINDS:
            raise NotFound(f"no view {kind!r}; views: {', '.join(VIEW_KINDS)}")
        try:
            depth = max(1, min(5, int(request.args.get("depth", "1"))))
        except ValueError:
            return _text(400, "depth must be a number")
        key = (kind, target or "", depth)
        with self._pages_lock:
            page = self._pages.get(key)
        if page is None:
            try:
                html, _ = render_view(self.graph, self.title, kind, target, depth, index_href="/")
            except (LookupError, ValueError) as exc:
                return _text(404, str(exc.args[0]))
            page = html.encode("utf-8")
            with self._pages_lock:
                if len(self._pages) >= 64:
                    self._pages.clear()
                self._pages[key] = page
        return Response(page, mimetype="text/html")

    def on_update(self, request: Request) -> Response:
        return _text(403, "SPARQL Update is refused: this endpoint is read-only")

    def on_sparql(self, request: Request) -> Response:
        if request.method not in ("GET", "POST", "HEAD"):
            raise MethodNotAllowed(["GET", "POST"])
        if request.method == "POST" and request.mimetype == "application/sparql-update":
            return self.on_update(request)
        if request.method == "POST" and request.mimetype == "application/sparql-query":
            text = request.get_data(as_text=True)
        elif request.method == "POST":
            if "update" in request.form:
                return self.on_update(request)
            text = request.form.get("query", "")
        else:
            if "update" in request.args:
                return self.on_update(request)
            text = request.args.get("query", "")
        if not text.strip():
            return _text(400, "no query: send ?query=... (GET) or a form or sparql-query body")
        fmt = _RESULT_TYPES[
            request.accept_mimetypes.best_match(_RESULT_TYPES, "application/sparql-results+json")
        ]
        graph_fmt = _GRAPH_TYPES[request.accept_mimetypes.best_match(_GRAPH_TYPES, "text/turtle")]
        status, content_type, body = self.engine.run(text, fmt, graph_fmt)
        response = Response(body, status=status, content_type=content_type)
        if status == 200 and not content_type.startswith("text/plain"):
            response.content_type = content_type + "; charset=utf-8"
        return response


# --------------------------------------------------------------------------- running it


@dataclass
class RunningServer:
    """A server running in a background thread (for tests and notebooks); `stop` ends it."""

    server: BaseWSGIServer
    thread: threading.Thread
    engine: QueryEngine

    @property
    def url(self) -> str:
        return f"http://{self.server.host}:{self.server.server_port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)
        self.engine.close()


def _make(
    graph: Graph, host: str, port: int, timeout: float, max_results: int
) -> tuple[BaseWSGIServer, QueryEngine]:
    engine = QueryEngine(graph, timeout=timeout, max_results=max_results)
    engine.start()
    server = make_server(host, port, SparqlApp(graph, engine), threaded=True)
    return server, engine


def start_server(
    graph: Graph,
    host: str = "127.0.0.1",
    port: int = 0,
    timeout: float = DEFAULT_TIMEOUT,
    max_results: int = DEFAULT_MAX_RESULTS,
) -> RunningServer:
    """Start serving `graph` in a background thread (port 0: a free port) and return it."""
    server, engine = _make(graph, host, port, timeout, max_results)
    thread = threading.Thread(target=server.serve_forever, name="omsgraph-serve", daemon=True)
    thread.start()
    return RunningServer(server, thread, engine)


def serve(
    graph: Graph,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = DEFAULT_TIMEOUT,
    max_results: int = DEFAULT_MAX_RESULTS,
    ready: Any = None,
) -> None:
    """Serve `graph` until interrupted; `ready(url)` is called once it listens."""
    server, engine = _make(graph, host, port, timeout, max_results)
    try:
        if ready is not None:
            ready(f"http://{host}:{server.server_port}")
        server.serve_forever()
    finally:
        server.server_close()
        engine.close()


if __name__ == "__main__" and sys.argv[1:2] == ["--worker"]:
    _worker_main(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
