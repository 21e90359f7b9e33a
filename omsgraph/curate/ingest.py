"""The curation loop: a new document becomes a source and candidate claims for a curator.

``ingest(path, data_dir)`` reads the document (text, HTML or PubMed XML), stores its text and
a metadata record in ``data/sources/`` and writes the extractor's claims to
``data/claims/<source>.yaml`` with ``method: automatic`` and ``status: candidate``. Concepts
the vocabulary lacks go to the file's ``proposed_concepts:`` list for review. Ingesting the
same document again adds only claims that are not there yet: it never duplicates a claim,
never touches one a curator has reviewed, rejected or edited, and never brings back a
candidate whose tombstone (``omsgraph review reject`` or ``edit``) the file keeps.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from omsgraph.corpus.model import PREDICATES
from omsgraph.corpus.vocabulary import Vocabulary, load_vocabulary, normalise
from omsgraph.corpus.yamlfile import load_yaml
from omsgraph.errors import DataError
from omsgraph.extract.candidate import Candidate
from omsgraph.extract.pipeline import Extractor
from omsgraph.extract.readers import Document, check_document, read_documents
from omsgraph.output import write_atomic

__all__ = ["IngestResult", "extract_files", "ingest", "ingest_files"]

#: libyaml's emitter when PyYAML has it (about 10 times faster; the same text)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_CLAIMS_BLOCK = re.compile(r"^claims:[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*([ \t]*)- ", re.MULTILINE)
_NAME = re.compile(r"^(\d{3,})_([0-9a-f]{16})\.txt$")


@dataclass(frozen=True)
class IngestResult:
    """What one ingested document added."""

    source: str
    added: int
    kept: int
    proposed: int
    new_source: bool


def _occurrence(text: str, quote: str, start: int) -> int:
    count, at = 0, -1
    while True:
        at = text.find(quote, at + 1)
        if at < 0 or at > start:
            return max(count, 1)
        count += 1
        if at == start:
            return count


def _claim_yaml(candidate: Candidate, document: Document) -> dict[str, Any]:
    text = document.text
    record: dict[str, Any] = {
        "predicate": candidate.predicate,
        "object": candidate.object,
        "quote": candidate.quote,
    }
    occurrence = _occurrence(text, candidate.quote, candidate.start)
    if occurrence > 1:
        record["occurrence"] = occurrence
    record.update(
        polarity=candidate.polarity,
        certainty=candidate.certainty,
        population=candidate.population,
        qualifier=candidate.qualifier,
        method="automatic",
        status="candidate",
        confidence=round(candidate.confidence, 2),
    )
    reference = document.reference_at(candidate.start, candidate.end)
    if reference is not None:  # the reference its sentence cites (JATS in-text citations)
        record["reference"] = reference
    return record


def _key(record: dict[str, Any], vocabulary: Vocabulary) -> tuple[str, str, str]:
    """(predicate, object, polarity) with the object as a concept id where it is one."""
    predicate = str(record.get("predicate", ""))
    name = str(record.get("object", ""))
    concept = vocabulary.resolve(name) if PREDICATES.get(predicate, ("", False))[1] else None
    return (
        predicate,
        concept.id if concept else normalise(name),
        str(record.get("polarity", "affirmed")),
    )


def _anchor(record: dict[str, Any], vocabulary: Vocabulary) -> tuple[str, str, str, int]:
    """(predicate, object, quote, occurrence): what makes two claims of a source the same."""
    predicate, obj, _ = _key(record, vocabulary)
    return predicate, obj, str(record.get("quote", "")), int(record.get("occurrence", 1) or 1)


def _plain(value: Any) -> Any:
    """YAML-loaded data as plain dicts and lists, so it can be written back."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _existing(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("claims") or [], list):
        raise DataError("expected 'source:' and a 'claims:' list", path, 1)
    return _plain(data)


def _dump(data: Any, **options: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, **options)


def _write_source(document: Document, name: str, sources_dir: Path) -> None:
    meta_path = sources_dir / f"{name[:-4]}.yaml"
    write_atomic(sources_dir / name, document.text, sync=False)
    if not meta_path.exists():  # a curator's corrections to the metadata are kept
        record = {"file": name, **document.metadata()}
        header = f"# Metadata of {name}: taken from the document by omsgraph ingest.\n"
        text = header + _dump(record)
        write_atomic(meta_path, text, sync=False)


