"""Misspelt words of the vocabulary's names: "opsoclonous", "mioclonus", "steriods".

Parents' forums and blogs misspell the long medical words they have only heard. A word of a
text that no name holds is read as the vocabulary word one edit away from it (one letter
left out, added, changed, or two letters swapped, the first letter kept: "afebrile" is no
slip for "febrile"), found through the words' one-deletion
neighbourhoods (the symmetric-delete method), when exactly one such word exists. Only long
words are corrected (seven letters or more, in folded form, on both sides), only lower-case
ones (an acronym or a capitalised name is spelt on purpose), never an English word of the
shipped list (``lexicons/english-words.txt.gz``, made by ``ontology/build_english.py``:
"blurred" is no slip for "slurred") and never a word an ontology lexicon names alone
("dysphasia" is no slip for "dysphagia"): a short or known word is more often another word
than a slip.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

__all__ = ["Corrector", "common_words", "english_words"]

#: the shortest folded word that is corrected, and that a correction may give
MIN_LENGTH = 7
#: the longest word tried (no name is longer; a run of letters is no misspelling)
MAX_LENGTH = 40


_LEXICONS = Path(__file__).resolve().parent / "lexicons"


def _word_list(name: str) -> frozenset[str]:
    """The words of a shipped list (one a line, ``#`` lines are comments)."""
    with gzip.open(_LEXICONS / name, "rt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


@cache
def common_words() -> frozenset[str]:
    """The everyday English words of any length (``lexicons/common-words.txt.gz``)."""
    return _word_list("common-words.txt.gz")


@cache
def english_words() -> frozenset[str]:
    """The common English words of seven letters or more (never read as misspellings)."""
    return _word_list("english-words.txt.gz")


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one edit inside the word: one letter changed, or two
    neighbours swapped, or one letter added or left out before the last (a letter more or less
    at the end is another form: "influenzae", "abnormalit")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return i < len(short) and short[i:] == long_[i + 1 :]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


class Corrector:
    """Reads a folded word as the one vocabulary word it misspells, or as itself.

    ``words`` are the folded words of the vocabulary's names; ``known`` tells whether an
    ontology names a word alone (such a word is never corrected, nor corrected into)."""

    def __init__(self, words: Iterable[str], known: Callable[[str], bool] = lambda w: False):
        self.words = frozenset(words)
        self._known = known
        self._by_delete: dict[str, set[str]] = {}
        for word in self.words:
            if len(word) >= MIN_LENGTH and word.isalpha():
                for key in _deletes(word):
                    self._by_delete.setdefault(key, set()).add(word)
        self._cache: dict[str, str | None] = {}

    def correct(self, surface: str, folded: str) -> str | None:
        """The vocabulary word ``folded`` (the folded form of ``surface``) misspells, or None."""
        if folded in self.words or not MIN_LENGTH <= len(folded) <= MAX_LENGTH:
            return None
        if not surface.islower():
            return None
        if surface in english_words():
            return None
        cached = self._cache.get(folded, "")
        if cached != "":
            return cached
        candidates: set[str] = set()
        if folded.isalpha():
            for key in _deletes(folded):
                candidates |= self._by_delete.get(key, set())
        candidates = {c for c in candidates if c[0] == folded[0] and one_edit(c, folded)}
        found = next(iter(candidates)) if len(candidates) == 1 else None
        if found is not None and self._known(folded):
            found = None
        if len(self._cache) < 100_000:
            self._cache[folded] = found
        return found
