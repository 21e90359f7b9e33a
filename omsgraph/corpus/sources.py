"""Load the source documents of ``data/sources/``: exact texts plus one metadata record each.

Reference lists and a journal abstract's own record are parsed from the text
(``omsgraph.corpus.references``); works cited twice are resolved to one key across the corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from omsgraph.corpus.model import (
    EVIDENCE_LEVELS,
    SOURCE_KINDS,
    Claim,
    Reference,
    Source,
    Status,
    evidence_level,
    evidence_rank,
)
from omsgraph.corpus.references import parse_own_record, parse_reference, parse_references, resolve
from omsgraph.corpus.yamlfile import check_keys, load_yaml, require
from omsgraph.errors import DataError

__all__ = [
    "at_least",
    "link_cited_sources",
    "corpus_at_least",
    "decode_text",
    "load_source",
    "load_sources",
    "read_text",
    "source_records",
]

_OPTIONAL = ("publisher", "date", "container", "doi", "pmid", "url")
#: the keys of a metadata record and of one of its references (docs/data-formats.md)
RECORD_KEYS = frozenset(
    {
        "file",
        "title",
        "kind",
        "authors",
        "editors",
        "references",
        "publication_types",
        "mesh",
        "evidence_level",
        *_OPTIONAL,
    }
)
REFERENCE_KEYS = frozenset({"number", "citation", "doi", "pmid"})


def read_text(path: Path) -> str:
    """The text of ``path`` exactly as stored (UTF-8, line endings untouched)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path) from None
    return decode_text(data, path)


