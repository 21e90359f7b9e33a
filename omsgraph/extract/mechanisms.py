"""Mechanism claims: how the condition comes about, as a source says it ("a rare autoimmune
disorder", "the immune system attacks the brain", "the pathogenesis is immune-mediated"),
from the rows of rules/mechanisms.tsv. Each row names the mechanism it claims; the extractor
(omsgraph/extract/pipeline.py) qualifies each as it qualifies a figure."""

from __future__ import annotations

import re
from functools import cache

from omsgraph.extract.cues import keys, table, whole_words

__all__ = ["hedged", "mechanisms"]


@cache
def _rows() -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    return tuple(
        (whole_words(r.regex), r.fields["value"], keys(r)) for r in table("mechanisms.tsv")
    )


def mechanisms(low: str, start: int, end: int) -> list[tuple[int, int, int, str]]:
    """(first, last, end, mechanism) of each mechanism the lower-cased sentence
    ``low[start:end]`` claims, once each: where its words start, where its last word starts
    ("autoimmune", "attacks") and where it ends, relative to the sentence."""
    sentence = low[start:end]
    if not any(w in sentence for w in _keys()):  # what some row needs (speed)
        return []
    out: list[tuple[int, int, int, str]] = []
    for pattern, value, words in _rows():
        if any(value == v for *_, v in out) or not any(w in sentence for w in words):
            continue
        match = pattern.search(low, start, end)
        if match is not None:  # its first and its last word, where a hedge before reaches it
            word = max(match.start(), low.rfind(" ", match.start(), match.end()) + 1)
            out.append((match.start() - start, word - start, match.end() - start, value))
    return out


@cache
def _keys() -> frozenset[str]:
    return frozenset(w for _, _, words in _rows() for w in words)


#: a proposed mechanism, wherever the sentence says so ("Dysfunction of omnipause neurons is
#: thought to underlie the saccades", "... has been proposed")
_PROPOSED = re.compile(
    r"\b(?:thought|believed|proposed|suggested|postulated|hypothesi[sz]ed|presumed|speculated)\b"
    r"(?! (?:by|in) (?:the )?(?:parents?|family|families|mother|father)\b)|\bsuggest(?:s|ing)?\b"
)
_MODAL = re.compile(r"\b(?:may|might|could|probably|possibly|likely|putative|presumably)\b")


def hedged(low: str, start: int, end: int, first: int) -> bool:
    """Whether the sentence ``low[start:end]`` proposes rather than states how the condition
    comes about: a verb of proposing anywhere, or a modal before the mechanism (at ``first``,
    relative to the sentence)."""
    return bool(_PROPOSED.search(low, start, end) or _MODAL.search(low, start, start + first))
