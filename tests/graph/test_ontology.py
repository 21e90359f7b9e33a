"""The ontology (ontology/omsgraph.ttl) and the SHACL shapes (ontology/shapes.ttl).

* both files parse;
* every oms: term that docs/model.md or the shapes use is declared, with a label;
* the alignments of the model.md tables are in the ontology, and agree with omsgraph.corpus.model;
* an OWL RL closure of the ontology (alone, and with a valid graph) is consistent;
* a small graph written exactly per docs/model.md conforms to the shapes, and broken
  variants of it fail with the expected message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import owlrl
import pytest
from owlrl.Namespaces import ERRNS
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef, Variable
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH

from omsgraph.corpus.model import CONCEPT_TYPES, PREDICATES, SOURCE_KINDS

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_FILE = ROOT / "ontology" / "omsgraph.ttl"
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"
MODEL_DOC = ROOT / "docs" / "model.md"

OMS = Namespace("https://w3id.org/omsgraph/ontology#")
OMSE = Namespace("https://w3id.org/omsgraph/entity/")
OMSS = Namespace("https://w3id.org/omsgraph/source/")
OMSC = Namespace("https://w3id.org/omsgraph/claim/")
SCHEMA = Namespace("https://schema.org/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
OA = Namespace("http://www.w3.org/ns/oa#")
FABIO = Namespace("http://purl.org/spar/fabio/")
CITO = Namespace("http://purl.org/spar/cito/")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
XSD_POSITIVE_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#positiveInteger")
XSD_NON_NEGATIVE_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")

#: how a CURIE such as oms:hasSymptom or oms:extractor-0.1.0 is written in the docs
OMS_CURIE = re.compile(r"(?<![\w:])oms:([A-Za-z][\w-]*(?:\.[\w-]+)*)")

DECLARATION_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
    RDF.Property,
}


# ---------------------------------------------------------------------------------------
# fixtures
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@pytest.fixture(scope="module")
def model_doc() -> str:
    return MODEL_DOC.read_text(encoding="utf-8")


def doc_table(doc: str, header_start: str) -> list[list[str]]:
    """The body rows of the Markdown table whose header row starts with ``header_start``."""
    lines = doc.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


CURIE = re.compile(r"\b(oms|schema|skos|rdfs|fabio):([A-Za-z][\w-]*)")
NAMESPACES = {"oms": OMS, "schema": SCHEMA, "skos": SKOS, "rdfs": RDFS, "fabio": FABIO}


def curies(cell: str) -> list[URIRef]:
    """The IRIs of the CURIEs written in a table cell, in order."""
    return [NAMESPACES[prefix][local] for prefix, local in CURIE.findall(cell)]


# ---------------------------------------------------------------------------------------
# parsing and declarations
# ---------------------------------------------------------------------------------------


def test_files_parse(ontology: Graph, shapes: Graph) -> None:
    assert len(ontology) > 100
    assert len(shapes) > 100


def test_ontology_header(ontology: Graph) -> None:
    iri = URIRef("https://w3id.org/omsgraph/ontology")
    assert (iri, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(iri, DCTERMS.title)
    assert ontology.value(iri, DCTERMS.description)
    assert ontology.value(iri, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(iri, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )


def _oms_terms_in_shapes(shapes: Graph) -> set[URIRef]:
    terms = {
        node
        for triple in shapes
        for node in triple
        if isinstance(node, URIRef) and node.startswith(str(OMS))
    }
    for query in shapes.objects(None, SH.select):
        terms |= {OMS[local] for local in OMS_CURIE.findall(str(query))}
    return terms


def test_every_oms_term_is_declared_with_a_label(
    ontology: Graph, shapes: Graph, model_doc: str
) -> None:
    used = {OMS[local] for local in OMS_CURIE.findall(model_doc)} | _oms_terms_in_shapes(shapes)
    assert OMS.hasSymptom in used and OMS["extractor-0.1.0"] in used  # the regex works
    undeclared = sorted(
        t for t in used if not set(ontology.objects(t, RDF.type)) & DECLARATION_TYPES
    )
    unlabelled = sorted(t for t in used if not ontology.value(t, RDFS.label))
    assert not undeclared, f"not declared in omsgraph.ttl: {undeclared}"
    assert not unlabelled, f"no rdfs:label in omsgraph.ttl: {unlabelled}"


def test_every_declared_oms_term_has_label_and_comment(ontology: Graph) -> None:
    declared = {
        s
        for s, o in ontology.subject_objects(RDF.type)
        if isinstance(s, URIRef) and s.startswith(str(OMS)) and o in DECLARATION_TYPES
    }
    assert len(declared) > 40
    for term in declared:
        assert ontology.value(term, RDFS.label), term
        assert ontology.value(term, RDFS.comment), term


def test_no_external_ontology_identifiers(ontology: Graph) -> None:
    text = ONTOLOGY_FILE.read_text(encoding="utf-8")
    for marker in ("purl.obolibrary.org", "id.nlm.nih.gov", "MONDO", "HP_", "MeSH"):
        assert marker not in text, marker
    assert not any(
        str(node).startswith(("http://purl.obolibrary.org/", "http://id.nlm.nih.gov/"))
        for triple in ontology
        for node in triple
    )


# ---------------------------------------------------------------------------------------
# the ontology agrees with the model.md tables and with omsgraph.corpus.model
# ---------------------------------------------------------------------------------------


def test_concept_classes_match_model_doc(ontology: Graph, model_doc: str) -> None:
    rows = doc_table(model_doc, "| vocabulary `type` |")
    assert {row[0] for row in rows} == set(CONCEPT_TYPES)
    for vocabulary_type, cls, aligned in rows:
        cls_iri, *parents = curies(cls)  # "`oms:Tumour` (⊑ `oms:Cause`)"
        assert vocabulary_type.strip("`") in CONCEPT_TYPES
        assert cls_iri == OMS[CONCEPT_TYPES[vocabulary_type]]
        assert (cls_iri, RDF.type, OWL.Class) in ontology
        for superclass in [*parents, *curies(aligned)]:
            assert (cls_iri, RDFS.subClassOf, superclass) in ontology, (cls, superclass)
        superclasses = set(ontology.transitive_objects(cls_iri, RDFS.subClassOf))
        assert OMS.Concept in superclasses and SKOS.Concept in superclasses, cls


def test_relations_match_model_doc(ontology: Graph, model_doc: str) -> None:
    rows = doc_table(model_doc, "| predicate | property |")
    assert {row[0] for row in rows} == set(PREDICATES)
    for predicate, prop, obj, aligned in rows:
        [prop_iri] = curies(prop)
        local, entity_valued = PREDICATES[predicate]
        assert prop_iri == OMS[local]
        assert entity_valued == (obj == "concept")
        kind = OWL.ObjectProperty if entity_valued else OWL.DatatypeProperty
        assert (prop_iri, RDF.type, kind) in ontology, prop
        parent = OMS.relation if entity_valued else OMS.valueRelation
        assert (prop_iri, RDFS.subPropertyOf, parent) in ontology, prop
        [aligned_iri] = curies(aligned)
        annotation = (aligned_iri, RDF.type, OWL.AnnotationProperty) in ontology
        if annotation or aligned_iri == RDFS.comment:
            # a data property may not specialise an annotation property (OWL 2 DL)
            assert (prop_iri, RDFS.seeAlso, aligned_iri) in ontology, prop
        else:
            assert (prop_iri, RDFS.subPropertyOf, aligned_iri) in ontology, prop
    assert (OMS.relation, RDF.type, OWL.ObjectProperty) in ontology
    assert (OMS.valueRelation, RDF.type, OWL.DatatypeProperty) in ontology


def test_value_sets_are_closed_enumerations(ontology: Graph) -> None:
    from rdflib.collection import Collection

    expected = {
        OMS.Polarity: {OMS.Affirmed, OMS.Negated},
        OMS.Certainty: {OMS.Asserted, OMS.Hedged},
        OMS.Method: {OMS.Curated, OMS.Automatic},
        OMS.Status: {OMS.Candidate, OMS.Reviewed},
        OMS.SourceKind: {OMS[kind] for kind, _ in SOURCE_KINDS.values()},
    }
    for cls, members in expected.items():
        assert (cls, RDF.type, OWL.Class) in ontology
        one_of = ontology.value(cls, OWL.oneOf)
        assert set(Collection(ontology, one_of)) == members, cls
        for member in members:
            assert (member, RDF.type, OWL.NamedIndividual) in ontology, member
            assert (member, RDF.type, cls) in ontology, member


def test_claim_source_reference_alignment(ontology: Graph) -> None:
    assert (OMS.Claim, RDFS.subClassOf, RDF.Statement) in ontology
    assert (OMS.Claim, RDFS.subClassOf, PROV.Entity) in ontology
    assert (OMS.Source, RDFS.subClassOf, PROV.Entity) in ontology
    assert (OMS.Reference, RDFS.subClassOf, FABIO.Work) in ontology
    assert (OMS.hasEvidence, RDFS.range, OA.SpecificResource) in ontology


# ---------------------------------------------------------------------------------------
# OWL RL consistency
# ---------------------------------------------------------------------------------------


def owlrl_problems(graph: Graph) -> list[str]:
    """Expand ``graph`` (a copy) with OWL RL and list what marks it inconsistent."""
    closure = Graph()
    for triple in graph:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    problems = [str(message) for message in closure.objects(None, ERRNS.error)]
    problems += [f"{s} is an owl:Nothing" for s in closure.subjects(RDF.type, OWL.Nothing)]
    problems += [f"error marker {s}" for s in closure.subjects(RDF.type, ERRNS.ErrorMessage)]
    return problems


def test_owlrl_closure_of_ontology_is_consistent(ontology: Graph) -> None:
    assert owlrl_problems(ontology) == []


def test_owlrl_closure_of_ontology_and_valid_graph_is_consistent(ontology: Graph) -> None:
    assert owlrl_problems(ontology + valid_graph()) == []


def test_owlrl_detects_a_claim_with_two_polarities(ontology: Graph) -> None:
    data = valid_graph()
    data.add((ENTITY_CLAIM, OMS.polarity, OMS.Negated))  # functional property + AllDifferent
    assert owlrl_problems(ontology + data)


# ---------------------------------------------------------------------------------------
# SHACL: a valid graph, written exactly per docs/model.md
# ---------------------------------------------------------------------------------------

#: the source text the fixture's offsets refer to
SOURCE_TEXT = (
    "Opsoclonus-myoclonus syndrome (OMS), also called dancing eyes syndrome, is a rare "
    "neurological disorder. Opsoclonus is often but by no means invariably present. "
    "It affects about 1 in 5,000,000 children a year."
)

VALID_TTL = """
@prefix oms: <https://w3id.org/omsgraph/ontology#> .
@prefix omse: <https://w3id.org/omsgraph/entity/> .
@prefix omss: <https://w3id.org/omsgraph/source/> .
@prefix omsc: <https://w3id.org/omsgraph/claim/> .
@prefix omsr: <https://w3id.org/omsgraph/reference/> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix cito: <http://purl.org/spar/cito/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix fabio: <http://purl.org/spar/fabio/> .
@prefix bibo: <http://purl.org/ontology/bibo/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

