"""The HTML graph view: a networkx projection of the claims graph, drawn with pyvis.

`project` reads the RDF graph (see docs/model.md) with SPARQL and returns a
`networkx.MultiDiGraph`: one node per concept that is the subject or object of a claim, one
node per distinct literal value of a value-valued claim (type ``"Value"``), and one edge per
(subject, relation, object, polarity) carrying its claims and its ``support`` (the number of
distinct sources).

`write_view` draws that projection as ONE self-contained page: vis-network's JavaScript and
CSS (shipped inside pyvis) are inlined, nothing is fetched from a network, and the same graph
gives byte-identical HTML.

Escaping: text from the graph reaches the page in two places only. (1) HTML context (page
title, legend): Jinja2 autoescaping. (2) The node/edge data inside the ``<script>``: JSON in
which ``<``, ``>``, ``&`` and ``'`` are written as ``\\u003c``-style escapes, so no markup from
the graph exists in the page source. vis-network 9.1.2 (bundled with pyvis 0.3.2) draws
labels on the canvas and shows ``title`` strings with ``innerText`` (only a DOM ``Element``
title is inserted as HTML), so titles are plain text and are deliberately NOT HTML-escaped
(that would show ``&lt;`` to the reader). We also avoid pyvis's own template, which switches
to ``popup.innerHTML = title`` whenever a node title contains ``"href"``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Graph, Literal

from omsgraph.model import PREDICATES
from omsgraph.namespaces import CITO, DCTERMS, OA, OMS, PROV, RDF, RDFS, SKOS
from omsgraph.output import write_atomic

__all__ = [
    "DEFAULT_TITLE",
    "TYPE_COLOURS",
    "ViewStats",
    "check_offline",
    "project",
    "render_view",
    "write_view",
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
}

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
}
_UNKNOWN_COLOUR = "#c7c7c7"
_NEGATED_COLOUR = "#d62728"
_EDGE_COLOUR = "#8a8a8a"

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
SELECT ?claim ?cite WHERE {
  ?claim cito:citesAsEvidence ?ref . ?ref dcterms:bibliographicCitation ?cite .
}"""

_CONCEPTS_QUERY = """
SELECT DISTINCT ?c ?label ?alt ?type WHERE {
  ?claim a oms:Claim .
  { ?claim rdf:subject ?c } UNION { ?claim rdf:object ?c }
  FILTER(isIRI(?c))
  OPTIONAL { ?c skos:prefLabel ?label }
  OPTIONAL { ?c skos:altLabel ?alt }
  OPTIONAL { ?c a ?type FILTER(STRSTARTS(STR(?type), STR(oms:))) }
}"""

_SUBCLASS_QUERY = """
SELECT ?sub ?sup WHERE {
  ?sub rdfs:subClassOf+ ?sup .
  FILTER(STRSTARTS(STR(?sub), STR(oms:)) && STRSTARTS(STR(?sup), STR(oms:)))
}"""

DEFAULT_TITLE = "Opsoclonus-myoclonus syndrome knowledge graph"
_MAX_CLAIMS_IN_TITLE = 12
_MAX_QUOTE = 400


@dataclass(frozen=True)
class ViewStats:
    """What `write_view` wrote: node and edge counts of the page and its size in bytes."""

    nodes: int
    edges: int
    bytes: int


def _local(iri: str) -> str:
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


def _concept_nodes(graph: Graph) -> dict[str, dict[str, Any]]:
    parents: dict[str, set[str]] = defaultdict(set)
    for child, parent in _PARENTS.items():
        parents[child].add(parent)
    for row in graph.query(_SUBCLASS_QUERY, initNs=_INIT_NS):
        parents[_local(row.sub)].add(_local(row.sup))
    labels: dict[str, set[str]] = defaultdict(set)
    alts: dict[str, set[str]] = defaultdict(set)
    types: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(_CONCEPTS_QUERY, initNs=_INIT_NS):
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


