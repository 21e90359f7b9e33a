"""The unknown items of a list whose known items are of one kind (openvocab.list_mates).

Every sentence here is written for the test; none is taken from a development document.
"""

from __future__ import annotations

import pytest

from omsgraph.extract import Extractor
from tests.extract.conftest import claims


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Later, tremor, limb heaviness and seizures appeared.", "limb heaviness"),
        ("He had hypotonia, truncal sway, and dysarthria.", "truncal sway"),
        ("Rash, fever, and joint swelling preceded the jerks in one boy.", "joint swelling"),
    ],
)
def test_an_unknown_item_between_or_after_known_symptoms_is_proposed(
    extractor: Extractor, sentence: str, expected: str
) -> None:
    found = {c.object: c for c in extractor.extract(sentence)}
    assert expected in found
    assert found[expected].predicate == "has_symptom"
    assert found[expected].proposed_type == "symptom"
    assert found[expected].concept is None or found[expected].concept.id


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        # the first item carries the words that open the sentence
        ("In two girls from Leeds, ataxia, myoclonus and tremor were seen.", "girl from leeds"),
        # a clause word ends the list
        ("Ataxia, myoclonus and tremor led to falls and poor school performance.", "school"),
        # examples of an item are no items
        ("Ataxia, myoclonus, and eye signs such as flutter were seen.", "as flutter"),
        # the object of a preposition in the item before
        ("He had opsoclonus, myoclonic jerks of the trunk and limbs, and ataxia.", "limb"),
        # one known item is no list
        ("Ataxia, a long journey and a cold preceded admission.", "long journey"),
    ],
)
def test_no_item_outside_a_list_of_known_items(
    extractor: Extractor, sentence: str, absent: str
) -> None:
    assert not [o for _, o in claims(extractor, sentence) if absent in o]


def test_a_list_of_mixed_kinds_proposes_nothing(extractor: Extractor) -> None:
    found = claims(extractor, "Ataxia, a lumbar tap, and rituximab were all part of her story.")
    assert not [o for _, o in found if "tap" in o]


def test_organs_that_a_head_was_distributed_over_are_no_causes(extractor: Extractor) -> None:
    found = claims(extractor, "In adults it comes with tumours of the lung, breast, or spleen.")
    assert ("has_cause", "spleen") not in found