# --- concepts, with the direct triples the two affirmed claims support

omse:opsoclonus-myoclonus-syndrome a oms:Condition, skos:Concept ;
    skos:prefLabel "opsoclonus-myoclonus syndrome"@en ;
    skos:altLabel "dancing eyes syndrome"@en ;
    oms:hasSymptom omse:opsoclonus ;
    oms:epidemiology "1 in 5,000,000 children a year" .

omse:opsoclonus a oms:Symptom, skos:Concept ;
    skos:prefLabel "opsoclonus"@en ;
    skos:altLabel "dancing eyes"@en ;
    skos:definition "Involuntary, chaotic, multidirectional saccadic eye movements."@en .

# --- a source and a reference it cites

omss:000_aa4b564b5e99cff4 a oms:Source, fabio:Abstract ;
    dcterms:identifier "000_aa4b564b5e99cff4.txt" ;
    dcterms:title "Opsoclonus-myoclonus syndrome" ;
    oms:sourceKind oms:JournalAbstract ;
    dcterms:publisher "Example Journal" ; dcterms:creator "Michael Pike" ; dcterms:date "2013" ;
    bibo:doi "10.1016/j.example.2013.01.001" ;
    schema:url "https://example.org/oms"^^xsd:anyURI ;
    oms:sha256 "aa4b564b5e99cff4aa4b564b5e99cff4aa4b564b5e99cff4aa4b564b5e99cff4" ;
    oms:characters 209 ;
    oms:claimCount 2 ;
    cito:cites omsr:5d1c0a9e3b7f2468 .

