"""Hostile input against ``omsgraph serve`` (issue 13, cases 1-9), over real HTTP on 127.0.0.1.

Every SERVICE test has a listener on a free 127.0.0.1 port that records any connection; a
control test shows that plain pyoxigraph does connect to it, so the listener can tell.
Clients that must count as different clients connect from other loopback addresses
(127.0.0.2, 127.0.0.3: all of 127.0.0.0/8 is loopback on Linux).
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph

from omsgraph.web.serve import start_server
from omsgraph.web.serve_guard import inspect
from omsgraph.web.serve_pool import QueryEngine
from omsgraph.web.serve_worker import execute

FIXTURE = Path(__file__).parents[1] / "fixtures" / "small_graph.ttl"
ASK = "ASK { ?s ?p ?o }"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?q ?r }"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


@pytest.fixture(scope="module")
def server(graph: Graph):
    running = start_server(
        graph,
        timeout=3.0,
        max_results=50,
        workers=2,
        queue=8,
        memory_mib=256,
        read_timeout=1.0,
        max_connections=24,
        cache_bytes=3 << 20,
    )
    try:
        yield running
    finally:
        running.stop()


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    found = Listener()
    yield found
    found.close()


def _call(server, method: str, path: str, body: bytes | None = None, headers=None, source=None):
    host, port = server.server.server_address[:2]
    conn = http.client.HTTPConnection(
        host, port, timeout=20, source_address=(source, 0) if source else None
    )
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read(), response
    finally:
        conn.close()


def _settle(server) -> None:
    """Wait (bounded) until every query process is idle, replaced ones included."""
    engine = server.engine
    deadline = time.monotonic() + 30
    while len(engine._idle) < engine.workers:
        assert time.monotonic() < deadline, "the query processes did not come back"
        time.sleep(0.1)


def _get(server, query: str, source=None, **params):
    path = "/sparql?" + urllib.parse.urlencode({"query": query, **params})
    return _call(server, "GET", path, source=source)


# ----------------------------------------------------------------- 1: no outgoing request

SSRF_FORMS = [
    r"SELECT * WHERE { BIND(<http://x/\u0041#> AS ?z) SERVICE <{ep}> { ?s ?p ?o } }",
    r"SELECT * WHERE { BIND(<http://x/\U00000041#> AS ?z) SERVICE <{ep}> { ?s ?p ?o } }",
    r"PREFIX ex: <http://x/> SELECT * WHERE { { ?a ex:a\#b ?c } UNION "
    r"{ SERVICE <{ep}> { ?s ?p ?o } } }",
    r'SELECT * WHERE { BIND("\u0022#" AS ?z) SERVICE <{ep}> { ?s ?p ?o } }',
    r"SELECT * WHERE { BIND('\'#' AS ?z) SERVICE <{ep}> { ?s ?p ?o } }",
    'SELECT * WHERE { BIND("""a"#""" AS ?z) SERVICE <{ep}> { ?s ?p ?o } }',
    "SELECT * WHERE { # SERVICE in a comment\n SERVICE <{ep}> { ?s ?p ?o } }",
    "select * where { service <{ep}> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <{ep}> { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<{ep}> AS ?ep) SERVICE ?ep { ?s ?p ?o } }",
    "SELECT * WHERE { { SELECT * WHERE { { SELECT * WHERE { SERVICE <{ep}> { ?s ?p ?o } } } } } }",
    "ASK { FILTER EXISTS { SERVICE <{ep}> { ?s ?p ?o } } }",
    "PREFIX e: <http://x/> SELECT * WHERE { ?s e:a\\%\\~ ?o . SERVICE <{ep}> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("form", SSRF_FORMS)
def test_service_in_any_escape_form_is_refused_without_a_connection(
    server, listener, form: str
) -> None:
    query = form.replace("{ep}", f"http://127.0.0.1:{listener.port}/sparql")
    status, kind, body, _ = _get(server, query)
    assert status in (400, 403), body
    assert kind.startswith("text/plain")
    time.sleep(0.1)
    assert listener.connections == 0


def _literal(text: str) -> str:
    for raw, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r")):
        text = text.replace(raw, escaped)
    return f'"{text}"'


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_no_text_before_it_hides_a_service(text: str) -> None:
    inspect(text)  # any text gets a verdict or None, never an exception
    service = "SERVICE <http://127.0.0.1:1/s> { ?s ?p ?o }"
    in_string = f"SELECT * WHERE {{ BIND({_literal(text)} AS ?z) {service} }}"
    assert inspect(in_string).status == 403
    line = text.replace("\n", " ").replace("\r", " ")
    assert inspect(f"SELECT * WHERE {{ # {line}\n {service} }}").status == 403
    iri = "".join(c if c.isalnum() else f"\\u{ord(c):04X}" for c in text if ord(c) < 0x10000)
    assert inspect(f"SELECT * WHERE {{ BIND(<http://x/{iri}#> AS ?z) {service} }}").status == 403


