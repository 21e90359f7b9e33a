"""`omsgraph review`: decisions written atomically with time and reviewer; rejections and
edits remembered, so re-ingesting never brings back a rejected or corrected candidate."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from omsgraph.cli import cli
from omsgraph.corpus.claims import load_corpus
from omsgraph.curate.ingest import ingest
from omsgraph.curate.review import decide, review_items

ROOT = Path(__file__).resolve().parents[2]
NOTE = ROOT / "tests" / "fixtures" / "ingest" / "oms_note.txt"
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    ingest(NOTE, target)
    return target


def _run(data: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    assert result.exit_code == code, result.output
    return result.stdout if code == 0 else result.stderr


def _candidates(data: Path) -> dict[str, dict]:
    rows = json.loads(_run(data, "review", "list", "--format", "json"))
    return {f"{r['predicate']} {r['object']} {r['polarity']}": r for r in rows}


def _file(data: Path) -> Path:
    return next(p for p in sorted((data / "claims").glob("005_*.yaml")))


def test_accept_reject_edit_are_written_with_time_and_reviewer(data: Path) -> None:
    rows = _candidates(data)
    assert set(r["status"] for r in rows.values()) == {"candidate"} and len(rows) >= 8
    found = len(rows)  # the extractor may find more than these eight as it improves
    ataxia = rows["has_symptom ataxia affirmed"]["id"]
    chemo = rows["treated_by chemotherapy negated"]["id"]
    mri = rows["diagnosed_by mri affirmed"]["id"]  # a normal MRI: the test was done
    _run(data, "review", "accept", ataxia[:8], "--reviewer", "Ann Curator")
    _run(data, "review", "reject", chemo, "--reviewer", "Ann Curator", "--note", "too vague")
    _run(data, "review", "edit", mri, "--polarity", "negated", "--reviewer", "Bo")
    document = yaml.safe_load(_file(data).read_text())
    claims = {f"{c['predicate']} {c['object'].lower()}": c for c in document["claims"]}
    assert claims["has_symptom ataxia"]["status"] == "reviewed"
    assert claims["has_symptom ataxia"]["reviewer"] == "Ann Curator"
    assert datetime.fromisoformat(claims["has_symptom ataxia"]["reviewed_at"]).tzinfo
    assert claims["treated_by chemotherapy"]["status"] == "rejected"
    assert claims["treated_by chemotherapy"]["note"] == "too vague"
    assert claims["diagnosed_by magnetic resonance imaging"]["polarity"] == "negated"
    assert claims["diagnosed_by magnetic resonance imaging"]["status"] == "reviewed"
    assert len(_candidates(data)) == found - 3
    corpus = load_corpus(data)  # the file still loads
    assert sum(c.status.value == "rejected" for c in corpus.claims) == 1
    [row] = [r for r in json.loads(_run(data, "sources", "--format", "json"))
             if r["file"].startswith("005_")]  # fmt: skip
    assert row["claims"] == found - 1  # the rejected claim is not counted


def test_reingest_never_brings_back_rejected_or_corrected(data: Path) -> None:
    items = {f"{i.claim.predicate} {i.claim.object}": i for i in review_items(data)}
    neuro = items["has_cause neuroblastoma"].id
    chemo = items["treated_by chemotherapy"].id
    decide(data, [neuro], "edit", "Ann", {"predicate": "has_complication"}, now=NOW)
    decide(data, [chemo], "reject", "Ann", now=NOW)
    path = _file(data)
    document = yaml.safe_load(path.read_text())
    assert [(t["object"], t["decision"]) for t in document["tombstones"]] == [
        ("neuroblastoma", "edited"),
        ("chemotherapy", "rejected"),
    ]
    # the curator even deletes the rejected claim from the file
    document["claims"] = [c for c in document["claims"] if c["object"] != "chemotherapy"]
    path.write_text(yaml.safe_dump(document, sort_keys=False))
    [again] = ingest(NOTE, data)
    assert again.added == 0
    after = yaml.safe_load(path.read_text())
    objects = [(c["predicate"], c["object"]) for c in after["claims"]]
    assert ("has_cause", "neuroblastoma") not in objects
    assert ("has_complication", "neuroblastoma") in objects
    assert ("treated_by", "chemotherapy") not in objects
    assert len(after["tombstones"]) == 2


def test_a_decision_that_breaks_the_file_writes_nothing(data: Path) -> None:
    before = _file(data).read_bytes()
    some = _candidates(data)["has_symptom ataxia affirmed"]["id"]  # an entity-valued claim
    error = _run(data, "review", "edit", some, "--object", "no-such-drug", code=1)
    assert error.startswith("Error: ") and len(error.strip().splitlines()) == 1
    assert "unknown concept 'no-such-drug'" in error and "nothing written" in error
    error = _run(data, "review", "accept", "ffff0000ffff0000", code=1)
    assert "no claim 'ffff0000ffff0000'" in error
    error = _run(data, "review", "accept", "xyz", code=1)
    assert "is not a claim id" in error
    assert _file(data).read_bytes() == before
