"""What a page says of inheritance is a (usually negated) genetic cause; an inherited disease's
name is no such statement."""

from __future__ import annotations

import pytest


def _qualified(extractor, text: str) -> set[tuple[str, str, str]]:  # noqa: ANN001
    return {(c.predicate, c.object, c.polarity) for c in extractor.extract(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Dancing eye syndrome is not hereditary.",
        "The condition is not passed down in families.",
        "No genetic basis has been found.",
        "It is not thought to be inherited, and brothers and sisters are not at higher risk.",
    ],
)
def test_a_denied_inheritance_is_a_negated_genetic_cause(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_cause", "genetic cause", "negated") in _qualified(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Inherited metabolic disorders were excluded by the laboratory.",
        "A hereditary ataxia was considered and ruled out.",
        "Genetic testing of the tumour showed no MYCN amplification.",
    ],
)
def test_an_inherited_diseases_name_is_no_genetic_cause(extractor, text: str) -> None:  # noqa: ANN001
    assert not [c for c in _qualified(extractor, text) if c[1] == "genetic cause"]


@pytest.mark.parametrize(
    "text",
    [
        "It is not an inherited condition.",
        "The condition is not considered to be hereditary.",
    ],
)
def test_the_condition_said_not_to_be_inherited(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_cause", "genetic cause", "negated") in _qualified(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Inherited: no",  # a fact box's answer is no statement the words read
        "Neuroblastoma is sometimes inherited through ALK mutations.",  # the tumour's
        "Hereditary neuroblastoma is rare.",
        "Leigh disease is an inherited disorder of energy metabolism.",
    ],
)
def test_no_genetic_cause_of_the_condition(extractor, text: str) -> None:  # noqa: ANN001
    assert not [c for c in _qualified(extractor, text) if c[1] == "genetic cause"]
