"""`extract` and `evaluate` work from any directory: the package ships its vocabulary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from omsgraph.corpus.vocabulary import default_vocabulary_path, load_vocabulary

TEXT = (
    "Opsoclonus-myoclonus syndrome is rare. Children present with opsoclonus and ataxia. "
    "It is treated with rituximab.\n"
)


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OMSGRAPH_")}
    return subprocess.run(
        [sys.executable, "-m", "omsgraph", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_default_vocabulary_is_the_projects() -> None:
    vocabulary = load_vocabulary(default_vocabulary_path())
    assert vocabulary.resolve("opsoclonus-myoclonus syndrome") is not None


def test_extract_and_evaluate_outside_a_project(tmp_path: Path) -> None:
    """No data/ here: the shipped vocabulary is used, and claims come out."""
    (tmp_path / "note.txt").write_text(TEXT, encoding="utf-8")
    result = _run(tmp_path, "extract", "note.txt")
    assert result.returncode == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    found = {(c["predicate"], c["object"]) for c in claims}
    assert ("has_symptom", "opsoclonus") in found and ("treated_by", "rituximab") in found
    gold = tmp_path / "gold.jsonl"
    gold.write_text(result.stdout, encoding="utf-8")
    scored = _run(tmp_path, "evaluate", "gold.jsonl", "--sources", ".", "--format", "json")
    assert scored.returncode == 0, scored.stderr
    assert json.loads(scored.stdout)["entity"]["recall"] == 1.0


def test_a_data_directory_given_must_exist(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(TEXT, encoding="utf-8")
    result = _run(tmp_path, "--data", "nowhere", "extract", "note.txt")
    assert result.returncode == 1 and "nowhere/vocabulary.yaml" in result.stderr
    assert "Traceback" not in result.stderr
