"""A page per concept: what each source says about it (quotes in their sentences, by source),
its relations to other concepts, its mappings to HP, MONDO, MeSH ... with links, and the
conflicts it is part of."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from omsgraph.corpus.model import Claim, Polarity
from omsgraph.graph.citation import cite_source, link_of_source
from omsgraph.web.levels import LEVEL_CSS, level_badge
from omsgraph.web.pagekit import cited, concept_file, e, page
from omsgraph.web.reading import Reading, write_page_batch
from omsgraph.web.summary import quote_list

__all__ = ["concepts_with_claims", "render_concept_page", "write_concept_pages"]

_CSS = """
.bysource { margin: 8px 0 16px; }
.bysource h3 { margin-bottom: 2px; }
"""


def concepts_with_claims(reading: Reading) -> list[str]:
    """The ids of the vocabulary's concepts some kept claim names, sorted."""
    concepts = reading.corpus.vocabulary.concepts
    found = {c.subject for c in reading.claims} | {
        c.object for c in reading.claims if c.entity_valued
    }
    return sorted(found & set(concepts))


def _relations(concept_id: str, claims: list[Claim], reading: Reading) -> str:
    concepts = reading.corpus.vocabulary.concepts
    rows: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for c in claims:
        verb = ("NOT " if c.polarity is Polarity.NEGATED else "") + c.predicate.replace("_", " ")
        if c.subject == concept_id:
            other = c.object
            direction = "→"
        else:
            other, direction = c.subject, "←"
        rows[(direction, verb, other)].add(c.source)
    out = []
    for (direction, verb, other), sources in sorted(rows.items(), key=lambda r: (-len(r[1]), r[0])):
        concept = concepts.get(other)
        name = f'<a href="{concept_file(other)}">{e(concept.label)}</a>' if concept else e(other)
        out.append(f"<tr><td>{direction} {e(verb)}</td><td>{name}</td><td>{len(sources)}</td></tr>")
    head = "<tr><th>relation</th><th>concept or value</th><th>sources</th></tr>"
    return f"<table>{head}{''.join(out)}</table>"


def render_concept_page(reading: Reading, concept_id: str) -> str:
    """The page of one concept of the vocabulary."""
    concept = reading.corpus.vocabulary.concepts[concept_id]
    sources = {s.file: s for s in reading.corpus.sources}
    claims = [
        c
        for c in reading.claims
        if c.subject == concept_id or (c.entity_valued and c.object == concept_id)
    ]
    parts = []
    if concept.definition:
        parts.append(f"<p>{e(concept.definition)}</p>")
    if concept.synonyms:
        parts.append(f'<p class="meta">Also called: {e(", ".join(concept.synonyms))}</p>')
    maps = reading.mappings.get(concept_id, ())
    if maps:
        items = "".join(
            f'<li>{e(pred)} <a href="{e(iri)}" rel="noopener noreferrer">{e(curie)}</a>'
            f"{f' — {e(label)}' if label else ''}</li>"
            for pred, curie, label, iri in maps
        )
        parts.append(f"<h2>Mappings</h2><ul>{items}</ul>")
    parts.append(f"<h2>Relations</h2>{_relations(concept_id, claims, reading)}")
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[claim.source].append(claim)
    said = []
    for file in sorted(by_source, key=lambda f: (-len(by_source[f]), f)):
        source = sources[file]
        said.append(
            f'<div class="bysource"><h3>{cited(cite_source(source), link_of_source(source))}'
            f"{level_badge(source)}</h3>{quote_list(by_source[file], sources)}</div>"
        )
    parts.append(f"<h2>What the sources say ({len(by_source)} sources)</h2>{''.join(said)}")
    involved = [
        c for c in reading.conflicts if any(concept_id in (x.subject, x.object) for x in c.claims)
    ]
    if involved:
        items = "".join(
            f'<li>{e(c.severity)}: <a href="conflicts.html#c-{c.id}">{e(c.topic)}</a></li>'
            for c in involved
        )
        parts.append(f"<h2>Conflicts</h2><ul>{items}</ul>")
    subtitle = f'<span class="badge kind">{e(concept.type)}</span> · {len(claims)} claims'
    return page(concept.label, subtitle, "\n".join(parts), _CSS + LEVEL_CSS)


def write_concept_pages(reading: Reading, out_dir: Path) -> dict[str, int]:
    """Write the page of every concept some claim names (one durable batch: see
    `write_page_batch`, which also makes the pages written before it durable); return page
    name -> bytes."""
    pages = {
        concept_file(concept_id): render_concept_page(reading, concept_id)
        for concept_id in concepts_with_claims(reading)
    }
    return write_page_batch(Path(out_dir), pages)
