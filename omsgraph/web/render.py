"""Draw a view projection as ONE self-contained HTML page (vis-network, inlined).

vis-network's JavaScript and CSS (shipped inside pyvis) are inlined: nothing is fetched from a
network, and the same graph gives byte-identical HTML.

Escaping: text from the graph reaches the page in two places only. (1) HTML context (title,
notes, legend, index links): Jinja2 autoescaping. (2) The node/edge data inside the
``<script>``: JSON in which ``<``, ``>``, ``&`` and ``'`` are written as ``\\u003c``-style
escapes (Jinja's ``tojson``), so no markup from the graph exists in the page source. In the
page, vis-network 9.1.2 draws labels on the canvas and shows ``title`` strings with
``innerText``, and our own details panel, search list and filters build DOM nodes with
``textContent`` only, so titles and quotes are plain text, never parsed as HTML.

Scale: a page draws at most `MAX_NODES` nodes. Past that it keeps the best-connected ones
(the hub always), says so in a visible note and suggests an entity view. Up to
`PHYSICS_NODES` nodes vis-network refines a seeded layout for a bounded number of
iterations and then freezes; above that the seeded layout is drawn as is (no physics).
An edge carries at most `EDGE_CLAIMS` of its claims into the page (the first by source, then
quote); its counts stay true, and its details panel says how many more there are and how to
list them all. A page with claims from more than `FILTER_SOURCES` sources has no source filter
(its edges do not list their sources), and says so.
"""

from __future__ import annotations

import functools
import heapq
import importlib.util
import math
import re
import shlex
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from omsgraph.web.claimtext import (
    claim_payload,
    edge_title,
    node_title,
    shorten,
    source_labels,
    support_line,
    total,
)
from omsgraph.web.evidence import PER_RELATION
from omsgraph.web.evidence_style import (
    EDGE_LABEL_FONT,
    evidence_edges,
    evidence_legend,
    evidence_nodes,
    evidence_note,
    evidence_options,
)
from omsgraph.web.offline import check_offline

__all__ = [
    "EDGE_CLAIMS",
    "FILTER_SOURCES",
    "MAX_NODES",
    "PHYSICS_NODES",
    "TYPE_COLOURS",
    "cap",
    "render_index",
    "render_page",
]

#: Colour of each node type, in legend order. Red is kept for negated edges.
TYPE_COLOURS: dict[str, str] = {
    "Condition": "#6a3d9a",
    "Symptom": "#1f77b4",
    "Finding": "#17becf",
    "Cause": "#8c564b",
    "Tumour": "#e377c2",
    "Infection": "#bcbd22",
    "Treatment": "#2ca02c",
    "Drug": "#33a02c",
    "Procedure": "#98df8a",
    "Therapy": "#637939",
    "DiagnosticTest": "#ff7f0e",
    "Complication": "#dbb40c",
    "Specialty": "#9edae5",
    "Concept": "#aaaaaa",
    "Value": "#e8e8e8",
    "JournalAbstract": "#1f4e79",
    "PatientPage": "#2e8b57",
    "EncyclopediaEntry": "#8e44ad",
    "WikiPage": "#d35400",
    "Source": "#34495e",
    "Reference": "#b0bec5",
    "Contradiction": "#c0392b",
    "Tension": "#f39c12",
    "Conflict": "#e74c3c",
}
_UNKNOWN_COLOUR = "#c7c7c7"
_NEGATED_COLOUR = "#d62728"
_EDGE_COLOUR = "#8a8a8a"
_CONTESTED_COLOUR = "#f39c12"
_BOXES = {"Value", "Reference"}
_SOURCE_KINDS = {"JournalAbstract", "PatientPage", "EncyclopediaEntry", "WikiPage", "Source"}
_BIG = {"Condition", "Contradiction", "Tension", "Conflict"} | _SOURCE_KINDS

#: The most nodes a page draws; past it the view is capped (see the module docstring).
MAX_NODES = 2000
#: Up to this many nodes the layout is refined by physics before it freezes.
PHYSICS_NODES = 500
#: The most claims of one edge a page embeds (its counts stay true; the panel says the rest).
EDGE_CLAIMS = 50
#: The most sources a page's source filter lists; past it the page has no source filter.
FILTER_SOURCES = 200


def _edge_claims(attrs: dict[str, Any]) -> list[dict[str, Any]]:
    """The claims of an edge the page embeds: all, or the first `EDGE_CLAIMS` by source, quote."""
    claims = attrs["claims"]
    if len(claims) <= EDGE_CLAIMS:
        return claims
    return heapq.nsmallest(
        EDGE_CLAIMS, claims, key=lambda c: (c["source"], c.get("quote", ""), c.get("claim", ""))
    )


