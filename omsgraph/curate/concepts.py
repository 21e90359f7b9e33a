"""Review of proposed concepts: a name the vocabulary lacks, which ingest listed under a
claims file's ``proposed_concepts:``, accepted into ``data/vocabulary.yaml`` (with its
ontology ID as a mapping in ``ontology/mappings.sssom.tsv``) or rejected.

Accepting a concept marks each proposal of it ``accepted`` and turns the sentence it was
found in into a candidate claim, to be reviewed like any other. Every file is checked
before any is written, and each is written atomically.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from omsgraph.corpus.claims import load_corpus
from omsgraph.corpus.model import CONCEPT_TYPES
from omsgraph.corpus.vocabulary import load_vocabulary, normalise
from omsgraph.corpus.yamlfile import load_yaml
from omsgraph.curate.review import check_claims_text, claims_text, default_reviewer, plain
from omsgraph.errors import DataError
from omsgraph.output import write_atomic

__all__ = ["decide_concept", "proposals"]

_CURIE = re.compile(r"([A-Za-z][A-Za-z0-9_.]*):[A-Za-z0-9_.-]+")


def proposals(data_dir: Path) -> list[dict[str, Any]]:
    """Every proposed concept of the claims files, with the file it is in."""
    found = []
    for path in sorted((data_dir / "claims").glob("*.yaml")):
        data = load_yaml(path)
        for item in (data.get("proposed_concepts") or []) if isinstance(data, dict) else []:
            if isinstance(item, dict):
                found.append({"file": path.name, **plain(item)})
    return found


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _vocabulary_text(path: Path, concept: dict[str, Any]) -> str:
    """The vocabulary with ``concept`` appended as text (its comments and layout kept)."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    lines = [f"  - id: {concept['id']}", f"    label: {_quoted(concept['label'])}"]
    lines.append(f"    type: {concept['type']}")
    synonyms = ", ".join(_quoted(s) for s in concept["synonyms"])
    lines.append(f"    synonyms: [{synonyms}]")
    return text + "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _mapping_text(path: Path, concept: dict[str, Any], curie: str, reviewer: str, at: str) -> str:
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    prefix = curie.split(":", 1)[0]
    if not re.search(rf"^#\s+{re.escape(prefix)}:\s", text, re.MULTILINE):
        raise DataError(f"prefix {prefix!r} of {curie!r} is not in its curie_map", path)
    row = mapping_row(
        text,
        {
            "subject_id": f"omse:{concept['id']}",
            "subject_label": concept["label"],
            "predicate_id": "skos:exactMatch",
            "object_id": curie,
            "mapping_justification": "semapv:ManualMappingCuration",
            "comment": f"not yet verified: accepted in review by {reviewer} at {at}",
        },
        path,
    )
    return text.rstrip("\n") + "\n" + row + "\n"


def mapping_row(text: str, values: dict[str, str], path: Path) -> str:
    """One row of the SSSOM table ``text`` in the order of its own header (columns ``values``
    does not name stay empty), so that a table with more columns than these still reads."""
    header = next((line for line in text.splitlines() if line.startswith("subject_id\t")), None)
    if header is None:
        raise DataError("no SSSOM header line (subject_id ...)", path)
    return "\t".join(values.get(column, "") for column in header.split("\t"))


def decide_concept(
    data_dir: Path,
    ontology_dir: Path,
    name: str,
    accept: bool,
    concept_id: str | None = None,
    ontology_id: str | None = None,
    concept_type: str | None = None,
    reviewer: str | None = None,
    now: datetime | None = None,
) -> str:
    """Accept (or reject) the proposed concept ``name``; return its concept id (or name)."""
    reviewer = reviewer or default_reviewer()
    at = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    wanted = normalise(name)
    matching = [p for p in proposals(data_dir) if normalise(str(p.get("name", ""))) == wanted]
    if not matching:
        raise DataError(f"no proposed concept {name!r} (see proposed_concepts: in data/claims)")
    vocabulary_path = data_dir / "vocabulary.yaml"
    writes: dict[Path, str] = {}
    concept: dict[str, Any] = {}
    if accept:
        kind = concept_type or str(matching[0].get("type") or "")
        if kind not in CONCEPT_TYPES:
            raise DataError(f"type {kind!r} is not one of {', '.join(CONCEPT_TYPES)}")
        if ontology_id is not None and not _CURIE.fullmatch(ontology_id):
            raise DataError(
                f"{ontology_id!r} is not an ontology ID (PREFIX:LOCAL, e.g. HP:0001251)"
            )
        label = str(matching[0]["name"])
        concept = {"id": concept_id or _slug(label), "label": label, "type": kind, "synonyms": []}
        writes[vocabulary_path] = _vocabulary_text(vocabulary_path, concept)
        if ontology_id:
            mappings = ontology_dir / "mappings.sssom.tsv"
            writes[mappings] = _mapping_text(mappings, concept, ontology_id, reviewer, at)
    corpus = load_corpus(data_dir)
    if accept:  # the claims are checked against the vocabulary as it will be
        corpus = replace(
            corpus, vocabulary=_trial_vocabulary(writes[vocabulary_path], vocabulary_path)
        )
    sources = {s.file: s for s in corpus.sources}
    for file in sorted({p["file"] for p in matching}):
        path = data_dir / "claims" / file
        data = plain(load_yaml(path))
        for item in data.get("proposed_concepts") or []:
            if isinstance(item, dict) and normalise(str(item.get("name", ""))) == wanted:
                item.update(status="accepted" if accept else "rejected", reviewer=reviewer,
                            reviewed_at=at)  # fmt: skip
                if accept:
                    item["concept"] = concept["id"]
                    claim = {
                        "predicate": item.get("predicate", "other"),
                        "object": concept["id"],
                        "quote": item.get("quote", ""),
                        "method": "automatic",
                        "status": "candidate",
                    }
                    if not any(
                        c.get("object") == claim["object"] and c.get("quote") == claim["quote"]
                        for c in data.get("claims") or []
                    ):
                        data.setdefault("claims", []).append(claim)
        text = claims_text(path, data)
        check_claims_text(text, path, sources, corpus)
        writes[path] = text
    for path, text in writes.items():
        write_atomic(path, text)
    return concept["id"] if accept else name


def _trial_vocabulary(text: str, path: Path) -> Any:
    """The vocabulary ``text`` (the new content of ``path``), loaded: an accepted concept
    whose id or name another concept has is refused before anything is written."""
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / path.name
        trial.write_text(text, encoding="utf-8")
        try:
            return load_vocabulary(trial)
        except DataError as exc:
            message = exc.message.replace(str(trial), str(path))
            raise DataError(f"refused, nothing written: {message}", path, exc.line) from None
