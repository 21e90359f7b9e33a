"""Actions told as events: "the tumour was surgically removed" names a tumour resection.

A procedure is often not named by a noun ("tumour resection") but told as what happened to
something ("the neuroblastoma was completely resected"). ``rules/events.tsv`` lists such verb
groups, the words the thing acted on must be, and the concept the event names. The event is a
mention spanning the verb group only, so the thing acted on keeps its own mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from omsgraph.corpus.model import Concept
from omsgraph.extract import cues
from omsgraph.extract.factoring import Keywords
from omsgraph.extract.lexicon import Mention

__all__ = ["with_events"]

_BEFORE = 60  # characters before a verb group searched for the thing acted on


@dataclass(frozen=True)
class _Event:
    """One row of ``rules/events.tsv``, compiled."""

    keys: tuple[str, ...]  # one of them is in every line the row reads (a quick test)
    pattern: re.Pattern[str]  # the verb group
    subject: re.Pattern[str]  # what must end just before it
    concept: str


@cache
def _keys() -> Keywords:
    return Keywords(k for r in _rules() for k in r.keys)


@cache
def _rules() -> tuple[_Event, ...]:
    return tuple(
        _Event(
            cues.keys(r),
            cues.whole_words(r.regex),
            re.compile(rf"(?<![\w-])(?:{r.fields['subject']})\s+\Z"),
            r.fields["concept"],
        )
        for r in cues.table("events.tsv")
    )


def with_events(
    text: str, offset: int, mentions: list[Mention], concepts: dict[str, Concept]
) -> list[Mention]:
    """``mentions`` of ``text`` (offsets plus ``offset``) and the events it tells, in order.

    An event inside a name already found is left to that name.
    """
    low = cues.lower(text)
    found = []
    ends = [m.end for m in mentions]  # the mentions are in order and do not overlap
    present = _keys().present(low)
    for event in _rules():
        if present.isdisjoint(event.keys):
            continue  # none of the row's verbs in the line
        concept = concepts.get(event.concept)
        if concept is None:
            continue
        for match in event.pattern.finditer(low):
            at = match.start()
            if not event.subject.search(low, max(0, at - _BEFORE), at):
                continue
            start, end = at + offset, match.end() + offset
            i = bisect_left(ends, start + 1)  # the first mention that ends after the start
            if i < len(mentions) and mentions[i].start < end:
                continue  # inside a name already found
            found.append(Mention(start, end, concept, text[at : match.end()]))
    if not found:
        return mentions
    return sorted([*mentions, *found], key=lambda m: m.start)