def _items(records: list[dict[str, Any]], indent: str) -> str:
    """YAML list items indented by ``indent``, as the file being appended to has them."""
    text = _dump(records, width=100)
    return "".join(indent + line if line.strip() else line for line in text.splitlines(True))


def _write_claims(
    path: Path,
    name: str,
    existing: dict[str, Any],
    claims: list[dict[str, Any]],
    new_claims: list[dict[str, Any]],
    proposed: list[dict[str, Any]],
    new_proposals: int,
) -> None:
    """Append new claims to the curator's file as text (keeping its comments and layout)
    when its ``claims:`` list comes last; otherwise write the whole file."""
    if existing and not new_claims and not new_proposals:
        return  # nothing new: the file stays exactly as the curator left it
    if existing and not new_proposals and list(existing)[-1] == "claims" and existing["claims"]:
        old = path.read_text(encoding="utf-8")
        block = _CLAIMS_BLOCK.search(old)
        if block:
            text = old.rstrip("\n") + "\n" + _items(new_claims, block.group(1))
            write_atomic(path, text, sync=False)
            return
    output: dict[str, Any] = {"source": name}
    if proposed:
        output["proposed_concepts"] = proposed
    if existing.get("tombstones"):
        output["tombstones"] = existing["tombstones"]
    output["claims"] = claims
    header = (
        f"# Claims of {name}. Automatic claims are candidates: review them with\n"
        "# `omsgraph review` (docs/curation-workflow.md); ingest never changes a claim here.\n"
    )
    text = _dump(output, width=100)
    write_atomic(path, header + text, sync=False)


def _extract_all(paths: Sequence[Path]) -> list[tuple[Document, list[Candidate]]]:
    """The documents of ``paths`` with their candidates, in a worker of
    :func:`omsgraph.parallel.fork_map` (whose shared data is the extractor): the part of
    ingest that can run apart. The files are read ahead of their turn."""
    from omsgraph.parallel import prefetch, shared

    extractor: Extractor = shared()
    prefetch(paths)
    return [(doc, extractor.extract(doc.text)) for path in paths for doc in read_documents(path)]


class _SourceIndex:
    """The source files of a data directory by content digest, read once per ingest run."""

    def __init__(self, sources_dir: Path) -> None:
        self.sources_dir = sources_dir
        self.names: dict[str, str] = {}
        self.next_number = 0
        for path in sorted(sources_dir.glob("*.txt")) if sources_dir.is_dir() else ():
            match = _NAME.match(path.name)
            if match:
                self.next_number = max(self.next_number, int(match.group(1)) + 1)
                self.names.setdefault(match.group(2), path.name)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            self.names.setdefault(digest, path.name)

    def name(self, document: Document) -> tuple[str, bool]:
        """The file name of ``document``: the existing one for the same text, else the next
        number and the text's digest (taken at once, for the next document)."""
        digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()[:16]
        if digest in self.names:
            return self.names[digest], False
        name = f"{self.next_number:03d}_{digest}.txt"
        self.names[digest] = name
        self.next_number += 1
        return name, True


