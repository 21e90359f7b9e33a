"""Where sentences end: a stop, its closing quotes or brackets and citation marks, then space
and a capital or digit; not after an abbreviation or an initial, nor in a number sign."""

from __future__ import annotations

import re

__all__ = ["SENTENCE_SPLIT", "ends_sentence"]

#: where a sentence ends: its mark, any closing quote or bracket, space, a capital or digit
SENTENCE_SPLIT = re.compile(  # a citation mark after the stop goes with it ("common.[5] It")
    r"(?<=[.!?])(?:[\"'”’)\]]|\[\d+(?:\s?[,–-]\s?\d+)*\])*\s+(?=[\"'“(\[]?[A-Z0-9•])"
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:St|Dr|Mr|Mrs|Ms|Prof|vs|al|Fig|Vol|e\.g|i\.e|ca|a\.k\.a|aka|approx|incl|cf|esp|resp)"
    r"|\b[A-Z])\.$"
)
_INITIAL = re.compile(r"\b[A-Z]\.$")
#: the words that open a sentence after a letter ("influenza B. He had"), no name after an initial
_OPENER = re.compile(r"[\"'“(]?(?:He|She|They|It|The|This|These|There|We|His|Her|Their|After)\b")
_NUMBER_SIGN = re.compile(r"\bNo\.$")  # "No. 3" goes on; an answer "No." ends its sentence


def ends_sentence(text: str, begin: int, stop: int, after: int) -> bool:
    """Whether the stop before ``stop`` ends the sentence begun at ``begin`` (the next starts at
    ``after``): not after an abbreviation ("Dr.", "e.g.") or an initial ("J. Smith"), unless
    a sentence opens after the letter ("positive for influenza B. He had ..."); not in a number
    sign ("No. 3")."""
    if _ABBREVIATION.search(text, max(begin, stop - 8), stop):
        return bool(_INITIAL.search(text, max(begin, stop - 3), stop)) and bool(
            _OPENER.match(text, after)
        )
    return not (
        text[after : after + 1].isdigit() and _NUMBER_SIGN.search(text, max(begin, stop - 3), stop)
    )
