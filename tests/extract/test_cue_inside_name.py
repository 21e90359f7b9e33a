"""A cue word inside a concept's name is a word of the name ("frequent falls", "absent tendon
reflexes"), no negation or hedge; the item after "a history of X," is a list mate of X."""

from __future__ import annotations

import pytest

from omsgraph.extract.assertion import assertion

from .conftest import qualified


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She had absent tendon reflexes and tremor.",
            {("areflexia", "affirmed", "asserted"), ("tremor", "affirmed", "asserted")},
        ),
        (
            "The boy had tremor and frequent falls.",
            {("tremor", "affirmed", "asserted"), ("falls", "affirmed", "asserted")},
        ),
    ],
)
def test_a_cue_inside_a_name_is_no_cue(extractor, text: str, expected: set) -> None:  # noqa: ANN001
    assert qualified(extractor, text) == expected


def test_the_public_function_reads_its_span_as_a_name() -> None:
    text = "Examination showed absent tendon reflexes."
    at = text.index("absent")
    assert assertion(text, at, len(text) - 1) == ("affirmed", "asserted")


def test_a_cue_outside_names_still_acts(extractor) -> None:  # noqa: ANN001
    got = qualified(extractor, "Tremor was absent, and falls were frequent.")
    assert ("tremor", "negated", "asserted") in got


def test_the_item_after_a_history_of_a_known_sign_is_its_mate(extractor) -> None:  # noqa: ANN001
    got = {
        o
        for o, *_ in qualified(
            extractor, "She had a two-week history of irritability, heavy feet and tremor."
        )
    }
    assert {"irritability", "heavy feet", "tremor"} <= got


def test_the_object_of_a_preposition_is_still_no_mate(extractor) -> None:  # noqa: ANN001
    got = {o for o, *_ in qualified(extractor, "She had tremor of the head, arms and legs.")}
    assert "arms" not in got and "legs" not in got
