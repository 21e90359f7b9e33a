"""Load the claims of ``data/claims/``: validate them and anchor each quote in its source."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from omsgraph.corpus.model import (
    PREDICATES,
    Certainty,
    Claim,
    Evidence,
    Method,
    Polarity,
    Source,
    Status,
)
from omsgraph.corpus.sources import PARALLEL_FILES, load_sources
from omsgraph.corpus.vocabulary import Vocabulary, load_vocabulary
from omsgraph.corpus.yamlfile import Mapping, check_keys, load_yaml, require
from omsgraph.errors import DataError

__all__ = [
    "CONDITION",
    "Corpus",
    "condition_of",
    "anchor",
    "interchange_record",
    "load_claims",
    "load_corpus",
    "write_jsonl",
]

#: the default subject of a claim
CONDITION = "opsoclonus-myoclonus-syndrome"
CONTEXT = 32  # characters of prefix and suffix kept with a quote
#: what an ``extractor`` may be called (it becomes part of an IRI, oms:extractor-NAME)
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
#: the keys a claims file and each of its claims may have (docs/data-formats.md)
FILE_KEYS = frozenset({"source", "claims", "proposed_concepts", "tombstones"})
CLAIM_KEYS = frozenset(
    {
        "predicate",
        "object",
        "subject",
        "quote",
        "occurrence",
        "polarity",
        "certainty",
        "population",
        "qualifier",
        "method",
        "status",
        "reference",
        "confidence",
        "extractor",
        "reviewer",
        "reviewed_at",
        "note",
    }
)
#: the keys of a tombstone: a candidate a curator rejected or corrected, which ingest must
#: never bring back (omsgraph.curate.review)
TOMBSTONE_KEYS = frozenset(
    {"predicate", "object", "quote", "occurrence", "polarity", "decision", "reviewer", "at"}
)


@dataclass(frozen=True)
class Corpus:
    """Everything ``data/`` holds: sources, vocabulary and the claims on them."""

    sources: tuple[Source, ...]
    vocabulary: Vocabulary
    claims: tuple[Claim, ...]

    def source(self, file: str) -> Source:
        return next(s for s in self.sources if s.file == file)


def anchor(text: str, quote: str, occurrence: int = 1) -> Evidence | None:
    """Find the ``occurrence``-th exact ``quote`` in ``text``; None when it is not there."""
    if not quote:
        return None
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            return None
    end = start + len(quote)
    return Evidence(
        quote=quote,
        start=start,
        end=end,
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


def _near_miss(text: str, quote: str) -> str:
    """A hint for a quote that is not in the text: where it would be with other spacing."""
    words = quote.split()
    if not words:
        return ""
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, text, flags=re.IGNORECASE)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        return (
            f" (the text has it with other spacing or case on its line {line}: "
            f"{match.group(0)[:60]!r})"
        )
    return ""


def _enum(enum: type, record: Mapping, key: str, default: Any, path: Path) -> Any:
    value = record.get(key, default.value)
    try:
        return enum(value)
    except ValueError:
        allowed = " | ".join(m.value for m in enum)
        raise DataError(
            f"{key} {value!r} is not one of {allowed}", path, record.line_of(key)
        ) from None


def condition_of(vocabulary: Vocabulary) -> str | None:
    """The project's condition, the default subject of its claims: opsoclonus-myoclonus
    syndrome where the vocabulary has it, else its first concept of type condition (the one
    ``omsgraph init`` writes first)."""
    if CONDITION in vocabulary.concepts:
        return CONDITION
    return next((c.id for c in vocabulary.concepts.values() if c.type == "condition"), None)


def _claim(record: Any, source: Source, vocabulary: Vocabulary, path: Path) -> Claim:
    if not isinstance(record, Mapping):
        raise DataError("each claim must be a mapping", path)
    line = record.line_of
    check_keys(record, CLAIM_KEYS, path)
    predicate = require(record, "predicate", path)
    if predicate not in PREDICATES:
        raise DataError(
            f"unknown predicate {predicate!r}; use one of {', '.join(PREDICATES)}",
            path,
            line("predicate"),
        )
    obj = require(record, "object", path)
    if PREDICATES[predicate][1]:
        concept = vocabulary.resolve(obj)
        if concept is None:
            raise DataError(
                f"unknown concept {obj!r}: add it to the vocabulary", path, line("object")
            )
        obj = concept.id
    subject_name = record.get("subject") or condition_of(vocabulary) or CONDITION
    subject = vocabulary.resolve(subject_name)
    if subject is None:
        raise DataError(
            f"unknown subject {subject_name!r}: add it to the vocabulary", path, line("subject")
        )
    quote = require(record, "quote", path)
    occurrence = record.get("occurrence", 1)
    if not isinstance(occurrence, int) or occurrence < 1:
        raise DataError("occurrence must be a positive integer", path, line("occurrence"))
    evidence = anchor(source.text, quote, occurrence)
    if evidence is None:
        raise DataError(
            f"quote not found in {source.file}: {quote[:60]!r}{_near_miss(source.text, quote)}",
            path,
            line("quote"),
        )
    reference = record.get("reference")
    if reference is not None and (
        not isinstance(reference, int) or source.reference(reference) is None
    ):
        raise DataError(
            f"reference {reference!r} is not in the reference list of {source.file}",
            path,
            line("reference"),
        )
    confidence = record.get("confidence")
    if confidence is not None and not (
        isinstance(confidence, (int, float)) and 0 <= confidence <= 1
    ):
        raise DataError("confidence must be a number between 0 and 1", path, line("confidence"))
    for key in ("population", "qualifier"):
        if record.get(key) is not None and not isinstance(record[key], (str, int, float)):
            raise DataError(f"{key!r} must be a string", path, line(key))
    extractor = record.get("extractor")
    if extractor is not None and not (isinstance(extractor, str) and _NAME.fullmatch(extractor)):
        raise DataError(
            "'extractor' must be a name of letters, digits, '.', '_' and '-'",
            path,
            line("extractor"),
        )
    return Claim(
        source=source.file,
        subject=subject.id,
        predicate=predicate,
        object=obj.strip(),
        evidence=evidence,
        polarity=_enum(Polarity, record, "polarity", Polarity.AFFIRMED, path),
        certainty=_enum(Certainty, record, "certainty", Certainty.ASSERTED, path),
        population=str(record.get("population") or "all").strip(),
        qualifier=str(record.get("qualifier") or "").strip(),
        method=_enum(Method, record, "method", Method.CURATED, path),
        status=_enum(Status, record, "status", Status.REVIEWED, path),
        reference=reference,
        confidence=None if confidence is None else float(confidence),
        extractor=extractor,
        origin=f"{path}:{record.line}",
    )


def load_claims(path: Path, sources: dict[str, Source], vocabulary: Vocabulary) -> list[Claim]:
    """The claims of one file, each checked and anchored; duplicates are an error."""
    data = load_yaml(path)
    if not isinstance(data, Mapping):
        raise DataError("expected 'source:' and 'claims:' at the top level", path, 1)
    check_keys(data, FILE_KEYS, path)
    file = require(data, "source", path)
    if file not in sources:
        raise DataError(f"source {file!r} is not in data/sources", path, data.line_of("source"))
    records = data.get("claims") or []
    if not isinstance(records, list):
        raise DataError("'claims' must be a list", path, data.line)
    tombstones = data.get("tombstones") or []
    if not isinstance(tombstones, list):
        raise DataError("'tombstones' must be a list", path, data.line_of("tombstones"))
    for tombstone in tombstones:
        if not isinstance(tombstone, Mapping):
            raise DataError("each tombstone must be a mapping", path, data.line_of("tombstones"))
        check_keys(tombstone, TOMBSTONE_KEYS, path)
    claims = [_claim(record, sources[file], vocabulary, path) for record in records]
    _no_duplicates(claims)
    return claims


def _no_duplicates(claims: Iterable[Claim]) -> None:
    """Raise a DataError at the second of two claims with one id (same source, predicate,
    object and quote), in one file or in two files naming the same source."""
    seen: dict[str, str] = {}
    for claim in claims:
        first = seen.setdefault(claim.id, claim.origin)
        if first != claim.origin:
            path, _, line = claim.origin.rpartition(":")
            raise DataError(
                f"duplicate claim (same source, predicate, object and quote as {first})",
                Path(path),
                int(line),
            )


def _load_claims(paths: Sequence[Path]) -> list[Claim]:
    """The claims of ``paths``, in a worker of :func:`omsgraph.parallel.fork_map`."""
    from omsgraph.parallel import prefetch, shared

    prefetch(paths)
    by_file, vocabulary = shared()
    return [claim for path in paths for claim in load_claims(path, by_file, vocabulary)]


def load_corpus(data_dir: Path) -> Corpus:
    """Load ``data_dir``: ``sources/``, ``vocabulary.yaml`` and ``claims/*.yaml``."""
    sources = load_sources(data_dir / "sources")
    vocabulary = load_vocabulary(data_dir / "vocabulary.yaml")
    if condition_of(vocabulary) is None:
        raise DataError(
            "the vocabulary has no concept of type condition (the subject of the claims)",
            data_dir / "vocabulary.yaml",
        )
    by_file = {s.file: s for s in sources}
    paths = sorted((data_dir / "claims").glob("*.yaml"))
    claims: list[Claim] = []
    if len(paths) < PARALLEL_FILES:
        for path in paths:
            claims.extend(load_claims(path, by_file, vocabulary))
    else:  # a large corpus: read on every core
        from omsgraph.parallel import chunks, fork_map

        for part in fork_map(_load_claims, chunks(paths, 500), (by_file, vocabulary)):
            claims.extend(part)
    _no_duplicates(claims)  # across files too: two claim files may name one source
    return Corpus(sources=tuple(sources), vocabulary=vocabulary, claims=tuple(claims))


def interchange_record(claim: Claim, vocabulary: Vocabulary) -> dict[str, Any]:
    """One claim in the interchange format of tests/gold/README.md."""
    concept = vocabulary.concepts.get(claim.object) if claim.entity_valued else None
    subject = vocabulary.concepts[claim.subject]
    record: dict[str, Any] = {
        "source": claim.source,
        "subject": subject.label,
        "predicate": claim.predicate,
        "object": concept.label if concept else claim.object,
        "quote": claim.evidence.quote,
        "polarity": claim.polarity.value,
        "certainty": claim.certainty.value,
        "population": claim.population,
        "qualifier": claim.qualifier,
        "start": claim.evidence.start,
        "end": claim.evidence.end,
        "object_id": f"omse:{concept.id}" if concept else None,
        "object_synonyms": list(concept.synonyms) if concept else [],
        "method": claim.method.value,
        "confidence": claim.confidence
        if claim.confidence is not None
        else (1.0 if claim.method is Method.CURATED else None),
        "status": claim.status.value,
        "claim_id": f"omsc:{claim.id}",
    }
    if claim.reference is not None:
        record["reference"] = claim.reference
    return record


def write_jsonl(claims: Iterable[Claim], vocabulary: Vocabulary) -> Iterator[str]:
    """Yield the interchange JSON lines of ``claims``, in a stable order."""
    ordered = sorted(claims, key=lambda c: (c.source, c.evidence.start, c.predicate, c.object))
    for claim in ordered:
        yield json.dumps(interchange_record(claim, vocabulary), ensure_ascii=False, sort_keys=False)
