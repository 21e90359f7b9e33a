"""Misspelt names: a long lower-case word one edit from a vocabulary word is read as that word,
unless it is an English word, a word an ontology names, or the edit is at its first letter.
The sentences are written for these tests."""

from __future__ import annotations

import pytest

from omsgraph.extract.spelling import Corrector, english_words


def _objects(extractor, text: str) -> set[str]:  # noqa: ANN001
    return {c.object for c in extractor.extract(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my son has OMS and had opsoclonous for weeks", "opsoclonus"),
        ("with OMS she had mioclonus in her arms", "myoclonus"),
        ("the doctors started steriods for his OMS", "corticosteroids"),
        ("for OMS they added rituximob", "rituximab"),
    ],
)
def test_a_parent_s_misspelling_is_read(extractor, text, name) -> None:  # noqa: ANN001
    assert name in _objects(extractor, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("In OMS she had blurred vision.", "slurred speech"),
        ("In OMS the Opsoclonous sign was named.", "opsoclonus"),  # a capitalised word
    ],
)
def test_words_and_first_letters_are_kept(extractor, text, absent) -> None:  # noqa: ANN001
    assert absent not in _objects(extractor, text)


def test_the_corrector_needs_one_candidate() -> None:
    corrector = Corrector(["lamotrigine", "lamotrigane"])
    assert corrector.correct("lamotrigene", "lamotrigene") is None  # two words one edit away
    assert Corrector(["lamotrigine"]).correct("lamotrigene", "lamotrigene") == "lamotrigine"


def test_short_words_are_never_corrected() -> None:
    assert Corrector(["ataxia"]).correct("ataxai", "ataxai") is None


def test_the_english_list_holds_common_long_words() -> None:
    words = english_words()
    assert {"blurred", "banging", "because"} <= words and "steriods" not in words


def test_a_run_of_letters_is_not_tried() -> None:
    # a word longer than any name (hostile input: one line of three million letters)
    assert Corrector(["opsoclonus"]).correct("a" * 3_000_000, "a" * 3_000_000) is None


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("steriod", "steroid", True),  # two neighbours swapped
        ("mioclonus", "myoclonus", True),  # one letter changed
        ("opsoclonous", "opsoclonus", True),  # one letter added inside
        ("influenzae", "influenza", False),  # a letter more at the end: another form
        ("beading", "banding", False),  # two edits
    ],
)
def test_one_edit(a: str, b: str, one: bool) -> None:
    from omsgraph.extract.spelling import one_edit

    assert one_edit(a, b) is one


def test_a_misspelt_full_name_is_no_synonym(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.object) for c in extractor.extract("It was opsoclonus myoclonus sindrome.")
    }
    assert not [o for p, o in found if p == "has_synonym"], found
