"""Precision traps a fresh-eyes review found in this round's rules, each with sentences
written for the test (none from a development document)."""

from __future__ import annotations

import pytest

from omsgraph.extract import Extractor
from tests.extract.conftest import claims, qualified


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("After three courses of rituximab imaging showed no relapse of OMS.", "rituximab"),
        ("Under dexamethasone PET scans were clear in this child with OMS.", "dexamethasone"),
    ],
)
def test_a_treatment_before_a_test_word_stays_a_treatment(
    extractor: Extractor, sentence: str, kept: str
) -> None:
    assert ("treated_by", kept) in claims(extractor, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "In OMS we pooled ataxia, opsoclonus, and the Swedish registry.",
        "Neuroblastoma, ganglioneuroma, and other things were seen in OMS.",
        "She had ataxia, myoclonus and a plan to travel.",
    ],
)
def test_no_list_mate_from_filler(extractor: Extractor, sentence: str) -> None:
    found = {o for _, o in claims(extractor, sentence)}
    assert not found & {"swedish registry", "thing", "plan to travel"}


@pytest.mark.parametrize(
    "sentence",
    [
        "In this child with OMS the skin lesion was excised.",
        "A foreign-body mass was removed from her oesophagus; OMS began later.",
    ],
)
def test_a_lesion_or_mass_removed_is_no_tumour_resection_without_a_site(
    extractor: Extractor, sentence: str
) -> None:
    assert ("treated_by", "tumour resection") not in claims(extractor, sentence)


def test_a_site_mass_removed_is_a_tumour_resection(extractor: Extractor) -> None:
    found = claims(extractor, "In OMS the mediastinal mass was removed in full.")
    assert ("treated_by", "tumour resection") in found


def test_only_the_condition_s_clinical_diagnosis(extractor: Extractor) -> None:
    found = claims(extractor, "The diagnosis of the tumour was made clinically before surgery.")
    assert ("diagnosed_by", "clinical diagnosis") not in found
    found = claims(extractor, "The diagnosis of opsoclonus-myoclonus syndrome is clinical.")
    assert ("diagnosed_by", "clinical diagnosis") in found


def test_a_differential_frame_ends_at_a_relative_clause(extractor: Extractor) -> None:
    found = claims(
        extractor, "The differential diagnosis of ataxia includes OMS, which shows opsoclonus."
    )
    assert ("differential_diagnosis", "opsoclonus") not in found


@pytest.mark.parametrize(
    ("sentence", "concept"),
    [
        ("A boy with adrenal neuroblastoma developed OMS.", "neuroblastoma"),
        ("A girl with a mediastinal ganglioneuroblastoma developed OMS.", "ganglioneuroblastoma"),
    ],
)
def test_a_site_before_a_curated_tumour_keeps_the_curated_concept(
    extractor: Extractor, sentence: str, concept: str
) -> None:
    assert ("has_cause", concept) in claims(extractor, sentence)


def test_a_disease_named_as_a_sign_and_disorder_is_the_sign(extractor: Extractor) -> None:
    assert ("has_symptom", "sleep disturbance") in claims(
        extractor, "Children with OMS may have a sleep disorder."
    )
    # a seizure disorder is Mondo's epilepsy (MONDO:0005027), a disease: no sign
    found = claims(extractor, "Children with OMS may have a seizure disorder.")
    assert not [o for p, o in found if p == "has_symptom"], found


def test_an_infection_in_a_complication_frame_is_a_complication(extractor: Extractor) -> None:
    found = claims(extractor, "In OMS, recurrent infections remained a long-term problem.")
    assert [o for p, o in found if p == "has_complication" and "infection" in o]


def test_not_commonly_is_uncommon_not_absent(extractor: Extractor) -> None:
    found = qualified(extractor, "Tremor is not commonly seen in OMS but has been reported.")
    assert ("tremor", "affirmed", "hedged") in found


@pytest.mark.parametrize(
    ("sentence", "attribute"),
    [
        ("After remission, 35% of children with OMS relapsed within a year.", "relapse rate"),
        ("Relapses occurred in 20% and full recovery in 70% of children with OMS.", "relapse rate"),
        (
            "Despite a good response, 45% of children with OMS had long-term deficits.",
            "long-term deficits",
        ),
    ],
)
def test_a_recovery_cue_in_another_clause_leaves_the_figure(
    extractor: Extractor, sentence: str, attribute: str
) -> None:
    assert attribute in {c.attribute for c in extractor.extract(sentence)}


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Children with OMS may have sleep disorders, such as night terrors.", "sleep terror"),
        ("He later developed behavioural disorders, such as ADHD, after OMS.", "attention deficit"),
    ],
)
def test_examples_of_a_class_that_is_an_object_stay_claims(
    extractor: Extractor, sentence: str, kept: str
) -> None:
    assert kept in {o for _, o in claims(extractor, sentence)}


def test_not_usual_is_uncommon(extractor: Extractor) -> None:
    found = qualified(extractor, "In OMS, tremor is not usual.")
    assert ("tremor", "affirmed", "hedged") in found


def test_without_treatment_negates_no_later_sign(extractor: Extractor) -> None:
    text = "Without prompt treatment children with OMS can be left with ataxia."
    assert [p for o, p, _ in qualified(extractor, text) if o == "ataxia"] == ["affirmed"]
    text = "After OMS she was discharged without ataxia."
    assert [p for o, p, _ in qualified(extractor, text) if o == "ataxia"] == ["negated"]
