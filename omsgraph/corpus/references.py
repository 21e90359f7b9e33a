"""Reference lists parsed from the source texts, and which records name the same work.

Three list formats are read from a source's text (see docs/model.md, "Sources and references"):

* a numbered list under a ``References`` heading (wiki pages), whose items may carry
  back-link noise (``1. 1.0 1.1 1.2 Blaes, Franz …``) and template noise
  (``Check date values in: |date= (help)``);
* a dashed list after a line ending ``taken from:`` (patient pages);
* a bibliography of free-standing ``Author. "Title." Container …, Year.`` lines
  (encyclopedia entries), read only when neither list above is present.

A journal abstract's own record (``doi: …`` line and ``Author. Journal. Year.`` by-line of a
PubMed page) is parsed too: the source is itself a work that others may cite.

Records name one work when they share a DOI, or the normalised first author, year and title,
or the folded citation text; ``resolve`` gives each record of the corpus the key of its work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from omsgraph.corpus.model import Reference, Source
from omsgraph.corpus.vocabulary import normalise

__all__ = [
    "parse_own_record",
    "parse_reference",
    "parse_references",
    "resolve",
    "work_key",
    "work_keys",
]

_HEADING = re.compile(r"^\s*References\s*$", re.M)
_NUMBERED = re.compile(r"^\s*(\d+)\.\s+(\S.*?)\s*$")
_TAKEN_FROM = re.compile(r"^.*\btaken from:\s*$", re.M | re.I)
_DASHED = re.compile(r"^\s*[-–•*]\s+(\S.*?)\s*$")
_BIBLIOGRAPHY = re.compile(
    r"^[A-Z][^\"“\n]{1,200}\.\s+[\"“][^\"”\n]{3,300}[\"”][^\n]*\b(?:1[89]|20)\d\d\b[^\n]*$", re.M
)
_NOISE = re.compile(r"\s*Check date values in:.*$")
_QUOTED = re.compile(r"[\"“](?P<title>[^\"”]+?)[.,]?[\"”]\.?\s*")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"“”]+?)\.?(?=\s|$)")
_PMID = re.compile(r"\bPMID:?\s*(\d+)")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SLASH_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
_CONTAINER_END = re.compile(r"\s+\d|,|\s+\(|\.(?:\s|$)|\s+\d{4};")
_INITIALS = re.compile(r"^([\w'’-]+)\s+[A-Z]{1,3}$")
_DOMAIN = re.compile(r"\.(?:org|com|net|gov|edu)$", re.I)
_OWN_DOI = re.compile(r"^\s*doi:\s*(10\.\S+?)\.?\s*$", re.M | re.I)
_BYLINE = re.compile(
    r"^(?P<authors>[A-Z][^.\n]*)\.\s+(?P<journal>[A-Z][^\n]*?)\.\s+(?P<year>(?:19|20)\d\d)\.\s*$",
    re.M,
)
_ISSUE = re.compile(r"\b(?P<year>(?:19|20)\d\d):(?P<volume>\d+):(?P<pages>[\d–-]+)")
_KEY_ORDER = ("doi:", "work:", "cite:")


def parse_references(text: str) -> tuple[Reference, ...]:
    """Every reference the text lists, in order, in the first format that it uses."""
    numbered = _numbered_list(text)
    if numbered:
        return numbered
    taken = _taken_from_list(text)
    if taken:
        return taken
    return tuple(parse_reference(m.group(0).strip()) for m in _BIBLIOGRAPHY.finditer(text))


def _numbered_list(text: str) -> tuple[Reference, ...]:
    headings = list(_HEADING.finditer(text))
    if not headings:
        return ()
    refs: list[Reference] = []
    for line in text[headings[-1].end() :].splitlines():
        match = _NUMBERED.match(line)
        if match is None:
            if refs and line.strip():
                break
            if refs and not line.strip():
                break
            continue
        number = int(match.group(1))
        body = re.sub(rf"^(?:{number}\.\d+\s+)+", "", match.group(2))  # back-links 1.0 1.1 …
        refs.append(parse_reference(body, number))
    return tuple(refs)


def _taken_from_list(text: str) -> tuple[Reference, ...]:
    head = _TAKEN_FROM.search(text)
    if head is None:
        return ()
    refs: list[Reference] = []
    for line in text[head.end() :].splitlines()[1:]:
        match = _DASHED.match(line)
        if match is None:
            break
        refs.append(parse_reference(match.group(1)))
    return tuple(refs)


def parse_reference(citation: str, number: int | None = None) -> Reference:
    """One citation as written: authors, title, container, year, DOI and PMID where found."""
    text = _NOISE.sub("", citation).strip()
    doi = _DOI.search(text)
    pmid = _PMID.search(text)
    quoted = _QUOTED.search(text)
    if quoted:
        head = text[: quoted.start()].strip().rstrip(".").strip()
        title: str | None = quoted.group("title").strip()
        rest = text[quoted.end() :].strip()
        container = _container(rest)
        authors = _authors(head) if head else _organisation(container)
        year = _year(rest)
    else:  # Vancouver style "Authors. Title. Journal Year;vol:pages." or "Organisation. Title"
        parts = [p.strip() for p in re.split(r"\.\s+", text.rstrip(".")) if p.strip()]
        authors = _authors(parts[0]) if len(parts) > 1 else ()
        title = parts[1] if len(parts) > 1 else parts[0] if parts else None
        tail = " ".join(parts[2:])
        container = _container(tail) if tail else None
        year = _year(tail)
    return Reference(
        citation=text,
        number=number,
        doi=doi.group(1) if doi else None,
        pmid=pmid.group(1) if pmid else None,
        authors=authors,
        title=title,
        container=container,
        year=year,
    )


def _container(rest: str) -> str | None:
    rest = rest.strip()
    end = _CONTAINER_END.search(rest, 1)
    name = (rest[: end.start()] if end else rest).strip().rstrip(".").strip()
    return name or None


def _organisation(container: str | None) -> tuple[str, ...]:
    return (_DOMAIN.sub("", container),) if container else ()


def _year(text: str) -> int | None:
    match = _YEAR.search(_SLASH_DATE.sub(" ", text))
    return int(match.group(1)) if match else None


def _authors(head: str) -> tuple[str, ...]:
    """Family name of the first author (or the organisation), then the others as written."""
    head = re.sub(r",?\s*et al\.?$", "", head.strip()).strip()
    segments = [s.strip() for s in re.split(r",\s*(?:and\s+)?|\s+and\s+", head) if s.strip()]
    if not segments:
        return ()
    if _INITIALS.match(segments[0]):  # Vancouver: "Pranzatelli MR, Tate ED"
        return tuple(m.group(1) for s in segments if (m := _INITIALS.match(s)))
    first = segments[0].split()
    if len(first) > 3:  # an organisation
        return (head,)
    rest = segments[1:]
    if len(first) == 1 and rest and _given_name(rest[0]):  # "Blaes, Franz", "Dale, R. C."
        rest = rest[1:]
    return (first[-1], *rest)


def _given_name(segment: str) -> bool:
    words = segment.split()
    return len(words) <= 3 and all(w[0].isupper() for w in words) and len(words[-1]) <= 12


def parse_own_record(text: str) -> Reference | None:
    """The bibliographic record of a journal abstract as its PubMed page prints it."""
    doi = _OWN_DOI.search(text)
    byline = _BYLINE.search(text)
    if doi is None or byline is None:
        return None
    lines = [line.strip() for line in text[: byline.start()].splitlines() if line.strip()]
    title = lines[-1] if lines else None
    names = [n.strip() for n in byline.group("authors").split(",") if n.strip()]
    vancouver = [f"{n.split()[-1]} {''.join(w[0] for w in n.split()[:-1])}" for n in names]
    issue = _ISSUE.search(text)
    where = f"{issue['year']};{issue['volume']}:{issue['pages']}" if issue else byline["year"]
    citation = f"{', '.join(vancouver)}. {title}. {byline['journal']}. {where}."
    pmid = _PMID.search(text)
    return Reference(
        citation=citation,
        doi=doi.group(1),
        pmid=pmid.group(1) if pmid else None,
        authors=tuple(n.split()[-1] for n in names),
        title=title,
        container=byline["journal"],
        year=int(byline["year"]),
    )


def work_keys(reference: Reference) -> tuple[str, ...]:
    """The keys under which a record can match another: DOI, first author+year+title, text."""
    keys = []
    if reference.doi:
        keys.append(f"doi:{reference.doi.lower()}")
    if reference.first_author and reference.year and reference.title:
        family = normalise(reference.first_author)
        keys.append(f"work:{family}|{reference.year}|{normalise(reference.title)}")
    keys.append(f"cite:{normalise(reference.citation)}")
    return tuple(keys)


def _rank(key: str) -> tuple[int, str]:
    return next(i for i, p in enumerate(_KEY_ORDER) if key.startswith(p)), key


def resolve(sources: Sequence[Source]) -> list[Source]:
    """The sources with every reference (and own record) given the key of its work.

    Records sharing any key are one work (transitively); its key is the best of theirs (a
    DOI before author+year+title before the text). A work that is a source's own record
    gets ``same_as`` = that source's file.
    """
    records = [r for s in sources for r in ((s.work,) if s.work else ()) + s.references]
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for record in records:
        keys = work_keys(record)
        for key in keys[1:]:
            a, b = find(keys[0]), find(key)
            if a != b:
                parent[max(a, b, key=_rank)] = min(a, b, key=_rank)
    best: dict[str, str] = {}
    for record in records:
        for key in work_keys(record):
            root = find(key)
            best[root] = min(best.get(root, key), key, key=_rank)
    owners = {best[find(work_keys(s.work)[0])]: s.file for s in sources if s.work}

    def keyed(record: Reference) -> Reference:
        key = best[find(work_keys(record)[0])]
        return replace(record, key=key, same_as=owners.get(key))

    return [
        replace(
            s,
            work=keyed(s.work) if s.work else None,
            references=tuple(keyed(r) for r in s.references),
        )
        for s in sources
    ]


def work_key(reference: Reference) -> str:
    """The one key that names the work: the key ``resolve`` gave it, else its best own key."""
    return reference.key or min(work_keys(reference), key=_rank)
