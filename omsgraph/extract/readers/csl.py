"""CSL JSON (Zotero's and citeproc's format; what ``doi.org`` content negotiation gives):
one document per item, its title and abstract as text."""

from __future__ import annotations

import json

from omsgraph.errors import DataError
from omsgraph.extract.readers.document import WORK_TYPES, Document, clean, from_record

__all__ = ["is_csl", "read_csl"]

_TYPES = {
    "article-journal": "journal", "review": "review", "book": "book", "chapter": "book",
    "entry-encyclopedia": "encyclopedia", "entry-dictionary": "encyclopedia",
    "webpage": "web", "post-weblog": "blog", "post": "web",
}  # fmt: skip


def is_csl(data: object) -> bool:
    """Whether parsed JSON is CSL: an item or a list of items with a ``type`` and a title."""
    items = data if isinstance(data, list) else [data]
    return bool(items) and all(
        isinstance(i, dict) and "type" in i and ("title" in i or "id" in i) for i in items
    )


def _name(author: object) -> str:
    if not isinstance(author, dict):
        return ""
    if author.get("literal"):
        return clean(author["literal"])
    return clean(f"{author.get('given', '')} {author.get('family', '')}")


def read_csl(text: str) -> list[Document]:
    """The items of a CSL JSON file; an item that is not an object is named by its place."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DataError(f"invalid JSON: {exc}") from None
    documents = []
    for number, item in enumerate(data if isinstance(data, list) else [data], 1):
        if not isinstance(item, dict):
            raise DataError(f"item {number}: expected an object")
        name = item.get("id") or number
        for key in ("title", "abstract", "DOI", "PMID", "URL"):
            if item.get(key) is not None and not isinstance(item[key], (str, int)):
                raise DataError(f"item {name!r}: {key!r} must be text")
        authors = item.get("author") or []
        if not isinstance(authors, list):
            raise DataError(f"item {name!r}: 'author' must be a list")
        issued = item.get("issued") or {}
        parts = issued.get("date-parts") if isinstance(issued, dict) else None
        year = ""
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = str(parts[0][0])
        kind, ptype = WORK_TYPES.get(_TYPES.get(str(item.get("type")), ""), ("", None))
        container = item.get("container-title")
        document = from_record(
            title=clean(item.get("title")),
            abstract=clean(item.get("abstract")),
            kind=kind or "journal-abstract",
            authors=tuple(_name(a) for a in authors),
            date=year[:4] if year[:4].isdigit() else None,
            container=container[0] if isinstance(container, list) and container else container,
            doi=item.get("DOI"),
            pmid=item.get("PMID"),
            url=item.get("URL"),
            publisher=item.get("publisher"),
            types=(ptype,) if ptype else (),
        )
        if document is not None:
            documents.append(document)
    return documents
