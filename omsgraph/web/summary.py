"""The condition page (the site's landing page) and the conflicts as cards.

The condition page answers "what do the sources say": per relation, the concepts ranked by the
number of sources that support them, with marks for negating and hedged support, for the kinds
of source and for unreviewed claims, each expanding to its quotes in their sentences; the value
claims as a table; a summary of the conflicts; the sources by name. The conflicts page shows
each conflict as a card: its kind, its sides, each side's quotes in their sentences with the
sources by name and the populations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from omsgraph.corpus.model import Claim, Polarity, Source, Status
from omsgraph.corpus.values import attribute
from omsgraph.graph.citation import cite_source, kind_label, link_of_source
from omsgraph.graph.conflicts import CONTRADICTION, Conflict, population_group
from omsgraph.web.levels import LEVEL_CSS, level_badge
from omsgraph.web.pagekit import (
    cited,
    concept_file,
    e,
    in_sentence,
    marks,
    page,
    source_file,
)
from omsgraph.web.reading import Reading

__all__ = ["RELATION_ORDER", "quote_list", "render_conflict_cards", "render_condition_page"]

#: the condition page's sections, in the order a clinician reads them
RELATION_ORDER = (
    ("has_symptom", "Symptoms and signs"),
    ("has_cause", "Causes and associations"),
    ("diagnosed_by", "Diagnosis"),
    ("treated_by", "Treatments"),
    ("has_complication", "Complications"),
    ("differential_diagnosis", "Differential diagnosis"),
    ("specialist", "Specialists"),
)
_KINDS = {
    "OppositePolarity": "opposite polarity: one source affirms what another denies",
    "IncompatibleValue": "incompatible values: the figures cannot both hold",
    "PopulationDifference": "a difference of population or measure: both can hold",
}

_CSS = """
.rank td.n { text-align: right; font-weight: bold; width: 3em; }
.rank td.concept { width: 34%; }
.rank details summary { list-style: revert; }
.quotes { margin: 4px 0 8px; padding-left: 0; list-style: none; }
.quotes li { margin: 6px 0; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: 10px 14px; margin: 14px 0;
        max-width: 1280px; }
