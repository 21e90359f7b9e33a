"""Score claims against a gold standard with the matching rules of the interchange format.

A predicted claim matches a gold claim with the same source, predicate and polarity and the
same object concept (names folded for case and punctuation, or equal through synonyms).
Precision, recall and F1 are computed over distinct (source, predicate, object, polarity)
tuples, for entity-valued predicates and, apart, for the value-valued ones.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from omsgraph.corpus.model import ENTITY_PREDICATES
from omsgraph.corpus.vocabulary import Vocabulary, normalise
from omsgraph.errors import DataError

__all__ = ["SCORED_ENTITY", "Report", "Score", "evaluate", "read_jsonl"]

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

    def as_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity.as_dict(),
            "value": self.value.as_dict(),
            "certainty_agreement": round(self.certainty_agreement, 4),
            "matched": self.matched,
            "per_predicate": {p: s.as_dict() for p, s in sorted(self.per_predicate.items())},
            "misses": self.misses,
            "false_positives": self.false_positives,
        }


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


class _Canon:
    """Maps object names to one canonical form per concept."""

    def __init__(self, vocabulary: Vocabulary | None, predicted: Iterable[dict[str, Any]]):
        self.names: dict[str, str] = dict(vocabulary.names) if vocabulary else {}
        for record in predicted:  # synonyms the predictor reports count too
            if record["predicate"] not in ENTITY_PREDICATES:
                continue
            canon = self.of(record)
            for name in (record.get("object", ""), *(record.get("object_synonyms") or [])):
                self.names.setdefault(normalise(name), canon)

    def of(self, record: dict[str, Any]) -> str:
        name = normalise(str(record["object"]))
        if record["predicate"] not in ENTITY_PREDICATES:  # values, synonyms: compare as text
            return name
        object_id = record.get("object_id") or ""
        if object_id.startswith("omse:"):
            return object_id[5:]
        return self.names.get(name, name)


def _keys(records: Iterable[dict[str, Any]], canon: _Canon) -> dict[Key, dict[str, Any]]:
    keys: dict[Key, dict[str, Any]] = {}
    for r in records:
        keys.setdefault((r["source"], r["predicate"], canon.of(r), r["polarity"]), r)
    return keys


def evaluate(
    gold: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    vocabulary: Vocabulary | None = None,
) -> Report:
    """Compare ``predicted`` with ``gold`` (both interchange records) on the gold's sources."""
    sources = {g["source"] for g in gold}
    predicted = [p for p in predicted if p["source"] in sources]
    canon = _Canon(vocabulary, predicted)
    gold_keys, pred_keys = _keys(gold, canon), _keys(predicted, canon)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for key in gold_keys.keys() | pred_keys.keys():
        slot = counts[key[1]]
        slot[0 if key in gold_keys and key in pred_keys else 1 if key in pred_keys else 2] += 1
    per_predicate = {p: Score(*c) for p, c in counts.items()}

    def total(entity: bool) -> Score:
        parts = [s for p, s in per_predicate.items() if (p in SCORED_ENTITY) == entity]
        return Score(sum(s.tp for s in parts), sum(s.fp for s in parts), sum(s.fn for s in parts))

    matched = gold_keys.keys() & pred_keys.keys()
    same_certainty = sum(
        gold_keys[k].get("certainty") == pred_keys[k].get("certainty") for k in matched
    )

    def brief(record: dict[str, Any]) -> dict[str, Any]:
        return {
            k: record.get(k)
            for k in ("source", "predicate", "object", "polarity", "certainty", "quote")
        }

    order = sorted
    return Report(
        per_predicate=per_predicate,
        entity=total(True),
        value=total(False),
        certainty_agreement=same_certainty / len(matched) if matched else 0.0,
        matched=len(matched),
        misses=[brief(gold_keys[k]) for k in order(gold_keys.keys() - pred_keys.keys())],
        false_positives=[brief(pred_keys[k]) for k in order(pred_keys.keys() - gold_keys.keys())],
    )
