"""The whole-graph projection's reads as index lookups instead of SPARQL: the same answers as
`omsgraph.web.project`'s queries (claims, concepts, support records), several times faster
on rdflib's in-memory store, where the pages of a build spent most of their time evaluating
SPARQL. A projection restricted by a SPARQL pattern (exemplars, some sources) still queries.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rdflib import Graph, URIRef

from omsgraph.graph.namespaces import CITO, DCTERMS, OA, OMS, PROV, RDF, RDFS, SKOS

__all__ = ["claim_rows", "concept_rows", "subclass_rows", "support_rows"]

_OMS = str(OMS)


def _values(graph: Graph, node: Any) -> dict[URIRef, list[Any]]:
    found: dict[URIRef, list[Any]] = defaultdict(list)
    for p, o in graph.predicate_objects(node):
        found[p].append(o)
    return found


def _first(values: list[Any]) -> Any:
    return min(values, key=str) if values else None


def claim_rows(graph: Graph) -> list[dict[str, Any]]:
    """One record per oms:Claim with its subject, predicate and object: the claim, its
    statement, its source (identifier, title) and qualifiers, its quotes and its cited
    references (IRI and citation), as `project`'s claim queries read them."""
    rows = []
    sources: dict[Any, dict[URIRef, list[Any]]] = {}  # a source's values, read once
    for claim in sorted(set(graph.subjects(RDF.type, OMS.Claim)), key=str):
        props = _values(graph, claim)
        if not (props[RDF.subject] and props[RDF.predicate] and props[RDF.object]):
            continue
        src = _first(props[PROV.wasDerivedFrom])
        if src is not None and src not in sources:
            sources[src] = _values(graph, src)
        src_props = sources[src] if src is not None else {}
        quotes = set()
        for evidence in props[OMS.hasEvidence]:
            for selector in graph.objects(evidence, OA.hasSelector):
                if (selector, RDF.type, OA.TextQuoteSelector) in graph:
                    quotes.update(str(q) for q in graph.objects(selector, OA.exact))
        cites = set()
        for ref in props[CITO.citesAsEvidence]:
            texts = [str(t) for t in graph.objects(ref, DCTERMS.bibliographicCitation)]
            cites.update(texts or [str(ref)])
        rows.append(
            {
                "claim": claim,
                "s": _first(props[RDF.subject]),
                "p": _first(props[RDF.predicate]),
                "o": _first(props[RDF.object]),
                "src": src,
                "srcId": _first(src_props.get(DCTERMS.identifier, [])),
                "srcTitle": _first(src_props.get(DCTERMS.title, [])),
                "pol": _first(props[OMS.polarity]),
                "cert": _first(props[OMS.certainty]),
                "pop": _first(props[OMS.population]),
                "qual": _first(props[OMS.qualifier]),
                "status": _first(props[OMS.status]),
                "method": _first(props[OMS.method]),
                "conf": _first(props[OMS.confidence]),
                "quotes": quotes,
                "cites": cites,
            }
        )
    return rows


def concept_rows(graph: Graph) -> dict[str, tuple[set[str], set[str], set[str]]]:
    """Concept IRI -> (labels, synonyms, oms: type IRIs) of every IRI a claim has as its
    subject or object."""
    found: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for claim in set(graph.subjects(RDF.type, OMS.Claim)):
        for predicate in (RDF.subject, RDF.object):
            for node in graph.objects(claim, predicate):
                if not isinstance(node, URIRef) or str(node) in found:
                    continue
                found[str(node)] = (
                    {str(x) for x in graph.objects(node, SKOS.prefLabel)},
                    {str(x) for x in graph.objects(node, SKOS.altLabel)},
                    {str(t) for t in graph.objects(node, RDF.type) if str(t).startswith(_OMS)},
                )
    return found


def subclass_rows(graph: Graph) -> list[tuple[str, str]]:
    """(sub, super) for every oms: class under another oms: class (rdfs:subClassOf+)."""
    pairs = set()
    for sub in set(graph.subjects(RDFS.subClassOf, None)):
        if not str(sub).startswith(_OMS):
            continue
        for sup in graph.transitive_objects(sub, RDFS.subClassOf):
            if sup != sub and str(sup).startswith(_OMS):
                pairs.add((str(sub), str(sup)))
    return sorted(pairs)


def support_rows(graph: Graph) -> list[tuple[Any, Any, Any, Any, Any, Any]]:
    """(subject, predicate, object, affirming, negating, contested) per oms:Support."""
    rows = []
    for k in set(graph.subjects(RDF.type, OMS.Support)):
        props = _values(graph, k)
        for s in props[RDF.subject]:
            for p in props[RDF.predicate]:
                for o in props[RDF.object]:
                    rows.append(
                        (
                            s,
                            p,
                            o,
                            _first(props[OMS.affirmingSources]),
                            _first(props[OMS.negatingSources]),
                            _first(props[OMS.contested]),
                        )
                    )
    return rows
