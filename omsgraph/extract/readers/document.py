"""The record every reader returns: a document's text, what it says about itself, and the
parts of it a later stage may use (its reference list, the citations in its text, entity
annotations)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Annotation", "Citation", "CitedWork", "Document", "clean"]


def clean(value: object) -> str:
    """``value`` as one line of text: runs of white space made one space, ends trimmed."""
    return " ".join(str(value).split()) if value is not None else ""


@dataclass(frozen=True)
class CitedWork:
    """One entry of a document's reference list, as the document gives it."""

    number: int
    citation: str
    doi: str | None = None
    pmid: str | None = None

    def record(self) -> dict[str, object]:
        """The ``references:`` item of ``data/sources/*.yaml`` (docs/data-formats.md)."""
        item: dict[str, object] = {"number": self.number, "citation": self.citation}
        if self.doi:
            item["doi"] = self.doi
        if self.pmid:
            item["pmid"] = self.pmid
        return item


@dataclass(frozen=True)
class Citation:
    """An in-text citation: the characters ``start:end`` of the text cite ``numbers``."""

    start: int
    end: int
    numbers: tuple[int, ...]


@dataclass(frozen=True)
class Annotation:
    """An entity a tool found in the text (PubTator3's BioC exports): where, what, which id."""

    start: int
    end: int
    text: str
    type: str
    identifier: str | None = None


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
    #: the publication types the record gives (PubMed's "Review", "Case Reports", ...)
    publication_types: tuple[str, ...] = ()
    #: MeSH headings (descriptor names), as PubMed gives them
    mesh: tuple[str, ...] = ()
    #: the reference list, numbered in order
    references: tuple[CitedWork, ...] = ()
    #: the in-text citations (JATS), so a claim can carry the reference its sentence cites
    citations: tuple[Citation, ...] = field(default=(), repr=False)
    #: entity annotations of the text (BioC), kept for later stages
    annotations: tuple[Annotation, ...] = field(default=(), repr=False)
    #: (text offset, original offset, length) of each kept stretch (HTML only)
    offsets: tuple[tuple[int, int, int], ...] = field(default=(), repr=False)

    def metadata(self) -> dict[str, object]:
        """The ``data/sources/*.yaml`` fields this document gives (empty ones left out)."""
        from omsgraph.corpus.model import evidence_level

        record: dict[str, object] = {"title": self.title or "(untitled)", "kind": self.kind}
        for key in ("publisher", "date", "container", "doi", "pmid", "url"):
            value = getattr(self, key)
            if value:
                record[key] = value
        if self.authors:
            record["authors"] = list(self.authors)
        if self.publication_types:
            record["publication_types"] = list(self.publication_types)
        if self.mesh:
            record["mesh"] = list(self.mesh)
        record["evidence_level"] = evidence_level(self.kind, self.publication_types, self.mesh)
        if self.references:
            record["references"] = [r.record() for r in self.references]
        return record

    def reference_at(self, start: int, end: int) -> int | None:
        """The first reference cited inside ``start:end`` or in the sentence around it."""
        for citation in self.citations:
            if citation.start < end and citation.end > start and citation.numbers:
                return citation.numbers[0]
        # the sentence's citation often follows its last words: look to the sentence end
        stop = len(self.text)
        for mark in (". ", ".\n", "\n"):
            at = self.text.find(mark, end)
            if 0 <= at < stop:
                stop = at + 1
        for citation in self.citations:
            if end <= citation.start <= stop and citation.numbers:
                return citation.numbers[0]
        return None


def person(name: str) -> str:
    """A name written "Family, Given" as "Given Family" (as the other readers give names)."""
    family, comma, given = clean(name).partition(",")
    return f"{given.strip()} {family.strip()}".strip() if comma else clean(name)


def from_record(
    *,
    title: str,
    abstract: str = "",
    kind: str = "journal-abstract",
    authors: tuple[str, ...] = (),
    **metadata: object,
) -> Document | None:
    """A reference manager's record (RIS, BibTeX, CSL JSON) as a document: its title and
    abstract are the text; None when it has neither."""
    title, abstract = clean(title), clean(abstract)
    text = "\n\n".join(part for part in (title, abstract) if part)
    if not text:
        return None
    values = {key: (clean(value) or None) for key, value in metadata.items() if key != "types"}
    return Document(
        text=text + "\n",
        kind=kind,
        title=title,
        authors=tuple(a for a in (person(a) for a in authors) if a),
        publication_types=tuple(metadata.get("types") or ()),  # type: ignore[arg-type]
        **values,  # type: ignore[arg-type]
    )


#: a reference manager's type of work -> (source kind, publication type)
WORK_TYPES: dict[str, tuple[str, str | None]] = {
    "journal": ("journal-abstract", "Journal Article"),
    "review": ("journal-abstract", "Review"),
    "book": ("encyclopedia-entry", None),
    "encyclopedia": ("encyclopedia-entry", None),
    "web": ("patient-page", None),
    "blog": ("patient-page", "Blog"),
}
