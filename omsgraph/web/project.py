"""Projections of the RDF graph (docs/model.md) onto networkx multigraphs, one per view kind.

`project` is the claims projection: one node per concept that is the subject or object of a
claim, one node per distinct literal value of a value-valued claim (type ``"Value"``), and one
edge per (subject, relation, object, polarity) carrying its claims and its ``support`` (the
number of distinct sources). Where the graph holds ``oms:Support`` / ``oms:Conflict`` records
(the consensus and conflict model), edges are marked ``contested`` and carry the affirming and
negating source counts; without them the projection is the same minus those marks.

:mod:`omsgraph.web.derived` derives the other views from it.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef

import omsgraph.web.lookup as lookup
from omsgraph.corpus.model import PREDICATES
from omsgraph.graph.citation import cite, link
from omsgraph.graph.namespaces import BIBO, CITO, DCTERMS, OA, OMS, PROV, RDF, RDFS, SKOS

__all__ = [
    "EXEMPLAR_SOURCES",
    "INIT_NS",
    "claims_of_sources",
    "conflict_nodes",
    "exemplar_mode",
    "local_name",
    "project",
    "source_names",
    "text_of",
]

INIT_NS = {
    "oms": OMS,
    "oa": OA,
    "cito": CITO,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "bibo": BIBO,
    "owl": "http://www.w3.org/2002/07/owl#",
}

#: Superclasses per docs/model.md, used with any rdfs:subClassOf found in the graph.
_PARENTS = {
    "Tumour": "Cause",
    "Infection": "Cause",
    "Drug": "Treatment",
    "Procedure": "Treatment",
    "Therapy": "Treatment",
}

_RELATION_LABELS = {name: key.replace("_", " ") for key, (name, _) in PREDICATES.items()}

# (rdflib evaluates triple patterns in the order written: the selective ones come first)
_CLAIMS_QUERY = """
SELECT ?claim ?s ?p ?o ?src ?srcId ?srcTitle ?pol ?cert ?pop ?qual ?status ?method ?conf
WHERE {
  ?claim rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; a oms:Claim .
  OPTIONAL { ?claim prov:wasDerivedFrom ?src .
             OPTIONAL { ?src dcterms:identifier ?srcId }
             OPTIONAL { ?src dcterms:title ?srcTitle } }
  OPTIONAL { ?claim oms:polarity ?pol }
  OPTIONAL { ?claim oms:certainty ?cert }
  OPTIONAL { ?claim oms:population ?pop }
  OPTIONAL { ?claim oms:qualifier ?qual }
  OPTIONAL { ?claim oms:status ?status }
  OPTIONAL { ?claim oms:method ?method }
  OPTIONAL { ?claim oms:confidence ?conf }
}"""

# (one row per source and property: a handful of sources, read once for their citations)
_SOURCES_QUERY = """
SELECT ?src ?p ?v WHERE {
  ?src a oms:Source ; ?p ?v .
  VALUES ?p { dcterms:title oms:sourceKind dcterms:creator bibo:editor dcterms:publisher
              dcterms:isPartOf dcterms:date bibo:doi bibo:pmid <https://schema.org/url> }
}"""

#: the properties `_SOURCES_QUERY` reads
_SOURCE_PROPERTIES = (
    DCTERMS.title,
    OMS.sourceKind,
    DCTERMS.creator,
    BIBO.editor,
    DCTERMS.publisher,
    DCTERMS.isPartOf,
    DCTERMS.date,
    BIBO.doi,
    BIBO.pmid,
    URIRef("https://schema.org/url"),
)

_QUOTES_QUERY = """
SELECT ?claim ?quote WHERE {
  ?claim oms:hasEvidence ?evidence . ?evidence oa:hasSelector ?sel .
  ?sel oa:exact ?quote ; a oa:TextQuoteSelector .
}"""

_CITES_QUERY = """
SELECT ?claim ?ref ?cite WHERE {
  ?claim cito:citesAsEvidence ?ref . OPTIONAL { ?ref dcterms:bibliographicCitation ?cite }
}"""

# (the concepts first, then their labels: not one row per claim and label)
_CONCEPTS_QUERY = """
SELECT ?c ?label ?alt ?type WHERE {
  { SELECT DISTINCT ?c WHERE {
      ?claim a oms:Claim .
      { ?claim rdf:subject ?c } UNION { ?claim rdf:object ?c }
      FILTER(isIRI(?c))
  } }
  OPTIONAL { ?c skos:prefLabel ?label }
  OPTIONAL { ?c skos:altLabel ?alt }
  OPTIONAL { ?c a ?type FILTER(STRSTARTS(STR(?type), STR(oms:))) }
}"""

_SUBCLASS_QUERY = """
SELECT ?sub ?sup WHERE {
  ?sub rdfs:subClassOf+ ?sup .
  FILTER(STRSTARTS(STR(?sub), STR(oms:)) && STRSTARTS(STR(?sup), STR(oms:)))
}"""

_SUPPORT_QUERY = """
SELECT ?s ?p ?o ?aff ?neg ?contested WHERE {
  ?k a oms:Support ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?k oms:affirmingSources ?aff }
  OPTIONAL { ?k oms:negatingSources ?neg }
  OPTIONAL { ?k oms:contested ?contested }
}"""

# (a conflict's text once, not once per claim it involves)
_CONFLICT_CLAIMS_QUERY = """
SELECT ?x ?claim WHERE { ?x a oms:Conflict ; oms:involvesClaim ?claim }"""

_CONFLICTS_QUERY = """
SELECT ?x ?kind ?severity ?topic ?comment WHERE {
  ?x a oms:Conflict .
  OPTIONAL { ?x oms:conflictKind ?kind }
  OPTIONAL { ?x oms:severity ?severity }
  OPTIONAL { ?x oms:topic ?topic }
  OPTIONAL { ?x rdfs:comment ?comment }
}"""


def local_name(iri: Any) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def text_of(value: Any) -> str:
    return "" if value is None else str(value)


def _value_id(text: str) -> str:
    return "value:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _relation_label(relation: str) -> str:
    """A short human label for an oms: relation IRI ("has symptom")."""
    local = local_name(relation)
    return _RELATION_LABELS.get(local) or re.sub(r"(?<!^)(?=[A-Z])", " ", local).lower()


def _most_specific(types: set[str], parents: dict[str, set[str]]) -> str:
    candidates = types - {"Concept"} or types
    supers = {sup for t in candidates for sup in parents.get(t, ())}
    specific = sorted(candidates - supers) or sorted(candidates)
    return specific[0] if specific else "Concept"


def _concept_nodes(graph: Graph, claims_of: str = "oms:Claim") -> dict[str, dict[str, Any]]:
    """The concepts that claims are about; ``claims_of="oms:Support"`` finds the same ones
    in the per-statement records, far fewer than the claims of a large graph."""
    parents: dict[str, set[str]] = defaultdict(set)
    for child, parent in _PARENTS.items():
        parents[child].add(parent)
    for sub, sup in lookup.subclass_rows(graph):
        parents[local_name(sub)].add(local_name(sup))
    labels: dict[str, set[str]] = defaultdict(set)
    alts: dict[str, set[str]] = defaultdict(set)
    types: dict[str, set[str]] = defaultdict(set)
    if claims_of == "oms:Claim":  # every claim's concepts: read from the indexes
        for iri, (found_labels, found_alts, found_types) in lookup.concept_rows(graph).items():
            labels[iri].update(found_labels)
            alts[iri].update(found_alts)
            types[iri].update(local_name(t) for t in found_types)
    rows = (
        []
        if claims_of == "oms:Claim"
        else graph.query(_CONCEPTS_QUERY.replace("oms:Claim", claims_of), initNs=INIT_NS)
    )
    for row in rows:
        iri = str(row.c)
        found = labels.setdefault(iri, set())
        if row.label is not None:
            found.add(str(row.label))
        if row.alt is not None:
            alts[iri].add(str(row.alt))
        if row.type is not None:
            types[iri].add(local_name(row.type))
    return {
        iri: {
            "label": min(found) if found else local_name(iri),
            "type": _most_specific(types[iri], parents),
            "iri": iri,
            "synonyms": sorted(alts[iri]),
        }
        for iri, found in labels.items()
    }


def _only(query: str, where: str) -> str:
    """``query`` with the group pattern ``where`` (binding ?claim) first in its WHERE."""
    return query.replace("WHERE {", "WHERE { " + where, 1) if where else query


def _indexed(graph: Graph) -> bool:
    """Whether ``graph`` is in rdflib's in-memory store, whose indexes answer a read of a few
    properties several times faster than rdflib's SPARQL (another store evaluates SPARQL
    itself, and is asked in SPARQL)."""
    from rdflib.plugins.stores.memory import Memory

    return isinstance(graph.store, Memory)


def _first_of(graph: Graph, node: Any, prop: Any) -> Any:
    """The first value of ``prop`` that the store gives, as an OPTIONAL's first row has it."""
    return next(graph.objects(node, prop), None)


