"""Automatic claim extraction: readers, scoping, concept mentions, relation typing, qualifiers.

``extract_document(document, vocabulary)`` turns one read document into candidate claims in
the interchange format; :mod:`omsgraph.curate.ingest` writes them for a curator to review.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# (eager: the function shares its module's name, which an import of the module would bind)
from omsgraph.extract.assertion import assertion

if TYPE_CHECKING:
    from omsgraph.extract.candidate import Candidate
    from omsgraph.extract.lexicon import Lexicon, Mention
    from omsgraph.extract.pipeline import Extractor
    from omsgraph.extract.readers import Document, read_documents

#: where each name lives: imported on first use, so that a module of the package (the
#: lexicon, which the build uses) comes without the whole extractor
_HOMES = {
    "Candidate": "candidate",
    "Lexicon": "lexicon",
    "Mention": "lexicon",
    "Extractor": "pipeline",
    "Document": "readers",
    "read_documents": "readers",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"omsgraph.extract.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Candidate",
    "Document",
    "Extractor",
    "Lexicon",
    "Mention",
    "assertion",
    "read_documents",
]
