"""Figures of outcome as cohort abstracts, trials, meta-analyses and lay pages state them: a
share with its confidence interval in brackets, a cue of the figure's own clause before one of
the clause before it, ages at which relapses or deaths happen (no ages at onset), statistics
of a test or of heterogeneity (no epidemiology).

Every sentence here is written for the test (none is taken from a development text)."""

from __future__ import annotations

import pytest

from omsgraph.extract.figures import find_figures
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
        (
            "Three children had late relapses at ages 7 and 11 years.",
            [("relapse rate", "3 children")],
        ),
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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Doses were lowered when the infection had resolved.", []),
        (
            "The jerks recurred on steroid withdrawal.",
            [("relapse rate", "relapse on steroid withdrawal")],
        ),
        (
            "Our son relapsed three times when the doctors reduced his dose.",
            [("relapse rate", "relapse three times when the doctors reduced his dose")],
        ),
        (
            "The illness may come back (relapse) with infections or when treatment is stopped.",
            [("relapse rate", "may relapse with infections or when treatment is stopped")],
        ),
        (
            "Symptoms tend to flare up during a fever.",
            [("relapse rate", "tend to relapse during a fever")],
        ),
    ],
)
def test_a_relapse_on_taper_or_with_an_infection(sentence: str, expected: list) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "There has been no relapse at 3 years of follow-up.",
            "no relapse (at 3 years of follow-up)",
        ),
        ("After 12 months, there were no further relapses.", "no relapse (after 12 months)"),
        ("He has not relapsed.", "no relapse"),
        ("Our daughter relapsed twice last winter.", "relapsed twice"),
    ],
)
def test_no_relapse_or_a_count_of_relapses(sentence: str, expected: str) -> None:
    assert found(sentence) == [("relapse rate", expected)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The tumour recurred after chemotherapy was stopped.",
        "There was no recurrence of the neuroblastoma.",
        "No relapse-free survival benefit was seen.",
        "There was no difference in relapse rate between the arms.",
        "Her parents returned when the ward round was reduced.",
        "Behavioural problems are common at onset.",
        "Sleep problems are frequent in the acute phase.",
    ],
)
def test_no_relapse_or_deficit_phrase_in_other_words(sentence: str) -> None:
    assert [f for f in found(sentence) if f[0] in {"relapse rate", "long-term deficits"}] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Permanent motor deficits are common.", "permanent motor deficits are common"),
        (
            "Neuropsychological sequelae remain frequent.",
            "neuropsychological sequelae remain frequent",
        ),
        (
            "Long-term learning problems are very common.",
            "long-term learning problems are very common",
        ),
    ],
)
def test_deficits_said_to_be_common(sentence: str, expected: str) -> None:
    assert found(sentence) == [("long-term deficits", expected)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ataxia improved in 80% of the children.", []),
        (
            "Most patients improve, but the illness may flare up again during an infection.",
            [("relapse rate", "may relapse during an infection")],
        ),
        (
            "A quarter of the children relapse when steroids are weaned.",
            [("relapse rate", "a quarter")],
        ),
    ],
)
def test_an_improvement_is_no_relapse_and_a_figure_keeps_its_verb(
    sentence: str, expected: list
) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Death was rare in infants (< 2%, mostly from neuroblastoma) but reached 20% in "
            "paraneoplastic adult patients.",
            [("mortality", "less than 2 %"), ("mortality", "20 %")],
        ),
        (
            "The relapse rate was 30% in treated children while it was 55% in untreated "
            "older children.",
            [("relapse rate", "30 %"), ("relapse rate", "55 %")],
        ),
        (
            "Mortality was low (4%).",
            [("mortality", "4 %")],
        ),
    ],
)
def test_one_measure_in_two_groups(sentence: str, expected: list) -> None:
    assert found(sentence) == expected


def test_the_second_groups_words_are_its_population() -> None:
    (first, second) = find_figures(
        "Mortality was 2% in children but reached 20% in paraneoplastic adult patients."
    )
    assert second.attribute == "mortality"
    assert second.population == "paraneoplastic adult patients"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A tumour (neuroblastoma or ganglioneuroblastoma) was found in 40%.",
            [("tumour frequency", "40 %")],
        ),
        (
            "Deaths (two from sepsis, one from a neuroblastoma) occurred in 3 of 50 children (6%).",
            [("mortality", "3 of 50 (6 %)")],
        ),
    ],
)
def test_a_cue_inside_brackets_speaks_of_the_bracket(sentence: str, expected: list) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Persistent deficits – chiefly dyspraxia, poor attention and slow speech, among "
            "others – were found in 12 (40%).",
            [("long-term deficits", "40 %")],
        ),
        (
            "Baseline age and tumour frequency (9/20 vs 8/20) did not differ.",
            [("tumour frequency", "9 of 20 (45 %)"), ("tumour frequency", "8 of 20 (40 %)")],
        ),
        ("The relapse frequency was 3 in 10.", [("relapse rate", "3 of 10 (30 %)")]),
        (
            "Eight children (40%) had a neuroblastoma, none of whom died.",
            [("tumour frequency", "40 %"), ("mortality", "no deaths")],
        ),
    ],
)
def test_asides_compounds_and_deaths_in_a_clause(sentence: str, expected: list) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Opsoclonus-myoclonus syndrome (OMS) in adults is rare.", "rare in adults"),
        ("OMS among infants remains very rare.", "rare among infants"),
        ("It is a rare inflammatory encephalopathy of toddlers.", "rare"),
    ],
)
def test_rarity_of_the_condition_in_a_group(sentence: str, expected: str) -> None:
    assert ("prevalence", expected) in found(sentence)
