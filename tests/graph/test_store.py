"""Stores: selectors, an on-disk Oxigraph store, and a real Oxigraph SPARQL server on 127.0.0.1
(the PyPI ``oxigraph`` binary): push, query, and the same named-query answers everywhere."""

from __future__ import annotations

import csv
import io
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import XSD, Graph, Literal
from rdflib.compare import isomorphic

from omsgraph.cli import cli
from omsgraph.errors import DataError
from omsgraph.graph.mappings import load_mappings
from omsgraph.graph.query import format_result, named_queries, run
from omsgraph.graph.rdf import build_graph
from omsgraph.graph.store import StoreSpec, open_graph, parse_selector, push
from tests.conftest import CORPUS_DATA, ONTOLOGY

PARAMETERS = {"file": "003_6e40a66a197a718b.txt"}


INTEGERS = (XSD.nonNegativeInteger, XSD.positiveInteger)


def same(left: Graph, right: Graph) -> bool:
    """Isomorphic up to what Oxigraph's storage canonicalises: "x" is "x"^^xsd:string under
    RDF 1.1, and Oxigraph keeps xsd:nonNegativeInteger/positiveInteger values as xsd:integer
    (the same numbers). Everything else must match exactly."""

    def plain(graph: Graph) -> Graph:
        out = Graph()
        for s, p, o in graph:
            if isinstance(o, Literal) and o.datatype == XSD.string:
                o = Literal(str(o))
            elif isinstance(o, Literal) and o.datatype in INTEGERS:
                o = Literal(str(o), datatype=XSD.integer)
            out.add((s, p, o))
        return out

    return isomorphic(plain(left), plain(right))


@pytest.mark.parametrize(
    ("selector", "spec"),
    [
        ("memory", StoreSpec("memory")),
        ("oxigraph:out/db", StoreSpec("oxigraph", "out/db")),
        (
            "sparql:http://localhost:3030/ds/sparql",
            StoreSpec("sparql", "http://localhost:3030/ds/sparql"),
        ),
    ],
)
def test_selectors_parse(selector: str, spec: StoreSpec) -> None:
    assert parse_selector(selector) == spec
    assert str(spec) == selector