omsr:5d1c0a9e3b7f2468 a oms:Reference, fabio:Work ;
    dcterms:bibliographicCitation "Pike M. Opsoclonus-myoclonus syndrome. 2013." ;
    oms:referenceNumber 9 ;
    bibo:doi "10.1016/B978-0-444-52891-9.00143-5" .

# --- an entity-valued, curated claim

omsc:0123456789abcdef a oms:Claim, rdf:Statement ;
    rdf:subject omse:opsoclonus-myoclonus-syndrome ;
    rdf:predicate oms:hasSymptom ;
    rdf:object omse:opsoclonus ;
    prov:wasDerivedFrom omss:000_aa4b564b5e99cff4 ;
    oms:polarity oms:Affirmed ;
    oms:certainty oms:Hedged ;
    oms:population "all" ;
    oms:qualifier "often but by no means invariably" ;
    oms:method oms:Curated ;
    oms:status oms:Reviewed ;
    cito:citesAsEvidence omsr:5d1c0a9e3b7f2468 ;
    oms:hasEvidence omsc:0123456789abcdef-evidence .

omsc:0123456789abcdef-evidence a oa:SpecificResource ;
    oa:hasSource omss:000_aa4b564b5e99cff4 ;
    oa:hasSelector omsc:0123456789abcdef-quote, omsc:0123456789abcdef-position .

