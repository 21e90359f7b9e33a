"""The records the pipeline passes along: sources, concepts, claims and their evidence."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

__all__ = [
    "CONCEPT_TYPES",
    "ENTITY_PREDICATES",
    "EVIDENCE_LEVELS",
    "PREDICATES",
    "SOURCE_KINDS",
    "Certainty",
    "Claim",
    "Concept",
    "Evidence",
    "Method",
    "Polarity",
    "Reference",
    "Source",
    "Status",
    "claim_hash",
    "evidence_level",
    "evidence_rank",
]


class Polarity(str, Enum):
    AFFIRMED = "affirmed"
    NEGATED = "negated"


class Certainty(str, Enum):
    ASSERTED = "asserted"
    HEDGED = "hedged"


class Method(str, Enum):
    CURATED = "curated"
    AUTOMATIC = "automatic"


class Status(str, Enum):
    CANDIDATE = "candidate"
    REVIEWED = "reviewed"
    REJECTED = "rejected"


#: interchange-format predicate -> (ontology property local name, object is a concept)
PREDICATES: dict[str, tuple[str, bool]] = {
    "has_symptom": ("hasSymptom", True),
    "has_cause": ("hasCause", True),
    "treated_by": ("treatedBy", True),
    "diagnosed_by": ("diagnosedBy", True),
    "has_complication": ("hasComplication", True),
    "differential_diagnosis": ("hasDifferentialDiagnosis", True),
    "specialist": ("hasSpecialist", True),
    "has_synonym": ("hasSynonym", False),
    "epidemiology": ("epidemiology", False),
    "prognosis": ("prognosis", False),
    "mechanism": ("mechanism", False),
    "other": ("statement", False),
}
ENTITY_PREDICATES = frozenset(p for p, (_, entity) in PREDICATES.items() if entity)

#: vocabulary type -> ontology class local name
CONCEPT_TYPES: dict[str, str] = {
    "condition": "Condition",
    "symptom": "Symptom",
    "tumour": "Tumour",
    "infection": "Infection",
    "cause": "Cause",
    "drug": "Drug",
    "procedure": "Procedure",
    "therapy": "Therapy",
    "test": "DiagnosticTest",
    "complication": "Complication",
    "specialty": "Specialty",
    "finding": "Finding",
}

#: source kind -> (ontology individual, fabio class)
SOURCE_KINDS: dict[str, tuple[str, str]] = {
    "journal-abstract": ("JournalAbstract", "Abstract"),
    "patient-page": ("PatientPage", "WebPage"),
    "encyclopedia-entry": ("EncyclopediaEntry", "EncyclopediaEntry"),
    "wiki-page": ("WikiPage", "WebPage"),
}


#: evidence levels, strongest first (docs/data-formats.md): level -> ontology individual
EVIDENCE_LEVELS: dict[str, str] = {
    "guideline": "GuidelineEvidence",
    "systematic-review": "SystematicReviewEvidence",
    "trial": "TrialEvidence",
    "review": "ReviewEvidence",
    "cohort": "CohortEvidence",
    "case-series": "CaseSeriesEvidence",
    "case-report": "CaseReportEvidence",
    "article": "ArticleEvidence",
    "encyclopedia": "EncyclopediaEvidence",
    "patient-page": "PatientPageEvidence",
    "blog": "BlogEvidence",
}
#: publication type or MeSH heading (lower case) -> the level it shows, strongest first
_LEVEL_OF_TYPE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("guideline", ("practice guideline", "guideline", "consensus development conference",
                   "consensus development conference, nih", "consensus statement")),
    ("systematic-review", ("systematic review", "meta-analysis", "network meta-analysis")),
    ("trial", ("randomized controlled trial", "controlled clinical trial", "clinical trial",
               "clinical trial, phase ii", "clinical trial, phase iii")),
    ("review", ("review", "scoping review")),
    ("cohort", ("observational study", "cohort studies", "prospective studies",
                "retrospective studies", "longitudinal studies", "follow-up studies")),
    ("case-series", ("case series",)),
    ("case-report", ("case reports", "case report")),
    ("blog", ("blog",)),
)  # fmt: skip
_LEVEL_OF_KIND = {
    "journal-abstract": "article",
    "encyclopedia-entry": "encyclopedia",
    "wiki-page": "encyclopedia",
    "patient-page": "patient-page",
}


def evidence_level(kind: str, types: tuple[str, ...] = (), mesh: tuple[str, ...] = ()) -> str:
    """The evidence level of a source of ``kind`` with publication ``types`` and MeSH
    headings: the strongest its types show, else what its kind is."""
    given = {t.strip().lower() for t in (*types, *mesh)}
    for level, names in _LEVEL_OF_TYPE:
        if given.intersection(names):
            return level
    return _LEVEL_OF_KIND.get(kind, "article")


def evidence_rank(level: str) -> int:
    """How strong ``level`` is: 0 for the strongest (guideline), larger for weaker."""
    return list(EVIDENCE_LEVELS).index(level)


@dataclass(frozen=True)
class Reference:
    """A work a source cites, as the source writes it, with the parts parsed from it.

    A source's own bibliographic record (the work it is) is a ``Reference`` too, with
    ``number`` None; see ``Source.work``.
    """

    citation: str
    number: int | None = None
    doi: str | None = None
    pmid: str | None = None
    authors: tuple[str, ...] = ()
    title: str | None = None
    container: str | None = None
    year: int | None = None
    key: str = ""  # the key of the work it names, set by references.resolve
    same_as: str | None = None  # the file of the source that is this work, if any

    @property
    def first_author(self) -> str | None:
        """The first author's family name (or the organisation), as parsed."""
        return self.authors[0] if self.authors else None


