"""The cue phrases that type relations and qualify them: read from the rule tables, compiled once.

The phrases live in tab-separated tables in ``omsgraph/extract/rules/`` that a person can read
and extend (modelled on medspaCy's ConText rules and negspacy's termsets):

- ``relations.tsv``: relation triggers ("is treated with", "caused by", "symptoms include")
  with the frame they announce and where their object stands;
- ``sections.tsv``: section headings ("Symptoms", "Treatment") and the lines that end a
  document's content ("Comments", "References");
- ``context.tsv``: negation and hedging triggers with category, direction and scope,
  pseudo-triggers, terminators, clause breaks and screening phrases;
- ``qualifiers.tsv``: population and frequency qualifiers.

This module holds no phrase of its own: it loads the tables, checks them (a bad row is a
:class:`~omsgraph.errors.DataError` naming the table and line) and compiles each group of
rows into one regular expression. The algorithm that uses them is in :mod:`.qualify`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from omsgraph.errors import DataError
from omsgraph.extract.factoring import (
    Dispatched,
    dispatched,
    factored,
    holds_one,
    led_marks,
    one_pass,
    required,
)

__all__ = [
    "FRAMES",
    "HEDGE_FORWARD",
    "HEDGE_MODAL",
    "SCREEN",
    "TAIL",
    "Rule",
    "context_rules",
    "drug_shape",
    "closers",
    "frame_after",
    "frame_spans",
    "frames_of",
    "heading_frames",
    "introducers",
    "lower",
    "name_cue",
    "not_names",
    "population",
    "qualifier",
    "read_table",
]

#: the columns each table must have, in order
_COLUMNS = {
    "context.tsv": ("literal", "pattern", "category", "direction", "max_scope"),
    "relations.tsv": ("trigger", "pattern", "frame", "direction"),
    "sections.tsv": ("heading", "pattern", "kind"),
    "qualifiers.tsv": ("literal", "pattern", "kind", "value"),
    "morphology.tsv": ("literal", "pattern", "kind"),
    "phrases.tsv": ("literal", "pattern", "kind"),
    "events.tsv": ("event", "pattern", "subject", "concept", "key"),
    "descriptions.tsv": ("description", "pattern", "concept", "key"),
    "anatomy.tsv": ("site", "pattern", "adjective"),
    "retyping.tsv": ("literal", "pattern", "kind"),
    "mechanisms.tsv": ("mechanism", "pattern", "value", "key"),
}
_PHRASE_KINDS = (
    "PHRASE_END",
    "LIST_SEPARATOR",
    "GENERIC_TRIGGER",
    "DETERMINER",
    "NOT_A_NAME",
    "GENERIC_HEAD",
    "NOT_PLURAL",
    "ADJECTIVE_ENDING",
    "ORGANISATION",
    "EXAMPLE",
    "ABNORMAL_BEFORE",
    "ABNORMAL_AFTER",
    "TEST_HEAD",
    "TRACER",
    "OPENING_PREPOSITION",
    "STUDY_AIM",
    "TO_HEAD",
    "CLINICIAN_HEAD",
    "DEFICIT_HEAD",
    "ROUTE",
    "SAMPLED_TEST",
    "SPECIMEN",
)
_RETYPING_KINDS = tuple(
    "WITHDRAWAL DOSE LOWERED RELAPSE EXPOSURE DISEASE_HEAD ASSOCIATION CONTRAST NOT_THE_SAME "
    "ANALYTE INTERCURRENT TUMOUR_REMOVAL ABSENT_SIGN".split()
)
CATEGORIES = frozenset(
    {
        "NEGATED_EXISTENCE",
        "NORMAL_RESULT",
        "POSSIBLE_EXISTENCE",
        "PSEUDO",
        "PSEUDO_POSSIBLE",
        "UNIVERSAL",
        "TERMINATE",
        "CONDITIONAL",
        "APPOSITION",
        "CLAUSE_BREAK",
        "STOP",
        "SCREENING",
        "SUBJECT_VERB",
        "RESPONSE",
        "KEEPING_SUBJECT",
        "OTHER_EXPERIENCER",
    }
)
DIRECTIONS = frozenset({"FORWARD", "BACKWARD", "BIDIRECTIONAL"})
FRAME_NAMES = (
    "differential",
    "synonym",
    "cause",
    "treat",
    "diagnose",
    "symptom",
    "complication",
    "adverse",
    "harm",
    "prodrome",
)


@dataclass(frozen=True)
class Rule:
    """One row of a rule table: its phrase as a regular expression and its other columns."""

    regex: str
    fields: dict[str, str]
    line: int


def _rules_dir() -> Path:
    return Path(__file__).resolve().parent / "rules"  # package data, shipped in the wheel


def read_table(path: Path) -> list[Rule]:
    """The rows of one rule table; comments (``#``) and blank lines are skipped.

    A row's phrase is its ``pattern`` column when given, else its first column taken
    literally (any run of spaces matching one space).
    """
    columns = _COLUMNS.get(path.name)
    if columns is None:
        raise DataError(f"unknown rule table (expected one of {sorted(_COLUMNS)})", path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"cannot read rule table: {error}", path) from None
    rules: list[Rule] = []
    header_seen = False
    for number, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
        if not row or not "".join(row).strip() or row[0].startswith("#"):
            continue
        if not header_seen:
            if tuple(c.strip() for c in row) != columns:
                raise DataError(f"header must be {' | '.join(columns)}", path, number)
            header_seen = True
            continue
        if len(row) > len(columns):
            raise DataError(f"{len(row)} columns, expected {len(columns)}", path, number)
        cells = ([c.strip() for c in row] + [""] * len(columns))[: len(columns)]
        fields = dict(zip(columns, cells, strict=True))
        phrase, pattern = fields[columns[0]], fields["pattern"]
        if not phrase and not pattern:
            raise DataError("a row needs a phrase or a pattern", path, number)
        regex = pattern or r"\s+".join(map(re.escape, phrase.split()))
        try:
            compiled = re.compile(regex)
        except re.error as error:
            raise DataError(f"bad pattern {regex!r}: {error}", path, number) from None
        if compiled.groups > (1 if "name" in compiled.groupindex else 0):
            raise DataError("a pattern must not capture: use (?:...)", path, number)
        _check(path.name, fields, path, number)
        rules.append(Rule(regex, fields, number))
    if not header_seen:
        raise DataError("empty rule table", path)
    return rules


def _check(table: str, fields: dict[str, str], path: Path, line: int) -> None:
    """Reject a value a column does not allow, naming the table and line."""
    allowed: dict[str, Iterable[str]] = {}
    if table == "context.tsv":
        allowed = {"category": CATEGORIES, "direction": DIRECTIONS}
        scope = fields["max_scope"]
        if scope and scope not in ("clause", "comma") and not scope.isdigit():
            raise DataError(
                "max_scope must be a number of words, 'clause', 'comma' or empty", path, line
            )
    elif table == "relations.tsv":
        allowed = {"frame": FRAME_NAMES, "direction": DIRECTIONS}
    elif table == "sections.tsv":
        allowed = {"kind": (*FRAME_NAMES, "END")}
    elif table == "morphology.tsv":
        allowed = {"kind": ("DRUG_ENDING", "DRUG_SALT", "NOT_A_NAME", "SIGN_ADJECTIVE")}
    elif table == "phrases.tsv":
        allowed = {"kind": _PHRASE_KINDS}
    elif table == "retyping.tsv":
        allowed = {"kind": _RETYPING_KINDS}
    elif table == "qualifiers.tsv":
        allowed = {"kind": ("POPULATION", "FREQUENCY")}
        if fields["kind"] == "POPULATION" and fields["value"] not in {"children", "adults"}:
            raise DataError("a POPULATION row's value must be children or adults", path, line)
    for column, values in allowed.items():
        if fields[column] not in values:
            raise DataError(
                f"{column} {fields[column]!r} is not one of {sorted(values)}", path, line
            )


@cache
def table(name: str) -> tuple[Rule, ...]:
    """The rows of the package's rule table ``name``, read once."""
    return tuple(read_table(_rules_dir() / name))


def keys(rule: Rule) -> tuple[str, ...]:
    """The ``key`` words of a row of events.tsv or descriptions.tsv: one of them is in every
    line the row's pattern can match (a quick test before the pattern, for speed)."""
    return tuple(k for k in rule.fields["key"].split("|") if k)


def whole_words(regex: str) -> re.Pattern[str]:
    """``regex`` compiled to match only between word boundaries (a hyphen is part of a word);
    written led by its leading characters where it can be (:func:`led_marks`, for speed)."""
    bounded = rf"(?<![\w-])(?:{regex})(?![\w-])"
    try:
        return re.compile(led_marks([bounded]) or bounded)
    except re.error:  # written led, a lookbehind the regex holds may be too wide
        return re.compile(bounded)


def phrase_rows(kind: str) -> list[Rule]:
    """The ``phrases.tsv`` rows of one kind (openvocab, grounding, qualify and shapes read them)."""
    return [r for r in table("phrases.tsv") if r.fields["kind"] == kind]


def phrase_words(kind: str) -> frozenset[str]:
    """The words of the ``phrases.tsv`` rows of one kind (a pattern row is a|b|c)."""
    return frozenset(w for r in phrase_rows(kind) for w in r.regex.split("|"))


#: a rule that starts with a word (not with punctuation, a class or a lookbehind) is matched
#: at word boundaries
_WORDY = re.compile(r"(?!\(\?<)(?:[A-Za-z0-9(]|\\[wd])")


def alternation(rules: Iterable[Rule], flags: int = 0) -> re.Pattern[str]:
    """One pattern matching any of ``rules`` at word boundaries (longest phrases first)."""
    regexes = sorted({r.regex for r in rules}, key=lambda r: (-len(r), r))
    if not regexes:
        return re.compile(r"(?!x)x")
    words = factored([r for r in regexes if _WORDY.match(r)], fold=bool(flags & re.IGNORECASE))
    marks = [r for r in regexes if not _WORDY.match(r)]  # punctuation: no boundary
    led = None if flags & re.IGNORECASE else led_marks(marks)  # the same, for speed
    words = words and rf"(?<!\w)(?=\w)(?:{words})(?!\w)"
    try:
        return re.compile("|".join(filter(None, [words, led or "|".join(marks)])), flags)
    except re.error:  # a mark's own named group, written once per leading character
        return re.compile("|".join(filter(None, [words, "|".join(marks)])), flags)


def context_rules(category: str, direction: str | None = None) -> list[Rule]:
    """The ``context.tsv`` rows of one category (and direction)."""
    return [
        r
        for r in table("context.tsv")
        if r.fields["category"] == category
        and (direction is None or r.fields["direction"] == direction)
    ]


def _frames() -> dict[str, re.Pattern[str]]:
    rows = table("relations.tsv")
    return {f: alternation(r for r in rows if r.fields["frame"] == f) for f in FRAME_NAMES}


#: relation frames a sentence can carry, each found by its cue phrases (lower-cased text)
FRAMES: dict[str, re.Pattern[str]] = _frames()


def grouped(groups: dict[str, list[Rule]], dispatch: bool = False) -> re.Pattern[str] | Dispatched:
    """One pattern over word-like rules with a named group per key (one scan for all); each
    match's ``lastgroup`` is its key. ``dispatch``: written as one branch per leading letter
    where the phrases allow it (:func:`~omsgraph.extract.factoring.dispatched`; faster for
    many keys, slower for few)."""
    keyed = {
        name: sorted({r.regex for r in rules}, key=lambda r: (-len(r), r))
        for name, rules in groups.items()
    }
    keyed = {name: regexes for name, regexes in keyed.items() if regexes}
    if not keyed:
        nothing = re.compile(r"(?!x)x")
        return Dispatched(nothing, {}) if dispatch else nothing
    fast = dispatched(keyed) if dispatch else None
    if fast is not None:
        try:
            return Dispatched(re.compile(rf"(?<!\w)(?=[a-z0-9])(?:{fast[0]})(?!\w)"), fast[1])
        except re.error:  # a rule's own named group, written once per letter
            pass
    bodies = "|".join(f"(?P<{name}>{factored(regexes)})" for name, regexes in keyed.items())
    plain = re.compile(rf"(?<!\w)(?=[a-z0-9])(?:{bodies})(?!\w)")
    return Dispatched(plain, {k: k for k in keyed}) if dispatch else plain


def _relation_rows(direction: str | None = None) -> dict[str, list[Rule]]:
    rows = table("relations.tsv")
    return {
        f: [
            r for r in rows if r.fields["frame"] == f and direction in (None, r.fields["direction"])
        ]
        for f in sorted(FRAME_NAMES, key=lambda f: f != "adverse")  # "infusion reactions"
    }  # before "infusion": a side effect's cue is tried first where both start


#: every frame's cues in one pattern, one named group per frame (one scan per sentence)
_ALL_FRAMES = grouped(_relation_rows(), dispatch=True)
_LAST_FRAMES: list = [None, None]  # (text, frame spans) of the text frame_spans read last


class _AfterFrames:
    """A pattern of a subset of the frame cues, searched only in a text where the frame cues
    were found: a text :func:`frame_spans` has just found none in holds none of it either
    (every match of the subset at a position is a match of all cues there). For speed."""

    def __init__(self, pattern: re.Pattern[str]):
        self.compiled = pattern

    def __getattr__(self, name: str):  # pattern, match, search ... as the pattern's own
        return getattr(self.compiled, name)

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        if not args and string is _LAST_FRAMES[0] and not _LAST_FRAMES[1]:
            return iter(())
        return self.compiled.finditer(string, *args)


#: the FORWARD triggers of each frame: a phrase right after one is that frame's object
_INTRODUCERS = _AfterFrames(grouped(_relation_rows("FORWARD"), dispatch=True))
#: BACKWARD triggers: they type the mention just before them ("phenytoin toxicity")
_BACKWARD = grouped(_relation_rows("BACKWARD"))

_HEADINGS: dict[str, re.Pattern[str]] = {
    kind: alternation((r for r in table("sections.tsv") if r.fields["kind"] == kind), re.I)
    for kind in FRAME_NAMES
}
_TAIL_BODY = "|".join(r.regex for r in table("sections.tsv") if r.fields["kind"] == "END")
#: a line that ends the document's content: comments, other posts, references, site chrome
TAIL = re.compile(rf"^\s*(?:{_TAIL_BODY})\s*:?\s*$", re.I)

#: a search for something, not a statement that it is there ("tested to see if ... a tumor")
SCREEN = alternation(context_rules("SCREENING"))
#: hedges whose scope is the whole clause (modal verbs)
HEDGE_MODAL = alternation(
    r for r in context_rules("POSSIBLE_EXISTENCE") if r.fields["max_scope"] == "clause"
)
#: hedges whose scope runs forward from the cue
HEDGE_FORWARD = alternation(
    r for r in context_rules("POSSIBLE_EXISTENCE") if r.fields["max_scope"] != "clause"
)

_QUALIFIERS = table("qualifiers.tsv")
_CHILDREN = alternation(r for r in _QUALIFIERS if r.fields["value"] == "children")
_ADULTS = alternation(r for r in _QUALIFIERS if r.fields["value"] == "adults")
_FREQUENCY = re.compile(
    factored(
        sorted((r.regex for r in _QUALIFIERS if r.fields["kind"] == "FREQUENCY"), key=len)[::-1]
    )
)


def _morphology(kind: str) -> str:
    rows = [r.regex for r in table("morphology.tsv") if r.fields["kind"] == kind]
    return factored(sorted(rows, key=lambda r: (-len(r), r))) or r"(?!x)x"


@cache
def sign_adjectives(name: str) -> tuple[str, ...]:
    """The adjectives of a one-word sign name (``rules/morphology.tsv`` SIGN_ADJECTIVE):
    ``ataxia`` -> ``("ataxic",)``; none for a name of several words."""
    if " " in name or "-" in name:
        return ()
    made = (
        name[: -len(r.fields["literal"])] + r.fields["pattern"]
        for r in table("morphology.tsv")
        if r.fields["kind"] == "SIGN_ADJECTIVE"
        and name.endswith(r.fields["literal"])
        and len(name) > len(r.fields["literal"]) + 2
    )
    return tuple(a for a in made if a not in not_names())  # "arrhythmic" saccades: no sign


def drug_shape() -> re.Pattern[str]:
    """A word shaped like a drug name (``rules/morphology.tsv``), on lower-cased text."""
    salts = _morphology("DRUG_SALT")
    return re.compile(  # a prefix joined by a hyphen is the name's own ("co-trimoxazole")
        rf"\b(?:[a-z]{{1,4}}-)?[a-z]{{3,}}(?:{_morphology('DRUG_ENDING')})\b(?:\s+(?:{salts}))?"
    )


@cache
def not_names() -> frozenset[str]:
    """Words shaped like a concept name that name none ("glaucoma" is no tumour)."""
    return frozenset(
        r.fields["literal"] for r in table("morphology.tsv") if r.fields["kind"] == "NOT_A_NAME"
    )


def name_cue() -> re.Pattern[str]:
    """The synonym triggers of ``rules/relations.tsv`` with a following colon, any case."""
    return re.compile(f"(?:{FRAMES['synonym'].pattern})" + r"\s*:?\s*", re.IGNORECASE)


def lower(text: str) -> str:
    """``text`` in lower case with every offset unchanged (a few letters lower to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def frame_spans(text: str) -> list[tuple[int, str]]:
    """(position, frame) of every cue phrase in lower-cased ``text``."""
    spans = [(m.start(), frame) for m, frame in _ALL_FRAMES.keyed(text)]
    _LAST_FRAMES[:] = text, spans
    return spans


def frames_of(text: str) -> frozenset[str]:
    """The relation frames whose cue phrases occur in lower-cased ``text``."""
    return frozenset(frame for _, frame in frame_spans(text))


def introducers(text: str) -> list[tuple[int, str]]:
    """(end, frame) of every FORWARD trigger in lower-cased ``text``: an object follows it."""
    return [(m.end(), m.lastgroup or "") for m in _INTRODUCERS.finditer(text)]


def closers(text: str) -> list[tuple[int, str]]:
    """(start, frame) of every BACKWARD trigger in lower-cased ``text``: its object stands
    before it ("acute cerebellitis and infantile spasms| were considered")."""
    return [(m.start(), m.lastgroup or "") for m in _BACKWARD.finditer(text)]


def frame_after(text: str, at: int) -> str | None:
    """The frame of a BACKWARD trigger right after position ``at`` ("phenytoin| toxicity")."""
    match = _BACKWARD.match(text, at + 1 if text[at : at + 1] in " -" else at)
    return match.lastgroup if match else None


def heading_frames(line: str) -> frozenset[str]:
    """The section kinds a heading line announces ("Causes and symptoms" -> cause, symptom)."""
    return frozenset(name for name, pattern in _HEADINGS.items() if pattern.search(line))


def population(text: str) -> str:
    """``children``, ``adults`` or ``all``, from what the lower-cased sentence says."""
    if text == _LAST_POPULATION[0]:  # the entity and the value claims of a sentence ask both
        return _LAST_POPULATION[1]
    kids = bool(_CHILDREN.search(text))
    adults = holds_one(text, _ADULT_STRINGS) and bool(_ADULTS.search(text))  # quick test first
    found = "all" if kids == adults else "children" if kids else "adults"
    _LAST_POPULATION[:] = text, found
    return found


_LAST_POPULATION = [None, "all"]
#: fixed strings one of which each match holds: a sentence without them is not searched (speed)
_ADULT_STRINGS, _FREQUENCY_STRINGS = one_pass(required(_ADULTS)), one_pass(required(_FREQUENCY))


def qualifier(text: str) -> str:
    """A frequency or percentage the sentence states, or ``""``."""
    match = _FREQUENCY.search(text) if holds_one(text, _FREQUENCY_STRINGS) else None
    return match.group(0) if match else ""
