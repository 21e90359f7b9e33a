"""What names how a drug or a test is given, not a treatment of its own: a test's tracer
("MIBG scan", "MRI with gadolinium"), a route next to its drug ("IVIG infusions"), a drug's
name as an antibody's target ("GABA-B receptor", "GABA-B antibodies")."""

from __future__ import annotations

import re

from omsgraph.extract.lexicon import Mention
from omsgraph.extract.openvocab import phrase_pattern

__all__ = ["agents", "tracers"]

_TRACER_GAP = re.compile(r"[\s-]{1,2}(?:\([^()]{1,12}\)[\s-]{1,2})?")  # "123I-MIBG (MIBG) scan"
_TEST_HEAD = phrase_pattern("TEST_HEAD", re.IGNORECASE)
_TRACER = phrase_pattern("TRACER", re.IGNORECASE)


def tracers(text: str, mentions: list[Mention]) -> set[int]:
    """ids of the drugs named just before a test or a test's word, as its tracer or agent
    ("MIBG scintigraphy", "MIBG scan", "FDG PET"): no treatment."""
    out = set()
    for m, after in zip(mentions, [*mentions[1:], None], strict=False):
        if m.concept.type != "drug":
            continue
        gap = _TRACER_GAP.match(text, m.end)
        if gap is None:
            continue
        if not _TRACER.fullmatch(m.surface):
            continue  # "after rituximab imaging showed": a treatment before a test word
        if (after is not None and after.concept.type == "test" and after.start == gap.end()) or (
            _TEST_HEAD.match(text, gap.end())
        ):
            out.add(id(m))
    return out | agents(text, mentions)


_WITH_AGENT = re.compile(r"\s+(?:with|using|and)\s+(?:iv\s+|intravenous\s+)?\Z", re.I)
_ROUTE = phrase_pattern("ROUTE", re.IGNORECASE)
_TARGET_OR_SPARED = re.compile(
    r"[\s-]*(?:[ab]\d?[\s-])?(?:receptors?\b|(?:ig[gm]\s+)?(?:auto)?antibod(?:y|ies)\b)"
    r"|-?\s?sparing\b",  # "a steroid-sparing agent" spares the drug: it is another treatment
    re.I,
)


def agents(text: str, mentions: list[Mention]) -> set[int]:
    """ids of the mentions that name how a drug or test is given, not a treatment: a tracer
    after its test ("MRI with gadolinium"), a route ("IVIG infusions", "an infusion of
    rituximab", "admitted for infusions": the drug it gives is the treatment, alone it names
    none), a drug's name as an antibody's target ("GABA-B receptor")."""
    out = set()
    for before, m in zip([None, *mentions], mentions, strict=False):
        if m.concept.type == "drug":
            if _TARGET_OR_SPARED.match(text, m.end):
                out.add(id(m))
            elif (
                before is not None
                and before.concept.type == "test"
                and _TRACER.fullmatch(m.surface)
                and _WITH_AGENT.fullmatch(text, before.end, m.start)
            ):
                out.add(id(m))
        elif m.concept.type in ("therapy", "procedure") and _ROUTE.fullmatch(m.surface):
            out.add(id(m))  # the drug it gives is the treatment; alone it names none
    return out
