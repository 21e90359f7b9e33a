"""Metadata out and evidence levels: `sources` gives each source's full record, every source
has an evidence level (in its YAML and in the graph, valid under the shapes), `conflicts`
and `sources` filter by it, and counts leave out rejected claims."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from omsgraph.cli import cli
from omsgraph.corpus.claims import load_corpus
from omsgraph.graph.namespaces import OMS
from omsgraph.graph.rdf import build_graph
from omsgraph.graph.validate import load_ontology, validate
from tests.extract.test_readers import _pubmed_set

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _run(data: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_sources_json_gives_the_full_record(data: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.xml"
    export.write_text(_pubmed_set(2).replace("Journal Article", "Case Reports"), "utf-8")
    _run(data, "ingest", str(export))
    records = json.loads(_run(data, "sources", "--format", "json"))
    new = records[-1]
    assert new["authors"] == ["Ann Doe", "Bob Roe", "OMS Study Group"]
    assert new["year"] == 2020 and new["container"] == "Journal of Invented Neurology"
    assert new["pmid"] == "10000001" and new["doi"] == "10.9999/jin.10000001"
    assert new["url"] == "https://pubmed.ncbi.nlm.nih.gov/10000001/"
    assert new["publication_types"] == ["Case Reports"] and new["evidence_level"] == "cohort"
    assert [r["evidence_level"] for r in records[:5]] == [
        "review", "blog", "patient-page", "encyclopedia", "encyclopedia",
    ]  # fmt: skip
    csv = _run(data, "sources", "--format", "csv").splitlines()
    assert "evidence_level" in csv[0] and "Ann Doe; Bob Roe; OMS Study Group" in csv[-1]
    strong = json.loads(_run(data, "sources", "--format", "json", "--min-evidence", "cohort"))
    assert [r["evidence_level"] for r in strong] == ["review", "cohort", "cohort"]


def test_evidence_level_in_the_graph_is_checked_by_the_shapes(data: Path) -> None:
    graph = build_graph(load_corpus(data))
    levels = {str(o).rsplit("#", 1)[1] for o in graph.objects(None, OMS.evidenceLevel)}
    assert levels == {"ReviewEvidence", "BlogEvidence", "PatientPageEvidence",
                      "EncyclopediaEvidence"}  # fmt: skip
    shapes = load_ontology(ROOT / "ontology" / "shapes.ttl")
    ontology = load_ontology(ROOT / "ontology" / "omsgraph.ttl")
    source = next(graph.subjects(OMS.evidenceLevel, OMS.ReviewEvidence))
    graph.add((source, OMS.evidenceLevel, OMS.BlogEvidence))  # two levels: the one violation
    conforms, violations = validate(graph, shapes, ontology)
    assert not conforms and violations
    assert all("evidence level" in str(v) for v in violations), violations


def test_unknown_evidence_level_is_one_line(data: Path) -> None:
    meta = data / "sources" / "001_b6b7489bf63055b9.yaml"
    meta.write_text(meta.read_text().replace("evidence_level: blog", "evidence_level: gossip"))
    result = CliRunner().invoke(cli, ["--data", str(data), "sources"])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("unknown evidence_level 'gossip'; use one of "
                                          "guideline, systematic-review, trial, review, cohort, "
                                          "case-series, case-report, article, encyclopedia, "
                                          "patient-page, blog")  # fmt: skip
    assert len(result.stderr.strip().splitlines()) == 1


def test_conflicts_filter_by_evidence(data: Path) -> None:
    everything = json.loads(_run(data, "conflicts", "--format", "json"))
    pages_up = json.loads(_run(data, "conflicts", "--format", "json", "--min-evidence",
                               "patient-page"))  # fmt: skip
    reviews = json.loads(_run(data, "conflicts", "--format", "json", "--min-evidence", "review"))
    assert len(everything) > len(pages_up) >= 0 and reviews == []
    quoted = json.dumps(pages_up)
    assert "001_b6b7489bf63055b9.txt" not in quoted  # the blog's claims are left out


def test_counts_leave_out_rejected_claims(data: Path, tmp_path: Path) -> None:
    path = data / "claims" / "001_b6b7489bf63055b9.yaml"
    text = path.read_text()
    assert text.count("status: reviewed") >= 2
    path.write_text(text.replace("status: reviewed", "status: rejected", 2))
    [row] = [r for r in json.loads(_run(data, "sources", "--format", "json")) if
             r["file"] == "001_b6b7489bf63055b9.txt"]  # fmt: skip
    assert row["claims"] == 55
    result = CliRunner().invoke(cli, ["--data", str(data), "build", "--no-view", "--out",
                                      str(tmp_path / "out")])  # fmt: skip
    assert result.exit_code == 0 and "251 claims" in result.stderr
