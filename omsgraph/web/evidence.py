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

import re
import textwrap
from collections import defaultdict
from typing import Any

import networkx as nx

from omsgraph.web.claimtext import shorten

__all__ = [
    "FONT",
    "LABEL_CHARS",
    "WIDE_LABEL_CHARS",
    "PER_RELATION",
    "SOURCES_DRAWN",
    "drawn_label",
    "entity_neighbourhood",
    "evidence_graph",
    "heading",
    "layout",
]

#: The most concepts drawn per relation column (by supporting sources, then label).
PER_RELATION = 10
#: The most sources drawn (those with claims about most drawn concepts); the rest are counted.
SOURCES_DRAWN = 16
#: The most characters of a concept's label drawn (the whole label is in its tooltip and panel).
LABEL_CHARS = 26
#: ... and in a view of at most two columns (an entity view): room to spare.
WIDE_LABEL_CHARS = 44
#: Font sizes (canvas px at zoom 1) of concepts, sources and column headings.
FONT, SOURCE_FONT, HEADER_FONT = 14, 16, 16
_CHAR = 0.53  # a generous average character width of arial, in ems (a box never overlaps)
_MARGIN = 16  # a box's inner margins, border and corner radius, both sides
_ROW = 30  # y step between concepts of a column (a box is ~28 high at `FONT`)
_LINE = 17  # ... and for each more line of its label
_COLUMN_GAP = 26  # between the widest boxes of neighbouring columns
_SOURCE_GAP = 190  # between the sources and the first column: room for the edges to fan out
_BAND_GAP = 40  # between two bands of columns
_SOURCE_ROW = 54  # the least y step between sources (a two-line box is ~46 high)
_SOURCE_SPAN = 120  # the least y step between sources of a short graph
_SOURCE_KIND = "Source"


def _source_id(file: str) -> str:
    return "source:" + file


