"""Figures of outcome as cohort abstracts, trials, meta-analyses and lay pages state them: a
share with its confidence interval in brackets, a cue of the figure's own clause before one of
the clause before it, ages at which relapses or deaths happen (no ages at onset), statistics
of a test or of heterogeneity (no epidemiology).

Every sentence here is written for the test (none is taken from a development text)."""

from __future__ import annotations

import pytest

from tests.extract.conftest import found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The pooled relapse rate was 41% (95% CI 33-49%).",
            [("relapse rate", "41 %")],
        ),
        (
            "In the adult series, 28% (95% CI 20-36%) had an underlying carcinoma.",
            [("tumour frequency", "28 %")],
        ),
        (
            "Overall mortality was 6% (95% confidence interval 2-11%).",
            [("mortality", "6 %")],
        ),
    ],
)
def test_a_share_with_its_confidence_interval(sentence: str, expected: list) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Heterogeneity between the tumour series was high (I² = 81%).",
        "The tumour proportion varied widely (I2 = 64%).",
        "Urine catecholamines were falsely negative in 6 of 15 tumour cases (40%).",
        "Imaging gave false-negative results in 30% of children with a tumour.",
        "The test had a positive predictive value of 80% for a neuroblastoma.",
    ],
)
def test_statistics_of_a_test_or_of_heterogeneity_are_no_figures(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Relapse by 36 months occurred in 8 of 40 children (20%).",
            [("relapse rate", "8 of 40 (20 %)")],
        ),
        ("Three children had late relapses at ages 7 and 11 years.", []),
        ("One boy died at 4 years of a tumour recurrence.", []),
    ],
)
def test_the_age_of_a_relapse_or_a_death_is_no_onset(sentence: str, expected: list) -> None:
    assert [f for f in found(sentence) if f[0] != "tumour frequency"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Onset was at 18 months.", [("age at onset", "18 months")]),
        ("Symptoms started at 2 years, with a relapse at 4 years.", [("age at onset", "2 years")]),
    ],
)
def test_onset_ages_beside_a_relapse_stay(sentence: str, expected: list) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Flares are frequent and up to 60% of children have lasting learning, speech or "
            "behaviour problems.",
            [("long-term deficits", "up to 60 %")],
        ),
        (
            "Relapses occurred in a third, and 45% had long-term cognitive or motor difficulties.",
            [("relapse rate", "a third"), ("long-term deficits", "45 %")],
        ),
        ("Half of the survivors had problems at school.", [("long-term deficits", "half")]),
    ],
)
def test_a_cue_of_the_figures_own_clause_wins(sentence: str, expected: list) -> None:
    assert [f for f in found(sentence) if not f[1].startswith("frequent")] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Relapses occurred in 40%, typically with infections.", [("relapse rate", "40 %")]),
        (
            "A tumour was found in 12 of 30 patients (40%), and the relapse rate was 50%.",
            [("tumour frequency", "12 of 30 (40 %)"), ("relapse rate", "50 %")],
        ),
    ],
)
def test_a_cue_across_a_comma_still_speaks_when_alone(sentence: str, expected: list) -> None:
    assert found(sentence) == expected
