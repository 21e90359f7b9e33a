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

:func:`dispatched` writes an alternation of one named group per key (the frame cues: one group
per frame) as one branch per leading letter, each holding every key's phrases of that letter,
so that the engine enters one branch at a word, not every key's group; :class:`Dispatched`
gives each match's key as its ``lastgroup``.

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

__all__ = [
    "Dispatched",
    "Keywords",
    "dispatched",
    "factored",
    "holds_one",
    "led_marks",
    "one_pass",
    "required",
    "top_level",
]

_QUANTIFIERS = frozenset("?*+{")
_WORD = itemgetter(1)
_MAX_SPREAD = 16  # a leading group of more alternatives is left as it is
_MAX_LED = 64  # ... and, for marks led by characters (led_marks), of more than these


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


def _spread(alternative: str, limit: int = _MAX_SPREAD) -> list[str]:
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
    if len(bodies) > limit:
        return [alternative]
    return [phrase for body in bodies for phrase in _spread(body + rest, limit)]


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

    def any_in(self, text: str) -> bool:
        """Whether ``text`` holds one of the words (``bool(present(text))``, up to the first)."""
        if self._empty or len(self._automaton) == 0:
            return bool(self._empty)
        return next(self._automaton.iter(text), None) is not None


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


def holds_one(text: str, strings: frozenset[str] | Keywords | None) -> bool:
    """Whether ``text`` holds one of ``strings`` (:func:`required`; True when None); given
    as :class:`Keywords` (:func:`one_pass`), in one pass over ``text``."""
    if isinstance(strings, Keywords):
        return strings.any_in(text)
    return strings is None or any(s in text for s in strings)


def one_pass(strings: frozenset[str] | None) -> Keywords | None:
    """``strings`` for :func:`holds_one` to find in one pass (many strings), None for None."""
    return None if strings is None else Keywords(strings)


def _group_end(regex: str) -> int:
    """The offset of the ")" closing the group ``regex`` starts with."""
    depth = 0
    for at, c in _structure(regex):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth == 0 and c == ")":
            return at
    raise ValueError(regex)


def _all_led(parts: list[str], literal: bool = False) -> list[str] | None:
    out: list[str] = []
    for part in parts:
        led = _led(part, literal)
        if led is None:
            return None
        out += led
    return out


_META = frozenset(".^$*+?{}[]|()\\")


def _token(phrase: str, literal: bool = False) -> str | None:
    """The character ``phrase`` starts with, as written (``\\?`` for "?"), when it is a plain
    letter or digit (``literal``: any plain or escaped character, not a class) that no
    quantifier follows; else None."""
    if not literal:
        return phrase[0] if _lead(phrase, False) is not None else None
    if phrase[:1] == "\\":
        token = phrase[:2]
        if len(token) < 2 or token[1].isalnum() or token[1] == "_":
            return None  # \\d, \\w, \\b, \\s ...: a class or an anchor
    elif phrase[:1] and phrase[0] not in _META:
        token = phrase[0]
    else:
        return None
    after = phrase[len(token) : len(token) + 1]
    return None if after and after in _QUANTIFIERS else token


