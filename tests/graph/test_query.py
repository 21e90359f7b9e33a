"""SPARQL: the named query library, query files and strings, result formats, errors."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

import omsgraph.graph.conflicts
from omsgraph.corpus.claims import load_corpus
from omsgraph.graph.namespaces import OMS, RDF
from omsgraph.graph.query import QueryError, format_result, named_queries, resolve, run
from omsgraph.graph.rdf import build_graph
from omsgraph.graph.store import open_graph

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def graph(data_dir: Path):
    return build_graph(load_corpus(data_dir))


def test_every_named_query_has_a_header_and_runs(graph) -> None:
    library = named_queries()
    assert {"treatments", "symptoms", "source", "negated"} <= set(library)
    for named in library.values():
        assert named.description, named.name
        if named.name == "conflicts":  # one fixture source cannot disagree with itself;
            continue  # tests/test_conflicts.py runs it on the corpus
        rows = list(run(graph, named.text, {"file": "100_fixture.txt"}))
        assert rows, f"{named.name} returned nothing on the fixture"


def test_treatments_lists_sources_and_quotes(graph) -> None:
    rows = {str(r.treatment): r for r in run(graph, resolve("treatments"))}
    assert set(rows) == {"rituximab", "chemotherapy"}
    assert str(rows["rituximab"].quote) == "It is often treated with rituximab."
    assert str(rows["rituximab"].certainty) == "hedged"
    assert str(rows["chemotherapy"].polarity) == "negated"
    assert (int(rows["chemotherapy"].sources), int(rows["chemotherapy"].claims)) == (1, 1)


def test_symptoms_counts_sources(graph) -> None:
    rows = [(str(r.symptom), int(r.sources)) for r in run(graph, resolve("symptoms"))]
    assert rows == [("myoclonus", 1), ("opsoclonus", 1)]


def test_source_query_needs_its_parameter(graph) -> None:
    assert len(list(run(graph, resolve("source"), {"file": "100_fixture.txt"}))) == 5
    assert list(run(graph, resolve("source"), {"file": "nope.txt"})) == []


def test_negated(graph) -> None:
    rows = list(run(graph, resolve("negated")))
    assert [str(r.object) for r in rows] == ["chemotherapy"]
    assert (int(rows[0].sources), int(rows[0].claims)) == (1, 1)


def test_relations_and_consensus_count_claims(graph) -> None:
    rows = [tuple(map(str, r)) for r in run(graph, resolve("relations"))]
    assert rows == [
        ("has symptom", "affirmed", "2", "1"),
        ("epidemiology", "affirmed", "1", "1"),
        ("treated by", "affirmed", "1", "1"),
        ("treated by", "negated", "1", "1"),
    ]
    assert sorted(int(r.claims) for r in run(graph, resolve("consensus"))) == [1, 1, 1, 1, 1]


def test_formats(graph) -> None:
    result = run(graph, resolve("treatments"))
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"][0] == "treatment"
    assert {b["treatment"]["value"] for b in data["results"]["bindings"]} == {
        "rituximab",
        "chemotherapy",
    }
    table = list(csv.reader(io.StringIO(format_result(run(graph, resolve("treatments")), "csv"))))
    assert table[0][:2] == ["treatment", "source"] and len(table) == 3
    tsv = format_result(run(graph, resolve("treatments")), "tsv").splitlines()
    assert tsv[0].startswith("?treatment\t?source") and '"rituximab"@en' in tsv[1]
    text = format_result(run(graph, resolve("treatments")), "table")
    assert text.splitlines()[0].split()[:2] == ["treatment", "source"]
    ask = run(graph, "ASK { ?s ?p ?o }")
    assert format_result(ask, "table") == "true\n"


def test_query_from_file(tmp_path: Path, graph) -> None:
    path = tmp_path / "count.rq"
    path.write_text(
        "PREFIX oms: <https://w3id.org/omsgraph/ontology#>\n"
        "SELECT (COUNT(*) AS ?n) WHERE { ?s a oms:Claim }"
    )
    assert int(next(iter(run(graph, resolve(str(path))))).n) == 5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT ?x WHERE { ?x ?y }", "syntax error at line 1, column 19"),
        ("SELECT ?x\nWHERE { ?x ?y ?z . FILTER(?x = ) }", "line 2"),
        ("SELECT ?x WHERE { ?x foo:bar ?z }", "Unknown namespace prefix"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "read-only"),
        ("DELETE WHERE { ?s ?p ?o }", "read-only"),
    ],
)
def test_bad_queries(graph, text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        run(graph, resolve(text))


def test_unknown_name_is_not_sparql() -> None:
    with pytest.raises(QueryError, match="not a named query"):
        resolve("treatmentz")


# --- at scale: the named queries read counts and exemplars, never every claim -------------


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory):
    """60 synthetic documents (bench/corpus.py): statements of dozens of claims each."""
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("synthetic")
    module.write_corpus(out, 60, seed=5)
    return load_corpus(out)


def _answers(graph: Graph, bindings: dict[str, str]) -> dict[str, str]:
    return {
        name: format_result(
            run(graph, named.text, {p: bindings[p] for p in named.parameters}), "csv"
        )
        for name, named in named_queries().items()
    }


def test_named_queries_read_only_counts_and_exemplars(
    synthetic, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every claim that is no exemplar deleted, every named query but ``source`` (which reads
    one source's claims) answers exactly as before."""
    monkeypatch.setattr(omsgraph.graph.conflicts, "EXEMPLARS", 1)
    graph = build_graph(synthetic)
    before = _answers(graph, {"file": synthetic.sources[0].file})
    exemplars = set(graph.objects(None, OMS.exemplar))
    dropped = set(graph.subjects(RDF.type, OMS.Claim)) - exemplars
    assert len(dropped) > len(exemplars)
    for claim in dropped:
        parts = [URIRef(f"{claim}-{part}") for part in ("evidence", "quote", "position")]
        for node in (claim, *parts):
            graph.remove((node, None, None))
            graph.remove((None, None, node))
    after = _answers(graph, {"file": synthetic.sources[0].file})
    for name in before:
        if name != "source":
            assert after[name] == before[name], name
    assert after["source"] != before["source"]


