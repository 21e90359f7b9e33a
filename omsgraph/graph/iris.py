"""The IRIs of the graph's nodes, one function per kind, each minted from content (a slug or
a hash), never from load order, so that the same data always gives the same IRIs."""

from __future__ import annotations

import hashlib
from functools import cache, lru_cache

from rdflib import URIRef

from omsgraph.corpus.model import PREDICATES, Claim, Reference, Source
from omsgraph.corpus.references import work_key
from omsgraph.graph.namespaces import OMS, OMSC, OMSE, OMSR, OMSS

__all__ = ["claim_iri", "concept_iri", "predicate_iri", "reference_iri", "source_iri"]


@lru_cache(maxsize=65_536)
def concept_iri(concept_id: str) -> URIRef:
    return OMSE[concept_id]


def source_iri(source: Source | str) -> URIRef:
    file = source if isinstance(source, str) else source.file
    return OMSS[file.rsplit(".", 1)[0]]


def claim_iri(claim: Claim) -> URIRef:
    return OMSC[claim.id]


@cache
def predicate_iri(predicate: str) -> URIRef:
    return OMS[PREDICATES[predicate][0]]


def reference_iri(reference: Reference) -> URIRef:
    """The node of the work: 16 hex digits of SHA-256 over its key, so the same work cited by
    two sources is one node (see ``omsgraph.corpus.references.resolve``)."""
    return OMSR[hashlib.sha256(work_key(reference).encode("utf-8")).hexdigest()[:16]]