def conflict_nodes(graph: Graph, where: str = "") -> dict[str, dict[str, Any]]:
    """Conflict IRI -> kind, severity, topic, comment and its claim IRIs (at least one);
    ``where``: only the claims this pattern binds to ?claim."""
    claims: dict[str, set[str]] = defaultdict(set)
    if not where and _indexed(graph):  # the same answers from the indexes
        conflicts = list(graph.subjects(RDF.type, OMS.Conflict))
        for x in conflicts:
            claims[str(x)].update(str(c) for c in graph.objects(x, OMS.involvesClaim))
        rows: Any = [
            SimpleNamespace(
                x=x,
                kind=_first_of(graph, x, OMS.conflictKind),
                severity=_first_of(graph, x, OMS.severity),
                topic=_first_of(graph, x, OMS.topic),
                comment=_first_of(graph, x, RDFS.comment),
            )
            for x in conflicts
        ]
    else:
        for row in graph.query(_only(_CONFLICT_CLAIMS_QUERY, where), initNs=INIT_NS):
            claims[str(row.x)].add(str(row.claim))
        rows = graph.query(_CONFLICTS_QUERY, initNs=INIT_NS)
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        iri = str(row.x)
        if iri in claims and iri not in out:
            out[iri] = {
                "conflict": iri,
                "kind": local_name(row.kind) if row.kind is not None else "",
                "severity": local_name(row.severity) if row.severity is not None else "",
                "topic": text_of(row.topic),
                "comment": text_of(row.comment),
                "claims": claims[iri],
            }
    return out