def project(graph: Graph) -> nx.MultiDiGraph:
    """Project the claims of `graph` onto a networkx multigraph (see the module docstring).

    Node attributes: ``label``, ``type``, ``iri`` (concepts) or ``value`` (values) and
    ``synonyms``. Edge key ``"<relation IRI> <polarity>"``; edge attributes ``relation``,
    ``relation_label``, ``polarity`` ("affirmed"/"negated"), ``negated``, ``claims`` (dicts
    with claim, quote, source, source_title, polarity, certainty, population, qualifier,
    cites), ``sources`` and ``support`` (distinct sources).
    """
    concepts = _concept_nodes(graph)
    quotes: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(_QUOTES_QUERY, initNs=_INIT_NS):
        quotes[str(row.claim)].add(str(row.quote))
    cites: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(_CITES_QUERY, initNs=_INIT_NS):
        cites[str(row.claim)].add(str(row.cite))
    claims: dict[str, dict[str, Any]] = {}
    for row in graph.query(_CLAIMS_QUERY, initNs=_INIT_NS):
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
        }

    out = nx.MultiDiGraph()
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for claim in claims.values():
        obj = claim.pop("object")
        if isinstance(obj, Literal):
            target = _value_id(str(obj))
            nodes[target] = {"label": str(obj), "type": "Value", "value": str(obj), "synonyms": []}
        else:
            target = str(obj)
            nodes[target] = concepts[target]
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
        out.add_edge(source, target, key=key, **attrs)
    return out


# --------------------------------------------------------------------------- rendering


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _node_title(attrs: dict[str, Any]) -> str:
    if attrs["type"] == "Value":
        return f"{attrs['value']}\ntype: Value (literal)"
    lines = [attrs["label"], f"type: {attrs['type']}"]
    if attrs["synonyms"]:
        lines.append("synonyms: " + ", ".join(attrs["synonyms"]))
    lines.append(attrs["iri"])
    return "\n".join(lines)


def _edge_title(proj: nx.MultiDiGraph, u: str, v: str, attrs: dict[str, Any]) -> str:
    verb = ("NOT " if attrs["negated"] else "") + attrs["relation_label"]
    n_claims = len(attrs["claims"])
    lines = [
        f"{proj.nodes[u]['label']} → {verb} → {_shorten(proj.nodes[v]['label'], 80)}",
        f"{attrs['support']} source(s), {n_claims} claim(s)",
    ]
    for claim in attrs["claims"][:_MAX_CLAIMS_IN_TITLE]:
        source = claim["source"] + (f" — {claim['source_title']}" if claim["source_title"] else "")
        facts = [f"{claim['polarity']}, {claim['certainty']}"]
        if claim["population"]:
            facts.append(f"population: {claim['population']}")
        if claim["qualifier"]:
            facts.append(f"qualifier: {claim['qualifier']}")
        lines += ["", f"• {source}", "  " + " · ".join(facts)]
        if claim["quote"]:
            lines.append(f"  “{_shorten(claim['quote'], _MAX_QUOTE)}”")
        lines += [f"  cites: {_shorten(cite, 200)}" for cite in claim["cites"]]
    if n_claims > _MAX_CLAIMS_IN_TITLE:
        lines += ["", f"… and {n_claims - _MAX_CLAIMS_IN_TITLE} more claim(s)"]
    return "\n".join(lines)


def _options(n_nodes: int) -> dict[str, Any]:
    return {
        "autoResize": True,
        "nodes": {
            "font": {"size": 18, "face": "arial", "strokeWidth": 4, "strokeColor": "#ffffff"},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {
                "size": 12,
                "align": "middle",
                "color": "#555555",
                "strokeWidth": 0,
                "background": "rgba(255,255,255,0.85)",
            },
            # edge labels appear once zoomed in enough to read them (hover works at any zoom)
            "scaling": {"label": {"drawThreshold": 8}},
            "smooth": False,
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 300},
        "physics": {
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -4000,
                "centralGravity": 0.05,
                "springLength": 200,
                "springConstant": 0.04,
                "damping": 0.4,
                "avoidOverlap": 0.2,
            },
            "maxVelocity": 60,
            "minVelocity": 1,
            "stabilization": {
                "enabled": True,
                "iterations": 400,
                "updateInterval": 50,
                "fit": True,
            },
        },
        "layout": {"randomSeed": 7, "improvedLayout": False},  # positions are seeded
    }


