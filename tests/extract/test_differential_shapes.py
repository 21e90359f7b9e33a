"""Differentials as case reports and reviews set them aside: a modifier that makes a sign
another disease ("epileptic myoclonus"), what "was considered", what the picture was "not
consistent with", an infection the condition was mistaken for. The sentences are written for
these tests."""

from __future__ import annotations

import pytest

from omsgraph.extract import differentials

from .conftest import claims, qualified


def _differentials(extractor, text: str) -> set[str]:  # noqa: ANN001
    return {o for p, o in claims(extractor, text) if p == "differential_diagnosis"}


def test_a_modifier_makes_another_disease() -> None:
    low = "the differential includes epileptic myoclonus and brainstem encephalitis."
    assert differentials.modified(low, low.index("myoclonus")) == (
        low.index("epileptic"),
        "epileptic",
    )
    assert differentials.modified(low, low.index("encephalitis"))[1] == "brainstem"
    assert differentials.modified("includes severe myoclonus", 16) is None


def test_a_modified_sign_in_a_differential_list(extractor) -> None:  # noqa: ANN001
    found = _differentials(
        extractor, "OMS must be distinguished from epileptic myoclonus and spinal myoclonus."
    )
    assert found == {"epileptic myoclonus", "spinal myoclonus"}


def test_what_was_considered_is_a_differential(extractor) -> None:  # noqa: ANN001
    text = "In this girl with OMS, acute cerebellitis and infantile spasms were considered."
    assert _differentials(extractor, text) == {"acute cerebellitis", "infantile spasms"}


def test_a_treatment_considered_stays_a_treatment(extractor) -> None:  # noqa: ANN001
    assert ("treated_by", "rituximab") in claims(extractor, "In OMS rituximab was considered.")


@pytest.mark.parametrize(
    "text",
    [
        "The picture was not consistent with Miller Fisher syndrome in this OMS patient.",
        "The findings in OMS were felt not to be compatible with Miller Fisher syndrome.",
    ],
)
def test_what_the_picture_was_not_consistent_with(extractor, text: str) -> None:  # noqa: ANN001
    found = qualified(extractor, text)
    assert [o for o, pol, _ in found if o.lower() == "miller fisher syndrome" and pol == "affirmed"]


def test_an_infection_first_thought_of_is_a_differential(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "He was first treated for an ear infection; it was OMS.")
    assert ("differential_diagnosis", "ear infection") in found
    assert ("has_cause", "ear infection") not in found
