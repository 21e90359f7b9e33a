"""Score claims against a gold standard with the matching rules of the interchange format.

Entity claims: a predicted claim matches a gold claim with the same source, predicate and
polarity and the same object concept (names folded for case and punctuation, or equal through
synonyms); precision, recall and F1 are computed over distinct (source, predicate, object,
polarity) tuples. ``mechanism``, ``specialist`` and ``other`` are scored the same way, apart;
a mechanism is a word, not a concept, but equal through the vocabulary's names ("autoimmune"
is its "autoimmunity").

Value claims (``epidemiology``, ``prognosis``): a predicted claim matches a gold claim of the
same source with the same named attribute (``attribute`` field, or the ``attribute: value``
prefix of the object; ``other`` never matches) whose values share a number (thousands
separators ignored, "one in a million" is 1 and 1000000, "half" is 50) or, when the gold value
has no number, at least half of the gold value's content words. Claims are paired one to one
(a maximum matching), so one figure stated twice is not two true positives.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from omsgraph.corpus.model import ENTITY_PREDICATES
from omsgraph.corpus.values import ATTRIBUTES, named_attribute, numbers
from omsgraph.corpus.vocabulary import Vocabulary, normalise
from omsgraph.errors import DataError
from omsgraph.extract.folding import fold_token

__all__ = [
    "SCORED_ENTITY",
    "VALUE_PREDICATES",
    "Report",
    "describe",
    "Score",
    "evaluate",
    "external_id_share",
    "polarity_agreement",
    "read_jsonl",
    "value_of",
    "values_match",
]

Key = tuple[str, str, str, str]  # source, predicate, canonical object, polarity

#: the predicates scored as entity-valued by the interchange format (specialist is not one)
SCORED_ENTITY = frozenset(
    {
        "has_symptom",
        "has_cause",
        "treated_by",
        "diagnosed_by",
        "has_complication",
        "differential_diagnosis",
        "has_synonym",
    }
)
#: the predicates whose objects are values, scored by attribute and value
VALUE_PREDICATES = frozenset({"epidemiology", "prognosis"})
_STOP = frozenset(
    "a an the of in on at to for with and or by is are was were be been as per than from that "
    "this it its their there which who usually often mostly mainly typically generally commonly "
    "approximately about around nearly roughly".split()  # hedges and approximations: no content
)


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    """Scores per predicate and overall, plus what was missed and what was wrongly found."""

    per_predicate: dict[str, Score]
    entity: Score
    value: Score
    certainty_agreement: float
    matched: int
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    per_attribute: dict[str, Score] = field(default_factory=dict)  # value claims; "other" apart
    other: Score = field(default_factory=lambda: Score(0, 0, 0))  # mechanism, specialist, other

    def as_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity.as_dict(),
            "value": self.value.as_dict(),
            "other": self.other.as_dict(),
            "certainty_agreement": round(self.certainty_agreement, 4),
            "matched": self.matched,
            "per_predicate": {p: s.as_dict() for p, s in sorted(self.per_predicate.items())},
            "per_attribute": {a: s.as_dict() for a, s in sorted(self.per_attribute.items())},
            "misses": self.misses,
            "false_positives": self.false_positives,
        }

    def rows(self) -> list[dict[str, Any]]:
        """The table ``omsgraph evaluate`` prints: per predicate, per value attribute, totals."""
        rows = [{"predicate": p, **s.as_dict()} for p, s in sorted(self.per_predicate.items())]
        rows += [
            {"predicate": f"value: {a}", **s.as_dict()}
            for a, s in sorted(self.per_attribute.items(), key=lambda i: (i[0] == "other", i[0]))
        ]
        return rows + [
            {"predicate": "ENTITY (all)", **self.entity.as_dict()},
            {"predicate": "VALUE (all)", **self.value.as_dict()},
            {"predicate": "OTHER (all)", **self.other.as_dict()},
        ]


def describe(item: dict[str, Any]) -> str:
    """One miss or false positive as a line: source, predicate, object (attribute), polarity."""
    obj = item["object"]
    if item.get("attribute") and ":" not in str(obj):
        obj = f"{item['attribute']}: {obj}"
    return f"{item['source']} {item['predicate']} {obj!r} ({item['polarity']})"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Claims in the interchange format; a bad line is an error naming file and line."""
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read: {exc}", path) from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"invalid JSON: {exc.msg} (column {exc.colno})", path, number) from None
        missing = {"source", "predicate", "object", "polarity"} - set(record)
        if missing:
            raise DataError(f"missing {', '.join(sorted(missing))}", path, number)
        records.append(record)
    return records


