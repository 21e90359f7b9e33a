"""Figures listed as items of one list share the first item's attribute when the same word
stands before or after each ("in 40 %, ... in 22 % and ... in 12 %"; "50 % after A, 35 %
after B"), even when a later item stands too far from the cue to be claimed by it.

Every sentence here is written for the test (none is taken from a development text or from
another document about the condition)."""

from __future__ import annotations

import pytest

from tests.extract.conftest import found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "At the final visit, persistent speech delay was noted in 40%, "
            "clumsiness of the hands in 22% and frequent nightmares in 12%.",
            [
                ("long-term deficits", "40 %"),
                ("long-term deficits", "22 %"),
                ("long-term deficits", "12 %"),
            ],
        ),
        (
            "Recurrence within two years was seen in 50% after dexamethasone, 35% after "
            "prednisolone and 20% after combined treatment.",
            [("relapse rate", "50 %"), ("relapse rate", "35 %"), ("relapse rate", "20 %")],
        ),
    ],
)
def test_items_of_one_list_share_the_cue(sentence, expected) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # no word repeated around both figures: no list
        "Persistent speech delay was noted in 40%, while the clinic later saw 25% of them "
        "for another review.",
        # a full stop between the figures: another sentence's figure
        "Persistent speech delay was noted at the final clinic visit in 40%. Rituximab had "
        "been given before in 25%.",
    ],
)
def test_a_figure_of_another_clause_is_no_list_item(sentence) -> None:
    assert [v for _, v in found(sentence)] == ["40 %"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("- NB in ~40%", [("tumour frequency", "~40 %")]),
        ("Underlying NB found in 45% of children", [("tumour frequency", "45 %")]),
    ],
)
def test_nb_is_the_neuroblastoma_of_a_tumour_frequency(sentence, expected) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["NB: 30% of doses were missed", "N.B. 30% of doses were missed"],
)
def test_a_nota_bene_is_no_neuroblastoma(sentence) -> None:
    assert [a for a, _ in found(sentence)] != ["tumour frequency"]


def test_a_semicolon_parts_two_groups_ages() -> None:
    sentence = (
        "In children onset peaks at 12 to 30 months; in adults it begins in the sixth decade."
    )
    assert found(sentence) == [
        ("age at onset", "12-30 months"),
        ("age at onset", "sixth decade"),
    ]


def test_ages_of_one_clause_stay_one_value() -> None:
    sentence = "The disorder usually begins at about 20 months and may appear up to 4-5 years."
    assert [a for a, _ in found(sentence)] == ["age at onset"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Lasting problems with reading affect the majority of those with infant onset.",
            [("long-term deficits", "the majority of those")],
        ),
        (
            "Most patients regain fluent speech, but residual clumsiness affects the majority "
            "of those treated late.",
            [("long-term deficits", "the majority of those")],
        ),
    ],
)
def test_the_majority_of_those_with_a_trait(sentence, expected) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Most children regain normal walking within a year despite lasting tiredness.",
        "Lasting deficits are rare with most of those drugs.",
    ],
)
def test_a_regained_skill_or_those_things_is_no_deficit_figure(sentence) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("An IQ under 85 was measured in 40% of the children.", [("long-term deficits", "40 %")]),
        ("A full-scale IQ of less than 70 was recorded in 12%.", [("long-term deficits", "12 %")]),
    ],
)
def test_an_iq_below_a_bound_is_a_deficit(sentence, expected) -> None:
    assert found(sentence) == expected


def test_a_normal_iq_is_no_deficit() -> None:
    assert found("A normal IQ was found in 80% of the children.") == []