omsc:0123456789abcdef-quote a oa:TextQuoteSelector ;
    oa:exact "Opsoclonus is often but by no means invariably present" ;
    oa:prefix "s a rare neurological disorder. " ;
    oa:suffix ". It affects about 1 in 5,000,00" .

omsc:0123456789abcdef-position a oa:TextPositionSelector ;
    oa:start 105 ; oa:end 159 .

# --- a value-valued, automatic claim

omsc:fedcba9876543210 a oms:Claim, rdf:Statement ;
    rdf:subject omse:opsoclonus-myoclonus-syndrome ;
    rdf:predicate oms:epidemiology ;
    rdf:object "1 in 5,000,000 children a year" ;
    prov:wasDerivedFrom omss:000_aa4b564b5e99cff4 ;
    oms:polarity oms:Affirmed ;
    oms:certainty oms:Asserted ;
    oms:population "children" ;
    oms:method oms:Automatic ;
    oms:status oms:Candidate ;
    oms:confidence "0.85"^^xsd:decimal ;
    prov:wasGeneratedBy oms:extractor-0.1.0 ;
    oms:hasEvidence omsc:fedcba9876543210-evidence .

omsc:fedcba9876543210-evidence a oa:SpecificResource ;
    oa:hasSource omss:000_aa4b564b5e99cff4 ;
    oa:hasSelector omsc:fedcba9876543210-quote, omsc:fedcba9876543210-position .

omsc:fedcba9876543210-quote a oa:TextQuoteSelector ;
    oa:exact "It affects about 1 in 5,000,000 children a year" ;
    oa:prefix "by no means invariably present. " ;
    oa:suffix "." .

omsc:fedcba9876543210-position a oa:TextPositionSelector ;
    oa:start 161 ; oa:end 208 .
