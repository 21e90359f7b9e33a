"""Figures of the cohort a study describes: one sex's count in the bracket after the persons
counted ("31 adolescents (18 female)"), the ages a trial admits (no age at onset), and the
age a disorder "of early childhood" names.

Every sentence here is written for the test (none is taken from a development text)."""

from __future__ import annotations

import pytest

from tests.extract.conftest import found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "We followed 40 young adults (22 female) who had had the syndrome as toddlers.",
            [("sex ratio", "55 % female (22 of 40)")],
        ),
        (
            "Forty patients were enrolled (20 per arm; 18 boys).",
            [("sex ratio", "45 % male (18 of 40)")],
        ),
        ("Twelve adults (5 women) were treated.", [("sex ratio", "42 % female (5 of 12)")]),
    ],
)
def test_one_sex_counted_in_the_bracket_after_the_persons(sentence: str, expected: list) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "We studied 30 children (16 girls, 14 boys).",
            [("sex ratio", "53 % female (16 female, 14 male)")],
        ),
        ("We studied 30 children (16 with a tumour).", []),
        ("Of 25 patients (20 adults), 3 died.", []),
        ("The 12 girls were older than the 8 boys.", []),
    ],
)
def test_no_share_of_one_sex_in_other_brackets(sentence: str, expected: list) -> None:
    assert [f for f in found(sentence) if f[0] == "sex ratio"] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Children aged 1 to 6 years with new-onset disease were randomised to two arms.",
        "Patients aged 2-10 years were eligible.",
        "Infants aged 6 to 24 months were enrolled at four centres.",
    ],
)
def test_the_ages_a_trial_admits_are_no_onset(sentence: str) -> None:
    assert [f for f in found(sentence) if f[0] == "age at onset"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It is an immune-mediated disorder of early childhood.", "early childhood"),
        ("The condition is a rare encephalopathy of infancy.", "infancy"),
    ],
)
def test_a_disorder_of_an_age(sentence: str, expected: str) -> None:
    assert ("age at onset", expected) in found(sentence)


def test_a_disorder_of_an_organ_is_no_age() -> None:
    assert [f for f in found("It is a disorder of the cerebellum.") if f[0] == "age at onset"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Three children had further relapses after rituximab.", [("relapse rate", "3 children")]),
        ("Two infants later died.", [("mortality", "2 infants")]),
        ("Four patients relapsed within a year.", [("relapse rate", "4 patients")]),
    ],
)
def test_persons_counted_with_their_relapses_or_deaths(sentence: str, expected: list) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Of 30 children, 12 relapsed.",
        "Four children received cyclophosphamide.",
        "Two patients had a relapsing course on imaging.",
    ],
)
def test_no_persons_counted_without_their_outcome(sentence: str) -> None:
    assert [f for f in found(sentence) if f[1].endswith(("children", "patients"))] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Of the 80 adults, 30 (38%) had P-OMS and 50 (62%) had I-OMS.",
            [("tumour frequency", "38 %")],
        ),
        (
            "A tumour was present in 25% while 60% were idiopathic.",
            [("tumour frequency", "25 %")],
        ),
        ("In 30%, the disease was post-infectious.", []),
    ],
)
def test_paraneoplastic_by_abbreviation_and_idiopathic_cases(sentence: str, expected: list) -> None:
    assert found(sentence) == expected
