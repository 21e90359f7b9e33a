"""Signs told by description, not by name: "quick, darting movements of the eyes" is opsoclonus.

Patient pages, blogs and news describe what a parent sees rather than name the sign.
``rules/descriptions.tsv`` lists such descriptions as patterns, each with the vocabulary
concept it names. A description is a mention spanning its words, longer than any name inside it
("erratic, jumping eye movements" is not HPO's "jumping"); a name across its edge wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from omsgraph.corpus.model import Concept
from omsgraph.extract import cues
from omsgraph.extract.factoring import Keywords
from omsgraph.extract.lexicon import Lexicon, Mention

__all__ = ["with_descriptions"]

_SIGNS = frozenset({"symptom", "complication"})


@dataclass(frozen=True)
class _Description:
    """One row of ``rules/descriptions.tsv``, compiled."""

    keys: tuple[str, ...]  # one of them is in every line the row reads (a quick test)
    pattern: re.Pattern[str]
    concept: str


@cache
def _keys() -> Keywords:
    return Keywords(k for r in _rules() for k in r.keys)


@cache
def _rules() -> tuple[_Description, ...]:
    return tuple(
        _Description(
            cues.keys(r),
            cues.whole_words(r.regex),
            r.fields["concept"],
        )
        for r in cues.table("descriptions.tsv")
    )


def _concept(lexicon: Lexicon, name: str) -> Concept | None:
    """The concept a row names: the vocabulary's of that id, else the sign the ontology layer
    names so ("fatigue": HPO's), else None (the row is left out)."""
    concept = lexicon.concepts.get(name)
    if concept is None:
        concept = lexicon.lookup(name.replace("-", " "), ontology=True)
        if concept is not None and concept.type not in _SIGNS:
            return None
    return concept


def with_descriptions(
    text: str, offset: int, mentions: list[Mention], lexicon: Lexicon
) -> list[Mention]:
    """``mentions`` of ``text`` (offsets plus ``offset``) and the signs it describes, in order.

    A name inside a description yields to it; a name across its edge wins over it.
    """
    low = cues.lower(text)
    found: list[Mention] = []
    present = _keys().present(low)
    for row in _rules():
        if present.isdisjoint(row.keys):
            continue  # none of the row's words in the line
        concept = _concept(lexicon, row.concept)
        if concept is None:
            continue
        named = "name" in row.pattern.groupindex
        for match in row.pattern.finditer(low):
            at, to = match.span("name") if named else match.span()
            start, end = at + offset, to + offset
            if any(f.start < end and start < f.end for f in found):
                continue
            found.append(Mention(start, end, concept, text[at:to]))
    if not found:
        return mentions
    kept = list(found)
    for m in mentions:
        over = [f for f in found if f.start < m.end and m.start < f.end]
        if not over:
            kept.append(m)
        elif not all(f.start <= m.start and m.end <= f.end for f in over):
            kept.append(m)  # a name across the description's edge: the name wins
            kept = [k for k in kept if k not in over]
    return sorted(kept, key=lambda m: m.start)
