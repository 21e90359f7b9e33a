"""Tables flattened to text: rows of cells split by bars ("Drug | Dose | Side effects").

A table's header row names its columns, not a section. A column whose header is all about a
treatment's side effects ("Side effects", "Adverse events", "Toxicity") holds no signs of the
condition: the signs named in its cells are dropped, as under a side-effects heading.
"""

from __future__ import annotations

from omsgraph.extract import cues
from omsgraph.extract.lexicon import Mention

__all__ = ["Columns", "table_rows"]

_SIGNS = frozenset({"symptom", "complication", "finding"})


def table_rows(text: str) -> dict[int, bool]:
    """Where the rows of a table start, each with whether it is the table's first (its header):
    lines of three or more cells split by bars, next to a line of as many cells ("Test |
    Purpose | Notes" over "Lumbar puncture | Inflammation | Oligoclonal bands"). A bar of links
    stands alone; a table's rows are content."""
    if "|" not in text:
        return {}
    lines, at = [], 0
    for line in text.split("\n"):  # a blank line ends a table
        lines.append((at, line.count("|")))
        at += len(line) + 1
    rows: dict[int, bool] = {}
    for i, (at, bars) in enumerate(lines):
        if bars >= 2 and any(0 <= j < len(lines) and lines[j][1] == bars for j in (i - 1, i + 1)):
            rows[at] = not (i and lines[i - 1][1] == bars)
    return rows


class Columns:
    """The columns of the table being read: which of them hold a treatment's side effects."""

    def __init__(self) -> None:
        self.adverse: frozenset[int] = frozenset()

    def header(self, line: str) -> None:
        """Read a header row: the columns its cells name as side effects."""
        cells = line.split("|")
        self.adverse = frozenset(
            i for i, cell in enumerate(cells) if cues.heading_frames(cell.strip()) == {"adverse"}
        )

    def keep(self, raw: str, start: int, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` of the row ``raw`` (at ``start``) less the signs in side-effect columns."""
        if not self.adverse:
            return mentions
        bars = [i for i, c in enumerate(raw) if c == "|"]

        def column(at: int) -> int:
            return sum(1 for b in bars if b < at - start)

        return [
            m
            for m in mentions
            if m.concept.type not in _SIGNS or column(m.start) not in self.adverse
        ]
