"""``omsgraph serve``: the views and a read-only SPARQL 1.1 Protocol endpoint on 127.0.0.1.

Why this stack. The ``oxigraph`` server (PyPI ``oxigraph``) has a read-only mode but no query
time limit and it federates ``SERVICE`` calls to any endpoint; rdflib-endpoint (FastAPI) has
neither a time limit nor a way to stop rdflib from fetching ``SERVICE`` endpoints either, and
rdflib itself is slow on big joins. So the endpoint is pyoxigraph (the Oxigraph engine: a
complete SPARQL 1.1 query parser and evaluator and the W3C result serialisers) in a pool of
query processes (``omsgraph.web.serve_pool``, ``omsgraph.web.serve_worker``) behind a small werkzeug
WSGI application (routing, content negotiation, the threaded server); no HTTP is parsed by
hand. What it guarantees (docs/serving.md says more):

- **Read-only and local**: Update is refused with 403; ``SERVICE`` is refused with 403 from
  the query's tokens (``omsgraph.web.serve_guard``), and the query processes cannot open a socket.
- **No other site's pages can read it**: a request whose ``Host`` is not the bound address,
  ``localhost``, ``127.0.0.1`` or ``[::1]`` (or one given with ``allowed_hosts``) is 421, so DNS
  rebinding gets nothing; CORS is off unless ``cors`` names an origin. Every response carries
  ``X-Content-Type-Options: nosniff``; every error body is one line of text/plain.
- **Limits**: a deadline from each request's arrival (503 + Retry-After), a bounded queue
  (503 + Retry-After at once), a memory limit per query process (503), the result-size limit
  (422), queries too large, deep or complex to plan (400), a read deadline on every connection
  (slow senders are cut off) and a cap on open connections (503).

Results: SELECT/ASK as SPARQL JSON, XML, CSV or TSV by ``Accept`` (JSON by default);
CONSTRUCT/DESCRIBE as Turtle (or N-Triples). Pages: every page ``omsgraph build`` writes, at
``/NAME.html`` as build names it, the same bytes (``omsgraph.web.serve_site``); given the corpus
(``reading``) ``/`` is the condition page, as in build, with the query page and the endpoint
added to its list; without one ``/`` indexes the views. ``/view/KIND`` and
``/view/entity/LABEL?depth=2`` or ``/view/source/FILE`` render on request. Given a ``watch``,
changed data is rebuilt and swapped in while serving (``omsgraph.web.serve_reload``); ``/status``
says which graph is served and whether the last rebuild failed, and why.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote

from rdflib import Graph
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.serving import BaseWSGIServer
from werkzeug.wrappers import Request, Response

from omsgraph.web.serve_guard import refusal
from omsgraph.web.serve_net import (
    DEFAULT_MAX_CONNECTIONS,
    DEFAULT_READ_TIMEOUT,
    PageCache,
    Server,
    done_reading,
    host_allowed,
    read_body,
)
from omsgraph.web.serve_pool import (
    DEFAULT_MAX_RESULTS,
    DEFAULT_MEMORY_MIB,
    DEFAULT_QUEUE,
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    QueryEngine,
)
from omsgraph.web.serve_reload import Generation, Generations, Loaded, Reloader, Watch
from omsgraph.web.serve_site import Site, page_name, render_site

__all__ = [
    "DEFAULT_MAX_RESULTS",
    "DEFAULT_TIMEOUT",
    "Loaded",
    "QueryEngine",
    "RunningServer",
    "SparqlApp",
    "Watch",
    "refusal",
    "serve",
    "start_server",
]

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
_READ_ONLY = "SPARQL Update is refused: this endpoint is read-only"


def _text(status: int, message: str, retry_after: int | None = None) -> Response:
    response = Response(message + "\n", status=status, mimetype="text/plain")
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


class SparqlApp:
    """The WSGI application: ``/`` landing page, ``/NAME.html`` the site's pages, ``/view/...``
    views, ``/query`` and ``/sparql``; `reading`: the corpus of the reading pages, if any."""

    def __init__(
        self,
        graph: Graph,
        engine: QueryEngine,
        title: str | None = None,
        allowed_hosts: Iterable[str] = (),
        cors: str | None = None,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        cache_bytes: int = 32 << 20,
        watch: Watch | None = None,
        reading: Any = None,
    ) -> None:
        from omsgraph.web.site import DEFAULT_TITLE

        self.cache_bytes = cache_bytes
        first = Generation(graph, engine, PageCache(cache_bytes), reading=reading)
        self.generations = Generations(first)
        self.reloader = None
        if watch is not None:
            self.reloader = Reloader(watch, self._generation, self.generations.install)
        self.title = title or DEFAULT_TITLE
        self.allowed_hosts = {h.lower() for h in allowed_hosts}
        self.cors = cors
        self.read_timeout = read_timeout
        self._query_page: str | None = None
        self.urls = Map(
            [
                Rule("/", endpoint="index", methods=["GET", "HEAD"]),
                Rule("/view/<kind>", endpoint="view", methods=["GET", "HEAD"]),
                Rule("/view/<kind>/<path:target>", endpoint="view", methods=["GET", "HEAD"]),
                Rule("/sparql", endpoint="sparql"),
                Rule("/query", endpoint="query_page", methods=["GET", "HEAD"]),
                Rule("/update", endpoint="update"),
                Rule("/status", endpoint="status", methods=["GET", "HEAD"]),
                Rule("/<name>", endpoint="site_page", methods=["GET", "HEAD"]),
            ]
        )

    @property
    def current(self) -> Generation:
        return self.generations.current

    @property
    def graph(self) -> Graph:
        return self.current.graph

    @property
    def engine(self) -> QueryEngine:
        return self.current.engine

    @property
    def pages(self) -> PageCache:
        return self.current.pages

    def _generation(self, loaded: Graph | Loaded) -> Generation:
        """A new generation for `loaded`: query processes started like the current ones, and
        its site's pages made (in the rebuild's thread: the swap brings them ready)."""
        if not isinstance(loaded, Loaded):
            loaded = Loaded(loaded)
        graph = loaded.graph
        old = self.engine
        keys = ("timeout", "max_results", "workers", "queue", "memory_mib", "max_query_chars")
        engine = QueryEngine(graph, **{k: getattr(old, k) for k in keys})
        engine.start()
        generation = Generation(graph, engine, PageCache(self.cache_bytes), reading=loaded.reading)
        try:
            self.site(generation)
        except BaseException:
            engine.close()
            raise
        return generation

    def site(self, gen: Generation | None = None) -> Site:
        """The pages build writes for `gen` (the current generation), made once."""
        gen = self.current if gen is None else gen
        with gen.lock:
            if gen.site is None:
                gen.site = render_site(gen.graph, self.title, gen.reading)
            return gen.site

    def close(self) -> None:
        """Stop the current query processes."""
        self.generations.close()

    def on_status(self, request: Request, arrival: float, gen: Generation) -> Response:
        loaded = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(gen.loaded))
        lines = [f"graph: {len(gen.graph)} triples, loaded {loaded}"]
        if self.reloader is None:
            lines.append("reload: off (changed data is not picked up)")
        else:
            lines.append(f"reloads: {self.reloader.reloads}")
            error = self.reloader.error
            lines.append(f"last reload failed: {error}" if error else "data: current")
        site = gen.site
        if site is not None:
            lines.append(
                f"site: {len(site.pages)} pages, {site.size / 2**20:.1f} MiB, "
                f"made in {site.seconds:.2f} s"
            )
        return Response("\n".join(lines) + "\n", mimetype="text/plain")

    def __call__(self, environ: dict, start_response: Any) -> Iterable[bytes]:
        if self.reloader is not None and host_allowed(
            Request(environ).host, environ, self.allowed_hosts
        ):  # a misdirected request starts no rebuild
            if environ.get("REQUEST_METHOD") != "POST":
                done_reading(Request(environ))  # the read timeout does not run while it waits
            self.reloader.check()  # may wait for a rebuild: the query's time starts after it
        arrival = time.monotonic()
        gen = self.generations.enter()  # this request uses this graph to its end
        try:
            return self._respond(environ, start_response, arrival, gen)
        finally:
            self.generations.leave(gen)

    def _respond(
        self, environ: dict, start_response: Any, arrival: float, gen: Generation
    ) -> Iterable[bytes]:
        request = Request(environ)
        request.max_content_length = _MAX_BODY
        if request.method != "POST":  # read in full: from here the app takes its own time
            done_reading(request)
        try:
            if not host_allowed(request.host, environ, self.allowed_hosts):
                host = request.host[:100]
                response = _text(421, f"misdirected request: host {host!r} is not served here")
            else:
                endpoint, args = self.urls.bind_to_environ(environ).match()
                handler = getattr(self, f"on_{endpoint}")
                response = handler(request, arrival=arrival, gen=gen, **args)
        except HTTPException as exc:
            if exc.code is not None and exc.code < 400:  # a redirect of the router
                response = exc.get_response(environ)
            else:
                response = _text(exc.code or 500, f"{exc.code} {exc.name}: {exc.description}")
                if exc.code == 405 and getattr(exc, "valid_methods", None):
                    response.headers["Allow"] = ", ".join(exc.valid_methods)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if self.cors and request.path == "/sparql":
            response.headers["Access-Control-Allow-Origin"] = self.cors
            response.headers["Vary"] = "Origin"
        return response(environ, start_response)

    def on_site_page(
        self, request: Request, arrival: float, gen: Generation, name: str
    ) -> Response:
        """One page of the site, as build writes it; ``index.html`` is the landing page."""
        if not page_name(name):
            return _text(404, "no such page: the site's pages are listed at /")
        try:
            site = self.site(gen)
        except Exception as exc:  # noqa: BLE001 - a graph the writer cannot draw: one line
            return _text(500, "cannot write the site's pages: " + " ".join(str(exc).split()))
        page = site.landing if name == "index.html" else site.pages.get(name)
        if page is None:
            return _text(404, "no such page: the site's pages are listed at /")
        return Response(page, mimetype="text/html")

    def on_index(self, request: Request, arrival: float, gen: Generation) -> Response:
        from omsgraph.web.site import render_index, site_index

        if gen.reading is not None:  # the condition page, as build writes it
            return Response(self.site(gen).landing, mimetype="text/html")

        rows = []
        for href, name, what in site_index(gen.graph):
            if name.startswith("Source "):
                href = "/view/source/" + quote(name.removeprefix("Source "))
            else:
                href = "/view/" + ("overview" if href == "omsgraph.html" else href[:-5])
            rows.append((href, name, what))
        rows.append(
            ("/query", "Query page", "SPARQL in the browser: the named queries as examples")
        )
        rows.append(("/sparql", "SPARQL endpoint", "SPARQL 1.1 Protocol, read-only (GET or POST)"))
        hint = "One concept and its neighbours: /view/entity/LABEL?depth=2"
        return Response(render_index(self.title, rows, hint), mimetype="text/html")

    def on_query_page(self, request: Request, arrival: float, gen: Generation) -> Response:
        from omsgraph.web.query_page import render_query_page

        if self._query_page is None:
            self._query_page = render_query_page()
        return Response(self._query_page, mimetype="text/html")

    def on_view(
        self,
        request: Request,
        arrival: float,
        gen: Generation,
        kind: str,
        target: str | None = None,
    ) -> Response:
        from omsgraph.web.site import _NEEDS_TARGET, VIEW_KINDS, render_view

        if kind not in VIEW_KINDS:
            raise NotFound(f"no view {kind!r}; views: {', '.join(VIEW_KINDS)}")
        if target is not None and kind not in _NEEDS_TARGET:
            return _text(404, f"view {kind!r} has no pages below it: /view/{kind}")
        try:
            depth = max(1, min(5, int(request.args.get("depth", "1"))))
        except ValueError:
            return _text(400, "depth must be a number")
        if kind not in ("entity",):
            depth = 1  # only the entity view reads the depth
        done_reading(request)
        key = (kind, target or "", depth)
        page = gen.pages.get(key)
        if page is None:
            proj = self._entity_projection(gen) if kind == "entity" else None
            try:
                html, _ = render_view(
                    gen.graph, self.title, kind, target, depth, index_href="/", proj=proj
                )
            except (LookupError, ValueError) as exc:
                return _text(404, " ".join(str(exc.args[0]).split()))
            page = html.encode("utf-8")
            gen.pages.put(key, page)
        return Response(page, mimetype="text/html")

    def _entity_projection(self, gen: Generation) -> Any:
        """The graph's projection, made once: an entity page (or a 404 for an unknown
        label) then costs a lookup, not a new projection of the whole graph."""
        from omsgraph.web.project import project

        with gen.lock:
            if gen.projection is None:
                gen.projection = project(gen.graph)
            return gen.projection

    def on_update(self, request: Request, arrival: float, gen: Generation) -> Response:
        return _text(403, _READ_ONLY)

    def _params(self, request: Request) -> list[tuple[str, str]]:
        """The protocol parameters: the URL's, then a form body's (read within the deadline)."""
        params = parse_qsl(request.query_string.decode("latin-1"), keep_blank_values=True)
        if request.method == "POST" and request.mimetype == "application/x-www-form-urlencoded":
            body = read_body(request, self.read_timeout)
            params += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        return params

    def on_sparql(self, request: Request, arrival: float, gen: Generation) -> Response:
        if request.method == "OPTIONS" and self.cors:
            response = Response(status=204)
            response.headers["Access-Control-Allow-Methods"] = "GET, POST"
            response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
            response.headers["Access-Control-Max-Age"] = "600"
            return response
        if request.method not in ("GET", "POST", "HEAD"):
            response = _text(405, "405 Method Not Allowed: use GET or POST")
            response.headers["Allow"] = "GET, POST"
            return response
        if request.method == "POST" and request.mimetype == "application/sparql-update":
            return self.on_update(request, arrival, gen)
        params = self._params(request)
        names = [name for name, _ in params]
        if "update" in names:
            return self.on_update(request, arrival, gen)
        for name in ("default-graph-uri", "named-graph-uri"):
            if any(n == name and v.strip() for n, v in params):
                return _text(
                    400,
                    f"{name} is not supported: this endpoint serves one graph, "
                    "its default graph (use GRAPH or FROM in the query instead)",
                )
        queries = [value for name, value in params if name == "query"]
        if request.method == "POST" and request.mimetype == "application/sparql-query":
            if queries:
                return _text(400, "a sparql-query body and a query parameter: send one query")
            queries = [read_body(request, self.read_timeout).decode("utf-8", "replace")]
        if len(queries) > 1:
            return _text(400, f"{len(queries)} query parameters: send exactly one")
        text = queries[0] if queries else ""
        if not text.strip():
            return _text(400, "no query: send ?query=... (GET) or a form or sparql-query body")
        fmt = _RESULT_TYPES[
            request.accept_mimetypes.best_match(_RESULT_TYPES, "application/sparql-results+json")
        ]
        graph_fmt = _GRAPH_TYPES[request.accept_mimetypes.best_match(_GRAPH_TYPES, "text/turtle")]
        client = request.remote_addr or ""
        done_reading(request)
        answer = gen.engine.run(text, fmt, graph_fmt, client=client, arrival=arrival)
        if answer.content_type == "text/plain":
            return _text(answer.status, answer.body.decode("utf-8", "replace"), answer.retry_after)
        response = Response(answer.body, status=answer.status, content_type=answer.content_type)
        response.content_type = answer.content_type + "; charset=utf-8"
        return response


# --------------------------------------------------------------------------- running it


@dataclass
class RunningServer:
    """A server running in a background thread (for tests and notebooks); `stop` ends it."""

    server: BaseWSGIServer
    thread: Any
    app: SparqlApp

    @property
    def engine(self) -> QueryEngine:
        return self.app.engine

    @property
    def url(self) -> str:
        return f"http://{self.server.host}:{self.server.server_port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)
        self.app.close()


def _make(graph: Graph, host: str, port: int, **options: Any) -> tuple[Server, SparqlApp]:
    engine_keys = ("timeout", "max_results", "workers", "queue", "memory_mib")
    engine = QueryEngine(graph, **{k: options.pop(k) for k in engine_keys if k in options})
    engine.start()
    if not engine.walled:
        print(
            "warning: seccomp unavailable; SERVICE is refused by the query check only",
            file=sys.stderr,
        )
    max_connections = options.pop("max_connections", DEFAULT_MAX_CONNECTIONS)
    read_timeout = options.get("read_timeout", DEFAULT_READ_TIMEOUT)
    try:
        app = SparqlApp(graph, engine, **options)
        if app.current.reading is not None:  # the pages are made with the generation
            app.site()
        server = Server(host, port, app, read_timeout, max_connections)
    except BaseException:
        engine.close()
        raise
    return server, app


def start_server(
    graph: Graph,
    host: str = "127.0.0.1",
    port: int = 0,
    timeout: float = DEFAULT_TIMEOUT,
    max_results: int = DEFAULT_MAX_RESULTS,
    **options: Any,
) -> RunningServer:
    """Start serving `graph` in a background thread (port 0: a free port) and return it.

    `options`: workers, queue, memory_mib, max_connections, read_timeout, allowed_hosts,
    cors, cache_bytes, title, watch (see :func:`serve`; watch rebuilds on changed data),
    reading (the corpus of the reading pages: the landing page is then the condition page)."""
    server, app = _make(graph, host, port, timeout=timeout, max_results=max_results, **options)
    thread = threading.Thread(target=server.serve_forever, name="omsgraph-serve", daemon=True)
    thread.start()
    return RunningServer(server, thread, app)


def serve(
    graph: Graph,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = DEFAULT_TIMEOUT,
    max_results: int = DEFAULT_MAX_RESULTS,
    ready: Any = None,
    workers: int = DEFAULT_WORKERS,
    queue: int = DEFAULT_QUEUE,
    memory_mib: int = DEFAULT_MEMORY_MIB,
    **options: Any,
) -> None:
    """Serve `graph` until interrupted; `ready(url)` is called once it listens."""
    server, app = _make(
        graph,
        host,
        port,
        timeout=timeout,
        max_results=max_results,
        workers=workers,
        queue=queue,
        memory_mib=memory_mib,
        **options,
    )
    try:
        if ready is not None:
            ready(f"http://{host}:{server.server_port}")
        server.serve_forever()
    finally:
        server.server_close()
        app.close()
