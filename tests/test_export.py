"""Exports: Turtle, N-Triples and JSON-LD re-import to the same graph, with our prefixes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from omsgraph.claims import load_corpus
from omsgraph.export import FORMATS, serialize
from omsgraph.rdf import build_graph


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_round_trip_and_determinism(data_dir: Path, fmt: str) -> None:
    graph = build_graph(load_corpus(data_dir))
    text = serialize(graph, fmt)
    assert text == serialize(build_graph(load_corpus(data_dir)), fmt)
    again = Graph().parse(data=text, format=FORMATS[fmt][0])
    assert isomorphic(graph, again)


def test_turtle_binds_standard_prefixes(data_dir: Path) -> None:
    text = serialize(build_graph(load_corpus(data_dir)), "turtle")
    for prefix in ("oms", "omse", "omsc", "oa", "prov", "dcterms", "skos", "cito", "fabio"):
        assert f"@prefix {prefix}: " in text


def test_jsonld_has_context(data_dir: Path) -> None:
    text = serialize(build_graph(load_corpus(data_dir)), "jsonld")
    assert '"@context"' in text and '"oa": "http://www.w3.org/ns/oa#"' in text
