"""Build, export and query times and peak memory for one corpus, each beside its pyoxigraph floor.

Stages, timed in wall seconds in this one process (run one process per corpus size, so the
peak resident memory, ``ru_maxrss``, belongs to that size): loading ``data/`` (YAML and
quote anchoring), building the rdflib graph, Turtle export (``omsgraph.graph.export.serialize``),
N-Triples export; then the floors on the same data: a bulk load of those N-Triples into an
in-memory ``pyoxigraph.Store`` and its own Turtle dump. Every named query
(``omsgraph/graph/queries/*.rq``) is timed on the memory store (``omsgraph.graph.query.run`` on
the rdflib graph), on the ``oxigraph:PATH`` store (the same call through oxrdflib, after
``omsgraph.graph.store.open_graph`` filled it) and, as the floor, raw
``pyoxigraph.Store.query`` over the same triples. Each query's first run is reported.
``auto_build_s`` is the time of the streaming path of ``--store auto``
(``omsgraph.graph.streamed.build_auto``), and ``streamed_turtle_s`` that of ``--store auto build``
from the loaded corpus to the Turtle file (``omsgraph.graph.streamed.build_streamed``: compare
with build + Turtle, and with the floor's load + dump); ``--stream`` measures that path alone,
in a process that never holds an rdflib graph (its memory figure is the one that matters at
100,000 documents).

    .venv/bin/python bench/corpus.py /tmp/corpus-1k --docs 1000
    .venv/bin/python bench/build.py /tmp/corpus-1k --json
    .venv/bin/python bench/build.py /tmp/corpus-100k --stream     # no rdflib graph at all
    .venv/bin/python bench/build.py data --cli 5                   # `omsgraph build`, 5 runs

``--cli N`` times what a user runs instead: ``omsgraph --data DATA build`` as its own process,
``N`` times (start-up, imports and the forked helpers included), and reports the wall
seconds of each run, their minimum and the CPU seconds (user + system, helpers included).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["measure", "measure_cli", "measure_stream"]

STAGES = ("turtle", "memory-queries", "oxigraph-store", "auto")


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _timed(action: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = action()
    return value, round(time.perf_counter() - started, 3)


def _drain(result: Any) -> int:
    return sum(1 for _ in result)


def measure(data: Path, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Every figure for the corpus in ``data``; ``skip`` names stages of :data:`STAGES`."""
    import pyoxigraph

    from omsgraph.corpus.claims import load_corpus
    from omsgraph.graph.export import serialize
    from omsgraph.graph.query import named_queries, run
    from omsgraph.graph.rdf import build_graph
    from omsgraph.graph.store import open_graph

    out: dict[str, Any] = {"data": str(data)}
    corpus, out["load_s"] = _timed(lambda: load_corpus(data))
    out |= {"documents": len(corpus.sources), "claims": len(corpus.claims)}
    out["load_rss_mb"] = _rss_mb()
    graph, out["build_s"] = _timed(lambda: build_graph(corpus))
    out["triples"] = len(graph)
    out["build_rss_mb"] = _rss_mb()
    if "turtle" not in skip:
        turtle, out["turtle_s"] = _timed(lambda: serialize(graph, "turtle"))
        out["turtle_mb"] = round(len(turtle.encode()) / 1e6, 2)
        del turtle
    nt, out["ntriples_s"] = _timed(lambda: graph.serialize(format="nt", encoding="utf-8"))
    out["ntriples_mb"] = round(len(nt) / 1e6, 2)
    floor = pyoxigraph.Store()
    _, out["floor_load_s"] = _timed(lambda: floor.bulk_load(nt, pyoxigraph.RdfFormat.N_TRIPLES))
    dumped, out["floor_turtle_s"] = _timed(
        lambda: floor.dump(format=pyoxigraph.RdfFormat.TURTLE, from_graph=pyoxigraph.DefaultGraph())
    )
    out["floor_turtle_mb"] = round(len(dumped) / 1e6, 2)
    dumped = nt = b""  # free them before the queries
    file = corpus.sources[0].file
    bindings = {"file": file}
    queries = named_queries()
    rows: dict[str, dict[str, Any]] = {name: {} for name in queries}
    values = f'\nVALUES ( ?file ) {{ ( "{file}" ) }}\n'
    for name, query in queries.items():
        text = query.text + (values if query.parameters else "")
        count, seconds = _timed(lambda t=text: _drain(floor.query(t)))
        rows[name] |= {"floor_s": seconds, "rows": count}
    if "memory-queries" not in skip:
        for name, query in queries.items():
            _, rows[name]["memory_s"] = _timed(
                lambda q=query: _drain(run(graph, q.text, q.parameters and bindings))
            )
    stores = []
    scratch = tempfile.mkdtemp(prefix="omsgraph-bench-")
    if "oxigraph-store" not in skip:
        stores.append(("oxigraph", f"oxigraph:{scratch}"))
    for label, selector in stores:
        store_graph, out[f"{label}_open_s"] = _timed(
            lambda s=selector: open_graph(s, build=lambda: graph)
        )
        for name, query in queries.items():
            _, rows[name][f"{label}_s"] = _timed(
                lambda q=query, g=store_graph: _drain(run(g, q.text, q.parameters and bindings))
            )
    if "auto" not in skip:
        import omsgraph.graph.streamed

        _, out["auto_build_s"] = _timed(lambda: _force_auto(omsgraph.graph.streamed, corpus))
        turtle_path = Path(scratch) / "streamed.ttl"
        _, out["streamed_turtle_s"] = _timed(
            lambda: omsgraph.graph.streamed.build_streamed(corpus, turtle_path)
        )
        out["streamed_turtle_mb"] = round(turtle_path.stat().st_size / 1e6, 2)
    out["queries"] = rows
    out["peak_rss_mb"] = _rss_mb()
    shutil.rmtree(scratch, ignore_errors=True)
    return out


