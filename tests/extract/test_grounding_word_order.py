"""A proposal said with "of" is grounded in the ontology's word order ("loss of hearing" is
HPO's "hearing loss"), and a proposal in the other order finds an ontology name with "of";
only the two parts change places (omsgraph.extract.grounding.reorderings). The sentences are
written for these tests."""

from __future__ import annotations

import pytest

from omsgraph.extract.grounding import grounded_label, reorderings


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("loss of hearing", ["hearing loss"]),
        ("tremor of the hands", ["hands tremor"]),  # the article goes (the lookup folds plurals)
        ("infection of the urinary tract", ["urinary tract infection"]),
        ("speech loss", ["loss of speech"]),
        ("urinary tract infection", ["tract infection of urinary", "infection of urinary tract"]),
        ("ataxia", []),  # one word: nothing to reorder
        ("loss of the use of the hands", []),  # two "of": not one name in two parts
        ("loss and return of speech", []),  # a part of three words
        ("very long name without the word", []),
    ],
)
def test_reorderings_swap_the_two_parts_of_a_name_and_nothing_else(label, expected):
    assert reorderings(label) == expected


@pytest.mark.parametrize(
    ("label", "kind", "expected"),
    [
        ("loss of hearing", "symptom", "hearing loss"),
        ("tremor of the hands", "symptom", "hands tremor"),  # HPO's "hand tremor", folded
        ("weakness of muscle", "symptom", "muscle weakness"),
        ("disturbance of sleep", "symptom", "sleep disturbance"),
        ("cancer of the lung", "cause", "lung cancer"),
        ("infection of the urinary tract", "cause", "urinary tract infection"),
        # precision: the reordered name must be an ontology name of a fitting type
        ("disorder of movement", "symptom", "disorder of movement"),  # MONDO's: no sign
        ("loss of hearing", "therapy", "loss of hearing"),  # a sign is no therapy
        ("history of seizures", "symptom", "history of seizures"),  # no "seizure history"
        ("onset of ataxia", "symptom", "onset of ataxia"),
        ("hearing loss", "symptom", "hearing loss"),  # an ontology name as it is: unchanged
    ],
)
def test_a_name_with_of_is_grounded_in_the_ontology_word_order(label, kind, expected):
    assert grounded_label(label, kind) == expected


def test_a_reordered_proposal_carries_the_ontology_id(extractor):
    text = "Symptoms include ataxia and loss of hearing."
    records = [c.record("mine") for c in extractor.extract(text)]
    hearing = [r for r in records if r.get("object_match") == "HP:0000365"]
    assert [r["predicate"] for r in hearing] == ["has_symptom"]
    assert hearing[0]["object_match_justification"] == "semapv:LexicalMatching"


def test_an_unknown_name_with_of_stays_an_ungrounded_proposal(extractor):
    text = "Symptoms include ataxia and loss of sparkle."
    records = [c.record("mine") for c in extractor.extract(text)]
    sparkle = [r for r in records if "sparkle" in r["object"]]
    assert sparkle and not any(r.get("object_match") for r in sparkle)
