"""Differential diagnoses as texts set them aside: what a differential trigger introduces
("mistaken for X", "related disorders include X") or closes ("X and Y were considered"), an
infection or cause first thought of, and a modifier that makes a named sign another disease
("epileptic myoclonus", "brainstem encephalitis")."""

from __future__ import annotations

import re
from functools import lru_cache

from omsgraph.extract import cues, retyping
from omsgraph.extract.anatomy import site_words
from omsgraph.extract.cues import closers, introducers
from omsgraph.extract.lexicon import Mention

__all__ = [
    "DIFFERENTIAL",
    "alternatives",
    "introduced",
    "modified",
    "not_the_same",
    "of_another_disease",
    "swapped",
]

#: the frame of a mention that a FORWARD differential trigger introduces in its clause
_ANY = frozenset({"differential"})
DIFFERENTIAL = "introduced:differential"
CLOSED = "closed:differential"  # the frame came after the mention: "rituximab was considered"
#: what ends the frame: a stop (not those of "e.g.", "i.e.", "etc.", "vs." or a decimal
#: point), a relative or contrast word, a new clause with its own verb ("thought it was OMS,
#: and rituximab was started")
_BREAK = re.compile(
    r"[;!?]|(?<!\be\.g)(?<!\bi\.e)(?<!\be)(?<!\bi)(?<!\betc)(?<!\bvs)\.(?!\d)"
    r"|\b(?:which|who|whose|because|whereas|but)\b"
    r"|,\s*(?:and|so|then)(?=\s+(?:[\w-]+\s+){1,3}?(?:was|were|is|are|has|have|had)\b)"
    r"|,\s*(?:and\s+|but\s+)?(?:then|later|afterwards|until)\b"  # "thought X, then Y appeared"
    r"|\b(?:and|then)(?=\s+(?:gave|started|began|treated|prescribed|added|administered|ordered)\b)"
    # the patients the alternative is sought in, and what it would explain ("to rule out a
    # tumour in every child with opsoclonus", "to exclude drugs as a cause of ataxia")
    r"|\bin\s+(?:every|any|all|each|a)?\s*(?:child|children|patients?|toddlers?|infants?|adults?)"
    r"\s+with\b|\bas\s+(?:a\s+|the\s+)?causes?\s+of\b|\b(?:after|before|while)\b"
    # what tells the two apart is the condition's own ("differs from X in that opsoclonus is
    # present", "distinguished from X by the presence of opsoclonus")
    r"|\bin\s+(?:that(?!\s+(?:the\s+)?(?:latter|former|it|they|this|these)\b)|having|its|the\s+presence)\b"
    r"|\bby\s+(?:the\s+)?(?:presence|having|its)\b"
)


#: a verb that makes a line under a differentials heading a statement, not a bare list
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|has|have|had|lacks?|shows?|may|can|could|should|must|does|do|"
    r"did|include[sd]?|tends?|presents?|occurs?|resembles?|lacks|shows|seen|found)\b"
)


def _broken(sentence: str, start: int, end: int) -> bool:
    """Whether the frame ends between ``start`` and ``end`` (a break's lookahead may read on)."""
    found = _BREAK.search(sentence, start)
    return found is not None and found.start() < end


def introduced(
    sentence: str,
    at: int,
    frames: frozenset[str] = _ANY,
    section: frozenset[str] = frozenset(),
    own: bool = False,
) -> frozenset[str]:
    """``{DIFFERENTIAL}`` when a FORWARD differential trigger ("mistaken for", "related
    disorders include") stands before position ``at`` of the lower-cased sentence, in its clause: a
    sign named there is a differential diagnosis, not a symptom. ``frames`` are the
    sentence's frames when known (no differential frame: nothing to look for). A bare list
    without a verb under a "Differential diagnosis" heading (``section``) introduces its
    items too, except the condition's ``own`` signs ("opsoclonus due to drugs"); in a table's
    row only its first cell counts ("Spasmus nutans | nystagmus has a slow phase")."""
    if "differential" in section and not own and not _VERB.search(sentence.split(" | ", 1)[0]):
        return frozenset({DIFFERENTIAL})
    if "differential" not in frames:
        return frozenset()
    for end in _differential_ends(sentence):
        if end <= at and not _broken(sentence, end, at):
            return frozenset({DIFFERENTIAL})
    for start in _differential_starts(sentence):  # "X and Y were considered"
        if at < start and not _broken(sentence, at, start):
            return frozenset({DIFFERENTIAL, CLOSED})
    return frozenset()


@lru_cache(maxsize=64)
def _differential_ends(sentence: str) -> tuple[int, ...]:
    return tuple(end for end, frame in introducers(sentence) if frame == "differential")


@lru_cache(maxsize=64)
def _differential_starts(sentence: str) -> tuple[int, ...]:
    return tuple(start for start, frame in closers(sentence) if frame == "differential")


