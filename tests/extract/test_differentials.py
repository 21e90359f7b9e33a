"""How reviews, textbooks, slide decks and database entries introduce differential diagnoses,
and what the text then says about the alternative (issue 12: unseen documents).

Every sentence here is written for the test; none is taken from a development document.
"""

from __future__ import annotations

import pytest

from omsgraph.extract import Extractor

from .conftest import claims

DDX = "differential_diagnosis"


@pytest.mark.parametrize(
    "sentence",
    [
        "Other possibilities include nystagmus and ocular flutter.",
        "Alternative diagnoses to consider are nystagmus and ocular flutter.",
        "The syndrome must be differentiated from nystagmus and ocular flutter.",
        "Opsoclonus is easily told apart from nystagmus and ocular flutter.",
    ],
)
def test_a_differential_cue_makes_the_signs_after_it_alternatives(
    extractor: Extractor, sentence: str
) -> None:
    found = claims(extractor, f"Opsoclonus-myoclonus syndrome is rare. {sentence}")
    assert {(DDX, "nystagmus"), (DDX, "ocular flutter")} <= found, found
    assert ("has_symptom", "nystagmus") not in found, found


def test_the_main_alternative_before_its_cue_is_a_differential(extractor: Extractor) -> None:
    text = "In infants with OMS, acute cerebellar ataxia is the most important alternative."
    assert (DDX, "acute cerebellar ataxia") in claims(extractor, text)


def test_an_alternative_treatment_is_no_differential(extractor: Extractor) -> None:
    text = "The main alternative treatment is rituximab, given after acute cerebellar ataxia."
    found = claims(extractor, text)
    assert (DDX, "acute cerebellar ataxia") not in found, found
    assert ("treated_by", "rituximab") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "She was misdiagnosed with gastroenteritis at first.",
        "He was initially diagnosed with labyrinthitis.",
    ],
)
def test_a_misdiagnosis_is_a_differential(extractor: Extractor, sentence: str) -> None:
    found = claims(extractor, f"Our daughter has OMS. {sentence}")
    assert {k for k in found if k[0] == DDX}, found


@pytest.mark.parametrize(
    "sentence",
    [
        "At first our doctor thought it was an ear infection.",
        "The grandparents assumed she had an ear infection.",
        "He was first treated for an ear infection.",
        "The nurse presumed that he just had an ear infection.",
    ],
)
def test_what_was_first_thought_is_no_cause(extractor: Extractor, sentence: str) -> None:
    found = claims(extractor, f"Our son has OMS. {sentence}")
    assert ("has_cause", "ear infection") not in found, found


def test_an_infection_stated_as_the_trigger_is_still_a_cause(extractor: Extractor) -> None:
    text = "Our son has OMS. It started a week after an ear infection, the doctors think."
    assert ("has_cause", "ear infection") in claims(extractor, text)


def test_a_belief_about_the_cause_is_no_initial_diagnosis(extractor: Extractor) -> None:
    text = "OMS is thought to be triggered by an ear infection in some toddlers."
    assert ("has_cause", "ear infection") in claims(extractor, text)


# -- headings -------------------------------------------------------------------------------
TEXTBOOK = (
    "Opsoclonus-myoclonus syndrome\n"
    "Clinical features. Opsoclonus-myoclonus syndrome causes ataxia and irritability.\n"
    "Differential diagnosis. Acute cerebellar ataxia is the usual alternative; it lacks "
    "opsoclonus and myoclonus. Other possibilities include ocular flutter.\n"
    "Management. Opsoclonus-myoclonus syndrome is treated with rituximab.\n"
)


def test_a_run_in_differential_heading_opens_its_paragraph(extractor: Extractor) -> None:
    found = claims(extractor, TEXTBOOK)
    assert {(DDX, "acute cerebellar ataxia"), (DDX, "ocular flutter")} <= found, found


def test_what_the_alternative_lacks_is_no_claim_of_the_condition(extractor: Extractor) -> None:
    found = {(c.predicate, c.object, c.polarity) for c in extractor.extract(TEXTBOOK)}
    assert ("has_symptom", "opsoclonus", "negated") not in found, found
    assert ("has_symptom", "myoclonus", "negated") not in found, found


def test_a_run_in_heading_holds_for_its_paragraph_only(extractor: Extractor) -> None:
    found = claims(extractor, TEXTBOOK)
    assert {("has_symptom", "ataxia"), ("treated_by", "rituximab")} <= found, found


@pytest.mark.parametrize("heading", ["Differentials", "Differential diagnoses", "Mimics", "DDx"])
def test_the_lines_under_a_differential_heading_are_alternatives(
    extractor: Extractor, heading: str
) -> None:
    text = (
        "Opsoclonus-myoclonus syndrome\n"
        "Core features\n"
        "Opsoclonus, myoclonus and ataxia\n"
        f"{heading}\n"
        "Nystagmus\n"
        "Acute cerebellar ataxia - no opsoclonus, fever\n"
        "Ocular flutter: horizontal only\n"
    )
    found = {(c.predicate, c.object, c.polarity) for c in extractor.extract(text)}
    assert {
        (DDX, "nystagmus", "affirmed"),
        (DDX, "acute cerebellar ataxia", "affirmed"),
        (DDX, "ocular flutter", "affirmed"),
    } <= found, found
    assert not {k for k in found if k[1] in {"opsoclonus", "fever"} and k[0] != "has_symptom"}
    assert ("has_symptom", "opsoclonus", "negated") not in found, found
    assert ("has_symptom", "opsoclonus", "affirmed") in found, found  # the core features


