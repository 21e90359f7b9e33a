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


def test_spelling_variants_are_one_name() -> None:
    gold = [
        claim("treated_by", "haematopoietic stem-cell transplantation"),
        claim("has_cause", "tumours"),
    ]
    predicted = [
        claim("treated_by", "hematopoietic stem cell transplantation"),
        claim("has_cause", "tumor"),
        claim("has_cause", "teratoma"),  # another word is another name
    ]
    report = evaluate(gold, predicted)
    assert (report.entity.tp, report.entity.fp, report.entity.fn) == (2, 1, 0)


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


def value(obj: str, attribute: str | None = None, source: str = "s.txt", **extra) -> dict:
    record = claim("epidemiology", obj, source=source, **extra)
    if attribute is not None:
        record["attribute"] = attribute
    return record


def test_value_claims_match_by_attribute_and_a_shared_number() -> None:
    gold = [
        value("1 in 2,000,000", "prevalence"),
        value("one in a million", "incidence"),
        value("median 30 months", "age at onset"),
        value("sex ratio: 60% female"),  # the curated notation: attribute in the object
        value("very rare", "prevalence", source="t.txt"),
        value("excellent outcome", "other"),
    ]
    predicted = [
        value("about 1 in 2000000 children", "prevalence"),  # separators do not count
        value("1 in 1,000,000 per year", "incidence"),  # one in a million reads as 1 and 10^6
        value("30 months", "prevalence"),  # the right number, the wrong attribute
        value("median 2.5 years", "age at onset"),  # no number in common
        value("60 % female", "sex ratio"),
        value("rare", "prevalence", source="t.txt"),  # half of "very rare"'s content words
        value("excellent outcome", "other"),  # other is never scored
    ]
    report = evaluate(gold, predicted)
    assert (report.value.tp, report.value.fp, report.value.fn) == (4, 2, 1)
    assert report.per_attribute["age at onset"].as_dict()["fn"] == 1
    assert report.per_attribute["prevalence"].as_dict()["fp"] == 1
    assert report.per_attribute["other"].as_dict() == {
        "tp": 0,
        "fp": 1,
        "fn": 1,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert report.per_predicate["epidemiology"].tp == 4
    assert report.entity.tp == 0
    missed = [(m["attribute"], m["object"]) for m in report.misses]
    assert missed == [("age at onset", "median 30 months"), ("other", "excellent outcome")]


def test_one_gold_value_is_found_once() -> None:
    gold = [value("50 %", "tumour frequency")]
    predicted = [value("50 %", "tumour frequency"), value("about 50 percent", "tumour frequency")]
    report = evaluate(gold, predicted)
    assert (report.value.tp, report.value.fp, report.value.fn) == (1, 1, 0)
    # two gold figures and two predicted ones that could pair either way: both are paired
    gold = [value("10 %", "relapse rate"), value("10-20 %", "relapse rate")]
    predicted = [value("10-20 %", "relapse rate"), value("20 %", "relapse rate")]
    report = evaluate(gold, predicted)
    assert (report.value.tp, report.value.fp, report.value.fn) == (2, 0, 0)


def test_values_without_a_number_need_half_their_content_words() -> None:
    from omsgraph.extract.evaluate import values_match

    assert values_match("frequent relapse on steroid tapering", "frequently relapses")
    assert not values_match("frequent relapse on steroid tapering", "relapse")
    assert values_match("usually young children", "young children")
    assert not values_match("45 %", "about half")
    assert values_match("50 %", "about half")
    assert not values_match("1 in 5,000,000", "5 %") and values_match("5 million", "5,000,000")


def test_cli_table_keeps_its_shape_and_lists_attributes(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from omsgraph.cli import cli

    gold, predicted = tmp_path / "gold.jsonl", tmp_path / "predicted.jsonl"
    gold.write_text(
        json.dumps(claim("has_symptom", "ataxia"))
        + "\n"
        + json.dumps(value("1 in 10,000", "prevalence"))
        + "\n"
    )
    predicted.write_text(json.dumps(value("1 in 20,000", "prevalence")) + "\n")
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--predicted", str(predicted)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["predicate", "tp", "fp", "fn", "precision", "recall", "f1"]
    rows = {line.split("  ")[0].strip(): line.split()[-6:] for line in lines[2:] if "  " in line}
    assert rows["value: prevalence"][:3] == ["1", "0", "0"]
    assert rows["VALUE (all)"][:3] == ["1", "0", "0"]
    assert rows["ENTITY (all)"][:3] == ["0", "0", "1"]
    assert "missed: s.txt has_symptom 'ataxia' (affirmed)" in lines
    result = CliRunner().invoke(
        cli, ["evaluate", str(gold), "--predicted", str(predicted), "--format", "json"]
    )
    report = json.loads(result.output)
    assert report["value"]["tp"] == 1 and report["per_attribute"]["prevalence"]["tp"] == 1
