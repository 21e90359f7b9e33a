"""Tests named by their shape, which no lexicon needs to know.

- Antibodies: in this literature each is a diagnostic test ("anti-Ri antibodies",
  "onconeuronal antibodies", "anti-neuronal and anti-Purkinje cell antibodies"), and a case
  report's panel names them without the head word ("anti-Hu, anti-Yo and anti-CV2 were
  negative"; "an autoimmune panel including anti-NMDA receptor and anti-GAD65").
- Assessment instruments: a capitalised name ending in Scale, Score, Checklist, Criteria,
  Inventory or Questionnaire ("the modified Rankin Scale", "the Mitchell-Pike OMS Rating
  Scale", "the Child Behavior Checklist"). The signs named inside one are no claims ("Child
  Behavior Checklist" names no behaviour).
"""

from __future__ import annotations

import re

from omsgraph.extract.factoring import factored

__all__ = ["antibodies", "instruments", "may_name_tests", "named_tests"]

_KIND = (
    r"(?:anti-[a-z0-9]+(?:[ -](?:cell|receptor))?|[a-z]*neur(?:on)?al(?: (?:surface|cell))?|"
    r"(?:ri|hu|yo|ma2?|cv2|anna-?[123]|pca-?[12])(?:/[a-z0-9-]+)?|"  # the onconeuronal ones
    r"[a-z0-9]+(?:-[a-z0-9]+)*[ -]receptor)"  # "glycine receptor", "gaba-b receptor"
)
_ALSO = r"(?:\s*\([a-z0-9/-]{2,12}\))?"  # another name in brackets: "anti-Ri (ANNA-2)"
_AND = r"(?:,\s*|,?\s+(?:and|or)\s+)"
_HEADED = re.compile(rf"\b({_KIND}{_ALSO}(?:{_AND}{_KIND}{_ALSO})*)\s+antibod(?:y|ies)\b")
_ANTI = r"anti-[a-z0-9]+(?:[ -]receptor)?"
#: "anti-X" words without the head: an antibody unless X is what a drug acts against
#: ("anti-inflammatory", "anti-epileptic", "anti-CD20 therapy")
_HEADLESS = re.compile(rf"\b({_ANTI}{_ALSO}(?:{_AND}{_ANTI}{_ALSO})*)\b(?![\w-])")
_NOT_AN_ANTIBODY = re.compile(
    r"anti-(?:inflammator|epilep|seizure|convuls|biotic|viral|emetic|depress|psychotic|oxidant|"
    r"coagula|hypertens|cd\d|tnf|il-?\d|thymocyte|body|bodies|histamin|fung|diarrh|xa\b|nause|"
    r"reflux|spasm|cancer|tumou?r|platelet|malari|bacteri|microb|retrovir|parkinson|cholinerg|"
    r"adrenerg|pyretic|septic|smoking)"
)
_DRUG_AFTER = re.compile(  # or a disease named after the antibody ("... encephalitis")
    r"\s*(?:\([^)]*\)\s*)?(?:monoclonal|therapy|therapies|treatment|drugs?|agents?|medications?|"
    r"encephalitis|syndrome|disease|-associated|associated|levels?)\b"
)
_SPLIT = re.compile(rf"{_AND}")
#: an antigen named by an acronym before the head, as written ("GAD65 antibodies", "GABA-B
#: antibodies", "MOG and AQP4 antibodies"): two capitals or a capital and a digit; an
#: isotype or a specimen is no antigen ("IgG antibodies", "CSF antibodies")
_ACRONYM = r"(?:[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)"
_ACRONYM_HEADED = re.compile(
    rf"(?<![\w/-])({_ACRONYM}(?:{_AND}{_ACRONYM})*)(?:[ -]?R)?(?: receptor)? antibod(?:y|ies)\b"
)
#: the antigen named after the head: "antibodies against glycine receptors", "antibodies to GAD"
_AGAINST = re.compile(
    r"\bantibod(?:y|ies)\s+(?:directed\s+)?(?:against|to)\s+(?:the\s+)?"
    r"([a-z0-9][a-z0-9-]*(?:\s+receptors?)?)\b"
)
_NO_ANTIGEN_WORDS = frozenset(
    "a be treatment therapy drug neuron cell brain tissue body itself it them tumour tumor cancer "
    "virus fight attack target bind kill destroy protect help make stop block clear react "
    "recognise recognize neutralise neutralize".split()  # "antibodies to fight it": a purpose
)
_NOT_AN_ANTIGEN = re.compile(r"Ig[GMAED]\d?|CSF|IV|IVIG|ANA|OMS|OMAS|[A-Z]{2,}s")


_INSTRUMENT_WORD = r"(?:[A-Z][\w'’/-]*|of|for|and|in|rating|severity|outcome|behaviou?r)"
_INSTRUMENT = re.compile(
    rf"\b((?:modified |revised |short |total )?[A-Z][\w'’/-]*(?: {_INSTRUMENT_WORD}){{0,6}}? "
    r"(?:[Ss]cales?|[Ss]core|[Cc]hecklist|[Cc]riteria|[Ii]nventory|[Qq]uestionnaire))\b"
)
#: words that make no instrument's name alone ("Total Score", "Diagnostic Criteria")
_GENERIC_WORDS = frozenset(
    "modified revised short total overall mean median composite global primary secondary final "
    "baseline clinical diagnostic severity rating outcome behaviour behavior of for and in".split()
)
#: criteria of who takes part in a study or how it scores, no test of the condition
_STUDY_CRITERIA = frozenset(
    "inclusion exclusion eligibility entry selection enrolment enrollment response".split()
)
_HEADS = ("scale", "score", "checklist", "criteria", "inventory", "questionnaire")
_HEAD = re.compile(factored(list(_HEADS), fold=True), re.I)


