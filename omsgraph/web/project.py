"""Projections of the RDF graph (docs/model.md) onto networkx multigraphs, one per view kind.

`project` is the claims projection: one node per concept that is the subject or object of a
claim, one node per distinct literal value of a value-valued claim (type ``"Value"``), and one
edge per (subject, relation, object, polarity) carrying its claims and its ``support`` (the
number of distinct sources). Where the graph holds ``oms:Support`` / ``oms:Conflict`` records
(the consensus and conflict model), edges are marked ``contested`` and carry the affirming and
negating source counts; without them the projection is the same minus those marks.

`entity_view`, `source_view` (`source_views` for many sources in one pass), `citations_view`
and `conflicts_view` derive the other views; the last two take the projection too, so a site
projects the claims once.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import Graph, Literal

from omsgraph.corpus.model import PREDICATES
from omsgraph.graph.namespaces import BIBO, CITO, DCTERMS, OA, OMS, PROV, RDF, RDFS, SKOS

__all__ = [
    "EXEMPLAR_SOURCES",
    "citations_view",
    "claims_of_sources",
    "conflicts_view",
    "entity_view",
    "exemplar_mode",
    "find_entity",
    "find_source",
    "project",
    "source_view",
    "source_views",
]

_INIT_NS = {
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
SELECT ?claim ?s ?p ?o ?src ?srcId ?srcTitle ?pol ?cert ?pop ?qual WHERE {
  ?claim rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; a oms:Claim .
  OPTIONAL { ?claim prov:wasDerivedFrom ?src .
             OPTIONAL { ?src dcterms:identifier ?srcId }
             OPTIONAL { ?src dcterms:title ?srcTitle } }
  OPTIONAL { ?claim oms:polarity ?pol }
  OPTIONAL { ?claim oms:certainty ?cert }
  OPTIONAL { ?claim oms:population ?pop }
  OPTIONAL { ?claim oms:qualifier ?qual }
}"""

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

_SOURCES_QUERY = """
SELECT ?src ?id ?title ?kind ?doi ?pmid ?date WHERE {
  ?src a oms:Source .
  OPTIONAL { ?src dcterms:identifier ?id }
  OPTIONAL { ?src dcterms:title ?title }
  OPTIONAL { ?src oms:sourceKind ?kind }
  OPTIONAL { ?src bibo:doi ?doi }
  OPTIONAL { ?src bibo:pmid ?pmid }
  OPTIONAL { ?src dcterms:date ?date }
}"""

_CITATIONS_QUERY = """
SELECT ?src ?ref ?cite ?number ?doi ?pmid ?same WHERE {
  ?src cito:cites ?ref .
  OPTIONAL { ?ref dcterms:bibliographicCitation ?cite }
  OPTIONAL { ?ref oms:referenceNumber ?number }
  OPTIONAL { ?ref bibo:doi ?doi }
  OPTIONAL { ?ref bibo:pmid ?pmid }
  OPTIONAL { { ?ref owl:sameAs ?same } UNION { ?same owl:sameAs ?ref } }
}"""


def _local(iri: Any) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _value_id(text: str) -> str:
    return "value:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _relation_label(relation: str) -> str:
    """A short human label for an oms: relation IRI ("has symptom")."""
    local = _local(relation)
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
    for row in graph.query(_SUBCLASS_QUERY, initNs=_INIT_NS):
        parents[_local(row.sub)].add(_local(row.sup))
    labels: dict[str, set[str]] = defaultdict(set)
    alts: dict[str, set[str]] = defaultdict(set)
    types: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(_CONCEPTS_QUERY.replace("oms:Claim", claims_of), initNs=_INIT_NS):
        iri = str(row.c)
        found = labels.setdefault(iri, set())
        if row.label is not None:
            found.add(str(row.label))
        if row.alt is not None:
            alts[iri].add(str(row.alt))
        if row.type is not None:
            types[iri].add(_local(row.type))
    return {
        iri: {
            "label": min(found) if found else _local(iri),
            "type": _most_specific(types[iri], parents),
            "iri": iri,
            "synonyms": sorted(alts[iri]),
        }
        for iri, found in labels.items()
    }


