"""Smoke tests of the benchmark scripts on 20 synthetic documents, and of the ``auto`` store."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from omsgraph.corpus.claims import load_corpus
from omsgraph.graph.query import named_queries, run
from omsgraph.graph.rdf import build_graph
from omsgraph.graph.store import open_graph, parse_selector

ROOT = Path(__file__).resolve().parent.parent


def _script(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    _script("corpus").write_corpus(out, 20, seed=3)
    return out


def test_corpus_loads_with_anchored_quotes(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    assert len(corpus.sources) == 20
    assert 7 * 20 <= len(corpus.claims) <= 13 * 20
    texts = {s.file: s.text for s in corpus.sources}
    for claim in corpus.claims:
        start, end = claim.evidence.start, claim.evidence.end
        assert texts[claim.source][start:end] == claim.evidence.quote
    assert {c.polarity.value for c in corpus.claims} == {"affirmed", "negated"}
    assert {c.certainty.value for c in corpus.claims} == {"asserted", "hedged"}
    assert {c.predicate for c in corpus.claims} >= {"has_symptom", "has_cause", "treated_by"}


def test_corpus_is_deterministic_by_seed(corpus_dir: Path, tmp_path: Path) -> None:
    write = _script("corpus").write_corpus
    write(tmp_path / "same", 20, seed=3)
    write(tmp_path / "other", 20, seed=4)
    files = sorted(p.relative_to(corpus_dir) for p in corpus_dir.rglob("*") if p.is_file())
    for relative in files:
        assert (tmp_path / "same" / relative).read_bytes() == (corpus_dir / relative).read_bytes()
    first = sorted((corpus_dir / "claims").iterdir())[0].name
    assert not (tmp_path / "other" / "claims" / first).exists()


def test_build_bench_reports_every_store(corpus_dir: Path) -> None:
    result = _script("build").measure(corpus_dir)
    assert result["documents"] == 20 and result["triples"] > 1000
    assert result["turtle_mb"] > 0 and result["peak_rss_mb"] > 0
    assert set(result["queries"]) == set(named_queries())
    for name, row in result["queries"].items():
        assert {"floor_s", "memory_s", "oxigraph_s"} <= set(row), name
    assert result["queries"]["symptoms"]["rows"] > 0
    assert result["auto_build_s"] > 0
    assert result["streamed_turtle_s"] > 0 and result["streamed_turtle_mb"] > 0


def test_stream_bench_has_the_same_triples(corpus_dir: Path) -> None:
    bench = _script("build")
    streamed, full = (
        bench.measure_stream(corpus_dir),
        bench.measure(corpus_dir, frozenset(bench.STAGES)),
    )
    assert streamed["triples"] == full["triples"]
    for name, row in streamed["queries"].items():
        assert row["rows"] == full["queries"][name]["rows"], name


def test_cli_auto_store_streams_a_large_corpus(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import omsgraph.graph.streamed
    from omsgraph.cli import cli

    runner = CliRunner()
    args = ["--data", str(corpus_dir), "query", "treatments", "--format", "csv"]
    memory = runner.invoke(cli, args)
    monkeypatch.setattr(omsgraph.graph.streamed, "AUTO_CLAIMS", 10)
    auto = runner.invoke(cli, ["--store", "auto", *args])
    assert memory.exit_code == auto.exit_code == 0, auto.output
    assert sorted(memory.output.splitlines()) == sorted(auto.output.splitlines())
    assert len(memory.output.splitlines()) > 5


def test_auto_store_below_threshold_is_the_memory_graph(corpus_dir: Path) -> None:
    graph = build_graph(load_corpus(corpus_dir))
    assert open_graph("auto", build=lambda: graph) is graph
    assert str(parse_selector("auto")) == "auto"
    with pytest.raises(ValueError, match="takes no location"):
        parse_selector("auto:somewhere")


def test_auto_store_above_threshold_gives_the_same_answers(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import omsgraph.graph.streamed

    graph = build_graph(load_corpus(corpus_dir))
    monkeypatch.setattr(omsgraph.graph.store, "AUTO_TRIPLES", 1000)
    auto = open_graph("auto", build=lambda: graph)
    assert auto is not graph and len(auto) == len(graph)
    source = sorted((corpus_dir / "sources").glob("*.txt"))[1].name
    for query in named_queries().values():
        bindings = {"file": source} if query.parameters else None
        rows = [
            sorted(tuple(str(v) for v in r) for r in run(g, query.text, bindings))
            for g in (graph, auto)
        ]
        if query.name == "symptoms":  # GROUP_CONCAT order is the engine's (docs/stores.md)
            rows = [[r[:-1] + (" ".join(sorted(r[-1].split())),) for r in x] for x in rows]
        assert rows[0] == rows[1], query.name
        assert rows[0] or query.name == "conflicts", query.name


def test_help_starts_fast() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "omsgraph", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "Usage" in result.stdout
    assert not imported & {"rdflib", "pyoxigraph", "yaml", "networkx"}


def test_pipeline_bench_ingests_and_builds(corpus_dir: Path, tmp_path: Path) -> None:
    result = _script("pipeline").run_pipeline(corpus_dir, tmp_path / "work", jobs=2)
    assert result["documents"] == 20
    assert result["ingest"]["exit"] == result["build"]["exit"] == 0, result
    assert "20 sources" in result["build_says"] and result["turtle_mb"] > 0
    assert result["ingest"]["peak_mb"] > 10 and result["build"]["peak_mb"] > 10
    assert len(list((tmp_path / "work" / "data" / "claims").glob("*.yaml"))) == 20


def test_queries_bench_times_every_named_query(corpus_dir: Path, tmp_path: Path) -> None:
    bench = _script("queries")
    assert bench.build_store(corpus_dir, tmp_path / "store") > 0
    result = bench.measure(tmp_path / "store", repeat=1)
    assert set(result["queries"]) == set(named_queries())
    assert all(r["rows"] == r["cli_rows"] for r in result["queries"].values())


def test_build_bench_times_the_command(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    result = _script("build").measure_cli(root / "data", runs=1)
    assert result["runs"] == 1 and len(result["wall_s"]) == len(result["cpu_s"]) == 1
    assert result["min_wall_s"] > 0 and result["cpu_s"][0] > 0
