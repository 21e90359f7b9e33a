"""PMC JATS full text (``<article>``): title, abstract and body sections as text, the
reference list, and each in-text citation (``<xref ref-type="bibr">``) linked to the
numbered reference it names, so a claim can carry the reference its sentence cites."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from omsgraph.errors import DataError
from omsgraph.extract.readers.document import Citation, CitedWork, Document, clean
from omsgraph.extract.readers.pubmed import parse_xml

__all__ = ["read_jats"]

#: JATS article-type -> the PubMed publication type it is
_TYPES = {
    "review-article": "Review",
    "systematic-review": "Systematic Review",
    "case-report": "Case Reports",
    "research-article": "Journal Article",
    "practice-guideline": "Practice Guideline",
    "guideline": "Guideline",
}
_SKIP = frozenset({"table-wrap", "fig", "disp-formula", "supplementary-material", "ref-list"})


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _Text:
    """The document text as it is built, with the citations found in it."""

    def __init__(self, refs: dict[str, int]) -> None:
        self.text = ""
        self.refs = refs
        self.citations: list[Citation] = []

    def paragraph(self, element: ET.Element) -> None:
        start = len(self.text)
        self._inline(element)
        self.text = self.text.rstrip(" ")
        if len(self.text) > start:
            self.text += "\n\n"

    def line(self, value: str) -> None:
        if clean(value):
            self.text += clean(value) + "\n\n"

    def _add(self, piece: str | None) -> None:
        if not piece:
            return
        piece = re.sub(r"\s+", " ", piece)
        if (not self.text or self.text.endswith((" ", "\n"))) and piece.startswith(" "):
            piece = piece[1:]
        self.text += piece

    def _inline(self, element: ET.Element) -> None:
        self._add(element.text)
        for child in element:
            if _local(child.tag) in _SKIP:
                pass
            elif _local(child.tag) == "xref" and child.get("ref-type") == "bibr":
                start = len(self.text)
                self._inline(child)
                numbers = tuple(
                    self.refs[rid] for rid in (child.get("rid") or "").split() if rid in self.refs
                )
                if numbers and len(self.text) > start:
                    self.citations.append(Citation(start, len(self.text), numbers))
            else:
                self._inline(child)
            self._add(child.tail)

    def section(self, element: ET.Element) -> None:
        for child in element:
            name = _local(child.tag)
            if name == "title":
                self.line("".join(child.itertext()))
            elif name == "p":
                self.paragraph(child)
            elif name == "sec":
                self.section(child)
            elif name in {"list", "list-item", "boxed-text", "disp-quote"}:
                self.section(child)


def _references(root: ET.Element) -> tuple[list[CitedWork], dict[str, int]]:
    works, numbers = [], {}
    for ref in root.iterfind(".//back//ref"):
        citation = next(
            (c for c in ref if _local(c.tag) in {"element-citation", "mixed-citation", "citation"}),
            None,
        )
        if citation is None:
            continue
        ids = {p.get("pub-id-type"): clean("".join(p.itertext())) for p in citation.iter("pub-id")}
        number = len(works) + 1
        works.append(
            CitedWork(number, clean(" ".join(citation.itertext())), ids.get("doi"), ids.get("pmid"))
        )
        if ref.get("id"):
            numbers[ref.get("id") or ""] = number
    return works, numbers


def read_jats(xml: str) -> list[Document]:
    """The article of a JATS XML file (a PMC ``<pmc-articleset>`` may hold several)."""
    root = parse_xml(xml, r"<article-id[^>]*>\s*([^<\s]+)", "article")
    articles = [root] if _local(root.tag) == "article" else list(root.iter("article"))
    if not articles:
        raise DataError("no JATS <article> element")
    return [_article(article, number) for number, article in enumerate(articles, 1)]


def _article(article: ET.Element, number: int) -> Document:
    meta = article.find("front/article-meta")
    if meta is None:
        raise DataError(f"article {number}: no <front><article-meta>")
    ids = {e.get("pub-id-type"): clean(e.text) for e in meta.iterfind("article-id")}
    title = (
        clean("".join(meta.find("title-group/article-title").itertext()))
        if meta.find("title-group/article-title") is not None
        else ""
    )
    works, numbers = _references(article)
    text = _Text(numbers)
    text.line(title)
    for abstract in meta.iterfind("abstract"):
        text.line("Abstract")
        text.section(abstract)
    body = article.find("body")
    if body is not None:
        text.section(body)
    if not text.text.strip():
        raise DataError(f"article {number} ({ids.get('pmid') or title[:40]!r}): no text")
    authors = []
    for contrib in meta.iterfind("contrib-group/contrib"):
        if contrib.get("contrib-type", "author") != "author":
            continue
        given = clean(contrib.findtext("name/given-names"))
        surname = clean(contrib.findtext("name/surname"))
        name = f"{given} {surname}".strip() or clean(contrib.findtext("collab"))
        if name:
            authors.append(name)
    year = clean(meta.findtext("pub-date/year"))
    journal = clean(article.findtext("front/journal-meta/journal-title-group/journal-title"))
    kind = article.get("article-type") or ""
    pmcid = ids.get("pmc") or ids.get("pmcid")
    url = None
    if pmcid:
        pmcid = pmcid if pmcid.upper().startswith("PMC") else f"PMC{pmcid}"
        url = f"https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/"
    return Document(
        text=text.text.rstrip("\n") + "\n",
        kind="journal-abstract",
        title=title,
        authors=tuple(authors),
        date=year or None,
        container=journal or None,
        doi=ids.get("doi") or None,
        pmid=ids.get("pmid") or None,
        url=url,
        publisher=clean(article.findtext("front/journal-meta/publisher/publisher-name")) or None,
        publication_types=(_TYPES[kind],) if kind in _TYPES else (),
        references=tuple(works),
        citations=tuple(text.citations),
    )
