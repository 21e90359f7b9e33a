"""Tests of the views at scale: one projection per site, capped source pages, capped claims per
edge and source filter, on a synthetic corpus written by bench/corpus.py (12 sources)."""

from __future__ import annotations

import importlib
import importlib.util
import json
import random
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

import omsgraph.web.site as views
from omsgraph.corpus.claims import load_corpus
from omsgraph.graph.rdf import build_graph
from omsgraph.web.derived import source_view
from omsgraph.web.render import render_page
from omsgraph.web.site import (
    project,
    render_index,
    render_view,
    source_views,
    write_site,
    write_view,
)

ROOT = Path(__file__).resolve().parents[2]
project_module = importlib.import_module("omsgraph.web.project")
derived_module = importlib.import_module("omsgraph.web.derived")
render_module = importlib.import_module("omsgraph.web.render")
PAYLOAD = '<img src=x onerror="window.__xss=1">'


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    out = tmp_path_factory.mktemp("corpus")
    corpus.write_corpus(out, 12, seed=3)
    return build_graph(load_corpus(out))


@pytest.fixture(scope="module")
def files(graph: Graph) -> list[str]:
    return sorted({c["source"] for _, _, d in project(graph).edges(data=True) for c in d["claims"]})


def _hub(graph: Graph) -> tuple[str, nx.MultiDiGraph]:
    """Every claim drawn by the generic renderer (the source, citations and conflicts views)
    as a hub around the condition: where edges gather the claims of many sources."""
    proj = project(graph)
    return render_page(proj, "t", "overview"), proj


def _dataset(html: str, name: str) -> list[dict]:
    found = re.search(rf"{name} = new vis\.DataSet\((.*?)\);\n", html)
    assert found, f"no {name} DataSet in the page"
    return json.loads(found.group(1))


def _count_calls(monkeypatch: pytest.MonkeyPatch, module, name: str, *also) -> list[int]:
    """Count the calls of `module.name`, also where `also` modules imported it by name."""
    calls = [0]
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    for where in (module, *also):
        monkeypatch.setattr(where, name, counted)
    return calls


# ------------------------------------------------------------------ one projection per site


def test_site_projects_once(graph: Graph, files: list[str], tmp_path: Path, monkeypatch) -> None:
    projections = _count_calls(monkeypatch, project_module, "project", views)
    claim_queries = _count_calls(monkeypatch, project_module, "_claims")
    source_lookups = _count_calls(monkeypatch, derived_module, "find_source", views)
    stats = write_site(graph, tmp_path)
    assert len([name for name in stats if name.startswith("source-")]) == len(files) == 12
    assert projections == [1] and claim_queries == [1] and source_lookups == [0]


@pytest.mark.parametrize("kind", ["overview", "entity", "source", "citations", "conflicts"])
def test_views_take_the_projection(graph: Graph, files: list[str], kind, monkeypatch) -> None:
    target = {"entity": "neuroblastoma", "source": files[0]}.get(kind)
    proj = project(graph)
    expected = render_view(graph, kind=kind, target=target)[0]
    projections = _count_calls(monkeypatch, project_module, "project", views)
    html, _ = render_view(graph, kind=kind, target=target, proj=proj)
    assert projections == [0] and html == expected


def test_source_views_in_one_pass(graph: Graph, files: list[str]) -> None:
    proj = project(graph)
    many = source_views(proj, files[:5])
    assert list(many) == files[:5]
    for file, sub in many.items():
        one = source_view(proj, file)
        assert sorted(sub.edges(keys=True)) == sorted(one.edges(keys=True))
        assert all(c["source"] == file for *_, d in sub.edges(data=True) for c in d["claims"])
        assert [d["claims"] for *_, d in sorted(sub.edges(keys=True, data=True))] == [
            d["claims"] for *_, d in sorted(one.edges(keys=True, data=True))
        ]


# ------------------------------------------------------------------ source pages: capped


def test_site_caps_source_pages(graph: Graph, files: list[str], tmp_path: Path, monkeypatch):
    monkeypatch.setattr(views, "SITE_SOURCES", 3)
    stats = write_site(graph, tmp_path)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(stats)
    pages = [name for name in written if name.startswith("source-")]
    assert pages == [f"source-{f.removesuffix('.txt')}.html" for f in files[:3]]
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">', index)
    assert sorted(links) == [name for name in written if name != "index.html"]
    (line,) = re.findall(r'<p id="more-sources" class="what">([^<]*)</p>', index)
    assert line == (
        "12 sources: pages for the first 3; any other: omsgraph view source FILE "
        "(or /view/source/FILE under omsgraph serve)."
    )
    # a source past the cap is still drawn on demand
    other = tmp_path / "other.html"
    assert write_view(graph, other, kind="source", target=files[-1]).edges > 0


