"""Exports: every RDF format re-imports to the same graph (rdflib and pyoxigraph), TriG splits
each claim into assertion and provenance graphs, KGX conforms to the Biolink model, SSSOM is
the mapping table, and pyLODE documents the ontology."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from omsgraph.cli import EXPORT_FORMATS, cli
from omsgraph.corpus.claims import load_corpus
from omsgraph.graph.export import (
    BIOLINK_CATEGORIES,
    BIOLINK_PREDICATES,
    FORMATS,
    NP,
    RDF_FORMATS,
    claim_graphs,
    document_ontology,
    export,
    kgx_tables,
    serialize,
)
from omsgraph.graph.kgx import BIOLINK_VERSION
from omsgraph.graph.mappings import load_mappings
from omsgraph.graph.namespaces import OMS, PROV, RDF
from omsgraph.graph.rdf import build_graph
from tests.conftest import CORPUS_DATA, ONTOLOGY

OXIGRAPH_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "trig": pyoxigraph.RdfFormat.TRIG,
}


@pytest.fixture(scope="module")
def mapped_graph(corpus) -> Graph:
    return build_graph(corpus, mappings=load_mappings(ONTOLOGY / "mappings.sssom.tsv"))


def _reimport(text: str, fmt: str) -> Graph:
    """The graph back from ``text``; for TriG the union of every graph but the heads."""
    if fmt != "trig":
        return Graph().parse(data=text, format=RDF_FORMATS[fmt][0])
    union = Graph()
    for s, p, o, g in Dataset().parse(data=text, format="trig").quads():
        if not str(g).endswith("#head"):
            union.add((s, p, o))
    return union


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_rdf_round_trip_and_independent_parser(mapped_graph: Graph, fmt: str) -> None:
    text = serialize(mapped_graph, fmt)
    assert isomorphic(mapped_graph, _reimport(text, fmt))
    quads = list(pyoxigraph.parse(text.encode("utf-8"), format=OXIGRAPH_FORMATS[fmt]))
    quads = [q for q in quads if not str(q.graph_name).endswith("#head>")]
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(mapped_graph)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_is_deterministic(data_dir: Path, fmt: str) -> None:
    mappings = load_mappings(ONTOLOGY / "mappings.sssom.tsv")
    first = export(build_graph(load_corpus(data_dir)), fmt, mappings)
    assert first == export(build_graph(load_corpus(data_dir)), fmt, mappings)
    assert all(text.strip() for text in first.values())


def test_turtle_binds_standard_prefixes(data_dir: Path) -> None:
    text = serialize(build_graph(load_corpus(data_dir)), "turtle")
    for prefix in ("oms", "omse", "omsc", "oa", "prov", "dcterms", "skos", "cito", "fabio"):
        assert f"@prefix {prefix}: " in text


def test_jsonld_has_context(data_dir: Path) -> None:
    text = serialize(build_graph(load_corpus(data_dir)), "jsonld")
    assert '"@context"' in text and '"oa": "http://www.w3.org/ns/oa#"' in text


def test_trig_names_each_claims_graphs_in_a_nanopublication_head(mapped_graph: Graph) -> None:
    """Each claim is an np:Nanopublication whose head graph names its assertion, provenance and
    publication info graphs; the statement is in the assertion, the source in the provenance,
    how it was made in the publication info."""
    dataset = Dataset().parse(data=serialize(mapped_graph, "trig"), format="trig")
    claims = sorted(mapped_graph.subjects(RDF.type, OMS.Claim))
    names = {str(g.identifier) for g in dataset.graphs()}
    for claim in claims:
        head_iri, assertion_iri, provenance_iri, pubinfo_iri = claim_graphs(claim)
        head = dataset.graph(head_iri)
        assert (claim, RDF.type, NP.Nanopublication) in head
        assert head.value(claim, NP.hasAssertion) == assertion_iri
        assert head.value(claim, NP.hasProvenance) == provenance_iri
        assert head.value(claim, NP.hasPublicationInfo) == pubinfo_iri
        assertion = dataset.graph(assertion_iri)
        provenance = dataset.graph(provenance_iri)
        pubinfo = dataset.graph(pubinfo_iri)
        assert (claim, RDF.subject, mapped_graph.value(claim, RDF.subject)) in assertion
        assert (claim, OMS.polarity, mapped_graph.value(claim, OMS.polarity)) in assertion
        assert (claim, PROV.wasDerivedFrom, None) in provenance
        assert (claim, PROV.wasDerivedFrom, None) not in assertion
        assert (claim, OMS.method, mapped_graph.value(claim, OMS.method)) in pubinfo
        assert {str(g) for g in (assertion_iri, provenance_iri, pubinfo_iri)} <= names
    parts = ("#head", "#assertion", "#provenance", "#pubinfo")
    assert len([n for n in names if n.endswith(parts)]) == 4 * len(claims)


@pytest.fixture(scope="module")
def biolink():
    """The Biolink model shipped in the biolink-model package, read offline by bmt."""
    from importlib.resources import files

    from bmt import Toolkit

    schema = files("biolink_model") / "schema" / "biolink_model.yaml"
    return Toolkit(schema=str(schema), predicate_map={"predicate mappings": []})


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def test_kgx_conforms_to_the_biolink_model(mapped_graph: Graph, corpus, biolink) -> None:
    nodes_text, edges_text = kgx_tables(mapped_graph)
    nodes, edges = _rows(nodes_text), _rows(edges_text)
    for column in [*nodes[0], *edges[0]]:
        assert biolink.get_element(column) is not None, f"{column} is not a Biolink slot"
    for category in set(BIOLINK_CATEGORIES.values()):
        assert biolink.is_category(category.removeprefix("biolink:")), category
    assert "association" in biolink.get_ancestors("Association", formatted=False)
    for predicate, _reverse in set(BIOLINK_PREDICATES.values()):
        assert biolink.is_predicate(predicate.removeprefix("biolink:")), predicate
    levels = set(biolink.view.get_enum("KnowledgeLevelEnum").permissible_values)
    agents = set(biolink.view.get_enum("AgentTypeEnum").permissible_values)
    ids = {n["id"] for n in nodes}
    assert len(ids) == len(nodes) == len(corpus.vocabulary)
    for edge in edges:
        assert edge["subject"] in ids and edge["object"] in ids, edge
        assert edge["knowledge_level"] in levels and edge["agent_type"] in agents
        assert edge["primary_knowledge_source"].startswith("infores:")
        assert edge["publications"] and edge["supporting_text"]
        assert edge["negated"] in ("True", "False")
        assert edge["id"].startswith("https://w3id.org/omsgraph/claim/")
    entity_claims = [c for c in corpus.claims if c.entity_valued and c.status.value != "rejected"]
    assert len(edges) == len(entity_claims)
    negated = sum(c.polarity.value == "negated" for c in entity_claims)
    assert sum(e["negated"] == "True" for e in edges) == negated
    hedged = sum(c.certainty.value == "hedged" for c in entity_claims)
    assert sum(e["knowledge_level"] == "prediction" for e in edges) == hedged
    children = sum(c.population == "children" for c in entity_claims)
    assert sum(e["onset_qualifier"] == "HP:0410280" for e in edges) == children
    by_iri = {n["iri"]: n for n in nodes}
    opsoclonus = by_iri["https://w3id.org/omsgraph/entity/opsoclonus"]
    assert opsoclonus["id"] == "HP:0010543"
    assert opsoclonus["category"] == "biolink:PhenotypicFeature"
    oms = by_iri["https://w3id.org/omsgraph/entity/opsoclonus-myoclonus-syndrome"]
    assert oms["id"] == "MONDO:0015247" and "ORDO:Orphanet_1183" in oms["xref"].split("|")


def test_kgx_edges_keep_biolink_domains_ranges_and_directions(mapped_graph: Graph, biolink) -> None:
    """bmt: every edge's predicate is canonical, its subject's category is in the predicate's
    domain and its object's in the range (a procedure treats, a test diagnoses)."""
    nodes_text, edges_text = kgx_tables(mapped_graph)
    category = {n["id"]: n["category"].removeprefix("biolink:") for n in _rows(nodes_text)}
    edges = _rows(edges_text)
    broken = []
    for edge in edges:
        predicate = biolink.get_element(edge["predicate"].removeprefix("biolink:"))
        assert "canonical_predicate" in predicate.annotations, predicate.name
        for end, slot in (("subject", predicate.domain), ("object", predicate.range)):
            if slot is None:
                continue
            ancestors = biolink.get_ancestors(category[edge[end]], mixin=True)
            if slot not in ancestors:
                broken.append((edge["original_predicate"], end, category[edge[end]], slot))
    assert not broken, broken[:5]
    predicates = {e["predicate"] for e in edges}
    assert {"biolink:treats", "biolink:diagnoses", "biolink:causes"} <= predicates
    treats = [e for e in edges if e["predicate"] == "biolink:treats"]
    assert {category[e["object"]] for e in treats} <= {"Disease", "PhenotypicFeature"}