def test_control_plain_pyoxigraph_does_connect(listener) -> None:
    store = ox.Store()
    query = f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{listener.port}/s> {{}} }}"
    list(store.query(query))
    assert listener.connections > 0  # the listener sees a connection when one is made


def test_second_wall_the_query_process_cannot_connect(graph: Graph, listener) -> None:
    engine = QueryEngine(graph, workers=1)
    worker = engine._spawn()  # a query process, sent the query directly: no token check
    try:
        assert worker.walled
        for form in ("SERVICE", "SERVICE SILENT"):
            query = f"SELECT * WHERE {{ {form} <http://127.0.0.1:{listener.port}/s> {{}} }}"
            worker.outbox.send((query, "JSON", "TURTLE"))
            assert worker.inbox.poll(20)
            status, _, _ = worker.inbox.recv()
            assert status in (200, 400)
        assert listener.connections == 0
    finally:
        worker.kill()


# ----------------------------------------------------------------- 2: DNS rebinding, headers


def test_foreign_host_header_is_421(server) -> None:
    path = "/sparql?" + urllib.parse.urlencode({"query": ASK})
    status, kind, body, response = _call(server, "GET", path, headers={"Host": "evil.example"})
    assert status == 421 and kind.startswith("text/plain") and b"evil.example" in body
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    for host in ("localhost:1234", "127.0.0.1", "[::1]:80"):
        assert _call(server, "GET", path, headers={"Host": host})[0] == 200, host
    for host in ("evil.example:80", "127.0.0.1:80@evil.example", "127.0.0.1.evil.example"):
        assert _call(server, "GET", "/", headers={"Host": host})[0] == 421, host


def test_nosniff_everywhere_and_cors_only_when_asked(server, graph: Graph) -> None:
    for path in ("/", "/sparql?query=ASK%7B%7D", "/view/nonsense", "/sparql?query=SELEC"):
        _, _, _, response = _call(server, "GET", path)
        assert response.getheader("X-Content-Type-Options") == "nosniff", path
        assert response.getheader("Access-Control-Allow-Origin") is None
    origin = "https://yasgui.example"
    running = start_server(graph, workers=1, cors=origin)
    try:
        _, _, _, response = _call(running, "GET", "/sparql?query=ASK%7B%7D")
        assert response.getheader("Access-Control-Allow-Origin") == origin
        status, _, _, response = _call(running, "OPTIONS", "/sparql")
        assert status == 204 and "POST" in response.getheader("Access-Control-Allow-Methods")
    finally:
        running.stop()


# ----------------------------------------------------------------- 3: starvation


def test_one_clients_slow_queries_do_not_delay_another_clients_fast_one(server) -> None:
    results: list[tuple[int, float]] = []
    _settle(server)

    def slow() -> None:
        started = time.monotonic()
        status = _get(server, CARTESIAN, source="127.0.0.2")[0]
        results.append((status, time.monotonic() - started))

    threads = [threading.Thread(target=slow) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    status, _, body, _ = _get(server, ASK, source="127.0.0.3")
    fast = time.monotonic() - started
    for thread in threads:
        thread.join(30)
    assert status == 200 and b"true" in body
    assert fast < 2.0  # the slow client's four queries take 3 s each
    # every slow query ends by its deadline from arrival (3 s), queued or not
    assert [s for s, _ in results] == [503] * 4
    assert max(t for _, t in results) < 3.0 + 2.5


def test_full_queue_is_503_with_retry_after_at_once(graph: Graph) -> None:
    running = start_server(graph, timeout=3.0, workers=1, queue=1)
    try:
        threads = [
            threading.Thread(target=_get, args=(running, CARTESIAN), daemon=True) for _ in range(2)
        ]
        for thread in threads:
            thread.start()
            time.sleep(0.3)
        started = time.monotonic()
        status, _, body, response = _get(running, ASK)
        assert status == 503 and b"busy" in body and response.getheader("Retry-After")
        assert time.monotonic() - started < 1.0
        for thread in threads:
            thread.join(30)
    finally:
        running.stop()


# ----------------------------------------------------------------- 4: memory


def test_memory_bomb_is_503_and_the_worker_comes_back(graph: Graph) -> None:
    running = start_server(graph, timeout=15.0, workers=1, memory_mib=128)
    try:
        binds = " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(27))
        query = f'SELECT (STRLEN(?s27) AS ?n) WHERE {{ BIND("0123456789" AS ?s0) {binds} }}'
        started = time.monotonic()
        status, kind, body, response = _get(running, query)
        assert status == 503 and b"memory limit" in body, body
        assert response.getheader("Retry-After")
        assert time.monotonic() - started < 15.0  # stopped by the limit, not the time limit
        _settle(running)  # the killed process is replaced
        assert _get(running, ASK)[0] == 200
    finally:
        running.stop()


# ----------------------------------------------------------------- 5: slow clients


def test_slow_senders_are_cut_off_and_connections_capped(server) -> None:
    host, port = server.server.server_address[:2]
    socks = []
    for _ in range(30):
        sock = socket.create_connection((host, port), timeout=10)
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n\r\nque"
        )
        socks.append(sock)
    started = time.monotonic()
    for sock in socks:  # each is answered (503: too many) or cut off within the deadline
        while sock.recv(4096):
            pass
        sock.close()
    assert time.monotonic() - started < 1.0 + 3.0
    # the server frees a closed connection's slot on its own thread: it serves again within a
    # short deadline (a first answer of 503 while the slots drain is no failure)
    deadline = time.monotonic() + 3.0
    status = _get(server, ASK)[0]
    while status == 503 and time.monotonic() < deadline:
        time.sleep(0.05)
        status = _get(server, ASK)[0]
    assert status == 200