def _more_claims(proj: nx.MultiDiGraph, v: str, total: int, shown: int) -> str:
    """The panel line of an edge with claims left out of the page: how many, how to list them."""
    exemplars = proj.graph.get("exemplars", False)
    target = proj.nodes[v]
    if target["type"] == "Reference" or target["type"] in _SOURCE_KINDS:
        how = "the SPARQL endpoint (omsgraph serve) has every claim"
    else:
        label = target["label"]
        how = f"omsgraph evidence {shlex.quote(label)} lists every claim about {label}"
    return (
        f"{total - shown:,} more claim(s) not in this page (it shows "
        + (
            f"{shown:,} of {total:,}, one per source first"
            if exemplars
            else f"the first {shown:,} of {total:,}, by source then quote"
        )
        + f"); {how}."
    )


def _hub(proj: nx.MultiDiGraph) -> str:
    return proj.graph.get("centre") or min(proj, key=lambda n: (-proj.degree(n), n))


def cap(proj: nx.MultiDiGraph, limit: int = MAX_NODES) -> tuple[nx.MultiDiGraph, str]:
    """Keep at most `limit` nodes (the hub, then by degree and support); return it and a note."""
    if len(proj) <= limit:
        return proj, ""
    hub = _hub(proj)
    weight: dict[str, int] = defaultdict(int)
    for u, v, attrs in proj.edges(data=True):
        weight[u] += attrs.get("support", 1)
        weight[v] += attrs.get("support", 1)
    ranked = sorted(proj, key=lambda n: (n != hub, -proj.degree(n), -weight[n], n))
    kept = nx.MultiDiGraph(proj.subgraph(ranked[:limit]))
    kept.graph.update(proj.graph)
    note = (
        f"Showing the {limit:,} best-connected of {len(proj):,} nodes "
        f"({kept.number_of_edges():,} of {proj.number_of_edges():,} edges). "
        "For one concept and its neighbours: omsgraph view entity LABEL."
    )
    return kept, note


