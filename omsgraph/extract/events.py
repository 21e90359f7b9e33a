"""Actions told as events: "the tumour was surgically removed" names a tumour resection.

A procedure is often not named by a noun ("tumour resection") but told as what happened to
something ("the neuroblastoma was completely resected"). ``rules/events.tsv`` lists such verb
groups, the words the thing acted on must be, and the concept the event names. The event is a
mention spanning the verb group only, so the thing acted on keeps its own mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from omsgraph.corpus.model import Concept
from omsgraph.extract import cues
from omsgraph.extract.lexicon import Mention

__all__ = ["with_events"]

_BEFORE = 60  # characters before a verb group searched for the thing acted on


@cache
def _keys() -> tuple[str, ...]:
    """The words one of which each row's subject holds (the ``key`` column)."""
    return tuple({w for r in cues.table("events.tsv") for w in r.fields["key"].split("|") if w})


@cache
def _rules() -> tuple[tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]], ...]:
    """(one pattern of every event, ((subject pattern, concept id) per event))."""
    rows = cues.table("events.tsv")
    if not rows:
        return ()
    events = re.compile(
        "|".join(f"(?P<e{i}>(?<![\\w-]){r.regex}(?![\\w-]))" for i, r in enumerate(rows))
    )
    subjects = tuple(
        (re.compile(rf"(?<![\w-])(?:{r.fields['subject']})\s+\Z"), r.fields["concept"])
        for r in rows
    )
    return ((events, subjects),)


def with_events(
    text: str, offset: int, mentions: list[Mention], concepts: dict[str, Concept]
) -> list[Mention]:
    """``mentions`` of ``text`` (offsets plus ``offset``) and the events it tells, in order.

    An event inside a name already found is left to that name.
    """
    low = cues.lower(text)
    if not any(word in low for word in _keys()):
        return mentions  # no event's subject in the line (a quick test, for speed)
    found = []
    ends = [m.end for m in mentions]  # the mentions are in order and do not overlap
    for events, subjects in _rules():
        for match in events.finditer(low):
            subject, concept_id = subjects[int((match.lastgroup or "e0")[1:])]
            concept = concepts.get(concept_id)
            at = match.start()
            if concept is None or not subject.search(low, max(0, at - _BEFORE), at):
                continue
            start, end = at + offset, match.end() + offset
            i = bisect_left(ends, start + 1)  # the first mention that ends after the start
            if i < len(mentions) and mentions[i].start < end:
                continue  # inside a name already found
            found.append(Mention(start, end, concept, text[at : match.end()]))
    if not found:
        return mentions
    return sorted([*mentions, *found], key=lambda m: m.start)