def _led(phrase: str, literal: bool = False) -> list[str] | None:
    """``phrase`` as phrases that each start with a plain letter or digit, tried in this order
    with the same matches, or None: an optional leading group is the phrase with it, then
    without it; a leading group of alternatives is one phrase per alternative; a leading
    lookbehind moves after the first letter, which it then ends with (``(?<=a )x...`` is
    ``x(?<=a x)...``); a leading ``\\d`` or ``\\d+`` is one phrase per digit (0-9: the frame
    cues read lower-cased text). ``literal``: led by any character written plainly or escaped
    (:func:`_token`), and also a leading ``\\b`` (a lookbehind: ``\\bx`` is ``x(?<!\\wx)``) and a
    leading class of plain characters (``[;:]x`` is ``;x`` then ``:x``); no ``\\d``, which
    matches other digits than 0-9 too."""
    if _token(phrase, literal) is not None:
        return [phrase]
    if phrase.startswith(("(?<=", "(?<!")) or (literal and phrase.startswith(r"\b")):
        end = _group_end(phrase) if phrase[0] == "(" else 1
        rest = _led(phrase[end + 1 :], literal)
        if rest is None:
            return None
        out = []
        for p in rest:
            token = _token(p, literal) or ""
            word = bool(re.match(r"\w", token)) and token[0] != "\\"
            look = phrase[:end] if phrase[0] == "(" else "(?<!\\w" if word else "(?<=\\w"
            if len(top_level(look[4:])) > 1:  # "(?<!a|b)": the character ends each alternative
                look = f"{look[:4]}(?:{look[4:]})"
            out.append(token + look + token + ")" + p[len(token) :])
        return out
    if phrase.startswith("(?:"):
        end = _group_end(phrase)
        after = phrase[end + 1 : end + 3]
        if after[:1] == "?" and after[1:2] not in ("?", "+"):  # optional, greedy
            return _all_led([phrase[: end + 1] + phrase[end + 2 :], phrase[end + 2 :]], literal)
        spread = _spread(phrase, _MAX_LED if literal else _MAX_SPREAD)
        return None if spread == [phrase] else _all_led(spread, literal)
    if not literal and phrase.startswith(r"\d") and phrase[2:3] not in ("*", "?", "{"):
        more = phrase[2:3] == "+"
        rest = phrase[3:] if more else phrase[2:]
        if more and rest[:1] in ("?", "+"):  # a lazy or possessive repeat
            return None
        return [d + (r"\d*" if more else "") + rest for d in "0123456789"]
    if literal and phrase.startswith("[") and not phrase.startswith(("[^", "[]")):
        chars = _class_characters(phrase)
        end = sum(map(len, chars)) + 1 if chars else 0
        if not chars or phrase[end : end + 1] != "]" or phrase[end + 1 : end + 2] in _QUANTIFIERS:
            return None  # not a class of plain characters, or a repeated one
        unique = ("\\" + c[-1] if c[-1] in _META else c[-1] for c in dict.fromkeys(chars))
        return _all_led([c + phrase[end + 1 :] for c in unique], literal)
    return None


def _class_characters(phrase: str) -> list[str] | None:
    """The characters, as written, of the class ``phrase`` starts with, when each is plain or
    an escaped punctuation mark (``[;:\\[]``), in order; None for ranges, escapes such as
    ``\\w`` and sets."""
    chars, i = [], 1
    while i < len(phrase) and phrase[i] != "]":
        c = phrase[i : i + 2] if phrase[i] == "\\" else phrase[i]
        if c in ("-", "[") or (len(c) == 2 and (c[1].isalnum() or c[1] == "_")):
            return None
        chars.append(c)
        i += len(c)
    return chars or None


def led_marks(marks: list[str]) -> str | None:
    """``"|".join(marks)`` written so that every alternative starts with a plain character:
    one branch per leading character, holding the marks of that character in their order, or
    None when a mark cannot be so led (a leading ``\\s``, say). At a position only the marks
    of its character can match, still in their order, so the matches are the same; the regex
    engine tests one character per branch where the marks would each run their lookbehinds.
    Marks with a group that captures are left as they are (their groups would be renumbered)."""
    if any(_captures(m) for m in marks):
        return None
    led = _all_led([p for m in marks for p in top_level(m)], literal=True)
    if not led:
        return None
    branches: dict[str, list[str]] = {}
    for phrase in led:
        token = _token(phrase, literal=True) or ""
        branches.setdefault(token, []).append(phrase[len(token) :])
    return "|".join(t + _branch(rests) for t, rests in branches.items())


def _captures(regex: str) -> bool:
    """Whether ``regex`` holds a group that captures: ``(x)`` or ``(?P<name>x)``."""
    return any(
        c == "(" and (regex[at + 1 : at + 2] != "?" or regex.startswith("(?P<", at))
        for at, c in _structure(regex)
    )


