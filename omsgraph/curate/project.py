"""``omsgraph init``: a new project for any condition, laid out as omsgraph expects.

A project is a directory with ``data/`` (``sources/``, ``vocabulary.yaml``, ``claims/``),
``ontology/`` (``omsgraph.ttl``, ``shapes.ttl``, ``mappings.sssom.tsv``) and
``queries/example.rq``. The condition is named on the command line (name, synonyms, MONDO
ID); opsoclonus-myoclonus syndrome is the default, with the five sources of this repository
as its example. The project is written aside and renamed into place, so a failed ``init``
leaves nothing behind; an existing, non-empty directory is refused.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import yaml

from omsgraph.curate.concepts import mapping_row
from omsgraph.errors import DataError

__all__ = ["DEFAULT_CONDITION", "EXAMPLE_QUERY", "init_project", "template_root"]

DEFAULT_CONDITION = "opsoclonus-myoclonus syndrome"
_MONDO = re.compile(r"MONDO:\d{7}")
EXAMPLE_QUERY = """\
# How many claims each relation has, by the evidence level of their sources.
# Run it with: omsgraph query queries/example.rq
PREFIX oms: <https://w3id.org/omsgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>

SELECT ?relation ?level (COUNT(?claim) AS ?claims)
WHERE {
  ?claim a oms:Claim ; rdf:predicate ?p ; prov:wasDerivedFrom ?source .
  ?p rdfs:label ?relation .
  OPTIONAL { ?source oms:evidenceLevel ?l . BIND (STRAFTER(STR(?l), "#") AS ?level) }
}
GROUP BY ?relation ?level
ORDER BY ?relation ?level
"""
_SSSOM_HEAD = """\
# curie_map:
#   MONDO: http://purl.obolibrary.org/obo/MONDO_
#   omse: https://w3id.org/omsgraph/entity/
#   semapv: https://w3id.org/semapv/vocab/
#   skos: http://www.w3.org/2004/02/skos/core#
# mapping_set_id: https://w3id.org/omsgraph/mappings.sssom.tsv
# mapping_set_title: the concepts of data/vocabulary.yaml mapped to MONDO
# license: https://creativecommons.org/publicdomain/zero/1.0/
subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\tobject_source\tobject_source_version\tcomment
"""


def template_root() -> Path:
    """Where the example project lives: package data in an installed omsgraph, else the
    source checkout this module is in."""
    packaged = Path(__file__).resolve().parents[1] / "_project"
    if (packaged / "ontology").is_dir():
        return packaged
    return Path(__file__).resolve().parents[2]


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not slug:
        raise DataError(f"condition name {name!r} has no letters or digits")
    return slug


def _vocabulary(name: str, synonyms: Sequence[str], mondo: str | None) -> str:
    concept: dict[str, object] = {
        "id": _slug(name),
        "label": name,
        "type": "condition",
        "synonyms": [s for s in synonyms if s.strip()],
    }
    header = (
        f"# Concepts of the claims in data/claims/. The first condition, {name}, is the\n"
        "# subject of every claim unless a claim names another (docs/data-formats.md).\n"
    )
    if mondo:
        header += f"# {name} is {mondo} (ontology/mappings.sssom.tsv).\n"
    return header + yaml.safe_dump({"concepts": [concept]}, sort_keys=False, allow_unicode=True)


def init_project(
    target: Path,
    condition: str = DEFAULT_CONDITION,
    synonyms: Sequence[str] = (),
    mondo: str | None = None,
    examples: bool | None = None,
) -> list[Path]:
    """Make the project ``target``; return the files written (relative to it).

    ``examples`` (default: only for the default condition) copies the five example sources
    and their claims."""
    condition = " ".join(condition.split())
    default = condition.lower() == DEFAULT_CONDITION
    examples = default if examples is None else examples
    if examples and not default:
        raise DataError("the example sources are about opsoclonus-myoclonus syndrome only")
    if mondo is not None and not _MONDO.fullmatch(mondo):
        raise DataError(f"{mondo!r} is not a MONDO ID (MONDO: and seven digits)")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise DataError("exists and is not an empty directory: give a new one", target)
    root = template_root()
    parent = target.resolve().parent
    if not parent.is_dir():
        raise DataError("no such directory", parent)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.init-", dir=parent))
    try:
        data, ontology = staging / "data", staging / "ontology"
        for part in ("sources", "claims"):
            (data / part).mkdir(parents=True)
        ontology.mkdir()
        (staging / "queries").mkdir()
        for name in ("omsgraph.ttl", "shapes.ttl"):
            shutil.copyfile(root / "ontology" / name, ontology / name)
        if default:
            shutil.copyfile(root / "data" / "vocabulary.yaml", data / "vocabulary.yaml")
            shutil.copyfile(
                root / "ontology" / "mappings.sssom.tsv", ontology / "mappings.sssom.tsv"
            )
        else:
            (data / "vocabulary.yaml").write_text(
                _vocabulary(condition, synonyms, mondo), encoding="utf-8"
            )
            rows = ""
            if mondo:
                values = {
                    "subject_id": f"omse:{_slug(condition)}",
                    "subject_label": condition,
                    "predicate_id": "skos:exactMatch",
                    "object_id": mondo,
                    "mapping_justification": "semapv:ManualMappingCuration",
                    "comment": "not yet verified: given to omsgraph init; "
                    f"check it on https://monarchinitiative.org/{mondo}",
                }
                path = ontology / "mappings.sssom.tsv"
                rows = mapping_row(_SSSOM_HEAD, values, path) + "\n"
            (ontology / "mappings.sssom.tsv").write_text(_SSSOM_HEAD + rows, encoding="utf-8")
        if examples:
            for part in ("sources", "claims"):
                for path in sorted((root / "data" / part).iterdir()):
                    if path.suffix in {".txt", ".yaml"}:
                        shutil.copyfile(path, data / part / path.name)
        (staging / "queries" / "example.rq").write_text(EXAMPLE_QUERY, encoding="utf-8")
        written = sorted(p.relative_to(staging) for p in staging.rglob("*") if p.is_file())
        if target.exists():
            target.rmdir()  # empty, checked above
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written
