"""Alternations of many phrases factored by their leading letters, and sets of key words found
in one pass: for speed.

A rule table compiles to one alternation of many phrases. At each position the regex engine
tries every phrase in turn; :func:`factored` writes the same alternation as a trie over the
phrases' leading letters (``cause|caused by|cured`` becomes ``c(?:ause|aused by|ured)``),
so that a position whose letter starts none of them costs one test.

The factored alternation matches exactly what the plain one matches, and the same match:
at any position only the phrases whose first letter is the letter there can match, and
those are still tried in their given order. A phrase that starts with a group of
alternatives is read as one phrase per alternative (``(?:a|b)c`` is ``ac|bc``, tried in that
order). A phrase that does not start with a plain letter or digit (a class, an escape, a
lookaround, a quantified letter) stays where it stands, and the phrases before and after it
are factored apart, so that no phrase moves across it.

:class:`Keywords` tells which of many fixed strings a text holds, as the tests ``word in
text`` would, in one pass over the text (an Aho-Corasick automaton).

:func:`required` reads from a compiled pattern's own parse tree a set of fixed strings one of
which every match contains (the longest literal run of a sequence, or one string per
alternative of a group that must match): a text that holds none of them holds no match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from operator import itemgetter

import ahocorasick

try:  # the regular expression parser of the standard library (sre_parse before Python 3.11)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

__all__ = ["Keywords", "factored", "holds_one", "required", "top_level"]

_QUANTIFIERS = frozenset("?*+{")
_WORD = itemgetter(1)
_MAX_SPREAD = 16  # a leading group of more alternatives is left as it is


def _structure(regex: str) -> Iterator[tuple[int, str]]:
    """(offset, character) of each "(", ")" and "|" of ``regex`` outside escapes and classes."""
    i, n = 0, len(regex)
    while i < n:
        c = regex[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: skip to its end (a "]" first in it is a literal)
            i += 2 if regex[i + 1 : i + 2] == "^" else 1
            i += 1 if regex[i : i + 1] == "]" else 0
            while i < n and regex[i] != "]":
                i += 2 if regex[i] == "\\" else 1
        elif c in "()|":
            yield i, c
        i += 1


def top_level(regex: str) -> list[str]:
    """The alternatives of ``regex``: its text split at each ``|`` outside groups and classes."""
    parts: list[str] = []
    depth = begin = 0
    for i, c in _structure(regex):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            parts.append(regex[begin:i])
            begin = i + 1
    parts.append(regex[begin:])
    return parts


def _spread(alternative: str) -> list[str]:
    """``alternative`` as the phrases its leading group of alternatives stands for:
    ``(?:a|b)c`` is ``ac`` then ``bc``; any other phrase is itself."""
    if not alternative.startswith("(?:") or "(?P" in alternative:
        return [alternative]
    depth, end = 0, len(alternative)
    for at, c in _structure(alternative):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth == 0:
            end = at
            break
    rest = alternative[end + 1 :]
    if rest[:1] and rest[0] in _QUANTIFIERS:
        return [alternative]  # "(?:a|b)?c": the group is optional
    bodies = top_level(alternative[3:end])
    if len(bodies) > _MAX_SPREAD:
        return [alternative]
    return [phrase for body in bodies for phrase in _spread(body + rest)]


def _lead(alternative: str, fold: bool) -> str | None:
    """The plain letter or digit ``alternative`` starts with (lower-cased when ``fold``)."""
    if not alternative or not (alternative[0].isascii() and alternative[0].isalnum()):
        return None
    if alternative[1:2] and alternative[1] in _QUANTIFIERS:
        return None  # "s?": the letter is optional
    return alternative[0].lower() if fold else alternative[0]


def factored(alternatives: list[str], fold: bool = False) -> str:
    """``"|".join(alternatives)``, factored by leading letters; ``fold`` for a pattern
    compiled with ``re.IGNORECASE`` (then "A" and "a" lead the same branch)."""
    return "|".join(_factor([part for a in alternatives for part in top_level(a)], fold))


def _factor(phrases: list[str], fold: bool) -> list[str]:
    """The factored alternatives of ``phrases`` (none of which holds a top-level "|")."""
    out: list[str] = []
    run: dict[str, list[str]] = {}  # leading letter -> the rest of each of its phrases

    def flush() -> None:
        for lead, tails in run.items():
            inner = _factor(tails, fold) if len(tails) > 1 else tails
            # one branch left: no group ("thir(?:ty|d)", not "t(?:h(?:i(?:r(?:ty|d))))")
            out.append(lead + inner[0] if len(inner) == 1 else f"{lead}(?:{'|'.join(inner)})")
        run.clear()

    for phrase in (p for part in phrases for p in _spread(part)):
        lead = _lead(phrase, fold)
        if lead is None:
            flush()  # no phrase moves across one that may start with any letter
            out.append(phrase)
        else:
            run.setdefault(lead, []).append(phrase[1:])
    flush()
    return out


class Keywords:
    """Fixed strings, and which of them a text holds: :meth:`present` is ``{w for w in words
    if w in text}``, found in one pass."""

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(words)
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        for word in self.words - {""}:
            self._automaton.add_word(word, word)
        self._empty = {""} if "" in self.words else set()  # "" is in every text
        if len(self.words - {""}):
            self._automaton.make_automaton()

    def present(self, text: str) -> set[str]:
        """The words that occur in ``text``."""
        if len(self._automaton) == 0:
            return set(self._empty)
        found = set(map(_WORD, self._automaton.iter(text)))  # (end, word) pairs
        return found | self._empty if self._empty else found


_REPEATS = tuple(
    getattr(_sre, name, None) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
)


def _lead_text(items) -> str:
    """The literal characters a parsed sequence starts with."""
    lead = []
    for op, av in items:
        if op is not _sre.LITERAL:
            break
        lead.append(chr(av))
    return "".join(lead)


def _needs(items) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence ``items`` holds, or None."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        before, run = "".join(run), []
        if before:
            candidates.append(frozenset({before}))
        if op is _sre.BRANCH and before:  # "c(?:i|onfidence)": "ci" or "confidence"
            candidates.append(frozenset(before + _lead_text(a) for a in av[1]))
        if op is _sre.SUBPATTERN:
            ignore_case = av[1] & _sre.SRE_FLAG_IGNORECASE
            need = None if ignore_case else _needs(av[3])
        elif op is _sre.BRANCH:
            alternatives = [_needs(a) for a in av[1]]
            need = None if None in alternatives else frozenset().union(*alternatives)
        elif op in _REPEATS and av[0] >= 1:  # a part that occurs at least once
            need = _needs(av[2])
        elif op is getattr(_sre, "ATOMIC_GROUP", object()):
            need = _needs(av)
        else:  # a class, a lookaround, an anchor ...: nothing fixed that it holds
            need = None
        if need:
            candidates.append(need)
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))  # the most telling


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` holds (read from its parse tree), or
    None when none is found (a pattern that ignores case, or may match an empty string)."""
    if pattern.flags & re.IGNORECASE:
        return None
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    if parsed.state.flags & _sre.SRE_FLAG_IGNORECASE:
        return None
    return _needs(parsed) or None


def holds_one(text: str, strings: frozenset[str] | None) -> bool:
    """Whether ``text`` holds one of ``strings`` (:func:`required`; True when None)."""
    return strings is None or any(s in text for s in strings)
