"""One sentence's cues, found once, then asked per mention: frames, negation and hedging scope.

The triggers come from ``rules/context.tsv`` (see :mod:`.cues`); this module is the
algorithm, NegEx/ConText style:

- a FORWARD negation trigger negates a mention after it, at most ``max_scope`` words away,
  when no terminator ("but", "which", ";", a bracket ...) stands between them;
- a BACKWARD trigger ("is not", "do not", "was ruled out") negates the mention just before
  it, when only a few words and no punctuation stand between (the subject of a negated verb
  group: "Steroids do not help", "Chemotherapy is not needed");
- a NORMAL_RESULT trigger ("was unremarkable", "were normal") leaves a test affirmed (the
  test was done) and negates any other mention (a finding that is absent);
- a PSEUDO trigger ("not only", "not uncommon") negates nothing; a negated universal ("not
  always") negates nothing and hedges; a bracket the mention stands in runs on to its verb;
- a clause hedge ("may", "likely") covers its clause; a FORWARD hedge ("often", "thought
  to") runs to the next ";" or ":"; a BACKWARD hedge covers the subject of its verb group
  ("Tumour removal is rarely curative"); PSEUDO_POSSIBLE phrases ("most often") hedge nothing;
- a question ("Does OMS cause learning problems?") asserts nothing: all of it is hedged."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from omsgraph.extract import cues
from omsgraph.extract.brackets import TAIL as _BRACKET_TAIL
from omsgraph.extract.brackets import panel as _panel
from omsgraph.extract.factoring import Keywords, holds_one, one_pass, required

__all__ = ["SentenceCues"]

_PUNCT = re.compile(r"[,.;:!?()\[\]]")
_HARD_PUNCT = re.compile(r"[.;:!?()\[\]]")
# grammar, not cue phrases: how a coordinated subject ("A, B and C are ...") is built
_LIST_SEPARATOR = re.compile(r",\s*(?:and/or\s+|and\s+|or\s+)?|\s+(?:and/or|and|or)\s+")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b")
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|be|been|do|does|did|has|have|had|can|could|may|might|will|would|"
    r"should|must)\s*$"
)
_AUXILIARY_START = re.compile(_AUXILIARY.pattern[:-4] + r"(?!\w)")
_PREPOSITION = frozenset(
    "after before with without in on at by for from following during despite since of to "
    "unlike besides than".split()
)
_MAX_ITEM = 4  # words of one item of a coordinated subject
_TO_COMMA = -1  # max_scope "comma": the scope ends at the next punctuation mark
#: words between a forward negation and a test that it still negates ("no MRI or CT was done");
#: farther on, the negation is of a finding the test looked for, and the test was done
_TEST_REACH = 2


@dataclass(frozen=True)
class _Scanner:
    """The triggers of one (category, direction, scope) group, compiled into one pattern."""

    category: str
    direction: str
    scope: int | None  # words; None = to the next terminator / stop (or the clause)
    pattern: re.Pattern[str]
    #: fixed strings one of which each match holds (factoring.required): a quick test first
    strings: frozenset[str] | None = None


def _scanners() -> list[_Scanner]:
    groups: dict[tuple[str, str, str], list[cues.Rule]] = {}
    for rule in cues.table("context.tsv"):
        f = rule.fields
        groups.setdefault((f["category"], f["direction"], f["max_scope"]), []).append(rule)
    out = []
    for (category, direction, scope), rules in sorted(groups.items()):
        words = int(scope) if scope.isdigit() else None
        pattern = cues.alternation(rules)
        out.append(_Scanner(category, direction, words, pattern, required(pattern)))
    return out


_SCANNERS = _scanners()


def _of(category: str) -> list[_Scanner]:
    return [s for s in _SCANNERS if s.category == category]


def _one(category: str) -> re.Pattern[str]:
    return cues.alternation(cues.context_rules(category))


_PSEUDO = _one("PSEUDO")
_UNIVERSAL = _one("UNIVERSAL")
_UNIVERSAL_REACH = max((s.scope or 2 for s in _of("UNIVERSAL")), default=2)
_TERMINATOR = _one("TERMINATE")
_APPOSITION = _one("APPOSITION")  # "X, including Y and Z, are not ..."
_CONDITIONAL = _one("CONDITIONAL")
_SUBJECT_VERB = _one("SUBJECT_VERB")
_UNIVERSAL_STRINGS = one_pass(required(_UNIVERSAL))
_SUBJECT_VERB_STRINGS = one_pass(required(_SUBJECT_VERB))
_KEEPING_SUBJECT = _one("KEEPING_SUBJECT")
_ADVERB_BEFORE = re.compile(r"\w{3,}ly\s+$")  # grammar: an adverb before a participle
_OTHER_EXPERIENCERS = tuple((s.pattern, s.scope or 2) for s in _of("OTHER_EXPERIENCER"))  # reach
_NEG = _of("NEGATED_EXISTENCE") + _of("NORMAL_RESULT")
_NEG_STRINGS = Keywords(w for s in _NEG for w in s.strings or ())  # all found in one pass
#: a response after a backward negation: "the ataxia did not improve" denies the response
_RESPONSE = _one("RESPONSE")
_TREATMENT_KINDS = frozenset({"drug", "therapy", "procedure"})
_NO_SIGN = _TREATMENT_KINDS | {None}  # a span of no known kind keeps its negation
#: grammar: a relative clause's negation is not said of the noun it follows ("eye movements
#: that they cannot control"), a group's of what its members have ("children with X do not"),
#: unless the group's existence is denied ("patients with X were not seen")
_RELATIVE = re.compile(r"\b(?:that|which|who|whom)\b")
_GROUP_WITH = re.compile(r"\b(?:children|patients|cases|those|adults) with (?:[\w-]+ ){0,2}$")
_SEEN = re.compile(r"\b(?:seen|found|identified|detected|observed|present|reported)\b")
#: grammar: a test that "showed" something was done, whatever negation stands before it
#: ("Neither EEG nor MRI showed abnormalities")
_RESULT_AFTER = re.compile(
    r"(?:\s+(?:nor|or|and)\s+(?:[\w-]+\s+){1,3}?|\s+)(?:showed|shows?|revealed|reveals?|"
    r"demonstrated|demonstrates?|detected|disclosed|identified)\b"
)
#: a treatment's own relative clause that denies its effect: "..., which did not help"
_WHICH_FAILED = re.compile(
    r"\s*,?\s*(?:which|that)\s+(?:(?:did|does|do|has|had|have|was|were|is|are)(?:\s+\w+)?"
    r"\s+not|(?:did|does|do|has|had|have|was|were)n't|failed\s+to|never)\s+"
)
_ANY_NEG = cues.alternation(
    cues.context_rules("NEGATED_EXISTENCE") + cues.context_rules("NORMAL_RESULT")
)


class _Family:
    """Several categories' triggers in one pattern, a sentence scanned once (rows cached)."""

    def __init__(self, categories: tuple[str, ...]):
        self.specs: dict[str, list[tuple[str, str, int | None]]] = {}
        rules = [r for c in categories for r in cues.context_rules(c)]
        for rule in rules:
            f = rule.fields
            scope = f["max_scope"]
            scope = int(scope) if scope.isdigit() else _TO_COMMA if scope == "comma" else None
            self.specs.setdefault(rule.regex, []).append((f["category"], f["direction"], scope))
        self.compiled = {regex: re.compile(regex) for regex in self.specs}
        #: rows that look behind their match ("(?<!and )possibly"): told in context, uncached
        self.behind = {r: p for r, p in self.compiled.items() if "(?<" in r}
        self.pattern = cues.alternation(rules)
        self._cache: dict[str, list[tuple[str, str, int | None]]] = {}

    def of(self, match: re.Match[str]) -> list[tuple[str, str, int | None]]:
        """The rows a match of ``pattern`` is (a row with a lookahead is told in context)."""
        matched = match.group()
        specs = self._cache.get(matched)
        if specs is None:
            specs = [
                spec
                for regex, pattern in self.compiled.items()
                if regex not in self.behind and pattern.fullmatch(matched)
                for spec in self.specs[regex]
            ]
            if not specs:  # ", and" before "can": its row looks ahead
                return [
                    spec
                    for regex, pattern in self.compiled.items()
                    if (m := pattern.match(match.string, match.start())) and m.end() == match.end()
                    for spec in self.specs[regex]
                ]
            if len(self._cache) < 10_000:
                self._cache[matched] = specs
        if self.behind:
            specs = specs + [
                spec
                for regex, pattern in self.behind.items()
                if (m := pattern.match(match.string, match.start())) and m.end() == match.end()
                for spec in self.specs[regex]
            ]
        return specs