# ----------------------------------------------------------------- 6: cache flooding


def test_unknown_view_targets_are_404_and_the_cache_is_bounded(server) -> None:
    for suffix in ("x", "y/z", "..%2f"):
        status, kind, _, _ = _call(server, "GET", f"/view/overview/{suffix}")
        assert status == 404 and kind.startswith("text/plain"), suffix
    app = server.server.app
    for depth in range(1, 6):
        for name in ("rituximab", "opsoclonus"):
            _call(server, "GET", f"/view/entity/{name}?depth={depth}")
    _call(server, "GET", "/view/overview")
    _call(server, "GET", "/view/citations")
    assert 0 < app.pages.size <= app.pages.budget


# ----------------------------------------------------------------- 7: too deep


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE " + "{" * 10_000 + " ?s ?p ?o " + "}" * 10_000,
        "SELECT * WHERE { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }",
        "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL{?s ?p ?o}" * 10_000 + "}",
        "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL{?s ?p ?o " * 10_000 + "}" * 10_000 + "}",
        "SELECT * WHERE { FILTER(" + "+".join(["1"] * 10_000) + ") }",
    ],
)
def test_too_deep_queries_are_400_with_the_reason(server, query: str) -> None:
    headers = {"Content-Type": "application/sparql-query"}
    status, kind, body, _ = _call(server, "POST", "/sparql", query.encode(), headers)
    assert status == 400 and kind.startswith("text/plain")
    assert b"too deep" in body or b"too complex" in body
    assert _get(server, ASK)[0] == 200


# ----------------------------------------------------------------- 8: one evaluation


class _CountingStore:
    """A real pyoxigraph store that counts how often a query is evaluated."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.calls = 0

    def query(self, text: str):
        self.calls += 1
        return self.store.query(text)


def test_each_query_is_evaluated_once_and_stops_at_the_row_limit(graph: Graph) -> None:
    store = ox.Store()
    store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    counting = _CountingStore(store)
    for query in ("SELECT * WHERE { ?s ?p ?o } LIMIT 5", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5"):
        counting.calls = 0
        assert execute(counting, query, "JSON", "TURTLE", 10)[0] == 200
        assert counting.calls == 1
    started = time.monotonic()
    status = execute(
        counting, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "JSON", "TURTLE", 10
    )[0]
    assert status == 422 and time.monotonic() - started < 2.0


# ----------------------------------------------------------------- 9: protocol


def test_protocol_details(server) -> None:
    path = "/sparql?" + urllib.parse.urlencode([("query", ASK), ("query", "ASK {}")])
    status, kind, body, _ = _call(server, "GET", path)
    assert status == 400 and b"exactly one" in body and kind.startswith("text/plain")
    for name in ("default-graph-uri", "named-graph-uri"):
        status, kind, body, _ = _get(server, ASK, **{name: "http://x/g"})
        assert status == 400 and name.encode() in body and kind.startswith("text/plain")
    status, kind, _, response = _call(server, "POST", "/", b"x=1")
    assert status == 405 and kind.startswith("text/plain") and response.getheader("Allow")
    status, kind, body, _ = _call(
        server,
        "POST",
        "/sparql",
        b"query=" + b"a" * (2 << 20),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 413 and kind.startswith("text/plain") and b"<" not in body
    status, kind, body, _ = _call(server, "GET", "/sparql?query=" + "a" * 70_000)
    assert status == 414 and kind.startswith("text/plain") and b"<" not in body
