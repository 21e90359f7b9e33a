"""The evidence graph: sources on the left, the concepts they make claims about on the right,
grouped in one column per relation and sorted by the number of supporting sources, one edge
per (source, concept, relation, polarity). Agreement between sources is visible as several
edges converging on one concept; the layout is fixed (no physics), so it is deterministic.

Each relation column draws at most `PER_RELATION` concepts (the most supported); the rest are
counted in the page's note. `entity_neighbourhood` is the neighbourhood of one concept in it:
the sources that make claims about the concept, and the concepts those sources name under the
same relation(s), never the path through the condition node.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

__all__ = ["PER_RELATION", "evidence_graph", "entity_neighbourhood"]

#: The most concepts drawn per relation column (by supporting sources, then label).
PER_RELATION = 12
_COLUMN = 420  # x step between columns (a label of ~30 characters at 18 px fits)
_ROW = 46  # y step between concepts of a column
_SOURCE_KIND = "Source"


def _source_id(file: str) -> str:
    return "source:" + file


def evidence_graph(
    proj: nx.MultiDiGraph, per_relation: int | None = PER_RELATION
) -> nx.MultiDiGraph:
    """Sources and concepts of the claims projection `proj`, laid out in columns (see above).

    Node attribute ``concept_role`` is the relation a concept is drawn under; a concept
    named under several relations appears once per relation (e.g. a drug as cause and as
    treatment), so its colour says its role.
    """
    out = nx.MultiDiGraph(fixed=True)
    support: dict[tuple[str, str], set[str]] = defaultdict(set)  # (relation, concept) -> files
    names: dict[str, tuple[str, str, str]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for _u, v, attrs in proj.edges(data=True):
        relation = attrs["relation_label"]
        for claim in attrs["claims"]:
            file = claim["source"]
            names.setdefault(file, (claim.get("citation") or file, claim.get("link", ""), file))
            support[(relation, v)].add(file)
            key = f"{relation} {attrs['polarity']}"
            edge = edges.setdefault(
                (file, f"{relation}|{v}", key),
                {
                    **{k: attrs[k] for k in ("relation", "relation_label", "polarity", "negated")},
                    "claims": [],
                },
            )
            edge["claims"].append(claim)
    columns: dict[str, list[str]] = defaultdict(list)
    for relation, concept in support:
        columns[relation].append(concept)
    hidden: dict[str, int] = {}
    drawn: set[tuple[str, str]] = set()
    for index, relation in enumerate(sorted(columns, key=lambda r: (-len(columns[r]), r))):
        ranked = sorted(
            columns[relation],
            key=lambda c: (-len(support[(relation, c)]), proj.nodes[c]["label"].casefold(), c),
        )
        keep = ranked if per_relation is None else ranked[:per_relation]
        if len(ranked) > len(keep):
            hidden[relation] = len(ranked) - len(keep)
        for row, concept in enumerate(keep):
            drawn.add((relation, concept))
            attrs = dict(proj.nodes[concept])
            attrs.update(
                concept_role=relation,
                concept=concept,
                x=_COLUMN * (index + 1),
                y=_ROW * row,
                group_label=relation,
                sources_count=len(support[(relation, concept)]),
            )
            out.add_node(f"{relation}|{concept}", **attrs)
    rows = max((len([c for r, c in drawn if r == rel]) for rel in columns), default=1)
    files = sorted(names)
    step = max(_ROW * 2, _ROW * max(rows - 1, 1) // max(len(files) - 1, 1))
    top = (_ROW * max(rows - 1, 0) - step * (len(files) - 1)) // 2
    for row, file in enumerate(files):
        citation, link, _ = names[file]
        out.add_node(
            _source_id(file),
            label=citation,
            type=_SOURCE_KIND,
            iri=link or file,
            synonyms=[file],
            x=-_COLUMN // 2,
            y=top + step * row,
        )
    for file, target, key in sorted(edges):
        if target not in out:
            continue
        attrs = edges[(file, target, key)]
        attrs["claims"].sort(key=lambda c: c["claim"])
        attrs["sources"] = [file]
        attrs["support"] = len(support[(attrs["relation_label"], out.nodes[target]["concept"])])
        attrs["contested"] = any(c["conflicts"] for c in attrs["claims"])
        attrs["hedged"] = all(c.get("certainty") == "hedged" for c in attrs["claims"])
        out.add_edge(_source_id(file), target, key=key, **attrs)
    out.graph["hidden"] = hidden
    out.graph["columns"] = sorted(columns, key=lambda r: (-len(columns[r]), r))
    return out


def entity_neighbourhood(proj: nx.MultiDiGraph, centre: str, depth: int = 1) -> nx.MultiDiGraph:
    """The evidence graph around concept `centre`: at depth 1 the sources claiming about it;
    at depth 2 also the concepts those sources name under the same relation(s)."""
    full = evidence_graph(proj, per_relation=None)
    mine = [n for n, a in full.nodes(data=True) if a.get("concept") == centre]
    relations = {full.nodes[n]["concept_role"] for n in mine}
    sources = {u for n in mine for u, _ in full.in_edges(n)}
    keep = set(mine) | sources
    if depth >= 2:
        keep |= {
            v
            for s in sources
            for _, v in full.out_edges(s)
            if full.nodes[v]["concept_role"] in relations
        }
    sub = nx.MultiDiGraph(full.subgraph(keep))
    sub.graph.update(full.graph, centre=min(mine), hidden={})
    _relayout(sub)
    return sub


def _relayout(sub: nx.MultiDiGraph) -> None:
    """Re-pack the columns of a sub-graph so it has no gaps."""
    by_x: dict[int, list[str]] = defaultdict(list)
    for n, a in sub.nodes(data=True):
        by_x[a["x"]].append(n)
    for column, x in enumerate(sorted(by_x)):
        for row, n in enumerate(sorted(by_x[x], key=lambda n: (sub.nodes[n]["y"], n))):
            sub.nodes[n]["x"] = x if column == 0 else _COLUMN * column
            sub.nodes[n]["y"] = _ROW * 2 * row if column == 0 else _ROW * row
