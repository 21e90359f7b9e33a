"""A candidate claim, as the extractor finds it and before a curator has seen it, and its
record in the claim interchange format (tests/gold/README.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from omsgraph.corpus.model import Concept
from omsgraph.extract.anatomy import site_names
from omsgraph.extract.ontolex import GroundedConcept, record_fields

__all__ = ["Candidate", "review_type"]


@dataclass(frozen=True)
class Candidate:
    """One automatically found claim, before a curator has seen it."""

    predicate: str
    object: str
    concept: Concept | None
    quote: str
    start: int
    end: int
    polarity: str = "affirmed"
    certainty: str = "asserted"
    population: str = "all"
    qualifier: str = ""
    confidence: float = 0.5
    proposed_type: str | None = None  # set when the object is not in the vocabulary yet
    attribute: str | None = None  # value claims: what the value measures; object "attr: value"

    def record(self, source: str, subject: str = "opsoclonus-myoclonus syndrome") -> dict[str, Any]:
        """This claim in the interchange format (tests/gold/README.md)."""
        record: dict[str, Any] = {
            "source": source,
            "subject": subject,
            "predicate": self.predicate,
            "object": self.object,
            "quote": self.quote,
            "polarity": self.polarity,
            "certainty": self.certainty,
            "population": self.population,
            "qualifier": self.qualifier,
            "start": self.start,
            "end": self.end,
            "object_id": _object_id(self.concept),
            "object_synonyms": _synonyms(self.concept),
            "confidence": round(self.confidence, 2),
            "method": "automatic",
        }
        record.update(record_fields(self.concept))
        if self.proposed_type:
            record["proposed_type"] = self.proposed_type
        if self.attribute:  # the interchange format keeps the attribute beside the value
            record["attribute"] = self.attribute
            record["object"] = self.object.partition(": ")[2]
        return record


def _object_id(concept: Concept | None) -> str | None:
    """``omse:<id>`` for a vocabulary concept, the CURIE for one found through an ontology."""
    if isinstance(concept, GroundedConcept) and not concept.curated:
        return concept.curie
    return f"omse:{concept.id}" if concept else None


def review_type(concept: Concept | None) -> str | None:
    """A concept found through an ontology is proposed for the vocabulary, with its type."""
    return concept.type if isinstance(concept, GroundedConcept) and not concept.curated else None


def _synonyms(concept: Concept | None) -> list[str]:
    """The concept's other names: its synonyms, and for a tumour the other ways its site is
    written ("breast carcinoma", "carcinoma of the breast" for breast cancer)."""
    if concept is None:
        return []
    names = list(concept.synonyms)
    if concept.type == "tumour":
        names += [v for n in concept.names for v in site_names(n) if v not in names]
    return names
