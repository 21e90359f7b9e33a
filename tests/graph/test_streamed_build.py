"""The streamed build (`omsgraph.graph.streamed.build_streamed`, what ``--store auto build``
does above ``AUTO_CLAIMS`` claims): its Turtle holds exactly the triples of the in-memory
build, the same bytes every time and whatever the number of workers, and the smaller graph it
returns draws the same HTML site as the whole graph."""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

import omsgraph.graph.conflicts
import omsgraph.graph.store
import omsgraph.graph.streamed
import omsgraph.parallel
import omsgraph.web.site as views
from omsgraph.cli import cli
from omsgraph.corpus.claims import Corpus, load_corpus
from omsgraph.corpus.model import Status
from omsgraph.graph.iris import source_iri
from omsgraph.graph.mappings import load_mappings
from omsgraph.graph.namespaces import OMS, SKOS, XSD
from omsgraph.graph.rdf import build_graph
from omsgraph.graph.streamed import build_streamed
from omsgraph.web.site import site_claims, write_site
from tests.conftest import CORPUS_DATA, ROOT

project_module = importlib.import_module("omsgraph.web.project")


@pytest.fixture(scope="module")
def synthetic_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bench/corpus.py's 12 sources (about 130 claims)."""
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("corpus")
    module.write_corpus(out, 12, seed=3)
    return out


@pytest.fixture(scope="module")
def synthetic(synthetic_dir: Path) -> Corpus:
    return load_corpus(synthetic_dir)


def _triples(path: Path) -> set:
    return set(Graph().parse(path, format="turtle"))


@pytest.mark.parametrize("which", ["synthetic", "real"])
def test_turtle_holds_the_triples_of_the_in_memory_build(
    which: str, synthetic: Corpus, corpus: Corpus, tmp_path: Path
) -> None:
    chosen = synthetic if which == "synthetic" else corpus
    path = tmp_path / "streamed.ttl"
    _, count = build_streamed(chosen, path)
    expected = set(build_graph(chosen))
    assert _triples(path) == expected
    assert count == len(expected)
    assert path.read_text(encoding="utf-8").startswith("@prefix ")


def test_same_bytes_twice_and_with_one_worker(
    synthetic: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_streamed(synthetic, tmp_path / "a.ttl")
    build_streamed(synthetic, tmp_path / "b.ttl")
    monkeypatch.setattr(omsgraph.parallel, "JOBS", 1)
    build_streamed(synthetic, tmp_path / "c.ttl")
    first = (tmp_path / "a.ttl").read_bytes()
    assert first == (tmp_path / "b.ttl").read_bytes() == (tmp_path / "c.ttl").read_bytes()
    # the claims went through several workers' chunks, each without its own prefix lines
    assert first.count(b"@prefix oms: ") == 1


def test_same_bytes_whatever_the_hash_seed(synthetic_dir: Path, tmp_path: Path) -> None:
    """Each run in its own process, as the CLI runs: set and dict orders that depend on
    string hashing must not reach the file."""
    script = (
        "import sys; from pathlib import Path; from omsgraph.corpus.claims import load_corpus; "
        "from omsgraph.graph.streamed import build_streamed; "
        "build_streamed(load_corpus(Path(sys.argv[1])), Path(sys.argv[2]))"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "OMSGRAPH_JOBS": "2"}
        out = tmp_path / f"{seed}.ttl"
        command = [sys.executable, "-c", script, str(synthetic_dir), str(out)]
        subprocess.run(command, env=env, check=True)
    assert (tmp_path / "1.ttl").read_bytes() == (tmp_path / "2.ttl").read_bytes()


def test_reviewed_only_and_mappings(synthetic: Corpus, tmp_path: Path) -> None:
    mixed = dataclasses.replace(
        synthetic,
        claims=tuple(
            dataclasses.replace(c, status=Status.CANDIDATE if i % 3 else Status.REVIEWED)
            for i, c in enumerate(synthetic.claims)
        ),
    )
    mappings = load_mappings(ROOT / "ontology" / "mappings.sssom.tsv")
    path = tmp_path / "g.ttl"
    _, count = build_streamed(mixed, path, reviewed_only=True, mappings=mappings)
    expected = set(build_graph(mixed, reviewed_only=True, mappings=mappings))
    assert _triples(path) == expected and count == len(expected)
    everything = set(build_graph(mixed, mappings=mappings))
    assert len(expected) < len(everything)  # the candidates were left out
    assert any(p == SKOS.exactMatch for _, p, _ in expected)  # and the mappings are in


def test_typed_counts_stay_typed(synthetic: Corpus, tmp_path: Path) -> None:
    """An Oxigraph store would keep xsd:nonNegativeInteger as xsd:integer; this Turtle is
    not read back from a store, so it keeps the datatypes the shapes ask for."""
    path = tmp_path / "g.ttl"
    build_streamed(synthetic, path)
    graph = Graph().parse(path, format="turtle")
    source = synthetic.sources[0]
    [count] = graph.objects(source_iri(source), OMS.claimCount)
    expected = sum(claim.source == source.file for claim in synthetic.claims)
    assert count == Literal(expected, datatype=XSD.nonNegativeInteger) and expected > 0


def _site(graph: Graph, out: Path) -> dict[str, bytes]:
    write_site(graph, out)
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def _claims(graph: Graph) -> int:
    return len(set(graph.subjects(predicate=None, object=OMS.Claim)))


@pytest.mark.parametrize("many", [False, True], ids=["every-claim", "exemplars"])
def test_the_smaller_graph_draws_the_same_site(
    many: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, synthetic: Corpus
) -> None:
    if many:  # a corpus of "many sources": exemplars, and pages for the first 3 sources
        monkeypatch.setattr(omsgraph.graph.conflicts, "EXEMPLARS", 2)
        monkeypatch.setattr(project_module, "EXEMPLAR_SOURCES", 5)
        monkeypatch.setattr(views, "SITE_SOURCES", 3)
    whole = build_graph(synthetic)
    small, _ = build_streamed(synthetic, tmp_path / "g.ttl", keep=site_claims)
    assert _site(small, tmp_path / "small") == _site(whole, tmp_path / "whole")
    if many:  # it holds only the claims the site draws
        assert 0 < _claims(small) < _claims(whole)
    else:
        assert _claims(small) == _claims(whole)
    without, _ = build_streamed(synthetic, tmp_path / "h.ttl")
    assert _claims(without) == 0


def test_the_smaller_graph_goes_on_disk_when_it_keeps_many_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, synthetic: Corpus
) -> None:
    monkeypatch.setattr(omsgraph.graph.streamed, "AUTO_DISK_CLAIMS", 10)  # every claim is kept here
    small, _ = build_streamed(synthetic, tmp_path / "g.ttl", keep=site_claims)
    assert small.store.on_disk
    assert _site(small, tmp_path / "small") == _site(build_graph(synthetic), tmp_path / "whole")


