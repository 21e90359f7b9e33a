"""Scoring against a gold standard: matching through synonyms, polarity, per-predicate counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from omsgraph.errors import DataError
from omsgraph.extract.evaluate import evaluate, read_jsonl


def claim(predicate: str, obj: str, polarity: str = "affirmed", **extra) -> dict:
    return {
        "source": "s.txt",
        "predicate": predicate,
        "object": obj,
        "polarity": polarity,
        "certainty": "asserted",
        **extra,
    }


def test_synonyms_punctuation_and_polarity() -> None:
    gold = [
        claim("treated_by", "intravenous immunoglobulin"),
        claim("treated_by", "ACTH"),
        claim("has_symptom", "Opsoclonus"),
        claim("treated_by", "chemotherapy", "negated"),
        claim("epidemiology", "prevalence: 1 in 5,000,000"),
    ]
    predicted = [
        claim("treated_by", "IVIG", object_synonyms=["intravenous immunoglobulin"]),
        claim("treated_by", "adrenocorticotropic hormone", object_synonyms=["acth"]),
        claim("has_symptom", "opsoclonus."),
        claim("treated_by", "chemotherapy"),  # wrong polarity: a miss and a false positive
        claim("has_symptom", "ataxia"),
        claim("epidemiology", "Prevalence: 1 in 5,000,000"),
        {**claim("has_symptom", "ataxia"), "source": "other.txt"},  # not a gold source: ignored
    ]
    report = evaluate(gold, predicted)
    assert (report.entity.tp, report.entity.fp, report.entity.fn) == (3, 2, 1)
    assert report.entity.precision == pytest.approx(0.6)
    assert report.entity.recall == pytest.approx(0.75)
    assert (report.value.tp, report.value.fp, report.value.fn) == (1, 0, 0)
    assert [m["object"] for m in report.misses] == ["chemotherapy"]
    assert sorted(f["object"] for f in report.false_positives) == ["ataxia", "chemotherapy"]


def test_duplicates_count_once_and_certainty_agreement() -> None:
    gold = [claim("has_symptom", "ataxia", certainty="hedged")]
    predicted = [claim("has_symptom", "ataxia"), claim("has_symptom", "Ataxia")]
    report = evaluate(gold, predicted)
    assert (report.entity.tp, report.entity.fp) == (1, 0)
    assert report.certainty_agreement == 0.0


def test_bad_jsonl_names_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        '{"source": "a", "predicate": "p", "object": "o", "polarity": "affirmed"}\n'
        '{"source": "a", \n'
    )
    with pytest.raises(DataError, match=r"gold.jsonl:2: invalid JSON"):
        read_jsonl(path)
    path.write_text('{"source": "a"}\n')
    with pytest.raises(DataError, match=r"gold.jsonl:1: missing object, polarity, predicate"):
        read_jsonl(path)