def _store(
    document: Document,
    candidates: list[Candidate],
    data_dir: Path,
    vocabulary: Vocabulary,
    name: str,
    new_source: bool,
) -> IngestResult:
    """Write one document (source file ``name``) and its new candidate claims to ``data_dir``."""
    sources_dir, claims_dir = data_dir / "sources", data_dir / "claims"
    claims_path = claims_dir / f"{name[:-4]}.yaml"
    existing = _existing(claims_path)
    claims = list(existing.get("claims") or [])
    proposed = list(existing.get("proposed_concepts") or [])
    seen = {_key(c, vocabulary) for c in claims if isinstance(c, dict)}
    # the loader's identity of a claim (omsgraph.corpus.model.Claim.id): two candidates from the
    # same words about the same object (one affirmed, one negated) would not load together
    anchored = {_anchor(c, vocabulary) for c in claims if isinstance(c, dict)}
    # what a curator rejected or corrected (omsgraph.curate.review) never comes back
    tombstones = [t for t in existing.get("tombstones") or [] if isinstance(t, dict)]
    buried = {_anchor(t, vocabulary) for t in tombstones}
    seen_proposed = {
        (p.get("predicate"), normalise(str(p.get("name", ""))))
        for p in proposed
        if isinstance(p, dict)
    }
    added = 0
    for candidate in candidates:
        if candidate.proposed_type is not None:
            key = (candidate.predicate, normalise(candidate.object))
            if key not in seen_proposed:
                seen_proposed.add(key)
                proposed.append(
                    {
                        "name": candidate.object,
                        "type": candidate.proposed_type,
                        "predicate": candidate.predicate,
                        "quote": candidate.quote,
                        "status": "candidate",
                    }
                )
            continue
        record = _claim_yaml(candidate, document)
        key, anchor = _key(record, vocabulary), _anchor(record, vocabulary)
        if key in seen or anchor in anchored or anchor in buried:
            continue
        seen.add(key)
        anchored.add(anchor)
        claims.append(record)
        added += 1
    if new_source or not (sources_dir / f"{name[:-4]}.yaml").exists():
        _write_source(document, name, sources_dir)
    new_claims = claims[len(claims) - added :]
    new_proposals = len(proposed) - len(existing.get("proposed_concepts") or [])
    _write_claims(claims_path, name, existing, claims, new_claims, proposed, new_proposals)
    return IngestResult(name, added, len(claims) - added, len(proposed), new_source)


def ingest_files(
    paths: Sequence[Path],
    data_dir: Path,
    vocabulary: Vocabulary | None = None,
    jobs: int = 1,
) -> list[IngestResult]:
    """Ingest every file of ``paths``: read and extract in ``jobs`` processes, then write in
    input order, so the new sources are numbered the same whatever ``jobs`` is.

    Every file is read before anything is written: one unreadable file writes nothing."""
    from omsgraph.parallel import chunks, fork_map

    for path in paths:  # before any file is opened: a FIFO would hang the read-ahead
        check_document(path)
    vocabulary = vocabulary or load_vocabulary(data_dir / "vocabulary.yaml")
    extractor = Extractor(vocabulary)  # built once; forked workers share it
    parts = fork_map(_extract_all, chunks(list(paths), 200), extractor, jobs)
    found = [pair for part in parts for pair in part]
    index = _SourceIndex(data_dir / "sources")
    names = [index.name(document) for document, _ in found]  # numbered in input order
    by_name: dict[str, list[int]] = {}  # one source's documents are written by one worker
    for number, (name, _) in enumerate(names):
        by_name.setdefault(name, []).append(number)
    results: list[IngestResult | None] = [None] * len(found)

    shared = (found, names, data_dir, vocabulary)
    try:
        workers = jobs if len(found) >= PARALLEL_DOCUMENTS else 1
        for part in fork_map(_store_all, chunks(list(by_name.values()), 500), shared, workers):
            for number, result in part:
                results[number] = result
    finally:
        if hasattr(os, "sync"):
            os.sync()  # one flush for the batch instead of an fsync per file
    return [result for result in results if result is not None]


#: from this many documents on, ``ingest --jobs N`` also writes in N processes
PARALLEL_DOCUMENTS = 200


def _store_all(groups: Sequence[list[int]]) -> list[tuple[int, IngestResult]]:
    """Write the documents numbered in ``groups`` (each group one source file, in order), in
    a worker of :func:`omsgraph.parallel.fork_map`."""
    from omsgraph.parallel import shared

    found, names, data_dir, vocabulary = shared()
    return [
        (number, _store(*found[number], data_dir, vocabulary, *names[number]))
        for group in groups
        for number in group
    ]


def ingest(path: Path, data_dir: Path, vocabulary: Vocabulary | None = None) -> list[IngestResult]:
    """Add the document(s) of ``path`` to ``data_dir`` with candidate claims; see the module doc."""
    return ingest_files([path], data_dir, vocabulary)


def extract_files(paths: Iterable[Path], vocabulary: Vocabulary) -> list[dict[str, Any]]:
    """Interchange records of the claims found in each file (named by its file name)."""
    extractor = Extractor(vocabulary)
    records: list[dict[str, Any]] = []
    for path in paths:
        documents = read_documents(path)
        for number, document in enumerate(documents, 1):
            source = path.name
            if len(documents) > 1:
                source = f"{path.name}#{document.pmid or number}"
            records.extend(c.record(source) for c in extractor.extract(document.text))
    return records