"""

SOURCE = OMSS["000_aa4b564b5e99cff4"]
OTHER_SOURCE = OMSS["001_0123456789abcdef"]
CONDITION = OMSE["opsoclonus-myoclonus-syndrome"]
ENTITY_CLAIM = OMSC["0123456789abcdef"]
VALUE_CLAIM = OMSC["fedcba9876543210"]
EVIDENCE = OMSC["0123456789abcdef-evidence"]
QUOTE = OMSC["0123456789abcdef-quote"]
POSITION = OMSC["0123456789abcdef-position"]
REFERENCE = URIRef("https://w3id.org/omsgraph/reference/5d1c0a9e3b7f2468")


def valid_graph() -> Graph:
    return Graph().parse(data=VALID_TTL, format="turtle")


def shacl(data: Graph, shapes: Graph, ontology: Graph) -> tuple[bool, list[str], str]:
    conforms, report, text = validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs"
    )
    messages = [str(m) for m in report.objects(None, SH.resultMessage)]
    return conforms, messages, text


def test_fixture_offsets_match_its_source_text() -> None:
    data = valid_graph()
    assert data.value(SOURCE, OMS.characters).toPython() == len(SOURCE_TEXT)
    for claim in (ENTITY_CLAIM, VALUE_CLAIM):
        quote, position = (
            OMSC[claim.rsplit("/", 1)[1] + "-quote"],
            OMSC[claim.rsplit("/", 1)[1] + "-position"],
        )
        start = data.value(position, OA.start).toPython()
        end = data.value(position, OA.end).toPython()
        exact = str(data.value(quote, OA.exact))
        assert SOURCE_TEXT[start:end] == exact
        assert SOURCE_TEXT[max(0, start - 32) : start] == str(data.value(quote, OA.prefix))
        assert SOURCE_TEXT[end : end + 32] == str(data.value(quote, OA.suffix))


def test_shapes_graph_is_valid_shacl(shapes: Graph, ontology: Graph) -> None:
    conforms, _, text = validate(
        valid_graph(), shacl_graph=shapes, ont_graph=ontology, inference="rdfs", meta_shacl=True
    )
    assert conforms, text


def test_valid_graph_conforms(shapes: Graph, ontology: Graph) -> None:
    conforms, messages, text = shacl(valid_graph(), shapes, ontology)
    assert conforms, text
    assert messages == []


def _nested_shapes(shapes: Graph) -> set:
    """Shapes used inside sh:or, sh:xone, sh:and, sh:not, sh:node or sh:qualifiedValueShape,
    with their property shapes: their failures reach the report through the shape using them."""
    todo = set()
    for parameter in (SH["not"], SH.node, SH.qualifiedValueShape):
        todo |= set(shapes.objects(None, parameter))
    for parameter in (SH["or"], SH.xone, SH["and"]):
        for members in shapes.objects(None, parameter):
            todo |= set(shapes.items(members))
    nested: set = set()
    while todo:
        node = todo.pop()
        if node in nested:
            continue
        nested.add(node)
        todo |= set(shapes.objects(node, SH.property))
        for parameter in (SH["not"], SH.node, SH.qualifiedValueShape):
            todo |= set(shapes.objects(node, parameter))
        for parameter in (SH["or"], SH.xone, SH["and"]):
            for members in shapes.objects(node, parameter):
                todo |= set(shapes.items(members))
    return nested


def test_valid_graph_with_the_builders_datatypes_conforms(shapes: Graph, ontology: Graph) -> None:
    """omsgraph.graph.rdf writes typed integers where the fixture has plain Turtle numbers."""
    data = valid_graph()
    data.set((REFERENCE, OMS.referenceNumber, Literal(9, datatype=XSD_POSITIVE_INTEGER)))
    data.set((SOURCE, OMS.characters, Literal(len(SOURCE_TEXT), datatype=XSD_NON_NEGATIVE_INTEGER)))
    for position in (POSITION, OMSC["fedcba9876543210-position"]):
        for key in (OA.start, OA.end):
            value = data.value(position, key).toPython()
            data.set((position, key, Literal(value, datatype=XSD_NON_NEGATIVE_INTEGER)))
    conforms, _, text = shacl(data, shapes, ontology)
    assert conforms, text


def test_every_shape_and_constraint_has_a_message(shapes: Graph) -> None:
    constraint_parameters = {
        SH.minCount,
        SH.maxCount,
        SH["in"],
        SH.datatype,
        SH["class"],
        SH.nodeKind,
        SH.pattern,
        SH.minLength,
        SH.maxLength,
        SH.minInclusive,
        SH.maxInclusive,
        SH.qualifiedValueShape,
        SH.lessThan,
        SH.equals,
        SH.disjoint,
        SH.hasValue,
        SH["or"],
        SH.xone,
        SH["not"],
        SH.select,
    }
    carriers = {s for s, p, _ in shapes if p in constraint_parameters}
    missing = [c for c in carriers - _nested_shapes(shapes) if shapes.value(c, SH.message) is None]
    assert not missing, f"shapes or constraints without sh:message: {missing}"


# ---------------------------------------------------------------------------------------
# SHACL: what keeps validation fast (see "Performance" at the top of shapes.ttl)
# ---------------------------------------------------------------------------------------

#: the targets a shape with SPARQL constraints may have: pySHACL parses and runs the query
#: once per focus node, so these are nodes of which there are few (sources, the concepts
#: claims are about, concepts with direct triples, claims that cite a reference,
#: conflicts), never one per claim, evidence, selector or support
SPARQL_TARGETS = {
    (SH.targetClass, OMS.Source),
    (SH.targetClass, OMS.Conflict),
    (SH.targetObjectsOf, RDF.subject),
    (SH.targetSubjectsOf, CITO.citesAsEvidence),
} | {(SH.targetSubjectsOf, OMS[local]) for local, _ in PREDICATES.values()}

TARGET_PARAMETERS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def test_no_sparql_constraint_runs_once_per_claim(shapes: Graph) -> None:
    for shape in set(shapes.subjects(SH.sparql, None)):
        targets = {(p, o) for p, o in shapes.predicate_objects(shape) if p in TARGET_PARAMETERS}
        # a shape without targets is nested (or a property shape): it runs for every value
        # node of the shape that uses it, such as every claim
        assert targets, f"SPARQL constraint on a shape without targets: {shape}"
        assert targets <= SPARQL_TARGETS, f"{shape}: {targets - SPARQL_TARGETS}"


def _sparql_prefixes(shapes: Graph) -> str:
    return "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for d in shapes.objects(None, SH.declare)
    )


def _bgps(node: object) -> list[list[tuple]]:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        found = [list(node.triples)] if node.name == "BGP" else []
        for value in node.values():
            found += _bgps(value)
        return found
    if isinstance(node, (list, tuple)):
        return [bgp for item in node for bgp in _bgps(item)]
    return []


def test_sparql_queries_start_from_this(shapes: Graph) -> None:
    """rdflib orders triple patterns without knowing that $this is bound: the pattern it
    puts first must contain $this, or the query scans the graph for every focus node."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    prefixes = _sparql_prefixes(shapes)
    queries = list(shapes.subject_objects(SH.select))
    assert len(queries) >= 5
    for constraint, query in queries:
        bgps = _bgps(translateQuery(parseQuery(prefixes + str(query))).algebra)
        assert bgps, constraint
        for triples in bgps:
            assert Variable("this") in triples[0], (constraint, triples)


