"""The shell the reading pages share (source texts, the condition, concepts, conflicts): one
stylesheet, a navigation line, escaping helpers and data for scripts, so that every text from a
source enters a page only escaped and every page stays offline.

Pages are plain HTML written from the corpus (claims, sources, vocabulary): no script or style
is loaded from anywhere; a link to a DOI or PubMed record is followed only on a click.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from omsgraph.corpus.model import Claim, Polarity, Status
from omsgraph.web.offline import check_offline

__all__ = [
    "RELATION_COLOURS",
    "cited",
    "in_sentence",
    "concept_file",
    "e",
    "marks",
    "page",
    "script_data",
    "source_file",
]

#: a highlight colour per relation (light, so that the text on it stays readable)
RELATION_COLOURS = {
    "has_symptom": "#cfe3ff",
    "has_cause": "#ffd9b3",
    "treated_by": "#c9f0c9",
    "diagnosed_by": "#e5d4ff",
    "has_complication": "#ffc9d6",
    "differential_diagnosis": "#d9d9d9",
    "specialist": "#c9eef0",
    "has_synonym": "#eeeeee",
    "epidemiology": "#fff2a8",
    "prognosis": "#f0e0c9",
    "mechanism": "#e0f0c9",
    "other": "#eeeeee",
}

_CSS = """
body { font-family: arial, helvetica, sans-serif; color: #1d1d1d; margin: 0; font-size: 15px;
       line-height: 1.5; }
header { padding: 10px 24px 8px; border-bottom: 1px solid #ddd; background: #fafafa; }
header h1 { font-size: 22px; margin: 0 0 4px; }
header .sub { margin: 0; color: #444; font-size: 14px; }
nav { font-size: 14px; margin-bottom: 4px; }
nav a { margin-right: 14px; }
main { padding: 12px 24px 40px; }
a { color: #1f4e79; }
h2 { font-size: 19px; margin: 22px 0 8px; border-bottom: 1px solid #e3e3e3; }
h3 { font-size: 16px; margin: 14px 0 6px; }
table { border-collapse: collapse; margin: 6px 0 14px; }
th, td { text-align: left; vertical-align: top; padding: 4px 10px;
         border-bottom: 1px solid #e6e6e6; }
th { background: #f3f3f3; font-size: 14px; }
.meta { color: #555; font-size: 13px; }
.file { color: #777; font-size: 12px; font-family: monospace; }
.badge { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 8px;
         margin-left: 4px; border: 1px solid #bbb; background: #f4f4f4; color: #333;
         white-space: nowrap; }
.badge.neg { background: #fde2e2; border-color: #d62728; color: #8b0000; }
.badge.hedged { background: #eef; border-color: #77a; color: #334; font-style: italic; }
.badge.unreviewed { background: #fff1c2; border-color: #c98a00; color: #6b4500;
                    font-weight: bold; }
.badge.kind { background: #eef6ee; border-color: #8ab38a; }
.unreviewed-claim { background: #fffaf0; outline: 2px dashed #c98a00; outline-offset: 1px; }
blockquote { margin: 4px 0 6px 0; padding: 2px 10px; border-left: 4px solid #c8c8c8;
             background: #fafafa; }
blockquote b { background: #fff2a8; font-weight: normal; }
details > summary { cursor: pointer; }
.filters { font-size: 14px; margin: 6px 0; }
"""


def e(text: object) -> str:
    """``text`` escaped for HTML (quotes too: safe in attributes)."""
    return escape(str(text), quote=True)


def script_data(value: Any) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element (no ``</``, no ``<!--``)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def source_file(file: str) -> str:
    """The page of a source: ``source-<stem>.html`` (as the site's index names it)."""
    stem = file.rsplit(".", 1)[0] if file.endswith(".txt") else file
    return "source-" + (re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-") or "source") + ".html"


def concept_file(concept_id: str) -> str:
    """The page of a concept: ``concept-<id>.html``."""
    return "concept-" + (re.sub(r"[^A-Za-z0-9._-]+", "-", concept_id).strip("-") or "x") + ".html"


def cited(citation: str, link: str) -> str:
    """The citation, as a link to the work where its address is known."""
    if link.startswith(("https://", "http://")):
        return f'<a href="{e(link)}" rel="noopener noreferrer">{e(citation)}</a>'
    return e(citation)


def marks(claim: Claim) -> str:
    """Badges for what sets a claim apart: negated, hedged, not reviewed by a curator."""
    out = []
    if claim.polarity is Polarity.NEGATED:
        out.append('<span class="badge neg" title="the source denies it">NOT</span>')
    if claim.certainty.value == "hedged":
        out.append('<span class="badge hedged" title="the source hedges it">hedged</span>')
    if claim.status is not Status.REVIEWED:
        made = [claim.status.value, claim.method.value]
        if claim.confidence is not None:
            made.append(f"confidence {claim.confidence:g}")
        out.append(f'<span class="badge unreviewed" title="{e(", ".join(made))}">unreviewed</span>')
    return "".join(out)


_NAV = (
    ("index.html", "Condition"),
    ("index.html#sources", "Sources"),
    ("conflicts.html", "Conflicts"),
    ("omsgraph.html", "Graph of every claim"),
    ("citations.html", "Citations"),
)


def page(title: str, subtitle: str, body: str, extra_css: str = "", script: str = "") -> str:
    """A whole page: the shared header and navigation, ``body`` (already escaped markup) and
    an inline ``script``; checked to load nothing from anywhere."""
    nav = "".join(f'<a href="{href}">{e(name)}</a>' for href, name in _NAV)
    html = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{_CSS}{extra_css}</style>\n</head>\n<body>\n"
        f'<header><nav aria-label="pages">{nav}</nav><h1>{e(title)}</h1>'
        f'<p class="sub">{subtitle}</p></header>\n<main>\n{body}\n</main>\n'
        + (f"<script>{script}</script>\n" if script else "")
        + "</body>\n</html>\n"
    )
    check_offline(html, allow_links=True)
    return html


_STOP = re.compile(r"[.!?](?=\s)|\n")
#: a quote's sentence shows at most this many characters each side of the quote
_CONTEXT = 240


def in_sentence(text: str, start: int, end: int) -> str:
    """The sentence (line) around ``text[start:end]`` as markup, the quote in ``<b>``: a quote
    read in its context; at most `_CONTEXT` characters each side, cut with an ellipsis."""
    before_stops = [m.end() for m in _STOP.finditer(text, max(0, start - _CONTEXT), start)]
    left = before_stops[-1] if before_stops else max(0, start - _CONTEXT)
    after = _STOP.search(text, end, min(len(text), end + _CONTEXT))
    right = after.end() if after else min(len(text), end + _CONTEXT)
    if right > end and text[right - 1] == "\n":
        right -= 1
    head = ("…" if left > 0 and not before_stops else "") + e(text[left:start].lstrip())
    tail = e(text[end:right].rstrip()) + ("…" if not after and right < len(text) else "")
    return f"{head}<b>{e(text[start:end])}</b>{tail}"
