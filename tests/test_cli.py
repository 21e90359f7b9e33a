"""The command line: every command documented, output per format, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from omsgraph.cli import cli


def invoke(data_dir: Path, *args: str):
    return CliRunner().invoke(cli, ["--data", str(data_dir), *args], catch_exceptions=False)


def test_every_command_has_help_with_an_example() -> None:
    for name, command in cli.commands.items():
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and "omsgraph" in command.help, f"{name} has no example"


def test_build_writes_turtle_and_view(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(data_dir, "build", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "omsgraph.ttl").read_text().startswith("@prefix")
    assert "<html" in (out / "omsgraph.html").read_text().lower()
    assert "1 sources, 5 concepts, 5 claims" in result.stderr


def test_claims_jsonl_is_the_interchange_format(data_dir: Path) -> None:
    result = invoke(data_dir, "claims", "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    required = {
        "source",
        "subject",
        "predicate",
        "object",
        "quote",
        "polarity",
        "certainty",
        "population",
        "qualifier",
        "start",
        "end",
        "object_id",
        "object_synonyms",
        "method",
        "confidence",
    }
    text = (data_dir / "sources" / "100_fixture.txt").read_text()
    for record in records:
        assert required <= set(record)
        assert text[record["start"] : record["end"]] == record["quote"]
    rituximab = next(r for r in records if r["object"] == "rituximab")
    assert rituximab["object_id"] == "omse:rituximab"
    assert rituximab["object_synonyms"] == ["Rituxan"]
    assert rituximab["subject"] == "opsoclonus-myoclonus syndrome"


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_sources_formats(data_dir: Path, fmt: str) -> None:
    result = invoke(data_dir, "sources", "--format", fmt)
    assert result.exit_code == 0
    assert "100_fixture.txt" in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)[0]["claims"] == 5


def test_query_exit_codes(data_dir: Path) -> None:
    ok = invoke(data_dir, "query", "treatments", "--format", "json")
    assert ok.exit_code == 0 and json.loads(ok.stdout)["results"]["bindings"]
    bad = invoke(data_dir, "query", "SELECT ?x WHERE { ?x ?y }")
    assert bad.exit_code == 2
    assert bad.stderr.strip() == (
        "Error: syntax error at line 1, column 19: Expected SelectQuery, found '?'"
    )
    update = invoke(data_dir, "query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert update.exit_code == 2 and "read-only" in update.stderr
    listed = invoke(data_dir, "query", "--list")
    assert "treatments" in listed.stdout and "parameters: file" in listed.stdout
    assert invoke(data_dir, "query", "source", "-p", "nonsense").exit_code == 2


def test_bad_data_is_one_line_exit_1(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert invoke(data_dir, "build", "--out", str(out)).exit_code == 0
    before = (out / "omsgraph.ttl").read_bytes()
    path = data_dir / "claims" / "100_fixture.yaml"
    path.write_text(path.read_text().replace("It is often treated with", "It is treated with"))
    result = invoke(data_dir, "build", "--out", str(out))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "100_fixture.yaml:13: quote not found" in lines[0]
    assert "Traceback" not in result.output
    assert (out / "omsgraph.ttl").read_bytes() == before  # the earlier output is intact


def test_validate_and_export(data_dir: Path, tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    result = invoke(data_dir, "--ontology", str(root / "ontology"), "validate")
    assert result.exit_code == 0, result.output
    ttl = tmp_path / "g.ttl"
    assert invoke(data_dir, "export", "--format", "turtle", "-o", str(ttl)).exit_code == 0
    nt = invoke(data_dir, "export", "--format", "ntriples", "--graph", str(ttl))
    assert nt.exit_code == 0 and nt.stdout.count("\n") > 100
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix x: <urn:x#> .\nx:a x:b \n")
    result = invoke(data_dir, "query", "treatments", "--graph", str(broken))
    assert result.exit_code == 1 and "broken.ttl: invalid Turtle" in result.stderr


def test_stats(data_dir: Path) -> None:
    rows = json.loads(invoke(data_dir, "stats", "--format", "json").stdout)
    counts = {(r["what"], r["key"]): r["count"] for r in rows}
    assert counts[("claims", "")] == 5 and counts[("claims by relation", "treated_by")] == 2


def test_real_subprocess() -> None:
    """Once as a real process: the console entry point and python -m agree."""
    result = subprocess.run(
        [sys.executable, "-m", "omsgraph", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("omsgraph, version")
    bad = subprocess.run(
        [sys.executable, "-m", "omsgraph", "--data", "/nonexistent", "sources"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.strip() == "Error: /nonexistent/sources: no such directory"


def test_validate_reports_violations_readably(data_dir: Path, tmp_path: Path) -> None:
    from omsgraph.corpus.claims import load_corpus
    from omsgraph.graph.export import serialize
    from omsgraph.graph.namespaces import OMSS, PROV
    from omsgraph.graph.rdf import build_graph

    graph = build_graph(load_corpus(data_dir))
    claim = sorted(graph.subjects(PROV.wasDerivedFrom, None))[0]
    graph.add((claim, PROV.wasDerivedFrom, OMSS["elsewhere"]))
    path = tmp_path / "bad.ttl"
    path.write_text(serialize(graph, "turtle"))
    root = Path(__file__).resolve().parent.parent
    result = invoke(
        data_dir, "--ontology", str(root / "ontology"), "validate", "--graph", str(path)
    )
    assert result.exit_code == 1
    assert "claim has more than one source" in result.stdout
    assert "oms:hasEvidence/oa:hasSource" in result.stdout
    assert result.stderr.strip().startswith("Error: does not conform:")
