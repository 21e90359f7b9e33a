"""Turn a corpus (sources, vocabulary, claims) into one RDF graph; see docs/model.md."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from omsgraph import references
from omsgraph.claims import Corpus
from omsgraph.conflicts import add_support_and_conflicts
from omsgraph.mappings import MappingSet, add_mappings
from omsgraph.model import (
    CONCEPT_TYPES,
    PREDICATES,
    SOURCE_KINDS,
    Claim,
    Concept,
    Polarity,
    Reference,
    Source,
    Status,
)
from omsgraph.namespaces import (
    BIBO,
    CITO,
    DCTERMS,
    FABIO,
    OA,
    OMS,
    OMSC,
    OMSE,
    OMSS,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
    bind_prefixes,
)

__all__ = [
    "build_graph",
    "claim_iri",
    "concept_iri",
    "predicate_iri",
    "reference_iri",
    "source_iri",
]


def concept_iri(concept_id: str) -> URIRef:
    return OMSE[concept_id]


def source_iri(source: Source | str) -> URIRef:
    file = source if isinstance(source, str) else source.file
    return OMSS[file.rsplit(".", 1)[0]]


def claim_iri(claim: Claim) -> URIRef:
    return OMSC[claim.id]


def predicate_iri(predicate: str) -> URIRef:
    return OMS[PREDICATES[predicate][0]]


def reference_iri(reference: Reference) -> URIRef:
    """Same work, same IRI: see ``omsgraph.references.reference_iri``."""
    return references.reference_iri(reference)


def _add_concept(graph: Graph, concept: Concept) -> None:
    node = concept_iri(concept.id)
    graph.add((node, RDF.type, OMS[CONCEPT_TYPES[concept.type]]))
    graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, SKOS.prefLabel, Literal(concept.label, lang="en")))
    for synonym in concept.synonyms:
        graph.add((node, SKOS.altLabel, Literal(synonym, lang="en")))
    if concept.definition:
        graph.add((node, SKOS.definition, Literal(concept.definition, lang="en")))


def _add_source(graph: Graph, source: Source) -> None:
    node = source_iri(source)
    kind, fabio_class = SOURCE_KINDS[source.kind]
    graph.add((node, RDF.type, OMS.Source))
    graph.add((node, RDF.type, FABIO[fabio_class]))
    graph.add((node, DCTERMS.identifier, Literal(source.file)))
    graph.add((node, DCTERMS.title, Literal(source.title)))
    graph.add((node, OMS.sourceKind, OMS[kind]))
    graph.add((node, OMS.sha256, Literal(source.sha256)))
    graph.add((node, OMS.characters, Literal(len(source.text), datatype=XSD.nonNegativeInteger)))
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
    for person in source.authors:
        graph.add((node, DCTERMS.creator, Literal(person)))
    for person in source.editors:
        graph.add((node, BIBO.editor, Literal(person)))


def _object(claim: Claim) -> URIRef | Literal:
    return concept_iri(claim.object) if claim.entity_valued else Literal(claim.object)


def add_claim(graph: Graph, claim: Claim, source: Source) -> None:
    """Add the triples of one claim (statement, provenance, evidence) to ``graph``."""
    node = claim_iri(claim)
    evidence, quote, position = (
        URIRef(f"{node}-{part}") for part in ("evidence", "quote", "position")
    )
    subject, predicate, obj = (
        concept_iri(claim.subject),
        predicate_iri(claim.predicate),
        _object(claim),
    )
    graph.add((node, RDF.type, OMS.Claim))
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, PROV.wasDerivedFrom, source_iri(source)))
    graph.add((node, OMS.polarity, OMS[claim.polarity.value.capitalize()]))
    graph.add((node, OMS.certainty, OMS[claim.certainty.value.capitalize()]))
    graph.add((node, OMS.population, Literal(claim.population)))
    if claim.qualifier:
        graph.add((node, OMS.qualifier, Literal(claim.qualifier)))
    graph.add((node, OMS.method, OMS[claim.method.value.capitalize()]))
    graph.add((node, OMS.status, OMS[claim.status.value.capitalize()]))
    if claim.confidence is not None:
        graph.add(
            (node, OMS.confidence, Literal(Decimal(str(claim.confidence)), datatype=XSD.decimal))
        )
    if claim.extractor:
        graph.add((node, PROV.wasGeneratedBy, OMS[f"extractor-{claim.extractor}"]))
    if claim.reference is not None:
        graph.add((node, CITO.citesAsEvidence, reference_iri(source.reference(claim.reference))))
    graph.add((node, OMS.hasEvidence, evidence))
    graph.add((evidence, RDF.type, OA.SpecificResource))
    graph.add((evidence, OA.hasSource, source_iri(source)))
    graph.add((evidence, OA.hasSelector, quote))
    graph.add((evidence, OA.hasSelector, position))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(claim.evidence.quote)))
    graph.add((quote, OA.prefix, Literal(claim.evidence.prefix)))
    graph.add((quote, OA.suffix, Literal(claim.evidence.suffix)))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    for key, value in ((OA.start, claim.evidence.start), (OA.end, claim.evidence.end)):
        graph.add((position, key, Literal(value, datatype=XSD.nonNegativeInteger)))
    if claim.polarity is Polarity.AFFIRMED:
        graph.add((subject, predicate, obj))


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
    ``bind`` (``omsgraph.store`` streams a large corpus into Oxigraph this way).
    ``add_claims(claims, sources_by_file)``: adds the claims' triples instead of this process
    (``omsgraph.store`` has them made on every core)."""
    graph = bind_prefixes(Graph()) if into is None else into
    for predicate, (name, _) in PREDICATES.items():  # so queries can show relation names
        graph.add((OMS[name], RDFS.label, Literal(predicate.replace("_", " "), lang="en")))
    for concept in corpus.vocabulary.concepts.values():
        _add_concept(graph, concept)
    if mappings is not None:
        add_mappings(graph, mappings, corpus.vocabulary.concepts)
    sources = {s.file: s for s in corpus.sources}
    for source in corpus.sources:
        _add_source(graph, source)
    references.add_references(graph, corpus.sources)
    keep = {Status.REVIEWED} if reviewed_only else {Status.REVIEWED, Status.CANDIDATE}
    built = [claim for claim in corpus.claims if claim.status in keep]
    if add_claims is not None:
        add_claims(built, sources)
    else:
        for claim in built:
            add_claim(graph, claim, sources[claim.source])
    add_support_and_conflicts(graph, built, corpus.vocabulary)
    return graph
