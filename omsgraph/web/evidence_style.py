"""How the evidence graph (:mod:`omsgraph.web.evidence`) is drawn: boxes at the fixed
positions of its layout, coloured by the role a concept is drawn in (the relation of its
column: a drug drawn as a cause is not coloured as a treatment), a heading per column, edges
coloured by polarity and patterned for hedged and unreviewed claims, no physics.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from omsgraph.web.claimtext import node_title
from omsgraph.web.evidence import FONT, HEADER_FONT, LABEL_CHARS, SOURCE_FONT, drawn_label

__all__ = [
    "HEDGED_DASHES",
    "ROLE_COLOURS",
    "UNREVIEWED_DASHES",
    "evidence_edges",
    "evidence_legend",
    "evidence_nodes",
    "evidence_note",
    "evidence_options",
]

#: The colour of each role (the relation a concept is drawn under), in legend order.
ROLE_COLOURS: dict[str, str] = {
    "treated by": "#2ca02c",
    "has cause": "#8c564b",
    "has symptom": "#1f77b4",
    "diagnosed by": "#ff7f0e",
    "has complication": "#c9a400",
    "differential diagnosis": "#9467bd",
    "epidemiology": "#7f7f7f",
    "prognosis": "#17becf",
    "mechanism": "#e377c2",
    "has synonym": "#6a3d9a",
    "specialist": "#5aa9b8",
}
_OTHER_COLOUR = "#a0a0a0"
_SOURCE_COLOUR = "#34495e"
_AFFIRMED = "rgba(110,110,110,0.55)"
#: The dash patterns of an edge whose claims are all hedged, or all unreviewed.
HEDGED_DASHES = [10, 6]
UNREVIEWED_DASHES = [2, 4]


def _tint(colour: str, keep: float = 0.28) -> str:
    """`colour` mixed with white (a box's background: dark text on it stays legible)."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * keep):02x}" for c in rgb)


def role_colour(relation: str) -> str:
    return ROLE_COLOURS.get(relation, _OTHER_COLOUR)


def _unreviewed_only(graph: nx.MultiDiGraph, node: str) -> bool:
    claims = [c for _, _, d in graph.in_edges(node, data=True) for c in d["claims"]]
    return bool(claims) and all(c.get("status", "reviewed") != "reviewed" for c in claims)


def evidence_nodes(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The vis-network nodes: sources, concepts and one heading per column, all fixed."""
    centre = graph.graph.get("centre")
    out: list[dict[str, Any]] = []
    for node_id, attrs in sorted(graph.nodes(data=True)):
        names = [attrs["label"].casefold(), *(n.casefold() for n in attrs.get("synonyms", []))]
        node: dict[str, Any] = {
            "id": node_id,
            "label": drawn_label(attrs, graph.graph.get("label_chars", LABEL_CHARS)),
            "title": node_title(attrs),
            "kind": attrs["type"],
            "names": names,
            "x": attrs["x"],
            "y": attrs["y"],
            "fixed": True,
            "shape": "box",
        }
        role = attrs.get("concept_role")
        if role is None:  # a source
            node.update(
                color={"background": _SOURCE_COLOUR, "border": "#1c2833"},
                font={"size": SOURCE_FONT, "color": "#ffffff", "face": "arial"},
                borderWidth=1,
            )
        else:
            colour = role_colour(role)
            node.update(
                column=role,
                role=role,
                color={
                    "background": _tint(colour),
                    "border": colour,
                    "highlight": {"background": _tint(colour, 0.5), "border": "#222222"},
                },
                font={"size": FONT, "color": "#1a1a1a", "face": "arial"},
                borderWidth=2,
            )
            if node_id == centre:  # the concept of an entity view stands out
                node["color"] = {**node["color"], "background": _tint(colour, 0.6)}
                node["color"]["border"] = "#111111"
                node.update(borderWidth=4, font={**node["font"], "size": FONT + 2})
            if _unreviewed_only(graph, node_id):  # no curator has looked at its claims
                node["unreviewed"] = True
                node["shapeProperties"] = {"borderDashes": [3, 3]}
                node["title"] = "UNREVIEWED (automatic candidates only)\n" + node["title"]
        out.append(node)
    for head in graph.graph.get("headings", []):
        out.append(
            {
                "id": "heading:" + head["relation"],
                "label": head["label"],
                "title": f"concepts named under '{head['relation']}', most sources first",
                "heading": True,
                "column": head["relation"],
                "x": head["x"],
                "y": head["y"],
                "fixed": True,
                "shape": "text",
                "font": {"size": HEADER_FONT, "color": "#222222", "face": "arial"},
                "names": [],
            }
        )
    return out


def evidence_edges(edges: list[dict[str, Any]], graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Restyle the generic edge dicts: polarity colours them (red: negated), a long dash marks
    a hedged edge and a dotted line an unreviewed one; no label drawn (see ``name``)."""
    by_id = {}
    for index, (_u, _v, _k, attrs) in enumerate(
        sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])
    ):
        by_id[f"e{index}"] = attrs
    for edge in edges:
        attrs = by_id[edge["id"]]
        edge.pop("length", None)
        edge.pop("dashes", None)
        edge["width"] = 1.5 if edge["negated"] else 1
        if not (edge["negated"] or edge["contested"]):
            edge["color"] = {"color": _AFFIRMED, "highlight": "#333333", "hover": "#333333"}
        if "smooth" in edge:  # a parallel edge (affirmed and negated): a bow of its own
            edge["smooth"] = {
                "enabled": True,
                "type": "cubicBezier",
                "forceDirection": "horizontal",
                "roundness": 0.25,
            }
        edge["hedged"] = bool(attrs.get("hedged"))
        marks = [
            m for m, on in (("unreviewed", edge["unreviewed"]), ("hedged", edge["hedged"])) if on
        ]
        verb = ("NOT " if edge["negated"] else "") + attrs["relation_label"]
        # named in its panel and tooltip, not drawn: its column says the relation, its colour
        # and pattern the marks, and labels on 200 converging edges would hide each other
        edge["name"] = ": ".join([*marks, verb]) if marks else verb
        edge.pop("label", None)
        if edge["unreviewed"]:
            edge["dashes"] = UNREVIEWED_DASHES
        elif edge["hedged"]:
            edge["dashes"] = HEDGED_DASHES
    return edges


