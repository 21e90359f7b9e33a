"""The HTML views of the graph: networkx projections drawn as self-contained offline pages.

Five kinds (`VIEW_KINDS`): ``overview`` (every claim), ``entity`` (one concept and its
neighbourhood, ``depth`` edges out), ``source`` (what one document claims), ``citations``
(sources and the references they cite, coloured by kind) and ``conflicts`` (the
``oms:Conflict`` records and the concepts their claims name). `project` (in
`omsgraph.views.project`) builds the projections, `omsgraph.views.render` the pages;
`write_site` writes every view that does not need an argument plus one page per source and an
``index.html`` linking them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rdflib import Graph

from omsgraph.output import write_atomic
from omsgraph.views.project import (
    citations_view,
    conflicts_view,
    entity_view,
    find_entity,
    find_source,
    project,
    source_view,
)
from omsgraph.views.render import (
    MAX_NODES,
    PHYSICS_NODES,
    TYPE_COLOURS,
    cap,
    check_offline,
    render_index,
    render_page,
)

__all__ = [
    "DEFAULT_TITLE",
    "MAX_NODES",
    "PHYSICS_NODES",
    "TYPE_COLOURS",
    "VIEW_KINDS",
    "View",
    "ViewStats",
    "build_view",
    "check_offline",
    "find_entity",
    "project",
    "render_index",
    "render_view",
    "site_index",
    "write_site",
    "write_view",
]

DEFAULT_TITLE = "Opsoclonus-myoclonus syndrome knowledge graph"
VIEW_KINDS = ("overview", "entity", "source", "citations", "conflicts")
_NEEDS_TARGET = {"entity": "a concept label", "source": "a source file name"}


@dataclass(frozen=True)
class ViewStats:
    """What `write_view` wrote: node and edge counts of the page and its size in bytes."""

    nodes: int
    edges: int
    bytes: int
    capped: bool = False


@dataclass(frozen=True)
class View:
    """One view: its kind, title, a subtitle saying what it shows, and its projection."""

    kind: str
    title: str
    subtitle: str
    graph: nx.MultiDiGraph


def build_view(
    graph: Graph,
    kind: str = "overview",
    target: str | None = None,
    depth: int = 1,
    title: str = DEFAULT_TITLE,
) -> View:
    """The projection for view `kind` of `graph`.

    Raises `ValueError` for an unknown kind or a missing target, `LookupError` when the
    entity or source `target` names nothing in the graph.
    """
    if kind not in VIEW_KINDS:
        raise ValueError(f"unknown view {kind!r}; choose one of {', '.join(VIEW_KINDS)}")
    if kind in _NEEDS_TARGET and not target:
        raise ValueError(f"the {kind} view needs {_NEEDS_TARGET[kind]}")
    if kind == "overview":
        return View(kind, title, "every claim of every source", project(graph))
    if kind == "entity":
        sub = entity_view(project(graph), str(target), depth)
        label = sub.nodes[sub.graph["centre"]]["label"]
        hops = f"{depth} step{'s' if depth > 1 else ''}"
        return View(kind, f"{label} — {title}", f"{label} and what lies within {hops}", sub)
    if kind == "source":
        file = find_source(graph, str(target))
        return View(
            kind, f"{file} — {title}", f"what {file} claims", source_view(project(graph), file)
        )
    if kind == "citations":
        return View(
            kind,
            f"Citations — {title}",
            "sources (coloured by kind) and the references they cite",
            citations_view(graph),
        )
    sub = conflicts_view(graph)
    what = "where the sources disagree: each conflict and the concepts its claims name"
    if not len(sub):
        what = "no conflicts recorded in this graph"
    return View(kind, f"Conflicts — {title}", what, sub)


def render_view(
    graph: Graph,
    title: str = DEFAULT_TITLE,
    kind: str = "overview",
    target: str | None = None,
    depth: int = 1,
    index_href: str = "",
) -> tuple[str, nx.MultiDiGraph]:
    """Render the page of one view of `graph`; return the HTML and the projection it draws."""
    view = build_view(graph, kind, target, depth, title)
    html = render_page(view.graph, view.title, kind, view.subtitle, index_href)
    return html, view.graph


def write_view(
    graph: Graph,
    path: Path,
    title: str = DEFAULT_TITLE,
    kind: str = "overview",
    target: str | None = None,
    depth: int = 1,
    index_href: str = "",
) -> ViewStats:
    """Write one view of `graph` to `path` atomically and return its stats."""
    html, proj = render_view(graph, title, kind, target, depth, index_href)
    data = html.encode("utf-8")
    write_atomic(Path(path), data)
    shown, note = cap(proj)
    return ViewStats(shown.number_of_nodes(), shown.number_of_edges(), len(data), bool(note))


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "source"


def site_index(graph: Graph, overview: str = "omsgraph.html") -> list[tuple[str, str, str]]:
    """The (file name, link text, description) rows of the index, in order."""
    proj = project(graph)
    rows = [
        (overview, "Overview", f"every claim: {len(proj)} nodes, {proj.number_of_edges()} edges"),
        ("citations.html", "Citations", "sources and the references they cite"),
        ("conflicts.html", "Conflicts", "where the sources disagree"),
    ]
    files = sorted({c["source"] for _, _, d in proj.edges(data=True) for c in d["claims"]})
    for file in files:
        stem = _slug(file.rsplit(".", 1)[0] if file.endswith(".txt") else file)
        rows.append((f"source-{stem}.html", f"Source {file}", f"what {file} claims"))
    return rows


def write_site(
    graph: Graph, out_dir: Path, title: str = DEFAULT_TITLE, overview: str = "omsgraph.html"
) -> dict[str, ViewStats]:
    """Write the overview, citations, conflicts and per-source views and ``index.html``."""
    out_dir = Path(out_dir)
    stats: dict[str, ViewStats] = {}
    rows = site_index(graph, overview)
    for href, _name, _what in rows:
        if href == overview:
            kind, target = "overview", None
        elif href.startswith("source-"):
            kind, target = "source", _name.removeprefix("Source ")
        else:
            kind, target = href.removesuffix(".html"), None
        stats[href] = write_view(
            graph, out_dir / href, title, kind, target, index_href="index.html"
        )
    hint = (
        "One concept and its neighbours: omsgraph view entity LABEL --depth 2 "
        "(or /view/entity/LABEL under omsgraph serve)."
    )
    data = render_index(title, rows, hint).encode("utf-8")
    write_atomic(out_dir / "index.html", data)
    stats["index.html"] = ViewStats(0, 0, len(data))
    return stats
