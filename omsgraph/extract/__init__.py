"""Automatic claim extraction: readers, scoping, concept mentions, relation typing, qualifiers.

``extract_document(document, vocabulary)`` turns one read document into candidate claims in
the interchange format; :mod:`omsgraph.curate.ingest` writes them for a curator to review.
"""

from __future__ import annotations

from omsgraph.extract.assertion import assertion
from omsgraph.extract.candidate import Candidate
from omsgraph.extract.lexicon import Lexicon, Mention
from omsgraph.extract.pipeline import Extractor
from omsgraph.extract.readers import Document, read_documents

__all__ = [
    "Candidate",
    "Document",
    "Extractor",
    "Lexicon",
    "Mention",
    "assertion",
    "read_documents",
]
