"""The citations view's reads from rdflib's in-memory indexes give what its SPARQL queries give
(asked of the same triples in another store, which `omsgraph.web.derived` queries), and a
build no longer loads rdflib's SPARQL engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from omsgraph.corpus.claims import load_corpus
from omsgraph.graph.namespaces import CITO, DCTERMS, OMS, OWL
from omsgraph.graph.rdf import build_graph
from omsgraph.web.derived import citations_view
from omsgraph.web.project import _indexed

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "small_graph.ttl"
SOURCE = "https://w3id.org/omsgraph/source/"
REFERENCE = "https://w3id.org/omsgraph/reference/"


def _both(graph: Graph) -> tuple[Graph, Graph]:
    other = Graph(store="SimpleMemory")
    for triple in graph:
        other.add(triple)
    assert _indexed(graph) and not _indexed(other)
    return graph, other


def _same(indexed: Graph, queried: Graph) -> None:
    a, b = citations_view(indexed), citations_view(queried)
    assert len(a) and a.number_of_edges()
    assert sorted(a.nodes(data=True)) == sorted(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))


def test_five_sources_both_ways() -> None:
    _same(*_both(build_graph(load_corpus(ROOT / "data"))))


def test_several_values_and_same_as_both_ways() -> None:
    """Where a reference has several citations and numbers, or is ``owl:sameAs`` a source
    either way round, the rows are every combination, as SPARQL's OPTIONALs join them."""
    graph = Graph().parse(FIXTURE, format="turtle")
    source_000, source_002 = (
        URIRef(SOURCE + n) for n in ("000_aa4b564b5e99cff4", "002_86f656d6290b5704")
    )
    (plain,) = graph.objects(source_000, CITO.cites)
    graph.add((plain, DCTERMS.bibliographicCitation, Literal("A. Second, 1999")))
    graph.add((plain, OMS.referenceNumber, Literal(99)))
    for name, forward in (("aa", True), ("bb", False)):
        ref = URIRef(REFERENCE + name)
        graph.add((source_000, CITO.cites, ref))
        graph.add((ref, OWL.sameAs, source_002) if forward else (source_002, OWL.sameAs, ref))
    indexed, queried = _both(graph)
    _same(indexed, queried)
    view = citations_view(indexed)
    assert view.nodes[str(plain)]["label"] == "A. Second, 1999"
    assert view.has_edge(str(source_000), str(source_002))


def test_build_does_not_load_sparql(tmp_path: Path) -> None:
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['omsgraph', 'build', '--out', {str(tmp_path)!r}]\n"
        "try:\n"
        "    runpy.run_module('omsgraph.cli', run_name='__main__')\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "print(sorted(m for m in sys.modules if m.startswith('rdflib.plugins.sparql')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "omsgraph.ttl").is_file()
    assert done.stdout.strip().splitlines()[-1] == "[]"
