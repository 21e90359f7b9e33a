"""Tests of the HTML graph view (omsgraph.web) on tests/fixtures/small_graph.ttl."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

import omsgraph.web.render as render_module
from omsgraph.web.evidence import evidence_graph
from omsgraph.web.render import cap, render_page
from omsgraph.web.site import (
    TYPE_COLOURS,
    ViewStats,
    build_view,
    check_offline,
    project,
    render_view,
    write_site,
    write_view,
)
from tests.web.edgepoint import EDGE_POINT

FIXTURE = Path(__file__).parents[1] / "fixtures" / "small_graph.ttl"
ARTIFACTS = Path(__file__).parents[1] / "artifacts"

OMS = "https://w3id.org/omsgraph/ontology#"
OMSE = "https://w3id.org/omsgraph/entity/"
CONDITION = OMSE + "opsoclonus-myoclonus-syndrome"
SCRIPT_PAYLOAD = "<script>window.__xss=2</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__xss=1">'


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def _hub(graph: Graph) -> tuple[str, nx.MultiDiGraph]:
    """The page of every claim as a hub around the condition: how the generic renderer (the
    source, citations and conflicts views) draws a projection."""
    proj = project(graph)
    return render_page(proj, "Opsoclonus-myoclonus syndrome knowledge graph", "overview"), proj


def _write_hub(graph: Graph, out: Path) -> None:
    out.write_text(_hub(graph)[0], encoding="utf-8")


def _dataset(html: str, name: str) -> list[dict]:
    found = re.search(rf"{name} = new vis\.DataSet\((.*?)\);\n", html)
    assert found, f"no {name} DataSet in the page"
    return json.loads(found.group(1))


# ------------------------------------------------------------------ projection


def test_project_nodes(graph: Graph) -> None:
    proj = project(graph)
    assert proj.number_of_nodes() == 5  # condition, 3 concepts, 1 epidemiology value
    types = {attrs["label"]: attrs["type"] for _, attrs in proj.nodes(data=True)}
    assert types == {
        "opsoclonus-myoclonus syndrome": "Condition",
        "opsoclonus": "Symptom",
        "rituximab": "Drug",
        "neuroblastoma": "Tumour",
        "prevalence: 1 in 5,000,000 children": "Value",
    }
    assert proj.nodes[OMSE + "opsoclonus"]["synonyms"] == ["dancing eyes"]


def test_project_edges_and_support(graph: Graph) -> None:
    proj = project(graph)
    assert proj.number_of_edges() == 5
    assert sum(len(d["claims"]) for _, _, d in proj.edges(data=True)) == 6
    symptom = proj.edges[CONDITION, OMSE + "opsoclonus", OMS + "hasSymptom affirmed"]
    assert symptom["support"] == 2
    assert symptom["sources"] == ["000_aa4b564b5e99cff4.txt", "002_86f656d6290b5704.txt"]
    assert symptom["relation_label"] == "has symptom"
    hedged = [c for c in symptom["claims"] if c["certainty"] == "hedged"]
    assert hedged and hedged[0]["qualifier"] == "usually the first sign"
    assert hedged[0]["population"] == "all"

    # affirmed and negated claims on the same triple are separate edges
    rituximab = proj.get_edge_data(CONDITION, OMSE + "rituximab")
    assert set(rituximab) == {OMS + "treatedBy affirmed", OMS + "treatedBy negated"}
    negated = rituximab[OMS + "treatedBy negated"]
    assert negated["negated"] and negated["support"] == 1
    assert negated["claims"][0]["quote"].startswith("rituximab is not used")

    cause = proj.edges[CONDITION, OMSE + "neuroblastoma", OMS + "hasCause affirmed"]
    (claim,) = cause["claims"]
    assert claim["claim"] == "https://w3id.org/omsgraph/claim/3c4d5e6f708192a3"
    assert SCRIPT_PAYLOAD in claim["quote"]
    assert claim["source"] == "000_aa4b564b5e99cff4.txt"
    assert claim["source_title"] == "Opsoclonus-myoclonus syndrome"
    assert claim["cites"] and claim["cites"][0].startswith("Matthay KK")

    (value_edge,) = [d for _, v, d in proj.edges(data=True) if v.startswith("value:")]
    assert value_edge["relation_label"] == "epidemiology" and value_edge["support"] == 1


# ------------------------------------------------------------------ the page


def test_write_view_stats_and_atomic(graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "view.html"
    stats = write_view(graph, out)
    # the evidence graph: 2 sources, 4 concepts; one edge per source, concept and polarity
    assert stats == ViewStats(nodes=6, edges=6, bytes=out.stat().st_size)
    assert [p.name for p in out.parent.iterdir()] == ["view.html"]  # no temp file left over
    with pytest.raises(AttributeError):
        stats.nodes = 1  # type: ignore[misc]  # frozen


def test_empty_graph(tmp_path: Path) -> None:
    stats = write_view(Graph(), tmp_path / "empty.html")
    assert (stats.nodes, stats.edges) == (0, 0)
    check_offline((tmp_path / "empty.html").read_text(encoding="utf-8"))


def test_deterministic(graph: Graph, tmp_path: Path) -> None:
    first, second, third = tmp_path / "a.html", tmp_path / "b.html", tmp_path / "c.html"
    write_view(graph, first)
    write_view(graph, second)
    # the same triples loaded in another order give the same page too
    lines = graph.serialize(format="nt").splitlines()
    random.Random(3).shuffle(lines)
    write_view(Graph().parse(data="\n".join(lines), format="nt"), third)
    assert first.read_bytes() == second.read_bytes() == third.read_bytes()


def test_html_is_escaped(graph: Graph) -> None:
    html, _ = render_view(graph, title="<script>window.__xss=3</script> & OMS")
    for raw in (SCRIPT_PAYLOAD, IMG_PAYLOAD, "<script>window.__xss=3", "<b>patient</b>"):
        assert raw not in html
    assert "<title>&lt;script&gt;window.__xss=3&lt;/script&gt; &amp; OMS</title>" in html
    # titles stay plain text (vis-network shows them with innerText): no double escaping
    edges = _dataset(html, "edges")
    (cause,) = [e for e in edges if e["relation"] == "has cause"]
    assert SCRIPT_PAYLOAD in cause["title"] and IMG_PAYLOAD in cause["title"]
    assert "&lt;" not in cause["title"] and "&amp;" not in cause["title"]


def test_edge_and_node_styling(graph: Graph) -> None:
    html, proj = _hub(graph)
    nodes, edges = _dataset(html, "nodes"), _dataset(html, "edges")
    assert len(nodes) == proj.number_of_nodes() and len(edges) == proj.number_of_edges()
    by_label = {e["label"]: e for e in edges}
    assert set(by_label) == {
        "has symptom",
        "has cause",
        "treated by",
        "NOT treated by",
        "unreviewed: epidemiology",  # its one claim is an automatic candidate
    }
    assert by_label["unreviewed: epidemiology"]["dashes"] == [2, 5]
    assert by_label["unreviewed: epidemiology"]["claims"][0]["made"] == (
        "candidate, automatic, confidence 0.9"
    )
    assert "UNREVIEWED: candidate" in by_label["unreviewed: epidemiology"]["title"]
    assert by_label["treated by"]["reviewed"] and not by_label["treated by"]["unreviewed"]
    assert by_label["NOT treated by"]["dashes"]
    assert "dashes" not in by_label["treated by"]
    assert by_label["has symptom"]["width"] > by_label["has cause"]["width"]
    title = by_label["has symptom"]["title"]
    for text in (
        "000_aa4b564b5e99cff4.txt",
        "Opsoclonus-myoclonus syndrome",
        "hedged",
        "population: all",
        "qualifier: usually the first sign",
        "the clinical features of opsoclonus",
    ):
        assert text in title
    assert "cites: Matthay KK" in by_label["has cause"]["title"]
    condition = next(n for n in nodes if n["id"] == CONDITION)
    assert condition["size"] > max(n.get("size", 0) for n in nodes if n["id"] != CONDITION)
    assert "Kinsbourne syndrome" in condition["title"]
    legend = re.search(r'<ul id="legend".*?</ul>', html, re.DOTALL).group(0)
    for kind in ("Condition", "Symptom", "Drug", "Tumour", "Value"):
        assert f'style="background: {TYPE_COLOURS[kind]}"></span>{kind}</li>' in legend


def test_no_external_resources(graph: Graph) -> None:
    html, _ = render_view(graph)
    check_offline(html)
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "<link" not in html
    assert "cdnjs" not in html and "jsdelivr" not in html and "bootstrap" not in html.lower()
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert "sourceMappingURL" not in html


@pytest.mark.parametrize(
    "bad",
    [
        '<link rel="stylesheet" href="https://cdn.example/x.css">',
        '<script src="https://cdn.example/x.js"></script>',
        '<script src="lib/bindings/utils.js"></script>',
        '<img src="//cdn.example/x.png">',
        "<style>body { background: url(https://cdn.example/x.png) }</style>",
    ],
)
def test_check_offline_rejects(bad: str) -> None:
    with pytest.raises(RuntimeError, match="external"):
        check_offline(f"<html><head>{bad}</head><body></body></html>")


# ------------------------------------------------------------------ in a real browser


@pytest.mark.browser
def test_view_in_chromium(chromium_browser, graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    write_view(graph, out)
    expected_nodes = evidence_graph(project(graph)).number_of_nodes() + 4  # + column headings
    external: list[str] = []
    errors: list[str] = []
    page = _open(chromium_browser, out.as_uri(), external, errors)
    assert page.evaluate("nodes.length") == expected_nodes
    assert page.evaluate("network.body.data.nodes.length") == expected_nodes
    assert page.evaluate("edges.length") == 6

    # hover the edge whose quote carries the payload: the tooltip shows it as text
    edge = page.evaluate(EDGE_POINT, "an associated neuroblastoma")
    assert edge is not None, "no edge of that quote can be hovered alone"
    assert SCRIPT_PAYLOAD in edge["title"]
    page.mouse.move(edge["x"] + 40, edge["y"] + 40)
    page.mouse.move(edge["x"], edge["y"], steps=5)
    page.wait_for_function(
        """() => { const t = document.querySelector('div.vis-tooltip');
                   return t && t.style.visibility === 'visible'
                          && t.innerText.includes('an associated neuroblastoma'); }""",
        timeout=10_000,
    )
    tooltip = page.evaluate("""() => {
        const t = document.querySelector('div.vis-tooltip');
        return {text: t.innerText, tags: [...t.querySelectorAll('*')].map(c => c.tagName)};
    }""")
    assert SCRIPT_PAYLOAD in tooltip["text"] and IMG_PAYLOAD in tooltip["text"]
    assert set(tooltip["tags"]) <= {"BR"}  # text (innerText makes <br>s), not markup
    page.evaluate(f"network.selectEdges([{json.dumps(edge['id'])}])")
    assert page.evaluate("network.getSelectedEdges()") == [edge["id"]]

    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "view.png"))
    assert external == []
    assert errors == []


# ------------------------------------------------------------------ every view kind, in Chromium

ALL_PAYLOADS = (SCRIPT_PAYLOAD, IMG_PAYLOAD, "<script>window.__xss=4</script>", "window.__xss=5")
#: kind, target, expected nodes and edges, a text its edge click must show (from the fixture)
VIEWS = [
    ("overview", None, 6, 6, "an associated neuroblastoma"),
    ("entity", "rituximab", 3, 2, "treatment with rituximab may improve"),
    ("source", "002_86f656d6290b5704.txt", 3, 2, "rapid, involuntary eye movements"),
    ("citations", None, 3, 2, "an associated neuroblastoma"),
    ("conflicts", None, 2, 2, "treatment with rituximab may improve"),
]


def _open(browser, url: str, external: list[str], errors: list[str]):
    def route(request_route) -> None:
        request_url = request_route.request.url
        if request_url.startswith(("file://", "data:", "about:")):
            request_route.continue_()
        else:
            external.append(request_url)
            request_route.abort()

    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", route)
    page.goto(url)
    page.wait_for_function(
        "() => window.network && document.body.dataset.stabilized === 'true'", timeout=20_000
    )
    return page


@pytest.mark.browser
@pytest.mark.parametrize(("kind", "target", "n_nodes", "n_edges", "quote"), VIEWS)
def test_every_view_in_chromium(
    chromium_browser, graph: Graph, tmp_path: Path, kind, target, n_nodes, n_edges, quote
) -> None:
    out = tmp_path / f"{kind}.html"
    stats = write_view(graph, out, kind=kind, target=target, index_href="index.html")
    assert (stats.nodes, stats.edges) == (n_nodes, n_edges)
    external: list[str] = []
    errors: list[str] = []
    page = _open(chromium_browser, out.as_uri(), external, errors)
    try:
        drawn = "network.body.data.nodes.get({filter: n => !n.heading}).length"
        assert page.evaluate(drawn) == n_nodes
        assert page.evaluate("edges.length") == n_edges
        assert page.evaluate("document.body.dataset.kind") == kind
        point = page.evaluate(EDGE_POINT, quote)
        assert point is not None, "no edge of that quote can be clicked alone"
        page.mouse.click(point["x"], point["y"])
        page.wait_for_function(
            "(q) => !document.getElementById('details').hidden"
            " && document.getElementById('details').innerText.includes(q)",
            arg=quote,
            timeout=5_000,
        )
        assert page.evaluate("network.getSelectedEdges()") == [point["id"]]
        panel = page.evaluate("document.getElementById('details').innerText")
        if kind in ("overview", "citations"):
            assert SCRIPT_PAYLOAD in panel and IMG_PAYLOAD in panel  # shown as text
        if kind == "conflicts":
            assert "window.__xss=5" in panel  # the conflict's comment, as text
        page.mouse.move(5, 795)  # away from the graph: no hover tooltip in the picture
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"view-{kind}.png"))
        # nothing from the graph ran or became markup
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.evaluate("document.querySelectorAll('img, #details script').length") == 0
    finally:
        page.close()
    assert external == []
    assert errors == []


# ------------------------------------------------------------------ view kinds (no browser)

WITHOUT_CONSENSUS = """
PREFIX oms: <https://w3id.org/omsgraph/ontology#>
DELETE WHERE { ?x a oms:Support ; ?p ?o } ;
DELETE WHERE { ?x a oms:Conflict ; ?p ?o }
"""


@pytest.mark.parametrize(("kind", "target"), [view[:2] for view in VIEWS])
def test_every_kind_is_escaped_and_offline(graph: Graph, kind: str, target: str | None) -> None:
    html, proj = render_view(graph, kind=kind, target=target, index_href="index.html")
    check_offline(html, allow_links=True)
    for raw in (*ALL_PAYLOADS[:3], "<b>patient</b>", 'onerror="window'):
        assert raw not in html
    drawn = [n for n in _dataset(html, "nodes") if not n.get("heading")]
    assert len(drawn) == proj.number_of_nodes() > 0


def test_contested_marks_from_support_and_conflicts(graph: Graph) -> None:
    proj = project(graph)
    rituximab = proj.get_edge_data(CONDITION, OMSE + "rituximab")
    for edge in rituximab.values():
        assert edge["contested"] and (edge["affirming"], edge["negating"]) == (1, 1)
        assert edge["claims"][0]["conflicts"][0].startswith("000 says rituximab")
    symptom = proj.edges[CONDITION, OMSE + "opsoclonus", OMS + "hasSymptom affirmed"]
    assert not symptom["contested"] and (symptom["affirming"], symptom["negating"]) == (2, 0)
    html, _ = _hub(graph)
    (edge,) = [e for e in _dataset(html, "edges") if e["label"] == "treated by"]
    assert (
        edge["contested"] and "CONTESTED" in edge["title"] and "1 source(s) affirm" in edge["title"]
    )
    assert ">contested</li>" in html  # the legend explains the colour


def test_views_without_consensus_records(graph: Graph) -> None:
    bare = Graph()
    for triple in graph:
        bare.add(triple)
    bare.update(WITHOUT_CONSENSUS)
    assert not any(d["contested"] for _, _, d in project(bare).edges(data=True))
    html, proj = render_view(bare, kind="conflicts")
    assert len(proj) == 0 and "no conflicts recorded in this graph" in html
    assert ">contested</li>" not in render_view(bare)[0]


def test_citations_view(graph: Graph) -> None:
    proj = build_view(graph, "citations").graph
    kinds = sorted(attrs["type"] for _, attrs in proj.nodes(data=True))
    assert kinds == ["JournalAbstract", "PatientPage", "Reference"]
    # 002 cites a reference whose DOI is source 000's: drawn as the source itself
    source_000 = "https://w3id.org/omsgraph/source/000_aa4b564b5e99cff4"
    source_002 = "https://w3id.org/omsgraph/source/002_86f656d6290b5704"
    assert proj.has_edge(source_002, source_000)
    (ref,) = [n for n, a in proj.nodes(data=True) if a["type"] == "Reference"]
    edge = proj.edges[source_000, ref, "cites"]
    assert edge["relation_label"] == "cites [9]"
    assert [c["claim"][-16:] for c in edge["claims"]] == ["3c4d5e6f708192a3"]


def test_conflicts_view(graph: Graph) -> None:
    proj = build_view(graph, "conflicts").graph
    (conflict,) = [n for n, a in proj.nodes(data=True) if a["type"] == "Contradiction"]
    assert proj.nodes[conflict]["label"] == "rituximab <script>window.__xss=4</script>"
    polarities = sorted(d["polarity"] for _, _, d in proj.out_edges(conflict, data=True))
    assert polarities == ["affirmed", "negated"]


def test_entity_and_source_lookup(graph: Graph) -> None:
    sub = build_view(graph, "entity", "Dancing Eyes").graph
    assert sub.nodes[sub.graph["centre"]]["concept"] == OMSE + "opsoclonus"
    # through the sources, not through the condition: the two sources that name it
    assert len(build_view(graph, "entity", "rituximab", depth=2).graph) == 3
    with pytest.raises(LookupError, match="no single concept"):
        build_view(graph, "entity", "aspirin")
    assert len(build_view(graph, "source", "000_aa4b564b5e99cff4").graph) == 5
    with pytest.raises(LookupError, match="002_86f656d6290b5704.txt"):
        build_view(graph, "source", "999.txt")
    with pytest.raises(ValueError, match="needs"):
        build_view(graph, "entity")
    with pytest.raises(ValueError, match="unknown view"):
        build_view(graph, "hairball")


def test_cap_keeps_hub_and_says_so() -> None:
    star = nx.MultiDiGraph()
    star.add_node("hub", label="hub", type="Condition")
    for i in range(30):
        star.add_node(f"n{i}", label=f"n{i}", type="Symptom")
        star.add_edge("hub", f"n{i}", support=1)
    star.add_edge("n1", "n2", support=3)
    kept, note = cap(star, limit=10)
    assert len(kept) == 10 and "hub" in kept and {"n1", "n2"} <= set(kept)
    assert "Showing the 10 best-connected of 31 nodes" in note and "entity" in note
    assert cap(star, limit=31) == (star, "")


def test_write_site(graph: Graph, tmp_path: Path) -> None:
    stats = write_site(graph, tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(stats) and "index.html" in names and "omsgraph.html" in names
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    check_offline(index, allow_links=True)
    links = re.findall(r'<a href="([^"]+)">', index)
    assert sorted(links) == sorted(n for n in names if n != "index.html")
    assert "source-002_86f656d6290b5704.html" in links
    assert "&lt;b&gt;patient" not in index  # titles are not on the index; file names are


def test_cli_view_kinds(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from omsgraph.cli import cli

    runner = CliRunner()
    base = ["view", "--graph", str(FIXTURE)]
    result = runner.invoke(cli, [*base, "entity", "rituximab", "-o", str(tmp_path / "e.html")])
    assert result.exit_code == 0, result.output
    assert "(3 nodes, 2 edges)" in result.output
    result = runner.invoke(cli, [*base, "index", "-o", str(tmp_path / "site" / "index.html")])
    assert result.exit_code == 0 and (tmp_path / "site" / "conflicts.html").exists()
    result = runner.invoke(cli, [*base, "entity", "aspirin", "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and "no single concept named 'aspirin'" in result.output
    result = runner.invoke(cli, [*base, "source"])
    assert result.exit_code == 2 and "needs a source name" in result.output


@pytest.mark.browser
def test_filters_and_search_in_chromium(chromium_browser, graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "overview.html"
    _write_hub(graph, out)
    external: list[str] = []
    errors: list[str] = []
    page = _open(chromium_browser, out.as_uri(), external, errors)
    visible = "() => edges.get({filter: e => !e.hidden}).map(e => e.label).sort()"
    try:
        page.fill("#f-support", "2")
        page.dispatch_event("#f-support", "change")
        assert page.evaluate(visible) == ["has symptom"]
        assert page.evaluate("nodes.get({filter: n => !n.hidden}).length") == 2
        page.fill("#f-support", "1")
        page.select_option("#f-source", "002_86f656d6290b5704.txt")
        assert page.evaluate(visible) == ["NOT treated by", "has symptom"]
        page.select_option("#f-source", "")
        page.select_option("#f-relation", "treated by")
        assert page.evaluate(visible) == ["NOT treated by", "treated by"]
        assert "showing 2 nodes, 2 edges" in page.inner_text("#shown")
        page.fill("#search", "neuroblast")
        page.press("#search", "Enter")
        assert page.evaluate("network.getSelectedNodes()") == [OMSE + "neuroblastoma"]
        assert page.inner_text("#details h2") == "neuroblastoma"
    finally:
        page.close()
    assert external == [] and errors == []


@pytest.mark.browser
def test_capped_edge_panel_in_chromium(
    chromium_browser, graph: Graph, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(render_module, "EDGE_CLAIMS", 1)
    out = tmp_path / "capped.html"
    _write_hub(graph, out)
    external: list[str] = []
    errors: list[str] = []
    page = _open(chromium_browser, out.as_uri(), external, errors)
    try:
        edge = page.evaluate("edges.get({filter: e => e.label === 'has symptom'})[0].id")
        page.evaluate("(id) => { network.selectEdges([id]); showEdge(id); }", edge)
        panel = page.inner_text("#details")
        assert "2 source(s), 2 claim(s)" in panel  # the true counts
        assert "1 more claim(s) not in this page (it shows the first 1 of 2" in panel
        assert "omsgraph evidence opsoclonus lists every claim about opsoclonus" in panel
        assert page.evaluate("document.querySelectorAll('#details .claim').length") == 1
        assert page.evaluate("document.querySelector('#details .more') !== null")
    finally:
        page.close()
    assert external == [] and errors == []


@pytest.mark.browser
def test_search_by_synonym_and_filters_refit_in_chromium(
    chromium_browser, graph: Graph, tmp_path: Path
) -> None:
    out = tmp_path / "overview.html"
    _write_hub(graph, out)
    external: list[str] = []
    errors: list[str] = []
    page = _open(chromium_browser, out.as_uri(), external, errors)
    try:
        page.fill("#search", "no such thing")
        page.press("#search", "Enter")
        assert "no node matches" in page.inner_text("#shown")
        page.fill("#search", "kinsbourne syndrome")  # a synonym, not the label
        page.press("#search", "Enter")
        assert page.evaluate("network.getSelectedNodes()") == [CONDITION]
        assert "no node matches" not in page.inner_text("#shown")  # the failure is cleared
        # zoomed far out and away: a filter brings what it leaves back into view
        page.evaluate("network.moveTo({position: {x: 5000, y: 5000}, scale: 0.1})")
        page.select_option("#f-relation", "treated by")
        assert page.evaluate("network.getScale()") > 0.1
        box = page.evaluate(
            """() => { const ids = nodes.get({filter: n => !n.hidden}).map(n => n.id);
                const w = document.getElementById('mynetwork').getBoundingClientRect();
                return ids.map(id => { const p = network.canvasToDOM(network.getPosition(id));
                  return p.x >= 0 && p.y >= 0 && p.x <= w.width && p.y <= w.height; }); }"""
        )
        assert box and all(box)  # every node left is in view
    finally:
        page.close()
    assert external == [] and errors == []


def test_a_drug_named_only_as_a_cause_has_the_colour_of_a_cause(corpus_graph) -> None:
    proj = project(corpus_graph)
    html = render_page(proj, "t", "source")
    colours = {n["label"]: n["color"] for n in _dataset(html, "nodes")}
    assert colours["amitriptyline"] == colours["phenytoin"] == TYPE_COLOURS["Cause"]
    assert colours["rituximab"] == TYPE_COLOURS["Drug"]


def test_citation_edges_are_not_marked_unreviewed(graph: Graph) -> None:
    html, _ = render_view(graph, kind="citations")
    edges = _dataset(html, "edges")
    assert edges and not any(e["unreviewed"] or e["label"].startswith("unreviewed") for e in edges)
