"""Brackets that hold the items a panel of tests looked for: "Infectious screen (HIV, EBV,
Mycoplasma PCR) was negative" denies each item, where a bracket that gives a reason or a
finding ("MRI (performed for ataxia) was normal", "serology (positive for Mycoplasma IgM)")
is an aside the result does not reach (omsgraph/extract/qualify.py)."""

from __future__ import annotations

import re

__all__ = ["TAIL", "panel"]

#: the rest of a closed bracket, between a mention in it and the verb after it
TAIL = re.compile(r"[^()\[\].;]{0,80}\)\s*")
#: a panel's head just before the bracket opens
_PANEL = re.compile(r"\b(?:screen|panel|tests?|studies|serology|work-?up|cultures?|swabs?)\s*\($")
#: words that make the bracket an aside: a result, a purpose, a finding
_ASIDE = re.compile(r"\b(?:positive|for|showing|shown|performed|prompted|at|by|igm|igg)\b")


def panel(text: str, left: int, close: int) -> bool:
    """Whether the ``)`` at ``close`` of lower-cased ``text`` ends a panel's bracket that
    opened just before ``left``: a result after it reaches the items inside."""
    return (
        text[close] == ")"
        and _PANEL.search(text, 0, left) is not None
        and _ASIDE.search(text, left, close) is None
    )
