"""Proposed concepts: accepted into the vocabulary with an ontology ID (a mapping), their
sentence a candidate claim; or rejected; a clash writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from omsgraph.cli import cli
from omsgraph.corpus.claims import load_corpus
from omsgraph.curate.ingest import ingest

ROOT = Path(__file__).resolve().parents[2]
NOTE = ROOT / "tests" / "fixtures" / "ingest" / "oms_note.txt"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for part in ("data", "ontology"):
        shutil.copytree(ROOT / part, tmp_path / part)
    ingest(NOTE, tmp_path / "data")
    return tmp_path


def _run(project: Path, *args: str, code: int = 0) -> str:
    options = ["--data", str(project / "data"), "--ontology", str(project / "ontology")]
    result = CliRunner().invoke(cli, [*options, *args])
    assert result.exit_code == code, result.output
    return result.stdout if code == 0 else result.stderr


def test_accept_a_proposed_concept_with_its_ontology_id(project: Path) -> None:
    assert "ofatumumab" in _run(project, "review", "proposals")
    _run(project, "review", "concept", "ofatumumab", "--accept", "--ontology-id", "MESH:C527517",
         "--reviewer", "Ann")  # fmt: skip
    corpus = load_corpus(project / "data")
    assert corpus.vocabulary.concepts["ofatumumab"].type == "drug"
    [claim] = [c for c in corpus.claims if c.object == "ofatumumab"]
    assert claim.status.value == "candidate" and claim.predicate == "treated_by"
    mapping = (project / "ontology" / "mappings.sssom.tsv").read_text().splitlines()[-1]
    assert mapping.startswith("omse:ofatumumab\tofatumumab\tskos:exactMatch\tMESH:C527517")
    claims = yaml.safe_load(next((project / "data" / "claims").glob("005_*.yaml")).read_text())
    [proposal] = claims["proposed_concepts"]
    assert (proposal["status"], proposal["concept"], proposal["reviewer"]) == (
        "accepted", "ofatumumab", "Ann",
    )  # fmt: skip
    assert _run(project, "build", "--no-view", "--out", str(project / "out")) == ""
    error = _run(project, "review", "concept", "ofatumumab", "--accept", code=1)
    assert "duplicate concept id 'ofatumumab'" in error and "nothing written" in error


def test_reject_and_bad_ids(project: Path) -> None:
    before = (project / "data" / "vocabulary.yaml").read_bytes()
    error = _run(project, "review", "concept", "ofatumumab", "--accept", "--ontology-id", "XX:1",
                 code=1)  # fmt: skip
    assert "prefix 'XX' of 'XX:1' is not in its curie_map" in error
    assert "no proposed concept 'nothing'" in _run(
        project, "review", "concept", "nothing", "--reject", code=1
    )
    _run(project, "review", "concept", "ofatumumab", "--reject")
    assert (project / "data" / "vocabulary.yaml").read_bytes() == before
    assert "rejected" in _run(project, "review", "proposals")
