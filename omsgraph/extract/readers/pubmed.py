"""PubMed XML (``PubmedArticleSet`` as PubMed and E-utilities export it): one abstract
document per ``PubmedArticle``, with its publication types, MeSH headings and, where
PubMed has it, its reference list."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from omsgraph.errors import DataError
from omsgraph.extract.readers.document import CitedWork, Document

__all__ = ["parse_xml", "read_pubmed"]


def parse_xml(xml: str, what: str, label: str) -> ET.Element:
    """The root of ``xml``; a parse error names its line and the last record begun before
    it (``what``, a regular expression with one group, finds the ``label`` of a record)."""
    try:
        return ET.fromstring(xml)
    except ET.ParseError as exc:
        line = exc.position[0]
        before = "\n".join(xml.splitlines()[:line])
        found = re.findall(what, before)
        record = f" (in the record after {label} {found[-1]})" if found else ""
        raise DataError(f"invalid XML: {exc}{record}", None, None) from None


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _ids(parent: ET.Element | None) -> dict[str, str]:
    if parent is None:
        return {}
    return {e.get("IdType", ""): _text(e) for e in parent.findall("ArticleId") if _text(e)}


def _article(article: ET.Element, number: int) -> Document | None:
    citation = article.find("MedlineCitation")
    if citation is None:
        raise DataError(f"record {number}: a PubmedArticle without MedlineCitation")
    pmid = _text(citation.find("PMID"))
    art = citation.find("Article")
    title = _text(art.find("ArticleTitle") if art is not None else None)
    parts = [title] if title else []
    if art is not None:
        for abstract in art.iterfind("Abstract/AbstractText"):
            label, body = abstract.get("Label"), _text(abstract)
            if body:
                parts.append(f"{label.capitalize()}: {body}" if label else body)
    authors = []
    for author in citation.iterfind("Article/AuthorList/Author"):
        last, fore = _text(author.find("LastName")), _text(author.find("ForeName"))
        name = f"{fore} {last}".strip() or _text(author.find("CollectiveName"))
        if name:
            authors.append(name)
    journal = _text(citation.find("Article/Journal/Title"))
    year = _text(citation.find("Article/Journal/JournalIssue/PubDate/Year"))
    if not year:
        medline = _text(citation.find("Article/Journal/JournalIssue/PubDate/MedlineDate"))
        year = medline[:4] if medline[:4].isdigit() else ""
    ids = _ids(article.find("PubmedData/ArticleIdList"))
    doi = ids.get("doi") or next(
        (_text(e) for e in citation.iterfind("Article/ELocationID") if e.get("EIdType") == "doi"),
        "",
    )
    types = tuple(_text(t) for t in citation.iterfind("Article/PublicationTypeList/*"))
    mesh = tuple(_text(m) for m in citation.iterfind("MeshHeadingList/MeshHeading/DescriptorName"))
    references = []
    for reference in article.iterfind("PubmedData/ReferenceList/Reference"):
        cited = _text(reference.find("Citation"))
        if cited:
            found = _ids(reference.find("ArticleIdList"))
            references.append(
                CitedWork(len(references) + 1, cited, found.get("doi"), found.get("pubmed"))
            )
    text = "\n\n".join(parts).strip()
    if not text:
        return None
    return Document(
        text=text + "\n",
        kind="journal-abstract",
        title=title,
        authors=tuple(authors),
        date=year or None,
        container=journal or None,
        doi=doi or None,
        pmid=pmid or None,
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else None,
        publication_types=tuple(t for t in types if t),
        mesh=tuple(m for m in mesh if m),
        references=tuple(references),
    )


def read_pubmed(xml: str) -> list[Document]:
    """Each ``PubmedArticle`` of a MEDLINE/PubMed XML file, as an abstract document."""
    root = parse_xml(xml, r"<PMID[^>]*>\s*(\d+)", "PMID")
    articles = [root] if root.tag == "PubmedArticle" else root.iter("PubmedArticle")
    documents = []
    for number, article in enumerate(articles, 1):
        document = _article(article, number)
        if document is not None:
            documents.append(document)
    return documents
