"""The reading pages of the site, written from the corpus beside the graph views: a page per
source showing its text (`omsgraph.web.source_page`), the condition page as the landing page,
a page per concept and the conflicts as cards (`omsgraph.web.summary`).

`Reading` holds what they need: the sources, the claims the build kept, the vocabulary, the
conflicts and, per source, the stretches of its text the extractor leaves out (given by the
caller: reading them is the extractor's job, not the pages').
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from omsgraph.corpus.claims import Corpus
from omsgraph.corpus.model import Claim
from omsgraph.graph.conflicts import Conflict, built_claims, find_conflicts
from omsgraph.graph.mappings import MappingSet
from omsgraph.output import write_atomic
from omsgraph.web.pagekit import source_file
from omsgraph.web.source_page import render_source_page

__all__ = ["Reading", "main_condition", "reading_of", "write_page_batch", "write_source_pages"]


@dataclass(frozen=True)
class Reading:
    """The corpus as the reading pages see it."""

    corpus: Corpus
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]
    left_out: Mapping[str, Sequence[tuple[int, int]]] = field(default_factory=dict)
    #: concept id -> its mappings as (predicate, CURIE, label, IRI)
    mappings: Mapping[str, Sequence[tuple[str, str, str, str]]] = field(default_factory=dict)

    def claims_of(self, file: str) -> list[Claim]:
        return [c for c in self.claims if c.source == file]


def reading_of(
    corpus: Corpus,
    reviewed_only: bool = False,
    left_out: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    mappings: MappingSet | None = None,
) -> Reading:
    """The claims a build keeps of `corpus` and their conflicts; `left_out`: per source file,
    the (start, end) stretches of its text the extractor leaves out (dimmed on its page)."""
    claims = built_claims(corpus, reviewed_only)
    conflicts = find_conflicts(claims, corpus.vocabulary)
    maps: dict[str, list[tuple[str, str, str, str]]] = {}
    for row in mappings.mappings if mappings is not None else ():
        try:
            iri = str(mappings.expand(row.object_id))
        except KeyError:
            iri = ""
        maps.setdefault(row.concept_id, []).append(
            (row.predicate_id, row.object_id, row.object_label, iri)
        )
    # (a mapping other than a dict is kept as given: the build's is found aside, and waited
    # for only when a source page needs it)
    spans = {} if left_out is None else dict(left_out) if isinstance(left_out, dict) else left_out
    return Reading(corpus, tuple(claims), tuple(conflicts), spans, maps)


def main_condition(reading: Reading) -> str | None:
    """The condition most claims are about (the site's subject), or None."""
    counts: dict[str, int] = {}
    for claim in reading.claims:
        concept = reading.corpus.vocabulary.concepts.get(claim.subject)
        if concept is not None and concept.type == "condition":
            counts[claim.subject] = counts.get(claim.subject, 0) + 1
    return min(counts, key=lambda c: (-counts[c], c)) if counts else None


def write_source_pages(reading: Reading, out_dir: Path, files: Iterable[str]) -> dict[str, int]:
    """Write the text page of each source in `files`; return page name -> bytes written."""
    sources = {s.file: s for s in reading.corpus.sources}
    by_file: dict[str, list[Claim]] = {}
    for claim in reading.claims:
        by_file.setdefault(claim.source, []).append(claim)
    written = {}
    for file in files:
        if file not in sources:
            continue
        html = render_source_page(
            sources[file],
            by_file.get(file, []),
            reading.corpus.vocabulary,
            reading.left_out.get(file, ()),
        ).encode("utf-8")
        name = source_file(file)
        write_atomic(Path(out_dir) / name, html, sync=False)  # made durable by the batch
        written[name] = len(html)
    return written


def write_page_batch(out_dir: Path, pages: Mapping[str, str]) -> dict[str, int]:
    """Write `pages` (name -> HTML) into `out_dir` atomically, each without its own fsync,
    then make the whole batch durable at once (``os.sync()``): a hundred pages' fsyncs cost
    more than the pages. Return page name -> bytes written."""
    written = {}
    for name, html in pages.items():
        data = html.encode("utf-8")
        write_atomic(Path(out_dir) / name, data, sync=False)
        written[name] = len(data)
    os.sync()
    return written
