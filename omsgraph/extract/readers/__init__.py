"""Read a new document, in whichever form literature arrives: plain text, an HTML page,
PubMed XML, MEDLINE (.nbib), PMC JATS full text, BioC XML/JSON (PubTator3), RIS, BibTeX or
CSL JSON.

Each reader returns :class:`Document` records: the text claims will quote, the metadata the
document itself gives (title, authors, journal, year, PMID, DOI, URL, publication types,
MeSH headings, reference list) and its kind. `read_documents` tells the format from the
file's name and content and dispatches through `READERS`. An unreadable, broken or empty
input is a :class:`~omsgraph.errors.DataError` of one line naming the file and the record.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from omsgraph.corpus.sources import decode_text
from omsgraph.errors import DataError
from omsgraph.extract.readers.bibtex import read_bibtex
from omsgraph.extract.readers.csl import is_csl, read_csl
from omsgraph.extract.readers.document import Annotation, Citation, CitedWork, Document
from omsgraph.extract.readers.files import MAX_DOCUMENT_BYTES, check_document, read_bytes
from omsgraph.extract.readers.html import read_html
from omsgraph.extract.readers.jats import read_jats
from omsgraph.extract.readers.medline import read_medline
from omsgraph.extract.readers.plain import read_plain
from omsgraph.extract.readers.pubmed import read_pubmed
from omsgraph.extract.readers.pubtator import read_bioc_json, read_bioc_xml
from omsgraph.extract.readers.ris import read_ris

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "READERS",
    "Annotation",
    "Citation",
    "CitedWork",
    "Document",
    "check_document",
    "detect_format",
    "read_documents",
    "read_html",
    "read_plain",
    "read_pubmed",
]

#: format name -> reader of a file's text (every reader returns a list of documents)
READERS: dict[str, Callable[[str], list[Document]]] = {
    "pubmed": read_pubmed,
    "medline": read_medline,
    "jats": read_jats,
    "bioc-xml": read_bioc_xml,
    "bioc-json": read_bioc_json,
    "ris": read_ris,
    "bibtex": read_bibtex,
    "csl-json": read_csl,
    "html": lambda text: [read_html(text)],
    "text": lambda text: [read_plain(text)],
}
#: what an empty result is called, per format
_EMPTY = {
    "pubmed": "no PubmedArticle with a title or abstract",
    "html": "no readable text in this HTML page",
}


def detect_format(path: Path, text: str) -> str:
    """The key of `READERS` for ``path`` with content ``text``."""
    suffix = path.suffix.lower()
    head = text.lstrip()[:4000]
    lower = head.lower()
    if suffix in {".nbib", ".medline"} or re.match(r"PMID- ?\d", head):
        return "medline"
    if suffix == ".ris" or re.match(r"TY  - ", head):
        return "ris"
    if suffix in {".bib", ".bibtex"} or re.match(r"(?:%[^\n]*\n\s*)*@\w+\s*[{(]", head):
        return "bibtex"
    if head.startswith(("{", "[")) or suffix in {".json", ".biocjson", ".jsonl"}:
        if suffix == ".biocjson":
            return "bioc-json"
        try:
            data = json.loads(text)
        except ValueError:
            if suffix not in {".json", ".jsonl"}:
                return "text"  # a plain text that opens with a bracket: "[Transcript]"
            return "bioc-json" if '"passages"' in head else "csl-json"
        if isinstance(data, dict) and ("documents" in data or "PubTator3" in data):
            return "bioc-json"
        if isinstance(data, (dict, list)) and not is_csl(data) and '"passages"' in text[:100000]:
            return "bioc-json"
        return "csl-json"
    if "<pubmedarticle" in lower:
        return "pubmed"
    if re.search(r"<collection[\s>]", lower) and "<passage" in text[:100000].lower():
        return "bioc-xml"
    if re.search(r"<(?:pmc-articleset|article)[\s>]", lower) and "<front" in text[:200000]:
        return "jats"
    if lower.startswith("<?xml") and "<html" not in lower:
        return "pubmed"  # an XML file of no other format: PubMed's error is the clearest
    if suffix in {".html", ".htm", ".xhtml"} or lower.startswith(("<!doctype", "<html")):
        return "html"
    return "text"


def read_documents(path: Path, fmt: str | None = None) -> list[Document]:
    """The documents of ``path``, in format ``fmt`` (a key of `READERS`; default: told
    from the file's name and content)."""
    text = decode_text(read_bytes(path), path)
    fmt = fmt or detect_format(path, text)
    try:
        documents = READERS[fmt](text)
    except DataError as exc:
        raise DataError(exc.message, path, exc.line) from None
    if not documents or not any(d.text.strip() for d in documents):
        raise DataError(_EMPTY.get(fmt, f"no record with a title or text ({fmt})"), path)
    return documents
