"""Attribute values of value claims, parsed so that differently worded figures compare.

A curated value claim's object reads ``attribute: value`` ("prevalence: 1 in 5,000,000
children"); an interchange record may instead carry the attribute in its own ``attribute``
field. ``named_attribute`` folds a name to one of :data:`ATTRIBUTES` (``age at diagnosis`` is
``age at onset``, ``rarity`` is ``prevalence``) or ``other``; ``attribute`` folds it further
to the family whose values compare (``age at onset`` -> ``age``); ``parse_value`` turns the
value into one of

* a ``Rate`` (cases per person: "1 per 1,000,000", "one out of every 5 million",
  "1/5,000,000 per year", "one in a million", "3 per million children");
* a ``Span`` on a scale (``percent``: "50 to 80 percent", "about half", "forty-five per
  cent", "7 of 10"; ``months``: "around 18 months", "second or third year of life", "under
  two years", "between 6 and 36 months"; ``cases``: "fewer than 200 cases reported";
  ``ratio``: "2:1");
* a ``Category`` of a closed set (``sex``: female / male / equal; ``nature``: benign /
  malignant),

or None when the value is a phrase with no figure or category (those never conflict).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from omsgraph.corpus.vocabulary import normalise

__all__ = [
    "ATTRIBUTES",
    "NUMBER",
    "Category",
    "Rate",
    "Span",
    "Value",
    "attribute",
    "compatible",
    "named_attribute",
    "number",
    "numbers",
    "parse_value",
]

#: the attributes a value claim can measure (the interchange format's ``attribute``)
ATTRIBUTES = (
    "prevalence",
    "incidence",
    "sex ratio",
    "age at onset",
    "tumour frequency",
    "relapse rate",
    "mortality",
    "long-term deficits",
)
#: other names of the attributes (folded name -> attribute)
_NAMES = {
    "rarity": "prevalence",
    "frequency": "prevalence",
    "occurrence": "prevalence",
    "annual incidence": "incidence",
    "sex": "sex ratio",
    "gender": "sex ratio",
    "sex distribution": "sex ratio",
    "age": "age at onset",
    "age of onset": "age at onset",
    "age at diagnosis": "age at onset",
    "age at presentation": "age at onset",
    "onset": "age at onset",
    "tumor frequency": "tumour frequency",
    "share of cases with a tumour": "tumour frequency",
    "share of cases with a tumor": "tumour frequency",
    "tumour share": "tumour frequency",
    "tumor share": "tumour frequency",
    "relapse": "relapse rate",
    "relapses": "relapse rate",
    "survival": "mortality",
    "death": "mortality",
    "lethality": "mortality",
    "long term deficits": "long-term deficits",
    "deficits": "long-term deficits",
    "sequelae": "long-term deficits",
}
#: attributes whose values compare with each other's (attribute -> family)
_FAMILIES = {"age at onset": "age"}
_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORDS = {**_UNITS, **_TEENS, **_TENS, "hundred": 100, "a hundred": 100}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8,
}  # fmt: skip
_SPELLED = (
    "(?:"
    + "|".join(_TENS)
    + r")(?:\s*-\s*|\s+)(?:"
    + "|".join(_UNITS)
    + ")"
    + "|"
    + "|".join(sorted(_WORDS, key=len, reverse=True))
)
#: a number in digits (thousands separators allowed) or in words ("forty-five")
NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:" + _SPELLED + r")\b)"
_MULTIPLIERS = {"million": 1e6, "thousand": 1e3}
_APPROXIMATE = re.compile(r"\b(about|around|approximately|roughly|nearly|some|~)\b|~")
_TO = r"\s*(?:to|-|–|and)\s*"
_RATE = re.compile(  # "1 in 5 to 10 million": a range of denominators
    NUMBER
    + r"\s*(?:\s(?:in|per|out of)(?: every)?\s+|/\s*)(?:"
    + NUMBER
    + r"(?:"
    + _TO
    + NUMBER
    + r"(?=\s*(?:million|thousand)\b))?|an?\b)?\s*(million|thousand)?"
)
_PERCENT = re.compile(NUMBER + r"(?:" + _TO + NUMBER + r")?\s*(?:percent|per\s?cent|%)")
_PART = re.compile(NUMBER + r"\s+of\s+(?:the\s+)?" + NUMBER + r"\b")
_RATIO = re.compile(r"(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\b")
_CASES = re.compile(
    r"\b(fewer than|less than|under|more than|over|about|around|some)?\s*"
    + NUMBER
    + r"\s+(?:cases|patients)\b"
)
_FRACTIONS = {
    "half": 50.0,
    "a third": 33.3,
    "one third": 33.3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "two thirds": 66.7,
    "three quarters": 75.0,
}
_AGE = re.compile(NUMBER + r"(?:" + _TO + NUMBER + r")?\s*(months?|years?)")
_ORDINAL_YEAR = re.compile(
    r"\b("
    + "|".join(_ORDINALS)
    + r")(?:\s+(?:or|and|to)\s+("
    + "|".join(_ORDINALS)
    + r"))?\s+(years? of life|decades?)\b"  # "the fifth decade": 40 to 50 years
)
_UNDER = re.compile(r"\b(?:under|below|younger than)\s+(?:the age of\s+)?" + NUMBER)
_CATEGORIES = (
    (
        "sex",
        "equal",
        re.compile(
            r"\bequal(?:ly)?\b|\bno (?:sex|gender)\b(?:\s*(?:/|or|and)\s*\w+)?\s*"
            r"(?:difference|predilection|preference|predominance|bias)"
        ),
    ),
    ("nature", "benign", re.compile(r"\bbenign\b|\bnot cancerous\b|\bnon ?malignant\b")),
    ("nature", "malignant", re.compile(r"\bmalignant\b|\bcancerous\b")),
)
_FEMALE = re.compile(r"\b(?:girls?|females?|women)\b")
_MALE = re.compile(r"\b(?:boys?|males?|men)\b")


@dataclass(frozen=True)
class Rate:
    """Cases per person, with a tolerance factor when the figure is approximate."""

    per_person: float


@dataclass(frozen=True)
class Span:
    """A closed interval on one scale (``percent`` or ``months``)."""

    scale: str
    low: float
    high: float


@dataclass(frozen=True)
class Category:
    """One value of a closed set (``sex``: female/male/equal; ``nature``: benign/malignant)."""

    family: str
    value: str


Value = Rate | Span | Category


def named_attribute(name: str) -> str:
    """The attribute of :data:`ATTRIBUTES` that ``name`` names, or ``other``."""
    folded = normalise(name).replace("tumor", "tumour")
    if folded in ATTRIBUTES:
        return folded
    if folded.replace("long term", "long-term") in ATTRIBUTES:
        return folded.replace("long term", "long-term")
    return _NAMES.get(folded, _NAMES.get(normalise(name), "other"))


def attribute(obj: str) -> tuple[str, str] | None:
    """``(attribute family, value text)`` of an ``attribute: value`` object, else None.

    Names of one attribute fold together ("age at diagnosis", "age" -> ``age``); a name
    :func:`named_attribute` does not know is its own family ("tumour nature")."""
    name, sep, value = obj.partition(":")
    if not sep or not value.strip():
        return None
    named = named_attribute(name)
    family = _FAMILIES.get(named, named) if named != "other" else normalise(name)
    return family, value.strip()


def number(text: str) -> float:
    """The number a :data:`NUMBER` match reads ("5,000,000", "forty- five", "ten")."""
    text = " ".join(text.casefold().split())
    if text in _WORDS:
        return float(_WORDS[text])
    parts = re.split(r"\s*-\s*|\s+", text)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return float(_TENS[parts[0]] + _UNITS[parts[1]])
    return float(text.replace(",", ""))


_ANY_NUMBER = re.compile(NUMBER + r"(?:\s+(million|thousand))?|\b(an?|per)\s+(million|thousand)\b")


def numbers(text: str) -> frozenset[float]:
    """Every number a value phrase states: "one in a million" is {1, 1000000}, "about half"
    is {50}; thousands separators do not count."""
    text = text.casefold()
    found: set[float] = set()
    for match in _ANY_NUMBER.finditer(text):
        if match.group(3):
            found.add(_MULTIPLIERS[match.group(4)])
            continue
        value = number(match.group(1))
        found.add(value * _MULTIPLIERS[match.group(2)] if match.group(2) else value)
    for name, share in _FRACTIONS.items():
        if re.search(rf"\b{name}\b", text):
            found.add(share)
    return frozenset(found)


def parse_value(text: str) -> Value | None:
    """The figure or category a value phrase states, or None."""
    text = text.casefold()
    for rate in _RATE.finditer(text):
        if rate.group(2) is None and rate.group(4) is None:
            continue  # "3 in children": no denominator
        scale = _MULTIPLIERS.get(rate.group(4) or "", 1.0)
        base = number(rate.group(2)) if rate.group(2) else 1.0
        if rate.group(3):  # a range: its geometric middle
            base = math.sqrt(base * number(rate.group(3)))
        if base * scale == 0:
            continue
        return Rate(number(rate.group(1)) / (base * scale))
    if span := _percent(text):
        if re.search(r"\bsurviv", text):  # "95 % survival" is a mortality of 5 %
            return Span("percent", 100 - span.high, 100 - span.low)
        return span
    if ratio := _RATIO.search(text):
        a, b = float(ratio.group(1)), float(ratio.group(2))
        if b:
            return Span("ratio", a / b, a / b)
    if cases := _CASES.search(text):
        n = number(cases.group(2))
        bound = cases.group(1) or ""
        low, high = (0.0, n) if bound in {"fewer than", "less than", "under"} else (n, n)
        if bound in {"more than", "over"}:
            high = float("inf")
        return Span("cases", low, high)
    if span := _months(text):
        return span
    for family, value, pattern in _CATEGORIES:
        if pattern.search(text):
            return Category(family, value)
    female, male = _FEMALE.search(text), _MALE.search(text)
    if female or male:  # the sex named first is the one more affected ("more common in girls")
        first = min((m for m in (female, male) if m), key=lambda m: m.start())
        more = "female" if first is female else "male"
        if re.search(r"\b(?:less|fewer)\b", text):
            more = "male" if more == "female" else "female"
        return Category("sex", more)
    return None


def _percent(text: str) -> Span | None:
    match = _PERCENT.search(text)
    part = None if match else _PART.search(text)
    if match:
        low = number(match.group(1))
        high = number(match.group(2)) if match.group(2) else low
    elif part and number(part.group(2)) > 0:
        low = high = round(100 * number(part.group(1)) / number(part.group(2)), 1)
    else:
        found = next((v for k, v in _FRACTIONS.items() if re.search(rf"\b{k}\b", text)), None)
        if found is None:
            return None
        low = high = found
    if _APPROXIMATE.search(text) or not (match or part):
        low, high = max(0.0, low - 5), min(100.0, high + 5)
    return Span("percent", low, high)


def _months(text: str) -> Span | None:
    bounds: list[float] = []
    if ordinal := _ORDINAL_YEAR.search(text):
        first = _ORDINALS[ordinal.group(1)]
        last = _ORDINALS[ordinal.group(2)] if ordinal.group(2) else first
        unit = 120.0 if ordinal.group(3).startswith("decade") else 12.0
        bounds += [unit * (first - 1), unit * last]
    if under := _UNDER.search(text):
        bounds += [0.0, 12.0 * number(under.group(1))]
        text = text[: under.start()] + text[under.end() :]
    for match in _AGE.finditer(text):
        unit = 12.0 if match.group(3).startswith("year") else 1.0
        bounds.append(number(match.group(1)) * unit)
        if match.group(2):
            bounds.append(number(match.group(2)) * unit)
    if not bounds:
        return None
    low, high = min(bounds), max(bounds)
    if _APPROXIMATE.search(text):
        low, high = low * 0.8, high * 1.2
    return Span("months", low, high)


def compatible(a: Value, b: Value) -> bool | None:
    """Whether two values can both hold; None when they are not comparable."""
    if isinstance(a, Rate) and isinstance(b, Rate):
        high, low = max(a.per_person, b.per_person), min(a.per_person, b.per_person)
        return high <= 2 * low
    if isinstance(a, Span) and isinstance(b, Span) and a.scale == b.scale:
        return a.low <= b.high and b.low <= a.high
    if isinstance(a, Category) and isinstance(b, Category) and a.family == b.family:
        return a.value == b.value
    return None
