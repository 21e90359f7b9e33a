"""The curation loop: ingest writes a source and candidate claims, and never undoes curation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from omsgraph.cli import cli
from omsgraph.corpus.claims import load_corpus
from omsgraph.curate.ingest import ingest
from omsgraph.errors import DataError
from omsgraph.graph.rdf import build_graph

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the real data directory, which ingest may write into."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _claims(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["oms_note.txt", "oms_page.html", "oms_pubmed.xml"])
def test_ingest_writes_source_and_candidates_that_build(data: Path, name: str) -> None:
    [result] = ingest(FIXTURES / name, data)
    assert result.new_source and result.added > 0 and result.kept == 0
    assert result.source.startswith("005_")
    assert (data / "sources" / result.source).is_file()
    meta = yaml.safe_load((data / "sources" / result.source.replace(".txt", ".yaml")).read_text())
    assert meta["file"] == result.source and meta["title"]
    claims = _claims(data / "claims" / result.source.replace(".txt", ".yaml"))
    assert claims["source"] == result.source
    assert {c["status"] for c in claims["claims"]} == {"candidate"}
    assert {c["method"] for c in claims["claims"]} == {"automatic"}
    corpus = load_corpus(data)  # the written files load: quotes anchor, objects resolve
    new = [c for c in corpus.claims if c.source == result.source]
    assert len(new) == result.added
    full = len(build_graph(corpus))
    assert len(build_graph(corpus, reviewed_only=True)) < full


def test_pubmed_metadata_lands_in_the_source_record(data: Path) -> None:
    [result] = ingest(FIXTURES / "oms_pubmed.xml", data)
    meta = yaml.safe_load((data / "sources" / result.source.replace(".txt", ".yaml")).read_text())
    assert meta["kind"] == "journal-abstract"
    assert meta["pmid"] == "99999901" and meta["doi"] == "10.9999/jin.2021.001"
    assert meta["authors"] == ["Ann Doe", "Bob Roe"] and meta["date"] == "2021"


def test_unknown_concepts_are_proposed_for_review(data: Path) -> None:
    [result] = ingest(FIXTURES / "oms_note.txt", data)
    claims = _claims(data / "claims" / result.source.replace(".txt", ".yaml"))
    assert [p["name"] for p in claims["proposed_concepts"]] == ["ofatumumab"]
    assert claims["proposed_concepts"][0]["status"] == "candidate"


def test_reingest_never_duplicates_nor_overrides_curators(data: Path) -> None:
    [first] = ingest(FIXTURES / "oms_note.txt", data)
    path = data / "claims" / first.source.replace(".txt", ".yaml")
    content = _claims(path)
    content["claims"][0]["status"] = "rejected"
    content["claims"][1]["status"] = "reviewed"
    content["claims"][1]["certainty"] = "hedged"
    removed = content["claims"].pop()  # a claim the curator deleted comes back as candidate
    path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    [second] = ingest(FIXTURES / "oms_note.txt", data)
    assert second.source == first.source and not second.new_source
    assert second.added == 1 and second.kept == first.added - 1
    again = _claims(path)["claims"]
    assert again[0]["status"] == "rejected"
    assert again[1]["status"] == "reviewed" and again[1]["certainty"] == "hedged"
    assert again[-1]["object"] == removed["object"]
    assert len(again) == first.added
    [third] = ingest(FIXTURES / "oms_note.txt", data)
    assert third.added == 0 and len(_claims(path)["claims"]) == first.added


def test_unreadable_input_writes_nothing(data: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in (data / "sources").iterdir())
    empty = tmp_path / "empty.html"
    empty.write_text("<html><nav>Home</nav></html>")
    with pytest.raises(DataError, match="no readable text"):
        ingest(empty, data)
    assert sorted(p.name for p in (data / "sources").iterdir()) == before


def test_cli_ingest(data: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["--data", str(data), "ingest", str(FIXTURES / "oms_page.html")])
    assert result.exit_code == 0, result.output
    assert "new source" in result.output and "new candidate claims" in result.output
    result = runner.invoke(cli, ["--data", str(data), "ingest", str(FIXTURES / "oms_page.html")])
    assert "(known source): 0 new candidate claims" in result.output
    result = runner.invoke(cli, ["--data", str(data), "ingest", str(data / "missing.txt")])
    assert result.exit_code == 2


def test_ingesting_a_known_text_adds_candidates_beside_curated_claims(data: Path) -> None:
    name = "001_b6b7489bf63055b9.txt"
    path = data / "claims" / name.replace(".txt", ".yaml")
    path.write_text("# curator's note\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    curated = _claims(path)["claims"]
    [result] = ingest(data / "sources" / name, data)
    assert result.added > 0
    assert path.read_text(encoding="utf-8").startswith(before)  # appended: comments survive
    assert result.source == name and not result.new_source
    after = _claims(data / "claims" / name.replace(".txt", ".yaml"))["claims"]
    assert after[: len(curated)] == curated  # the curated claims, untouched and first
    assert {c["status"] for c in after[len(curated) :]} <= {"candidate"}
    load_corpus(data)


def test_one_quote_never_gives_a_claim_twice(data: Path, tmp_path: Path) -> None:
    """A quote read both ways (the extractor joins "Coxsackie B." to the next sentence as if
    "B." were an initial) must not give two claims the loader takes for one."""
    page = tmp_path / "note.txt"
    page.write_text(
        "Opsoclonus-myoclonus syndrome\n\nSome cases follow Coxsackie B. OMS is not caused by "
        "Coxsackie B virus infection.\n",
        encoding="utf-8",
    )
    [result] = ingest(page, data)
    claims = _claims(data / "claims" / result.source.replace(".txt", ".yaml"))["claims"]
    keys = [(c["predicate"], c["object"], c["quote"]) for c in claims]
    assert len(keys) == len(set(keys)) and result.added >= 1
    load_corpus(data)


def test_a_directory_stands_for_its_files_in_name_order(data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    (folder / "nested").mkdir(parents=True)
    for name in ("oms_pubmed.xml", "oms_note.txt", "oms_page.html"):
        shutil.copy(FIXTURES / name, folder / name)
    (folder / ".hidden.txt").write_text("Opsoclonus-myoclonus syndrome is treated with ACTH.\n")
    shutil.copy(FIXTURES / "oms_note.txt", folder / "nested" / "other.txt")
    runner = CliRunner()
    result = runner.invoke(cli, ["--data", str(data), "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 3 and all("(new source)" in line for line in lines)
    one_by_one = [
        runner.invoke(cli, ["--data", str(data), "ingest", str(folder / n)]).output
        for n in ("oms_note.txt", "oms_page.html", "oms_pubmed.xml")
    ]
    assert [o.split(" ")[0] for o in one_by_one] == [line.split(" ")[0] for line in lines]
    (tmp_path / "empty").mkdir()
    empty = runner.invoke(cli, ["--data", str(data), "ingest", str(tmp_path / "empty")])
    assert empty.exit_code == 2 and "holds no files" in empty.output
