"""Shared fixtures of the extraction tests: the extractor over the checkout's vocabulary, the
(predicate, object) pairs it finds in a text, and the figures of a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from omsgraph.corpus.vocabulary import load_vocabulary
from omsgraph.extract import Extractor
from omsgraph.extract.figures import find_figures

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_vocabulary(ROOT / "data" / "vocabulary.yaml"))


def claims(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    """(predicate, object) of every claim `extractor` finds in `text`."""
    return {(c.predicate, c.object) for c in extractor.extract(text)}


def qualified(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    """(object, polarity, certainty) of every claim `extractor` finds in `text`."""
    return {(c.object, c.polarity, c.certainty) for c in extractor.extract(text)}


def found(sentence: str) -> list[tuple[str, str]]:
    """(attribute, value) of every figure :func:`find_figures` reads in ``sentence``."""
    return [(f.attribute, f.object) for f in find_figures(sentence)]


def only(sentence: str):  # noqa: ANN201
    """The one figure of ``sentence`` (the test fails on none or several)."""
    (figure,) = find_figures(sentence)
    return figure
