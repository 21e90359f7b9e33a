"""Mentions that describe or name rather than claim: a treatment in an apposition that only
describes the treatment before it ("rituximab, an anti-CD20 monoclonal antibody"), and a
specialty that names a place or body ("four paediatric neurology centres", "Department of
Neurology")."""

from __future__ import annotations

import re

from omsgraph.extract.lexicon import Mention

__all__ = ["apposed", "institution"]

_APPOSED = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}\Z")  # "rituximab, an anti-CD20"
_TREATING = frozenset({"drug", "therapy", "procedure"})


def apposed(text: str, mentions: list[Mention]) -> set[int]:
    """ids of the treatments that only describe the treatment named just before them, in an
    apposition ("Rituximab, an anti-CD20 monoclonal antibody, is used"; "ACTH, a hormone")."""
    out: set[int] = set()
    for before, m in zip(mentions, mentions[1:], strict=False):
        if (
            before.concept.type in _TREATING
            and m.concept.type in _TREATING
            and _APPOSED.fullmatch(text, before.end, m.start)
        ):
            out.add(id(m))
    return out


#: a specialty as the name of a place or body ("six paediatric neurology centres", "Department
#: of Neurology", "¹Paediatric Neurology, University Hospital", "Neurology Grand Round")
_INSTITUTION_AFTER = re.compile(
    r"(?:\s+(?:and|&)\s+[\w-]+)?\s+(?:cent(?:er|re)s?|departments?|divisions?|"
    r"grand rounds?|hospitals?|societ(?:y|ies)|associations?|journals?|"
    r"conferences?|meetings?|congress(?:es)?|working groups?|residency|fellowship|training)\b",
    re.I,
)
_INSTITUTION_BEFORE = re.compile(
    r"(?:(?:department|dept\.?|division|div\.?|institute|school|faculty|professor|chair|"
    r"society|college|academy) of\s+(?:[\w-]+\s+)?|(?:^|\n)\s*[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§]+\s*"
    r"(?:[\w-]+\s+)?)\Z",
    re.I,
)


def institution(text: str, m: Mention) -> bool:
    """Whether the specialty mention ``m`` names a place or body, not a specialist."""
    return bool(
        _INSTITUTION_AFTER.match(text, m.end)
        or _INSTITUTION_BEFORE.search(text[max(0, m.start - 40) : m.start])
    )