def evidence_graph(
    proj: nx.MultiDiGraph,
    per_relation: int | None = PER_RELATION,
    sources: int | None = SOURCES_DRAWN,
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
    counted: dict[tuple[str, str], int] = defaultdict(int)  # (exemplars only: true counts)
    for _u, v, attrs in proj.edges(data=True):
        relation = attrs["relation_label"]
        counted[(relation, v)] += attrs.get("support", 0) if proj.graph.get("exemplars") else 0
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

    def count(relation: str, concept: str) -> int:
        """The sources supporting a concept in a role (a sum over its polarities where the
        projection holds only exemplar claims: a source may then be counted twice)."""
        return max(len(support[(relation, concept)]), counted[(relation, concept)])

    columns: dict[str, list[str]] = defaultdict(list)
    for relation, concept in support:
        columns[relation].append(concept)
    hidden: dict[str, int] = {}
    drawn: set[tuple[str, str]] = set()
    order = sorted(columns, key=lambda r: (-len(columns[r]), r))
    for relation in order:
        ranked = sorted(
            columns[relation],
            key=lambda c: (-count(relation, c), proj.nodes[c]["label"].casefold(), c),
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
                row=row,
                group_label=relation,
                sources_count=count(relation, concept),
            )
            out.add_node(f"{relation}|{concept}", **attrs)
    reach: dict[str, int] = defaultdict(int)  # file -> edges to drawn concepts
    for file, target, _key in edges:
        reach[file] += target in out
    ranked_files = sorted((f for f in names if reach[f]), key=lambda f: (-reach[f], f))
    kept_files = ranked_files if sources is None else ranked_files[:sources]
    for file in sorted(kept_files):
        citation, link, _ = names[file]
        out.add_node(
            _source_id(file),
            label=citation,
            type=_SOURCE_KIND,
            iri=link or file,
            synonyms=[file],
            details=[citation, f"source: {file}", link],
        )
    for file, target, key in sorted(edges):
        if target not in out or _source_id(file) not in out:
            continue
        attrs = edges[(file, target, key)]
        attrs["claims"].sort(key=lambda c: c["claim"])
        attrs["sources"] = [file]
        attrs["support"] = count(attrs["relation_label"], out.nodes[target]["concept"])
        attrs["contested"] = any(c["conflicts"] for c in attrs["claims"])
        attrs["hedged"] = all(c.get("certainty") == "hedged" for c in attrs["claims"])
        out.add_edge(_source_id(file), target, key=key, **attrs)
    out.graph["hidden"] = hidden
    out.graph["hidden_sources"] = len(ranked_files) - len(kept_files)
    out.graph["columns"] = order
    out.graph["totals"] = {r: len(columns[r]) for r in order}
    layout(out)
    return out


def entity_neighbourhood(proj: nx.MultiDiGraph, centre: str, depth: int = 1) -> nx.MultiDiGraph:
    """The evidence graph around concept `centre`: at depth 1 the sources claiming about it;
    at depth 2 also the concepts those sources name under the same relation(s)."""
    full = evidence_graph(proj, per_relation=None, sources=None)
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
    sub.graph["totals"] = {
        r: sum(1 for _, a in sub.nodes(data=True) if a.get("concept_role") == r)
        for r in full.graph["columns"]
    }
    layout(sub)
    return sub


def drawn_label(attrs: dict[str, Any], chars: int = LABEL_CHARS) -> str:
    """The label a node is drawn with: a source as author and year over its kind (from its
    short citation ``Pike 2013. Title (journal abstract)``), a concept in at most two lines
    of `chars` (a value such as "age at diagnosis: around 18 months" keeps its value)."""
    label = " ".join(str(attrs["label"]).split())
    if attrs.get("type") == _SOURCE_KIND:
        found = re.match(r"(.+? (?:\d{4}[a-z]?|n\.d\.))\.? .*\(([^()]+)\)$", label)
        return f"{found.group(1)}\n({found.group(2)})" if found else shorten(label, 32)
    lines = textwrap.wrap(label, chars, break_long_words=False) or [""]
    if len(lines) > 2:
        lines = [lines[0], shorten(" ".join(lines[1:]), chars)]
    return "\n".join(shorten(line, chars) for line in lines)


def _width(label: str, font: int) -> int:
    """A generous estimate of a box's width, in canvas px at zoom 1."""
    return round(max(len(line) for line in label.split("\n")) * _CHAR * font) + _MARGIN


def heading(graph: nx.MultiDiGraph, relation: str) -> str:
    """A column's heading: its relation and how many of its concepts are drawn."""
    shown = sum(1 for _, a in graph.nodes(data=True) if a.get("concept_role") == relation)
    every = graph.graph.get("totals", {}).get(relation, shown)
    return f"{relation} ({shown} of {every})" if every > shown else f"{relation} ({shown})"


def layout(graph: nx.MultiDiGraph) -> None:
    """Fix every node's ``x``, ``y`` (and ``graph.graph['headings']``): the sources in a
    column on the left; the relations' columns in order, in one band (up to four columns)
    or two, each as wide as its widest box, its concepts in support order under a heading.
    Sized so that the whole fits a landscape screen with labels that stay legible."""
    columns = [
        r
        for r in graph.graph.get("columns", [])
        if any(a.get("concept_role") == r for _, a in graph.nodes(data=True))
    ]
    members: dict[str, list[str]] = defaultdict(list)
    for n, a in graph.nodes(data=True):
        if a.get("concept_role"):
            members[a["concept_role"]].append(n)
    for nodes in members.values():
        nodes.sort(key=lambda n: (graph.nodes[n].get("row", 0), n))
    chars = WIDE_LABEL_CHARS if len(columns) <= 2 else LABEL_CHARS
    graph.graph["label_chars"] = chars
    sources = sorted(n for n, a in graph.nodes(data=True) if a.get("type") == _SOURCE_KIND)
    source_w = max((_width(drawn_label(graph.nodes[n]), SOURCE_FONT) for n in sources), default=0)
    split = len(columns) if len(columns) <= 4 else (len(columns) + 1) // 2
    bands = [columns[:split], columns[split:]] if columns[split:] else [columns]
    headings: list[dict[str, Any]] = []
    top = 0
    for band in bands:
        x = source_w // 2 + _SOURCE_GAP
        low = top
        for relation in band:
            text = heading(graph, relation)
            width = max(
                [_width(text, HEADER_FONT)]
                + [_width(drawn_label(graph.nodes[n], chars), FONT) for n in members[relation]]
            )
            centre = x + width // 2
            headings.append({"relation": relation, "label": text, "x": centre, "y": top})
            cursor = top + _ROW // 2
            for n in members[relation]:
                height = _ROW + _LINE * drawn_label(graph.nodes[n], chars).count("\n")
                graph.nodes[n]["x"], graph.nodes[n]["y"] = centre, cursor + height // 2
                cursor += height
            low = max(low, cursor)
            x += width + _COLUMN_GAP
        top = low + _BAND_GAP + _ROW // 2
    # the sources spread over the height of the columns (at least `_SOURCE_SPAN` apart, so
    # that a source's edges to the first rows of several columns do not run on one line)
    bottom = max((graph.nodes[n]["y"] for r in columns for n in members[r]), default=0)
    span = max(bottom, _SOURCE_ROW * (len(sources) - 1), _SOURCE_SPAN * (len(sources) - 1))
    step = span / max(len(sources) - 1, 1)
    for row, n in enumerate(sources):
        graph.nodes[n]["x"] = 0
        graph.nodes[n]["y"] = round((bottom - span) / 2 + step * row)
    graph.graph["headings"] = headings