def decode_text(data: bytes, path: Path) -> str:
    """``data``, the bytes of ``path``, as text: UTF-8, not binary, not blank."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"not UTF-8 (byte {exc.start}); convert the file to UTF-8", path, line
        ) from None
    if "\x00" in text:
        raise DataError("binary content (NUL bytes): not a text file", path)
    if not text.strip():
        raise DataError("empty source text", path)
    return text


def _strings(record: dict, key: str, path: Path) -> tuple[str, ...]:
    value = record.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"{key!r} must be a list of names", path, record.line)
    return tuple(value)


def _references(record: dict, path: Path, text: str) -> tuple[Reference, ...]:
    """Parsed from the text, unless the record lists them (for texts without a parsable list)."""
    if not record.get("references"):
        return parse_references(text)
    if not isinstance(record["references"], list):
        raise DataError("'references' must be a list", path, record.line_of("references"))
    refs = []
    for item in record["references"]:
        check_keys(item, REFERENCE_KEYS, path)
        citation = require(item, "citation", path)
        number = item.get("number")
        if number is not None and not isinstance(number, int):
            raise DataError("reference 'number' must be an integer", path, item.line)
        parsed = parse_reference(citation.strip(), number)
        doi, pmid = (
            _opt_str(item.get("doi")) or parsed.doi,
            _opt_str(item.get("pmid")) or parsed.pmid,
        )
        refs.append(replace(parsed, doi=doi, pmid=pmid))
    numbers = [r.number for r in refs if r.number is not None]
    if len(numbers) != len(set(numbers)):
        raise DataError("two references share a number", path, record.line)
    return tuple(refs)


def _opt_str(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def load_source(meta_path: Path) -> Source:
    """Read one metadata record and the text file it names."""
    record = load_yaml(meta_path)
    check_keys(record, RECORD_KEYS, meta_path)
    file = require(record, "file", meta_path)
    kind = require(record, "kind", meta_path)
    if kind not in SOURCE_KINDS:
        raise DataError(
            f"unknown kind {kind!r}; use one of {', '.join(SOURCE_KINDS)}", meta_path, record.line
        )
    text_path = meta_path.parent / file
    if not text_path.is_file():
        raise DataError(
            f"names {file!r}, which is not in {meta_path.parent}", meta_path, record.line
        )
    text = read_text(text_path)
    types = _strings(record, "publication_types", meta_path)
    mesh = _strings(record, "mesh", meta_path)
    level = record.get("evidence_level") or evidence_level(kind, types, mesh)
    if level not in EVIDENCE_LEVELS:
        raise DataError(
            f"unknown evidence_level {level!r}; use one of {', '.join(EVIDENCE_LEVELS)}",
            meta_path,
            record.line_of("evidence_level"),
        )
    return Source(
        file=file,
        text=text,
        title=require(record, "title", meta_path).strip(),
        kind=kind,
        authors=_strings(record, "authors", meta_path),
        editors=_strings(record, "editors", meta_path),
        references=_references(record, meta_path, text),
        work=parse_own_record(text),
        publication_types=types,
        mesh=mesh,
        evidence_level=level,
        **{key: _opt_str(record.get(key)) for key in _OPTIONAL},
    )


#: from this many files on, sources and claims are read in parallel (omsgraph.parallel)
PARALLEL_FILES = 2_000


def _load_sources(paths: Sequence[Path]) -> list[Source]:
    """The sources of ``paths``, in a worker of :func:`omsgraph.parallel.fork_map`."""
    from omsgraph.parallel import prefetch

    prefetch([*paths, *(p.with_suffix(".txt") for p in paths)])
    return [load_source(p) for p in paths]


def load_sources(directory: Path) -> list[Source]:
    """Every source of ``directory``, ordered by file name; a text without a record is an error."""
    if not directory.is_dir():
        raise DataError("no such directory", directory)
    paths = sorted(directory.glob("*.yaml"))
    if len(paths) < PARALLEL_FILES:
        sources = [load_source(p) for p in paths]
    else:  # a large corpus: read on every core
        from omsgraph.parallel import chunks, fork_map

        parts = fork_map(_load_sources, chunks(paths))
        sources = [source for part in parts for source in part]
    described = {s.file for s in sources}
    for text_path in sorted(directory.glob("*.txt")):
        if text_path.name not in described:
            raise DataError(f"no metadata record; add {text_path.stem}.yaml beside it", text_path)
    if len(described) != len(sources):
        raise DataError("two metadata records describe the same file", directory)
    return link_cited_sources(resolve(sources))


def link_cited_sources(sources: Sequence[Source]) -> list[Source]:
    """The sources with each reference that names another source of the corpus by PMID or
    DOI (its metadata record's ``pmid``/``doi``) marked ``same_as`` that source: from
    PubMed reference lists, JATS and parsed reference sections alike."""
    by_id: dict[str, str] = {}
    for source in sources:
        if source.doi:
            by_id.setdefault(f"doi:{source.doi.strip().lower()}", source.file)
        if source.pmid:
            by_id.setdefault(f"pmid:{source.pmid.strip()}", source.file)
    if not by_id:
        return list(sources)

    def linked(reference: Reference, citing: str) -> Reference:
        if reference.same_as is not None:
            return reference
        for key in (
            f"doi:{reference.doi.strip().lower()}" if reference.doi else "",
            f"pmid:{reference.pmid.strip()}" if reference.pmid else "",
        ):
            target = by_id.get(key)
            if target and target != citing:
                return replace(reference, same_as=target)
        return reference

    return [
        replace(s, references=tuple(linked(r, s.file) for r in s.references)) if s.references else s
        for s in sources
    ]


def at_least(sources: Iterable[Source], level: str | None) -> list[Source]:
    """The sources of evidence level ``level`` or stronger (all of them when ``level`` is None)."""
    if level is None:
        return list(sources)
    rank = evidence_rank(level)
    return [s for s in sources if evidence_rank(s.evidence_level) <= rank]


def corpus_at_least(corpus: Any, level: str | None) -> Any:
    """``corpus`` (a :class:`~omsgraph.corpus.claims.Corpus`) with only the sources of at
    least ``level`` and their claims."""
    if level is None:
        return corpus
    kept = at_least(corpus.sources, level)
    files = {s.file for s in kept}
    return replace(
        corpus, sources=tuple(kept), claims=tuple(c for c in corpus.claims if c.source in files)
    )


def source_records(sources: Iterable[Source], claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Each source's full record (``omsgraph sources``): bibliographic fields, evidence level,
    and its counts (rejected claims not counted)."""
    counts = Counter(c.source for c in claims if c.status is not Status.REJECTED)
    rows = []
    for s in sources:
        year = s.date[:4] if s.date and s.date[:4].isdigit() else None
        rows.append(
            {
                "file": s.file,
                "kind": s.kind,
                "title": s.title,
                "authors": list(s.authors),
                "editors": list(s.editors),
                "date": s.date,
                "year": int(year) if year else None,
                "container": s.container,
                "publisher": s.publisher,
                "pmid": s.pmid,
                "doi": s.doi,
                "url": s.url,
                "publication_types": list(s.publication_types),
                "mesh": list(s.mesh),
                "evidence_level": s.evidence_level,
                "characters": len(s.text),
                "references": len(s.references),
                "claims": counts[s.file],
            }
        )
    return rows