def _spelling(name: str) -> str:
    """A normalised name with each word's spelling folded as the lexicon folds it (British
    and American spelling, plural): ``haematopoietic stem-cell transplants`` and
    ``hematopoietic stem cell transplant`` are one name."""
    return " ".join(fold_token(w) for w in name.split())


class _Canon:
    """Maps object names to one canonical form per concept."""

    def __init__(self, vocabulary: Vocabulary | None, predicted: Iterable[dict[str, Any]]):
        self.names: dict[str, str] = (
            {_spelling(n): c for n, c in vocabulary.names.items()} if vocabulary else {}
        )
        for record in predicted:  # synonyms the predictor reports count too
            if record["predicate"] not in ENTITY_PREDICATES:
                continue
            canon = self.of(record)
            for name in (record.get("object", ""), *(record.get("object_synonyms") or [])):
                self.names.setdefault(_spelling(normalise(name)), canon)

    def of(self, record: dict[str, Any]) -> str:
        name = normalise(str(record["object"]))
        if record["predicate"] == "mechanism":  # "autoimmune": the vocabulary's autoimmunity
            return self.names.get(_spelling(name), name)
        if record["predicate"] not in ENTITY_PREDICATES:  # values, synonyms: compare as text
            return name
        object_id = record.get("object_id") or ""
        if object_id.startswith("omse:"):
            return object_id[5:]
        name = _spelling(name)
        return self.names.get(name, name)


def _keys(records: Iterable[dict[str, Any]], canon: _Canon) -> dict[Key, dict[str, Any]]:
    keys: dict[Key, dict[str, Any]] = {}
    for r in records:
        keys.setdefault((r["source"], r["predicate"], canon.of(r), r["polarity"]), r)
    return keys


def value_of(record: dict[str, Any]) -> tuple[str, str]:
    """(named attribute or ``other``, value text) of a value claim in either notation:
    ``attribute`` beside the value, or the curated ``attribute: value`` object."""
    obj = str(record.get("object", ""))
    name, sep, rest = obj.partition(":")
    given = record.get("attribute")
    if given:
        named = named_attribute(str(given))
        if sep and rest.strip() and named_attribute(name) == named:
            obj = rest
        return named, obj.strip()
    if sep and rest.strip():
        return named_attribute(name), rest.strip()
    return "other", obj.strip()


