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


def _kgx_validate(tmp_path: Path, graph: Graph, prefixes: dict[str, str]) -> tuple[int, dict]:
    """``kgx validate`` (offline, tests/graph/offline_kgx.py) on the KGX export of ``graph``:
    its exit code and its report (kgx writes the JSON report on stderr)."""
    import json
    import os
    import subprocess
    import sys

    from omsgraph.graph.export import export

    paths = []
    for suffix, text in export(graph, "kgx").items():
        path = tmp_path / f"kg{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    tables = [str(p) for p in paths if p.suffix == ".tsv"]
    result = subprocess.run(
        [sys.executable, "-m", "tests.graph.offline_kgx", "validate", "-i", "tsv", *tables],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "OMSGRAPH_KGX_PREFIXES": json.dumps(prefixes)},
        timeout=120,
    )
    assert "offline: no connection" not in result.stderr, result.stderr[-2000:]
    start = result.stderr.find("{")
    report, _ = json.JSONDecoder().raw_decode(result.stderr[start:]) if start >= 0 else ({}, 0)
    return result.returncode, report


@pytest.fixture(scope="module")
def mapped_graph(corpus) -> Graph:
    from omsgraph.graph.mappings import load_mappings
    from omsgraph.graph.rdf import build_graph

    return build_graph(corpus, mappings=load_mappings(ONTOLOGY / "mappings.sssom.tsv"))


def test_kgx_validate_accepts_the_export(tmp_path: Path, mapped_graph: Graph) -> None:
    """kgx validate with the Biolink model and prefix map that PyPI's biolink-model ships, plus
    the one documented prefix of concepts no ontology has (OMSGRAPH, the w3id base)."""
    from omsgraph.graph.kgx import KGX_PREFIX

    code, report = _kgx_validate(tmp_path, mapped_graph, {KGX_PREFIX[0]: KGX_PREFIX[1]})
    assert code == 0 and not report, report


def test_kgx_validate_flags_only_the_project_prefix(tmp_path: Path, mapped_graph: Graph) -> None:
    """With Biolink's prefix map alone, kgx reports only the OMSGRAPH ids: every other node and
    edge end uses a Biolink prefix (ORDO, MONDO, HP, DRUGBANK, MAXO ...)."""
    import csv
    import io

    from omsgraph.graph.export import kgx_tables

    code, report = _kgx_validate(tmp_path, mapped_graph, {})
    messages = [m for kinds in report.values() for found in kinds.values() for m in found]
    assert messages and all("CURIE prefix 'OMSGRAPH'" in m for m in messages)
    from omsgraph.graph.mappings import load_mappings

    nodes = list(csv.DictReader(io.StringIO(kgx_tables(mapped_graph)[0]), delimiter="\t"))
    local = {n["id"].removeprefix("OMSGRAPH:") for n in nodes if n["id"].startswith("OMSGRAPH:")}
    exact = {
        m.concept_id
        for m in load_mappings(ONTOLOGY / "mappings.sssom.tsv").mappings
        if m.predicate_id == "skos:exactMatch"
    }
    # a concept is a local node exactly when the curators mapped it to no term exactly
    assert exact and not local & exact, sorted(local & exact)
    assert len(nodes) - len(local) == len(exact)
    assert code == 1


def test_kgx_metadata_records_the_biolink_version_validated_against() -> None:
    import json
    from importlib.resources import files

    import yaml

    from omsgraph.graph.kgx import BIOLINK_PREFIXES, kgx_metadata

    model = files("biolink_model")
    schema = yaml.safe_load((model / "schema" / "biolink_model.yaml").read_text(encoding="utf-8"))
    metadata = json.loads(kgx_metadata())
    assert metadata["biolink_version"] == str(schema["version"])
    biolink = json.loads((model / "prefixmaps" / "biolink-model-prefix-map.json").read_text())
    for prefix, iri in BIOLINK_PREFIXES.items():
        assert biolink[prefix] == iri, prefix