def test_site_without_cap_has_no_line(graph: Graph, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(views, "SITE_SOURCES", 12)
    write_site(graph, tmp_path)
    assert len(list(tmp_path.glob("source-*.html"))) == 12
    assert "more-sources" not in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_index_note_is_escaped() -> None:
    html = render_index("<i>t</i>", [("a.html", "A", "a view")], note=f"{PAYLOAD} & more")
    assert PAYLOAD not in html and "<i>t" not in html
    assert "&lt;img src=x onerror=&#34;window.__xss=1&#34;&gt; &amp; more</p>" in html


# ------------------------------------------------------------------ claims per edge: capped


def test_edge_claims_capped(graph: Graph, monkeypatch) -> None:
    monkeypatch.setattr(render_module, "EDGE_CLAIMS", 2)
    html, proj = _hub(graph)
    edges = _dataset(html, "edges")
    truth = sorted(proj.edges(keys=True, data=True), key=lambda e: e[:3])
    assert len(edges) == len(truth) and any(len(d["claims"]) > 2 for *_, d in truth)
    for edge, (_, v, _, attrs) in zip(edges, truth, strict=True):
        total = len(attrs["claims"])
        assert edge["support"] == attrs["support"]  # true counts
        assert f"{attrs['support']} source(s), {total} claim(s)" in edge["summary"]
        assert f"{total} claim(s)" in edge["title"]
        if total <= 2:
            assert "more" not in edge and len(edge["claims"]) == total
            continue
        first = sorted(attrs["claims"], key=lambda c: (c["source"], c["quote"], c["claim"]))[:2]
        assert [(c["source"], c["quote"]) for c in edge["claims"]] == [
            (c["source"], c["quote"]) for c in first
        ]
        label = proj.nodes[v]["label"]
        assert edge["more"].startswith(f"{total - 2} more claim(s) not in this page")
        assert "first 2 of" in edge["more"] and f"every claim about {label}" in edge["more"]
        assert "omsgraph evidence " in edge["more"]
    total_claims = sum(len(d["claims"]) for *_, d in truth)
    assert f"· {total_claims} claims</span>" in html  # the header counts every claim
    assert 'if (e.more) { panel.appendChild(el("div", "meta more", e.more)); }' in html


def test_uncapped_page_has_no_more_line(graph: Graph) -> None:
    html, proj = _hub(graph)
    assert max(len(d["claims"]) for *_, d in proj.edges(data=True)) <= views.EDGE_CLAIMS
    assert "e.more" not in html and all("more" not in e for e in _dataset(html, "edges"))


def test_capped_page_is_deterministic(graph: Graph, monkeypatch) -> None:
    monkeypatch.setattr(render_module, "EDGE_CLAIMS", 2)
    lines = graph.serialize(format="nt").splitlines()
    random.Random(5).shuffle(lines)
    shuffled = Graph().parse(data="\n".join(lines), format="nt")
    assert _hub(graph)[0] == _hub(shuffled)[0]
    assert render_view(graph)[0] == render_view(shuffled)[0]


def test_more_line_is_escaped_and_quoted(monkeypatch) -> None:
    monkeypatch.setattr(render_module, "EDGE_CLAIMS", 1)
    proj = nx.MultiDiGraph()
    proj.add_node("c", label="OMS", type="Condition", iri="c", synonyms=[])
    proj.add_node("x", label=f"it's {PAYLOAD}", type="Symptom", iri="x", synonyms=[])
    claims = [
        {"claim": f"k{i}", "source": f"{i}.txt", "source_title": "", "quote": f"q {PAYLOAD}"}
        | {"polarity": "affirmed", "certainty": "asserted", "population": "", "qualifier": ""}
        | {"cites": [], "conflicts": []}
        for i in range(3)
    ]
    proj.add_edge(
        "c", "x", key="r affirmed", relation="r", relation_label="has symptom",
        polarity="affirmed", negated=False, claims=claims,
        sources=[c["source"] for c in claims], support=3, contested=False,
    )  # fmt: skip
    html = render_page(proj, "t", "overview")
    assert PAYLOAD not in html
    (edge,) = _dataset(html, "edges")
    assert [c["source"] for c in edge["claims"]] == ["0.txt"]
    assert edge["more"] == (
        "2 more claim(s) not in this page (it shows the first 1 of 3, by source then quote); "
        f"omsgraph evidence 'it'\"'\"'s {PAYLOAD}' lists every claim about it's {PAYLOAD}."
    )


# ------------------------------------------------------------------ source filter: capped


def test_source_filter_capped(graph: Graph, monkeypatch) -> None:
    html, _ = _hub(graph)
    assert html.count('<option value="0') >= 12 and all(
        "sources" in e for e in _dataset(html, "edges")
    )
    monkeypatch.setattr(render_module, "FILTER_SOURCES", 3)
    html, proj = _hub(graph)
    select = re.search(r'<select id="f-source">(.*?)</select>', html, re.DOTALL).group(1)
    assert select == '<option value="">all</option>'
    assert all("sources" not in e for e in _dataset(html, "edges"))
    note = re.search(r'<p id="note" role="status">([^<]*)</p>', html).group(1)
    assert note == (
        "Claims from 12 sources: no source filter past 3; "
        "one source&#39;s claims: omsgraph view source FILE."
    )
    assert project(graph).number_of_edges() == proj.number_of_edges()


# ------------------------------------------------- many sources: the exemplars, true counts


@pytest.fixture
def many(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Graph:
    """The 12-source corpus built with 2 exemplars per polarity, seen as "many sources"."""
    import omsgraph.graph.conflicts

    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    corpus.write_corpus(tmp_path / "c", 12, seed=3)
    monkeypatch.setattr(omsgraph.graph.conflicts, "EXEMPLARS", 2)
    built = build_graph(load_corpus(tmp_path / "c"))
    monkeypatch.setattr(project_module, "EXEMPLAR_SOURCES", 5)
    return built


def test_many_sources_draw_the_exemplars_with_true_counts(many: Graph) -> None:
    full = project(many, where="")
    drawn = project(many)
    assert drawn.graph["exemplars"] and not full.graph["exemplars"]
    assert sorted(drawn.edges(keys=True)) == sorted(full.edges(keys=True))
    fewer = 0
    for u, v, key, attrs in drawn.edges(keys=True, data=True):
        whole = full.edges[u, v, key]
        assert attrs["claim_count"] == len(whole["claims"])
        assert attrs["support"] == whole["support"]
        assert {c["claim"] for c in attrs["claims"]} <= {c["claim"] for c in whole["claims"]}
        fewer += len(attrs["claims"]) < len(whole["claims"])
    assert fewer > 0  # the cap of 2 per polarity bites on this corpus


def test_many_sources_pages_say_the_true_counts(
    many: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render_module, "FILTER_SOURCES", 3)
    html = _hub(many)[0]
    note = re.search(r'<p id="note" role="status">([^<]*)</p>', html).group(1)
    assert note.startswith("The exemplar claims drawn come from ")  # not "claims from N"
    edges = _dataset(html, "edges")
    capped = [e for e in edges if "more" in e]
    assert capped and all("one per source first" in e["more"] for e in capped)
    full = project(many, where="")
    totals = sorted(len(d["claims"]) for *_, d in full.edges(data=True))
    shown = sorted(int(re.search(r"(\d+) claim\(s\)", e["summary"]).group(1)) for e in edges)
    assert shown == totals


def test_many_sources_source_pages_hold_every_claim_of_the_source(
    many: Graph, tmp_path: Path
) -> None:
    write_site(many, tmp_path / "site")
    full = project(many, where="")
    file = sorted({c["source"] for *_, d in full.edges(data=True) for c in d["claims"]})[0]
    page = (tmp_path / "site" / f"source-{file.rsplit('.', 1)[0]}.html").read_text()
    drawn = sorted(c["quote"] for e in _dataset(page, "edges") for c in e["claims"])
    assert all(c["source"] == file for e in _dataset(page, "edges") for c in e["claims"])
    expected = sorted(
        c["quote"] for *_, d in full.edges(data=True) for c in d["claims"] if c["source"] == file
    )
    assert drawn == expected and len(expected) > 4
    index = (tmp_path / "site" / "index.html").read_text()
    assert index.count("source-") >= 12
