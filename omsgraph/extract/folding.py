"""Words and their folded keys, shared by the curated lexicon and the ontology layer: text is
cut into word tokens and each token folded (case, accents, British/American spelling, plural
and agent-noun endings) so that ``Tumours``, ``tumor`` and ``tumors`` are one key."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_token", "tokens"]

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def fold_token(token: str) -> str:
    """One comparable key per word form: ``Tumours`` -> ``tumor``, ``therapist`` -> ``therapy``."""
    t = token.casefold()
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    if len(t) <= 3:
        return t
    t = t.replace("paed", "ped").replace("aetio", "etio").replace("haem", "hem")
    if t.endswith("ies") and len(t) > 4:
        t = t[:-3] + "y"
    elif t.endswith(("ses", "xes", "ches", "shes")) and len(t) > 5:
        t = t[:-2]
    elif t.endswith("s") and not t.endswith(("ss", "us", "is", "ys", "as")):
        t = t[:-1]
    if t.endswith("our") and len(t) > 5:
        t = t[:-3] + "or"
    if t.endswith("ist") and len(t) > 6:
        t = t[:-3] + "y"
    return t


def tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for every word of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
