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
        match = next(
            (
                m
                for m in pattern.finditer(low, start, end)
                if not _DENIED.search(m.group()) and not _of_another(low, start, m)
            ),
            None,
        )
        if match is not None:  # its first and its last word, where a hedge before reaches it
            word = max(match.start(), low.rfind(" ", match.start(), match.end()) + 1)
            out.append((match.start() - start, word - start, match.end() - start, value))
    return out


#: a how-word denied: "omnipause neurons are not involved in blinking" says nothing of the
#: condition's mechanism
_DENIED = re.compile(
    r"\b(?:not|never|no longer)\s+(?!only\b|just\b|merely\b|simply\b)(?:\w+\s+)?"
    r"(?:involv|implicat|affect|target)"
)
#: an apposition that gives another disease's mechanism: "Anti-NMDA receptor encephalitis, an
#: antibody-mediated disorder, is a differential"
_APPOSED = re.compile(
    r"\b([\w-]+(?:\s+[\w-]+){0,4}?)\s+(?:encephalitis|syndrome|disease|disorder|neuropathy|"
    r"ataxia|myasthenia|gravis)\s*(?:\([^)]*\))?,\s*(?:an?|the)\s+(?:[\w-]+\s+){0,2}?$"
)
_THE_CONDITION = re.compile(
    r"opsoclonus|myoclonus|\boms\b|\bomas\b|dancing[- ]eye|kinsbourne|^(?:this|the|our|its)\b"
)


def _of_another(low: str, start: int, match: re.Match[str]) -> bool:
    """Whether the mechanism ``match`` is an apposition to another disease's name."""
    apposed = _APPOSED.search(low, max(start, match.start() - 80), match.start())
    return apposed is not None and not _THE_CONDITION.search(apposed.group(1))


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
    comes about: a verb of proposing anywhere in the mechanism's clause, or a modal before the
    mechanism (at ``first``, relative to the sentence) in that clause."""
    if _PROPOSED_THAT.search(low, start, start + first):  # "it is thought that, since ..."
        return True
    cut = [m.end() for m in _CLAUSE.finditer(low, start, start + first)]
    begin = cut[-1] if cut else start
    after = _CLAUSE.search(low, start + first, end)
    stop = after.start() if after is not None else end
    return bool(_PROPOSED.search(low, begin, stop) or _MODAL.search(low, begin, start + first))


#: where the mechanism's clause ends: a proposal in another clause is not its own ("Rituximab
#: was proposed because OMS is antibody-mediated")
_PROPOSED_THAT = re.compile(
    r"\b(?:thought|believed|proposed|suggested|postulated|hypothesi[sz]ed|presumed|speculated|"
    r"suggests?|propose[sd]?|believe[sd]?|think)\s+(?:\w+\s+)?that\b"
)
_CLAUSE = re.compile(r"[;:]|\b(?:because|since|whereas|although|though|but|while)\b")
