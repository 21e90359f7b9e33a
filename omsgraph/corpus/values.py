"""Attribute values of value claims, parsed so that differently worded figures compare.

A value claim's object reads ``attribute: value`` ("prevalence: 1 in 5,000,000 children").
``attribute`` folds its name (``age at onset`` and ``age at diagnosis`` are both ``age``);
``parse_value`` turns the value into one of

* a ``Rate`` (cases per person: "1 per 1,000,000", "one out of every 5 million");
* a ``Span`` on a scale (``percent``: "50 to 80 percent", "about half"; ``months``:
  "around 18 months", "second year of life", "under two years", "up to 5-6 years");
* a ``Category`` of a closed set (``sex``: female / male / equal; ``nature``: benign /
  malignant),

or None when the value is a phrase with no figure or category (those never conflict).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from omsgraph.corpus.vocabulary import normalise

__all__ = ["Category", "Rate", "Span", "Value", "attribute", "compatible", "parse_value"]

#: attribute names that state the same thing (folded name -> family)
_FAMILIES = {
    "age at onset": "age",
    "age at diagnosis": "age",
    "age of onset": "age",
    "incidence": "prevalence",
}
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_NUMBER = r"(\d[\d,.]*|" + "|".join(_WORDS) + r")"
_APPROXIMATE = re.compile(r"\b(about|around|approximately|roughly|nearly|some|~)\b")
_RATE = re.compile(
    _NUMBER + r"\s+(?:in|per|out of(?: every)?)\s+" + _NUMBER + r"(?:\s+(million|thousand))?"
)
_PERCENT = re.compile(_NUMBER + r"(?:\s*(?:to|-|–)\s*" + _NUMBER + r")?\s*(?:percent|%)")
_FRACTIONS = {"half": 50.0, "a third": 33.3, "a quarter": 25.0, "two thirds": 66.7}
_AGE = re.compile(_NUMBER + r"(?:\s*(?:to|-|–)\s*" + _NUMBER + r")?\s*(months?|years?)")
_ORDINAL_YEAR = re.compile(r"\b(" + "|".join(_ORDINALS) + r") year of life\b")
_UNDER = re.compile(r"\b(?:under|below|younger than)\s+(?:the age of\s+)?" + _NUMBER)
_CATEGORIES = (
    ("sex", "equal", re.compile(r"\bequal(?:ly)?\b|\bno (?:sex|gender) difference\b")),
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


def attribute(obj: str) -> tuple[str, str] | None:
    """``(attribute family, value text)`` of an ``attribute: value`` object, else None."""
    name, sep, value = obj.partition(":")
    if not sep or not value.strip():
        return None
    folded = normalise(name)
    return _FAMILIES.get(folded, folded), value.strip()


def _number(text: str) -> float:
    return float(_WORDS.get(text, None) or text.replace(",", ""))


def parse_value(text: str) -> Value | None:
    """The figure or category a value phrase states, or None."""
    text = text.casefold()
    if rate := _RATE.search(text):
        scale = {"million": 1e6, "thousand": 1e3}.get(rate.group(3) or "", 1.0)
        return Rate(_number(rate.group(1)) / (_number(rate.group(2)) * scale))
    if span := _percent(text):
        return span
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
    if match:
        low = _number(match.group(1))
        high = _number(match.group(2)) if match.group(2) else low
    else:
        found = next((v for k, v in _FRACTIONS.items() if re.search(rf"\b{k}\b", text)), None)
        if found is None:
            return None
        low = high = found
    if _APPROXIMATE.search(text) or not match:
        low, high = low - 5, high + 5
    return Span("percent", low, high)


def _months(text: str) -> Span | None:
    bounds: list[float] = []
    if ordinal := _ORDINAL_YEAR.search(text):
        n = _ORDINALS[ordinal.group(1)]
        bounds += [12.0 * (n - 1), 12.0 * n]
    if under := _UNDER.search(text):
        bounds += [0.0, 12.0 * _number(under.group(1))]
        text = text[: under.start()] + text[under.end() :]
    for match in _AGE.finditer(text):
        unit = 12.0 if match.group(3).startswith("year") else 1.0
        bounds.append(_number(match.group(1)) * unit)
        if match.group(2):
            bounds.append(_number(match.group(2)) * unit)
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