@dataclass(frozen=True)
class Source:
    """One document: its text exactly as captured, and what is known about it."""

    file: str
    text: str
    title: str
    kind: str
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    date: str | None = None
    container: str | None = None
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None
    references: tuple[Reference, ...] = ()
    work: Reference | None = None  # the source's own record, parsed from its text
    publication_types: tuple[str, ...] = ()
    mesh: tuple[str, ...] = ()
    evidence_level: str = "article"  # a key of EVIDENCE_LEVELS

    @property
    def slug(self) -> str:
        """The stable identifier: the file name without its extension."""
        return self.file.rsplit(".", 1)[0]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def reference(self, number: int) -> Reference | None:
        return next((r for r in self.references if r.number == number), None)


@dataclass(frozen=True)
class Concept:
    """A vocabulary entry: one preferred label, synonyms, a type."""

    id: str
    label: str
    type: str
    synonyms: tuple[str, ...] = ()
    definition: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


@dataclass(frozen=True)
class Evidence:
    """Where a claim stands in its source: the exact quote and its character offsets."""

    quote: str
    start: int
    end: int
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Claim:
    """One statement a source makes about a subject, anchored to its quote."""

    source: str
    subject: str
    predicate: str
    object: str
    evidence: Evidence
    polarity: Polarity = Polarity.AFFIRMED
    certainty: Certainty = Certainty.ASSERTED
    population: str = "all"
    qualifier: str = ""
    method: Method = Method.CURATED
    status: Status = Status.REVIEWED
    reference: int | None = None
    confidence: float | None = None
    extractor: str | None = None
    origin: str = field(default="", compare=False)  # "file:line" it was read from

    @property
    def entity_valued(self) -> bool:
        return self.predicate in ENTITY_PREDICATES

    @cached_property  # asked for again and again when conflicts are found in a large corpus
    def id(self) -> str:
        return claim_hash(
            self.source, self.subject, self.predicate, self.object, self.evidence.start
        )


def claim_hash(source: str, subject: str, predicate: str, obj: str, start: int) -> str:
    """The content-derived claim identifier: 16 hex digits of SHA-256."""
    key = "|".join((source, subject, predicate, obj, str(start)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
