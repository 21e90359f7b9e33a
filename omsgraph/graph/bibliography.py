"""The bibliographic part of the graph: one node per cited work, ``cito:cites`` from each
source that cites it, its citation, title, container, date, DOI, PMID and authors."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef

from omsgraph.corpus.model import Reference, Source
from omsgraph.graph.iris import reference_iri
from omsgraph.graph.namespaces import BIBO, CITO, DCTERMS, FABIO, OMS, OMSS, RDF, SKOS, XSD

__all__ = ["add_references"]


def add_references(graph: Graph, sources: Iterable[Source]) -> None:
    """Work nodes (one per work), ``cito:cites`` from each citing source, numbers, links."""
    sources = list(sources)
    described: set[URIRef] = set()
    for source in sources:  # own records first, so a work that is a source reads as it does
        if source.work:
            described.add(node := reference_iri(source.work))
            _describe(graph, node, source.work)
    for source in sources:
        for record in source.references:
            node = reference_iri(record)
            graph.add((OMSS[source.slug], CITO.cites, node))
            if record.number is not None:
                number = Literal(record.number, datatype=XSD.positiveInteger)
                graph.add((node, OMS.referenceNumber, number))
            if node not in described:
                described.add(node)
                _describe(graph, node, record)


def _describe(graph: Graph, node: URIRef, record: Reference) -> None:
    graph.add((node, RDF.type, OMS.Reference))
    graph.add((node, RDF.type, FABIO.Work))
    graph.add((node, DCTERMS.bibliographicCitation, Literal(record.citation)))
    for predicate, value in (
        (DCTERMS.title, record.title),
        (DCTERMS.isPartOf, record.container),
        (DCTERMS.date, str(record.year) if record.year else None),
        (BIBO.doi, record.doi),
        (BIBO.pmid, record.pmid),
    ):
        if value:
            graph.add((node, predicate, Literal(value)))
    for person in record.authors:
        graph.add((node, DCTERMS.creator, Literal(person)))
    if record.same_as:
        graph.add((node, SKOS.exactMatch, OMSS[record.same_as.rsplit(".", 1)[0]]))
