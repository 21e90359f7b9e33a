"""Differentials, side effects and a paper's tail, this round: "differentials" in the plural,
a participle modifier ("drug-induced opsoclonus"), the post-infectious cerebellar diseases as
diseases (not the infection as a cause), a drug associated with more of a sign (a side
effect), low immunoglobulin levels (no immunoglobulin treatment), and a declaration after the
content. The sentences are written for these tests."""

from __future__ import annotations

import pytest


def _claims(extractor, text: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return {(c.predicate, c.object) for c in extractor.extract(text)}


def test_differentials_in_the_plural(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Differentials: acute cerebellitis, opsoclonus from toxins.")
    assert ("differential_diagnosis", "acute cerebellitis") in found, found


def test_a_participle_makes_the_sign_another_disease(extractor) -> None:  # noqa: ANN001
    text = "The differential of OMS included brainstem encephalitis and drug-induced opsoclonus."
    found = _claims(extractor, text)
    assert ("differential_diagnosis", "drug-induced opsoclonus") in found, found
    assert ("differential_diagnosis", "opsoclonus") not in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "OMS is often first mistaken for post-infectious cerebellar ataxia.",
            "acute cerebellar ataxia",
        ),
        (
            "Before OMS was named, acute post-infectious cerebellitis was considered.",
            "acute cerebellitis",
        ),
    ],
)
def test_a_post_infectious_disease_is_a_differential_not_a_cause(extractor, text, name) -> None:  # noqa: ANN001
    found = _claims(extractor, text)
    assert ("differential_diagnosis", name) in found, found
    assert not [o for p, o in found if p == "has_cause"], found


def test_post_infectious_oms_still_has_a_cause(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Post-infectious OMS follows a viral illness.")
    assert [o for p, o in found if p == "has_cause"], found


def test_a_drug_associated_with_more_of_a_sign_gave_a_side_effect(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "In OMS, ACTH was associated with more hypertension than steroids.")
    assert ("has_symptom", "hypertension") not in found, found
    assert not [o for p, o in found if p == "has_cause"], found


def test_a_tumour_associated_with_more_severe_disease_is_still_a_cause(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Neuroblastoma was associated with more severe OMS.")
    assert ("has_cause", "neuroblastoma") in found, found


def test_low_immunoglobulin_levels_are_no_immunoglobulin_treatment(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "After rituximab for OMS she had low immunoglobulin levels.")
    assert ("treated_by", "intravenous immunoglobulin") not in found, found


def test_a_declaration_after_the_content_is_no_claim(extractor) -> None:  # noqa: ANN001
    text = (
        "Results: children with OMS improved with IVIG.\n\n"
        "Conflicts of interest: AB has received fees from a maker of rituximab."
    )
    found = _claims(extractor, text)
    assert ("treated_by", "intravenous immunoglobulin") in found, found
    assert ("treated_by", "rituximab") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The differential of OMS included ataxia-telangiectasia and drug-induced opsoclonus.",
        "Differentials for OMS: epileptic myoclonus, drug-induced opsoclonus.",
    ],
)
def test_a_differential_list_after_the_condition_name(extractor, text) -> None:  # noqa: ANN001
    found = _claims(extractor, text)
    assert ("differential_diagnosis", "drug-induced opsoclonus") in found, found
    assert ("has_symptom", "opsoclonus") not in found, found


def test_a_broad_differential_names_nothing(extractor) -> None:  # noqa: ANN001
    assert _claims(extractor, "The differential diagnosis of OMS is broad.") == set()


def test_a_talk_s_disclosures_slide_ends_nothing(extractor) -> None:  # noqa: ANN001
    text = "OMS in adults: an update\nDisclosures\nNone\nClinical features\n- opsoclonus\n- ataxia"
    found = _claims(extractor, text)
    assert {("has_symptom", "opsoclonus"), ("has_symptom", "ataxia")} <= found, found


def test_the_lines_under_a_declaration_heading_are_no_claims(extractor) -> None:  # noqa: ANN001
    text = "OMS improved with IVIG.\nCompeting interests\nAB was paid by a rituximab firm."
    found = _claims(extractor, text)
    assert ("treated_by", "rituximab") not in found, found
