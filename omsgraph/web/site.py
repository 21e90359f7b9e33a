"""The HTML views of the graph: networkx projections drawn as self-contained offline pages.

Five kinds (`VIEW_KINDS`): ``overview`` (every claim), ``entity`` (one concept and its
neighbourhood, ``depth`` edges out), ``source`` (what one document claims), ``citations``
(sources and the references they cite, coloured by kind) and ``conflicts`` (the
``oms:Conflict`` records and the concepts their claims name). `project` (in
`omsgraph.web.project`) builds the projections, `omsgraph.web.render` the pages;
`write_site` writes every view that does not need an argument plus one page per source (for
the first `SITE_SOURCES` sources) and an ``index.html`` linking them; it projects the claims
once, and every function here takes that projection (``proj``) instead of projecting again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rdflib import Graph

from omsgraph.graph.namespaces import DCTERMS, OMS, PROV
from omsgraph.output import write_atomic
from omsgraph.web.concept_page import write_concept_pages
from omsgraph.web.derived import (
    citations_view,
    conflicts_view,
    entity_view,
    find_entity,
    find_source,
    source_view,
    source_views,
)
from omsgraph.web.evidence import evidence_graph
from omsgraph.web.offline import check_offline
from omsgraph.web.project import EXEMPLARS_ONLY, claims_of_sources, exemplar_mode, project
from omsgraph.web.reading import Reading, main_condition, write_source_pages
from omsgraph.web.render import (
    EDGE_CLAIMS,
    MAX_NODES,
    PHYSICS_NODES,
    TYPE_COLOURS,
    cap,
    render_index,
    render_page,
)
from omsgraph.web.summary import render_condition_page, render_conflict_cards

__all__ = [
    "DEFAULT_TITLE",
    "EDGE_CLAIMS",
    "MAX_NODES",
    "PHYSICS_NODES",
    "SITE_SOURCES",
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
    "site_claims",
    "site_index",
    "write_site",
    "write_view",
]

DEFAULT_TITLE = "Opsoclonus-myoclonus syndrome knowledge graph"
VIEW_KINDS = ("overview", "entity", "source", "citations", "conflicts")
_NEEDS_TARGET = {"entity": "a concept label", "source": "a source file name"}
#: `write_site` writes source pages for at most this many sources (the first by file name).
SITE_SOURCES = 100


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
    proj: nx.MultiDiGraph | None = None,
) -> View:
    """The projection for view `kind` of `graph`; `proj` is ``project(graph)`` if known.

    Raises `ValueError` for an unknown kind or a missing target, `LookupError` when the
    entity or source `target` names nothing in the graph.
    """
    if kind not in VIEW_KINDS:
        raise ValueError(f"unknown view {kind!r}; choose one of {', '.join(VIEW_KINDS)}")
    if kind in _NEEDS_TARGET and not target:
        raise ValueError(f"the {kind} view needs {_NEEDS_TARGET[kind]}")
    if kind == "source":
        file = find_source(graph, str(target))
        if proj is None and not exemplar_mode(graph):
            proj = project(graph)
        elif proj is None or proj.graph.get("exemplars"):  # a source's page: all its claims
            proj = project(graph, claims_of_sources([file]))
        return _source_page(file, source_view(proj, file), title)
    if kind in ("overview", "entity") and proj is None:
        proj = project(graph)
    if kind == "overview":
        what = (
            "the evidence: each source (left) and the concepts it makes claims about, in one "
            "column per relation, most sources first; one line per source and claim"
        )
        return View(kind, title, what, evidence_graph(proj))
    if kind == "entity":
        sub = entity_view(proj, str(target), depth)
        centre = sub.graph["centre"]
        label = sub.nodes[centre]["label"]
        what = f"{label} and the sources making claims about it"
        if depth > 1:
            what += ", with the other concepts these sources name under the same relation"
        return View(kind, f"{label} — {title}", what, sub)
    if kind == "citations":
        return View(
            kind,
            f"Citations — {title}",
            "sources (coloured by kind) and the references they cite",
            citations_view(graph, proj),
        )
    sub = conflicts_view(graph, proj)
    what = "where the sources disagree: each conflict and the concepts its claims name"
    if not len(sub):
        what = "no conflicts recorded in this graph"
    return View(kind, f"Conflicts — {title}", what, sub)


def _source_page(file: str, sub: nx.MultiDiGraph, title: str) -> View:
    return View("source", f"{file} — {title}", f"what {file} claims", sub)


def render_view(
    graph: Graph,
    title: str = DEFAULT_TITLE,
    kind: str = "overview",
    target: str | None = None,
    depth: int = 1,
    index_href: str = "",
    proj: nx.MultiDiGraph | None = None,
) -> tuple[str, nx.MultiDiGraph]:
    """Render the page of one view of `graph`; return the HTML and the projection it draws.

    `proj` is ``project(graph)`` if already computed (it is computed otherwise).
    """
    view = build_view(graph, kind, target, depth, title, proj)
    return _render(view, index_href), view.graph


def _render(view: View, index_href: str) -> str:
    return render_page(view.graph, view.title, view.kind, view.subtitle, index_href)


def write_view(
    graph: Graph,
    path: Path,
    title: str = DEFAULT_TITLE,
    kind: str = "overview",
    target: str | None = None,
    depth: int = 1,
    index_href: str = "",
    proj: nx.MultiDiGraph | None = None,
) -> ViewStats:
    """Write one view of `graph` to `path` atomically and return its stats (`proj`: see
    `render_view`)."""
    return _write(build_view(graph, kind, target, depth, title, proj), Path(path), index_href)


def _write(view: View, path: Path, index_href: str) -> ViewStats:
    data = _render(view, index_href).encode("utf-8")
    write_atomic(path, data)
    shown, note = cap(view.graph)
    return ViewStats(shown.number_of_nodes(), shown.number_of_edges(), len(data), bool(note))


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "source"


def site_index(
    graph: Graph, overview: str = "omsgraph.html", proj: nx.MultiDiGraph | None = None
) -> list[tuple[str, str, str]]:
    """The (file name, link text, description) rows of the index, in order: the overview,
    citations and conflicts, then one per source (`proj`: see `render_view`)."""
    proj = project(graph) if proj is None else proj
    return [row for row, _ in _view_rows(proj, overview) + _source_rows(proj, graph)]


def _view_rows(proj: nx.MultiDiGraph, overview: str) -> list[tuple[tuple[str, str, str], str]]:
    """The index rows of the views without a target, each with its kind."""
    claims = sum(len(d["claims"]) for _, _, d in proj.edges(data=True))
    counts = f"{claims} claims" if not proj.graph.get("exemplars") else "exemplar claims"
    return [
        (
            (overview, "Evidence graph", f"sources and the concepts they claim: {counts}"),
            "overview",
        ),
        (("citations.html", "Citations", "sources and the references they cite"), "citations"),
        (("conflicts.html", "Conflicts", "where the sources disagree"), "conflicts"),
    ]


# (each source's count of claims, made by the build: not a scan of every claim)
_CLAIM_SOURCES = """
SELECT ?id WHERE {
  ?src a oms:Source ; oms:claimCount ?n ; dcterms:identifier ?id FILTER(?n > 0)
}"""


# (a graph built before sources carried their counts: every claim read)
_SCANNED_CLAIM_SOURCES = """
SELECT DISTINCT ?id WHERE {
  ?claim a oms:Claim ; prov:wasDerivedFrom ?src . ?src dcterms:identifier ?id
}"""
_COUNTED = "ASK { ?src a oms:Source ; oms:claimCount ?n }"


def _files_with_claims(graph: Graph) -> list[str]:
    """The file names of the sources that `graph` says have claims, sorted."""
    names = {"oms": OMS, "dcterms": DCTERMS, "prov": PROV}
    files = {str(row.id) for row in graph.query(_CLAIM_SOURCES, initNs=names)}
    if not files and not graph.query(_COUNTED, initNs=names).askAnswer:
        files = {str(row.id) for row in graph.query(_SCANNED_CLAIM_SOURCES, initNs=names)}
    return sorted(files)


def _source_rows(
    proj: nx.MultiDiGraph, graph: Graph | None = None
) -> list[tuple[tuple[str, str, str], str]]:
    """One index row per source with claims in `proj` (in `graph` when `proj` holds only the
    exemplar claims), by file name, each with its file."""
    if proj.graph.get("exemplars") and graph is not None:
        files = _files_with_claims(graph)
    else:
        files = sorted({c["source"] for _, _, d in proj.edges(data=True) for c in d["claims"]})
    rows = []
    for file in files:
        stem = _slug(file.rsplit(".", 1)[0] if file.endswith(".txt") else file)
        rows.append(((f"source-{stem}.html", f"Source {file}", f"what {file} claims"), file))
    return rows


def site_claims(graph: Graph) -> Callable[[str, str], bool]:
    """Which claims `write_site` draws of `graph`, asked before the claims' own triples are in
    it (``omsgraph.graph.streamed.build_streamed`` adds only these): a test of a claim's IRI and
    source file name. Every claim; or, for a graph of many sources (`exemplar_mode`), the
    exemplars and the claims of the sources that get a page."""
    if not exemplar_mode(graph):
        return lambda _iri, _file: True
    kept = set(_files_with_claims(graph)[:SITE_SOURCES])
    query = f"SELECT ?claim WHERE {{ {EXEMPLARS_ONLY} }}"
    exemplars = {str(row.claim) for row in graph.query(query, initNs={"oms": OMS})}
    return lambda iri, file: iri in exemplars or file in kept


def write_site(
    graph: Graph,
    out_dir: Path,
    title: str = DEFAULT_TITLE,
    overview: str = "omsgraph.html",
    reading: Reading | None = None,
) -> dict[str, ViewStats]:
    """Write the overview, citations, conflicts and per-source views and ``index.html``.

    The claims are projected once. Source pages are written for the first `SITE_SOURCES`
    sources (by file name); past that the index says so and how to draw any other. With
    `reading` (the corpus: `omsgraph.web.reading.reading_of`) a source's page shows its text
    with its claims highlighted instead of a graph of them.
    """
    out_dir = Path(out_dir)
    proj = project(graph)
    rows: list[tuple[str, str, str]] = []
    stats: dict[str, ViewStats] = {}
    for row, kind in _view_rows(proj, overview):
        if reading is not None and kind == "conflicts":  # the conflicts as cards
            row = (row[0], "Conflicts", "where the sources disagree, as cards")
            stats[row[0]] = write_page(out_dir / row[0], render_conflict_cards(reading))
            rows.append(row)
            continue
        view = build_view(graph, kind, title=title, proj=proj)
        stats[row[0]] = _write(view, out_dir / row[0], "index.html")
        rows.append(row)
    sources = _source_rows(proj, graph)
    kept = sources[:SITE_SOURCES]
    files = [file for _, file in kept]
    # a projection of exemplars lacks most of a source's claims: draw these sources' own
    whole = project(graph, claims_of_sources(files)) if proj.graph.get("exemplars") else proj
    if reading is not None:
        for name, size in write_source_pages(reading, out_dir, files).items():
            stats[name] = ViewStats(0, 0, size)
        rows += [row for row, _ in kept]
        for name, size in write_concept_pages(reading, out_dir).items():
            stats[name] = ViewStats(0, 0, size)
    else:
        views = source_views(whole, files)
        for row, file in kept:
            view = _source_page(file, views[file], title)
            stats[row[0]] = _write(view, out_dir / row[0], "index.html")
            rows.append(row)
    note = ""
    if len(sources) > len(kept):
        note = (
            f"{len(sources):,} sources: pages for the first {len(kept):,}; any other: "
            "omsgraph view source FILE (or /view/source/FILE under omsgraph serve)."
        )
    hint = (
        "One concept and its neighbours: omsgraph view entity LABEL --depth 2 "
        "(or /view/entity/LABEL under omsgraph serve)."
    )
    condition = main_condition(reading) if reading is not None else None
    if reading is not None and condition is not None:
        rows = [(href, name.replace("Source ", "Text of "), what) for href, name, what in rows]
        html = render_condition_page(reading, condition, rows)
        stats["index.html"] = write_page(out_dir / "index.html", html)
        return stats
    data = render_index(title, rows, hint, note).encode("utf-8")
    write_atomic(out_dir / "index.html", data)
    stats["index.html"] = ViewStats(0, 0, len(data))
    return stats


def write_page(path: Path, html: str) -> ViewStats:
    """Write one reading page atomically; its stats (no nodes or edges: not a graph)."""
    data = html.encode("utf-8")
    write_atomic(path, data)
    return ViewStats(0, 0, len(data))