# ---------------------------------------------------------------------------------------
# SHACL: broken variants, each failing with a message a person understands
# ---------------------------------------------------------------------------------------


def _two_sources(g: Graph) -> None:
    g.add((ENTITY_CLAIM, PROV.wasDerivedFrom, OTHER_SOURCE))


def _no_quote_selector(g: Graph) -> None:
    g.remove((EVIDENCE, OA.hasSelector, QUOTE))
    g.remove((QUOTE, None, None))


def _no_exact(g: Graph) -> None:
    g.remove((QUOTE, OA.exact, None))


def _empty_exact(g: Graph) -> None:
    g.set((QUOTE, OA.exact, Literal("")))


def _span_not_quote_length(g: Graph) -> None:
    g.set((POSITION, OA.end, Literal(158)))


def _polarity_maybe(g: Graph) -> None:
    g.set((ENTITY_CLAIM, OMS.polarity, OMS.Maybe))


def _source_without_title(g: Graph) -> None:
    g.remove((SOURCE, DCTERMS.title, None))


def _entity_object_literal(g: Graph) -> None:
    g.set((ENTITY_CLAIM, RDF.object, Literal("opsoclonus")))


def _entity_object_not_a_concept(g: Graph) -> None:
    g.set((ENTITY_CLAIM, RDF.object, OMSE["not-in-the-vocabulary"]))


