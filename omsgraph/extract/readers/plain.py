"""Plain text: the first non-empty line is the title; a journal abstract (as PubMed's text
export or a copied abstract) is told from a web page by its identifiers and headings."""

from __future__ import annotations

import re

from omsgraph.extract.readers.document import Document

__all__ = ["looks_scholarly", "read_plain"]

_PMID = re.compile(r"\bPMID:?\s*(\d{1,9})\b")
_DOI = re.compile(r"\b(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/[^\s\"<>]+)", re.I)
_HEADING = re.compile(
    r"^\s*(?:abstract|background|objectives?|methods?|results?|conclusions?)\s*[:.]?\s*",
    re.I | re.M,
)


def looks_scholarly(text: str) -> bool:
    """Whether ``text`` reads as a journal abstract: a PMID, or a DOI with abstract headings."""
    head = text[:5000]
    return bool(_PMID.search(head)) or (
        bool(_DOI.search(head)) and len(_HEADING.findall(head)) >= 1
    )


def read_plain(text: str) -> Document:
    """A plain-text document; its first non-empty line is taken as the title."""
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not looks_scholarly(text):
        return Document(text=text, title=title[:200])
    pmid, doi = _PMID.search(text[:5000]), _DOI.search(text[:5000])
    return Document(
        text=text,
        kind="journal-abstract",
        title=title[:200],
        pmid=pmid.group(1) if pmid else None,
        doi=doi.group(1).rstrip(".,;") if doi else None,
    )
