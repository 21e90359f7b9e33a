"""The other ways a tumour's name is written with its body site (``rules/anatomy.tsv``).

"Ovarian tumour" is also "ovary tumour", "tumour of the ovary" and "tumours of the ovaries";
"lung cancer" is also "cancer of the lung", "lung carcinoma", "lung malignancy" and "lung ca".
:func:`site_names` gives these variants of a
vocabulary name whose last word is a tumour head, so that the lexicon finds all of them as
the one concept. Plurals and British spellings are the lexicon's folding.
"""

from __future__ import annotations

from functools import cache

from omsgraph.extract import cues

__all__ = ["site_adjective", "site_names", "site_nouns", "site_words"]

#: the words that end a tumour's name and take a site ("of the lung")
_HEADS = frozenset({"tumour", "tumor", "cancer", "neoplasm", "carcinoma", "malignancy"})
#: a site's cancer is also written as its carcinoma or its malignancy ("breast carcinoma",
#: "lung malignancy"); a tumour need not be malignant, so "tumour" takes no other head
_SAME_HEADS = {"cancer": ("cancer", "carcinoma", "malignancy")}


@cache
def _rows() -> tuple[tuple[str, str], ...]:
    """(noun, adjective) of each site of the table; the adjective empty where the noun is one."""
    return tuple(
        (" ".join(r.fields["site"].split()), r.fields["adjective"])
        for r in cues.table("anatomy.tsv")
    )


@cache
def _sites() -> dict[str, str]:
    """Each site word (noun or adjective) -> the site's noun."""
    out: dict[str, str] = {}
    for noun, adjective in _rows():
        out[noun] = noun
        if adjective:
            out[adjective] = noun
    return out


def site_names(name: str) -> list[str]:
    """Variants of ``name`` ("ovarian tumour") with its site as a noun before the head and
    after it ("ovary tumour", "tumour of the ovary", "tumour of ovary"); none for a name
    that is not a site and a tumour head."""
    words = name.lower().split()
    if len(words) < 2 or words[-1] not in _HEADS:
        return []
    noun = _sites().get(" ".join(words[:-1]))
    if noun is None:
        return []
    out = []
    for head in _SAME_HEADS.get(words[-1], (words[-1],)):
        out += [f"{noun} {head}", f"{head} of the {noun}", f"{head} of {noun}"]
    if words[-1] == "cancer":
        out.append(f"{noun} ca")  # the clinician's shorthand: "breast ca"
    return out


def site_adjective(noun: str) -> str | None:
    """The word a tumour's name puts before its head for the site ``noun`` ("ovary" ->
    "ovarian", "lung" -> "lung"), None for a word that names no site."""
    return next((a or n for n, a in _rows() if n == " ".join(noun.lower().split())), None)


@cache
def site_words() -> frozenset[str]:
    """Every word of a site's noun or adjective ("adrenal", "gland", "mediastinal")."""
    return frozenset(w for name in _sites() for w in name.split())


@cache
def site_nouns() -> frozenset[str]:
    """The sites' nouns ("abdomen", "adrenal gland"): alone, such a word names a place, no
    concept (the regions of "MRI of the chest, abdomen and pelvis")."""
    return frozenset(_sites().values())