def _only(query: str, where: str) -> str:
    """``query`` with the group pattern ``where`` (binding ?claim) first in its WHERE."""
    return query.replace("WHERE {", "WHERE { " + where, 1) if where else query


def _conflicts(graph: Graph, where: str = "") -> dict[str, dict[str, Any]]:
    """Conflict IRI -> kind, severity, topic, comment and its claim IRIs (at least one);
    ``where``: only the claims this pattern binds to ?claim."""
    claims: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(_only(_CONFLICT_CLAIMS_QUERY, where), initNs=_INIT_NS):
        claims[str(row.x)].add(str(row.claim))
    out: dict[str, dict[str, Any]] = {}
    for row in graph.query(_CONFLICTS_QUERY, initNs=_INIT_NS):
        iri = str(row.x)
        if iri in claims and iri not in out:
            out[iri] = {
                "conflict": iri,
                "kind": _local(row.kind) if row.kind is not None else "",
                "severity": _local(row.severity) if row.severity is not None else "",
                "topic": _str(row.topic),
                "comment": _str(row.comment),
                "claims": claims[iri],
            }
    return out


def _claims(graph: Graph, where: str = "") -> dict[str, dict[str, Any]]:
    """Every claim (``where``: those this pattern binds to ?claim) with its quote, source,
    qualifiers, cited references and conflicts."""
    quotes: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(_only(_QUOTES_QUERY, where), initNs=_INIT_NS):
        quotes[str(row.claim)].add(str(row.quote))
    cites: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(_only(_CITES_QUERY, where), initNs=_INIT_NS):
        cites[str(row.claim)].add(_str(row.cite) or str(row.ref))
    in_conflict: dict[str, set[str]] = defaultdict(set)
    for record in _conflicts(graph, where).values():
        for claim in record["claims"]:
            in_conflict[claim].add(record["comment"] or record["topic"] or record["conflict"])
    claims: dict[str, dict[str, Any]] = {}
    for row in graph.query(_only(_CLAIMS_QUERY, where), initNs=_INIT_NS):
        iri = str(row.claim)
        if iri in claims:  # a claim breaking the model's "exactly one" (source, polarity...)
            continue
        claims[iri] = {
            "claim": iri,
            "subject": str(row.s),
            "relation": str(row.p),
            "object": row.o,
            "quote": min(quotes[iri], default=""),
            "source": _str(row.srcId) or _str(row.src),
            "source_title": _str(row.srcTitle),
            "polarity": _local(row.pol).lower() if row.pol is not None else "affirmed",
            "certainty": _local(row.cert).lower() if row.cert is not None else "asserted",
            "population": _str(row.pop),
            "qualifier": _str(row.qual),
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
    [row] = graph.query(_COUNT_SOURCES, initNs=_INIT_NS)
    if int(row.n) <= EXEMPLAR_SOURCES:
        return False
    return bool(graph.query(_HAS_EXEMPLARS, initNs=_INIT_NS).askAnswer)


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
    for row in graph.query(_SUPPORT_QUERY, initNs=_INIT_NS):
        target = _value_id(str(row.o)) if isinstance(row.o, Literal) else str(row.o)
        support[(str(row.s), str(row.p), target)] = {
            "affirming": int(row.aff) if row.aff is not None else None,
            "negating": int(row.neg) if row.neg is not None else None,
            "contested": bool(row.contested is not None and row.contested.toPython() is True),
        }
    totals: dict[tuple[str, str, str, str], int] = {}
    if exemplars:
        for row in graph.query(_SUPPORT_COUNTS_QUERY, initNs=_INIT_NS):
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


# --------------------------------------------------------------------------- derived views


def find_entity(proj: nx.MultiDiGraph, label: str) -> str:
    """The node of `proj` named `label` (label, synonym or IRI local name; case-insensitive).

    Raises `LookupError` naming close candidates when nothing or several nodes match.
    """
    wanted = " ".join(label.split()).casefold()
    for field in ("label", "synonyms", "iri"):
        found = sorted(
            n
            for n, attrs in proj.nodes(data=True)
            if wanted
            in (
                {s.casefold() for s in attrs.get("synonyms", [])}
                if field == "synonyms"
                else {_local(attrs.get(field, "")).casefold()}
                if field == "iri"
                else {attrs["label"].casefold()}
            )
        )
        if len(found) == 1:
            return found[0]
    partial = sorted(
        attrs["label"]
        for _, attrs in proj.nodes(data=True)
        if wanted and wanted in attrs["label"].casefold()
    )
    if len(partial) == 1:
        return next(n for n, a in proj.nodes(data=True) if a["label"] == partial[0])
    hint = f"; did you mean: {', '.join(partial[:8])}" if partial else ""
    raise LookupError(f"no single concept named {label!r}{hint}")


def entity_view(proj: nx.MultiDiGraph, label: str, depth: int = 1) -> nx.MultiDiGraph:
    """The neighbourhood of one concept: nodes within `depth` edges, either direction."""
    if depth < 1:
        raise ValueError("depth must be at least 1")
    centre = find_entity(proj, label)
    sub = nx.ego_graph(proj, centre, radius=depth, undirected=True)
    out = nx.MultiDiGraph(sub)
    out.graph["centre"] = centre
    return out


def find_source(graph: Graph, name: str) -> str:
    """The ``dcterms:identifier`` of the source named `name` (file name, stem or IRI)."""
    files = sorted(
        (_str(row.id) or str(row.src), str(row.src))
        for row in graph.query(_SOURCES_QUERY, initNs=_INIT_NS)
    )
    for file, iri in files:
        if name in (file, file.rsplit(".", 1)[0], iri, _local(iri)):
            return file
    listed = ", ".join(f for f, _ in files) or "none"
    raise LookupError(f"no source {name!r}; sources: {listed}")


def source_view(proj: nx.MultiDiGraph, file: str) -> nx.MultiDiGraph:
    """What one source claims: the edges with its claims only (support stays overall)."""
    return source_views(proj, [file])[file]


def source_views(proj: nx.MultiDiGraph, files: Iterable[str]) -> dict[str, nx.MultiDiGraph]:
    """`source_view` of each of `files`, in one pass over the claims of `proj`."""
    out = {file: nx.MultiDiGraph() for file in files}
    for u, v, key, attrs in proj.edges(keys=True, data=True):
        mine: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for claim in attrs["claims"]:
            if claim["source"] in out:
                mine[claim["source"]].append(claim)
        for file, claims in mine.items():
            sub = out[file]
            sub.add_node(u, **proj.nodes[u])
            sub.add_node(v, **proj.nodes[v])
            sub.add_edge(u, v, key=key, **{**attrs, "claims": claims})
    return out


def _claims_by_iri(proj: nx.MultiDiGraph) -> dict[str, tuple[str, str, str, dict[str, Any]]]:
    """Claim IRI -> (subject node, object node, edge key, claim) over the edges of `proj`."""
    return {
        claim["claim"]: (u, v, key, claim)
        for u, v, key, attrs in proj.edges(keys=True, data=True)
        for claim in attrs["claims"]
    }


def citations_view(graph: Graph, proj: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """Sources and the references they cite (``cito:cites``), one node per work.

    A reference that is itself one of the sources (same DOI or PMID, or ``owl:sameAs``) is
    drawn as that source. Edge claims are the citing source's claims that cite the reference
    as evidence (``cito:citesAsEvidence``), as in `proj` (``project(graph)`` if not given);
    ``support`` is the number of citing sources.
    """
    out = nx.MultiDiGraph()
    ids: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for row in graph.query(_SOURCES_QUERY, initNs=_INIT_NS):
        iri = str(row.src)
        if iri in ids:
            continue
        kind = _local(row.kind) if row.kind is not None else ""
        file = _str(row.id) or _local(iri)
        ids[iri] = file
        for key in (f"doi:{_str(row.doi).lower()}", f"pmid:{_str(row.pmid)}"):
            if not key.endswith(":"):
                by_key[key] = iri
        title = _str(row.title)
        short = title if len(title) <= 40 else title[:39].rstrip() + "…"
        out.add_node(
            iri,
            label=f"{file.split('_')[0]} {short}" if title else file,
            type=_kind_type(kind),
            iri=iri,
            synonyms=[],
            title_text=_str(row.title),
            details=[f"source: {file}", f"title: {_str(row.title)}", f"kind: {kind}"]
            + ([f"date: {row.date}"] if row.date is not None else []),
        )
    claims = _claims_by_iri(project(graph) if proj is None else proj)
    evidence: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in graph.query(
        "SELECT ?claim ?ref WHERE { ?claim cito:citesAsEvidence ?ref }", initNs=_INIT_NS
    ):
        found = claims.get(str(row.claim))
        if found is not None:
            evidence[(found[3]["source"], str(row.ref))].append(found[3])
    rows = sorted(graph.query(_CITATIONS_QUERY, initNs=_INIT_NS), key=lambda r: tuple(map(_str, r)))
    for row in rows:
        src, ref = str(row.src), str(row.ref)
        keys = [f"doi:{_str(row.doi).lower()}", f"pmid:{_str(row.pmid)}", _str(row.same)]
        node = next((by_key[k] for k in keys if k in by_key), None)
        node = node or (_str(row.same) if _str(row.same) in ids else None) or ref
        if node not in out:
            cite = _str(row.cite) or _local(ref)
            out.add_node(
                node,
                label=cite if len(cite) <= 48 else cite[:47].rstrip() + "…",
                type="Reference",
                iri=ref,
                synonyms=[],
                details=[cite] + ([f"doi: {row.doi}"] if row.doi is not None else []),
            )
        if src not in out or out.has_edge(src, node, key="cites"):
            continue
        cited = sorted(
            (dict(c) for c in evidence.get((ids[src], ref), [])),
            key=lambda c: c["claim"],
        )
        number = f" [{row.number}]" if row.number is not None else ""
        out.add_edge(
            src,
            node,
            key="cites",
            relation="cites",
            relation_label="cites" + number,
            polarity="affirmed",
            negated=False,
            claims=cited,
            sources=[ids[src]],
            support=1,
            contested=False,
        )
    for node in out:
        cited_by = {u for u, _ in out.in_edges(node)}
        for u, v, key in list(out.in_edges(node, keys=True)):
            out.edges[u, v, key]["support"] = len(cited_by)
    return out


def _kind_type(kind: str) -> str:
    known = {"JournalAbstract", "PatientPage", "EncyclopediaEntry", "WikiPage"}
    return kind if kind in known else "Source"


def conflicts_view(graph: Graph, proj: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """One node per ``oms:Conflict`` (label: its topic), linked to the concepts its claims name.

    Each edge goes from a conflict to the object of an involved claim (a concept or a value)
    and carries the claims of one relation and polarity, with their quotes and sources, as in
    `proj` (``project(graph)`` if not given).
    """
    proj = project(graph) if proj is None else proj
    claims = _claims_by_iri(proj)
    out = nx.MultiDiGraph()
    for iri, record in sorted(_conflicts(graph).items()):
        severity = record["severity"] or "Contradiction"
        out.add_node(
            iri,
            label=record["topic"] or _local(iri),
            type=severity if severity in {"Contradiction", "Tension"} else "Conflict",
            iri=iri,
            synonyms=[],
            details=[
                f"conflict: {record['topic']}",
                f"kind: {record['kind']}",
                f"severity: {severity}",
                record["comment"],
            ],
        )
        for claim_iri in sorted(record["claims"]):
            if claim_iri not in claims:
                continue
            subject, target, key, claim = claims[claim_iri]
            out.add_node(target, **proj.nodes[target])
            if not out.has_edge(iri, target, key=key):
                edge = proj.edges[subject, target, key]
                out.add_edge(
                    iri,
                    target,
                    key=key,
                    relation=edge["relation"],
                    relation_label=edge["relation_label"],
                    polarity=edge["polarity"],
                    negated=edge["negated"],
                    claims=[],
                    contested=True,
                )
            out.edges[iri, target, key]["claims"].append(dict(claim))
    for _, _, attrs in out.edges(data=True):
        attrs["sources"] = sorted({c["source"] for c in attrs["claims"]})
        attrs["support"] = len(attrs["sources"])
    return out
