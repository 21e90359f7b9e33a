"""Autoimmunity is a cause in the interchange format (tests/gold/README.md), and the kind of
disease the condition is said to be names it: "an autoimmune illness", "of autoimmune origin"
(omsgraph.extract.shapes.of_nature). Paraneoplastic stays a mechanism."""

from __future__ import annotations

import pytest

from .conftest import claims


@pytest.mark.parametrize(
    "text",
    [
        "Opsoclonus-myoclonus syndrome is an autoimmune illness of early childhood.",
        "OMS is a rare autoimmune neurological disorder.",
        "Opsoclonus-myoclonus syndrome is a disorder of autoimmune origin.",
        "OMS is thought to result from an autoimmune process.",
        "OMS is considered an autoimmune disease of the cerebellum.",
    ],
)
def test_the_nature_of_the_condition_is_a_cause(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_cause", "autoimmunity") in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Children were seen at a centre for autoimmune diseases in Lyon.",
        "The clinic treats autoimmune disorders of the nervous system.",
    ],
)
def test_a_class_of_diseases_is_no_cause(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_cause", "autoimmunity") not in claims(extractor, text)


def test_paraneoplastic_stays_a_mechanism(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "In adults OMS is often a paraneoplastic disorder.")
    assert ("has_cause", "paraneoplastic syndrome") not in found
    assert ("mechanism", "paraneoplastic") in found


def test_a_drug_named_with_the_pathogenesis_stays_a_treatment(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "In OMS, rituximab targets B cells, central to the pathogenesis.")
    assert ("has_cause", "rituximab") not in found


def test_a_pathogenic_antibody_is_no_cause_frame(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "In OMS no pathogenic antibody to rituximab was found.")
    assert not any(p == "has_cause" for p, _ in found)