.card.contradiction { border-left: 6px solid #d62728; }
.card.tension { border-left: 6px solid #f39c12; }
.card h2 { border: none; margin: 0 0 4px; }
.sides { display: flex; gap: 16px; flex-wrap: wrap; }
.side { flex: 1 1 420px; background: #fafafa; border: 1px solid #e4e4e4; border-radius: 4px;
        padding: 6px 10px; }
.side h3 { margin: 2px 0 6px; }
.toc li { margin: 3px 0; }
.sev { font-weight: bold; }
.sev.contradiction { color: #b00000; }
.sev.tension { color: #a05a00; }
"""

_FILTER_SCRIPT = """
(function () {
  var f = document.getElementById("f-review");
  if (!f) { return; }
  f.addEventListener("change", function () {
    document.querySelectorAll(".unreviewed-claim").forEach(function (x) {
      x.hidden = f.checked;
    });
  });
})();
"""


def _sources(reading: Reading) -> dict[str, Source]:
    return {s.file: s for s in reading.corpus.sources}


def _source_line(claim: Claim, sources: dict[str, Source]) -> str:
    source = sources[claim.source]
    return (
        f"{cited(cite_source(source), link_of_source(source))}{level_badge(source)}"
        f' · <a href="{source_file(source.file)}#c-{claim.id}" title="the quote in its text">'
        "in its text</a>"
    )


def quote_list(claims: Iterable[Claim], sources: dict[str, Source]) -> str:
    """Each claim's quote in its sentence, with its source by name and its marks; a quote two
    claims share is said once."""
    items, seen = [], set()
    for claim in sorted(claims, key=lambda c: (c.source, c.evidence.start, c.id)):
        key = (claim.source, claim.evidence.start, claim.evidence.end, claim.polarity)
        if key in seen:
            continue
        seen.add(key)
        text = sources[claim.source].text
        extra = ' class="unreviewed-claim"' if claim.status is not Status.REVIEWED else ""
        population = "" if claim.population == "all" else f" · population: {e(claim.population)}"
        items.append(
            f"<li{extra}><blockquote>{in_sentence(text, claim.evidence.start, claim.evidence.end)}"
            f"</blockquote>{marks(claim)} {_source_line(claim, sources)}"
            f'<span class="meta">{population}</span></li>'
        )
    return '<ul class="quotes">' + "".join(items) + "</ul>"


def _kind_badges(claims: Sequence[Claim], sources: dict[str, Source]) -> str:
    kinds = sorted({sources[c.source].kind for c in claims})
    return "".join(f'<span class="badge kind">{e(kind_label(k))}</span>' for k in kinds)


def _ranked(claims: Sequence[Claim], reading: Reading, sources: dict[str, Source]) -> str:
    """One row per concept: supporting sources, marks, expanding to its quotes."""
    by_object: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_object[claim.object].append(claim)
    vocabulary = reading.corpus.vocabulary

    def support(obj: str) -> tuple[int, int]:
        group = by_object[obj]
        affirming = {c.source for c in group if c.polarity is Polarity.AFFIRMED}
        negating = {c.source for c in group if c.polarity is Polarity.NEGATED}
        return len(affirming), len(negating)

    rows = []
    order = sorted(by_object, key=lambda o: (-support(o)[0], support(o)[1], o))
    for obj in order:
        group = by_object[obj]
        affirm, negate = support(obj)
        concept = vocabulary.concepts.get(obj)
        label = concept.label if concept else obj
        badges = []
        if negate:
            badges.append(f'<span class="badge neg">NOT in {negate} source(s)</span>')
        affirmed = [c for c in group if c.polarity is Polarity.AFFIRMED]
        if affirmed and all(c.certainty.value == "hedged" for c in affirmed):
            badges.append('<span class="badge hedged">hedged only</span>')
        pending = sum(c.status is not Status.REVIEWED for c in group)
        if pending:
            badges.append(f'<span class="badge unreviewed">{pending} unreviewed</span>')
        extra = ' class="unreviewed-claim"' if pending == len(group) else ""
        link = f'<a href="{concept_file(obj)}">{e(label)}</a>' if concept else e(label)
        rows.append(
            f'<tr{extra}><td class="n" title="sources that affirm it">{affirm}</td>'
            f'<td class="concept">{link}{"".join(badges)}</td>'
            f"<td>{_kind_badges(group, sources)}<details><summary>{len(group)} claim(s): "
            f"the quotes</summary>{quote_list(group, sources)}</details></td></tr>"
        )
    head = "<tr><th>sources</th><th>concept</th><th>kinds of source · quotes</th></tr>"
    return f'<table class="rank">{head}{"".join(rows)}</table>'


def _values_table(claims: Sequence[Claim], sources: dict[str, Source]) -> str:
    rows = []
    ordered = sorted(claims, key=lambda c: ((attribute(c.object) or (c.object, ""))[0], c.source))
    for claim in ordered:
        name, value = attribute(claim.object) or (claim.predicate.replace("_", " "), claim.object)
        extra = ' class="unreviewed-claim"' if claim.status is not Status.REVIEWED else ""
        text = sources[claim.source].text
        rows.append(
            f"<tr{extra}><td>{e(name)}</td><td>{e(value)}{marks(claim)}</td>"
            f"<td>{e(claim.population)}</td><td>{_source_line(claim, sources)}<details>"
            f"<summary>quote</summary><blockquote>"
            f"{in_sentence(text, claim.evidence.start, claim.evidence.end)}"
            "</blockquote></details></td></tr>"
        )
    head = "<tr><th>attribute</th><th>value</th><th>population</th><th>source</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def _conflict_summary(conflicts: Sequence[Conflict], sources: dict[str, Source]) -> str:
    items = []
    for c in conflicts:
        names = sorted({cite_source(sources[x.source]).split(".")[0] for x in c.claims})
        sev = c.severity.lower()
        items.append(
            f'<li><span class="sev {sev}">{e(c.severity)}</span> · '
            f'<a href="conflicts.html#c-{c.id}">{e(c.topic)}</a>'
            f' <span class="meta">({e(", ".join(names))})</span></li>'
        )
    return '<ul class="toc">' + "".join(items) + "</ul>" if items else "<p>None found.</p>"


def _sources_table(reading: Reading) -> str:
    counts: dict[str, int] = defaultdict(int)
    for claim in reading.claims:
        counts[claim.source] += 1
    rows = []
    for source in reading.corpus.sources:
        rows.append(
            f"<tr><td>{cited(cite_source(source), link_of_source(source))}</td>"
            f'<td><span class="badge kind">{e(kind_label(source.kind))}</span></td>'
            f"<td>{level_badge(source)}</td>"
            f'<td>{counts[source.file]}</td><td><a href="{source_file(source.file)}">'
            f'text and claims</a> <span class="file">{e(source.file)}</span></td></tr>'
        )
    head = (
        "<tr><th>source</th><th>kind</th><th>evidence level</th><th>claims</th><th>page</th></tr>"
    )
    return f'<table id="sources">{head}{"".join(rows)}</table>'


def render_condition_page(
    reading: Reading, condition: str, views: Sequence[tuple[str, str, str]] = ()
) -> str:
    """The landing page about concept `condition`; `views` are the site's other pages as
    (href, name, description) rows."""
    vocabulary = reading.corpus.vocabulary
    concept = vocabulary.concepts[condition]
    sources = _sources(reading)
    about = [c for c in reading.claims if c.subject == condition]
    pending = sum(c.status is not Status.REVIEWED for c in about)
    parts = []
    if concept.definition:
        parts.append(f"<p>{e(concept.definition)}</p>")
    if concept.synonyms:
        parts.append(f'<p class="meta">Also called: {e(", ".join(concept.synonyms))}</p>')
    parts.append(
        f"<p>{len(about)} claims from {len({c.source for c in about})} sources"
        f"{f', {pending} not yet reviewed by a curator' if pending else ''}; "
        f'{len(reading.conflicts)} <a href="conflicts.html">conflicts</a>. Concepts are ranked '
        "by the number of sources that affirm them; open a row for its quotes.</p>"
        '<p class="filters"><label><input type="checkbox" id="f-review"> hide claims no '
        "curator has reviewed</label></p>"
    )
    toc = [f'<a href="#{key}">{e(title)}</a>' for key, title in RELATION_ORDER]
    parts.append('<p class="meta">' + " · ".join([*toc, '<a href="#values">Figures</a>']))
    parts[-1] += ' · <a href="#conflicts">Conflicts</a> · <a href="#sources">Sources</a></p>'
    for key, title in RELATION_ORDER:
        claims = [c for c in about if c.predicate == key]
        if claims:
            parts.append(f'<h2 id="{key}">{e(title)}</h2>{_ranked(claims, reading, sources)}')
    values = [c for c in about if not c.entity_valued and c.predicate != "has_synonym"]
    parts.append(f'<h2 id="values">Figures and statements</h2>{_values_table(values, sources)}')
    parts.append(
        f'<h2 id="conflicts">Conflicts</h2>{_conflict_summary(reading.conflicts, sources)}'
    )
    parts.append(f"<h2>Sources</h2>{_sources_table(reading)}")
    if views:
        links = "".join(
            f'<li><a href="{e(href)}">{e(name)}</a> <span class="meta">— {e(what)}</span></li>'
            for href, name, what in views
        )
        parts.append(f"<h2>All pages</h2><ul>{links}</ul>")
    subtitle = "What the sources say, ranked by how many sources say it"
    return page(concept.label, subtitle, "\n".join(parts), _CSS + LEVEL_CSS, _FILTER_SCRIPT)


def _side_name(claim: Claim, reading: Reading) -> str:
    concept = reading.corpus.vocabulary.concepts.get(claim.object) if claim.entity_valued else None
    what = concept.label if concept else claim.object
    verb = "denies" if claim.polarity is Polarity.NEGATED else "affirms"
    group = population_group(claim.population)
    return f"{verb}: {what}" + ("" if group == "all" else f" ({group})")


def render_conflict_cards(reading: Reading) -> str:
    """The conflicts as cards, contradictions first."""
    sources = _sources(reading)
    cards = []
    for c in reading.conflicts:
        sides: dict[str, list[Claim]] = defaultdict(list)
        for claim in c.claims:
            sides[_side_name(claim, reading)].append(claim)
        blocks = []
        for name in sorted(sides, key=lambda n: (not n.startswith("denies"), n)):
            group = sides[name]
            populations = sorted({x.population for x in group})
            blocks.append(
                f'<div class="side"><h3>{e(name)}</h3><p class="meta">population as written: '
                f"{e('; '.join(populations))}</p>{quote_list(group, sources)}</div>"
            )
        sev = c.severity.lower()
        named = sorted({(cite_source(sources[x.source]), x.source) for x in c.claims})
        names = "; ".join(f"{e(name)}{level_badge(sources[file])}" for name, file in named)
        cards.append(
            f'<section class="card {sev}" id="c-{c.id}"><h2><span class="sev {sev}">'
            f"{e(c.severity)}</span>: {e(c.topic)}</h2>"
            f'<p class="meta">{e(_KINDS.get(c.kind, c.kind))} · {c.sources} sources: '
            f"{names}</p>"
            f'<div class="sides">{"".join(blocks)}</div></section>'
        )
    contradictions = sum(c.severity == CONTRADICTION for c in reading.conflicts)
    subtitle = (
        f"{contradictions} contradictions (the statements cannot both hold as written) and "
        f"{len(reading.conflicts) - contradictions} tensions (they can, for different "
        "populations or measures)"
    )
    body = "\n".join(cards) or "<p>No conflicts among these sources.</p>"
    return page("Where the sources disagree", subtitle, body, _CSS + LEVEL_CSS)