def _value_object_iri(g: Graph) -> None:
    g.set((VALUE_CLAIM, RDF.object, OMSE.opsoclonus))


def _evidence_from_other_source(g: Graph) -> None:
    g.add((OTHER_SOURCE, RDF.type, OMS.Source))
    g.add((OTHER_SOURCE, RDF.type, FABIO.WebPage))
    g.add((OTHER_SOURCE, DCTERMS.title, Literal("Another page")))
    g.add((OTHER_SOURCE, DCTERMS.identifier, Literal("001_0123456789abcdef.txt")))
    g.add((OTHER_SOURCE, OMS.sourceKind, OMS.PatientPage))
    g.set((EVIDENCE, OA.hasSource, OTHER_SOURCE))


def _no_evidence(g: Graph) -> None:
    g.remove((ENTITY_CLAIM, OMS.hasEvidence, None))


def _no_source(g: Graph) -> None:
    g.remove((ENTITY_CLAIM, PROV.wasDerivedFrom, None))


def _confidence_out_of_range(g: Graph) -> None:
    g.set((VALUE_CLAIM, OMS.confidence, Literal("1.5", datatype=XSD_DECIMAL)))


def _empty_population(g: Graph) -> None:
    g.set((ENTITY_CLAIM, OMS.population, Literal("")))


def _unknown_predicate(g: Graph) -> None:
    g.set((ENTITY_CLAIM, RDF.predicate, OMS.hasFriend))


def _negative_start(g: Graph) -> None:
    g.set((POSITION, OA.start, Literal(-1)))


def _long_prefix(g: Graph) -> None:
    g.set((QUOTE, OA.prefix, Literal("x" * 33)))


def _blank_node_evidence(g: Graph) -> None:
    evidence = BNode()
    for p, o in list(g.predicate_objects(EVIDENCE)):
        g.add((evidence, p, o))
    g.remove((EVIDENCE, None, None))
    g.set((ENTITY_CLAIM, OMS.hasEvidence, evidence))


def _source_unknown_kind(g: Graph) -> None:
    g.set((SOURCE, OMS.sourceKind, OMS.Blog))


def _source_kind_fabio_mismatch(g: Graph) -> None:
    g.remove((SOURCE, RDF.type, FABIO.Abstract))
    g.add((SOURCE, RDF.type, FABIO.WebPage))


def _source_without_identifier(g: Graph) -> None:
    g.remove((SOURCE, DCTERMS.identifier, None))


def _concept_without_label(g: Graph) -> None:
    g.remove((OMSE.opsoclonus, SKOS.prefLabel, None))


def _concept_two_labels(g: Graph) -> None:
    g.add((OMSE.opsoclonus, SKOS.prefLabel, Literal("opsoclonia", lang="en")))


def _reference_without_citation(g: Graph) -> None:
    g.remove((None, DCTERMS.bibliographicCitation, None))


def _cited_reference_not_in_source(g: Graph) -> None:
    g.remove((SOURCE, CITO.cites, None))


def _unsupported_direct_triple(g: Graph) -> None:
    g.add((CONDITION, OMS.hasCause, OMSE.opsoclonus))


def _missing_direct_triple(g: Graph) -> None:
    g.remove((CONDITION, OMS.hasSymptom, OMSE.opsoclonus))


def _bad_claim_iri(g: Graph) -> None:
    bad = OMSC["not-a-hash"]
    for p, o in list(g.predicate_objects(VALUE_CLAIM)):
        g.add((bad, p, o))
    g.remove((VALUE_CLAIM, None, None))