@pytest.mark.parametrize(
    ("selector", "message"),
    [
        ("postgres:db", "unknown store"),
        ("oxigraph:", "give the PATH"),
        ("sparql:ftp://x/q", "http(s) URL"),
        ("memory:x", "takes no location"),
    ],
)
def test_bad_selectors_say_why(selector: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_selector(selector)


@pytest.fixture(scope="module")
def graph(corpus) -> Graph:
    return build_graph(corpus, mappings=load_mappings(ONTOLOGY / "mappings.sssom.tsv"))


def test_oxigraph_store_persists_and_is_refreshed_by_push(tmp_path: Path, data_dir: Path) -> None:
    from omsgraph.corpus.claims import load_corpus

    small = build_graph(load_corpus(data_dir))
    location = f"oxigraph:{tmp_path / 'db'}"
    stored = open_graph(location, build=lambda: small)
    assert same(stored, small)
    stored.close()
    again = open_graph(location, build=lambda: pytest.fail("a filled store is not rebuilt"))
    assert same(again, small)
    again.close()
    bigger = Graph() + small
    bigger.parse(data="<urn:x:a> <urn:x:b> <urn:x:c> .", format="nt")
    assert push(bigger, location) == len(small) + 1
    assert len(open_graph(location)) == len(small) + 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph SPARQL server (``oxigraph serve``) on a free local port."""
    binary = Path(sys.executable).with_name("oxigraph")
    port = _free_port()
    process = subprocess.Popen(
        [
            str(binary),
            "serve",
            "--location",
            str(tmp_path_factory.mktemp("oxigraph")),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the oxigraph server did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _normalised(text: str, query: str) -> list[list[str]]:
    """CSV rows, with the items of GROUP_CONCAT columns sorted: SPARQL leaves their order
    to the engine, so two correct stores may join the same items in different orders."""
    concat = set(re.findall(r"GROUP_CONCAT\([^)]*\)\s+AS\s+\?(\w+)", query, flags=re.I))
    rows = list(csv.reader(io.StringIO(text)))
    columns = [i for i, name in enumerate(rows[0]) if name in concat]
    for row in rows[1:]:
        for i in columns:
            row[i] = " ".join(sorted(row[i].split(" ")))
    return rows


def test_push_loads_the_graph_into_the_server(server: str, graph: Graph) -> None:
    assert push(graph, f"{server}/store") == len(graph)
    with urllib.request.urlopen(f"{server}/store?default", timeout=30) as response:
        served = Graph().parse(data=response.read(), format="nt")
    assert same(served, graph)


def test_named_queries_agree_on_all_three_stores(server: str, graph: Graph, tmp_path: Path) -> None:
    push(graph, f"{server}/store")
    stores = {
        "oxigraph": open_graph(f"oxigraph:{tmp_path / 'db'}", build=lambda: graph),
        "sparql": open_graph(f"sparql:{server}/query", build=lambda: graph),
    }
    for name, named in named_queries().items():
        bindings = {p: PARAMETERS[p] for p in named.parameters}
        expected = _normalised(format_result(run(graph, named.text, bindings), "csv"), named.text)
        assert len(expected) > 1, f"{name} answers nothing on the corpus"
        for store, store_graph in stores.items():
            answer = format_result(run(store_graph, named.text, bindings), "csv")
            assert _normalised(answer, named.text) == expected, f"{name} differs on {store}"


def test_cli_push_then_query_through_the_server(server: str) -> None:
    runner = CliRunner()
    base = ["--data", str(CORPUS_DATA), "--ontology", str(ONTOLOGY)]
    pushed = runner.invoke(cli, [*base, "push", f"{server}/store"])
    assert pushed.exit_code == 0 and "pushed" in pushed.output
    memory = runner.invoke(cli, [*base, "query", "treatments", "--format", "csv"])
    remote = runner.invoke(
        cli, [*base, "--store", f"sparql:{server}/query", "query", "treatments", "--format", "csv"]
    )
    assert remote.exit_code == 0, remote.output
    assert remote.output == memory.output


def test_unreachable_server_is_one_line_and_exit_1() -> None:
    port = _free_port()
    result = CliRunner().invoke(
        cli, ["--data", str(CORPUS_DATA), "--store", f"sparql:http://127.0.0.1:{port}/q", "stats"]
    )
    assert result.exit_code == 1
    assert "cannot query the SPARQL endpoint" in result.output
    assert "Traceback" not in result.output
    with pytest.raises(DataError, match="push failed"):
        push(Graph(), f"http://127.0.0.1:{port}/store")


def test_unknown_store_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["--store", "nosuch", "stats"])
    assert result.exit_code == 2 and "unknown store" in result.output


def test_push_from_an_auto_store_into_an_oxigraph_store(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large corpus (auto, in Oxigraph) refreshes an oxigraph:PATH store Oxigraph to
    Oxigraph; the CLI fills an empty oxigraph:PATH store by streaming."""
    import omsgraph.graph.streamed
    from omsgraph.cli import cli

    monkeypatch.setattr(omsgraph.graph.streamed, "AUTO_CLAIMS", 1)
    runner = CliRunner()
    location = f"oxigraph:{tmp_path / 'db'}"
    base = ["--data", str(data_dir)]
    pushed = runner.invoke(cli, [*base, "--store", "auto", "push", location])
    assert pushed.exit_code == 0, pushed.output
    counted = runner.invoke(
        cli, [*base, "--store", location, "query", "relations", "--format", "csv"]
    )
    fresh = runner.invoke(
        cli,
        [
            *base,
            "--store",
            f"oxigraph:{tmp_path / 'fresh'}",
            "query",
            "relations",
            "--format",
            "csv",
        ],
    )
    memory = runner.invoke(cli, [*base, "query", "relations", "--format", "csv"])
    assert counted.exit_code == fresh.exit_code == memory.exit_code == 0, (
        counted.output + fresh.output + memory.output
    )
    assert counted.output == fresh.output == memory.output