#: hedges, the phrases that only look like hedges, clause breaks and stops: one scan
#: a trigger that takes the frame of the cue before it ("sequelae, including X"): GENERIC_TRIGGER
_GENERIC = cues.alternation(cues.phrase_rows("GENERIC_TRIGGER"))
#: a sentence that opens with a time phrase ("At follow-up, ...", "After two years she ... but
#: had X") says its complication frame of every clause: OPENING_PREPOSITION
_OPENING = re.compile(
    rf"\W*(?:{'|'.join(sorted(cues.phrase_words('OPENING_PREPOSITION')))})\b", re.IGNORECASE
)
_SCOPE = _Family(("POSSIBLE_EXISTENCE", "PSEUDO_POSSIBLE", "CLAUSE_BREAK", "STOP"))


def _inside(start: int, end: int, names: list[tuple[int, int]]) -> bool:
    """Whether ``start:end`` lies inside one of the spans ``names``."""
    return any(a <= start and end <= b for a, b in names)


class SentenceCues:
    """The cue phrases of one lower-cased sentence with their positions (relative to it)."""

    def __init__(self, sentence: str, names: Iterable[tuple[int, int]] = ()):
        """``names`` are the spans of the concepts named in the sentence: a trigger inside one
        is a word of the name ("frequent falls", "absent reflexes"), no cue."""
        self.text = sentence
        names = self.names = list(names)
        self.frame_spans = cues.frame_spans(sentence)
        self.frames = frozenset(frame for _, frame in self.frame_spans)
        self.may_negate = bool(_ANY_NEG.search(sentence))
        #: a question states nothing ("Does OMS cause learning problems?"): its claims are hedged
        self.question = sentence.rstrip().rstrip("\"'”’)").endswith("?")
        self.blanked = sentence
        #: (category, direction, scope, start, end) of every negation trigger
        self.negations: list[tuple[str, str, int | None, int, int]] = []
        self.terminators: list[tuple[int, int]] = []
        self.universals: list[int] = []
        self.verbs: list[tuple[int, int]] = []  # main verbs that may end a negated subject
        if self.may_negate:
            self.blanked = _PSEUDO.sub(lambda m: " " * len(m.group()), sentence)  # offsets kept
            held = _NEG_STRINGS.present(self.blanked)
            for s in _NEG:
                if s.strings is not None and held.isdisjoint(s.strings):
                    continue  # none of the strings each of its matches holds
                for m in s.pattern.finditer(self.blanked):
                    self.negations.append((s.category, s.direction, s.scope, m.start(), m.end()))
            if names:
                self.negations = [n for n in self.negations if not _inside(n[3], n[4], names)]
            normal = [(n[3], n[4]) for n in self.negations if n[0] == "NORMAL_RESULT"]
            self.negations = sorted(
                (
                    n
                    for n in self.negations  # a normal result subsumes the negation inside it
                    if n[0] == "NORMAL_RESULT"
                    or n[1] == "FORWARD"
                    or not any(a <= n[3] < b for a, b in normal)
                ),
                key=lambda n: n[3],
            )
            self.terminators = [m.span() for m in _TERMINATOR.finditer(sentence)]
            for m in _CONDITIONAL.finditer(sentence):  # "if the signs do not settle, IVIG"
                self.terminators.append(m.span())
                if (comma := sentence.find(",", m.end())) >= 0:
                    self.terminators.append((comma, comma + 1))
            if holds_one(sentence, _UNIVERSAL_STRINGS):
                self.universals = [m.start() for m in _UNIVERSAL.finditer(sentence)]
            if holds_one(sentence, _SUBJECT_VERB_STRINGS):
                self.verbs = [m.span() for m in _SUBJECT_VERB.finditer(sentence)]
        self.breaks: list[tuple[int, int]] = []
        self.stops: list[int] = []
        #: (direction, scope, start, end) of every hedge
        self.hedges: list[tuple[str, int | None, int, int]] = []
        for m in _SCOPE.pattern.finditer(sentence):
            for category, direction, scope in _SCOPE.of(m):
                if category == "POSSIBLE_EXISTENCE":
                    if names and _inside(m.start(), m.end(), names):
                        continue  # "frequent falls": a word of a name
                    self.hedges.append((direction, scope, m.start(), m.end()))
                elif category == "CLAUSE_BREAK":
                    self.breaks.append(m.span())
                    comma = sentence.find(",", m.end()) if direction == "FORWARD" else -1
                    if comma >= 0:  # a subordinate clause or fronted phrase ends at its comma
                        self.breaks.append((comma, comma + 1))
                        self.terminators.append((comma, comma + 1))  # and so does a negation
                elif category == "STOP":
                    self.stops.append(m.start())
        self.breaks.sort()
        self.terminators.sort()
        #: where a relative's disease is told ("her brother had"): said of someone else
        self.others = [
            (m.end(), reach)
            for pattern, reach in _OTHER_EXPERIENCERS
            for m in pattern.finditer(sentence)
        ]

    def of_another(self, start: int) -> bool:
        """Whether the mention at ``start`` is said of a relative ("Her brother had epilepsy")."""
        for at, reach in self.others:
            gap = self.text[at:start]
            if at <= start and len(gap.split()) <= reach and not _PUNCT.search(gap):
                return True
        return False

    def _subject_list(self, start: int, end: int, t_start: int, left: int) -> bool:
        """Whether the mention at ``start:end`` is an item of the coordinated subject of the
        verb group at ``t_start`` ("Hypotonia, ataxia and tremor are frequent"): a BACKWARD
        trigger then covers every item, across the commas of the list."""
        gap = self.text[end:t_start]
        if _HARD_PUNCT.search(gap) or not _CONJUNCTION.search(gap):
            return False
        pieces = _LIST_SEPARATOR.split(gap)
        if len(pieces) < 2 or pieces[0].strip():
            return False
        last = pieces[-1].split()
        if _AUXILIARY_START.match(self.text, t_start):
            ok_last = 1 <= len(last) <= _MAX_ITEM
        else:
            ok_last = 2 <= len(last) <= _MAX_ITEM + 1 and bool(_AUXILIARY.search(pieces[-1]))
        if not ok_last or not all(1 <= len(p.split()) <= _MAX_ITEM for p in pieces[1:-1]):
            return False
        item_start = left  # the words of the mention's own item before it
        for m in _LIST_SEPARATOR.finditer(self.text, left, start):
            item_start = m.end()
        own = self.text[item_start:start].split()
        if _HARD_PUNCT.search(self.text, left, start) or len(own) >= _MAX_ITEM:
            return False
        return not own or own[0] not in _PREPOSITION

    def _apposition(self, start: int, end: int, t_start: int, left: int) -> bool:
        """Whether the mention at ``start:end`` is the subject of the verb group at
        ``t_start``, or an example of it, across an apposition ("Antiepileptic drugs,
        including valproate and levetiracetam, are not recommended"), or of a closed bracket."""
        if _BRACKET_TAIL.fullmatch(self.text, end, t_start):
            return True
        for m in _APPOSITION.finditer(self.text, left, t_start):
            close = self.text.find(",", m.end(), t_start)
            if close < 0 or not (end <= m.start() or m.end() <= start and end <= close):
                continue
            head = self.text[end : m.start()] if end <= m.start() else ""
            rest = self.text[close + 1 : t_start]
            if not _PUNCT.search(head + rest) and len(rest.split()) <= 3:
                return True
        return False

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``start:end``: between "but", "although", "which", ";" ..."""
        left, right = 0, len(self.text)
        for b_start, b_end in self.breaks:
            if b_end <= start:
                left = b_end
            elif b_start >= end:
                right = b_start
                break
        return left, right

    def clause_frames(self, start: int, end: int) -> frozenset[str]:
        """The frames of the clause around ``start:end``; of a symptom and a complication cue
        both in it, only the one nearest before the mention ("had sequelae, including X": a
        generic trigger such as "including" takes the frame of the cue before it)."""
        left, right = self.clause(start, end)
        spans = [(at, f) for at, f in self.frame_spans if left <= at < right]
        if left and _OPENING.match(self.text):  # a later clause of "At follow-up, ... but X"
            first = self.breaks[0][0] if self.breaks else len(self.text)
            spans = [(at, f) for at, f in self.frame_spans if at < first and f == "complication"]
            spans += [(at, f) for at, f in self.frame_spans if left <= at < right]
        frames = frozenset(f for _, f in spans)
        if {"symptom", "complication"} <= frames:
            before = [
                f
                for at, f in spans
                if at < start
                and f in ("symptom", "complication")
                and not _GENERIC.match(self.text, at)
            ]
            if before:
                return frames - ({"symptom", "complication"} - {before[-1]})
        return frames

    def _universal_after(self, at: int, limit: int) -> bool:
        """Whether a universal ("always", "all") follows position ``at`` within reach."""
        for u in self.universals:
            if at <= u < limit and len(self.text[at:u].split()) <= _UNIVERSAL_REACH:
                return True
        return False

    def _subject_ends(self, t_end: int, start: int) -> bool:
        """Whether a main verb between a forward negation ending at ``t_end`` and a mention at
        ``start`` ends the negated subject before it: some words stand between the trigger
        and the verb, and they are not people or a response ("no patient improved")."""
        for v_start, v_end in self.verbs:
            if t_end < v_start and v_end <= start:
                subject = self.text[t_end:v_start]
                if _ADVERB_BEFORE.search(subject):
                    continue  # "no newly developed ataxia": a participle, no main verb
                if subject.strip() and not _KEEPING_SUBJECT.search(subject):
                    return True
        return False

    def _negation(self, start: int, end: int, kind: str | None) -> tuple[bool, bool]:
        """(negated, hedged by a negated universal) for the mention at ``start:end``."""
        left, right = 0, len(self.text)
        for t_start, t_end in self.terminators:
            if t_end <= start:
                left = t_end
            elif t_start >= end and not _panel(self.text, left, t_start):
                right = t_start
                break
        if kind in _TREATMENT_KINDS and (failed := _WHICH_FAILED.match(self.text, end)):
            if _RESPONSE.match(self.text, failed.end()):
                return True, False  # "methylprednisolone, which did not help"
        for category, direction, scope, t_start, t_end in self.negations:
            if (
                direction in ("FORWARD", "BIDIRECTIONAL")
                and (left <= t_start or t_start < left <= t_end)  # "Not expected: X, Y"
                and t_end <= start
            ):
                if scope is not None and len(self.blanked[t_end:start].split()) > scope:
                    continue
                if kind == "test" and len(self.blanked[t_end:start].split()) > _TEST_REACH:
                    continue  # "no tumour was found on MIBG": the test was done
                if kind == "test" and _RESULT_AFTER.match(self.text, end):
                    continue  # "neither EEG nor MRI showed abnormalities": both were done
                if self._subject_ends(t_end, start):
                    continue  # "no fever preceded the ataxia": the ataxia is there
                if self._modifies_name(t_start, t_end, start):
                    continue  # "saccades without an interval, myoclonus": to the comma
                if kind not in _NO_SIGN and _RESPONSE.match(self.blanked, t_end + 1):
                    continue  # "no benefit for the myoclonus", "do not help the ataxia"
            elif direction in ("BACKWARD", "BIDIRECTIONAL") and end <= t_start < right:
                gap = self.text[end:t_start]
                if _PUNCT.search(gap) or (scope is not None and len(gap.split()) > scope):
                    if not self._subject_list(start, end, t_start, left) and not (
                        self._apposition(start, end, t_start, left)
                    ):
                        continue
                if (
                    _RELATIVE.search(gap)  # "movements that they cannot control"
                    or _CONJUNCTION.fullmatch(gap.strip())  # "became clingy and would not go"
                    or _GROUP_WITH.search(self.text, 0, start)  # "children with X do not"
                    and not _SEEN.search(self.text, t_start, t_end + 20)
                ):
                    continue
                if kind not in _NO_SIGN and self._response(t_start, t_end, start):
                    continue  # "the ataxia did not improve": it persisted
            else:
                continue
            if category != "NORMAL_RESULT" and self._universal_after(
                t_end, max(start, t_end) if t_end <= start else right
            ):
                return False, True  # "not always": a hedge ("normal in all" is no "not all")
            if category == "NORMAL_RESULT" and kind == "test":
                continue  # the test was done; its result was normal
            return True, False
        return False, False

    def _response(self, t_start: int, t_end: int, start: int) -> bool:
        """Whether the backward negation at ``t_start:t_end`` denies a response ("did not
        improve", "failed to resolve"), also with the verb left out after a response told
        before it ("the opsoclonus resolved, but the ataxia did not")."""
        if _RESPONSE.search(self.text, t_start, t_end) or _RESPONSE.match(
            self.text, t_end + 1 if self.text[t_end : t_end + 1] == " " else t_end
        ):
            return True
        elided = not self.text[t_end:].strip(" .;,!)")
        return elided and _RESPONSE.search(self.text, 0, start) is not None

    def _modifies_name(self, t_start: int, t_end: int, start: int) -> bool:
        """Whether a "without" right after a named concept modifies that name ("saccades
        without an intersaccadic interval, myoclonic jerks ..."): its scope ends at the next
        punctuation mark, and a mention beyond it is not negated."""
        if not self.text.endswith("without", t_start, t_end):
            return False
        before = self.text[:t_start].rstrip()
        if not any(b == len(before) for _, b in self.names):
            return False
        return bool(_PUNCT.search(self.text, t_end, start))

    def _opening_adverbial(self, h_start: int, h_end: int) -> bool:
        """Whether the hedge at ``h_start:h_end`` opens the sentence as a phrase of its own
        ("In rare cases, ...", "Sometimes, ..."): it then hedges every clause."""
        return not self.text[:h_start].strip() and self.text[h_end : h_end + 1] == ","

    def _explained(self, end: int, h: int) -> bool:
        """Whether a clause's colon ("X is the first sign: a child may"), no label's, precedes h."""
        c = self.text.rfind(":", end, h)
        return c >= 0 and len(self.text[:c].split()) >= 3 and len(self.text[c + 1 : h].split()) >= 2

    def _hedged(self, start: int, end: int) -> bool:
        c_left, c_right = self.clause(start, end)
        stop = bisect_left(self.stops, start)
        from_ = self.stops[stop - 1] if stop else 0
        for direction, scope, h_start, h_end in self.hedges:
            if scope is None and direction == "BIDIRECTIONAL":
                if c_left <= h_start < c_right and not self._explained(end, h_start):
                    return True
            elif (
                direction == "FORWARD"
                and from_ <= h_start
                and h_end <= start
                and (h_start >= c_left or self._opening_adverbial(h_start, h_end))
            ):  # a forward hedge reaches to its clause's end; "In rare cases, ..." to the end
                if scope == _TO_COMMA:
                    if not _PUNCT.search(self.text, h_end, start):
                        return True
                elif scope is None or len(self.text[h_end:start].split()) <= scope:
                    return True
            elif direction == "BACKWARD" and h_start >= end:
                gap = self.text[end:h_start]
                if not _PUNCT.search(gap) and (scope is None or len(gap.split()) <= scope):
                    return True
                if c_left <= h_start < c_right and self._subject_list(start, end, h_start, c_left):
                    return True
        return False

    def qualify(
        self, start: int, end: int, hedged: bool = False, kind: str | None = None
    ) -> tuple[str, str]:
        """(polarity, certainty) of the mention at ``start:end``; ``kind`` is its concept type."""
        negated = False
        if self.may_negate:
            negated, by_universal = self._negation(start, end, kind)
            hedged = hedged or by_universal
        if not hedged:
            hedged = self.question or self._hedged(start, end)
        return ("negated" if negated else "affirmed"), ("hedged" if hedged else "asserted")
