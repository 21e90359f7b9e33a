"""Named antibodies: in this literature each is a diagnostic test ("anti-Ri antibodies",
"onconeuronal antibodies", "anti-neuronal and anti-Purkinje cell antibodies"), and a case
report's panel names them without the head word ("anti-Hu, anti-Yo and anti-CV2 were
negative"; "an autoimmune panel including anti-NMDA receptor and anti-GAD65")."""

from __future__ import annotations

import re

__all__ = ["antibodies", "may_name_antibodies"]

_KIND = (
    r"(?:anti-[a-z0-9]+(?:[ -](?:cell|receptor))?|[a-z]*neur(?:on)?al(?: (?:surface|cell))?|"
    r"(?:ri|hu|yo|ma2?|cv2|anna-?[123]|pca-?[12])(?:/[a-z0-9-]+)?|"  # the onconeuronal ones
    r"[a-z0-9]+[ -]receptor)"  # "glycine receptor antibodies"
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
    r"coagula|hypertens|cd\d|tnf|il-?\d|thymocyte|body|bodies)"
)
_DRUG_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:monoclonal|therapy|therapies|treatment|drugs?|agents?|medications?)\b"
)
_SPLIT = re.compile(rf"{_AND}")


def may_name_antibodies(sentence: str) -> bool:
    """A quick test: whether the lower-cased ``sentence`` can name an antibody at all."""
    return "antibod" in sentence or "anti-" in sentence


def _label(kind: str) -> str:
    kind = re.sub(r"\s*\(.*", "", kind)  # the other name in brackets
    kind = re.sub(r"^anti-(?=[a-z]+al\b)", "anti", kind)  # "antineuronal", closed up
    if not kind.startswith("anti") and not re.search(r"neur(?:on)?al\b", kind):
        kind = "anti-" + kind.split("/")[0]  # "Ri/ANNA2 antibodies": anti-Ri
    return f"{kind} antibodies"


def antibodies(
    sentence: str,
    names: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> list[tuple[int, int, str]]:
    """(start, end, label) of each named antibody of a lower-cased sentence; an "anti-X"
    without the head inside one of the concept ``names`` is a word of that name ("anti-NMDA
    receptor encephalitis")."""
    out: list[tuple[int, int, str]] = []
    for match in _HEADED.finditer(sentence):
        cursor = match.start(1)
        for kind in _SPLIT.split(match.group(1)):
            at = sentence.find(kind, cursor, match.end(1))
            cursor = at + len(kind)
            out.append((at, match.end(), _label(kind)))
    if "anti-" not in sentence:
        return out
    headed = [(m.start(), m.end()) for m in _HEADED.finditer(sentence)]
    for match in _HEADLESS.finditer(sentence):
        if _DRUG_AFTER.match(sentence, match.end()):
            continue
        if any(a <= match.start() < b for a, b in headed):
            continue
        cursor = match.start(1)
        for kind in _SPLIT.split(match.group(1)):
            at = sentence.find(kind, cursor, match.end(1))
            cursor = at + len(kind)
            inside = any(a <= at < b for a, b in names)
            if not inside and not _NOT_AN_ANTIBODY.match(re.sub(r"\s*\(.*", "", kind)):
                out.append((at, at + len(kind), _label(kind)))
    return out