def source_names(graph: Graph) -> dict[str, tuple[str, str]]:
    """Source IRI -> (short citation, link) from the source's bibliographic properties."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    if _indexed(graph):  # the same answers from the indexes
        for src in graph.subjects(RDF.type, OMS.Source):
            for prop in _SOURCE_PROPERTIES:
                for value in graph.objects(src, prop):
                    found[str(src)][local_name(prop)].append(str(value))
    else:
        for row in graph.query(_SOURCES_QUERY, initNs=INIT_NS):
            found[str(row.src)][local_name(row.p)].append(str(row.v))
    names = {}
    for iri, props in found.items():
        kind = re.sub(r"(?<!^)([A-Z])", r"-\1", local_name(min(props["sourceKind"], default="")))

        def one(name: str, props: dict[str, list[str]] = props) -> str | None:
            return min(props[name], default=None)

        citation = cite(
            one("title") or local_name(iri),
            kind.lower(),
            sorted(props["creator"]),
            one("publisher"),
            one("isPartOf"),
            one("date"),
            sorted(props["editor"]),
        )
        names[iri] = (citation, link(one("doi"), one("pmid"), one("url")))
    return names


def _claims(graph: Graph, where: str = "") -> dict[str, dict[str, Any]]:
    """Every claim (``where``: those this pattern binds to ?claim) with its quote, source,
    qualifiers, cited references and conflicts."""
    quotes: dict[str, set[str]] = defaultdict(set)
    cites: dict[str, set[str]] = defaultdict(set)
    if where:
        for row in graph.query(_only(_QUOTES_QUERY, where), initNs=INIT_NS):
            quotes[str(row.claim)].add(str(row.quote))
        for row in graph.query(_only(_CITES_QUERY, where), initNs=INIT_NS):
            cites[str(row.claim)].add(text_of(row.cite) or str(row.ref))
        found: Any = graph.query(_only(_CLAIMS_QUERY, where), initNs=INIT_NS)
    else:  # every claim: read from the indexes, not by SPARQL
        found = [SimpleNamespace(**row) for row in lookup.claim_rows(graph)]
        for row in found:
            quotes[str(row.claim)], cites[str(row.claim)] = row.quotes, row.cites
    in_conflict: dict[str, set[str]] = defaultdict(set)
    for record in conflict_nodes(graph, where).values():
        for claim in record["claims"]:
            in_conflict[claim].add(record["comment"] or record["topic"] or record["conflict"])
    names = source_names(graph)
    claims: dict[str, dict[str, Any]] = {}
    for row in found:
        iri = str(row.claim)
        if iri in claims:  # a claim breaking the model's "exactly one" (source, polarity...)
            continue
        claims[iri] = {
            "claim": iri,
            "subject": str(row.s),
            "relation": str(row.p),
            "object": row.o,
            "quote": min(quotes[iri], default=""),
            "source": text_of(row.srcId) or text_of(row.src),
            "source_title": text_of(row.srcTitle),
            "citation": names.get(str(row.src), ("", ""))[0],
            "link": names.get(str(row.src), ("", ""))[1],
            "status": local_name(row.status).lower() if row.status is not None else "reviewed",
            "method": local_name(row.method).lower() if row.method is not None else "curated",
            "confidence": float(row.conf) if row.conf is not None else None,
            "polarity": local_name(row.pol).lower() if row.pol is not None else "affirmed",
            "certainty": local_name(row.cert).lower() if row.cert is not None else "asserted",
            "population": text_of(row.pop),
            "qualifier": text_of(row.qual),
            "cites": sorted(cites[iri]),
            "conflicts": sorted(in_conflict[iri]),
        }
    return claims


def _target(obj: Any, concepts: dict[str, dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    if isinstance(obj, Literal):
        text = str(obj)
        return _value_id(text), {"label": text, "type": "Value", "value": text, "synonyms": []}
    return str(obj), concepts[str(obj)]


#: above this many sources a projection holds each statement's exemplar claims (the at most
#: ``omsgraph.graph.conflicts.EXEMPLARS`` per polarity the build chose), not every claim: its edges
#: keep their true counts (``claim_count``, ``support``) from the oms:Support records. Pages
#: past this many sources have no source filter (``render.FILTER_SOURCES``), which needs
#: every claim's source.
EXEMPLAR_SOURCES = 200
#: binds ?claim to the exemplar claims of the statements
EXEMPLARS_ONLY = (
    "{ SELECT DISTINCT ?claim WHERE { "
    "{ ?claimOf a oms:Support ; oms:exemplar ?claim } UNION "
    "{ ?claimOf a oms:Conflict ; oms:exemplar ?claim } } }"
)

_COUNT_SOURCES = "SELECT (COUNT(?s) AS ?n) WHERE { ?s a oms:Source }"
_HAS_EXEMPLARS = "ASK { ?k a oms:Support ; oms:exemplar ?c }"
_SUPPORT_COUNTS_QUERY = """
SELECT ?s ?p ?o ?affClaims ?negClaims WHERE {
  ?k a oms:Support ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?k oms:affirmingClaims ?affClaims }
  OPTIONAL { ?k oms:negatingClaims ?negClaims }
}"""


def exemplar_mode(graph: Graph) -> bool:
    """Whether `project` draws `graph` from its exemplar claims (see `EXEMPLAR_SOURCES`)."""
    if _indexed(graph):  # the same answers from the indexes
        if sum(1 for _ in graph.subjects(RDF.type, OMS.Source)) <= EXEMPLAR_SOURCES:
            return False
        supports = graph.subjects(RDF.type, OMS.Support)
        return any(_first_of(graph, k, OMS.exemplar) is not None for k in supports)
    [row] = graph.query(_COUNT_SOURCES, initNs=INIT_NS)
    if int(row.n) <= EXEMPLAR_SOURCES:
        return False
    return bool(graph.query(_HAS_EXEMPLARS, initNs=INIT_NS).askAnswer)


def claims_of_sources(files: Iterable[str]) -> str:
    """A restriction for `project`: the claims of the sources with these file names."""
    values = " ".join(Literal(file).n3() for file in sorted(files))
    return (
        f"VALUES ?claimFile {{ {values} }} "
        "?claimSource dcterms:identifier ?claimFile . ?claim prov:wasDerivedFrom ?claimSource ."
    )


def project(graph: Graph, where: str | None = None) -> nx.MultiDiGraph:
    """Project the claims of `graph` onto a networkx multigraph (see the module docstring).

    Node attributes: ``label``, ``type``, ``iri`` (concepts) or ``value`` (values) and
    ``synonyms``. Edge key ``"<relation IRI> <polarity>"``; edge attributes ``relation``,
    ``relation_label``, ``polarity`` ("affirmed"/"negated"), ``negated``, ``claims`` (dicts
    with claim, quote, source, source_title, polarity, certainty, population, qualifier,
    cites, conflicts), ``sources``, ``support`` (distinct sources), ``contested`` and, where
    the graph has ``oms:Support`` records, ``affirming`` and ``negating`` source counts.

    ``where`` restricts the claims drawn to those a SPARQL pattern binds to ``?claim``
    (e.g. `claims_of_sources`); by default every claim, or only the exemplars of a graph of
    many sources (`exemplar_mode`), with ``claim_count`` and ``support`` then taken from the
    oms:Support records and ``graph.graph["exemplars"]`` set.
    """
    exemplars = where is None and exemplar_mode(graph)
    where = EXEMPLARS_ONLY if exemplars else (where or "")
    # a restricted projection (exemplars, some sources) is of a built graph: its concepts are
    # those of its oms:Support records, far fewer to read than every claim
    concepts = _concept_nodes(graph, "oms:Support" if where else "oms:Claim")
    support: dict[tuple[str, str, str], dict[str, Any]] = {}
    for s, p, o, aff, neg, contested in lookup.support_rows(graph):
        target = _value_id(str(o)) if isinstance(o, Literal) else str(o)
        support[(str(s), str(p), target)] = {
            "affirming": int(aff) if aff is not None else None,
            "negating": int(neg) if neg is not None else None,
            "contested": bool(contested is not None and contested.toPython() is True),
        }
    totals: dict[tuple[str, str, str, str], int] = {}
    if exemplars:
        for row in graph.query(_SUPPORT_COUNTS_QUERY, initNs=INIT_NS):
            target = _value_id(str(row.o)) if isinstance(row.o, Literal) else str(row.o)
            for polarity, count in (("affirmed", row.affClaims), ("negated", row.negClaims)):
                if count is not None:
                    totals[(str(row.s), str(row.p), target, polarity)] = int(count)
    out = nx.MultiDiGraph(exemplars=exemplars)
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for claim in _claims(graph, where).values():
        target, attrs = _target(claim.pop("object"), concepts)
        nodes[target] = attrs
        nodes[claim["subject"]] = concepts[claim["subject"]]
        key = f"{claim['relation']} {claim['polarity']}"
        edge = edges.setdefault(
            (claim.pop("subject"), target, key),
            {
                "relation": claim["relation"],
                "relation_label": _relation_label(claim["relation"]),
                "polarity": claim["polarity"],
                "negated": claim["polarity"] == "negated",
                "claims": [],
            },
        )
        del claim["relation"]
        edge["claims"].append(claim)
    for node_id in sorted(nodes):
        out.add_node(node_id, **nodes[node_id])
    for source, target, key in sorted(edges):
        attrs = edges[(source, target, key)]
        attrs["claims"].sort(key=lambda c: (c["source"], c["claim"]))
        attrs["sources"] = sorted({c["source"] for c in attrs["claims"]})
        attrs["support"] = len(attrs["sources"])
        record = support.get((source, attrs["relation"], target), {})
        attrs["contested"] = bool(record.get("contested")) or any(
            c["conflicts"] for c in attrs["claims"]
        )
        for count in ("affirming", "negating"):
            if record.get(count) is not None:
                attrs[count] = record[count]
        if exemplars:  # the true counts, not the exemplars'
            polarity = attrs["polarity"]
            total = totals.get((source, attrs["relation"], target, polarity))
            attrs["claim_count"] = total if total is not None else len(attrs["claims"])
            sources = record.get("negating" if polarity == "negated" else "affirming")
            attrs["support"] = sources if sources is not None else attrs["support"]
        out.add_edge(source, target, key=key, **attrs)
    return out
