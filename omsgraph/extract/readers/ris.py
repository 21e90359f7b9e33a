"""RIS (a reference manager's export), read with ``rispy``: one document per record, its
title and abstract as text."""

from __future__ import annotations

import re

from omsgraph.errors import DataError
from omsgraph.extract.readers.document import WORK_TYPES, Document, clean, from_record

__all__ = ["read_ris"]

#: RIS type of reference -> the key of WORK_TYPES
_TYPES = {
    "JOUR": "journal", "JFULL": "journal", "EJOUR": "journal", "ABST": "journal",
    "BOOK": "book", "CHAP": "book", "ENCYC": "encyclopedia", "DICT": "encyclopedia",
    "ELEC": "web", "WEB": "web", "BLOG": "blog",
}  # fmt: skip
_START = re.compile(r"^TY  - ", re.MULTILINE)
_END = re.compile(r"^ER  -", re.MULTILINE)


def read_ris(text: str) -> list[Document]:
    """The records of a RIS file."""
    import rispy

    starts = [m.start() for m in _START.finditer(text)]
    if not starts:
        raise DataError("no RIS record (a record begins with a 'TY  - ' line)")
    for number, at in enumerate(starts, 1):  # rispy drops a record left open without a word
        stop = starts[number] if number < len(starts) else len(text)
        if not _END.search(text, at, stop):
            title = re.search(r"^(?:TI|T1)  - (.*)$", text[at:stop], re.MULTILINE)
            named = f" ({clean(title.group(1))[:50]!r})" if title else ""
            line = text.count("\n", 0, at) + 1
            raise DataError(f"record {number}{named} has no 'ER  -' line", None, line)
    try:
        entries = rispy.loads(text)
    except Exception as exc:  # rispy's own parse errors
        raise DataError(f"invalid RIS: {clean(exc)[:120]}") from None
    documents = []
    for entry in entries:
        kind, ptype = WORK_TYPES.get(_TYPES.get(entry.get("type_of_reference", ""), ""), ("", None))
        year = re.match(r"\d{4}", clean(entry.get("year") or entry.get("publication_year")))
        pmid = clean(entry.get("accession_number"))
        document = from_record(
            title=entry.get("title") or entry.get("primary_title") or "",
            abstract=entry.get("abstract") or "",
            kind=kind or ("journal-abstract" if entry.get("journal_name") else "patient-page"),
            authors=tuple(entry.get("authors") or entry.get("first_authors") or ()),
            date=year.group(0) if year else None,
            container=entry.get("secondary_title")
            or entry.get("journal_name")
            or entry.get("alternate_title3"),
            doi=entry.get("doi"),
            pmid=pmid if pmid.isdigit() else None,
            url=(entry.get("urls") or [None])[0],
            publisher=entry.get("publisher"),
            types=(ptype,) if ptype else (),
        )
        if document is not None:
            documents.append(document)
    return documents
