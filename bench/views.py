"""Time to a settled view in Chromium at 100, 1,000 and 5,000 nodes (synthetic graphs).

Each synthetic graph looks like the real one, only bigger: a hub (the condition) linked to
every concept, plus random links between concepts (half as many as nodes), each edge with one
to three claims from ten sources, a quote each, one edge in ten negated. The page is rendered
with `omsgraph.web.render.render_page` (so past `MAX_NODES` it is capped, with its note)
and opened in Debian's Chromium through Playwright, launched by omsgraph.web.browser.
"Settled" is the page's own mark: the bounded layout is done, physics is off, and the graph
is drawn (``document.body.dataset.settledMs``, milliseconds since navigation start).

    .venv/bin/python bench/views.py                  # 100 1000 5000
    .venv/bin/python bench/views.py --sizes 2000 --runs 3 --json
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from omsgraph.web.browser import CHROMIUM, launch
from omsgraph.web.render import MAX_NODES, PHYSICS_NODES, TYPE_COLOURS, cap, render_page

_KINDS = [k for k in TYPE_COLOURS if k in ("Symptom", "Cause", "Drug", "Tumour", "Finding")]
_RELATIONS = ["has symptom", "has cause", "treated by", "diagnosed by", "has complication"]


def synthetic(n_nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """A claims projection with `n_nodes` nodes shaped like the real one."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    hub = "https://w3id.org/omsgraph/entity/condition"
    graph.add_node(hub, label="opsoclonus-myoclonus syndrome", type="Condition", iri=hub)
    names = [f"https://w3id.org/omsgraph/entity/c{i}" for i in range(1, n_nodes)]
    for i, iri in enumerate(names, start=1):
        graph.add_node(iri, label=f"concept {i}", type=rng.choice(_KINDS), iri=iri, synonyms=[])
    pairs = [(hub, iri) for iri in names]
    pairs += [tuple(rng.sample(names, 2)) for _ in range(n_nodes // 2)]
    for u, v in pairs:
        relation = rng.choice(_RELATIONS)
        negated = rng.random() < 0.1
        sources = sorted(rng.sample([f"{k:03d}_source.txt" for k in range(10)], rng.randint(1, 3)))
        claims = [
            {
                "claim": f"{u}|{v}|{s}",
                "quote": f"a sentence of {s} that says {relation} " + "words " * 12,
                "source": s,
                "source_title": "a synthetic source",
                "polarity": "negated" if negated else "affirmed",
                "certainty": "asserted",
                "population": "children",
                "qualifier": "",
                "cites": [],
                "conflicts": [],
            }
            for s in sources
        ]
        graph.add_edge(
            u,
            v,
            key=f"{relation} {negated}",
            relation=relation,
            relation_label=relation,
            polarity="negated" if negated else "affirmed",
            negated=negated,
            claims=claims,
            sources=sources,
            support=len(sources),
            contested=False,
        )
    return graph


def settle_time(browser, html_path: Path) -> float:
    """Seconds from navigation start to the page's settled mark."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(html_path.as_uri())
        page.wait_for_function("() => document.body.dataset.settledMs", timeout=120_000)
        settled = int(page.evaluate("document.body.dataset.settledMs")) / 1000
    finally:
        page.close()
    if errors:
        raise RuntimeError(f"page errors: {errors}")
    return settled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=1, help="browser runs per size (median)")
    parser.add_argument("--json", action="store_true", help="print JSON lines")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print("Debian chromium is not installed at /usr/bin/chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = launch(p)
        try:
            for size in args.sizes:
                graph = synthetic(size)
                started = time.perf_counter()
                html = render_page(graph, f"synthetic {size}", "overview")
                rendered = time.perf_counter() - started
                path = Path(tmp) / f"synthetic-{size}.html"
                path.write_text(html, encoding="utf-8")
                shown, note = cap(graph)
                times = [settle_time(browser, path) for _ in range(args.runs)]
                rows.append(
                    {
                        "nodes": size,
                        "edges": graph.number_of_edges(),
                        "drawn_nodes": len(shown),
                        "drawn_edges": shown.number_of_edges(),
                        "capped": bool(note),
                        "physics": len(shown) <= PHYSICS_NODES,
                        "html_mb": round(len(html.encode()) / 1e6, 2),
                        "render_s": round(rendered, 2),
                        "settle_s": round(statistics.median(times), 2),
                    }
                )
        finally:
            browser.close()
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return 0
    print(f"MAX_NODES={MAX_NODES} PHYSICS_NODES={PHYSICS_NODES} (omsgraph.web.render)")
    header = list(rows[0])
    print("  ".join(f"{h:>11}" for h in header))
    for row in rows:
        print("  ".join(f"{str(row[h]):>11}" for h in header))
    return 0


if __name__ == "__main__":
    sys.exit(main())
