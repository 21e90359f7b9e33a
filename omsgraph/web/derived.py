"""The views derived from the claims projection of :mod:`omsgraph.web.project`: one concept's
neighbourhood (`entity_view`), one source's claims (`source_view`, `source_views` for many
in one pass), the citations between sources and references (`citations_view`) and the
conflicts with the concepts their claims name (`conflicts_view`). The last two take the
projection too, so a site projects the claims once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import product
from types import SimpleNamespace
from typing import Any, NamedTuple

import networkx as nx
from rdflib import Graph

from omsgraph.graph.namespaces import BIBO, CITO, DCTERMS, OMS, OWL, RDF
from omsgraph.web.evidence import entity_neighbourhood
from omsgraph.web.project import (
    INIT_NS,
    _first_of,
    _indexed,
    conflict_nodes,
    local_name,
    project,
    source_names,
    text_of,
)

__all__ = [
    "citations_view",
    "conflicts_view",
    "entity_view",
    "find_entity",
    "find_source",
    "source_view",
    "source_views",
]

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


class _Citation(NamedTuple):
    """A row of `_CITATIONS_QUERY`."""

    src: Any
    ref: Any
    cite: Any
    number: Any
    doi: Any
    pmid: Any
    same: Any


def _source_rows(graph: Graph) -> Iterable[Any]:
    """The rows of `_SOURCES_QUERY`; from the indexes of rdflib's in-memory store one per
    source with the first value of each property, as the query's first row per source has
    them (`citations_view` reads that row only)."""
    if not _indexed(graph):
        return graph.query(_SOURCES_QUERY, initNs=INIT_NS)
    props = {
        "id": DCTERMS.identifier,
        "title": DCTERMS.title,
        "kind": OMS.sourceKind,
        "doi": BIBO.doi,
        "pmid": BIBO.pmid,
        "date": DCTERMS.date,
    }
    return [
        SimpleNamespace(src=src, **{name: _first_of(graph, src, p) for name, p in props.items()})
        for src in graph.subjects(RDF.type, OMS.Source)
    ]


def _citation_rows(graph: Graph) -> list[_Citation]:
    """The rows of `_CITATIONS_QUERY` (every combination of the optional values, as SPARQL
    joins them), sorted by their text; read from the indexes of rdflib's in-memory store."""
    if not _indexed(graph):
        rows: Iterable[Any] = graph.query(_CITATIONS_QUERY, initNs=INIT_NS)
    else:
        rows = []
        for src, ref in graph.subject_objects(CITO.cites):
            same = [*graph.objects(ref, OWL.sameAs), *graph.subjects(OWL.sameAs, ref)]
            values = [
                list(graph.objects(ref, p)) or [None]
                for p in (DCTERMS.bibliographicCitation, OMS.referenceNumber, BIBO.doi, BIBO.pmid)
            ]
            rows.extend(_Citation(src, ref, *v) for v in product(*values, same or [None]))
    return sorted((_Citation(*row) for row in rows), key=lambda r: tuple(map(text_of, r)))


def _evidence_rows(graph: Graph) -> Iterable[tuple[Any, Any]]:
    """(claim, reference) per ``cito:citesAsEvidence``."""
    if not _indexed(graph):
        query = "SELECT ?claim ?ref WHERE { ?claim cito:citesAsEvidence ?ref }"
        return ((row.claim, row.ref) for row in graph.query(query, initNs=INIT_NS))
    return graph.subject_objects(CITO.citesAsEvidence)


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
                else {local_name(attrs.get(field, "")).casefold()}
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
    """The neighbourhood of one concept through the sources, not through the condition that
    every claim has as subject: at depth 1 the concept and the sources making claims about
    it, at depth 2 also the concepts those sources name under the same relation(s)
    (`omsgraph.web.evidence.entity_neighbourhood`)."""
    if depth < 1:
        raise ValueError("depth must be at least 1")
    centre = find_entity(proj, label)
    if not proj.in_degree(centre):  # the condition itself (only ever a subject): its claims
        out = nx.MultiDiGraph(nx.ego_graph(proj, centre, radius=1, undirected=True))
        out.graph["centre"] = centre
        return out
    return entity_neighbourhood(proj, centre, depth)


def find_source(graph: Graph, name: str) -> str:
    """The ``dcterms:identifier`` of the source named `name` (file name, stem or IRI)."""
    files = sorted(
        (text_of(row.id) or str(row.src), str(row.src))
        for row in graph.query(_SOURCES_QUERY, initNs=INIT_NS)
    )
    for file, iri in files:
        if name in (file, file.rsplit(".", 1)[0], iri, local_name(iri)):
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
    names = source_names(graph)
    for row in _source_rows(graph):
        iri = str(row.src)
        if iri in ids:
            continue
        kind = local_name(row.kind) if row.kind is not None else ""
        file = text_of(row.id) or local_name(iri)
        ids[iri] = file
        for key in (f"doi:{text_of(row.doi).lower()}", f"pmid:{text_of(row.pmid)}"):
            if not key.endswith(":"):
                by_key[key] = iri
        title = text_of(row.title)
        short = title if len(title) <= 40 else title[:39].rstrip() + "…"
        citation = names.get(iri, ("", ""))[0]
        citation = citation if len(citation) <= 44 else citation[:43].rstrip() + "…"
        out.add_node(
            iri,
            # the source by name: its short citation (first author or organisation, year...)
            label=citation or (f"{file.split('_')[0]} {short}" if title else file),
            type=_kind_type(kind),
            iri=iri,
            synonyms=[],
            title_text=text_of(row.title),
            details=[f"source: {file}", f"title: {text_of(row.title)}", f"kind: {kind}"]
            + ([f"date: {row.date}"] if row.date is not None else []),
        )
    claims = _claims_by_iri(project(graph) if proj is None else proj)
    evidence: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for claim, ref in _evidence_rows(graph):
        found = claims.get(str(claim))
        if found is not None:
            evidence[(found[3]["source"], str(ref))].append(found[3])
    for row in _citation_rows(graph):
        src, ref = str(row.src), str(row.ref)
        keys = [f"doi:{text_of(row.doi).lower()}", f"pmid:{text_of(row.pmid)}", text_of(row.same)]
        node = next((by_key[k] for k in keys if k in by_key), None)
        node = node or (text_of(row.same) if text_of(row.same) in ids else None) or ref
        if node not in out:
            cite = text_of(row.cite) or local_name(ref)
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
    for iri, record in sorted(conflict_nodes(graph).items()):
        severity = record["severity"] or "Contradiction"
        out.add_node(
            iri,
            label=record["topic"] or local_name(iri),
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
