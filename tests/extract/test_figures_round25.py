"""Figures of this round: an explicit incidence cue beats a rate's "cases per", a survival
before its figure beats a tumour named between, a group without a tumour counts no tumour
frequency, and a range of fractions is one value.

Every sentence here is written for the test (none is taken from a development text or from
another document about the condition)."""

from __future__ import annotations

import pytest

from tests.extract.conftest import found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The yearly incidence of OMS in Japan was near 0.3 new cases per million children.",
            [("incidence", "0.3 in 1,000,000")],
        ),
        ("OMS: about 2 per million inhabitants/yr", [("incidence", "about 2 in 1,000,000")]),
        (
            "Survival of the OMS children with a ganglioneuroblastoma was above 95 %.",
            [("mortality", "95 % survival")],
        ),
        ("Of 40 OMS children without a tumour, 22 (55 %) had a cold before.", []),
        (
            "Relapses of OMS follow in roughly a quarter to a third of children.",
            [("relapse rate", "a quarter to a third")],
        ),
    ],
)
def test_round25_figures(sentence: str, expected: list[tuple[str, str]]) -> None:
    got = [(a, v) for a, v in found(sentence)]
    for want in expected:
        assert any(a == want[0] and want[1] in v for a, v in got), got
    if not expected:
        assert not got, got


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("- F ≈ M in OMS", ("sex ratio", "equal (f ≈ m)")),
        ("Children with OMS: 40% tumour-associated", ("tumour frequency", "40 %")),
    ],
)
def test_round25_slide_figures(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in found(sentence), found(sentence)
