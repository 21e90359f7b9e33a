"""A page per source that shows its text: every claim's quote highlighted at its offsets, so
that each claim can be checked against the words it was read from.

The text is split at every claim's start and end; each piece covered by claims is one
``<mark>`` naming them (``data-claims``), coloured by the relation of the narrowest claim over
it; a negated claim is underlined in red, a hedged one in dots, an unreviewed one outlined. A
click on a highlight shows its claims (concept, relation, polarity, certainty, population,
the reference the source cites, review status); the claim list stands beside the text. The
lines the extractor leaves out (page chrome, other diseases), when given, are dimmed. The
pieces of a claim, joined, are exactly its quote (the test opens every page in Chromium).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

from omsgraph.corpus.model import Claim, Polarity, Source, Status
from omsgraph.corpus.vocabulary import Vocabulary
from omsgraph.graph.citation import cite_source, kind_label, link_of_source
from omsgraph.web.levels import LEVEL_CSS, level_badge
from omsgraph.web.pagekit import (
    RELATION_COLOURS,
    cited,
    concept_file,
    e,
    marks,
    page,
    script_data,
)

__all__ = ["claim_record", "render_source_page"]

_CSS = """
.wrap { display: flex; gap: 22px; align-items: flex-start; }
#text { flex: 1 1 60%; white-space: pre-wrap; font-size: 15px; line-height: 1.6; max-width: 900px;
        background: #fff; border: 1px solid #e3e3e3; padding: 12px 16px; }
#side { flex: 0 0 520px; position: sticky; top: 8px; max-height: calc(100vh - 16px);
        overflow-y: auto; font-size: 14px; }
#panel { border: 1px solid #bbb; border-radius: 4px; padding: 8px 10px; margin-bottom: 10px;
         background: #fcfcfc; }
#panel[hidden] { display: none; }
#claims { list-style: none; padding: 0; margin: 0; }
#claims li { padding: 4px 6px; border-bottom: 1px solid #eee; cursor: pointer; }
#claims li:hover, #claims li.on { background: #f0f4fa; }
#claims .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 5px;
                  border: 1px solid #999; vertical-align: -1px; }
mark { color: inherit; cursor: pointer; border-radius: 2px; padding: 1px 0; }
mark.neg { text-decoration: underline wavy #d62728; text-decoration-thickness: 2px;
           text-underline-offset: 3px; }
