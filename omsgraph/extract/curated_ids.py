"""External IDs of curated concepts from the project's reviewed SSSOM mapping set.

``ontology/mappings.sssom.tsv`` maps curated concepts (``omse:<id>``) to HP, MONDO, DOID,
ORPHA, MeSH, UMLS, MAxO, DrugBank and ChEBI (a drug class) by manual curation. The extractor
gives a curated concept the ID of that table first (justification
``semapv:ManualMappingCuration``), so that a claim about it carries the reviewed ID. The table
of a source checkout is read; a wheel reads the copy it carries in its example project
(``omsgraph/_project/ontology/``). A row counts only when its ``subject_label`` is the
concept's label: a curator's own vocabulary that gives an id another meaning takes no ID from
this table.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from omsgraph.corpus.mappings import load_mappings

__all__ = ["CuratedId", "MAPPINGS", "curated_ids", "inexact", "preferred"]

_HERE = Path(__file__).resolve().parent
_CHECKOUT = _HERE.parents[1] / "ontology" / "mappings.sssom.tsv"
#: a wheel carries ontology/ as the example project of ``omsgraph init``
_PACKAGED = _HERE.parent / "_project" / "ontology" / "mappings.sssom.tsv"
#: the mapping set read: the checkout's when there is one, else the wheel's copy
MAPPINGS = _CHECKOUT if _CHECKOUT.is_file() else _PACKAGED

#: which prefix a claim's object should carry, by concept type (the first one mapped wins)
_ORDER = {
    "symptom": ("HP", "MONDO", "MESH", "UMLS"),
    "complication": ("HP", "MONDO", "MESH", "UMLS"),
    "finding": ("HP", "MONDO", "MESH", "UMLS"),
    "tumour": ("MONDO", "DOID", "HP", "MESH", "UMLS"),
    "infection": ("MONDO", "DOID", "HP", "MESH", "UMLS"),
    "cause": ("MONDO", "HP", "DOID", "MESH", "UMLS"),
    "condition": ("MONDO", "ORPHA", "MESH", "DOID", "UMLS"),
}
_DEFAULT = ("MONDO", "ORPHA", "HP", "MAXO", "DRUGBANK", "CHEBI", "MESH", "DOID", "UMLS")


class CuratedId(tuple):
    """(curie, label of the curated concept, mapping set id) of one exactMatch row."""

    __slots__ = ()

    def __new__(cls, curie: str, subject_label: str, mapping_set: str) -> CuratedId:
        return super().__new__(cls, (curie, subject_label, mapping_set))

    @property
    def curie(self) -> str:
        return self[0]


@cache
def curated_ids(path: Path = MAPPINGS) -> dict[str, tuple[CuratedId, ...]]:
    """Concept id -> its exactMatch IDs, in the table's order (empty when there is no table).
    The table is read by the loader the build uses, so both see the same rows."""
    if not path.is_file():
        return {}
    mapping_set = load_mappings(path)
    set_id = str(mapping_set.metadata.get("mapping_set_id") or "")
    out: dict[str, list[CuratedId]] = {}
    for row in mapping_set.mappings:
        if row.predicate_id == "skos:exactMatch":
            out.setdefault(row.concept_id, []).append(
                CuratedId(row.object_id, row.subject_label, set_id)
            )
    return {k: tuple(v) for k, v in out.items()}


def preferred(concept_id: str, label: str, kind: str, path: Path = MAPPINGS) -> CuratedId | None:
    """The reviewed ID a claim about this curated concept carries, or None."""
    rows = [r for r in curated_ids(path).get(concept_id, ()) if r[1] == label]
    if not rows:
        return None
    order = _ORDER.get(kind, _DEFAULT)
    return min(
        rows,
        key=lambda r: (
            order.index(r.curie.split(":")[0]) if r.curie.split(":")[0] in order else len(order)
        ),
    )


@cache
def inexact(path: Path = MAPPINGS) -> frozenset[tuple[str, str]]:
    """(concept id, label) of every curated concept that the table maps, but never exactly
    (close, broad, narrow or related matches only): a curator found no exact term in the
    releases, so an ontology name that one of its synonyms happens to share ("physical
    examination" for neurological examination) is no exact ID either."""
    if not path.is_file():
        return frozenset()
    rows = load_mappings(path).mappings
    exact = {(r.concept_id, r.subject_label) for r in rows if r.predicate_id == "skos:exactMatch"}
    return frozenset((r.concept_id, r.subject_label) for r in rows) - exact
