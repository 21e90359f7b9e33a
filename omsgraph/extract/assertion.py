"""The assertion status of any span of text: is it said to be there, and how surely?

``assertion(text, start, end)`` returns ``(polarity, certainty)`` for the span
``text[start:end]``: polarity ``affirmed`` or ``negated``, certainty ``asserted`` or
``hedged``. It reads the sentence around the span with the rules of ``rules/context.tsv``
(NegEx/ConText triggers, their direction and scope, pseudo-triggers and terminators), through
the same :class:`~omsgraph.extract.qualify.SentenceCues` that the extractor uses for every
claim it makes, so a claim's status and this function's answer never differ.

Negation and hedging are read of the relation as well as of the mention: "Steroids do not
help" negates the steroids, "Tumour removal is rarely curative" hedges the removal. A normal
test result ("Brain MRI was unremarkable") keeps the test affirmed when ``kind="test"`` (the
test was done) and negates any other span (a finding that is absent).
"""

from __future__ import annotations

import re

from omsgraph.extract import cues
from omsgraph.extract.qualify import SentenceCues

__all__ = ["assertion"]

_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")


def assertion(text: str, start: int, end: int, kind: str | None = None) -> tuple[str, str]:
    """(polarity, certainty) of ``text[start:end]`` in its sentence.

    ``kind`` is the type of the concept the span names (``"test"``, ``"symptom"`` ...), or
    None; it matters only for normal results.

    >>> text = "Steroids do not help. Ataxia may persist. Brain MRI was unremarkable."
    >>> assertion(text, 0, 8)
    ('negated', 'asserted')
    >>> assertion(text, text.index("Ataxia"), text.index("Ataxia") + 6)
    ('affirmed', 'hedged')
    >>> at = text.index("Brain MRI")
    >>> assertion(text, at, at + 9, kind="test"), assertion(text, at, at + 9)
    (('affirmed', 'asserted'), ('negated', 'asserted'))
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} is outside the text (length {len(text)})")
    s, e = 0, len(text)
    for match in _SENTENCE.finditer(text):
        if match.start() <= start < match.end() or (start == end == match.end()):
            s, e = match.start(), match.end()
            break
    e = max(e, end)
    sentence = cues.lower(text[s:e])
    return SentenceCues(sentence, [(start - s, end - s)]).qualify(start - s, end - s, kind=kind)
