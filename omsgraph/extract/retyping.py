"""Cues that change what a mention claims (``rules/retyping.tsv``): a treatment whose
withdrawal is named was given (it stays a treatment, affirmed, and its withdrawal, a relapse
trigger, is no cause); an exposure such as a vaccination is a trigger, never a treatment; a
disease that an ontology files among signs ("celiac disease") is an associated condition.
"""

from __future__ import annotations

import re
from functools import cache

from omsgraph.extract import cues

__all__ = [
    "associated",
    "cue",
    "disease_named",
    "exposure",
    "kept",
    "measured",
    "relapse",
    "settled",
    "withdrawn",
]


@cache
def cue(kind: str) -> re.Pattern[str]:
    """The cues of one kind of ``rules/retyping.tsv`` as one whole-word pattern (led by its
    first characters, :func:`~omsgraph.extract.cues.whole_words`: a group where it is a part)."""
    rows = [r for r in cues.table("retyping.tsv") if r.fields["kind"] == kind]
    return cues.whole_words("|".join(r.regex for r in rows))


@cache
def _after() -> re.Pattern[str]:
    """A withdrawal right after a treatment's name: "steroid withdrawal", "the ACTH dose was
    tapered", "immunotherapy should not be withdrawn" (a few auxiliaries between)."""
    dose, stop = cue("DOSE").pattern, cue("WITHDRAWAL").pattern
    aux = (
        r"(?:(?:was|were|is|are|be|been|being|has|have|had|should|must|may|can|could|will|"
        r"not|never|then|later|slowly|gradually|abruptly|rapidly|too|quickly)\s+)"
    )
    lowered = cue("LOWERED").pattern
    return re.compile(
        rf"[\s-]*(?:(?:{dose})\s+{aux}{{0,4}}(?:{lowered})|(?:(?:{dose})\s+)?{aux}{{0,4}}(?:{stop}))"
    )


@cache
def _before() -> re.Pattern[str]:
    """A withdrawal right before a treatment's name: "withdrawal of steroids", "on tapering
    the ACTH", "a reduction of the dose of prednisolone"."""
    dose, stop = cue("DOSE").pattern, cue("WITHDRAWAL").pattern
    owner = r"(?:(?:the|his|her|their|its|a|an)\s+)?"
    return re.compile(
        rf"(?:{stop})\s+(?:(?:of|off|from)\s+)?{owner}(?:(?:{dose})\s+(?:of\s+|with\s+)?{owner})?\Z"
    )


def withdrawn(sentence: str, start: int, end: int) -> bool:
    """Whether the mention at ``start:end`` of the lower-cased sentence is a treatment said to
    be stopped, tapered or lowered (or not to be): a treatment that was given."""
    if _after().match(sentence, end):
        return True
    return _before().search(sentence[max(0, start - 60) : start]) is not None


#: a treatment denied only as a comparison's side was given: "not inferior to ACTH", "did
#: not differ between ACTH and dexamethasone", "rituximab rather than IVIG"
_COMPARED = re.compile(
    r"\b(?:(?:not|non)[- ]inferior to|rather than|between|compared (?:with|to)|versus|vs\.?)"
    r"\s+(?:[\w-]+\s+){0,4}?\Z"
)
_DENIED = re.compile(r"\b(?:not|never)\b|n't\b")
_DENIED_BEFORE = re.compile(r"(?:\b(?:not|never|cannot)|n't)\s+(?:[\w-]+\s+){0,2}\Z")


def kept(sentence: str, start: int, end: int) -> bool:
    """Whether the treatment at ``start:end`` is said not to be withdrawn ("should not be
    withdrawn", "the dose was never reduced", "never stop the steroids"): the negation is the
    withdrawal's, and the treatment stands affirmed."""
    after = _after().match(sentence, end)
    if after is not None:
        return _DENIED.search(after.group()) is not None
    before = _before().search(sentence[max(0, start - 60) : start])
    if before is None:
        return False
    at = max(0, start - 60) + before.start()
    return _DENIED_BEFORE.search(sentence[max(0, at - 30) : at]) is not None


def relapse(sentence: str) -> bool:
    """Whether the lower-cased sentence speaks of the illness coming back."""
    return cue("RELAPSE").search(sentence) is not None


def exposure(label: str) -> bool:
    """Whether a concept's label names an exposure (a vaccination): a trigger, no treatment."""
    return cue("EXPOSURE").search(label) is not None


def intercurrent(label: str) -> bool:
    """Whether a sign's label names a sign of an intercurrent infection ("fever", "cough")."""
    return cue("INTERCURRENT").fullmatch(label.lower()) is not None


def tumour_removal(label: str) -> bool:
    """Whether a procedure's label removes an organ or lump an associated tumour sits in."""
    return cue("TUMOUR_REMOVAL").search(label.lower()) is not None


def analyte(label: str) -> bool:
    """Whether a drug-typed label names a substance a laboratory measures ("glucose")."""
    return cue("ANALYTE").fullmatch(label.lower()) is not None


#: a specimen or a ratio just before a substance: it was measured ("urine glucose", "serum
#: sodium", "as a ratio to creatinine")
_SPECIMEN = re.compile(
    r"\b(?:urine|urinary|serum|plasma|blood|csf|cerebrospinal fluid|capillary|ratio to|"
    r"levels? of)\s+(?:for\s+)?\Z"
)
_MEASURED = frozenset({"measured"})


def measured(sentence: str, start: int) -> frozenset[str]:
    """``{"measured"}`` when a specimen or a ratio stands just before ``start`` of the
    lower-cased sentence: what is named there was measured, not given."""
    return _MEASURED if _SPECIMEN.search(sentence, max(0, start - 30), start) else frozenset()


def disease_named(label: str) -> bool:
    """Whether a sign-typed label names another disease ("celiac disease", "hypothyroidism")."""
    return cue("DISEASE_HEAD").search(label) is not None


def associated(sentence: str) -> bool:
    """Whether the lower-cased text says a disease occurs with the condition ("reported in
    patients with", "coexisting")."""
    return cue("ASSOCIATION").search(sentence) is not None


#: grammar: a sign that "had resolved" at follow-up is no sequel ("the opsoclonus had resolved
#: in all", "by then the ataxia had disappeared")
_RESOLVED_AFTER = re.compile(
    r"\s+(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+)?(?:resolved|disappeared|cleared|remitted|"
    r"gone\s+away|subsided)\b"
)


def settled(
    predicate: str, polarity: str, sentence: str, start: int, end: int, relapse: bool
) -> str | None:
    """The polarity of a treatment or a sequel once its course is read: a treatment whose
    withdrawal is denied ("should not be withdrawn") or named in a relapse sentence was given
    (affirmed); a sign that had resolved at follow-up is no sequel (None: no claim; the sign
    itself is told where it was present); a sign of an intercurrent infection said to be
    present is no sign of the condition (None): sources deny fever ("no fever", "afebrile"),
    never claim it."""
    if predicate == "has_symptom":
        if cue("ABSENT_SIGN").fullmatch(sentence, start, end):
            return "negated"  # "she was afebrile"
        present = polarity == "affirmed" and intercurrent(sentence[start:end])
        return None if present else polarity
    if predicate == "treated_by":
        if kept(sentence, start, end) or (relapse and withdrawn(sentence, start, end)):
            return "affirmed"
        if _COMPARED.search(sentence, max(0, start - 40), start):
            return "affirmed"  # "not inferior to ACTH", "did not differ between A and B": given
        return polarity
    if _RESOLVED_AFTER.match(sentence, end):
        return None
    return polarity
