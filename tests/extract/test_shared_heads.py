"""Modifiers coordinated before one deficit word share it, in whichever wording the lexicon
knows the deficit ("language deficits" as "language impairment"), the last one included."""

from __future__ import annotations

import pytest

from .conftest import claims


def _objects(extractor, text: str) -> set[str]:  # noqa: ANN001
    return {obj for _, obj in claims(extractor, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Years later, many had motor, cognitive or behavioural problems.",
            {"motor impairment", "cognitive impairment", "behavioural problems"},
        ),
        (
            "Residual cognitive and motor deficits were common.",
            {"cognitive impairment", "motor impairment"},
        ),
        (
            "Speech and motor difficulties remained in two children.",
            {"speech difficulty", "motor impairment"},
        ),
    ],
)
def test_each_modifier_names_its_deficit(extractor, text: str, expected: set) -> None:  # noqa: ANN001
    assert expected <= _objects(extractor, text)


def test_a_head_that_is_no_deficit_is_not_varied(extractor) -> None:  # noqa: ANN001
    found = _objects(extractor, "Breast and ovarian teratomas are rare.")
    assert not {o for o in found if "problem" in o or "impairment" in o}


def test_an_unknown_modifier_names_nothing(extractor) -> None:  # noqa: ANN001
    found = _objects(extractor, "Financial and housing problems were frequent in these families.")
    assert not found
