"""The concept vocabulary (``data/vocabulary.yaml``): labels, synonyms and types."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from omsgraph.corpus.model import CONCEPT_TYPES, Concept
from omsgraph.corpus.yamlfile import check_keys, load_yaml, require
from omsgraph.errors import DataError

__all__ = ["Vocabulary", "default_vocabulary_path", "load_vocabulary", "normalise"]

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: the keys of one concept (docs/data-formats.md)
CONCEPT_KEYS = frozenset({"id", "label", "type", "synonyms", "definition"})


def normalise(name: str) -> str:
    """Fold a name for matching: case, accents, punctuation and spacing do not count."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", name).split())


@dataclass(frozen=True)
class Vocabulary:
    """Concepts by id, and every name (label or synonym) pointing to its concept."""

    concepts: dict[str, Concept]
    names: dict[str, str]

    def resolve(self, name: str) -> Concept | None:
        """The concept with this id, label or synonym, or None."""
        if name in self.concepts:
            return self.concepts[name]
        concept_id = self.names.get(normalise(name))
        return self.concepts[concept_id] if concept_id else None

    def __len__(self) -> int:
        return len(self.concepts)


def load_vocabulary(path: Path) -> Vocabulary:
    """Read and check the vocabulary: ids are slugs, types are known, names are unique."""
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
        raise DataError("expected a top-level 'concepts:' list", path, 1)
    check_keys(data, {"concepts"}, path)
    concepts: dict[str, Concept] = {}
    names: dict[str, str] = {}
    for record in data["concepts"]:
        check_keys(record, CONCEPT_KEYS, path)
        concept_id = require(record, "id", path)
        if not _SLUG.match(concept_id):
            raise DataError(
                f"id {concept_id!r} must be a slug (a-z, 0-9, hyphens)", path, record.line
            )
        if concept_id in concepts:
            raise DataError(f"duplicate concept id {concept_id!r}", path, record.line)
        kind = require(record, "type", path)
        if kind not in CONCEPT_TYPES:
            raise DataError(
                f"unknown type {kind!r}; use one of {', '.join(CONCEPT_TYPES)}", path, record.line
            )
        synonyms = record.get("synonyms") or []
        if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
            raise DataError("'synonyms' must be a list of strings", path, record.line)
        concept = Concept(
            id=concept_id,
            label=require(record, "label", path).strip(),
            type=kind,
            synonyms=tuple(s.strip() for s in synonyms),
            definition=(record.get("definition") or "").strip(),
        )
        for name in {normalise(n) for n in (concept.id, *concept.names)}:
            other = names.get(name)
            if other is not None and other != concept_id:
                raise DataError(
                    f"name {name!r} is used by both {other!r} and {concept_id!r}", path, record.line
                )
            names[name] = concept_id
        concepts[concept_id] = concept
    return Vocabulary(concepts=concepts, names=names)


def default_vocabulary_path() -> Path:
    """The vocabulary the package ships, for commands run outside a project: a wheel carries
    ``data/`` as ``omsgraph/_project/data/`` (the example project of ``omsgraph init``); a
    source checkout (an editable install) reads the repository's own ``data/vocabulary.yaml``."""
    packaged = Path(__file__).resolve().parents[1] / "_project" / "data" / "vocabulary.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "vocabulary.yaml"