def _content(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", normalise(text).replace("tumor", "tumour"))
    stems = set()
    for word in words:
        if word in _STOP:
            continue
        if len(word) > 5 and word.endswith("ly"):
            word = word[:-2]
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        stems.add(word)
    return frozenset(stems)


def values_match(gold: str, predicted: str) -> bool:
    """Whether a predicted value states the gold value: a shared number, or when the gold
    value has no number, at least half of its content words."""
    wanted = numbers(gold)
    if wanted:
        return bool(wanted & numbers(predicted))
    words = _content(gold)
    if not words:
        return normalise(gold) == normalise(predicted)
    return 2 * len(words & _content(predicted)) >= len(words)


def _pairs(edges: dict[int, list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching (predicted -> gold) by augmenting paths."""
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in sorted(edges):
        augment(p, set())
    return {p: g for g, p in owner.items()}


def _distinct(records: Iterable[dict[str, Any]]) -> list[tuple[str, str, dict[str, Any]]]:
    seen: dict[tuple[str, str, str], tuple[str, str, dict[str, Any]]] = {}
    for r in records:
        attribute, value = value_of(r)
        seen.setdefault((r["source"], attribute, normalise(value)), (attribute, value, r))
    return list(seen.values())


def _brief(record: dict[str, Any], attribute: str | None = None) -> dict[str, Any]:
    out = {
        k: record.get(k)
        for k in ("source", "predicate", "object", "polarity", "certainty", "quote")
    }
    if attribute is not None:
        out["attribute"] = attribute
    return out


def evaluate(
    gold: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    vocabulary: Vocabulary | None = None,
) -> Report:
    """Compare ``predicted`` with ``gold`` (both interchange records) on the gold's sources."""
    sources = {g["source"] for g in gold}
    predicted = [p for p in predicted if p["source"] in sources]
    canon = _Canon(vocabulary, predicted)
    gold_keys = _keys((g for g in gold if g["predicate"] not in VALUE_PREDICATES), canon)
    pred_keys = _keys((p for p in predicted if p["predicate"] not in VALUE_PREDICATES), canon)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for key in gold_keys.keys() | pred_keys.keys():
        slot = counts[key[1]]
        slot[0 if key in gold_keys and key in pred_keys else 1 if key in pred_keys else 2] += 1

    # value claims: paired by source, named attribute and value
    gold_values = _distinct(g for g in gold if g["predicate"] in VALUE_PREDICATES)
    pred_values = _distinct(p for p in predicted if p["predicate"] in VALUE_PREDICATES)
    edges = {
        i: [
            j
            for j, (g_attr, g_value, g) in enumerate(gold_values)
            if g["source"] == p["source"]
            and g_attr == p_attr
            and g_attr in ATTRIBUTES
            and values_match(g_value, p_value)
        ]
        for i, (p_attr, p_value, p) in enumerate(pred_values)
    }
    paired = _pairs(edges)
    hit_gold = set(paired.values())
    by_attribute: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for j, (g_attr, _, g) in enumerate(gold_values):
        by_attribute[g_attr][0 if j in hit_gold else 2] += 1
        if g_attr in ATTRIBUTES:  # a value of no named attribute is listed, not scored
            counts[g["predicate"]][0 if j in hit_gold else 2] += 1
    for i, (p_attr, _, p) in enumerate(pred_values):
        if i not in paired:
            by_attribute[p_attr][1] += 1
            if p_attr in ATTRIBUTES:
                counts[p["predicate"]][1] += 1
    per_predicate = {p: Score(*c) for p, c in counts.items()}
    per_attribute = {a: Score(*c) for a, c in by_attribute.items()}

    def total(scores: Iterable[Score]) -> Score:
        parts = list(scores)
        return Score(sum(s.tp for s in parts), sum(s.fp for s in parts), sum(s.fn for s in parts))

    matched = gold_keys.keys() & pred_keys.keys()
    same_certainty = sum(
        gold_keys[k].get("certainty") == pred_keys[k].get("certainty") for k in matched
    )
    same_certainty += sum(
        gold_values[g][2].get("certainty") == pred_values[p][2].get("certainty")
        for p, g in paired.items()
    )
    n_matched = len(matched) + len(paired)
    misses = [_brief(gold_keys[k]) for k in sorted(gold_keys.keys() - pred_keys.keys())]
    misses += [_brief(r, a) for j, (a, _, r) in enumerate(gold_values) if j not in hit_gold]
    false_positives = [_brief(pred_keys[k]) for k in sorted(pred_keys.keys() - gold_keys.keys())]
    false_positives += [_brief(r, a) for i, (a, _, r) in enumerate(pred_values) if i not in paired]
    return Report(
        per_predicate=per_predicate,
        entity=total(s for p, s in per_predicate.items() if p in SCORED_ENTITY),
        value=total(s for a, s in per_attribute.items() if a in ATTRIBUTES),
        certainty_agreement=same_certainty / n_matched if n_matched else 0.0,
        matched=n_matched,
        misses=misses,
        false_positives=false_positives,
        per_attribute=per_attribute,
        other=total(
            s
            for p, s in per_predicate.items()
            if p not in SCORED_ENTITY and p not in VALUE_PREDICATES
        ),
    )


def has_external_id(record: dict[str, Any]) -> bool:
    """Whether an extracted record's object carries an ID outside the project's vocabulary:
    an ``object_match``, or an ``object_id`` of an ontology (not ``omse:``)."""
    object_id = record.get("object_id") or ""
    return bool(record.get("object_match")) or (
        bool(object_id) and not object_id.startswith("omse:")
    )


def external_id_share(records: Iterable[dict[str, Any]], proposals: bool = True) -> tuple[int, int]:
    """(concepts with an external ID, concepts) over the distinct objects of entity claims
    (synonym claims name no concept); ``proposals=False`` leaves out the open-vocabulary
    proposals that no lexicon knows (they have no ID by definition)."""
    seen: dict[str, bool] = {}
    for r in records:
        if r.get("predicate") not in ENTITY_PREDICATES or r.get("predicate") == "has_synonym":
            continue
        if not proposals and not r.get("object_id"):
            continue
        key = r.get("object_id") or normalise(str(r.get("object", "")))
        seen[key] = seen.get(key, False) or has_external_id(r)
    return sum(seen.values()), len(seen)


def polarity_agreement(
    gold: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    vocabulary: Vocabulary | None = None,
) -> tuple[int, int]:
    """(same polarity, matched) over the entity claims matched by source, predicate and
    object whatever their polarity: how often the extractor reads negation right."""
    sources = {g["source"] for g in gold}
    predicted = [p for p in predicted if p["source"] in sources]
    canon = _Canon(vocabulary, predicted)

    def polarities(records: Iterable[dict[str, Any]]) -> dict[tuple[str, str, str], set[str]]:
        out: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for r in records:
            if r["predicate"] in SCORED_ENTITY:
                out[r["source"], r["predicate"], canon.of(r)].add(r["polarity"])
        return out

    wanted, found = polarities(gold), polarities(predicted)
    matched = wanted.keys() & found.keys()
    return sum(wanted[k] == found[k] for k in matched), len(matched)
