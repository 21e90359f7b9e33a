"""Sources by name: a short citation (first author or organisation, year, title, kind) and a
link (DOI, PMID or URL) from a source's metadata, so that a handbook review and a patient blog
never look alike in a table, a panel or the command line's text.

Plain fields in, plain strings out: the same text is made from a :class:`Source` record
(`cite_source`) and from the graph's ``dcterms``/``bibo`` properties of a source (the pages).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from omsgraph.corpus.model import Source

__all__ = ["cite", "cite_source", "kind_label", "link", "link_of_source", "lead_name"]

#: an organisation's name longer than this is left for the container's (shorter) name
_LONG_NAME = 30
_DEGREES = re.compile(r",.*$")
_ARTICLE = re.compile(r"^(a|an|the)\s+", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def kind_label(kind: str) -> str:
    """``journal-abstract`` -> ``journal abstract`` (any kind: the hyphens read as spaces)."""
    return kind.replace("-", " ").replace("_", " ")


def _family(person: str) -> str:
    """The family name of ``Rosalyn Carson-DeWitt, MD`` (the last word before any degree)."""
    name = _DEGREES.sub("", person).strip()
    if "," in person and not name:
        name = person
    words = name.split()
    return words[-1] if words else person.strip()


def lead_name(
    authors: Sequence[str] = (),
    publisher: str | None = None,
    container: str | None = None,
    editors: Sequence[str] = (),
) -> str:
    """The first author's family name (``et al.`` past one author), else the organisation:
    the publisher when short, else the container ("a patient-information blog" reads
    "Patient-information blog"), else the first editor's family name (``(ed.)``)."""
    if authors:
        return _family(authors[0]) + (" et al." if len(authors) > 1 else "")
    for name in (publisher if publisher and len(publisher) <= _LONG_NAME else None, container):
        if name:
            name = _ARTICLE.sub("", name.strip())
            return name[:1].upper() + name[1:]
    if publisher:
        return publisher.strip()
    if editors:
        return _family(editors[0]) + " (ed.)"
    return "Anonymous"


def cite(
    title: str,
    kind: str,
    authors: Sequence[str] = (),
    publisher: str | None = None,
    container: str | None = None,
    date: str | None = None,
    editors: Sequence[str] = (),
) -> str:
    """``Pike 2013. Opsoclonus-myoclonus syndrome (journal abstract)``; ``n.d.`` without a
    year."""
    found = _YEAR.search(date or "")
    year = found.group(1) if found else "n.d."
    name = lead_name(authors, publisher, container, editors)
    what = f" ({kind_label(kind)})" if kind else ""
    stop = " " if year.endswith(".") else ". "
    return f"{name} {year}{stop}{title.strip().rstrip('.')}{what}"


def link(doi: str | None = None, pmid: str | None = None, url: str | None = None) -> str:
    """The address to read the work at: its DOI, else its PubMed record, else its URL; ``""``
    when none is known."""
    if doi:
        return "https://doi.org/" + doi.strip()
    if pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{pmid.strip()}/"
    return (url or "").strip() if (url or "").strip().startswith(("http://", "https://")) else ""


def cite_source(source: Source) -> str:
    """The short citation of a source record."""
    return cite(
        source.title,
        source.kind,
        source.authors,
        source.publisher,
        source.container,
        source.date,
        source.editors,
    )


def link_of_source(source: Source) -> str:
    """The link of a source record (its own DOI/PMID/URL, else what its text gives)."""
    work = source.work
    return link(
        source.doi or (work.doi if work else None),
        source.pmid or (work.pmid if work else None),
        source.url,
    )
