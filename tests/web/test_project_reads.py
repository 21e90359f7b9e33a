"""The projection's reads from rdflib's in-memory indexes give what its SPARQL queries give
(asked of the same triples in another store, which `omsgraph.web.project` queries)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from omsgraph.corpus.claims import load_corpus
from omsgraph.graph.rdf import build_graph
from omsgraph.web import project as project_module
from omsgraph.web.project import conflict_nodes, exemplar_mode, project, source_names

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def graphs() -> tuple[Graph, Graph]:
    built = build_graph(load_corpus(ROOT / "data"))
    other = Graph(store="SimpleMemory")
    for triple in built:
        other.add(triple)
    return built, other


def test_both_ways_are_taken(graphs: tuple[Graph, Graph]) -> None:
    indexed, queried = graphs
    assert project_module._indexed(indexed) and not project_module._indexed(queried)


def test_index_reads_equal_the_queries(graphs: tuple[Graph, Graph]) -> None:
    indexed, queried = graphs
    conflicts = conflict_nodes(indexed)
    assert conflicts and all(c["comment"] and c["claims"] for c in conflicts.values())
    assert conflicts == conflict_nodes(queried)
    names = source_names(indexed)
    assert len(names) == 5 and names == source_names(queried)
    assert exemplar_mode(indexed) is exemplar_mode(queried) is False


def test_exemplar_mode_from_the_indexes(monkeypatch: pytest.MonkeyPatch, graphs) -> None:
    indexed, queried = graphs
    monkeypatch.setattr(project_module, "EXEMPLAR_SOURCES", 2)
    assert exemplar_mode(indexed) is exemplar_mode(queried) is True


def test_projection_is_the_same(graphs: tuple[Graph, Graph]) -> None:
    indexed, queried = graphs
    a, b = project(indexed), project(queried)
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
