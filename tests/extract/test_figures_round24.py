"""Figures of this round: a counted group's share in brackets before its verb ("40 children with
OMS (38 %) relapsed"), a
test's detection rate and a treatment's indication are no claims about the condition.

Every sentence here is written for the test (none is taken from a development text or from
another document about the condition)."""

from __future__ import annotations

import pytest

from tests.extract.conftest import found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Forty children with OMS (38 %) relapsed within a year.", [("relapse rate", "38 %")]),
        ("In the cohort, 21 patients with ataxia (30 %) died.", [("mortality", "30 %")]),
        (
            "Tumours were picked up by ultrasound alone in only 40 % of children.",
            [],
        ),
        (
            "Rituximab was given to 12 (22 %), mostly for refractory or relapsing disease.",
            [],
        ),
    ],
)
def test_round24_figures(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence) == expected


def test_a_bracket_after_a_thing_still_speaks_of_it() -> None:
    # the bracket's share is the tumour's, what follows it is another claim's
    assert ("tumour frequency", "45 %") in found("The tumour (45 %) was low stage.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Of the 24 children, 11 had a neuroblastic tumour.",
            [("tumour frequency", "11 of 24 (46 %)")],
        ),
        ("Of the 40 patients, 12 relapsed within a year.", [("relapse rate", "12 of 40 (30 %)")]),
        ("Of the 80 adults, 30 (38%) had a tumour.", [("tumour frequency", "38 %")]),
    ],
)
def test_a_count_after_its_group(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(a, v) for a, v in found(sentence) if a == expected[0][0]][:1] == expected


@pytest.mark.parametrize(
    "sentence",
    ["OMS is a one-in-a-million condition.", "Her doctors called it a 1-in-a-million disorder."],
)
def test_a_hyphenated_rate_before_the_condition_is_a_prevalence(sentence: str) -> None:
    assert found(sentence) == [("prevalence", "1 in 1,000,000")]
