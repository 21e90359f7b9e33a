"""Differential diagnoses as texts set them aside: what a differential trigger introduces
("mistaken for X", "related disorders include X") or closes ("X and Y were considered"), an
infection or cause first thought of, and a modifier that makes a named sign another disease
("epileptic myoclonus", "brainstem encephalitis")."""

from __future__ import annotations

import re
from functools import lru_cache

from omsgraph.extract import cues
from omsgraph.extract.anatomy import site_words
from omsgraph.extract.cues import closers, introducers
from omsgraph.extract.lexicon import Mention

__all__ = ["DIFFERENTIAL", "alternatives", "introduced", "modified"]

#: the frame of a mention that a FORWARD differential trigger introduces in its clause
_ANY = frozenset({"differential"})
DIFFERENTIAL = "introduced:differential"
_BREAK = re.compile(r"[;.!?]|\b(?:which|who|whose|because|whereas|but)\b")  # ends the frame


def introduced(sentence: str, at: int, frames: frozenset[str] = _ANY) -> frozenset[str]:
    """``{DIFFERENTIAL}`` when a FORWARD differential trigger ("mistaken for", "related
    disorders include") stands before position ``at`` of the lower-cased sentence, in its clause: a
    sign named there is a differential diagnosis, not a symptom. ``frames`` are the
    sentence's frames when known (no differential frame: nothing to look for)."""
    if "differential" not in frames:
        return frozenset()
    for end in _differential_ends(sentence):
        if end <= at and not _BREAK.search(sentence, end, at):
            return frozenset({DIFFERENTIAL})
    for start in _differential_starts(sentence):  # "X and Y were considered"
        if at < start and not _BREAK.search(sentence, at, start):
            return frozenset({DIFFERENTIAL})
    return frozenset()


@lru_cache(maxsize=64)
def _differential_ends(sentence: str) -> tuple[int, ...]:
    return tuple(end for end, frame in introducers(sentence) if frame == "differential")


@lru_cache(maxsize=64)
def _differential_starts(sentence: str) -> tuple[int, ...]:
    return tuple(start for start, frame in closers(sentence) if frame == "differential")


#: a modifier that makes a named sign or disease another one: an adjective ("epileptic
#: myoclonus", "toxic encephalopathy") or a body site ("brainstem encephalitis")
_MODIFIER = re.compile(r"([a-z]{3,}(?:ic|al|ar|ous|ile|ine|oid)|[a-z]+)[ -]\Z")
_NOT_MODIFIERS = frozenset(
    "typical atypical classical clinical several general usual initial potential additional "
    "other similar particular principal important main final original chronic severe "
    "mild marked possible probable including include includes and or of with from as such".split()
)
_DISEASE_WORDS = frozenset({"acute", "benign", "progressive"})  # words of diseases' names


def modified(low: str, start: int) -> tuple[int, str] | None:
    """(start, modifier) of the word that modifies the name starting at ``start`` of the
    lower-cased text into another disease, in a differential list ("epileptic" myoclonus,
    "brainstem" encephalitis), or None."""
    match = _MODIFIER.search(low, max(0, start - 30), start)
    if match is None:
        return None
    word = match.group(1)
    if word in _NOT_MODIFIERS:
        return None
    if not (_ADJECTIVE_END.search(word) or word in site_words() or word in _DISEASE_WORDS):
        return None
    return match.start(1), word


_ADJECTIVE_END = re.compile(r"(?:ic|al|ar|ous|ile|ine|oid)$")


#: a tumour "first diagnosed" is one; an infection first thought of is a differential
#: (omsgraph.extract.predicates)
_CAUSE_KINDS = frozenset({"cause"})


def alternatives(text: str, s: int, mentions: list[Mention]) -> set[int]:
    """ids of the infections and causes that a differential trigger introduces in
    their clause: what the condition was mistaken for, or what the family doctor first thought
    it was ("was first treated for an ear infection", "the GP thought it was a virus"), is an
    alternative that was set aside, no cause of the condition."""
    if not any(m.concept.type in _CAUSE_KINDS for m in mentions):
        return set()
    low = cues.lower(text[s : max(m.end for m in mentions)])
    if not cues.FRAMES["differential"].search(low):
        return set()
    return {
        id(m) for m in mentions if m.concept.type in _CAUSE_KINDS and introduced(low, m.start - s)
    }
