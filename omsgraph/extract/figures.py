"""Figures in a sentence: the values of epidemiology and prognosis, with what they measure.

``find_figures(sentence)`` finds every figure in the forms literature writes them: rates
("1 in 5,000,000 per year", "one in a million", "3 per million children", "1/1,000,000",
"1:400,000", "0.22 per 10^6", "0.3 cases/million/year", "0.25-0.45 per million"), shares
("x %", "x-y %", "40%–60%", "forty-five per cent", "62 (54 %) female", "7 of 10 patients",
"12 of 25 (48 %)", "9/20 patients", "one in two children", "about half", "most cases"), ages
("median age 45 years (range 2-80)", "between 6 and 36 months of age", "between 6 months and
3 years", "second or third year of life", "under the age of two"), counts ("fewer than 200
cases reported", "31 female and 19 male"), ratios ("2:1", "F:M 1.3:1", "1.2 to 1") and
values without a number ("a very rare disorder", "boys and girls are affected equally",
"frequently relapse", "not lethal", "mortality is low").

Which attribute a figure measures comes from the cue words around it, read from the table
``rules/figures.tsv`` (attribute, figure kinds, side, window, pattern): the nearest cue wins;
figures a "vs" joins share the first one's cue. A figure no cue claims is no value claim, nor
is one a "block" or "none" row claims: one patient's age in a case report, a confidence
interval, a recovery or remission, a relapse-free survival, a share of all childhood cancers.
Each figure comes with its normalised value text (``object``), the value
:func:`omsgraph.corpus.values.parse_value` reads from it, the population (a group's own words
are no cue) and a qualifier (a range, a count, the time it holds at), and its offsets in the
sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from omsgraph.corpus.values import ATTRIBUTES, Value, number, parse_value
from omsgraph.errors import DataError
from omsgraph.extract.factoring import Keywords, required
from omsgraph.extract.figure_forms import (
    DIGIT,
    ENDS_PERSONS,
    FORM_STRINGS,
    FORMS,
    NEEDED,
    NEEDS,
    NOT_ONSET,
    POPULATION,
    SEX,
    SHARED,
    SPELLED_GATE,
    THE_CONDITION,
    WITH,
    Cues,
)
from omsgraph.extract.figure_links import (
    contrasted,
    fmt,
    is_share,
    joined,
    median_figures,
    normal,
    of_another_measure,
    percent_of,
    phrase_text,
    predominance,
    ratio_sex,
    resolve,
    restated,
    sex_named,
    with_time,
)
from omsgraph.extract.figure_links import distance as _distance

__all__ = ["PREDICATES", "RULES", "Figure", "FigureIndex", "Rule", "find_figures", "load_rules"]

RULES = Path(__file__).parent / "rules" / "figures.tsv"

#: the predicate of a value claim of each attribute
PREDICATES = {
    "prevalence": "epidemiology",
    "incidence": "epidemiology",
    "sex ratio": "epidemiology",
    "age at onset": "epidemiology",
    "tumour frequency": "epidemiology",
    "relapse rate": "prognosis",
    "mortality": "prognosis",
    "long-term deficits": "prognosis",
}
_RATES = frozenset({"prevalence", "incidence", "relapse rate", "mortality"})
_KINDS = frozenset(
    {"rate", "percent", "part", "fraction", "quantity", "age", "count", "ratio", "persons"}
)
_SIDES = frozenset({"before", "after", "both", "-"})
_SHARES = frozenset({"percent", "part", "fraction", "quantity"})


@dataclass(frozen=True)
class Rule:
    """One row of the cue table: which attribute a cue near a figure of some kinds marks."""

    attribute: str
    kinds: frozenset[str]
    side: str
    window: int
    pattern: re.Pattern[str]
    value: str
    line: int
    needs: tuple[str, ...] = ()  # phrase rows: words one of which the sentence must contain
    strong: bool = False  # window written "8!": wins over nearer cues of rows that are not


@dataclass(frozen=True)
class Figure:
    """A value a sentence states: attribute, normalised value, parsed value, offsets."""

    attribute: str
    object: str
    value: Value | None
    population: str
    qualifier: str
    start: int
    end: int

    @property
    def predicate(self) -> str:
        return PREDICATES[self.attribute]


def load_rules(path: Path = RULES) -> tuple[Rule, ...]:
    """The cue table; a bad row is a DataError naming the file and line."""
    rules = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read: {exc}", path) from None
    for at, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 5:
            raise DataError("expected attribute, kinds, side, window, pattern", path, at)
        name, kinds_text, side, window, pattern = (c.strip() for c in cells[:5])
        value = cells[5].strip() if len(cells) > 5 else ""
        needs = tuple(w.strip() for w in cells[6].split(",") if w.strip()) if len(cells) > 6 else ()
        kinds = frozenset(k.strip() for k in kinds_text.split(","))
        if name not in ATTRIBUTES and name not in {"block", "none"}:
            raise DataError(f"unknown attribute {name!r}", path, at)
        if not (kinds <= _KINDS or kinds == {"phrase"}):
            raise DataError(f"unknown figure kind in {kinds_text!r}", path, at)
        strong = window.endswith("!")
        window = window.rstrip("!")
        if side not in _SIDES or not window.isdigit():
            raise DataError(f"bad side {side!r} or window {window!r}", path, at)
        try:
            compiled = re.compile(
                pattern if kinds == {"phrase"} else rf"(?<![\w-])(?:{pattern})(?![\w-])"
            )
        except re.error as exc:
            raise DataError(f"bad pattern: {exc}", path, at) from None
        rules.append(Rule(name, kinds, side, int(window), compiled, value, at, needs, strong))
    return tuple(rules)


@dataclass(frozen=True)
class _Table:
    numeric: tuple[Rule, ...]
    phrase_rules: tuple[Rule, ...]
    needed: Keywords  # every word a phrase row needs
    by_word: dict[str, frozenset[int]]  # word -> the phrase rows (their order) that need it
    #: the fixed strings one of which each cue row's every match holds (None: not known), and all
    #: of them, found in one pass: a row none of whose strings occurs there matches nothing there
    cue_strings: dict[int, frozenset[str] | None]
    cue_words: Keywords


@lru_cache(maxsize=4)
def _table(path: Path) -> _Table:
    rules = load_rules(path)
    phrase_rules = tuple(r for r in rules if r.kinds == {"phrase"})
    needed = tuple(sorted({w for r in phrase_rules for w in r.needs}))
    numeric = tuple(r for r in rules if r.kinds != {"phrase"})
    strings = {r.line: required(r.pattern) for r in numeric}
    words = Keywords(w for need in strings.values() if need for w in need)
    by_word = {w: frozenset(i for i, r in enumerate(phrase_rules) if w in r.needs) for w in needed}
    by_word[""] = frozenset(i for i, r in enumerate(phrase_rules) if not r.needs)  # every time
    return _Table(numeric, phrase_rules, Keywords(needed), by_word, strings, words)


def _wanted(needs: tuple[str, ...] | re.Pattern[str], present: set[str], low: str) -> bool:
    """Whether a sentence has what a figure form needs (a quick test before the form)."""
    if isinstance(needs, re.Pattern):
        return needs.search(low) is not None
    return not present.isdisjoint(needs)


def _population(
    text: str, start: int, end: int, limit: int, masked: list[tuple[int, int]]
) -> str | None:
    """ "x % of children with neuroblastoma": the population phrase after a figure."""
    match = POPULATION.match(text, end, limit)
    if shared := SHARED.match(text, end, limit):  # "7 % of idiopathic and 24 % of ... patients"
        masked.append(shared.span(1))
        return f"{shared.group(1)} {shared.group(2)}"
    if match is None:  # "7 of 10 patients (70 %) with breast cancer"
        persons = ENDS_PERSONS.search(text, start, end)
        match = WITH.match(text, end, limit) if persons else None
        if match is None:
            return None
        persons, condition = persons.group(1), match.group(1)
        span = match.span(1)
    else:
        persons, condition = match.group(1), match.group(2)
        span = match.span(2)
        masked.append(match.span(1))  # "of paraneoplastic patients", "of survivors": no cue
    if condition and not THE_CONDITION.search(condition):
        masked.append(span)
        return f"{persons} with {condition.strip()}"
    return persons if persons not in {"patients", "cases", "people", "individuals"} else None


def _attribute(
    text: str,
    rules: tuple[Rule, ...],
    cues: Cues,
    kind: str,
    start: int,
    end: int,
    masked: list[tuple[int, int]],
    others: list[tuple[int, int]],
    share: bool = False,
) -> tuple[str, tuple[int, int]] | None:
    best: tuple[tuple[bool, bool, bool, int, bool, int], str, tuple[int, int]] | None = None
    for order, rule in enumerate(rules):
        if kind not in rule.kinds or (share and rule.attribute == "prevalence"):
            continue  # a share of patients is no prevalence: "relapses occur in 1 in 6 patients"
        for span in cues[rule]:
            if any(a <= span[0] and span[1] <= b for a, b in masked):
                continue
            distance = _distance(text, span, start, end, rule.side, cues.end)
            if distance is None or distance > rule.window:
                continue
            if rule.strong and (  # a strong cue speaks of the figure next to it only, and not
                any(min(span[1], end) <= a and b <= max(span[0], start) for a, b in others)
                or contrasted(text, span, start, end)
            ):  # of one a contrast sets apart: "mortality is low, but 70 % have problems"
                continue
            if rule.attribute == "block":
                return "none", span  # as "none", which claims a figure for nothing when nearest
            across = _ACROSS.search(text, min(span[1], end), max(span[0], start)) is not None
            if rule.attribute == "none" and (across or _SUBGROUP.match(text, span[1])):
                continue  # "after remission, 40 % relapsed"; "9 idiopathic patients (17 %)"
            # the figure's own words first, then a strong cue, then one of its own clause
            # ("relapses are common and 70 % have lasting problems"), then the nearest
            key = (
                distance >= 0,
                not rule.strong,
                across,
                distance,
                rule.attribute == "none",
                order,
            )
            if best is None or key < best[0]:
                best = (key, rule.attribute, span)
    return (best[1], best[2]) if best else None


_NEEDED = Keywords(NEEDED)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_ACROSS = re.compile(r",|\band\b|;")
_SUBGROUP = re.compile(r"\s+(?:patients|cases|children|adults|group|cohort|subgroup)\b")
#: a few words, then the bracket a figure opens, and a word of approximation in it
_OPENS = re.compile(
    r"[^()\[\].;]*[(\[]\s*(?:(?:approx(?:imately|\.)?|about|around|roughly|ca\.|~|≈)\s*)?"
)


class FigureIndex:
    """The figures of one (lower-cased) text, read sentence by sentence: ``figures(start,
    end)``. Each figure form and value phrase is tried only on a sentence that has a digit or
    a number word, or the words the phrase needs, so a sentence without a figure costs little."""

    def __init__(self, low: str, rules_path: Path = RULES):
        self.low = low
        self.table = _table(rules_path)

    def _forms(self, low: str) -> list[tuple[str, re.Match[str]]]:
        if DIGIT.search(low) is None and SPELLED_GATE.search(low) is None:
            return []
        present = _NEEDED.present(low)
        wanted: dict[str, bool] = {}  # a form's kind wanted, asked only past its strings
        found = []
        for (kind, pattern), strings in zip(FORMS, FORM_STRINGS, strict=True):
            if strings is not None and present.isdisjoint(strings):
                continue  # none of the strings each of its matches holds
            if kind not in wanted:
                wanted[kind] = _wanted(NEEDS[kind], present, low)
            if wanted[kind]:
                found += [(kind, m) for m in pattern.finditer(low)]
        return resolve(found)

    def _phrases(self, low: str) -> list[tuple[Rule, re.Match[str]]]:
        present = self.table.needed.present(low)
        if not present:
            return []
        rows, by_word = self.table.phrase_rules, self.table.by_word
        wanted = sorted(by_word[""].union(*(by_word[w] for w in present)))
        return [(rows[i], m) for i in wanted for m in rows[i].pattern.finditer(low)]

    def figures(self, s: int, e: int) -> list[Figure]:
        """The value figures of the sentence ``s:e``; offsets are within the sentence. A
        number no float can hold ("1 in 10^400", "1e320 %") or a rate of 1 in 0 makes none."""
        try:
            found = self._figures(s, e)
        except (OverflowError, ZeroDivisionError, ValueError):
            return []
        return [
            f
            for f in found
            if all(float(p) <= 100 for p in _PERCENT.findall(f.object))  # a share is <= 100 %
        ]

    def _figures(self, s: int, e: int) -> list[Figure]:
        low, table = self.low[s:e], self.table
        spans, phrases = self._forms(low), self._phrases(low)
        if not spans and not phrases:
            return []
        s, e = 0, len(low)
        from omsgraph.extract.cues import population as sentence_population

        cues = Cues(low, s, e, table.cue_strings, table.cue_words)
        everyone = sentence_population(low[s:e])
        out: list[Figure] = []
        taken: list[tuple[int, int]] = []
        covered = -1  # a median's groups, ranges and unit are its own
        last: tuple[str, int, str, tuple[int, int], int] | None = None  # kind, end, attr, cue, at
        masked: list[tuple[int, int]] = []  # the populations' words, no cue of any figure
        cued: list[tuple[str, tuple[int, int], int]] = []  # each figure's attribute, cue, end
        for kind, match in spans:
            start, end = match.span()
            if start < covered:
                continue
            if kind == "sex":  # "14 girls, 9 boys"
                figure = _sexes(match, everyone)
                if figure is not None:
                    out.append(figure)
                    taken.append((start, end))
                continue
            if kind == "sexof":  # "31 adolescents (18 female)"; a bracket of both sexes is "sex"
                figure = None if any(k == "sex" for k, _ in spans) else _share_of(match, everyone)
                if figure is not None:
                    out.append(figure)
                continue
            if kind == "median":
                if NOT_ONSET.search(low, max(0, start - 30), start):  # "at relapse, median age"
                    continue
                medians, covered = median_figures(low, match, everyone, e)
                out += [Figure(*m) for m in medians]
                taken.append((start, covered))
                continue
            population = _population(low, start, end, e, masked) or everyone
            others = [m.span() for _, m in spans if m is not match]
            share = kind == "rate" and is_share(match)
            of_patients = share and " with " not in population  # not another disease's
            found = _attribute(
                low, table.numeric, cues, kind, start, end, masked, others, of_patients
            )
            if (found is None or _SUBGROUP.match(low, found[1][1])) and last and last[0] == kind:
                if joined(low, *last[1::3], start, end):  # "relapses in 15 % versus 52 %"
                    found = last[2:4]  # the cue of the first (a group's adjective is none)
            who = next((g for g in ("who", "one") if kind == "rate" and match.group(g)), "")
            if found is None and who and not share:  # "1 in 10 million people get it"
                found = ("prevalence", match.span(who))
            if found is None:
                continue
            name, cue = found
            if name == "none":
                continue
            if kind == "rate" and not share and name not in _RATES:
                continue
            if (share or kind in _SHARES) and (
                name == "prevalence" or (name == "tumour frequency" and " with " in population)
            ):  # "2 % of children with neuroblastoma develop OMS": another disease's patients
                continue
            last = (kind, end, name, cue, start)
            text, qualifier = normal(kind, match)
            said = low[cue[0] : cue[1]]
            if name == "sex ratio" and (kind in {"percent", "part", "fraction"} or share):
                sex = sex_named(said)
                if sex:
                    text = f"{text} {sex}"
            if name == "sex ratio" and kind == "ratio" and (sex := ratio_sex(said)):
                text = f"{text} {sex}"  # "a female predominance (1.5:1)"
                taken.append(cue)
            if name == "incidence" and (
                kind == "count" or re.search(r"year|annual", low[max(0, cue[0] - 9) : cue[1]])
            ):  # "20 children are diagnosed each year": the count form holds its year
                text = text if text.endswith("per year") else f"{text} per year"
            if name == "mortality" and low.startswith("surviv", cue[0]):
                text = f"{text} survival"
            qualifier = with_time(low, name, qualifier, start, end)
            out.append(Figure(name, text, parse_value(text), population, qualifier, start, end))
            taken.append((start, end))
            cued.append((name, cue, end))
        out = _merge_ages(out, low)
        for rule, m in phrases:
            if any(a < m.end() and m.start() < b for a, b in taken) or any(
                f.attribute == rule.attribute != "prevalence"
                and 0 <= f.start - m.end() <= 40
                and (f.start - m.end() <= 12 or _OPENS.fullmatch(low, m.end(), f.start))
                for f in out
            ):  # "a female predominance (F:M 1.3:1)", "low in children (< 3 %)": the words
                # of the figure that follows
                continue
            if any(
                a == rule.attribute and f_end <= m.start() <= c[0] < m.end() for a, c, f_end in cued
            ):  # "a third relapse when steroids are reduced": the words of the figure before
                continue
            if rule.attribute == "sex ratio" and of_another_measure(low, m.start()):
                continue  # "relapses were more frequent in girls": the relapses' sexes
            time = with_time(low, rule.attribute, "", *m.span())
            text = phrase_text(rule.value, m, time)
            if rule.attribute == "sex ratio" and not rule.value:  # "girls are affected more"
                text = predominance(m.group())
            qualifier = "" if "{time}" in rule.value else time
            out.append(
                Figure(rule.attribute, text, parse_value(text), everyone, qualifier, *m.span())
            )
            taken.append(m.span())
        return sorted(out, key=lambda f: (f.start, f.attribute))


def find_figures(sentence: str, rules_path: Path = RULES) -> list[Figure]:
    """The value figures ``sentence`` states, in order; offsets are within the sentence."""
    low = sentence.casefold() if len(sentence.casefold()) == len(sentence) else sentence.lower()
    return FigureIndex(low, rules_path).figures(0, len(low))


def _sexes(match: re.Match[str], population: str) -> Figure | None:
    """ "14 girls, 9 boys": the share of girls."""
    counts = {SEX[match.group(2)]: number(match.group(1))}
    second = SEX[match.group(4)]
    counts[second] = counts.get(second, 0) + number(match.group(3))
    if set(counts) != {"female", "male"} or not sum(counts.values()):
        return None
    qualifier = f"{fmt(counts['female'])} female, {fmt(counts['male'])} male"
    text = f"{percent_of(counts['female'], sum(counts.values()))} % female ({qualifier})"
    return Figure("sex ratio", text, parse_value(text), population, qualifier, *match.span())


def _share_of(match: re.Match[str], population: str) -> Figure | None:
    """ "31 adolescents (18 female)": the share of one sex among the persons counted."""
    total, n = number(match.group("total")), number(match.group("n"))
    if not 0 < n <= total:
        return None
    sex = SEX[match.group("sex")]
    text = f"{percent_of(n, total)} % {sex} ({fmt(n)} of {fmt(total)})"
    return Figure("sex ratio", text, parse_value(text), population, "", *match.span())


def _averaged(value: str) -> bool:
    return value.split()[0] in {"median", "mean", "average"}


def _merge_ages(figures: list[Figure], low: str) -> list[Figure]:
    """Ages one clause gives of one group ("18 months, up to 5-6 years") are one value; a
    semicolon parts two groups' ages ("18-24 months in children; the fifth decade in adults")."""
    ages = [f for f in figures if f.attribute == "age at onset" and not _averaged(f.object)]
    groups: list[list[Figure]] = []
    for f in ages:
        if groups and ";" not in low[groups[-1][-1].end : f.start]:
            groups[-1].append(f)
        else:
            groups.append([f])
    out = [f for f in figures if f not in ages and not restated(f, figures)]
    for group in groups:
        text = ", ".join(f.object for f in group)
        out.append(replace(group[0], object=text, value=parse_value(text), end=group[-1].end))
    return out
