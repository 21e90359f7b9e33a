"""Shared fixtures of the extraction tests: the extractor over the checkout's vocabulary, and
the (predicate, object) pairs it finds in a text."""

from __future__ import annotations

from pathlib import Path

import pytest

from omsgraph.corpus.vocabulary import load_vocabulary
from omsgraph.extract import Extractor

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_vocabulary(ROOT / "data" / "vocabulary.yaml"))


def claims(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    """(predicate, object) of every claim `extractor` finds in `text`."""
    return {(c.predicate, c.object) for c in extractor.extract(text)}