def test_a_sign_due_to_another_disease_names_that_disease(extractor: Extractor) -> None:
    text = (
        "Conditions that can mimic OMS\n"
        "- Opsoclonus due to viral encephalitis\n"
        "- Myoclonus in a metabolic encephalopathy\n"
    )
    found = claims(extractor, text)
    assert not {k for k in found if k[1] in {"opsoclonus", "myoclonus"}}, found
    assert {k for k in found if k[0] == DDX and "encephal" in k[1]}, found


def test_a_hedged_likeness_does_not_hedge_the_items_of_the_list(extractor: Extractor) -> None:
    text = (
        "Related conditions\n"
        "These disorders may be similar to opsoclonus-myoclonus syndrome:\n"
        "- Acute cerebellar ataxia\n"
    )
    found = {(c.object, c.certainty) for c in extractor.extract(text) if c.predicate == DDX}
    assert ("acute cerebellar ataxia", "asserted") in found, found


def test_a_list_under_a_differential_intro_line(extractor: Extractor) -> None:
    text = (
        "Opsoclonus-myoclonus syndrome is rare.\n"
        "The differential diagnosis comprises:\n"
        "- ocular flutter\n"
        "- acute cerebellar ataxia\n"
    )
    found = claims(extractor, text)
    assert {(DDX, "ocular flutter"), (DDX, "acute cerebellar ataxia")} <= found, found


def test_a_symptom_list_keeps_its_symptoms(extractor: Extractor) -> None:
    text = (
        "Symptoms\n"
        "Children with opsoclonus-myoclonus syndrome may have:\n"
        "- nystagmus - at the start\n"
        "- ataxia\n"
    )
    found = claims(extractor, text)
    assert {("has_symptom", "nystagmus"), ("has_symptom", "ataxia")} <= found, found
    assert not {k for k in found if k[0] == DDX}, found


# -- statements about the alternative outside a differential section --------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Unlike OMS, acute cerebellar ataxia lacks opsoclonus and irritability.",
        "In acute cerebellar ataxia the opsoclonus and irritability never occur.",
        "However, acute cerebellar ataxia does not cause opsoclonus or irritability.",
        "OMS is confused with acute cerebellar ataxia, which lacks opsoclonus and irritability.",
    ],
)
def test_what_another_disease_has_or_lacks_is_no_claim_of_the_condition(
    extractor: Extractor, sentence: str
) -> None:
    found = claims(extractor, f"OMS causes ataxia in toddlers. {sentence}")
    assert not {k for k in found if k[1] in {"opsoclonus", "irritability"}}, found
    assert ("has_cause", "acute cerebellar ataxia") not in found, found
    assert ("has_symptom", "ataxia") in found, found


def test_the_alternative_named_as_such_stays_a_differential(extractor: Extractor) -> None:
    text = "Acute cerebellar ataxia, the main differential, has no opsoclonus."
    found = claims(extractor, text)
    assert (DDX, "acute cerebellar ataxia") in found, found
    assert ("has_symptom", "opsoclonus") not in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Unlike acute cerebellar ataxia, OMS causes opsoclonus and irritability.",
        "Acute cerebellar ataxia, like OMS, causes opsoclonus and irritability.",
        "The disorder causes opsoclonus and irritability.",
    ],
)
def test_a_clause_about_the_condition_keeps_its_claims(extractor: Extractor, sentence: str) -> None:
    found = claims(extractor, f"OMS is rare. {sentence}")
    assert {("has_symptom", "opsoclonus"), ("has_symptom", "irritability")} <= found, found


def test_a_disease_first_in_a_list_is_no_subject(extractor: Extractor) -> None:
    text = "In toddlers, Wilson disease, ocular flutter and tics may be mistaken for OMS."
    found = claims(extractor, text)
    assert {k for k in found if k[1] in {"ocular flutter", "tics"}}, found


@pytest.mark.parametrize("label", ["DDx", "Differentials", "Differential diagnosis"])
def test_a_differential_label_before_a_colon_introduces_its_items(
    extractor: Extractor, label: str
) -> None:
    text = (
        f"Opsoclonus-myoclonus syndrome\n{label}: ocular flutter, nystagmus\nTreatment: steroids\n"
    )
    found = claims(extractor, text)
    assert {(DDX, "ocular flutter"), (DDX, "nystagmus")} <= found, found
    assert ("treated_by", "corticosteroids") in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "She was first treated with IVIG and the ataxia improved.",
        "Toddlers with OMS look like they are drunk, with ataxia.",
        "He had brief jerks resembling ataxia.",
    ],
)
def test_no_differential_cue_in_a_treatment_or_a_description(
    extractor: Extractor, sentence: str
) -> None:
    found = claims(extractor, f"Our daughter has OMS. {sentence}")
    assert ("has_symptom", "ataxia") in found, found
    assert not {k for k in found if k[0] == DDX}, found


def test_a_tumour_first_diagnosed_is_a_cause(extractor: Extractor) -> None:
    text = "He was initially diagnosed with neuroblastoma; OMS followed two months later."
    assert ("has_cause", "neuroblastoma") in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Her dancing eyes mimic a clockwork toy, her father says.",
        "The tremor resembled shivering after the bath.",
    ],
)
def test_a_figure_of_speech_names_no_differential(extractor, text: str) -> None:  # noqa: ANN001
    assert not [c for c in extractor.extract(text) if c.predicate == "differential_diagnosis"]
