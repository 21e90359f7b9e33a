"""Ingest of the new formats: a JATS article's claims carry the reference their sentence
cites; a generated PubMed set of 1,000 records becomes 1,000 sources with their metadata."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import yaml

from omsgraph.corpus.claims import load_corpus
from omsgraph.curate.ingest import ingest, ingest_files
from tests.extract.test_readers import JATS, _pubmed_set

ROOT = Path(__file__).resolve().parents[2]


def _data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def test_jats_claims_carry_the_cited_reference(tmp_path: Path) -> None:
    data = _data(tmp_path)
    article = tmp_path / "article.xml"
    article.write_text(JATS, encoding="utf-8")
    [result] = ingest(article, data)
    meta = yaml.safe_load((data / "sources" / f"{result.source[:-4]}.yaml").read_text())
    assert meta["references"][0] == {
        "number": 1,
        "citation": meta["references"][0]["citation"],
        "pmid": "23622330",
    }
    assert meta["evidence_level"] == "review" and meta["publication_types"] == ["Review"]
    corpus = load_corpus(data)
    new = [c for c in corpus.claims if c.source == result.source]
    [rituximab] = [c for c in new if c.object == "rituximab"]
    assert rituximab.reference == 1


def test_ingest_1000_pubmed_records(tmp_path: Path) -> None:
    data = _data(tmp_path)
    export = tmp_path / "export.xml"
    export.write_text(_pubmed_set(1000), encoding="utf-8")
    started = time.perf_counter()
    results = ingest_files([export], data)
    seconds = time.perf_counter() - started
    print(f"ingested 1000 PubMed records in {seconds:.2f} s")
    assert len(results) == 1000 and all(r.new_source for r in results)
    meta = yaml.safe_load((data / "sources" / f"{results[-1].source[:-4]}.yaml").read_text())
    assert meta["pmid"] == "10000999" and meta["authors"][-1] == "OMS Study Group"
    assert meta["publication_types"] == ["Journal Article"] and meta["evidence_level"] == "cohort"
    assert seconds < 60