def _seed_positions(proj: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Start positions: the hub at the centre, the rest in sectors by type on 3 staggered rings.

    Physics then only refines this, so same-type nodes stay together and the layout is the
    same on every load.
    """
    if not len(proj):
        return {}
    hub = min(proj, key=lambda n: (-proj.degree(n), n))
    order = {kind: rank for rank, kind in enumerate(TYPE_COLOURS)}
    rest = sorted(
        (n for n in proj if n != hub),
        key=lambda n: (
            order.get(proj.nodes[n]["type"], len(order)),
            proj.nodes[n]["label"].lower(),
            n,
        ),
    )
    radius = max(260, 120 + 3.2 * len(rest))
    positions = {hub: (0, 0)}
    for i, node in enumerate(rest):
        # the 0.37 offset: vis-network drops the label of an edge pointing exactly left
        angle = 2 * math.pi * (i + 0.37) / len(rest) - math.pi / 2
        r = radius * (1 + 0.2 * (i % 3))
        # an ellipse, wider than tall, to use a landscape screen
        positions[node] = (round(1.5 * r * math.cos(angle)), round(r * math.sin(angle)))
    return positions


def _to_pyvis(proj: nx.MultiDiGraph, title: str) -> Network:
    net = Network(
        height="100%", width="100%", directed=True, heading=title, cdn_resources="in_line"
    )
    positions = _seed_positions(proj)
    for node_id, attrs in sorted(proj.nodes(data=True)):
        kind = attrs["type"]
        colour = TYPE_COLOURS.get(kind, _UNKNOWN_COLOUR)
        x, y = positions[node_id]
        # no vis "group": its palette would override the node's colour
        common = {"title": _node_title(attrs), "x": x, "y": y}
        if kind == "Value":
            net.add_node(
                node_id,
                label=_shorten(attrs["label"], 32),
                shape="box",
                color={"background": colour, "border": "#9a9a9a"},
                font={"size": 14, "color": "#333333", "strokeWidth": 0},
                **common,
            )
            continue
        support = len(
            {s for _, _, d in proj.edges(node_id, data=True) for s in d["sources"]}
            | {s for _, _, d in proj.in_edges(node_id, data=True) for s in d["sources"]}
        )
        size = 34 if kind == "Condition" else 10 + 3 * min(support, 5)
        font = {"size": 24, "strokeWidth": 6} if kind == "Condition" else {}
        net.add_node(
            node_id,
            label=attrs["label"],
            shape="dot",
            size=size,
            color=colour,
            mass=4 if kind == "Condition" else 1,
            **({"font": font} if font else {}),
            **common,
        )
    pair_count: dict[tuple[str, str], int] = defaultdict(int)
    for index, (u, v, _key, attrs) in enumerate(
        sorted(proj.edges(keys=True, data=True), key=lambda e: e[:3])
    ):
        nth = pair_count[(u, v)] + pair_count[(v, u)]
        pair_count[(u, v)] += 1
        negated = attrs["negated"]
        edge: dict[str, Any] = {
            "id": f"e{index}",
            "label": ("NOT " if negated else "") + attrs["relation_label"],
            "title": _edge_title(proj, u, v, attrs),
            "width": round(1 + 2 * math.log2(attrs["support"]) + (attrs["support"] > 1), 2),
            "color": {
                "color": _NEGATED_COLOUR if negated else _EDGE_COLOUR,
                "highlight": _NEGATED_COLOUR if negated else "#333333",
                "hover": _NEGATED_COLOUR if negated else "#333333",
            },
        }
        (x1, y1), (x2, y2) = positions[u], positions[v]
        edge["length"] = max(150, round(math.hypot(x2 - x1, y2 - y1)))  # keep the seed rings
        if negated:
            edge["dashes"] = [8, 6]
            edge["font"] = {"color": _NEGATED_COLOUR}
        if nth:  # parallel edges: fan out so each stays visible and hoverable
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if nth % 2 else "curvedCCW",
                "roundness": 0.3 * ((nth + 1) // 2),
            }
        net.add_edge(u, v, **edge)
    net.options = _options(len(proj))
    return net


_TEMPLATES = Path(__file__).parent / "templates"
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_URL_ATTRS = frozenset(
    "src href action formaction srcset poster data background xlink:href manifest ping".split()
)
_CSS_EXTERNAL = re.compile(r"url\(\s*[\"']?\s*(?!data:)[^)\s\"']|@import", re.IGNORECASE)


class _ExternalFinder(HTMLParser):
    """Collect what in a page would make the browser fetch something."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"link", "iframe", "object", "embed", "base"}:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name in _URL_ATTRS and value and not value.startswith(("data:", "#", "about:")):
                self.problems.append(f"<{tag} {name}={value[:80]!r}>")
            if name == "style" and _CSS_EXTERNAL.search(value):
                self.problems.append(f"<{tag} style={value[:80]!r}>")
            if name == "http-equiv" and value == "refresh":
                self.problems.append("meta refresh")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        found = _CSS_EXTERNAL.search(data) if self._in_style else None
        if found:
            self.problems.append(f"CSS {data[found.start() : found.start() + 80]!r}")


def _inline_asset(name: str, closing: str) -> Markup:
    text = (_VIS_DIR / name).read_text(encoding="utf-8")
    text = re.sub(r"/[/*][#@]\s*sourceMappingURL=[^\n]*", "", text)
    if closing in text.lower():
        raise RuntimeError(f"{name} contains {closing!r}; cannot inline it")
    return Markup(text)  # noqa: S704 - pyvis's bundled library, checked above


def check_offline(html: str) -> None:
    """Raise `RuntimeError` if `html` would load anything at all (only inline content allowed).

    Markup is parsed as a browser would (script bodies are opaque text, so http:// strings in
    JavaScript, e.g. the SVG xmlns, are not loads); every URL-valued attribute and every CSS
    ``url()``/``@import`` must be inline (``data:``) or in-page (``#...``).
    """
    finder = _ExternalFinder()
    finder.feed(html)
    finder.close()
    if finder.problems:
        raise RuntimeError("view would load external resources: " + "; ".join(finder.problems))


def render_view(graph: Graph, title: str = DEFAULT_TITLE) -> tuple[str, nx.MultiDiGraph]:
    """Render the page for `graph`; return the HTML and the projection it draws."""
    proj = project(graph)
    net = _to_pyvis(proj, title)
    nodes, edges, heading, _height, _width, options = net.get_network_data()
    present = {attrs["type"] for _, attrs in proj.nodes(data=True)}
    legend = [(kind, colour) for kind, colour in TYPE_COLOURS.items() if kind in present]
    legend += [(kind, _UNKNOWN_COLOUR) for kind in sorted(present - TYPE_COLOURS.keys())]
    env = Environment(
        loader=FileSystemLoader(str(_TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    html = env.get_template("view.html.j2").render(
        heading=heading,
        nodes=nodes,
        edges=edges,
        options=Markup(options),
        legend=legend,
        negated_colour=_NEGATED_COLOUR,
        edge_colour=_EDGE_COLOUR,
        n_nodes=proj.number_of_nodes(),
        n_edges=proj.number_of_edges(),
        n_claims=sum(len(d["claims"]) for _, _, d in proj.edges(data=True)),
        vis_css=_inline_asset("vis-network.css", "</style"),
        vis_js=_inline_asset("vis-network.min.js", "</script"),
    )
    check_offline(html)
    return html, proj


def write_view(graph: Graph, path: Path, title: str = DEFAULT_TITLE) -> ViewStats:
    """Write the interactive view of `graph` to `path` atomically and return its stats."""
    html, proj = render_view(graph, title)
    data = html.encode("utf-8")
    write_atomic(Path(path), data)
    return ViewStats(nodes=proj.number_of_nodes(), edges=proj.number_of_edges(), bytes=len(data))