#: edge labels in every graph view: small, grey, on a light band (read once zoomed in)
EDGE_LABEL_FONT = {
    "size": 12,
    "align": "middle",
    "color": "#555555",
    "strokeWidth": 0,
    "background": "rgba(255,255,255,0.85)",
}


def evidence_options() -> dict[str, Any]:
    """vis-network options: no physics (the layout is fixed), labels drawn at any zoom a
    screen can fit, edge labels only once zoomed in far enough to read them."""
    return {
        "autoResize": True,
        "nodes": {
            "margin": 5,
            "shapeProperties": {"borderRadius": 2},
            "scaling": {"label": {"drawThreshold": 1}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
            "font": dict(EDGE_LABEL_FONT),
            "scaling": {"label": {"drawThreshold": 16}},
            # a Sankey-like bow: edges leave a source and reach a concept level, so the edges
            # of one source to the first rows of several columns do not run on one line
            "smooth": {
                "enabled": True,
                "type": "cubicBezier",
                "forceDirection": "horizontal",
                "roundness": 0.55,
            },
            "selectionWidth": 2,
            "width": 1,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "dragNodes": False},
        "physics": {"enabled": False, "stabilization": {"enabled": False}},
        "layout": {"randomSeed": 7, "improvedLayout": False},
    }


def evidence_legend(graph: nx.MultiDiGraph) -> list[tuple[str, str, bool]]:
    """(name, colour, box) rows of the legend: the sources, then each role drawn."""
    roles = [h["relation"] for h in graph.graph.get("headings", [])]
    legend = (
        [("source", _SOURCE_COLOUR, True)]
        if any("concept_role" not in a for _, a in graph.nodes(data=True))
        else []
    )
    return legend + [(f"{r}", role_colour(r), True) for r in roles]


def evidence_note(graph: nx.MultiDiGraph, per_relation: int) -> str:
    """The page's note on the concepts left out of the columns: how many, of which relation."""
    hidden = graph.graph.get("hidden") or {}
    others = graph.graph.get("hidden_sources", 0)
    lines = []
    if hidden:
        parts = ", ".join(f"{n} {relation}" for relation, n in hidden.items())
        lines.append(
            f"Each column draws its {per_relation} concepts with most sources; not drawn: "
            f"{parts} ({sum(hidden.values())} in all). The condition page lists every one; "
            "for one concept: omsgraph view entity LABEL --depth 2."
        )
    if others:
        lines.append(
            f"{others:,} more sources not drawn (the sources drawn name most of these "
            "concepts); one source's claims: omsgraph view source FILE."
        )
    return " ".join(lines)