mark.hedged { border-bottom: 2px dotted #334; }
mark.unreviewed { outline: 2px dashed #c98a00; }
mark.on { box-shadow: 0 0 0 2px #1f4e79; }
.out { color: #9a9a9a; }
.legend span { display: inline-block; margin-right: 12px; font-size: 13px; }
.legend i { display: inline-block; width: 12px; height: 12px; border: 1px solid #999;
            vertical-align: -1px; margin-right: 4px; }
"""

_SCRIPT = """
(function () {
  var claims = JSON.parse(document.getElementById("claim-data").textContent);
  var panel = document.getElementById("panel");
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) { x.className = cls; }
    if (text !== undefined && text !== null) { x.textContent = String(text); }
    return x;
  }
  function select(ids) {
    document.querySelectorAll("mark.on, #claims li.on").forEach(function (x) {
      x.classList.remove("on");
    });
    panel.replaceChildren();
    ids.forEach(function (id) {
      var c = claims[id];
      if (!c) { return; }
      document.querySelectorAll("mark").forEach(function (m) {
        if (m.dataset.claims.split(" ").indexOf(id) >= 0) { m.classList.add("on"); }
      });
      var item = document.getElementById("c-" + id);
      if (item) { item.classList.add("on"); }
      var box = el("div", "claim");
      var head = el("div");
      head.appendChild(el("b", null, c.relation + " "));
      if (c.href) {
        var a = el("a", null, c.object); a.href = c.href; head.appendChild(a);
      } else { head.appendChild(el("span", null, c.object)); }
      box.appendChild(head);
      var facts = [c.polarity, c.certainty, "population: " + c.population];
      if (c.qualifier) { facts.push("qualifier: " + c.qualifier); }
      box.appendChild(el("div", "meta", facts.join(" · ")));
      var ok = c.status === "reviewed";
      box.appendChild(el("div", ok ? "meta" : "badge unreviewed",
                         ok ? "reviewed by a curator" : "unreviewed: " + c.made));
      if (c.reference) { box.appendChild(el("div", "meta", "cites: " + c.reference)); }
      box.appendChild(el("blockquote", null, c.quote));
      panel.appendChild(box);
    });
    panel.hidden = ids.length === 0;
  }
  document.getElementById("text").addEventListener("click", function (ev) {
    var m = ev.target.closest("mark");
    if (m) { select(m.dataset.claims.split(" ")); }
  });
  document.getElementById("claims").addEventListener("click", function (ev) {
    var li = ev.target.closest("li");
    if (!li) { return; }
    var id = li.id.slice(2);
    select([id]);
    var m = document.querySelector("mark.on");
    if (m) { m.scrollIntoView({block: "center"}); }
  });
  var review = document.getElementById("f-review");
  review.addEventListener("change", function () {
    document.querySelectorAll("#claims li").forEach(function (li) {
      var c = claims[li.id.slice(2)];
      li.hidden = review.value === "unreviewed" ? c.status === "reviewed"
                : review.value === "reviewed" ? c.status !== "reviewed" : false;
    });
  });
  if (location.hash.indexOf("#c-") === 0 && claims[location.hash.slice(3)]) {
    select([location.hash.slice(3)]);
    var first = document.querySelector("mark.on");
    if (first) { first.scrollIntoView({block: "center"}); }
  }
  window.sourcePageReady = true;
})();
"""


def claim_record(claim: Claim, vocabulary: Vocabulary, source: Source) -> dict[str, object]:
    """What a click on a claim shows: its concept (with the concept's page), relation,
    qualifiers, the reference its source cites, its quote and its review status."""
    concept = vocabulary.concepts.get(claim.object) if claim.entity_valued else None
    reference = source.reference(claim.reference) if claim.reference else None
    made = [claim.status.value, claim.method.value]
    if claim.confidence is not None:
        made.append(f"confidence {claim.confidence:g}")
    return {
        "relation": claim.predicate.replace("_", " "),
        "object": concept.label if concept else claim.object,
        "href": concept_file(concept.id) if concept else "",
        "polarity": claim.polarity.value,
        "certainty": claim.certainty.value,
        "population": claim.population,
        "qualifier": claim.qualifier,
        "reference": reference.citation if reference else "",
        "quote": claim.evidence.quote,
        "status": claim.status.value,
        "made": ", ".join(made),
    }


def _classes(claim: Claim) -> list[str]:
    out = []
    if claim.polarity is Polarity.NEGATED:
        out.append("neg")
    if claim.certainty.value == "hedged":
        out.append("hedged")
    if claim.status is not Status.REVIEWED:
        out.append("unreviewed")
    return out


def _pieces(text: str, claims: Sequence[Claim], dimmed: Iterable[tuple[int, int]]) -> str:
    """The text as markup: a ``<mark>`` per stretch covered by claims, dimmed stretches out."""
    cuts = {0, len(text)}
    for claim in claims:
        cuts.update((claim.evidence.start, claim.evidence.end))
    out_spans = sorted(dimmed)
    for start, end in out_spans:
        cuts.update((start, end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for start, end in pairwise(bounds):
        over = [c for c in claims if c.evidence.start <= start and end <= c.evidence.end]
        piece = e(text[start:end])
        if over:
            narrow = min(over, key=lambda c: (c.evidence.end - c.evidence.start, c.id))
            classes = sorted({k for c in over for k in _classes(c)})
            colour = RELATION_COLOURS.get(narrow.predicate, "#eeeeee")
            ids = " ".join(sorted(c.id for c in over))
            cls = f' class="{" ".join(classes)}"' if classes else ""
            piece = f'<mark data-claims="{ids}"{cls} style="background:{colour}">{piece}</mark>'
        elif any(s <= start and end <= t for s, t in out_spans):
            piece = f'<span class="out">{piece}</span>'
        out.append(piece)
    return "".join(out)


def _claim_list(claims: Sequence[Claim], records: Mapping[str, Mapping[str, object]]) -> str:
    items = []
    for claim in sorted(claims, key=lambda c: (c.evidence.start, c.id)):
        record = records[claim.id]
        colour = RELATION_COLOURS.get(claim.predicate, "#eeeeee")
        extra = ' class="unreviewed-claim"' if claim.status is not Status.REVIEWED else ""
        items.append(
            f'<li id="c-{claim.id}"{extra}><span class="swatch" style="background:{colour}">'
            f"</span><b>{e(record['relation'])}</b> {e(record['object'])}{marks(claim)}"
            f'<div class="meta">{e(claim.population)} · “{e(claim.evidence.quote[:90])}'
            f"{'…' if len(claim.evidence.quote) > 90 else ''}”</div></li>"
        )
    return "".join(items)


def _legend(claims: Sequence[Claim]) -> str:
    used = sorted({c.predicate for c in claims})
    parts = [
        f'<span><i style="background:{RELATION_COLOURS.get(p, "#eee")}"></i>'
        f"{e(p.replace('_', ' '))}</span>"
        for p in used
    ]
    parts.append('<span><u style="text-decoration: underline wavy #d62728">negated</u></span>')
    parts.append('<span style="border-bottom: 2px dotted #334">hedged</span>')
    parts.append('<span style="outline: 2px dashed #c98a00">unreviewed</span>')
    parts.append('<span class="out">left out by the extractor</span>')
    return '<p class="legend">' + "".join(parts) + "</p>"


def render_source_page(
    source: Source,
    claims: Sequence[Claim],
    vocabulary: Vocabulary,
    dimmed: Iterable[tuple[int, int]] = (),
) -> str:
    """The page of `source`: its text with `claims` (its own) highlighted, the claim list
    beside it; `dimmed` are (start, end) stretches the extractor left out."""
    claims = [c for c in claims if c.source == source.file]
    records = {c.id: claim_record(c, vocabulary, source) for c in claims}
    unreviewed = sum(c.status is not Status.REVIEWED for c in claims)
    facts = [f'<span class="badge kind">{e(kind_label(source.kind))}</span>' + level_badge(source)]
    address = link_of_source(source)
    if address:
        facts.append(cited(address, address))
    for value in (source.container, source.publisher, source.date):
        if value:
            facts.append(e(value))
    if source.authors:
        facts.append("by " + e(", ".join(source.authors)))
    if source.editors:
        facts.append("edited by " + e(", ".join(source.editors)))
    facts.append(f'<span class="file">{e(source.file)}</span>')
    subtitle = " · ".join(facts)
    body = (
        f"{_legend(claims)}"
        f'<div class="wrap"><div id="text">{_pieces(source.text, claims, dimmed)}</div>'
        f'<aside id="side"><div id="panel" hidden aria-live="polite"></div>'
        f"<h2>{len(claims)} claims"
        f"{f' · {unreviewed} unreviewed' if unreviewed else ''}</h2>"
        '<p class="filters"><label>show <select id="f-review"><option value="">all claims'
        '</option><option value="reviewed">reviewed only</option><option value="unreviewed">'
        "unreviewed only</option></select></label> · click a claim or a highlight</p>"
        f'<ul id="claims">{_claim_list(claims, records)}</ul></aside></div>'
        f'<script type="application/json" id="claim-data">{script_data(records)}</script>'
    )
    return page(cite_source(source), subtitle, body, _CSS + LEVEL_CSS, _SCRIPT)
