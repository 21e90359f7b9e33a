"""Mappings of our concepts to external ontologies in the graph.

The SSSOM table ``ontology/mappings.sssom.tsv`` is read and checked by
:mod:`omsgraph.corpus.mappings` (its names are re-exported here). In the graph each
row becomes a SKOS mapping triple (``skos:exactMatch``, ``closeMatch``, ``broadMatch``,
``narrowMatch`` or ``relatedMatch``) from ``omse:<id>`` to the standard IRI of the object
(OBO PURLs for HP, MONDO and MAxO; MeSH, Orphanet and identifiers.org IRIs), expanded with
the file's own ``curie_map``; see docs/mappings.md for where every ID was verified.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph

from omsgraph.corpus.mappings import (
    COLUMNS,
    MAPPING_PREDICATES,
    Mapping,
    MappingSet,
    load_mappings,
)
from omsgraph.graph.namespaces import OMSE, SKOS

__all__ = [
    "COLUMNS",
    "PREDICATES",
    "Mapping",
    "MappingSet",
    "add_mappings",
    "load_mappings",
]

#: each mapping predicate's SKOS property
PREDICATES = {curie: SKOS[curie.partition(":")[2]] for curie in MAPPING_PREDICATES}


def add_mappings(graph: Graph, mapping_set: MappingSet, concept_ids: Iterable[str]) -> int:
    """Add a SKOS mapping triple for each row whose concept is in ``concept_ids``."""
    known = set(concept_ids)
    added = 0
    for row in mapping_set.mappings:
        if row.concept_id in known:
            graph.add(
                (
                    OMSE[row.concept_id],
                    PREDICATES[row.predicate_id],
                    mapping_set.expand(row.object_id),
                )
            )
            added += 1
    return added
