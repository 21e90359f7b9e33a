"""Assessment instruments named by their shape (omsgraph.extract.named_tests.instruments):
a capitalised name ending in Scale, Score, Checklist, Criteria, Inventory or Questionnaire is
a test, and the signs inside its name are no claims. The sentences are written for these
tests."""

from __future__ import annotations

import pytest

from omsgraph.extract.named_tests import instruments

from .conftest import claims


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Disability was rated on the modified Rankin Scale.", "modified rankin scale"),
        ("We used the Gross Motor Function Measure Score.", "gross motor function measure score"),
        (
            "Parents completed the Strengths and Difficulties Questionnaire.",
            "strengths and difficulties questionnaire",
        ),
        ("Severity followed the Mitchell-Pike OMS Rating Scale.", "mitchell-pike oms rating scale"),
    ],
)
def test_an_instrument_is_named(text: str, name: str) -> None:
    assert [n for *_, n in instruments(text)] == [name]


@pytest.mark.parametrize(
    "text",
    ["The Total Score fell.", "A rating scale was used.", "Diagnostic Criteria were met."],
)
def test_a_generic_score_is_no_instrument(text: str) -> None:
    assert instruments(text) == []


def test_an_instrument_is_a_test_and_its_words_are_no_signs(extractor) -> None:  # noqa: ANN001
    found = claims(
        extractor, "Children with OMS were rated on the Sleep Disturbance Scale for Children."
    )
    assert ("diagnosed_by", "sleep disturbance scale") in found
    assert not [o for p, o in found if p == "has_symptom"]