def test_sssom_export_is_the_mapping_table(mapped_graph: Graph) -> None:
    path = ONTOLOGY / "mappings.sssom.tsv"
    out = export(mapped_graph, "sssom", load_mappings(path))
    assert out == {"": path.read_text(encoding="utf-8")}


def test_cli_formats_match_the_dispatch_table() -> None:
    assert EXPORT_FORMATS == tuple(FORMATS)


def test_cli_export_kgx_writes_two_files(tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["--data", str(CORPUS_DATA), "--ontology", str(ONTOLOGY), "export"]
    result = runner.invoke(cli, [*base, "--format", "kgx"])
    assert result.exit_code == 2 and "give -o" in result.output
    result = runner.invoke(cli, [*base, "--format", "kgx", "-o", str(tmp_path / "kg")])
    assert result.exit_code == 0, result.output
    nodes = (tmp_path / "kg_nodes.tsv").read_text(encoding="utf-8")
    edges = (tmp_path / "kg_edges.tsv").read_text(encoding="utf-8")
    assert nodes.startswith("id\tcategory\t") and edges.startswith("id\tsubject\tpredicate\t")
    metadata = json.loads((tmp_path / "kg_metadata.json").read_text(encoding="utf-8"))
    assert metadata["biolink_version"] == BIOLINK_VERSION
    result = runner.invoke(cli, [*base, "--format", "trig"])
    assert result.exit_code == 0 and "#assertion>" in result.output


def test_pylode_documents_the_ontology() -> None:
    html = document_ontology(ONTOLOGY / "omsgraph.ttl")
    assert html.lstrip().lower().startswith("<!doctype html")
    for name in ("Claim", "Symptom", "hasSymptom"):
        assert name in html
    assert (ONTOLOGY.parent / "docs" / "ontology.html").is_file()


def test_an_oxigraph_store_writes_its_turtle_to_the_file(tmp_path: Path) -> None:
    """Above the auto threshold the Turtle comes from Oxigraph's own writer, straight into
    the file: the same text as serialize(), the same bytes twice, re-importing to the graph,
    and the old file intact when the writing fails."""
    import omsgraph.graph.store
    import omsgraph.graph.streamed
    from omsgraph.graph.export import write_turtle

    corpus = load_corpus(CORPUS_DATA)
    graph = omsgraph.graph.streamed.fill(
        omsgraph.graph.store.oxigraph_graph(pyoxigraph.Store()), corpus
    )
    path = tmp_path / "out.ttl"
    write_turtle(graph, path)
    text = path.read_text(encoding="utf-8")
    assert text == serialize(graph, "turtle") and text.startswith("@prefix ")
    again = omsgraph.graph.streamed.fill(
        omsgraph.graph.store.oxigraph_graph(pyoxigraph.Store()), corpus
    )
    write_turtle(again, tmp_path / "again.ttl")
    assert (tmp_path / "again.ttl").read_bytes() == path.read_bytes()
    assert len(Graph().parse(data=text, format="turtle")) == len(graph)

    class Failing:
        def dump(self, *_args: object, **_kwargs: object) -> None:
            raise OSError("disk full")

    class Broken:
        store = type("Store", (), {"_inner": Failing()})()

    with pytest.raises(OSError, match="disk full"):
        write_turtle(Broken(), path)  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == text
    assert not list(tmp_path.glob(".*.tmp"))


def test_every_export_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    """JSON-LD and TriG once followed the hash seed (rdflib's visiting order): every format
    must give the same bytes in two processes with different seeds."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    written: dict[str, list[bytes]] = {}
    for seed in ("1", "2"):
        for fmt in FORMATS:
            target = tmp_path / f"{seed}-{fmt}"
            subprocess.run(
                [sys.executable, "-m", "omsgraph", "export", "--format", fmt, "-o", str(target)],
                check=True,
                env={**os.environ, "PYTHONHASHSEED": seed},
                cwd=root,
                capture_output=True,
            )
            for path in sorted(tmp_path.glob(f"{seed}-{fmt}*")):
                written.setdefault(path.name.split("-", 1)[1], []).append(path.read_bytes())
    assert len(written) >= len(FORMATS)
    for name, (first, second) in written.items():
        assert first == second, name