def test_sssom_validate_accepts_the_mapping_set_without_a_complaint() -> None:
    """``sssom validate`` (PyPI sssom) exits 0 with nothing logged at warning or error level,
    and the metadata it does not check itself is there: the slots that the SSSOM schema types
    as entity references are CURIEs of the file's curie_map, the set has a version and a
    creator, and every row names the release of its object."""
    import subprocess
    import sys

    from sssom.constants import _get_sssom_schema_object

    from omsgraph.graph.mappings import load_mappings

    path = ONTOLOGY / "mappings.sssom.tsv"
    sssom = Path(sys.executable).with_name("sssom")
    result = subprocess.run(
        [str(sssom), "validate", str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert not [
        line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))
    ], result.stderr[-2000:]
    mapping_set = load_mappings(path)
    metadata = mapping_set.metadata
    for key in ("mapping_set_version", "creator_id", "subject_source", "license"):
        assert metadata.get(key), key
    view = _get_sssom_schema_object().view
    references = [("subject_source", metadata["subject_source"])]
    references += [("creator_id", creator) for creator in metadata["creator_id"]]
    references += [("object_source", m.object_source) for m in mapping_set.mappings]
    for slot, value in references:
        assert view.induced_slot(slot, "mapping set").range == "EntityReference"
        prefix, sep, _ = str(value).partition(":")
        assert sep and prefix in mapping_set.curie_map and "/" not in prefix, (slot, value)
    assert all(m.object_source_version for m in mapping_set.mappings)


def test_pyshacl_validates_an_export_with_the_shapes_alone(tmp_path: Path, mapped_graph) -> None:
    """pySHACL's command line, the shapes and the Turtle export, no ontology and no inference:
    the shapes find concepts as omssh:IsConcept, without the class hierarchy."""
    import subprocess
    import sys

    from omsgraph.graph.export import serialize

    data = tmp_path / "omsgraph.ttl"
    data.write_text(serialize(mapped_graph, "turtle"), encoding="utf-8")
    pyshacl = Path(sys.executable).with_name("pyshacl")
    shapes = str(ONTOLOGY / "shapes.ttl")
    result = subprocess.run(
        [str(pyshacl), "-s", shapes, str(data)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "Conforms: True" in result.stdout


def test_the_shapes_alone_still_find_a_broken_concept(mapped_graph) -> None:
    """Without the ontology the concept shapes still apply: a concept without its label and a
    claim whose object is an untyped IRI are reported."""
    from pyshacl import validate
    from rdflib import URIRef

    from omsgraph.graph.namespaces import OMS, OMSE, RDF, SKOS

    broken = Graph()
    for triple in mapped_graph:
        broken.add(triple)
    broken.remove((OMSE["opsoclonus"], SKOS.prefLabel, None))
    claim = min(  # a claim (oms:Support nodes carry rdf:predicate too), the same every run
        c
        for c in broken.subjects(RDF.predicate, OMS.hasSymptom)
        if (c, RDF.type, OMS.Claim) in broken
    )
    broken.set((claim, RDF.object, URIRef("https://w3id.org/omsgraph/entity/nothing")))
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl")
    conforms, _report, text = validate(broken, shacl_graph=shapes, inference="none")
    assert not conforms
    assert "concept has no preferred label" in text
    assert "entity-valued claim points to an IRI that is not an oms:Concept" in text


def test_the_shapes_list_every_concept_class_of_the_ontology() -> None:
    from rdflib import Namespace
    from rdflib.collection import Collection
    from rdflib.namespace import RDFS, SH

    from omsgraph.graph.namespaces import OMS, RDF

    OMSSH = Namespace("https://w3id.org/omsgraph/shapes#")  # noqa: N806
    ontology = Graph().parse(ONTOLOGY / "omsgraph.ttl")
    classes = set(ontology.transitive_subjects(RDFS.subClassOf, OMS.Concept))
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl")
    [prop] = shapes.objects(OMSSH.IsConcept, SH.property)
    assert shapes.value(prop, SH.path) == RDF.type
    listed = set(
        Collection(shapes, shapes.value(shapes.value(prop, SH.qualifiedValueShape), SH["in"]))
    )
    assert listed == classes