#: the heads of _INSTRUMENT less their first letter, which it takes in either case
_HEAD_TAILS = ("cale", "core", "hecklist", "riteria", "nventory", "uestionnaire")


def may_name_tests(sentence: str) -> bool:
    """A quick test: whether the lower-cased ``sentence`` can name a test by its shape."""
    if "antibod" in sentence or "anti-" in sentence:
        return True
    if sentence.isascii():  # then the heads' letters have no other case forms in it
        return any(head in sentence for head in _HEADS)
    return _HEAD.search(sentence) is not None


def instruments(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each named assessment instrument of ``text`` (its own case)."""
    out: list[tuple[int, int, str]] = []
    if not any(tail in text for tail in _HEAD_TAILS):
        return out  # no head an instrument's name ends with (a quick test)
    for match in _INSTRUMENT.finditer(text):
        name = match.group(1)
        if name.split()[0] in ("The", "A", "An", "This", "Our"):  # a sentence's first word
            name = name.split(" ", 1)[1] if " " in name else ""
        words = name.lower().split()
        if words and words[-1] == "criteria" and _STUDY_CRITERIA & set(words):
            continue
        if len(words) >= 2 and not set(words[:-1]) <= _GENERIC_WORDS:
            out.append((match.end() - len(name), match.end(), name.lower()))
    return out


_SCORE = re.compile(r"\s+(?:total\s+)?scores?", re.I)  # a scale's score is that scale


def named_tests(
    text: str, sentence: str, names: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """The antibodies and instruments of one sentence: ``text`` as written, ``sentence`` in
    lower case, ``names`` the spans of its known concepts."""
    if not may_name_tests(sentence):
        return []
    own = [  # an instrument that ends in a known name is that name ("change in OMS-RS"), and
        i  # so is one that adds only its score to it ("the OMSRS score")
        for i in instruments(text)
        if not any(
            i[0] <= a and b == i[1] or a == i[0] and _SCORE.fullmatch(text, b, i[1])
            for a, b in names
        )
    ]
    found = antibodies(sentence, names, text) + own
    return [f for f in found if not any(a <= f[0] and f[1] <= b for a, b in names)]  # known


def _label(kind: str) -> str:
    kind = re.sub(r"\s*\(.*", "", kind)  # the other name in brackets
    kind = re.sub(r"^anti-(?=[a-z]+al\b)", "anti", kind)  # "antineuronal", closed up
    if not kind.startswith("anti") and not re.search(r"neur(?:on)?al\b", kind):
        kind = "anti-" + kind.split("/")[0]  # "Ri/ANNA2 antibodies": anti-Ri
    return f"{kind} antibodies"


def _items(haystack: str, match: re.Match[str]) -> list[tuple[int, str]]:
    """(start, text) of each item of the coordinated group 1 of ``match`` ("anti-Hu, anti-Yo
    and anti-CV2"), found in ``haystack`` in order."""
    out, cursor = [], match.start(1)
    for kind in _SPLIT.split(match.group(1)):
        at = haystack.find(kind, cursor, match.end(1))
        cursor = at + len(kind)
        out.append((at, kind))
    return out


def antibodies(
    sentence: str,
    names: list[tuple[int, int]] = (),  # type: ignore[assignment]
    text: str | None = None,
) -> list[tuple[int, int, str]]:
    """(start, end, label) of each named antibody of a lower-cased sentence (``text``: the
    sentence as written, for antigens named by acronyms); an "anti-X" without the head inside
    one of the concept ``names`` is a word of that name ("anti-NMDA receptor encephalitis")."""
    out: list[tuple[int, int, str]] = []
    if text is not None:
        for match in _ACRONYM_HEADED.finditer(text):
            for at, kind in _items(text, match):
                if not _NOT_AN_ANTIGEN.fullmatch(kind):
                    out.append((at, match.end(), _label(kind.lower())))
    for match in _AGAINST.finditer(sentence):
        antigen = re.sub(r"s$", "", match.group(1))  # "glycine receptors", "neurons"
        if antigen not in _NO_ANTIGEN_WORDS:
            out.append((match.start(), match.end(), _label(antigen)))
    taken = [(a, b) for a, b, _ in out]
    headed = list(_HEADED.finditer(sentence))
    for match in headed:
        if not any(a <= match.start(1) < b for a, b in taken):
            out += [(at, match.end(), _label(kind)) for at, kind in _items(sentence, match)]
    if "anti-" not in sentence:
        return out
    for match in _HEADLESS.finditer(sentence):
        if _DRUG_AFTER.match(sentence, match.end()):
            continue
        if any(h.start() <= match.start() < h.end() for h in headed):
            continue
        for at, kind in _items(sentence, match):
            inside = any(a <= at < b for a, b in names)
            if not inside and not _NOT_AN_ANTIBODY.match(re.sub(r"\s*\(.*", "", kind)):
                out.append((at, at + len(kind), _label(kind)))
    return out
