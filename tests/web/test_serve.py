"""Tests of ``omsgraph serve``: the SPARQL endpoint and the views, over real HTTP on 127.0.0.1.

One server (a free port, a 1.5 s query time limit, a 50-result limit) serves
tests/fixtures/small_graph.ttl for the whole module and is stopped at the end; clients are
urllib and SPARQLWrapper, every request with a timeout.
"""

from __future__ import annotations

import csv
import io
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph

from omsgraph.graph.query import named_queries, run
from omsgraph.web.serve import refusal, start_server

FIXTURE = Path(__file__).parents[1] / "fixtures" / "small_graph.ttl"
TIMEOUT = 1.5
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?q ?r }"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


@pytest.fixture(scope="module")
def server(graph: Graph):
    running = start_server(graph, port=0, timeout=TIMEOUT, max_results=50)
    try:
        assert running.url.startswith("http://127.0.0.1:")
        yield running
    finally:
        running.stop()


def _request(url: str, data: bytes | None = None, headers: dict | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def _get(server, query: str, accept: str | None = None):
    url = f"{server.url}/sparql?" + urllib.parse.urlencode({"query": query})
    return _request(url, headers={"Accept": accept} if accept else None)


def _post_form(server, **fields):
    data = urllib.parse.urlencode(fields).encode()
    return _request(f"{server.url}/sparql", data, {"Accept": "text/csv"})


def test_refusal_reads_tokens_not_text() -> None:
    assert refusal("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
    assert refusal("select * { service silent ?ep { ?s ?p ?o } }")
    assert refusal("PREFIX ex: <http://x/> INSERT DATA { ex:a ex:b ex:c }")
    assert refusal("DELETE WHERE { ?s ?p ?o }")
    # the words inside strings, IRIs, comments, variables and prefixed names are harmless
    assert refusal('SELECT ?service WHERE { ?s <http://x/SERVICE> "SERVICE" } # SERVICE') is None
    assert refusal("PREFIX ex: <http://x/> SELECT * { ?s ex:delete ?o ; ex:service ?x }") is None
    assert refusal('SELECT * { ?s ?p "insert data" }') is None


def test_select_json_by_get(server, graph: Graph) -> None:
    status, kind, body = _get(server, COUNT)
    assert (status, kind) == (200, "application/sparql-results+json")
    value = json.loads(body)["results"]["bindings"][0]["n"]["value"]
    assert int(value) == len(graph)


@pytest.mark.parametrize(
    ("accept", "kind", "marker"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml", b"<sparql"),
        ("text/csv", "text/csv", b"n\r\n"),
        ("text/tab-separated-values", "text/tab-separated-values", b"?n\n"),
        ("application/json", "application/sparql-results+json", b'"bindings"'),
    ],
)
def test_content_negotiation(server, accept: str, kind: str, marker: bytes) -> None:
    status, got, body = _get(server, COUNT, accept)
    assert (status, got) == (200, kind)
    assert marker in body


def test_post_form_and_body(server) -> None:
    status, kind, body = _post_form(server, query=COUNT)
    assert (status, kind) == (200, "text/csv")
    assert body.startswith(b"n\r\n")
    status, kind, body = _request(
        f"{server.url}/sparql",
        b"ASK { ?s a <https://w3id.org/omsgraph/ontology#Conflict> }",
        {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert status == 200 and json.loads(body)["boolean"] is True


def test_construct_and_describe_as_turtle(server) -> None:
    query = (
        "CONSTRUCT { ?c a <https://w3id.org/omsgraph/ontology#Claim> } "
        "WHERE { ?c a <https://w3id.org/omsgraph/ontology#Claim> }"
    )
    status, kind, body = _get(server, query)
    assert (status, kind) == (200, "text/turtle")
    assert len(Graph().parse(data=body.decode(), format="turtle")) == 6
    status, kind, body = _get(server, "DESCRIBE <https://w3id.org/omsgraph/entity/rituximab>")
    assert (status, kind) == (200, "text/turtle")
    assert b"rituximab" in body


def test_named_queries_over_http_with_sparqlwrapper(server, graph: Graph) -> None:
    sparqlwrapper = pytest.importorskip("SPARQLWrapper")
    client = sparqlwrapper.SPARQLWrapper(f"{server.url}/sparql")
    client.setReturnFormat(sparqlwrapper.JSON)
    client.setTimeout(15)
    params = {"file": "000_aa4b564b5e99cff4.txt"}
    found = set()
    for named in named_queries().values():
        text = named.text
        bindings = {p: params[p] for p in named.parameters}
        for name, value in bindings.items():  # a trailing VALUES clause binds the parameter
            text += f'\nVALUES ?{name} {{ "{value}" }}'
        client.setQuery(text)
        remote = client.queryAndConvert()["results"]["bindings"]
        local = list(run(graph, named.text, bindings))
        assert len(remote) == len(local), named.name
        if remote:
            found.add(named.name)
    assert found == set(named_queries())  # each finds something in the fixture


def test_malformed_query_is_400_with_parser_message(server) -> None:
    status, kind, body = _get(server, "SELEC ?x WHERE { }")
    assert (status, kind) == (400, "text/plain")
    assert b"error at 1:" in body  # Oxigraph's parser, with position


@pytest.mark.parametrize(
    "send",
    [
        lambda s: _get(s, "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"),
        lambda s: _post_form(s, update="DELETE WHERE { ?s ?p ?o }"),
        lambda s: _request(
            f"{s.url}/sparql",
            b"DELETE WHERE { ?s ?p ?o }",
            {"Content-Type": "application/sparql-update"},
        ),
        lambda s: _request(f"{s.url}/update", b"update=CLEAR+ALL"),
    ],
)
def test_update_refused(server, send) -> None:
    status, _, body = send(server)
    assert status == 403 and b"read-only" in body
    assert int(json.loads(_get(server, COUNT)[2])["results"]["bindings"][0]["n"]["value"]) > 0


def test_service_refused(server) -> None:
    status, _, body = _get(
        server, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    )
    assert status == 403 and b"SERVICE is refused" in body


def test_result_size_limit(server) -> None:
    status, _, body = _get(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 422 and b"more than 50 results" in body
    status, _, body = _get(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 50", "text/csv")
    assert status == 200 and len(list(csv.reader(io.StringIO(body.decode())))) == 51


def test_runaway_query_times_out_and_server_recovers(server) -> None:
    started = time.monotonic()
    status, _, body = _get(server, RUNAWAY)
    elapsed = time.monotonic() - started
    assert status == 503 and b"timed out" in body
    assert TIMEOUT <= elapsed < TIMEOUT + 10
    status, _, _ = _get(server, COUNT)  # a fresh query process answers
    assert status == 200


def test_views_are_served(server) -> None:
    status, kind, body = _request(f"{server.url}/")
    assert (status, kind) == (200, "text/html")
    for link in (b'href="/view/overview"', b'href="/view/citations"', b'href="/sparql"'):
        assert link in body
    for path in ("/view/overview", "/view/conflicts", "/view/entity/rituximab?depth=2"):
        status, kind, body = _request(server.url + path)
        assert (status, kind) == (200, "text/html"), path
        assert b"new vis.DataSet" in body and b"<script>window.__xss" not in body
    status, _, body = _request(f"{server.url}/view/entity/no-such-thing")
    assert status == 404 and b"no single concept" in body
    status, _, _ = _request(f"{server.url}/view/nonsense")
    assert status == 404


def test_serve_command_runs_with_its_limits(tmp_path: Path) -> None:
    import re
    import subprocess
    import sys

    command = [sys.executable, "-m", "omsgraph", "serve", "--graph", str(FIXTURE), "--port", "0"]
    command += ["--workers", "2", "--queue", "4", "--memory", "512", "--read-timeout", "5"]
    command += ["--max-connections", "8", "--cors", "https://yasgui.example"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        line = process.stderr.readline() if process.stderr else ""
        found = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        assert found, line
        url = found.group(1) + "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        with urllib.request.urlopen(url, timeout=15) as response:
            assert json.loads(response.read())["boolean"] is True
            assert response.headers["Access-Control-Allow-Origin"] == "https://yasgui.example"
            assert response.headers["X-Content-Type-Options"] == "nosniff"
    finally:
        process.terminate()
        process.wait(20)
