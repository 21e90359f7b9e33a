"""The generic tumour of a document read against the specific one it names.

A document that names its tumour ("a neuroblastoma") says no more with "a tumour was found":
the generic tumour is left out where a specific one is claimed. A tumour denied in a document
whose only named tumour is a neuroblastoma ("no tumour was found on repeated imaging", in a
paediatric series that names neuroblastoma as what the search is for) denies that tumour: the
claim is the neuroblastoma's, negated (in a cohort, for those without it)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection

from omsgraph.corpus.model import Concept
from omsgraph.extract.anatomy import site_words
from omsgraph.extract.candidate import Candidate

__all__ = ["settle_generic", "without_redundant_screening"]

#: the neuroblastic tumours, the tumours of childhood the condition comes with
NEUROBLASTIC = frozenset({"neuroblastoma", "ganglioneuroblastoma", "ganglioneuroma"})
_NAMES_NEUROBLASTOMA = re.compile(r"neuroblastom|\bNB\b")
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


def settle_generic(
    out: list[Candidate], generic: Collection[str], text: str, neuroblastoma: Concept | None
) -> list[Candidate]:
    """``out`` with the generic tumour settled as the module docstring says, and a tumour
    named by its head alone left out where the document names it with its site ("the
    teratoma" of a document about an ovarian teratoma)."""
    out = _without_heads(out)
    if any(_tumour(c, generic, False, "affirmed") for c in out):
        out = [c for c in out if not _tumour(c, generic, True, "affirmed")]
    named = {c.concept.id for c in out if _tumour(c, generic, False, c.polarity) and c.concept}
    denied = [c for c in out if _tumour(c, generic, True, "negated")]
    if (
        neuroblastoma is None
        or not denied
        or not named <= NEUROBLASTIC
        or not _NAMES_NEUROBLASTOMA.search(text)
    ):
        return out
    said = any(
        c.concept is not None
        and c.concept.id == neuroblastoma.id
        and c.polarity == "negated"
        and c.predicate == "has_cause"
        for c in out
    )
    settled: list[Candidate] = []
    for c in out:
        if c in denied:
            if said:
                continue
            c = dataclasses.replace(c, concept=neuroblastoma, object=neuroblastoma.label)
            said = True
        settled.append(c)
    return settled


def _without_heads(out: list[Candidate]) -> list[Candidate]:
    tumours = [c for c in out if _tumour(c, (), False, c.polarity)]
    sites = site_words()
    named = {(c.polarity, c.concept.label.lower()) for c in tumours if c.concept is not None}
    heads = {
        (polarity, " ".join(words[k:]))
        for polarity, label in named
        for words in [label.split()]
        for k in range(1, len(words))
        if sites.issuperset(words[:k])  # "ovarian": not "small cell" of small cell lung cancer
    }
    if not heads:
        return out
    return [
        c
        for c in out
        if c not in tumours
        or c.concept is None
        or (c.polarity, c.concept.label.lower()) not in heads
    ]


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
