"""Headings in capitals, glosses after a qualifying phrase and processes in structures (issue 12,
third round).

Every sentence here is written for the test; none is taken from a development document.
"""

from __future__ import annotations

import pytest

from omsgraph.extract import Extractor

from .conftest import claims


@pytest.mark.parametrize(
    "heading",
    [
        "MOVEMENT DISORDERS IN CHILDREN",
        "PARANEOPLASTIC NEUROLOGICAL SYNDROMES",
        "DISORDERS OF EYE MOVEMENT IN EARLY CHILDHOOD",
    ],
)
def test_a_capitals_heading_on_a_class_of_diseases_keeps_the_claims_under_it(
    extractor: Extractor, heading: str
) -> None:
    """A textbook puts the condition under class headings: such a heading ends no topic."""
    text = f"{heading}\nOpsoclonus-myoclonus syndrome causes ataxia and irritability in toddlers.\n"
    found = claims(extractor, text)
    assert {("has_symptom", "ataxia"), ("has_symptom", "irritability")} <= found, found


def test_a_gloss_after_a_qualifying_phrase(extractor: Extractor) -> None:
    text = "OMS is characterized by quick eye jerks in every direction (opsoclonus)."
    found = claims(extractor, text)
    assert ("has_symptom", "opsoclonus") in found
    assert not {k for k in found if "jerk" in k[1]}, found


def test_a_process_in_a_structure_is_no_sign(extractor: Extractor) -> None:
    text = "In OMS, disinhibition of the saccade-generating neurons is thought to be involved."
    assert not {k for k in claims(extractor, text) if k[1] == "disinhibition"}
    assert ("has_symptom", "disinhibition") in claims(extractor, "OMS may cause disinhibition.")


def test_lay_name_of_mononucleosis(extractor: Extractor) -> None:
    found = claims(extractor, "Her OMS started a week after glandular fever.")
    assert ("has_cause", "infectious mononucleosis") in found, found


def test_names_under_a_synonyms_heading_are_synonyms(extractor: Extractor) -> None:
    text = (
        "Other names for opsoclonus-myoclonus syndrome\n"
        "Kinsbourne syndrome\n"
        "Dancing eye syndrome\n\n"
        "Overview\n"
        "Opsoclonus-myoclonus syndrome causes ataxia.\n"
    )
    found = claims(extractor, text)
    assert {
        ("has_synonym", "kinsbourne syndrome"),
        ("has_synonym", "dancing eye syndrome"),
    } <= found
    assert ("has_symptom", "ataxia") in found


def test_under_a_related_disorders_heading_only_differentials_are_claims(
    extractor: Extractor,
) -> None:
    text = (
        "Opsoclonus-myoclonus syndrome causes ataxia.\n\n"
        "Related Disorders\n"
        "Acute cerebellar ataxia follows chickenpox and causes vomiting.\n"
    )
    found = claims(extractor, text)
    assert ("differential_diagnosis", "acute cerebellar ataxia") in found
    assert not [k for k in found if k[1] in {"chickenpox", "vomiting"}], found
