"""BioC XML and BioC JSON, as PubTator3 exports them, read with the ``bioc`` package: one
document per BioC document (its passages as paragraphs) with its entity annotations
(type, identifier, exact place in the text) kept for later stages."""

from __future__ import annotations

import json
from typing import Any

from omsgraph.errors import DataError
from omsgraph.extract.readers.document import Annotation, Document, clean

__all__ = ["read_bioc_json", "read_bioc_xml"]


def _document(doc: Any, number: int) -> Document | None:
    """One ``bioc.BioCDocument`` as a Document, annotations moved to the text built."""
    text, annotations, title = "", [], ""
    infons = {k.lower(): v for k, v in (doc.infons or {}).items()}
    for passage in doc.passages:
        body = passage.text or ""
        if not body.strip():
            continue
        kind = str((passage.infons or {}).get("type", "")).lower()
        if kind in {"title", "front"} and not title:
            title = clean(body)
        start = len(text)
        text += body + "\n\n"
        for annotation in passage.annotations:
            ann_infons = annotation.infons or {}
            for location in annotation.locations:
                at = start + int(location.offset) - int(passage.offset)
                end = at + int(location.length)
                if not 0 <= at < end <= start + len(body):
                    raise DataError(
                        f"document {doc.id or number}: annotation {annotation.id!r} lies "
                        "outside its passage"
                    )
                annotations.append(
                    Annotation(
                        at,
                        end,
                        text[at:end],
                        str(ann_infons.get("type", "")),
                        str(ann_infons.get("identifier") or ann_infons.get("Identifier") or "")
                        or None,
                    )
                )
    if not text.strip():
        return None
    identifier = str(doc.id or "")
    pmid = identifier if identifier.isdigit() else None
    authors = tuple(a.strip() for a in str(infons.get("authors", "")).split(",") if a.strip())
    year = str(infons.get("year", "")).strip()[:4]
    return Document(
        text=text.rstrip("\n") + "\n",
        kind="journal-abstract",
        title=title or clean(text.split("\n", 1)[0])[:200],
        authors=authors,
        date=year if year.isdigit() else None,
        container=clean(infons.get("journal")) or None,
        doi=clean(infons.get("doi")) or None,
        pmid=pmid,
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else None,
        annotations=tuple(sorted(annotations, key=lambda a: (a.start, a.end, a.type))),
    )


def _checked(doc: Any, number: int) -> Document | None:
    """`_document`, with a wrong value (an offset that is not a number, a text that is not
    text) a DataError naming the document."""
    try:
        return _document(doc, number)
    except (TypeError, ValueError, AttributeError) as exc:
        raise DataError(
            f"document {doc.id or number}: bad BioC value ({clean(exc)[:80]})"
        ) from None


def _documents(docs: list[Any]) -> list[Document]:
    found = [_checked(doc, number) for number, doc in enumerate(docs, 1)]
    return [doc for doc in found if doc is not None]


def read_bioc_xml(xml: str) -> list[Document]:
    """The documents of a BioC XML collection."""
    from bioc import biocxml

    try:
        collection = biocxml.loads(xml)
    except Exception as exc:  # lxml's and bioc's errors alike
        raise DataError(f"invalid BioC XML: {clean(exc)[:120]}") from None
    return _documents(collection.documents)


def _filled(doc: dict, number: int) -> dict:
    """A BioC JSON document with the empty lists the format may leave out (PubTator3 does)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("passages"), list):
        raise DataError(f"document {number}: expected an object with a 'passages' list")
    doc = {"id": str(doc.get("id") or doc.get("_id") or ""), "infons": {}, "relations": [], **doc}
    doc["id"] = str(doc["id"]).split("|")[0]
    passages = []
    for passage in doc["passages"]:
        if not isinstance(passage, dict):
            raise DataError(f"document {doc['id'] or number}: a passage is not an object")
        passage = {"infons": {}, "sentences": [], "annotations": [], "relations": [], **passage}
        passage["annotations"] = [
            {"id": "", "infons": {}, "text": "", "locations": [], **a}
            for a in passage["annotations"]
        ]
        passages.append(passage)
    doc["passages"] = passages
    doc.setdefault("annotations", [])
    return doc


def _json_lines(text: str, error: ValueError) -> list[Any]:
    """One JSON document a line (PubTator's older export), or the error of the whole."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        raise DataError(f"invalid JSON: {error}") from None
    documents = []
    for number, line in enumerate(lines, 1):
        try:
            documents.append(json.loads(line))
        except ValueError as exc:
            raise DataError(f"invalid JSON on record line {number}: {exc}") from None
    return documents


def read_bioc_json(text: str) -> list[Document]:
    """The documents of BioC JSON: a collection, PubTator3's ``{"PubTator3": [...]}``, a
    list of documents, or one document a line."""
    from bioc.biocjson.decoder import parse_doc

    try:
        data = json.loads(text)
    except ValueError as exc:
        data = _json_lines(text, exc)
    if isinstance(data, dict):
        data = data.get("documents") or data.get("PubTator3") or [data]
    if not isinstance(data, list):
        raise DataError("expected BioC documents")
    docs = []
    for number, item in enumerate(data, 1):
        filled = _filled(item, number)
        try:
            docs.append(parse_doc(filled))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"document {filled['id'] or number}: bad BioC ({exc})") from None
    return _documents(docs)
