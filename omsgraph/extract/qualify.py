"""One sentence's cues, found once, then asked per mention: frames, negation and hedging scope.

NegEx/ConText style: a negation trigger before a mention negates it when no terminator
("but", "which", ";", a bracket ...) stands between them and it is at most eight words away;
a post-trigger ("is normal", "was ruled out") negates the mention just before it; pseudo
triggers ("by no means", "not only", "not infrequently") negate nothing. Modal hedges ("may",
"can", "likely") cover their clause; adverbial ones ("often", "thought to") run forward.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from omsgraph.extract import cues

__all__ = ["SentenceCues"]

_CLAUSE_BREAK = re.compile(r"\b(?:but|however|although|though|whereas|which|whose|that|who)\b|;")


#: clause breaks, hedges and stops in one scan (each a named group)
_SCOPE_CUES = re.compile(
    f"(?P<brk>{_CLAUSE_BREAK.pattern})|(?P<modal>{cues.HEDGE_MODAL.pattern})|"
    f"(?P<forward>{cues.HEDGE_FORWARD.pattern})|(?P<soft>{cues.HEDGE_SOFT.pattern})|(?P<stop>:)"
)


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with the matches of ``pattern`` overwritten by spaces (offsets unchanged)."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


class SentenceCues:
    """The cue phrases of one sentence with their positions (relative to the sentence)."""

    def __init__(self, sentence: str):
        self.text = sentence
        self.frame_spans = cues.frame_spans(sentence)
        self.frames = frozenset(frame for _, frame in self.frame_spans)
        self.negations: list[int] = []  # end offsets of pre-triggers
        self.terminators: list[tuple[int, int]] = []
        self.blanked = sentence
        self.may_negate = bool(cues.NEG_PRE.search(sentence) or cues.NEG_POST_HINT.search(sentence))
        if self.may_negate:
            self.blanked = _blank(sentence, cues.NEG_PSEUDO)
            self.negations = [m.end() for m in cues.NEG_PRE.finditer(self.blanked)]
            self.terminators = [(m.start(), m.end()) for m in cues.TERMINATOR.finditer(sentence)]
        self.breaks: list[tuple[int, int]] = []
        self.modals: list[int] = []
        self.forward: list[int] = []
        self.soft: list[int] = []
        self.stops: list[int] = []
        lists = {"modal": self.modals, "forward": self.forward, "soft": self.soft}
        for match in _SCOPE_CUES.finditer(sentence):
            kind = match.lastgroup
            if kind == "brk":
                self.breaks.append((match.start(), match.end()))
                if match.group() == ";":
                    self.stops.append(match.start())
            elif kind == "stop":
                self.stops.append(match.start())
            elif kind:
                lists[kind].append(match.start())

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``start:end``: between "but", "although", "which", ";" ..."""
        left, right = 0, len(self.text)
        for b_start, b_end in self.breaks:
            if b_end <= start:
                left = b_end
            elif b_start >= end:
                right = b_start
                break
        return left, right

    def clause_frames(self, start: int, end: int) -> frozenset[str]:
        left, right = self.clause(start, end)
        return frozenset(f for at, f in self.frame_spans if left <= at < right)

    def qualify(self, start: int, end: int, hedged: bool = False) -> tuple[str, str]:
        """(polarity, certainty) of the mention at ``start:end``."""
        negated = False
        if self.may_negate:
            left, right = 0, len(self.text)
            for t_start, t_end in self.terminators:
                if t_end <= start:
                    left = t_end
                elif t_start >= end:
                    right = t_start
                    break
            for trigger_end in self.negations:
                if left <= trigger_end <= start:
                    if len(self.blanked[trigger_end:start].split()) <= 8:
                        negated = True
                        break
            if not negated and cues.NEG_POST.match(self.blanked, end, right):
                negated = True
        c_left, c_right = self.clause(start, end)
        if any(c_left <= at < c_right for at in self.modals):
            hedged = True
        if not hedged and self.forward:
            from_ = 0
            stop = bisect_left(self.stops, start)
            if stop:
                from_ = self.stops[stop - 1]
            if any(from_ <= at < start for at in self.forward):
                hedged = True
        if negated and any(c_left <= at < c_right for at in self.soft):
            hedged = True
        return ("negated" if negated else "affirmed"), ("hedged" if hedged else "asserted")
