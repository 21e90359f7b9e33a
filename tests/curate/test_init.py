"""`omsgraph init DIR`: a project for OMS (with the five example sources) or for any other
condition, which `build` then builds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from omsgraph.cli import cli
from omsgraph.graph.validate import load_ontology, validate

NMOSD = "neuromyelitis optica spectrum disorder"


def _run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, result.output
    return result.stderr


def test_init_oms_then_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _run("init", str(tmp_path / "oms"))
    monkeypatch.chdir(tmp_path / "oms")
    assert len(list(Path("data/sources").glob("*.txt"))) == 5
    assert Path("queries/example.rq").is_file() and Path("ontology/shapes.ttl").is_file()
    message = _run("build", "--no-view")
    concepts = len(yaml.safe_load(Path("data/vocabulary.yaml").read_text())["concepts"])
    assert concepts > 100  # the checkout's vocabulary, not a stub
    assert message.startswith(f"5 sources, {concepts} concepts, 253 claims")
    result = CliRunner().invoke(cli, ["query", "queries/example.rq", "--format", "json"])
    assert result.exit_code == 0 and "ReviewEvidence" in result.stdout


def test_init_new_condition_then_ingest_and_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "nmosd"
    _run("init", str(project), "--condition", NMOSD, "--synonym", "NMOSD", "--synonym",
         "Devic disease", "--mondo", "MONDO:0019100")  # fmt: skip
    monkeypatch.chdir(project)
    vocabulary = yaml.safe_load(Path("data/vocabulary.yaml").read_text())
    [condition] = vocabulary["concepts"]
    assert condition == {
        "id": "neuromyelitis-optica-spectrum-disorder",
        "label": NMOSD,
        "type": "condition",
        "synonyms": ["NMOSD", "Devic disease"],
    }
    assert "MONDO:0019100" in Path("ontology/mappings.sssom.tsv").read_text()
    assert list(Path("data/sources").iterdir()) == []
    assert _run("build", "--no-view").startswith("0 sources, 1 concepts, 0 claims")
    vocabulary["concepts"].append({"id": "rituximab", "label": "rituximab", "type": "drug"})
    Path("data/vocabulary.yaml").write_text(yaml.safe_dump(vocabulary))
    paper = tmp_path / "paper.txt"
    paper.write_text(
        f"NMOSD treatment\n\n{NMOSD.capitalize()} (NMOSD) is treated with rituximab.\n"
    )
    _run("ingest", str(paper))
    assert _run("build").startswith("1 sources, 2 concepts, 1 claims")
    graph = load_ontology(Path("out/omsgraph.ttl"))
    text = Path("out/omsgraph.ttl").read_text()
    assert "MONDO_0019100" in text and "omse:neuromyelitis-optica-spectrum-disorder" in text
    shapes, ontology = (
        load_ontology(Path("ontology/shapes.ttl")),
        load_ontology(Path("ontology/omsgraph.ttl")),
    )
    assert validate(graph, shapes, ontology)[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mondo", "MONDO:12"], "'MONDO:12' is not a MONDO ID"),
        (["--condition", NMOSD, "--examples"], "the example sources are about"),
        (["--condition", "!!!"], "has no letters or digits"),
    ],
)
def test_init_refuses_bad_input(tmp_path: Path, args: list[str], message: str) -> None:
    error = _run("init", str(tmp_path / "p"), *args, code=1)
    assert message in error and len(error.strip().splitlines()) == 1
    assert not (tmp_path / "p").exists() and list(tmp_path.iterdir()) == []


def test_init_refuses_a_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "keep.txt").write_text("mine")
    error = _run("init", str(tmp_path / "p"), code=1)
    assert "exists and is not an empty directory" in error
    assert [p.name for p in (tmp_path / "p").iterdir()] == ["keep.txt"]
