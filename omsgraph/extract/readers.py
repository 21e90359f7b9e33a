"""Read a new document: plain text, an HTML page or MEDLINE/PubMed XML records.

Each reader returns :class:`Document` records: the text claims will quote, the metadata the
document itself gives (title, authors, journal, year, PMID, DOI, URL) and its kind. HTML
loses its navigation, scripts, styles, headers, footers and forms; ``offsets`` maps each
stretch of kept text back to where it stands in the HTML. An unreadable or empty input is a
:class:`~omsgraph.errors.DataError`.
"""

from __future__ import annotations

import os
import re
import stat
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from omsgraph.corpus.sources import decode_text
from omsgraph.errors import DataError

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "Document",
    "check_document",
    "read_documents",
    "read_html",
    "read_pubmed",
    "read_plain",
]

#: the largest document ``extract`` and ``ingest`` read (50 MB; a PubMed export of some
#: thousands of records): past it a file is refused, it is not read to the end
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

_SKIP = frozenset(
    {
        "script",
        "style",
        "nav",
        "footer",
        "header",
        "aside",
        "form",
        "noscript",
        "template",
        "svg",
        "button",
        "select",
        "iframe",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "main",
        "blockquote",
        "dt",
        "dd",
        "pre",
        "title",
        "hr",
        "figcaption",
    }
)
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "area", "base", "col"})
_CHROME = re.compile(
    r"\b(?:nav|menu|footer|header|sidebar|cookie|breadcrumb|comments?|share|"
    r"social|related|popular|advert|banner|widget)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Document:
    """A document ready for extraction and for ``data/sources/``."""

    text: str
    kind: str = "patient-page"
    title: str = ""
    authors: tuple[str, ...] = ()
    date: str | None = None
    container: str | None = None
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None
    publisher: str | None = None
    #: (text offset, original offset, length) of each kept stretch (HTML only)
    offsets: tuple[tuple[int, int, int], ...] = field(default=(), repr=False)

    def metadata(self) -> dict[str, object]:
        """The ``data/sources/*.yaml`` fields this document gives (empty ones left out)."""
        record: dict[str, object] = {"title": self.title or "(untitled)", "kind": self.kind}
        for key in ("publisher", "date", "container", "doi", "pmid", "url"):
            value = getattr(self, key)
            if value:
                record[key] = value
        if self.authors:
            record["authors"] = list(self.authors)
        return record


def read_plain(text: str) -> Document:
    """A plain-text document; its first non-empty line is taken as the title."""
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return Document(text=text, title=title[:200])


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.offsets: list[tuple[int, int, int]] = []
        self.length = 0
        self.skip: list[str] = []  # open elements whose content is dropped
        self.title = ""
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.line_starts: list[int] = [0]

    def _position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column if line - 1 < len(self.line_starts) else 0

    def _newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self._trim()
            self.parts.append("\n")
            self.length += 1

    def _trim(self) -> None:
        """Drop the spaces before a line break, shortening the offsets they belonged to."""
        while self.parts and self.parts[-1].endswith((" ", "\t")):
            kept = self.parts[-1].rstrip(" \t")
            self.length -= len(self.parts[-1]) - len(kept)
            if kept:
                self.parts[-1] = kept
            else:
                self.parts.pop()
            if self.offsets and sum(self.offsets[-1][::2]) > self.length:
                at, html_at, _ = self.offsets[-1]
                self.offsets[-1] = (at, html_at, self.length - at)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta":
            key = (values.get("name") or values.get("property") or "").lower()
            if key and values.get("content"):
                self.meta[key] = values["content"] or ""
            return
        chrome = _CHROME.search(f"{values.get('id') or ''} {values.get('class') or ''}")
        role = (values.get("role") or "").lower()
        if (
            self.skip
            or tag in _SKIP
            or (tag not in _VOID and (chrome or role in {"navigation", "banner", "contentinfo"}))
        ):
            if tag not in _VOID:
                self.skip.append(tag)
            return
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            elif tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip:
            return
        text = re.sub(r"[ \t\r\n\f\v]+", " ", data)
        if not text.strip():
            if self.parts and not self.parts[-1].endswith(("\n", " ")):
                self.parts.append(" ")
                self.length += 1
            return
        if not self.parts or self.parts[-1].endswith("\n"):
            text = text.lstrip()
        self.offsets.append((self.length, self._position(), len(text)))
        self.parts.append(text)
        self.length += len(text)


def read_html(html: str) -> Document:
    """The readable content of an HTML page, with its title and metadata."""
    parser = _Html()
    parser.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
    parser.feed(html)
    parser.close()
    parser._trim()
    text = "".join(parser.parts).rstrip() + "\n"  # no spaces before a line break, none leading
    offsets = [(at, html_at, min(n, len(text) - 1 - at)) for at, html_at, n in parser.offsets]
    meta = parser.meta
    authors = tuple(a.strip() for a in (meta.get("author") or "").split(";") if a.strip())
    return Document(
        text=text,
        kind="patient-page",
        title=(meta.get("og:title") or meta.get("citation_title") or parser.title).strip(),
        authors=authors or tuple(v for k, v in meta.items() if k == "citation_author"),
        date=(meta.get("citation_date") or meta.get("article:published_time") or "")[:10] or None,
        container=meta.get("og:site_name") or meta.get("citation_journal_title") or None,
        doi=meta.get("citation_doi") or None,
        pmid=meta.get("citation_pmid") or None,
        url=meta.get("og:url") or None,
        offsets=tuple(o for o in offsets if o[2] > 0),
    )


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def read_pubmed(xml: str) -> list[Document]:
    """Each ``PubmedArticle`` of a MEDLINE/PubMed XML file, as an abstract document."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise DataError(f"invalid XML: {exc}") from None
    articles = [root] if root.tag == "PubmedArticle" else root.iter("PubmedArticle")
    documents = []
    for article in articles:
        citation = article.find("MedlineCitation")
        if citation is None:
            continue
        art = citation.find("Article")
        title = _text(art.find("ArticleTitle") if art is not None else None)
        parts = [title] if title else []
        if art is not None:
            for abstract in art.iter("AbstractText"):
                label, body = abstract.get("Label"), _text(abstract)
                if body:
                    parts.append(f"{label.capitalize()}: {body}" if label else body)
        authors = []
        for author in citation.iter("Author"):
            last, fore = _text(author.find("LastName")), _text(author.find("ForeName"))
            name = f"{fore} {last}".strip() or _text(author.find("CollectiveName"))
            if name:
                authors.append(name)
        journal = _text(citation.find("Article/Journal/Title"))
        year = _text(citation.find("Article/Journal/JournalIssue/PubDate/Year"))
        if not year:
            medline = _text(citation.find("Article/Journal/JournalIssue/PubDate/MedlineDate"))
            year = medline[:4] if medline[:4].isdigit() else ""
        doi = next(
            (_text(e) for e in article.iter("ArticleId") if e.get("IdType") == "doi"),
            next((_text(e) for e in citation.iter("ELocationID") if e.get("EIdType") == "doi"), ""),
        )
        text = "\n\n".join(parts).strip()
        if not text:
            continue
        documents.append(
            Document(
                text=text + "\n",
                kind="journal-abstract",
                title=title,
                authors=tuple(authors),
                date=year or None,
                container=journal or None,
                doi=doi or None,
                pmid=_text(citation.find("PMID")) or None,
            )
        )
    return documents


def _check_stat(info: os.stat_result, path: Path) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise DataError("is a directory, not a document", path)
    if not stat.S_ISREG(info.st_mode):
        raise DataError("not a regular file (a device, FIFO or socket): give a file", path)
    if info.st_size > MAX_DOCUMENT_BYTES:
        raise DataError(_too_large(info.st_size), path)


def _too_large(size: int) -> str:
    limit = MAX_DOCUMENT_BYTES // 2**20
    return f"{size / 2**20:.1f} MB is more than a document may be ({limit} MB); split it"


def check_document(path: Path) -> None:
    """Refuse ``path`` unless it is a regular file of at most `MAX_DOCUMENT_BYTES`, without
    opening it (opening a FIFO waits for a writer; reading /dev/zero never ends)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path) from None
    _check_stat(info, path)


def _read_bytes(path: Path) -> bytes:
    """The bytes of the regular file ``path``, checked on the file opened (not only on its
    name) and read no further than the limit."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path) from None
    try:
        _check_stat(os.fstat(fd), path)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path) from None
    finally:
        os.close(fd)
    if len(data) > MAX_DOCUMENT_BYTES:  # it grew since, or said its size wrong (/proc)
        raise DataError(_too_large(len(data)), path)
    return data


def read_documents(path: Path) -> list[Document]:
    """The documents of ``path``: PubMed XML, HTML or plain text, told apart by content."""
    text = decode_text(_read_bytes(path), path)
    head = text.lstrip()[:2000].lower()
    if head.startswith("<?xml") or "<pubmedarticle" in head:
        try:
            documents = read_pubmed(text)
        except DataError as exc:
            raise DataError(exc.message, path) from None
        if not documents:
            raise DataError("no PubmedArticle with a title or abstract", path)
        return documents
    if path.suffix.lower() in {".html", ".htm", ".xhtml"} or head.startswith(
        ("<!doctype", "<html")
    ):
        document = read_html(text)
        if not document.text.strip():
            raise DataError("no readable text in this HTML page", path)
        return [document]
    return [read_plain(text)]
