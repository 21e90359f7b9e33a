"""Turn a corpus (sources, vocabulary, claims) into one RDF graph; see docs/model.md."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from omsgraph.corpus.claims import Corpus
from omsgraph.corpus.model import (
    CONCEPT_TYPES,
    EVIDENCE_LEVELS,
    PREDICATES,
    SOURCE_KINDS,
    Certainty,
    Claim,
    Concept,
    Method,
    Polarity,
    Source,
    Status,
)
from omsgraph.graph.bibliography import add_references
from omsgraph.graph.iris import claim_iri, concept_iri, predicate_iri, reference_iri, source_iri
from omsgraph.graph.mappings import MappingSet, add_mappings
from omsgraph.graph.namespaces import (
    BIBO,
    CITO,
    DCTERMS,
    FABIO,
    OA,
    OMS,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
    bind_prefixes,
)
from omsgraph.graph.support_rdf import add_support_and_conflicts

__all__ = [
    "build_graph",
    "claim_iri",
    "concept_iri",
    "predicate_iri",
    "reference_iri",
    "source_iri",
    "statement_of",
]


def _add_concept(graph: Graph, concept: Concept) -> None:
    node = concept_iri(concept.id)
    graph.add((node, RDF.type, OMS[CONCEPT_TYPES[concept.type]]))
    graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, SKOS.prefLabel, Literal(concept.label, lang="en")))
    for synonym in concept.synonyms:
        graph.add((node, SKOS.altLabel, Literal(synonym, lang="en")))
    if concept.definition:
        graph.add((node, SKOS.definition, Literal(concept.definition, lang="en")))


def _add_source(graph: Graph, source: Source, claims: int) -> None:
    node = source_iri(source)
    kind, fabio_class = SOURCE_KINDS[source.kind]
    graph.add((node, RDF.type, OMS.Source))
    graph.add((node, RDF.type, FABIO[fabio_class]))
    graph.add((node, DCTERMS.identifier, Literal(source.file)))
    graph.add((node, DCTERMS.title, Literal(source.title)))
    graph.add((node, OMS.sourceKind, OMS[kind]))
    graph.add((node, OMS.sha256, Literal(source.sha256)))
    graph.add((node, OMS.characters, Literal(len(source.text), datatype=XSD.nonNegativeInteger)))
    graph.add((node, OMS.claimCount, Literal(claims, datatype=XSD.nonNegativeInteger)))
    for predicate, value in (
        (DCTERMS.publisher, source.publisher),
        (DCTERMS.date, source.date),
        (DCTERMS.isPartOf, source.container),
        (BIBO.doi, source.doi),
        (BIBO.pmid, source.pmid),
    ):
        if value:
            graph.add((node, predicate, Literal(value)))
    if source.url:
        graph.add((node, SCHEMA.url, Literal(source.url, datatype=XSD.anyURI)))
    graph.add((node, OMS.evidenceLevel, OMS[EVIDENCE_LEVELS[source.evidence_level]]))
    for kind_of_work in source.publication_types:
        graph.add((node, OMS.publicationType, Literal(kind_of_work)))
    for person in source.authors:
        graph.add((node, DCTERMS.creator, Literal(person)))
    for person in source.editors:
        graph.add((node, BIBO.editor, Literal(person)))


def _object(claim: Claim) -> URIRef | Literal:
    return concept_iri(claim.object) if claim.entity_valued else Literal(claim.object)


#: the fixed terms of a claim's triples, looked up once (rdflib's namespace attributes are slow)
_T = {
    "type": RDF.type,
    "Claim": OMS.Claim,
    "Statement": RDF.Statement,
    "subject": RDF.subject,
    "predicate": RDF.predicate,
    "object": RDF.object,
    "derived": PROV.wasDerivedFrom,
    "generated": PROV.wasGeneratedBy,
    "polarity": OMS.polarity,
    "certainty": OMS.certainty,
    "population": OMS.population,
    "qualifier": OMS.qualifier,
    "method": OMS.method,
    "status": OMS.status,
    "confidence": OMS.confidence,
    "cites": CITO.citesAsEvidence,
    "evidence": OMS.hasEvidence,
    "SpecificResource": OA.SpecificResource,
    "hasSource": OA.hasSource,
    "hasSelector": OA.hasSelector,
    "TextQuoteSelector": OA.TextQuoteSelector,
    "exact": OA.exact,
    "prefix": OA.prefix,
    "suffix": OA.suffix,
    "TextPositionSelector": OA.TextPositionSelector,
    "start": OA.start,
    "end": OA.end,
}
#: oms:Affirmed, oms:Hedged, oms:Curated, oms:Candidate ... by enum member
_VALUE = {m: OMS[m.value.capitalize()] for e in (Polarity, Certainty, Method, Status) for m in e}


def add_claim(graph: Graph, claim: Claim, source: Source, statement: bool = True) -> None:
    """Add the triples of one claim (provenance, evidence and, if affirmed, the statement
    itself) to ``graph``; ``statement=False`` leaves out the statement, which many claims
    share (`statement_of` gives it)."""
    t = _T
    node = claim_iri(claim)
    evidence, quote, position = (
        URIRef(f"{node}-{part}") for part in ("evidence", "quote", "position")
    )
    subject, predicate, obj = statement_of(claim)
    origin = source_iri(source)
    triples = [
        (node, t["type"], t["Claim"]),
        (node, t["type"], t["Statement"]),
        (node, t["subject"], subject),
        (node, t["predicate"], predicate),
        (node, t["object"], obj),
        (node, t["derived"], origin),
        (node, t["polarity"], _VALUE[claim.polarity]),
        (node, t["certainty"], _VALUE[claim.certainty]),
        (node, t["population"], Literal(claim.population)),
    ]
    if claim.qualifier:
        triples.append((node, t["qualifier"], Literal(claim.qualifier)))
    triples += [
        (node, t["method"], _VALUE[claim.method]),
        (node, t["status"], _VALUE[claim.status]),
    ]
    if claim.confidence is not None:
        value = Literal(Decimal(str(claim.confidence)), datatype=XSD.decimal)
        triples.append((node, t["confidence"], value))
    if claim.extractor:
        triples.append((node, t["generated"], OMS[f"extractor-{claim.extractor}"]))
    if claim.reference is not None:
        triples.append((node, t["cites"], reference_iri(source.reference(claim.reference))))
    found = claim.evidence
    triples += [
        (node, t["evidence"], evidence),
        (evidence, t["type"], t["SpecificResource"]),
        (evidence, t["hasSource"], origin),
        (evidence, t["hasSelector"], quote),
        (evidence, t["hasSelector"], position),
        (quote, t["type"], t["TextQuoteSelector"]),
        (quote, t["exact"], Literal(found.quote)),
        (quote, t["prefix"], Literal(found.prefix)),
        (quote, t["suffix"], Literal(found.suffix)),
        (position, t["type"], t["TextPositionSelector"]),
        (position, t["start"], Literal(found.start, datatype=XSD.nonNegativeInteger)),
        (position, t["end"], Literal(found.end, datatype=XSD.nonNegativeInteger)),
    ]
    if statement and claim.polarity is Polarity.AFFIRMED:
        triples.append((subject, predicate, obj))
    for triple in triples:
        graph.add(triple)


def statement_of(claim: Claim) -> tuple[URIRef, URIRef, URIRef | Literal]:
    """The triple an affirmed ``claim`` asserts (concept, relation, concept or value)."""
    return concept_iri(claim.subject), predicate_iri(claim.predicate), _object(claim)


def build_graph(
    corpus: Corpus,
    *,
    reviewed_only: bool = False,
    mappings: MappingSet | None = None,
    into: Graph | None = None,
    add_claims: Callable[[Sequence[Claim], dict[str, Source]], None] | None = None,
) -> Graph:
    """One graph of concepts, sources, references and claims (rejected claims left out),
    with the SKOS mappings of ``mappings`` (an SSSOM table) for the concepts it knows.
    ``into``: add the triples to this graph, or to any sink with rdflib's ``add`` and
    ``bind`` (``omsgraph.graph.store`` streams a large corpus into Oxigraph this way).
    ``add_claims(claims, sources_by_file)``: adds the claims' triples instead of this process
    (``omsgraph.graph.store`` has them made on every core)."""
    graph = bind_prefixes(Graph()) if into is None else into
    for predicate, (name, _) in PREDICATES.items():  # so queries can show relation names
        graph.add((OMS[name], RDFS.label, Literal(predicate.replace("_", " "), lang="en")))
    for concept in corpus.vocabulary.concepts.values():
        _add_concept(graph, concept)
    if mappings is not None:
        add_mappings(graph, mappings, corpus.vocabulary.concepts)
    keep = {Status.REVIEWED} if reviewed_only else {Status.REVIEWED, Status.CANDIDATE}
    built = [claim for claim in corpus.claims if claim.status in keep]
    counts = Counter(claim.source for claim in built)
    sources = {s.file: s for s in corpus.sources}
    for source in corpus.sources:
        _add_source(graph, source, counts[source.file])
    add_references(graph, corpus.sources)
    if add_claims is not None:
        add_claims(built, sources)
    else:
        for claim in built:
            add_claim(graph, claim, sources[claim.source])
    add_support_and_conflicts(graph, built, corpus.vocabulary, sources)
    return graph
