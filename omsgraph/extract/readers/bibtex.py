"""BibTeX, read with ``bibtexparser`` (LaTeX decoded, co-authors split): one document per
entry, its title and abstract as text."""

from __future__ import annotations

import re

from omsgraph.errors import DataError
from omsgraph.extract.readers.document import WORK_TYPES, Document, clean, from_record

__all__ = ["read_bibtex"]

_TYPES = {
    "article": "journal", "book": "book", "inbook": "book", "incollection": "book",
    "online": "web", "misc": "web", "electronic": "web",
}  # fmt: skip


def read_bibtex(text: str) -> list[Document]:
    """The entries of a BibTeX file; an entry that does not parse is named by key and line."""
    import bibtexparser
    from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors

    library = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()]
    )
    for failed in library.failed_blocks:
        key = re.match(r"\s*@\w+\s*[{(]\s*([^,\s]+)", failed.raw or "")
        named = f" {key.group(1)!r}" if key else ""
        reason = clean(getattr(failed, "error", "") or type(failed).__name__)[:80]
        raise DataError(f"entry{named} does not parse ({reason})", None, failed.start_line + 1)
    if not library.entries:
        raise DataError("no BibTeX entry (@article{...}, @book{...}, ...)")
    documents = []
    for entry in library.entries:
        fields = {k.lower(): v for k, v in entry.fields_dict.items()}

        def value(name: str, fields: dict = fields) -> str:
            return clean(fields[name].value) if name in fields else ""

        authors = fields["author"].value if "author" in fields else []
        kind, ptype = WORK_TYPES.get(_TYPES.get(entry.entry_type.lower(), ""), ("", None))
        year = re.match(r"\d{4}", value("year") or value("date"))
        document = from_record(
            title=value("title").replace("{", "").replace("}", ""),
            abstract=value("abstract"),
            kind=kind or "journal-abstract",
            authors=tuple(authors if isinstance(authors, list) else [authors]),
            date=year.group(0) if year else None,
            container=value("journal") or value("booktitle") or value("journaltitle"),
            doi=value("doi"),
            pmid=value("pmid"),
            url=value("url"),
            publisher=value("publisher"),
            types=(ptype,) if ptype else (),
        )
        if document is not None:
            documents.append(document)
    return documents
