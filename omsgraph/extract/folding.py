"""Words and their folded keys, shared by the curated lexicon and the ontology layer: text is
cut into word tokens and each token folded (case, accents, British/American spelling, plural
and agent-noun endings) so that ``Tumours``, ``tumor`` and ``tumors`` are one key."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_token", "tokens"]

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
#: British -> American stems (the word's other letters are kept): anaemia, leukaemia,
#: ischaemia, oesophagus, oedema, foetal, coeliac, diarrhoea, dyspnoea, amoeba, anaesthesia
_AE_OE = (
    ("aem", "em"),
    ("oesoph", "esoph"),
    ("oedem", "edem"),
    ("foet", "fet"),
    ("coeli", "celi"),
    ("rrhoe", "rrhe"),
    ("pnoe", "pne"),
    ("amoeb", "ameb"),
    ("oestr", "estr"),
    ("anaes", "anes"),
    ("gynaec", "gynec"),
)


def fold_token(token: str) -> str:
    """One comparable key per word form: ``Tumours`` -> ``tumor``, ``therapist`` -> ``therapy``."""
    t = token.casefold()
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    if len(t) <= 3:
        return t
    t = t.replace("paed", "ped").replace("aetio", "etio").replace("haem", "hem")
    if "ae" in t or "oe" in t:  # British spellings of Greek ae and oe: anaemia, oesophagus
        for british, american in _AE_OE:
            t = t.replace(british, american)
    if t.endswith("ies") and len(t) > 4:
        t = t[:-3] + "y"
    elif t.endswith(("ses", "xes", "ches", "shes")) and len(t) > 5:
        t = t[:-2]
    elif t.endswith("s") and (
        not t.endswith(("ss", "us", "is", "ys", "as")) or t.endswith(("omas", "emas", "umas"))
    ):  # "teratomas", "oedemas", "traumas"; "pancreas" and "atlas" stay
        t = t[:-1]
    if t.endswith("our") and len(t) > 5:
        t = t[:-3] + "or"
    if t.endswith("ist") and len(t) > 6:
        t = t[:-3] + "y"
    return t


def tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for every word of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
