"""Actions told as events (rules/events.tsv) and proposals that are clauses, not names.

Every sentence here is written for the test; none is taken from a development document.
"""

from __future__ import annotations

import pytest

from omsgraph.extract import Extractor, cues
from omsgraph.extract.openvocab import normalise_label
from omsgraph.extract.scope import blocks
from tests.extract.conftest import claims


@pytest.mark.parametrize(
    "sentence",
    [
        "The neuroblastoma was completely resected at 14 months.",
        "Her abdominal mass was removed surgically.",
        "Both tumours were excised without complications.",
        "The teratoma had been removed a year earlier.",
    ],
)
def test_a_removal_told_as_an_event_is_a_tumour_resection(
    extractor: Extractor, sentence: str
) -> None:
    assert ("treated_by", "tumour resection") in claims(extractor, sentence)


def test_the_thing_removed_keeps_its_own_mention(extractor: Extractor) -> None:
    text = "In this boy the neuroblastoma was resected."
    (block,) = blocks(text, extractor.lexicon)
    assert [(m.surface, m.concept.id) for m in block.mentions] == [
        ("neuroblastoma", "neuroblastoma"),
        ("was resected", "tumour-resection"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Symptoms began after a tooth was removed.",  # not a tumour
        "The cast was removed after six weeks.",
        "The tumour was identified on imaging.",  # not a removal
    ],
)
def test_no_resection_without_a_tumour_removed(extractor: Extractor, sentence: str) -> None:
    assert ("treated_by", "tumour resection") not in claims(extractor, sentence)


def test_a_conditional_removal_is_hedged(extractor: Extractor) -> None:
    found = {
        (c.object, c.certainty)
        for c in extractor.extract("If the tumour is resected, the ataxia may improve.")
    }
    assert ("tumour resection", "hedged") in found


def test_an_event_row_needs_its_columns(tmp_path) -> None:
    bad = tmp_path / "events.tsv"
    bad.write_text("event\tpattern\tconcept\nx\t\ty\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"header must be event \| pattern \| subject \| concept"):
        cues.read_table(bad)


@pytest.mark.parametrize(
    "phrase", ["completely resected", "symptoms resolved", "the jerks stopped", "speech improved"]
)
def test_a_clause_ending_in_a_past_verb_is_no_name(phrase: str) -> None:
    assert normalise_label(phrase) is None


@pytest.mark.parametrize("phrase", ["head tremor", "sleep disturbance", "ovarian teratoma"])
def test_names_stay_names(phrase: str) -> None:
    assert normalise_label(phrase) == phrase


def test_no_clause_is_proposed_as_a_cause(extractor: Extractor) -> None:
    found = claims(extractor, "Her tumour was excised and the symptoms resolved.")
    assert not [o for p, o in found if "resolved" in o or "excised" in o]


@pytest.mark.parametrize(
    "sentence",
    [
        "Her CSF revealed oligoclonal bands.",
        "Spinal fluid contained a high cell count in this girl.",
    ],
)
def test_a_specimen_that_showed_a_finding_was_analysed(extractor: Extractor, sentence: str) -> None:
    assert ("diagnosed_by", "cerebrospinal fluid analysis") in claims(extractor, sentence)


@pytest.mark.parametrize(
    "sentence",
    ["In OMS the diagnosis is essentially clinical.", "Diagnosis is based on clinical criteria."],
)
def test_a_diagnosis_that_is_clinical(extractor: Extractor, sentence: str) -> None:
    assert ("diagnosed_by", "clinical diagnosis") in claims(extractor, sentence)


def test_a_clinical_differential_diagnosis_is_no_clinical_diagnosis(extractor: Extractor) -> None:
    found = claims(extractor, "In OMS the differential diagnosis is clinical.")
    assert ("diagnosed_by", "clinical diagnosis") not in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In OMS the diagnosis is made by recognition of the eye signs.", "clinical diagnosis"),
        ("In OMS the letters were sent to the family doctor.", None),
        ("Blood was drawn for the antibody panel.", "blood test"),
        ("Serum samples were collected at onset.", "blood test"),
    ],
)
def test_diagnosis_and_blood_told_as_events(
    extractor: Extractor, sentence: str, expected: str | None
) -> None:
    found = {o for p, o in claims(extractor, sentence) if p == "diagnosed_by"}
    assert (expected in found) if expected else not found


def test_every_event_row_names_its_verbs_as_keys() -> None:
    """The quick test skips a line without a key: each key must be a word of the pattern, or
    a row would be skipped where it reads an event."""
    for row in cues.table("events.tsv"):
        keys = [k for k in row.fields["key"].split("|") if k]
        assert keys, row.line
        assert all(k in row.regex for k in keys), row.line
