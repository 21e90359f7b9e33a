"""Shapes of mentions that type or drop them: glosses, named antibodies, other names.

Small general rules of the extractor (omsgraph.extract.pipeline) kept apart so that each
can be read and tested on its own; every one is tested with sentences written for it in
tests/extract/test_general_rules.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from omsgraph.corpus.vocabulary import normalise
from omsgraph.extract.lexicon import Mention

__all__ = ["antibodies", "assert_later", "described", "same_name"]

# a named antibody is a diagnostic test in this literature ("anti-Ri antibodies", "onconeuronal
# antibodies", "anti-neuronal and anti-Purkinje cell antibodies"): its kinds, then the head
_ANTIBODY_KIND = r"(?:anti-[a-z0-9]+(?:[ -]cell)?|[a-z]*neuronal(?: (?:surface|cell))?)"
_ANTIBODY = re.compile(
    rf"\b({_ANTIBODY_KIND}(?:(?:,\s*|,?\s+(?:and|or)\s+){_ANTIBODY_KIND})*)\s+antibod(?:y|ies)\b"
)
_ANTIBODY_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


@lru_cache(maxsize=4096)
def same_name(surface: str, label: str) -> bool:
    """Whether ``surface`` is the label itself, spelt with other hyphens or spaces."""
    return re.sub(r"[\s\-–]+", " ", normalise(surface)) == re.sub(r"[\s\-–]+", " ", label)


_GLOSS_GAP = re.compile(r"[^,;.()]{0,60}\(\s*\Z")
_DESCRIBED = frozenset({"symptom", "complication", "finding"})


def described(low: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions of a sentence less the phrases that only gloss another sign: in "twitches
    of a muscle (myoclonus)" the bracket names the sign, the phrase before it describes it."""
    if len(mentions) < 2:
        return mentions
    ordered = sorted(mentions, key=lambda m: m.start)
    drop: set[int] = set()
    for a, b in zip(ordered, ordered[1:], strict=False):
        if (
            a.concept.type in _DESCRIBED
            and b.concept.type in _DESCRIBED
            and a.concept.id != b.concept.id
            and _GLOSS_GAP.match(low, a.end, b.start)
        ):
            drop.add(id(a))
    return [m for m in mentions if id(m) not in drop] if drop else mentions


def antibodies(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each named antibody of a lower-cased sentence."""
    out = []
    for match in _ANTIBODY.finditer(sentence):
        cursor = match.start(1)
        for kind in _ANTIBODY_SPLIT.split(match.group(1)):
            at = sentence.find(kind, cursor, match.end(1))
            cursor = at + len(kind)
            kind = re.sub(r"^anti-(?=[a-z]+al\b)", "anti", kind)  # "antineuronal", closed up
            out.append((at, match.end(), f"{kind} antibodies"))
    return out


def assert_later(out: list, key: tuple[str, str, str], candidate: Any) -> None:
    """Replace the hedged claim of ``key`` in ``out`` by ``candidate``, asserted: a document
    that says a thing plainly somewhere asserts it ("X may occur ... X was present")."""
    for i, kept in enumerate(out):
        obj = kept.concept.id if kept.concept else kept.object
        if (kept.predicate, obj, kept.polarity) == key:
            if kept.certainty == "hedged":
                out[i] = candidate
            return