def _seed_positions(proj: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Start positions: the hub at the centre, the rest grouped by type.

    Small graphs: sectors on 3 staggered rings. Large graphs: a sunflower spiral, the
    best-connected nodes nearest the centre. Physics (if any) only refines this, so the
    layout is the same on every load.
    """
    if not len(proj):
        return {}
    hub = _hub(proj)
    order = {kind: rank for rank, kind in enumerate(TYPE_COLOURS)}
    rest = [n for n in proj if n != hub]
    positions = {hub: (0, 0)}
    if len(rest) > PHYSICS_NODES:
        rest.sort(key=lambda n: (-proj.degree(n), proj.nodes[n]["label"].lower(), n))
        golden = math.pi * (3 - math.sqrt(5))
        for i, node in enumerate(rest, start=1):
            r = 55 * math.sqrt(i)
            positions[node] = (
                round(1.4 * r * math.cos(i * golden)),
                round(r * math.sin(i * golden)),
            )
        return positions
    rest.sort(
        key=lambda n: (
            order.get(proj.nodes[n]["type"], len(order)),
            proj.nodes[n]["label"].lower(),
            n,
        )
    )
    radius = max(260, 120 + 3.2 * len(rest))
    for i, node in enumerate(rest):
        # the 0.37 offset: vis-network drops the label of an edge pointing exactly left
        angle = 2 * math.pi * (i + 0.37) / len(rest) - math.pi / 2
        r = radius * (1 + 0.2 * (i % 3))
        # an ellipse, wider than tall, to use a landscape screen
        positions[node] = (round(1.5 * r * math.cos(angle)), round(r * math.sin(angle)))
    return positions


def _options(n_nodes: int, components: int = 1) -> dict[str, Any]:
    physics = 0 < n_nodes <= PHYSICS_NODES
    # several small islands (citations, conflicts): pull them together so labels stay legible
    gravity, spring = (0.5, 120) if components > 1 else (0.05, 200)
    return {
        "autoResize": True,
        "nodes": {
            "font": {"size": 18, "face": "arial", "strokeWidth": 4, "strokeColor": "#ffffff"},
            "borderWidth": 1,
            # value boxes stay readable (small) when the whole graph is fitted to the screen
            "scaling": {"label": {"drawThreshold": 3}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": dict(EDGE_LABEL_FONT),
            # edge labels appear once zoomed in enough to read them (hover works at any zoom)
            "scaling": {"label": {"drawThreshold": 8}},
            "smooth": False,
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": n_nodes <= PHYSICS_NODES,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": n_nodes > 300,
            "hideEdgesOnZoom": n_nodes > PHYSICS_NODES,
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -4000,
                "centralGravity": gravity,
                "springLength": spring,
                "springConstant": 0.04,
                "damping": 0.4,
                "avoidOverlap": 0.2,
            },
            "maxVelocity": 60,
            "minVelocity": 1,
            "stabilization": {
                "enabled": physics,
                # bounded work: ~400 iterations for a small graph, fewer as it grows
                "iterations": max(40, min(400, 30_000 // max(n_nodes, 1))),
                "updateInterval": 50,
                "fit": True,
            },
        },
        "layout": {"randomSeed": 7, "improvedLayout": False},  # positions are seeded
    }


_TREATMENT_KINDS = {"Drug", "Procedure", "Therapy"}


def _only_a_cause(proj: nx.MultiDiGraph, node_id: str) -> bool:
    """Whether every claim naming this node names it as a cause (colour by role)."""
    relations = {d["relation_label"] for _, _, d in proj.in_edges(node_id, data=True)}
    return relations == {"has cause"}


def _node_dicts(proj: nx.MultiDiGraph) -> list[dict[str, Any]]:
    positions = _seed_positions(proj)
    hub = _hub(proj) if len(proj) else None
    out = []
    for node_id, attrs in sorted(proj.nodes(data=True)):
        kind = attrs["type"]
        colour = TYPE_COLOURS.get(kind, _UNKNOWN_COLOUR)
        if kind in _TREATMENT_KINDS and _only_a_cause(proj, node_id):
            colour = TYPE_COLOURS["Cause"]  # a drug that causes it is not a treatment
        x, y = positions[node_id]
        node: dict[str, Any] = {
            "id": node_id,
            "label": shorten(attrs["label"], 32 if kind in _BOXES else 60),
            "title": node_title(attrs),
            "kind": kind,
            "names": [
                attrs["label"].casefold(),
                *(n.casefold() for n in attrs.get("synonyms", [])),
            ],
            "x": x,
            "y": y,
        }
        if kind in _BOXES:
            node.update(
                shape="box",
                color={"background": colour, "border": "#9a9a9a"},
                font={"size": 14, "color": "#333333", "strokeWidth": 0},
            )
        else:
            degree = proj.degree(node_id)
            big = kind in _BIG or node_id == hub
            node.update(
                shape="dot",
                size=34 if big else 10 + 3 * min(degree, 5),
                color=colour,
                mass=4 if big else 1,
            )
            if big:
                node["font"] = {"size": 24, "strokeWidth": 6}
        out.append(node)
    return out


def _edge_dicts(proj: nx.MultiDiGraph, large: bool) -> list[dict[str, Any]]:
    positions = _seed_positions(proj)
    out = []
    pair_count: dict[tuple[str, str], int] = defaultdict(int)
    for index, (u, v, _key, attrs) in enumerate(
        sorted(proj.edges(keys=True, data=True), key=lambda e: e[:3])
    ):
        nth = pair_count[(u, v)] + pair_count[(v, u)]
        pair_count[(u, v)] += 1
        negated, contested = attrs["negated"], attrs.get("contested", False)
        colour = _NEGATED_COLOUR if negated else _CONTESTED_COLOUR if contested else _EDGE_COLOUR
        claims = _edge_claims(attrs)
        edge: dict[str, Any] = {
            "id": f"e{index}",
            "from": u,
            "to": v,
            "label": ("NOT " if negated else "") + attrs["relation_label"],
            "title": edge_title(proj, u, v, attrs, claims),
            "width": round(1 + 2 * math.log2(max(attrs["support"], 1)) + (attrs["support"] > 1), 2),
            "color": {
                "color": colour,
                "highlight": colour if negated or contested else "#333333",
                "hover": colour if negated or contested else "#333333",
            },
            "relation": attrs["relation_label"],
            "negated": negated,
            "contested": contested,
            "support": attrs["support"],
            "sources": attrs["sources"],
            "summary": support_line(attrs),
            "claims": [claim_payload(c) for c in claims],
            # (an edge without claims, a citation, is neither: the filter keeps it)
            "unreviewed": bool(claims)
            and all(c.get("status", "reviewed") != "reviewed" for c in claims),
            "reviewed": not claims
            or any(c.get("status", "reviewed") == "reviewed" for c in claims),
        }
        if len(claims) < total(attrs):
            edge["more"] = _more_claims(proj, v, total(attrs), len(claims))
        (x1, y1), (x2, y2) = positions[u], positions[v]
        edge["length"] = max(150, round(math.hypot(x2 - x1, y2 - y1)))  # keep the seed rings
        if negated:
            edge["dashes"] = [8, 6]
            edge["font"] = {"color": _NEGATED_COLOUR}
        if edge["unreviewed"]:  # no curator has looked at any of its claims
            edge["dashes"] = [2, 5]
            edge["label"] = "unreviewed: " + edge["label"]
        if nth and not large:  # parallel edges: fan out so each stays visible and hoverable
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if nth % 2 else "curvedCCW",
                "roundness": 0.3 * ((nth + 1) // 2),
            }
        out.append(edge)
    return out


_TEMPLATES = Path(__file__).resolve().parent / "templates"
# (found without importing pyvis, which imports IPython: a tenth of a second per build)
_VIS_DIR = Path(importlib.util.find_spec("pyvis").origin).parent / "templates/lib/vis-9.1.2"


@functools.cache
def _inline_asset(name: str, closing: str) -> Markup:
    text = (_VIS_DIR / name).read_text(encoding="utf-8")
    text = re.sub(r"/[/*][#@]\s*sourceMappingURL=[^\n]*", "", text)
    if closing in text.lower():
        raise RuntimeError(f"{name} contains {closing!r}; cannot inline it")
    return Markup(text)  # noqa: S704 - pyvis's bundled library, checked above


@functools.cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(_TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )


def render_page(
    proj: nx.MultiDiGraph, title: str, kind: str, subtitle: str = "", index_href: str = ""
) -> str:
    """The HTML page drawing `proj` (capped to `MAX_NODES`; the note says so)."""
    shown, note = cap(proj)
    large = len(shown) > PHYSICS_NODES
    fixed = bool(shown.graph.get("fixed"))  # the evidence graph: its own layout and colours
    edges = _edge_dicts(shown, large)
    if fixed:
        nodes, edges = evidence_nodes(shown), evidence_edges(edges, shown)
        note = " ".join(t for t in (note, evidence_note(shown, PER_RELATION)) if t)
    else:
        nodes = _node_dicts(shown)
    sources = sorted({s for e in edges for s in e["sources"]})
    if len(sources) > FILTER_SOURCES:
        for edge in edges:
            del edge["sources"]  # the filter that reads them is not on the page
        drawn = "The exemplar claims drawn come" if proj.graph.get("exemplars") else "Claims"
        off = (
            f"{drawn} from {len(sources):,} sources: no source filter past {FILTER_SOURCES:,}; "
            "one source's claims: omsgraph view source FILE."
        )
        note, sources = f"{note} {off}".strip(), []
    present = {attrs["type"] for _, attrs in shown.nodes(data=True)}
    legend = [(k, colour, k in _BOXES) for k, colour in TYPE_COLOURS.items() if k in present]
    legend += [(k, _UNKNOWN_COLOUR, False) for k in sorted(present - TYPE_COLOURS.keys())]
    if fixed:
        legend = evidence_legend(shown)
    html = (
        _environment()
        .get_template("view.html.j2")
        .render(
            heading=title,
            subtitle=subtitle,
            kind=kind,
            note=note,
            index_href=index_href,
            nodes=nodes,
            edges=edges,
            options=evidence_options()
            if fixed
            else _options(len(shown), nx.number_weakly_connected_components(shown)),
            fixed=fixed,
            has_hedged=any(e.get("hedged") for e in edges),
            legend=legend,
            relations=sorted({e["relation"] for e in edges}),
            sources=sources,
            source_names=source_labels(edges),
            has_unreviewed=any(e["unreviewed"] or not e["reviewed"] for e in edges),
            max_support=max((e["support"] for e in edges), default=1),
            has_contested=any(e["contested"] for e in edges),
            has_more=any("more" in e for e in edges),
            negated_colour=_NEGATED_COLOUR,
            edge_colour=_EDGE_COLOUR,
            contested_colour=_CONTESTED_COLOUR,
            n_nodes=shown.number_of_nodes(),
            n_edges=shown.number_of_edges(),
            n_claims=sum(total(d) for _, _, d in shown.edges(data=True)),
            vis_css=_inline_asset("vis-network.css", "</style"),
            vis_js=_inline_asset("vis-network.min.js", "</script"),
        )
    )
    check_offline(html, allow_links=bool(index_href))
    return html


def render_index(
    title: str, entries: list[tuple[str, str, str]], hint: str = "", note: str = ""
) -> str:
    """The index page: `entries` are (href, name, description) rows, in order; `note` (one
    line under them) says what the list leaves out, `hint` what else can be drawn."""
    html = (
        _environment()
        .get_template("index.html.j2")
        .render(heading=title, entries=entries, hint=hint, note=note)
    )
    check_offline(html, allow_links=True)
    return html
