"""The field's own validators, run offline on the built graph and its exports: owlready2 and
HermiT on the ontology, pySHACL with the shapes alone, ``sssom validate``, ``kgx validate``
with the Biolink model that PyPI's ``biolink-model`` ships, and bmt's domain and range checks."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from rdflib import Graph

from tests.conftest import ONTOLOGY


def _owlready_world(tmp_path: Path):
    """A fresh owlready2 world with ontology/omsgraph.ttl loaded (as N-Triples: owlready2
    reads no Turtle)."""
    import owlready2

    ntriples = tmp_path / "omsgraph.nt"
    Graph().parse(ONTOLOGY / "omsgraph.ttl").serialize(ntriples, format="nt", encoding="utf-8")
    world = owlready2.World()
    ontology = world.get_ontology(ntriples.as_uri()).load(format="ntriples")
    return world, ontology


def test_owlready2_loads_the_ontology_without_a_warning(tmp_path: Path, capfd) -> None:
    """owlready2 warns when a data property sits under an annotation property or when one
    property is the parent of object and data properties (not OWL 2 DL)."""
    _world, ontology = _owlready_world(tmp_path)
    captured = capfd.readouterr()
    assert "WARNING" not in captured.err + captured.out, captured.err
    names = {p.name for p in ontology.data_properties()}
    assert {"hasSynonym", "statement", "valueRelation"} <= names
    assert "relation" in {p.name for p in ontology.object_properties()}


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs a Java runtime")
def test_hermit_finds_the_ontology_consistent(tmp_path: Path, capfd) -> None:
    import owlready2

    world, ontology = _owlready_world(tmp_path)
    start = time.monotonic()
    with ontology:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert time.monotonic() - start < 60
    assert list(world.inconsistent_classes()) == []
    assert "WARNING" not in capfd.readouterr().err