#: a modifier that makes a named sign or disease another one: an adjective ("epileptic
#: myoclonus", "toxic encephalopathy") or a body site ("brainstem encephalitis")
_MODIFIER = re.compile(r"((?:[a-z]+-)?(?:[a-z]{3,}(?:ic|al|ar|ous|ile|ine|oid)|[a-z]+))[ -]\Z")
_NOT_MODIFIERS = frozenset(
    "typical atypical classical clinical several general usual initial potential additional "
    "other similar particular principal important main final original chronic severe "
    "mild marked possible probable including include includes and or of with from as such".split()
)
_DISEASE_WORDS = frozenset({"acute", "benign", "progressive"})  # words of diseases' names


def modified(low: str, start: int, end: int | None = None) -> tuple[int, str] | None:
    """(start, name) of the name at ``start:end`` of the lower-cased text with the word that
    modifies it into another disease, in a differential list ("epileptic myoclonus",
    "brainstem encephalitis"), or None; without ``end``, (start, the modifier)."""
    match = _MODIFIER.search(low, max(0, start - 30), start)
    if match is None:
        return None
    word = match.group(1)
    if word in _NOT_MODIFIERS:
        return None
    if not (_ADJECTIVE_END.search(word) or word in site_words() or word in _DISEASE_WORDS):
        return None
    return match.start(1), word if end is None else f"{word} {low[start:end]}"


_ADJECTIVE_END = re.compile(r"(?:ic|al|ar|ous|ile|ine|oid|induced)$")  # "drug-induced"


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


def swapped(sentence: str, spans: list[tuple[int, int, bool]]) -> tuple[set[int], set[int]]:
    """(indices made differentials, indices kept as signs) of the mentions ``spans`` (start,
    end, whether the mention is the condition or a sign its name names) around a trigger whose
    sides may swap: in "ocular flutter should be distinguished from opsoclonus" the side after
    the trigger is the condition's own sign, so the side before it is the differential."""
    made: set[int] = set()
    kept: set[int] = set()
    for match in retyping.cue("CONTRAST").finditer(sentence):
        after = [
            i
            for i, (a, _, _) in enumerate(spans)
            if a >= match.end() and not _broken(sentence, match.end(), a)
        ]
        if not after or not spans[after[0]][2]:
            continue
        kept.update(i for i in after if spans[i][2])
        made.update(
            i
            for i, (_, b, own) in enumerate(spans)
            if b <= match.start() and not own and not _broken(sentence, b, match.start())
        )
    return made, kept


_SUBJECT = re.compile(r"(?:^|[:;,(]\s*|\b(?:and|but|so|that|because|as)\s+)(?:it|this|that)\s+\Z")


def not_the_same(sentence: str, at: int, subjects: list[int]) -> bool:
    """Whether the mention at ``at`` of the lower-cased sentence is a disease the condition is
    said not to be ("OMS is not epilepsy", "remember: this is not a seizure disorder"):
    ``subjects`` are the end offsets of the condition's mentions in the sentence."""
    for match in retyping.cue("NOT_THE_SAME").finditer(sentence, 0, at):
        if match.end() != at:
            continue
        before = sentence[: match.start()]
        subject = len(re.sub(r"\s*\([^()]{1,12}\)\s*\Z|\s+\Z", "", before))  # "OMS (DES) is"
        if subject in subjects or len(before.rstrip()) in subjects or _SUBJECT.search(before):
            return True
    return False


_FROM_ANOTHER = re.compile(r"\s+(?:from|due to|caused by|secondary to|in|of)\s+(?:an?\s+|the\s+)?")


def of_another_disease(sentence: str, end: int, starts: list[int]) -> bool:
    """Whether the sign ending at ``end`` is said to come from another disease named after it
    ("opsoclonus from brainstem encephalitis": that disease is the differential, not the sign;
    "myoclonus of other causes" names none, so the sign is). ``starts`` are the offsets of the
    sentence's other mentions."""
    match = _FROM_ANOTHER.match(sentence, end)
    if match is None:
        return False
    at = match.end()
    return any(a >= at and len(sentence[at:a].split()) <= 1 for a in starts)  # a word between


_HEADING_WORDS = re.compile(r"differential(?:\s+diagnos[ie]s)?", re.I)


def heading_frames(line: str) -> frozenset[str]:
    """The frames a heading gives the lines under it: "Differential diagnosis" and "DDx" name
    the differentials, and their lines are a list of them; "Diagnosis and differential
    diagnosis" names the diagnosis too, and its lines are no such list."""
    frames = cues.heading_frames(line)
    if "differential" in frames and cues.heading_frames(_HEADING_WORDS.sub("", line)) - {
        "differential"
    }:
        return frames - {"differential"}
    return frames