def test_named_queries_are_capped_and_agree_on_memory_and_oxigraph(
    synthetic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(omsgraph.graph.conflicts, "EXEMPLARS", 3)
    graph = build_graph(synthetic)
    stored = open_graph(f"oxigraph:{tmp_path / 'db'}", build=lambda: graph)
    bindings = {"file": synthetic.sources[7].file}
    memory, oxigraph = _answers(graph, bindings), _answers(stored, bindings)
    stored.close()
    assert memory == oxigraph
    tables = {name: list(csv.DictReader(io.StringIO(text))) for name, text in memory.items()}
    supports = len(set(graph.subjects(RDF.type, OMS.Support)))
    treated = {r["treatment"] for r in tables["treatments"]}
    assert len(tables["treatments"]) <= 2 * 3 * len(treated)
    assert len(tables["negated"]) <= 3 * supports
    assert len(tables["conflicts"]) <= 3 * len({r["conflict"] for r in tables["conflicts"]})
    # the counts say how many more there are
    shown = {}
    for row in tables["treatments"]:
        key = (row["treatment"], row["polarity"])
        shown[key] = shown.get(key, 0) + 1
        assert int(row["claims"]) >= int(row["sources"]) >= 1
    totals = {(r["treatment"], r["polarity"]): int(r["claims"]) for r in tables["treatments"]}
    assert all(shown[k] == min(3, totals[k]) for k in shown)
    assert any(totals[k] > shown[k] for k in shown)
    claims = len(synthetic.claims)
    assert sum(int(r["claims"]) for r in tables["relations"]) == claims
    assert sum(int(r["claims"]) for r in tables["consensus"]) == claims
    assert all(len(r["files"].split()) <= 3 for r in tables["symptoms"])


def test_treatments_most_supported_first(corpus_graph) -> None:
    """`query treatments` answers "what is most supported" itself: by affirming sources."""
    rows = list(run(corpus_graph, resolve("treatments")))
    support = {}
    for row in rows:
        if str(row.polarity) == "affirmed":
            support.setdefault(str(row.treatment), int(row.sources))
    order = list(dict.fromkeys(str(r.treatment) for r in rows))
    ranked = [t for t in order if t in support]
    assert [support[t] for t in ranked] == sorted(support.values(), reverse=True)
    assert support[ranked[0]] >= 3 and ranked != sorted(ranked)


def test_the_example_queries_of_the_docs_run(corpus) -> None:
    """docs/queries.md: every example runs on the built graph and (but the one about
    unreviewed claims, which the five sources do not have) answers something."""
    import re

    from omsgraph.graph.mappings import load_mappings
    from omsgraph.graph.rdf import build_graph

    root = Path(__file__).resolve().parents[2]
    mappings = load_mappings(root / "ontology" / "mappings.sssom.tsv")
    corpus_graph = build_graph(corpus, mappings=mappings)
    text = (root / "docs" / "queries.md").read_text("utf-8")
    prefixes, *examples = re.findall(r"```sparql\n(.*?)```", text, re.DOTALL)
    assert len(examples) >= 6
    for example in examples:
        rows = list(run(corpus_graph, prefixes + example))
        assert rows or "oms:Candidate" in example, example
