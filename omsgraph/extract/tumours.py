"""The generic tumour of a document read against the specific one it names.

A document that names its tumour ("a neuroblastoma") says no more with "a tumour was found":
the generic tumour is left out where a specific one is claimed. A tumour denied stays the
tumour the text denies ("no tumour was found"), whatever tumour the search was for."""

from __future__ import annotations

import re
from collections.abc import Collection

from omsgraph.corpus.model import Concept
from omsgraph.extract.anatomy import site_words
from omsgraph.extract.candidate import Candidate

__all__ = ["settle_generic", "without_redundant_screening"]

#: a judgement made at the bedside, no test that searches for a tumour ("once the clinical
#: diagnosis is made, every child must be screened for neuroblastoma")
_BEDSIDE = re.compile(
    r"(?:clinical diagnosis|(?:neurological|physical|clinical) examination|(?:medical )?history"
    r"|diagnostic criteria|.+ scale)"
)


def _tumour(c: Candidate, generic: Collection[str], is_generic: bool, polarity: str) -> bool:
    return (
        c.predicate == "has_cause"
        and c.polarity == polarity
        and c.concept is not None
        and c.concept.type == "tumour"
        and (c.concept.id in generic) is is_generic
    )


def settle_generic(out: list[Candidate], generic: Collection[str]) -> list[Candidate]:
    """``out`` with the generic tumour settled as the module docstring says, and a tumour
    named by its head alone left out where the document names it with its site ("the
    teratoma" of a document about an ovarian teratoma)."""
    out = _without_heads(out)
    if any(_tumour(c, generic, False, "affirmed") for c in out):
        out = [c for c in out if not _tumour(c, generic, True, "affirmed")]
    return out


def _without_heads(out: list[Candidate]) -> list[Candidate]:
    def key(c: Candidate) -> tuple[str, str] | None:
        if c.predicate != "has_cause" or c.concept is None or c.concept.type != "tumour":
            return None
        return c.polarity, c.concept.label.lower()

    sites = site_words()
    heads = {
        (polarity, " ".join(words[k:]))
        for polarity, label in filter(None, map(key, out))
        for words in [label.split()]
        for k in range(1, len(words))
        if sites.issuperset(words[:k])  # "ovarian": not "small cell" of small cell lung cancer
    }
    return [c for c in out if key(c) not in heads] if heads else out


def without_redundant_screening(
    found: list[Candidate], screening: Concept | None
) -> list[Candidate]:
    """A sentence's claims less the tumour search where the sentence names the tests that do
    the searching ("scans of the chest and an MIBG scan to look for a neuroblastoma"): those
    tests are the claims. A diagnosis, an examination or criteria search for nothing."""
    if screening is None or not any(
        c.concept is not None and c.concept.id == screening.id for c in found
    ):
        return found
    tests = [
        c
        for c in found
        if c.predicate == "diagnosed_by"
        and c.concept is not None
        and c.concept.id != screening.id
        and not _BEDSIDE.fullmatch(c.concept.label)
    ]
    if not tests:
        return found
    return [c for c in found if c.concept is None or c.concept.id != screening.id]