def _branch(rests: list[str]) -> str:
    """The alternation of ``rests`` after one leading character; a lookbehind that starts each
    of them (the word start of every phrase, moved after that character) is tested once,
    before them all: ``p(?:(?<!\\wp)ro|(?<!\\wp)re)`` is ``p(?<!\\wp)(?:ro|re)``."""
    look = rests[0][: _group_end(rests[0]) + 1] if rests[0].startswith(("(?<=", "(?<!")) else ""
    if len(rests) > 1 and look and all(r.startswith(look) for r in rests):
        return look + f"(?:{'|'.join(_factor([r[len(look) :] for r in rests], False))})"
    return f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0]


def dispatched(groups: dict[str, list[str]]) -> tuple[str, dict[str, str]] | None:
    """``(?P<a>A)|(?P<b>B)|...`` over the phrases of each key, written as one branch per
    leading letter holding, in key order, each key's phrases of that letter (a group per key
    and letter, named ``key__N``): the same match at every position, for only the phrases of
    the letter there can match, still tried in their order; the engine then enters one
    letter's branch, not every key's group. Each key's group is empty and stands after its
    phrases (``(?:A)(?P<a__0>)``), so that it is opened only where a phrase matched (it is the
    group closed last, so ``lastgroup`` names it; a group before the phrases is opened, and
    undone, at every word its phrases are tried on). Returns the pattern and each group name's
    key, or None when a phrase cannot be led by a letter (:func:`_led`)."""
    branches: dict[str, dict[str, list[str]]] = {}
    for key, regexes in groups.items():
        led = _all_led([part for regex in regexes for part in top_level(regex)])
        if led is None:
            return None
        for phrase in led:
            branches.setdefault(phrase[0], {}).setdefault(key, []).append(phrase[1:])
    names: dict[str, str] = {}
    alternatives = []
    for lead, by_key in branches.items():
        inner = []
        for key, tails in by_key.items():
            name = f"{key}__{len(names)}"
            names[name] = key
            inner.append(f"(?:{'|'.join(_factor(tails, False))})(?P<{name}>)")
        alternatives.append(f"{lead}(?:{'|'.join(inner)})")
    return "|".join(alternatives), names


class Keyed:
    """A match of a :class:`Dispatched` pattern: ``lastgroup`` is the key of its group."""

    __slots__ = ("_match", "lastgroup")

    def __init__(self, match: re.Match[str], names: dict[str, str]):
        self._match = match
        self.lastgroup = names.get(match.lastgroup or "")

    def start(self, *group: int | str) -> int:
        return self._match.start(*group)

    def end(self, *group: int | str) -> int:
        return self._match.end(*group)

    def span(self, *group: int | str) -> tuple[int, int]:
        return self._match.span(*group)

    def __getattr__(self, name: str):  # group, string ...: the match's own
        return getattr(self._match, name)


class Dispatched:
    """A compiled :func:`dispatched` pattern whose matches (:class:`Keyed`) tell their key as
    ``lastgroup``, as the pattern with one group per key would."""

    def __init__(self, pattern: re.Pattern[str], names: dict[str, str]):
        self.compiled, self.names, self.pattern = pattern, names, pattern.pattern

    def keyed(self, text: str, *args: int) -> Iterator[tuple[re.Match[str], str]]:
        """(match, key) of every match, without a wrapper (for speed)."""
        names = self.names
        return ((m, names[m.lastgroup or ""]) for m in self.compiled.finditer(text, *args))

    def finditer(self, text: str, *args: int) -> Iterator[Keyed]:
        return (Keyed(m, self.names) for m in self.compiled.finditer(text, *args))

    def search(self, text: str, *args: int) -> Keyed | None:
        match = self.compiled.search(text, *args)
        return None if match is None else Keyed(match, self.names)

    def match(self, text: str, *args: int) -> Keyed | None:
        match = self.compiled.match(text, *args)
        return None if match is None else Keyed(match, self.names)
