"""Tests of the evidence graph, the overview of the five sources (omsgraph.web.evidence): its
shape (sources -> concepts in a column per relation), colour by role, marks of negated, hedged
and unreviewed claims, the note on what is not drawn, entity views through the sources, and,
in Chromium at 1600 x 1000, that it is readable at fit zoom, filters re-fit and search finds
a concept by a synonym or an abbreviation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph

from omsgraph.web.evidence import PER_RELATION, entity_neighbourhood, evidence_graph
from omsgraph.web.evidence_style import HEDGED_DASHES, ROLE_COLOURS, UNREVIEWED_DASHES
from omsgraph.web.site import build_view, project, render_view, write_view
from tests.web.edgepoint import EDGE_POINT

FIXTURE = Path(__file__).parents[1] / "fixtures" / "small_graph.ttl"
OMSE = "https://w3id.org/omsgraph/entity/"
SCREEN = {"width": 1600, "height": 1000}

#: vis-network's own numbers: each drawn label's font size times the zoom (on-screen px) and
#: its node's box on screen (getBoundingBox + canvasToDOM); the pairs of boxes that overlap.
MEASURE = """() => {
  const scale = network.getScale();
  const wide = document.getElementById('mynetwork').getBoundingClientRect();
  const boxes = [], px = [];
  for (const n of nodes.get({filter: n => !n.hidden && n.label})) {
    px.push(((n.font && n.font.size) || 14) * scale);
    const b = network.getBoundingBox(n.id);
    const a = network.canvasToDOM({x: b.left, y: b.top});
    const c = network.canvasToDOM({x: b.right, y: b.bottom});
    boxes.push({id: n.id, l: a.x, t: a.y, r: c.x, b: c.y});
  }
  const overlaps = [];
  boxes.forEach((p, i) => boxes.slice(i + 1).forEach(q => {
    if (p.l < q.r && q.l < p.r && p.t < q.b && q.t < p.b) { overlaps.push([p.id, q.id]); }
  }));
  const outside = boxes.filter(b => b.l < 0 || b.t < 0 || b.r > wide.width || b.b > wide.height);
  const extent = boxes.length ? {
    w: Math.max(...boxes.map(b => b.r)) - Math.min(...boxes.map(b => b.l)),
    h: Math.max(...boxes.map(b => b.b)) - Math.min(...boxes.map(b => b.t))} : {w: 0, h: 0};
  return {scale, minPx: Math.min(...px), labels: boxes.length, overlaps,
          outside: outside.map(b => b.id), extent, canvas: {w: wide.width, h: wide.height}};
}"""


@pytest.fixture(scope="module")
def small() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


@pytest.fixture(scope="module")
def overview(corpus_graph, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("evidence") / "omsgraph.html"
    write_view(corpus_graph, out)
    return out


def _dataset(html: str, name: str) -> list[dict]:
    found = re.search(rf"{name} = new vis\.DataSet\((.*?)\);\n", html)
    assert found, f"no {name} DataSet in the page"
    return json.loads(found.group(1))


def _open(browser, path: Path, errors: list[str]):
    page = browser.new_page(viewport=SCREEN)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(path.as_uri())
    page.wait_for_function(
        "() => window.network && document.body.dataset.stabilized === 'true'", timeout=20_000
    )
    return page


# ------------------------------------------------------------------ the projection


def test_overview_is_sources_to_concepts_by_relation(corpus_graph) -> None:
    view = build_view(corpus_graph)
    graph = view.graph
    kinds = {a["type"] for _, a in graph.nodes(data=True)}
    assert "Condition" not in kinds or all(  # the condition is no hub: only ever an object
        graph.in_degree(n) for n, a in graph.nodes(data=True) if a["type"] == "Condition"
    )
    sources = [n for n, a in graph.nodes(data=True) if a["type"] == "Source"]
    assert len(sources) == 5 and all(graph.in_degree(s) == 0 for s in sources)
    for u, v, attrs in graph.edges(data=True):  # one edge per source, concept and polarity
        assert u in sources and graph.nodes[v]["concept_role"] == attrs["relation_label"]
        assert {c["source"] for c in attrs["claims"]} == {u.removeprefix("source:")}
    columns = graph.graph["columns"]
    for relation in columns:  # each column: most supported first, at most PER_RELATION
        drawn = sorted(
            (a["y"], a["sources_count"])
            for _, a in graph.nodes(data=True)
            if a.get("concept_role") == relation
        )
        counts = [count for _, count in drawn]
        assert counts == sorted(counts, reverse=True) and len(counts) <= PER_RELATION


def test_concepts_past_the_cap_are_counted_in_the_note(corpus_graph) -> None:
    html, graph = render_view(corpus_graph)
    hidden = graph.graph["hidden"]
    full = evidence_graph(project(corpus_graph), per_relation=None, sources=None)
    for relation, count in graph.graph["totals"].items():
        drawn = sum(1 for _, a in graph.nodes(data=True) if a.get("concept_role") == relation)
        every = sum(1 for _, a in full.nodes(data=True) if a.get("concept_role") == relation)
        assert count == every == drawn + hidden.get(relation, 0)
    assert hidden["treated by"] == 26 - PER_RELATION
    note = re.search(r'<p id="note" role="status">([^<]*)</p>', html).group(1)
    assert f"not drawn: {26 - PER_RELATION} treated by, {hidden['has cause']} has cause" in note
    assert f"({sum(hidden.values())} in all)" in note
    headings = {n["label"] for n in _dataset(html, "nodes") if n.get("heading")}
    assert f"treated by ({PER_RELATION} of 26)" in headings


def test_colour_by_role(corpus_graph) -> None:
    html, _ = render_view(corpus_graph)
    nodes = [n for n in _dataset(html, "nodes") if not n.get("heading")]
    border = {(n["label"], n.get("role")): n["color"]["border"] for n in nodes}
    # a drug drawn as a cause is not coloured as a treatment
    assert border[("amitriptyline", "has cause")] == ROLE_COLOURS["has cause"]
    assert border[("azathioprine", "treated by")] == ROLE_COLOURS["treated by"]
    assert ROLE_COLOURS["has cause"] != ROLE_COLOURS["treated by"]
    # a concept named in two roles is drawn once per role, in each role's colour
    assert border[("behavioural problems", "has symptom")] == ROLE_COLOURS["has symptom"]
    assert border[("behavioural problems", "has complication")] == ROLE_COLOURS["has complication"]
    legend = re.search(r'<ul id="legend".*?</ul>', html, re.DOTALL).group(0)
    assert f'style="background: {ROLE_COLOURS["has cause"]}"></span>has cause</li>' in legend


def test_polarity_hedged_and_unreviewed_marks(small: Graph) -> None:
    html, graph = render_view(small)
    edges = _dataset(html, "edges")
    by = {(e["from"].split("_")[0], e["relation"], e["negated"]): e for e in edges}
    negated = by[("source:002", "treated by", True)]
    assert negated["name"] == "NOT treated by" and "label" not in negated
    assert negated["color"]["color"] == "#d62728"
    hedged = by[("source:002", "has symptom", False)]
    assert hedged["hedged"] and hedged["dashes"] == HEDGED_DASHES
    assert hedged["name"] == "hedged: has symptom"
    candidate = by[("source:000", "epidemiology", False)]
    assert candidate["unreviewed"] and candidate["dashes"] == UNREVIEWED_DASHES
    assert candidate["name"].startswith("unreviewed")
    assert "UNREVIEWED: candidate" in candidate["title"]
    (value,) = [n for n in _dataset(html, "nodes") if n.get("role") == "epidemiology"]
    assert value["unreviewed"] and value["shapeProperties"]["borderDashes"]
    plain = by[("source:000", "has cause", False)]
    assert "dashes" not in plain and not plain["negated"]
    assert ">hedged</li>" in html and "unreviewed (candidate)</li>" in html
    # sources by name: author and year over their kind, never the file name
    labels = {n["label"] for n in _dataset(html, "nodes") if n.get("kind") == "Source"}
    assert labels == {"Pike 2013\n(journal abstract)", "Anonymous n.d.\n(patient page)"}


# ------------------------------------------------------------------ entity views


def test_entity_depth_goes_through_the_sources(corpus_graph) -> None:
    proj = project(corpus_graph)
    one = build_view(corpus_graph, "entity", "ACTH", depth=1, proj=proj).graph
    concepts = {a["concept"] for _, a in one.nodes(data=True) if "concept" in a}
    assert concepts == {OMSE + "acth"}
    sources = {n for n, a in one.nodes(data=True) if a["type"] == "Source"}
    claimed = {
        c["source"] for _, v, d in proj.edges(data=True) if v == OMSE + "acth" for c in d["claims"]
    }
    assert {s.removeprefix("source:") for s in sources} == claimed and len(claimed) == 3
    two = build_view(corpus_graph, "entity", "ACTH", depth=2, proj=proj).graph
    assert {n for n, a in two.nodes(data=True) if a["type"] == "Source"} == sources
    assert {a.get("concept_role") for _, a in two.nodes(data=True)} == {None, "treated by"}
    named = {
        (c["source"], v)
        for _, v, d in proj.edges(data=True)
        if d["relation_label"] == "treated by"
        for c in d["claims"]
        if c["source"] in claimed
    }
    assert {a["concept"] for _, a in two.nodes(data=True) if "concept" in a} == {
        v for _, v in named
    }
    assert OMSE + "opsoclonus-myoclonus-syndrome" not in {
        a.get("concept") for _, a in two.nodes(data=True)
    }
    assert len(two) < len(evidence_graph(proj, per_relation=None, sources=None)) / 3
    assert entity_neighbourhood(proj, OMSE + "acth", 2).graph["centre"] == "treated by|" + (
        OMSE + "acth"
    )


def test_cli_view_entity_depth(corpus_graph, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from omsgraph.cli import cli

    ttl = tmp_path / "graph.ttl"
    corpus_graph.serialize(ttl, format="turtle")
    runner = CliRunner()
    counts = {}
    for depth in (1, 2):
        out = tmp_path / f"acth-{depth}.html"
        args = ["view", "--graph", str(ttl), "entity", "ACTH", "--depth", str(depth)]
        result = runner.invoke(cli, [*args, "-o", str(out)])
        assert result.exit_code == 0, result.output
        counts[depth] = re.search(r"\((\d+) nodes, (\d+) edges\)", result.output).groups()
    assert counts[1] == ("4", "3")  # ACTH and the three sources that name it
    assert counts[2] == ("26", "36")  # and what these sources say treats OMS


# ------------------------------------------------------------------ in Chromium, 1600 x 1000


@pytest.mark.browser
def test_overview_readable_at_fit_zoom(chromium_browser, overview: Path) -> None:
    errors: list[str] = []
    page = _open(chromium_browser, overview, errors)
    try:
        got = page.evaluate(MEASURE)
    finally:
        page.close()
    assert got["labels"] > 100
    assert got["minPx"] >= 10, got["minPx"]  # before: 5.2 px
    assert got["overlaps"] == [], got["overlaps"][:5]  # before: 74 overlapping pairs
    assert got["outside"] == []
    assert errors == []


@pytest.mark.browser
def test_entity_view_readable(chromium_browser, corpus_graph, tmp_path: Path) -> None:
    out = tmp_path / "acth.html"
    write_view(corpus_graph, out, kind="entity", target="ACTH", depth=2)
    errors: list[str] = []
    page = _open(chromium_browser, out, errors)
    try:
        got = page.evaluate(MEASURE)
    finally:
        page.close()
    assert got["labels"] == 27 and got["minPx"] >= 10 and got["overlaps"] == []
    assert errors == []


@pytest.mark.browser
def test_filter_refits_the_view(chromium_browser, overview: Path) -> None:
    errors: list[str] = []
    page = _open(chromium_browser, overview, errors)
    try:
        before = page.evaluate("[network.getScale(), network.getViewPosition()]")
        page.select_option("#f-relation", "has cause")
        after = page.evaluate("[network.getScale(), network.getViewPosition()]")
        # re-fitted: the sources left moved next to the column left, and the view zoomed in
        assert after[0] > before[0] * 1.1 and after[1] != before[1]
        got = page.evaluate(MEASURE)
        headings = page.evaluate("nodes.get({filter: n => n.heading && !n.hidden}).length")
        assert headings == 1  # only the column left keeps its heading
        # what is left fills the view: all inside it, spanning most of its width or height
        assert got["outside"] == [] and got["overlaps"] == []
        assert got["extent"]["w"] > 0.6 * got["canvas"]["w"] or (
            got["extent"]["h"] > 0.6 * got["canvas"]["h"]
        )
        page.select_option("#f-relation", "")
        assert page.evaluate("network.getScale()") == pytest.approx(before[0], rel=0.02)
        assert page.evaluate(MEASURE)["overlaps"] == []  # every source back in its place
        assert page.evaluate(
            "nodes.get().every(n => !home[n.id] || (network.getPosition(n.id).y === home[n.id].y))"
        )
    finally:
        page.close()
    assert errors == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("wanted", "concept"),
    [("ACTH", "acth"), ("IVIG", "intravenous-immunoglobulin"), ("dancing eyes", "opsoclonus")],
)
def test_search_by_synonym_or_abbreviation(
    chromium_browser, overview: Path, wanted: str, concept: str
) -> None:
    errors: list[str] = []
    page = _open(chromium_browser, overview, errors)
    try:
        page.fill("#search", "no such concept")
        page.press("#search", "Enter")
        assert "no node matches" in page.inner_text("#shown")
        page.fill("#search", wanted)
        page.press("#search", "Enter")
        (selected,) = page.evaluate("network.getSelectedNodes()")
        assert selected.endswith("|" + OMSE + concept)
        assert "no node matches" not in page.inner_text("#shown")
        assert not page.evaluate("document.getElementById('details').hidden")
    finally:
        page.close()
    assert errors == []


@pytest.mark.browser
def test_edge_shows_quote_and_citation(chromium_browser, overview: Path) -> None:
    errors: list[str] = []
    page = _open(chromium_browser, overview, errors)
    quote = "ACTH"
    try:
        # one source's claims of treatments (at fit zoom with every edge drawn, the edges
        # into a concept run close to others'; a click on the concept lists them all)
        page.select_option("#f-relation", "treated by")
        page.select_option("#f-source", "003_6e40a66a197a718b.txt")
        point = page.evaluate(EDGE_POINT, quote)
        assert point is not None, "no edge quoting ACTH can be reached alone"
        page.mouse.move(point["x"] + 30, point["y"] + 30)
        page.mouse.move(point["x"], point["y"], steps=4)
        page.wait_for_function(
            """(q) => { const t = document.querySelector('div.vis-tooltip');
                return t && t.style.visibility === 'visible' && t.innerText.includes(q); }""",
            arg=quote,
            timeout=10_000,
        )
        tooltip = page.inner_text("div.vis-tooltip")
        assert re.search(r"• \S.* (?:(?:19|20)\d\d|n\.d)\. .*\(\d{3}_[0-9a-f]{16}\.txt\)", tooltip)
        page.mouse.click(point["x"], point["y"])
        page.wait_for_function("() => !document.getElementById('details').hidden")
        panel = page.inner_text("#details")
        assert quote in panel and "“" in panel
        assert page.evaluate("network.getSelectedEdges()") == [point["id"]]
    finally:
        page.close()
    assert errors == []
