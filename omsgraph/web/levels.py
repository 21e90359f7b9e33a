"""The evidence level of a source as the reading pages show it: one small badge, the same
wherever a source is named (its page's header, the condition page's quotes and sources table,
the conflict cards, the concept pages), so a reader weighs a quote by what it comes from.

The level is the one the corpus gives each source (``Source.evidence_level``: from its
publication types, MeSH headings and kind, or as its record sets it); the badge's shade says
how strong it is: research syntheses and trials, primary clinical studies, single reports and
articles, and pages written for the public.
"""

from __future__ import annotations

from omsgraph.corpus.model import EVIDENCE_LEVELS, Source, evidence_rank
from omsgraph.web.pagekit import e

__all__ = ["LEVEL_CSS", "level_badge", "level_name"]

#: the badge's shades, strongest first (the class names the badge carries)
_SHADES = (
    ("synthesis", ("guideline", "systematic-review", "trial")),
    ("study", ("review", "cohort", "case-series")),
    ("report", ("case-report", "article")),
    ("lay", ("encyclopedia", "patient-page", "blog")),
)
_SHADE_OF = {level: shade for shade, levels in _SHADES for level in levels}

LEVEL_CSS = """
.badge.level b { font-weight: bold; }
.badge.level.synthesis { background: #dcebfa; border-color: #1f4e79; color: #10304f; }
.badge.level.study { background: #e8f1f8; border-color: #5b86ad; color: #1d3a55; }
.badge.level.report { background: #f3f3f3; border-color: #8a8a8a; color: #333; }
.badge.level.lay { background: #fbf4ec; border-color: #b08a5e; color: #5a3d1c; }
"""


def level_name(level: str) -> str:
    """``case-report`` -> ``case report``."""
    return level.replace("-", " ")


def level_badge(source: Source) -> str:
    """The badge of `source`'s evidence level, "evidence: case report" (escaped; its rank in
    the title)."""
    level = source.evidence_level
    shade = _SHADE_OF.get(level, "report")
    if level in EVIDENCE_LEVELS:
        rank = f"{evidence_rank(level) + 1} of {len(EVIDENCE_LEVELS)}, strongest first"
    else:
        rank = "not a known level"
    title = f"evidence level: {level_name(level)} ({rank})"
    return (
        f'<span class="badge level {shade}" data-level="{e(level)}" title="{e(title)}">'
        f"evidence: <b>{e(level_name(level))}</b></span>"
    )
