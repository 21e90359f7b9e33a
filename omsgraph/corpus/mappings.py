"""The curated SSSOM table of ``ontology/mappings.sssom.tsv``, read and checked: a YAML
metadata block in ``#`` lines (``curie_map``, ``mapping_set_id``, ``license`` ...) and one row
per mapping from ``omse:<concept id>`` to an external ID. The graph stage turns the rows into
SKOS triples (:mod:`omsgraph.graph.mappings`); the extractor gives curated concepts their
reviewed IDs from it (:mod:`omsgraph.extract.curated_ids`). See docs/mappings.md.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from omsgraph.errors import DataError

if TYPE_CHECKING:  # rdflib only where an IRI is made: the extractor reads the file without it
    from rdflib import URIRef

__all__ = ["COLUMNS", "MAPPING_PREDICATES", "Mapping", "MappingSet", "load_mappings"]

#: the SSSOM columns we write, in order
COLUMNS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "object_source",
    "object_source_version",
    "comment",
)
#: the mapping predicates we allow, as CURIEs. ``exactMatch`` is transitive: a concept is
#: exactMatch to terms of one kind only (docs/mappings.md, "Rule")
MAPPING_PREDICATES = (
    "skos:exactMatch",
    "skos:closeMatch",
    "skos:broadMatch",
    "skos:narrowMatch",
    "skos:relatedMatch",
)
REQUIRED_METADATA = ("curie_map", "mapping_set_id", "license")


@dataclass(frozen=True)
class Mapping:
    """One SSSOM row: ``subject_id`` (``omse:<concept id>``) maps to ``object_id``."""

    subject_id: str
    subject_label: str
    predicate_id: str
    object_id: str
    object_label: str
    mapping_justification: str
    object_source: str
    object_source_version: str
    comment: str
    line: int = 0

    @property
    def concept_id(self) -> str:
        return self.subject_id.partition(":")[2]

    @property
    def object_prefix(self) -> str:
        return self.object_id.partition(":")[0]


@dataclass(frozen=True)
class MappingSet:
    """The metadata block and the rows of one SSSOM file, plus the file's text as read."""

    metadata: dict[str, Any]
    mappings: tuple[Mapping, ...]
    text: str = field(default="", repr=False)

    @property
    def curie_map(self) -> dict[str, str]:
        return dict(self.metadata.get("curie_map") or {})

    def expand(self, curie: str) -> URIRef:
        """The IRI of ``curie`` under the file's ``curie_map``."""
        from rdflib import URIRef

        return URIRef(self._iri(curie))

    def _iri(self, curie: str) -> str:
        prefix, sep, local = curie.partition(":")
        if not sep or prefix not in self.curie_map:
            raise KeyError(curie)
        return self.curie_map[prefix] + local


def load_mappings(path: Path) -> MappingSet:
    """Read and check an SSSOM TSV file; errors name the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read mappings: {exc.strerror}", path) from None
    lines = text.splitlines()
    header = [ln[1:] for ln in lines if ln.startswith("#")]
    body_start = len(header)
    if any(ln.startswith("#") for ln in lines[body_start:]):
        raise DataError("the # metadata block must come before the table", path)
    try:
        metadata = yaml.safe_load("\n".join(header)) or {}
    except yaml.YAMLError as exc:
        raise DataError(f"metadata block is not YAML: {exc}", path, 1) from None
    if not isinstance(metadata, dict):
        raise DataError("metadata block must be a YAML mapping", path, 1)
    for key in REQUIRED_METADATA:
        if not metadata.get(key):
            raise DataError(f"metadata block lacks {key!r}", path, 1)
    reader = csv.DictReader(
        io.StringIO("\n".join(lines[body_start:])), delimiter="\t", quoting=csv.QUOTE_NONE
    )
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise DataError(f"table header must be: {' '.join(COLUMNS)}", path, body_start + 1)
    mapping_set = MappingSet(metadata, (), text)
    rows = []
    for offset, record in enumerate(reader, start=body_start + 2):
        if None in record or any(v is None for v in record.values()):
            raise DataError(f"expected {len(COLUMNS)} tab-separated columns", path, offset)
        row = Mapping(**record, line=offset)
        _check_row(row, mapping_set, path)
        rows.append(row)
    return MappingSet(metadata, tuple(rows), text)


def _check_row(row: Mapping, mapping_set: MappingSet, path: Path) -> None:
    if not row.subject_id.startswith("omse:"):
        raise DataError(f"subject_id {row.subject_id!r} is not an omse: CURIE", path, row.line)
    if row.predicate_id not in MAPPING_PREDICATES:
        raise DataError(
            f"predicate_id {row.predicate_id!r}: use {' or '.join(MAPPING_PREDICATES)}",
            path,
            row.line,
        )
    try:
        mapping_set._iri(row.object_id)  # its prefix is known
    except KeyError:
        raise DataError(
            f"object_id {row.object_id!r}: prefix not in the curie_map", path, row.line
        ) from None
    if not row.mapping_justification.startswith("semapv:"):
        raise DataError("mapping_justification must be a semapv: term", path, row.line)
    if "verified" not in row.comment:
        raise DataError("comment must say where the ID was verified", path, row.line)
