"""Mentions that describe or name rather than claim: a treatment in an apposition that only
describes the treatment before it ("rituximab, an anti-CD20 monoclonal antibody"), and a
specialty that names a place or body ("four paediatric neurology centres", "Department of
Neurology")."""

from __future__ import annotations

import re

from omsgraph.extract.lexicon import Mention

__all__ = ["PERSON", "apposed", "institution"]

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
    r"conferences?|meetings?|congress(?:es)?|working groups?|residency|fellowship|training|"
    r"units?|wards?|cns\s+teams?|groups?|trials?|cases|reports|"
    r"sessions?|services?|bleep|ext\b)\b",
    re.I,
)
_INSTITUTION_BEFORE = re.compile(
    r"(?:(?:department|dept\.?|division|div\.?|institute|school|faculty|professor|chair|"
    r"society|college|academy) of\s+(?:[\w-]+\s+)?|(?:^|\n)\s*[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§(\d)]+\s*"
    r"(?:[\w-]+\s+)?|(?:reports|journal|annals|archives|advances|frontiers|topics) in\s+"
    r"(?:[\w-]+\s+)?|(?-i:\b(?:Dr|Prof|Professor)\.?\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*,\s+)"
    r"(?!(?:an?|the)\s)(?:consultant\s+|senior\s+|specialist\s+)?(?:[\w-]+\s+)?)\Z",
    re.I,
)
#: a line of a page's chrome, its parts split by bars and holding a header's words ("Journal
#: | Open Access | Published ...", "... bleep 4471 | Ward 6"): a specialty there names a
#: journal, a category or a sender
_CHROME_WORDS = re.compile(
    r"\b(?:open access|published|received|accepted|category|author|approved|session|congress|"
    r"poster|last (?:edited|updated|reviewed)|doi|vol|issue|ext|bleep|tel|copyright)\b",
    re.I,
)
_NAMED = re.compile(r" [A-Z][a-z]+ [A-Z][a-z]+")  # a name after a role: "neurologist Marcel K."
#: a specialty named as a person ("neurologist", "paediatrician", "surgeon")
PERSON = re.compile(r"(?:ists?|ians?|surgeons?|doctors?)\Z", re.I)


def institution(text: str, m: Mention) -> bool:
    """Whether the specialty mention ``m`` names a place, body, journal or person, not a
    specialist who cares for the condition."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return bool(
        _INSTITUTION_AFTER.match(text, m.end)
        or PERSON.search(m.surface) is not None
        and _NAMED.match(text, m.end)
        or _INSTITUTION_BEFORE.search(text[max(0, m.start - 60) : m.start])
        or " | " in line
        and _CHROME_WORDS.search(line) is not None
    )