def _force_auto(store: Any, corpus: Any) -> Any:
    """``store.build_auto`` with its threshold at zero: the streaming path, whatever the size."""
    threshold, store.AUTO_CLAIMS = store.AUTO_CLAIMS, 0
    try:
        return store.build_auto(corpus)
    finally:
        store.AUTO_CLAIMS = threshold


def measure_stream(data: Path) -> dict[str, Any]:
    """The large-corpus path alone (what ``--store auto`` does above ``AUTO_CLAIMS``): load,
    stream into Oxigraph, query; peak memory without any rdflib graph."""
    import pyoxigraph

    import omsgraph.graph.streamed
    from omsgraph.corpus.claims import load_corpus
    from omsgraph.graph.query import named_queries, run

    out: dict[str, Any] = {"data": str(data), "mode": "stream"}
    corpus, out["load_s"] = _timed(lambda: load_corpus(data))
    out |= {"documents": len(corpus.sources), "claims": len(corpus.claims)}
    out["load_rss_mb"] = _rss_mb()
    graph, out["stream_build_s"] = _timed(lambda: _force_auto(omsgraph.graph.streamed, corpus))
    inner = graph.store._inner
    out["triples"] = len(inner)
    out["stream_rss_mb"] = _rss_mb()
    dumped, out["floor_turtle_s"] = _timed(
        lambda: inner.dump(format=pyoxigraph.RdfFormat.TURTLE, from_graph=pyoxigraph.DefaultGraph())
    )
    out["floor_turtle_mb"] = round(len(dumped) / 1e6, 2)
    dumped = b""
    file = corpus.sources[0].file
    values = f'\nVALUES ( ?file ) {{ ( "{file}" ) }}\n'
    rows: dict[str, dict[str, Any]] = {}
    for name, query in named_queries().items():
        text = query.text + (values if query.parameters else "")
        count, floor = _timed(lambda t=text: _drain(inner.query(t)))
        _, auto = _timed(
            lambda q=query: _drain(run(graph, q.text, q.parameters and {"file": file}))
        )
        rows[name] = {"floor_s": floor, "auto_s": auto, "rows": count}
    out["queries"] = rows
    out["peak_rss_mb"] = _rss_mb()
    return out


def measure_cli(data: Path, runs: int = 3, ontology: Path | None = None) -> dict[str, Any]:
    """Wall and CPU seconds of ``runs`` runs of ``omsgraph --data DATA build`` (one process
    each, writing into a temporary directory)."""
    import os
    import subprocess

    ontology = ontology or Path(__file__).resolve().parent.parent / "ontology"
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "omsgraph.cli", "--data", str(data)]
        command += ["--ontology", str(ontology), "build", "--out", str(Path(tmp) / "out")]
        for _ in range(runs):
            before = os.times()
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            walls.append(round(time.perf_counter() - start, 3))
            after = os.times()
            cpu = after.children_user - before.children_user
            cpus.append(round(cpu + after.children_system - before.children_system, 3))
    return {"runs": runs, "wall_s": walls, "min_wall_s": min(walls), "cpu_s": cpus}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a data directory, e.g. from bench/corpus.py")
    parser.add_argument("--skip", default="", help=f"comma-separated: {', '.join(STAGES)}")
    parser.add_argument(
        "--stream", action="store_true", help="only the large-corpus path of --store auto"
    )
    parser.add_argument(
        "--cli", type=int, metavar="N", help="time N runs of `omsgraph build` instead"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.cli:
        result = measure_cli(args.data, args.cli)
        lines = (f"{key}: {value}" for key, value in result.items())
        print(json.dumps(result) if args.json else "\n".join(lines))
        return 0
    skip = frozenset(s for s in args.skip.split(",") if s)
    if skip - set(STAGES):
        parser.error(f"unknown stage(s) {sorted(skip - set(STAGES))}; use {', '.join(STAGES)}")
    result = measure_stream(args.data) if args.stream else measure(args.data, skip)
    if args.json:
        print(json.dumps(result))
        return 0
    queries = result.pop("queries")
    for key, value in result.items():
        print(f"{key:>16}: {value}")
    header = sorted({k for row in queries.values() for k in row})
    print(f"{'query':>12}  " + "  ".join(f"{h:>11}" for h in header))
    for name, row in queries.items():
        print(f"{name:>12}  " + "  ".join(f"{row.get(h, '-')!s:>11}" for h in header))
    return 0


if __name__ == "__main__":
    sys.exit(main())