def test_an_index_without_claim_counts_scans_the_claims(
    monkeypatch: pytest.MonkeyPatch, synthetic: Corpus
) -> None:
    """A graph built before sources carried oms:claimCount (an old Turtle file, an old
    oxigraph:PATH store) still lists its sources."""
    monkeypatch.setattr(omsgraph.graph.conflicts, "EXEMPLARS", 2)
    monkeypatch.setattr(project_module, "EXEMPLAR_SOURCES", 5)
    graph = build_graph(synthetic)
    rows = views.site_index(graph)
    graph.remove((None, OMS.claimCount, None))
    assert views.site_index(graph) == rows and len(rows) > 10


def test_a_failing_build_leaves_the_old_turtle(
    synthetic: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.ttl"
    path.write_text("old\n", encoding="utf-8")

    def broken(_bounds: tuple[int, int]) -> tuple[bytes, int, bytes]:
        raise OSError("disk full")

    monkeypatch.setattr(omsgraph.parallel, "JOBS", 1)  # the patched function runs here
    monkeypatch.setattr(omsgraph.graph.streamed, "_claim_turtle", broken)
    with pytest.raises(OSError, match="disk full"):
        build_streamed(synthetic, path)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_auto_build_streams_above_the_threshold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    memory = runner.invoke(cli, ["--data", str(CORPUS_DATA), "build", "--out", str(tmp_path / "m")])
    monkeypatch.setattr(omsgraph.graph.streamed, "AUTO_CLAIMS", 1)
    auto = runner.invoke(
        cli, ["--data", str(CORPUS_DATA), "--store", "auto", "build", "--out", str(tmp_path / "a")]
    )
    assert memory.exit_code == auto.exit_code == 0, auto.output
    triples = _triples(tmp_path / "m" / "omsgraph.ttl")
    assert _triples(tmp_path / "a" / "omsgraph.ttl") == triples
    assert f"{len(triples)} triples ->" in auto.output
    pages = sorted(p.name for p in (tmp_path / "m").glob("*.html"))
    assert pages == sorted(p.name for p in (tmp_path / "a").glob("*.html")) and len(pages) > 4
    for name in pages:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "m" / name).read_bytes(), name
