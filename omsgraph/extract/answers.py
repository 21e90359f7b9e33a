"""A question answered by the next words: "Is there a blood test for OMS? No." denies the
blood test; "... ? Yes." states it. A question alone states nothing (its claims are hedged,
omsgraph/extract/qualify.py); the answer that follows it, in an interview, a FAQ or a forum,
says which way it goes."""

from __future__ import annotations

import dataclasses
import re

from omsgraph.extract.candidate import Candidate

__all__ = ["answered"]

#: a bare answer after a question: "No.", "A: No,", "Yes!" (not "No tumour was found")
_ANSWER = re.compile(
    r"\s*(?:A\s*[:.)–-]\s*|Answer\s*:\s*)?(?P<word>no|nope|not really|yes|yep|yeah)\b"
    r"(?=\s*(?:[.,!;:–-]|$))",
    re.IGNORECASE,
)
_NO = frozenset({"no", "nope", "not really"})
_VALUES = frozenset({"epidemiology", "prognosis"})


def answered(text: str, s: int, e: int, found: list[Candidate]) -> list[Candidate]:
    """``found``, the claims of the sentence ``text[s:e]``, as the answer after it says: a
    question's hedged claims negated by "No", asserted by "Yes"."""
    if not found or not text[s:e].rstrip().rstrip("\"'”’)").endswith("?"):
        return found
    answer = _ANSWER.match(text, e)
    if answer is None:
        return found
    no = answer.group("word").lower() in _NO
    return [
        dataclasses.replace(c, certainty="asserted", polarity="negated" if no else c.polarity)
        if c.certainty == "hedged" and c.predicate not in _VALUES
        else c
        for c in found
    ]
