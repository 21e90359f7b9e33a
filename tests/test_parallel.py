"""Large corpora on every core (omsgraph.parallel): the same results as one process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph
import pytest

import omsgraph.corpus.claims
import omsgraph.corpus.sources
import omsgraph.graph.store
import omsgraph.graph.streamed
import omsgraph.parallel
from omsgraph.corpus.claims import load_corpus
from omsgraph.errors import DataError
from omsgraph.graph.export import serialize
from omsgraph.graph.rdf import build_graph
from omsgraph.parallel import chunks, fork_map, shared

ROOT = Path(__file__).resolve().parent.parent


def _square_plus(x: int) -> int:
    if x == 7:
        raise DataError("seven is bad", "numbers.yaml", 7)
    return x * x + shared()


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every threshold at its lowest and two workers, so that tiny corpora fork."""
    monkeypatch.setattr("omsgraph.parallel.JOBS", 2)
    monkeypatch.setattr(omsgraph.corpus.sources, "PARALLEL_FILES", 1)
    monkeypatch.setattr(omsgraph.corpus.claims, "PARALLEL_FILES", 1)
    monkeypatch.setattr(omsgraph.graph.streamed, "PARALLEL_CLAIMS", 1)


def test_fork_map_keeps_order_and_shares_data() -> None:
    assert list(fork_map(_square_plus, range(7), 1, jobs=2)) == [x * x + 1 for x in range(7)]
    assert list(fork_map(_square_plus, range(7), 1, jobs=1)) == [x * x + 1 for x in range(7)]
    assert shared() is None


def test_a_worker_error_is_the_same_one_line_error() -> None:
    with pytest.raises(DataError) as caught:
        list(fork_map(_square_plus, range(10), 0, jobs=2))
    assert str(caught.value) == "numbers.yaml:7: seven is bad"
    assert (caught.value.path, caught.value.line) == ("numbers.yaml", 7)


def test_chunks_cover_every_item_once() -> None:
    items = list(range(1003))
    parts = chunks(items, 10)
    assert [x for part in parts for x in part] == items and max(map(len, parts)) <= 10


def test_parallel_load_is_the_sequential_load(parallel: None) -> None:
    for data in (ROOT / "data", ROOT / "tests" / "fixtures" / "data"):
        forked = load_corpus(data)
        with pytest.MonkeyPatch.context() as m:
            m.setattr(omsgraph.corpus.sources, "PARALLEL_FILES", 10**9)
            m.setattr(omsgraph.corpus.claims, "PARALLEL_FILES", 10**9)
            assert load_corpus(data) == forked


def test_parallel_load_reports_the_first_bad_file(parallel: None, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = sorted((data / "claims").glob("*.yaml"))[3]
    path.write_text(path.read_text(encoding="utf-8") + "  - [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{path}:\d+: "):
        load_corpus(data)


def _oxigraph_lines(ntriples: str) -> set[str]:
    """N-Triples as Oxigraph keeps them (xsd:nonNegativeInteger numbers become xsd:integer)."""
    store = pyoxigraph.Store()
    store.bulk_load(ntriples.encode(), pyoxigraph.RdfFormat.N_TRIPLES)
    dumped = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    return set(dumped.decode().splitlines())


def test_parallel_fill_has_the_triples_of_the_memory_build(parallel: None) -> None:
    corpus = load_corpus(ROOT / "data")
    graph = omsgraph.graph.store.oxigraph_graph(pyoxigraph.Store())
    omsgraph.graph.streamed.fill(graph, corpus)
    memory = build_graph(corpus)
    assert len(graph) == len(memory)
    assert _oxigraph_lines(serialize(graph, "ntriples")) == _oxigraph_lines(
        serialize(memory, "ntriples")
    )


def _pid(_item: int) -> int:
    return os.getpid()


def test_the_workers_are_other_processes() -> None:
    assert os.getpid() not in set(fork_map(_pid, range(8), jobs=2))


def test_load_and_fill_use_the_workers(parallel: None, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = omsgraph.parallel.fork_map

    def spy(function, items, data=None, jobs=None):  # noqa: ANN001, ANN202
        calls.append(function.__name__)
        return real(function, items, data, jobs)

    monkeypatch.setattr(omsgraph.parallel, "fork_map", spy)
    corpus = load_corpus(ROOT / "data")
    omsgraph.graph.streamed.fill(omsgraph.graph.store.oxigraph_graph(pyoxigraph.Store()), corpus)
    assert calls == ["_load_sources", "_load_claims", "_claim_ntriples"]


def test_prefetch_takes_missing_and_unreadable_paths(tmp_path: Path) -> None:
    from omsgraph.parallel import prefetch

    (tmp_path / "a.txt").write_text("text")
    prefetch([tmp_path / "a.txt", tmp_path / "missing.txt", tmp_path])
    assert (tmp_path / "a.txt").read_text() == "text"