def _end_beyond_source(g: Graph) -> None:
    g.set((SOURCE, OMS.characters, Literal(150)))


def _source_without_claim_count(g: Graph) -> None:
    g.remove((SOURCE, OMS.claimCount, None))


def _source_claim_count_wrong(g: Graph) -> None:
    g.set((SOURCE, OMS.claimCount, Literal(3, datatype=XSD_NON_NEGATIVE_INTEGER)))


def _reference_number_zero(g: Graph) -> None:
    g.set((REFERENCE, OMS.referenceNumber, Literal(0, datatype=XSD_NON_NEGATIVE_INTEGER)))


BROKEN: list[tuple[str, Callable[[Graph], None], str]] = [
    # the variants the model requires
    ("two sources", _two_sources, "claim has more than one source"),
    ("no quote selector", _no_quote_selector, "claim has no quote"),
    ("no oa:exact", _no_exact, "claim has no quote"),
    ("empty oa:exact", _empty_exact, "claim has no quote"),
    ("end - start != len(exact)", _span_not_quote_length, "quote length does not match"),
    ("polarity oms:Maybe", _polarity_maybe, "polarity must be oms:Affirmed or oms:Negated"),
    ("source without title", _source_without_title, "source has no title"),
    (
        "entity claim, literal object",
        _entity_object_literal,
        "entity-valued claim has a literal object",
    ),
    (
        "evidence from another source",
        _evidence_from_other_source,
        "evidence and claim name different sources",
    ),
    # further checks
    ("entity claim, object not a concept", _entity_object_not_a_concept, "is not an oms:Concept"),
    (
        "value claim, IRI object",
        _value_object_iri,
        "value-valued claim must have a non-empty literal object",
    ),
    ("no evidence", _no_evidence, "claim has no quote"),
    ("no source", _no_source, "claim has no source"),
    (
        "confidence 1.5",
        _confidence_out_of_range,
        "confidence must be an xsd:decimal between 0 and 1",
    ),
    ("empty population", _empty_population, "population must be a non-empty"),
    ("unknown predicate", _unknown_predicate, "not one of the twelve oms: relations"),
    ("negative start", _negative_start, "start must be a non-negative integer"),
    ("prefix over 32 characters", _long_prefix, "at most 32 characters"),
    ("blank-node evidence", _blank_node_evidence, "not an oa:SpecificResource IRI"),
    ("unknown source kind", _source_unknown_kind, "source kind must be"),
    ("kind and fabio class disagree", _source_kind_fabio_mismatch, "FaBiO class disagree"),
    ("source without identifier", _source_without_identifier, "source has no file name"),
    ("concept without label", _concept_without_label, "concept has no preferred label"),
    ("concept with two labels", _concept_two_labels, "more than one preferred label"),
    ("reference without citation", _reference_without_citation, "reference has no citation"),
    (
        "cited reference not in source",
        _cited_reference_not_in_source,
        "its source does not cite that reference",
    ),
    (
        "direct triple without claim",
        _unsupported_direct_triple,
        "direct triple is not supported by any affirmed claim",
    ),
    (
        "affirmed claim without direct triple",
        _missing_direct_triple,
        "affirmed claim is missing its direct triple",
    ),
    ("claim IRI not a hash", _bad_claim_iri, "claim IRI is not omsc:"),
    ("quote beyond source text", _end_beyond_source, "evidence ends beyond its source text"),
    ("reference number 0", _reference_number_zero, "reference number must be a positive integer"),
    ("source without claim count", _source_without_claim_count, "one count of its claims"),
    ("source claim count wrong", _source_claim_count_wrong, "not the number of claims derived"),
]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [pytest.param(mutate, expected, id=name) for name, mutate, expected in BROKEN],
)
def test_broken_graph_fails_with_message(
    mutate: Callable[[Graph], None], expected: str, shapes: Graph, ontology: Graph
) -> None:
    data = valid_graph()
    mutate(data)
    assert not data.isomorphic(valid_graph()), "the mutation changed nothing"
    conforms, messages, text = shacl(data, shapes, ontology)
    assert not conforms
    assert any(expected in message for message in messages), text
