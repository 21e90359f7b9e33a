"""An HTML page: its readable content and the metadata it declares.

The text loses navigation, scripts, styles, headers, footers and forms; ``offsets`` maps each
stretch of kept text back to where it stands in the HTML. Metadata comes from Highwire
``citation_*`` tags (every ``citation_author``), Dublin Core (``DC.*``/``dcterms.*``), Open
Graph and schema.org JSON-LD; a page that declares a scholarly article is a journal abstract.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from omsgraph.extract.readers.document import Document, clean
from omsgraph.extract.readers.plain import looks_scholarly

__all__ = ["read_html"]

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


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.offsets: list[tuple[int, int, int]] = []
        self.length = 0
        self.skip: list[str] = []  # open elements whose content is dropped
        self.title = ""
        self.in_title = False
        self.meta: dict[str, list[str]] = {}  # every value of each name, in page order
        self.jsonld: list[str] = []
        self.in_jsonld = False
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
                self.meta.setdefault(key, []).append(clean(values["content"]))
            return
        if tag == "script" and (values.get("type") or "").lower() == "application/ld+json":
            self.in_jsonld = True
            self.jsonld.append("")
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
        if tag == "script":
            self.in_jsonld = False
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
        if self.in_jsonld:
            self.jsonld[-1] += data
            return
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


_SCHOLARLY = re.compile(r"ScholarlyArticle|MedicalScholarlyArticle|Report|Thesis|Chapter")


def _jsonld(blocks: list[str]) -> dict[str, object]:
    """The first schema.org creative work the page's JSON-LD describes (a bad block is
    skipped: page scripts are not the user's data)."""
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("@graph"), list):
                items.extend(item["@graph"])
        for item in items:
            if isinstance(item, dict) and (item.get("headline") or item.get("name")):
                kind = item.get("@type")
                if isinstance(kind, list):
                    kind = " ".join(map(str, kind))
                if kind and re.search(r"Article|Page|Work|Report|Chapter", str(kind)):
                    return item
    return {}


def _names(value: object) -> list[str]:
    """Author names of a JSON-LD ``author`` (a string, a Person, or a list of them)."""
    values = value if isinstance(value, list) else [value] if value else []
    names = []
    for item in values:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and clean(name):
            names.append(clean(name))
    return names


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
    ld = _jsonld(parser.jsonld)

    def first(*keys: str) -> str:
        for key in keys:
            for value in meta.get(key, ()):
                if value:
                    return value
        return ""

    authors = meta.get("citation_author") or [
        *meta.get("dc.creator", ()),
        *meta.get("dcterms.creator", ()),
    ]
    if not authors:
        authors = _names(ld.get("author"))
    if not authors:
        authors = [a.strip() for v in meta.get("author", ()) for a in v.split(";")]
    date = first(
        "citation_publication_date",
        "citation_date",
        "citation_online_date",
        "dc.date",
        "dcterms.date",
        "dcterms.issued",
        "article:published_time",
    ) or str(ld.get("datePublished") or "")
    publisher = first("citation_publisher", "dc.publisher", "dcterms.publisher")
    if not publisher and isinstance(ld.get("publisher"), dict):
        publisher = clean(ld["publisher"].get("name"))
    journal = first("citation_journal_title", "citation_conference_title", "prism.publicationname")
    scholarly = bool(
        journal
        or first("citation_pmid", "citation_doi")
        or _SCHOLARLY.search(str(ld.get("@type") or ""))
        or "article" in first("dc.type", "dcterms.type").lower()
    )
    types = tuple(dict.fromkeys(t for t in meta.get("citation_article_type", ()) if t))
    return Document(
        text=text,
        kind="journal-abstract" if scholarly or looks_scholarly(text) else "patient-page",
        title=(
            first("citation_title", "dc.title", "dcterms.title", "og:title")
            or clean(ld.get("headline") or ld.get("name") or "")
            or clean(parser.title)
        ),
        authors=tuple(dict.fromkeys(a for a in authors if a)),
        date=_iso_date(date),
        container=journal or first("og:site_name") or None,
        doi=_doi(first("citation_doi", "dc.identifier", "dcterms.identifier")),
        pmid=first("citation_pmid") or None,
        url=first("citation_abstract_html_url", "og:url", "citation_public_url") or None,
        publisher=publisher or None,
        publication_types=types,
        offsets=tuple(o for o in offsets if o[2] > 0),
    )


def _doi(value: str) -> str | None:
    match = re.search(r"10\.\d{4,9}/\S+", value)
    return match.group(0) if match else None


def _iso_date(value: str) -> str | None:
    """A declared date as ISO 8601 (``2021/03/04`` -> ``2021-03-04``; a year stays a year)."""
    value = clean(value)
    match = re.match(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?", value)
    if not match:
        return None
    year, month, day = match.groups()
    if day:
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return f"{year}-{int(month):02d}" if month else year
