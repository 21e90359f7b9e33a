"""MEDLINE tagged format (PubMed's ``.nbib`` / "PubMed format" export), read with the
``nbib`` parser one record at a time, so a bad record is named by its PMID and line."""

from __future__ import annotations

import re

from omsgraph.errors import DataError
from omsgraph.extract.readers.document import Document, clean

__all__ = ["read_medline"]

_RECORD_START = re.compile(r"^PMID-", re.MULTILINE)


def _records(text: str) -> list[tuple[int, str]]:
    """(first line, text) of each record: records begin at ``PMID-``."""
    starts = [m.start() for m in _RECORD_START.finditer(text)]
    return [
        (text.count("\n", 0, at) + 1, text[at : starts[i + 1] if i + 1 < len(starts) else None])
        for i, at in enumerate(starts)
    ]


def _document(entry: dict, pmid: str) -> Document | None:
    title = clean(entry.get("title"))
    abstract = clean(entry.get("abstract"))
    text = "\n\n".join(part for part in (title, abstract) if part)
    if not text:
        return None
    authors = []
    for author in entry.get("authors") or []:
        first, last = clean(author.get("first_name")), clean(author.get("last_name"))
        name = f"{first} {last}".strip() or clean(author.get("author"))
        if name:
            authors.append(name)
    if not authors and entry.get("corporate_author"):
        authors.append(clean(entry["corporate_author"]))
    year = re.match(r"\d{4}", clean(entry.get("publication_date")))
    mesh = tuple(dict.fromkeys(clean(d.get("descriptor")) for d in entry.get("descriptors") or []))
    return Document(
        text=text + "\n",
        kind="journal-abstract",
        title=title,
        authors=tuple(authors),
        date=year.group(0) if year else None,
        container=clean(entry.get("journal")) or None,
        doi=clean(entry.get("doi")) or None,
        pmid=pmid or None,
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else None,
        publication_types=tuple(clean(t) for t in entry.get("publication_types") or []),
        mesh=tuple(m for m in mesh if m),
    )


def read_medline(text: str) -> list[Document]:
    """Each record of a MEDLINE/.nbib export, as an abstract document."""
    import nbib

    documents = []
    records = _records(text.replace("\r\n", "\n"))
    if not records:
        raise DataError("no MEDLINE record (a record begins with a 'PMID- ' line)")
    for line, record in records:
        pmid = clean(record.split("\n", 1)[0][5:])
        try:
            entries = nbib.read(record)
        except Exception as exc:  # nbib raises its own errors and ValueError alike
            detail = clean(str(exc)).removeprefix("For line: ")[:80]
            raise DataError(
                f"record PMID {pmid or '?'}: malformed ({detail})", None, line
            ) from None
        for entry in entries:
            document = _document(entry, pmid)
            if document is not None:
                documents.append(document)
    return documents
