"""A case report's antibody panel without the head word (omsgraph.extract.antibodies), a
double negation ("does not exclude a tumour"), "with or without", an association with an
outcome (a prognostic factor, no cause) and a participle after "a tumour was" (no name).
The sentences are written for these tests."""

from __future__ import annotations

import pytest

from omsgraph.extract.named_tests import antibodies

from .conftest import claims, qualified


def test_a_panel_names_each_antibody_without_the_head() -> None:
    sentence = "anti-hu, anti-yo, anti-amphiphysin and anti-cv2 were all negative."
    assert [n for *_, n in antibodies(sentence)] == [
        "anti-hu antibodies",
        "anti-yo antibodies",
        "anti-amphiphysin antibodies",
        "anti-cv2 antibodies",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "she was given anti-inflammatory drugs and anti-epileptic medication.",
        "anti-cd20 therapy was started.",
        "an anti-cd20 (rituximab) monoclonal was given.",
    ],
)
def test_what_a_drug_acts_against_is_no_antibody(sentence: str) -> None:
    assert antibodies(sentence) == []


def test_a_headed_list_is_read_once() -> None:
    sentence = "anti-neuronal and anti-purkinje cell antibodies were found."
    assert [n for *_, n in antibodies(sentence)] == [
        "antineuronal antibodies",
        "anti-purkinje cell antibodies",
    ]


def test_a_negative_panel_is_a_test_done(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "In our OMS patient anti-Ma2 and anti-GAD65 were negative.")
    assert ("anti-ma2 antibodies", "affirmed", "asserted") in found
    assert ("anti-gad65 antibodies", "affirmed", "asserted") in found


def test_an_antibody_word_inside_a_disease_name_is_no_test(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Anti-NMDA receptor encephalitis is a differential of OMS.")
    assert not any(p == "diagnosed_by" for p, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "In OMS, normal urine catecholamines do not exclude a neuroblastoma.",
        "In OMS, a neuroblastoma cannot be ruled out by ultrasound alone.",
        "A negative MIBG scan doesn't exclude neuroblastoma in OMS.",
    ],
)
def test_a_double_negation_leaves_the_tumour_possible(extractor, text: str) -> None:  # noqa: ANN001
    assert ("neuroblastoma", "affirmed", "hedged") in qualified(extractor, text)


def test_a_plain_exclusion_still_negates(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "In this child with OMS a neuroblastoma was excluded.")
    assert ("neuroblastoma", "negated", "asserted") in found


def test_with_or_without_negates_nothing(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "OMS was treated with ACTH, with or without rituximab.")
    assert ("rituximab", "affirmed", "asserted") in found


@pytest.mark.parametrize(
    "text",
    [
        "In OMS, rituximab was associated with fewer relapses.",
        "In OMS, early ACTH was associated with a better long-term outcome.",
        "Tumour presence was not associated with neurological outcome in OMS.",
    ],
)
def test_what_is_associated_with_an_outcome_is_no_cause(extractor, text: str) -> None:  # noqa: ANN001
    assert not any(p == "has_cause" for p, _ in claims(extractor, text))


def test_an_association_with_a_disease_stays_a_cause(extractor) -> None:  # noqa: ANN001
    assert ("has_cause", "neuroblastoma") in claims(
        extractor, "OMS is associated with neuroblastoma."
    )


@pytest.mark.parametrize(
    "text",
    ["In OMS a tumour was ruled out.", "In OMS the tumour was removed early."],
)
def test_a_participle_after_a_tumour_was_names_nothing(extractor, text: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert not {o for p, o in found if p == "has_cause"} - {"tumour"}


def test_an_insufficient_treatment_is_negated(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "In OMS, immunotherapy alone is usually insufficient.")
    assert ("immunotherapy", "negated", "asserted") in found


@pytest.mark.parametrize(
    "text",
    [
        "Honestly the tumour was the easy bit.",
        "Tumours were predominantly thoracic, low stage and rarely MYCN-amplified in OMS.",
    ],
)
def test_what_a_tumour_was_like_names_no_cause(extractor, text: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert not {o for p, o in found if p == "has_cause"} - {"tumour"}


def test_what_kind_a_tumour_was_is_a_cause(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "In OMS the tumour was a ganglioneuroblastoma.")
    assert ("has_cause", "ganglioneuroblastoma") in found


@pytest.mark.parametrize(
    "text",
    [
        "Anti-histamines made him drowsy.",
        "Anti-NMDA receptor encephalitis can present with dyskinesias.",
        "The anti-Xa level was checked.",
    ],
)
def test_drugs_and_diseases_named_anti_are_no_antibody_tests(extractor, text: str) -> None:  # noqa: ANN001
    assert not [o for p, o in claims(extractor, text) if "antibodies" in o]
