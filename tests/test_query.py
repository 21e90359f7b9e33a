"""SPARQL: the named query library, query files and strings, result formats, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from omsgraph.claims import load_corpus
from omsgraph.query import QueryError, format_result, named_queries, resolve, run
from omsgraph.rdf import build_graph


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


def test_symptoms_counts_sources(graph) -> None:
    rows = [(str(r.symptom), int(r.sources)) for r in run(graph, resolve("symptoms"))]
    assert rows == [("myoclonus", 1), ("opsoclonus", 1)]


def test_source_query_needs_its_parameter(graph) -> None:
    assert len(list(run(graph, resolve("source"), {"file": "100_fixture.txt"}))) == 5
    assert list(run(graph, resolve("source"), {"file": "nope.txt"})) == []


def test_negated(graph) -> None:
    rows = list(run(graph, resolve("negated")))
    assert [str(r.object) for r in rows] == ["chemotherapy"]


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
    assert tsv[0].startswith("?treatment\t?source") and '"rituximab"@en' in tsv[-1]
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
