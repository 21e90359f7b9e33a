"""Find vocabulary concepts in text: one token trie, case- and inflection-tolerant, longest match.

Text is cut into word tokens; each token is folded (case, accents, British/American spelling,
plural and agent-noun endings) so that ``Tumours``, ``tumor`` and ``tumors`` are one key. A
name only matches across token gaps made of spaces, hyphens or brackets, never across a
comma or a full stop, so ``opsoclonus, myoclonus`` stays two symptoms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from omsgraph.corpus.model import Concept
from omsgraph.corpus.vocabulary import Vocabulary

__all__ = ["Lexicon", "Mention", "fold_token", "tokens"]

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_JOINABLE_GAP = re.compile(r"[\s\-\u2010\u2011\u2012\u2013()\"'“”/]*\Z")
_ABBREVIATION_GAP = re.compile(r"\.[ \t]?\Z")
_ACRONYM = re.compile(r"^[A-Za-z]{1,5}$")


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


@dataclass(frozen=True)
class Mention:
    """A concept named in the text at ``start:end`` (the exact characters it covers)."""

    start: int
    end: int
    concept: Concept
    surface: str
    generated: bool = False  # found by expanding a coordination ("lung or breast cancer")


@dataclass(frozen=True)
class _Entry:
    concept_id: str
    case_sensitive: str | None  # the exact spelling required for short upper-case synonyms


class Lexicon:
    """Every vocabulary name as a path of folded tokens; ``find`` returns the longest matches."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self._trie: dict = {}
        self._fold_cache: dict[str, str] = {}
        self._lookup_cache: dict[str, Concept | None] = {}
        for concept in vocabulary.concepts.values():
            for name in concept.names:
                words = [w for _, _, w in tokens(name)]
                if not words:
                    continue
                exact = (
                    name if _ACRONYM.match(name) and sum(c.isupper() for c in name) >= 2 else None
                )
                node = self._trie
                for word in words:
                    node = node.setdefault(self._fold(word), {})
                node.setdefault(None, _Entry(concept.id, exact))

    def _fold(self, word: str) -> str:
        cache = self._fold_cache
        folded = cache.get(word)
        if folded is None:
            folded = cache[word] = fold_token(word)
        return folded

    @staticmethod
    def _joinable(text: str, previous: tuple[int, int, str], start: int) -> bool:
        """Whether a name may run on across the gap before ``start`` ("St. Louis", not ", ")."""
        if _JOINABLE_GAP.match(text, previous[1], start):
            return True
        word = previous[2]
        return (
            len(word) <= 3
            and word[0].isupper()
            and _ABBREVIATION_GAP.match(text, previous[1], start) is not None
        )

    def lookup(self, phrase: str) -> Concept | None:
        """The concept whose name is exactly ``phrase`` (after folding), or None."""
        cache = self._lookup_cache
        if phrase in cache:
            return cache[phrase]
        node: dict | None = self._trie
        for word in _TOKEN.findall(phrase):
            node = node.get(self._fold(word))
            if node is None:
                break
        entry = node.get(None) if node is not None else None
        concept = self.vocabulary.concepts[entry.concept_id] if entry else None
        if len(cache) > 100_000:
            cache.clear()
        cache[phrase] = concept
        return concept

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Leftmost-longest mentions of vocabulary names in ``text``, offsets plus ``offset``."""
        toks = tokens(text)
        folded = [self._fold(w) for _, _, w in toks]
        mentions: list[Mention] = []
        trie, concepts = self._trie, self.vocabulary.concepts
        i, n = 0, len(toks)
        while i < n:
            node = trie.get(folded[i])
            if node is None:
                i += 1
                continue
            best: tuple[int, _Entry] | None = None
            j = i
            while True:
                entry = node.get(None)
                if entry is not None and (
                    entry.case_sensitive is None
                    or entry.case_sensitive.casefold() == toks[i][2].casefold()
                    and sum(c.isupper() for c in toks[i][2]) >= 2
                ):
                    best = (j, entry)
                j += 1
                if j >= n or not self._joinable(text, toks[j - 1], toks[j][0]):
                    break
                node = node.get(folded[j])
                if node is None:
                    break
            if best is None:
                i += 1
                continue
            last, entry = best
            start, end = toks[i][0], toks[last][1]
            mentions.append(
                Mention(start + offset, end + offset, concepts[entry.concept_id], text[start:end])
            )
            i = last + 1
        return mentions
