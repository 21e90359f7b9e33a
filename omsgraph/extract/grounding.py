"""Grounding of open-vocabulary proposals: a proposed label that an ontology names exactly,
once spelt the way the ontology spells it.

The lexicon already folds case, plurals, ``-our``, ``paed``, ``haem`` and ``aetio``
(:mod:`omsgraph.extract.folding`), and the pipeline grounds a proposal whose label is an
ontology name after that folding. What is left are spellings the folding keeps apart although
they are one word: a compound written open or closed ("chicken pox" / "chickenpox"),
British spellings that MONDO, MAxO and the drug dictionary (American) do not list ("oe", "ae",
"-isation", "-ise", "-tre", "sulph"), and an eponym's possessive ("Hodgkin's disease" /
"Hodgkin disease"). :func:`grounded_label` tries these variants of the WHOLE label and returns
the first that is a name of an ontology entry of a compatible type, so that the pipeline gives
the proposal that entry's CURIE (justification ``semapv:LexicalMatching``, with the release,
as every ontology concept carries). It never drops or guesses words: "severe chicken pox" is
not "chickenpox". One typing slip is read in a long drug name: two neighbouring letters
swapped ("clonzaepam"), when exactly one swap is a drug the dictionary knows. A sign worded
with another word for "abnormal" ("altered sleep") is tried worded as the ontology words it
("sleep abnormality"), the function's words kept. A name said with "of" is tried in the
ontology's word order and back: "loss of hearing" is HPO's "hearing loss", "tremor of the
hands" its "hand tremor" (the article goes; the lookup folds the plural), "cancer of the lung"
MONDO's "lung cancer"; only the two parts change places, no word is added but the "of".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

__all__ = [
    "grounded_label",
    "reorderings",
    "rewordings",
    "spelling_variants",
    "transpositions",
]

#: British -> American spellings of one word, as (pattern, replacement); each is tried alone
#: and all together. Only a variant that is an exact ontology name is ever used.
_BRITISH = (
    (re.compile(r"oe"), "e"),  # oedema, oesophagus, diarrhoea, coeliac, foetal
    (re.compile(r"ae"), "e"),  # anaemia, leukaemia, septicaemia, anaesthesia, caecum
    (re.compile(r"is(ation|e|ed|es|ing)$"), r"iz\1"),  # immunisation, hospitalised
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),  # paralysed, analyse
    (re.compile(r"([^aeiou])tre(s?)$"), r"\1ter\2"),  # centre, litre
    (re.compile(r"ogue(s?)$"), r"og\1"),  # analogue
    (re.compile(r"sulph"), "sulf"),  # sulphate, sulphonamide
)
#: a typing slip is read only in a drug's name of this many letters or more, and only when one
#: swap of neighbouring letters gives exactly one drug the dictionary knows
_SLIP_LENGTH = 8
_POSSESSIVE = re.compile(r"(?<=[a-z])['’]s?(?=\s|$)")
#: "<head> of [the] <modifier>": each part one or two words, the head not a function word
_OF_PHRASE = re.compile(
    r"(?P<head>[a-z][a-z-]*(?: [a-z][a-z-]*)?) of (?:(?:the|a|an|both) )?"
    r"(?P<modifier>[a-z][a-z-]*(?: [a-z][a-z-]*)?)"
)


def _british(word: str) -> list[str]:
    out = []
    both = word
    for pattern, replacement in _BRITISH:
        changed = pattern.sub(replacement, word)
        if changed != word:
            out.append(changed)
        both = pattern.sub(replacement, both)
    if both != word and both not in out:
        out.append(both)
    return out


def spelling_variants(label: str) -> Iterator[str]:
    """Other spellings of the same words: possessive dropped, British made American (one word
    at a time), two neighbouring words written as one compound. The label itself comes not."""
    seen = {label}
    base = _POSSESSIVE.sub("", label)
    candidates = [base] if base != label else []
    words = base.split()
    for i, word in enumerate(words):
        for changed in _british(word):
            candidates.append(" ".join([*words[:i], changed, *words[i + 1 :]]))
    spelt = " ".join(_british(w)[-1] if _british(w) else w for w in words)
    candidates.append(spelt)
    for source in (words, spelt.split()):
        for i in range(len(source) - 1):
            candidates.append(" ".join([*source[:i], source[i] + source[i + 1], *source[i + 2 :]]))
    for candidate in candidates:
        if candidate not in seen:
            seen.add(candidate)
            yield candidate


def grounded_label(
    label: str, kind: str, lookup: Callable[[str], object | None] | None = None
) -> str:
    """``label`` spelt as the ontology names it when one variant is an ontology name of a type
    that fits ``kind`` (the proposal's type); else ``label`` unchanged.

    ``lookup`` finds an ontology entry by name (default: the shipped ontology lexicon).
    """
    if lookup is None:
        return _shipped(label, kind)
    return _respelt(label, kind, lookup)


@lru_cache(maxsize=65_536)
def _shipped(label: str, kind: str) -> str:
    """:func:`grounded_label` in the shipped ontology lexicon (proposals recur: cached)."""
    from omsgraph.extract.ontolex import load_ontologies

    return _respelt(label, kind, load_ontologies().lookup)


def _respelt(label: str, kind: str, lookup: Callable[[str], object | None]) -> str:
    from omsgraph.extract.ontolex import compatible

    if lookup(label) is not None:
        return label  # the pipeline grounds it as it is
    for variant in spelling_variants(label):
        found = lookup(variant)
        if found is not None and compatible(getattr(found, "type", ""), kind):
            return variant
    for reordered in reorderings(label):
        for variant in (reordered, *spelling_variants(reordered)):
            found = lookup(variant)
            if found is not None and compatible(getattr(found, "type", ""), kind):
                return variant
    if kind in ("symptom", "complication"):
        for variant in rewordings(label):
            found = lookup(variant)
            if found is not None and compatible(getattr(found, "type", ""), kind):
                return variant
    if kind in ("drug", "therapy"):
        fits = {
            v
            for v in transpositions(label)
            if (found := lookup(v)) is not None and getattr(found, "type", "") == "drug"
        }
        if len(fits) == 1:
            return fits.pop()
    return label


def reorderings(label: str) -> list[str]:
    """The same name in the other word order of English: "loss of hearing" -> "hearing loss",
    "tremor of the hands" -> "hands tremor" (which the lookup folds to "hand tremor");
    "hearing loss" -> "loss of hearing". A label of one
    word, of more than four, or with a word between its parts other than "of" and an article
    comes back empty."""
    words = label.split()
    if not 2 <= len(words) <= 5:
        return []
    match = _OF_PHRASE.fullmatch(label)
    if match is not None:  # "hands tremor": the lookup folds the plural ("hand tremor")
        return [f"{match['modifier']} {match['head']}"]
    if " of " in f" {label} " or len(words) > 3:
        return []
    return [f"{' '.join(words[i:])} of {' '.join(words[:i])}" for i in range(1, len(words))]


@lru_cache(maxsize=1)
def _abnormal() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words before a function, words after it) that say it is abnormal (phrases.tsv)."""
    from omsgraph.extract.cues import phrase_rows

    def words(kind: str) -> tuple[str, ...]:  # in the table's order: the first fit wins
        return tuple(w for r in phrase_rows(kind) for w in r.regex.split("|"))

    before, after = words("ABNORMAL_BEFORE"), words("ABNORMAL_AFTER")
    return before, after


def rewordings(label: str) -> list[str]:
    """A sign worded with another word for "abnormal", before or after its function:
    "altered sleep" -> "abnormal sleep", ..., "sleep abnormality", "sleep disturbance" ...;
    none for a label that has no such word. The function's words are kept as they are."""
    before, after = _abnormal()
    words = label.split()
    if len(words) < 2:
        return []
    if words[0] in before:
        function = " ".join(words[1:])
    elif words[-1] in after:
        function = " ".join(words[:-1])
    else:
        return []
    out = [f"{w} {function}" for w in before] + [f"{function} {w}" for w in after]
    return [v for v in out if v != label]


def transpositions(label: str) -> Iterator[str]:
    """A long one-word name with two neighbouring letters swapped, the commonest typing slip
    ("clonzaepam" -> "clonazepam"); a word shorter than :data:`_SLIP_LENGTH` comes back empty,
    as do names of several words."""
    if " " in label or len(label) < _SLIP_LENGTH or not label.isalpha():
        return
    for i in range(len(label) - 1):
        if label[i] != label[i + 1]:
            yield label[:i] + label[i + 1] + label[i] + label[i + 2 :]
