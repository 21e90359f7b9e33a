"""What :mod:`omsgraph.extract.figures` reads from a figure's neighbours and own words: the
rate a "1 in N" match states (and whether it is a share, "one in two"), a share's normal
text, the sex a cue names, the figures a "vs" or "and" joins to the one before ("15 % versus
52 %"), which share its cue, the words between a cue and a figure, and the time a relapse,
death or deficit figure holds at ("5-year survival"); and the normal value text of each
figure form (:func:`normal`) and of each value phrase (:func:`phrase_text`)."""

from __future__ import annotations

import math
import re
from typing import Any

from omsgraph.corpus.values import number, parse_value
from omsgraph.extract.figure_forms import (
    POPULATION,
    RANGE,
    SPELLED,
    TIME_FRAME,
    UNIT_WORD,
    VERSUS,
    WORD,
    unit_words,
)

#: the words that may join two figures of one measure ("20 % and 41 %", "18 % vs 45 %")
_JOINED = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[\w-]+(?:\s+(?:patients|cases|children|adults))?)?"
    r"\s*(?:[(\[][^()\[\]]*[)\]])?\s*[,;]?\s*(?:(?P<vs>vs\.?|versus|compared (?:with|to)|against)"
    r"|and|or)?\s*(?:[(\[]\s*)?$"
)
#: a comparison across a group's words ("55 % of those on steroids alone, compared with 20 %")
_VERSUS = re.compile(
    r"\s+(?:of|in|among|with|on)\b[^;%()]{0,60}?\s*,?\s*(?:vs\.?|versus|compared (?:with|to)|"
    r"against)\s+(?:(?:only|just)\s+)?$"
)
#: a contrast of one measure in two groups ("low in children (< 3 %, ...) but reached 17 %")
_CONTRAST = re.compile(
    r"(?:[,;][^()\[\]]*[)\]]|\s+(?:in|among|of|for|with)\s+[^;()%]{0,50}?)?\s*,?\s*"
    r"(?:but|while|whereas)\s+(?:(?:it|this|that)\s+)?"
    r"(?:reached|rose to|climbed to|increased to|fell to|dropped to|decreased to|was|were)\s+"
    r"(?:(?:only|just)\s+)?$"
)
#: an aside between dashes or in brackets ("residual signs - mostly mild ataxia - were present
#: in 48 %"): no words between a cue and its figure
_ASIDE = re.compile(r"\s[—–]\s[^—–]*\s[—–]\s|\([^()]*\)|\[[^\[\]]*\]")
#: what may follow the second of two figures an "and" joins ("20 % and 41 %, respectively")
_ENDS_LIST = re.compile(r"\s*(?:[)\].;]|,?\s*respectively|of\b|in\b|$)")
_SEX_WORD = re.compile(r"\b(girls?|boys?|females?|males?|women|men|f|m)\b")
_SEXES = {"girl": "female", "woman": "female", "women": "female", "f": "female"}
_SEXES |= {"boy": "male", "man": "male", "men": "male", "m": "male"}
_SUPERSCRIPT = {"²": 2, "³": 3, "⁴": 4, "⁵": 5, "⁶": 6, "⁷": 7, "⁸": 8, "⁹": 9}
_SIGNS = {"≈": "about", "≥": "at least", "≤": "at most", "<": "less than", ">": "more than"}
#: a rate with no larger denominator than this is a share ("1 in 3 relapse": 33 %)
SHARE_BASE = 100


def fmt(value: float) -> str:
    """A number as the normalised values write it ("5,000,000", "0.18")."""
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


_STATED = re.compile(r"\s*\(\s*(\d+(?:\.\d+)?)\s*%")  # "3/24 (12.5 %)": the share it states


def percent_of(part: float, whole: float, match: re.Match[str] | None = None) -> str:
    """The percent ``part`` is of ``whole``: the one the text states after the count (``match``),
    else the nearest whole number, a half up ("1 of 8": "13")."""
    stated = _STATED.search(match.group()) if match else None  # a form may take the bracket in
    if stated:
        return fmt(number(stated.group(1)))
    return fmt(math.floor(100 * part / whole + 0.5))


def rate(match: re.Match[str]) -> tuple[float, float, bool]:
    """(cases, denominator, per year) of a rate match of :data:`figure_forms.FORMS`; of a
    range of denominators ("1 in 5-10 million"), the smaller."""
    n = number(match.group("n"))
    if match.group("power"):
        base = 10.0 ** int(match.group("power"))
    elif match.group("sup"):
        base = 10.0 ** _SUPERSCRIPT[match.group("sup")]
    else:
        digits = match.group("base")
        base = number(re.sub(r"(?<=\d)\s+(?=\d)", "", digits)) if digits else 1.0
        scale = match.group("scale") or match.group("only") or ""
        base *= {"million": 1e6, "thousand": 1e3}.get(scale, 1)
    if not base or not math.isfinite(base) or not math.isfinite(n):
        raise ValueError("no rate")  # "1 in 0", "1 in 10^400": no figure (FigureIndex.figures)
    return n, base, bool(match.group("year"))


def rate_text(match: re.Match[str]) -> tuple[str, str]:
    """(normalised value, qualifier) of a rate: "1 in 5,000,000 per year", a range ("0.25-0.45
    in 1,000,000"), or a share written as a rate ("nine in 20 children": "9 of 20 (45 %)")."""
    n, base, yearly = rate(match)
    raw = match.group().casefold()
    first = "low" if match.group("low") else "n"
    prefix = raw[: match.start(first) - match.start()].strip()
    if match.group("low"):  # "0.27-0.40 cases per million": the range
        low = number(match.group("low"))
        text = f"{fmt(low)}-{fmt(n)} in {fmt(base)}" + (" per year" if yearly else "")
        return f"{prefix} {text}".strip(), ""
    if match.group("high"):  # "1 in 5-10 million": the range of denominators
        high = base / number(match.group("base")) * number(match.group("high"))
        text = f"{fmt(n)} in {fmt(base)}-{fmt(high)}" + (" per year" if yearly else "")
        return f"{prefix} {text}".strip(), ""
    if is_share(match):
        return f"{prefix} {fmt(n)} of {fmt(base)} ({percent_of(n, base, match)} %)".strip(), ""
    text = f"{fmt(n)} in {fmt(base)}" + (" per year" if yearly else "")
    return f"{prefix} {text}".strip(), ""


def phrase_text(value: str, match: re.Match[str], time: str = "") -> str:
    """The value a phrase row gives: its ``value`` with each ``{group}`` filled in from the
    match ("{v} ({c})" -> "may be fatal (if the tumour is not controlled)"; ``{time}``: the
    time frame it holds at, "no relapse (at 18 months)"; an empty bracket goes), else the
    first group that matched, else the words found."""
    if "{" in value:
        found = {k: " ".join(v.split()) for k, v in match.groupdict().items() if v}
        found["time"] = time
        text = re.sub(r"\{(\w+)\}", lambda g: found.get(g.group(1), ""), value)
        return " ".join(re.sub(r"\(\s*\)", "", text).split())
    if value:
        return value
    groups = [g for g in match.groups() if g]
    return groups[0] if groups else " ".join(match.group().split())


def is_share(match: re.Match[str]) -> bool:
    """Whether a rate match is a share of a group ("one in two children", "9/20 patients")."""
    n, base, yearly = rate(match)
    return 0 < base <= SHARE_BASE and n <= base and not yearly and not match.group("only")


def joined(text: str, end: int, *args: int) -> bool:
    """Whether only a "vs", "and", a comma or a bracket stand between two figures (the first
    ends at ``end``, the second spans ``start:after``); after an "and" the second must end a
    list ("7 % and 24 % of ...", "... , respectively"), not begin a clause of its own ("20 %
    were treated with ..."); or, when the first begins at ``begin``, both are items of one
    list (:func:`parallel`): ``joined(text, end, [begin,] start, after)``."""
    begin, start, after = args if len(args) == 3 else (-1, *args)
    if begin >= 0 and parallel(text, (begin, end), (start, after)):
        return True
    if start - end > 80:
        return False
    if _VERSUS.match(text, end, start) or _CONTRAST.match(text, end, start):
        return True
    link = _JOINED.match(text, end, start) if start - end < 40 else None
    return link is not None and bool(link.group("vs") or _ENDS_LIST.match(text, after))


_WORD_BEFORE = re.compile(r"([a-z]+)\s*$")
_WORD_AFTER = re.compile(r"\s*([a-z]+)")
_ITEM_GAP = re.compile(r"[^.;:\d()]{0,70}")


def parallel(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two figures are items of one list, told by the same word before or after
    each ("in 39 %, ... in 35 % and ... in 19 %", "45 % after A, 59 % after B"): between them
    a comma or "and", no full stop, semicolon or other number, and few words."""
    between = text[first[1] : second[0]]
    if not _ITEM_GAP.fullmatch(between) or not re.search(r",|\band\b", between):
        return False
    if len(between.split()) > 6:
        return False
    before = [_WORD_BEFORE.search(text, max(0, a - 20), a) for a, _ in (first, second)]
    after = [_WORD_AFTER.match(text, b) for _, b in (first, second)]
    same = lambda pair: all(pair) and pair[0].group(1) == pair[1].group(1)  # noqa: E731
    return same(before) or same(after)


def sex_named(cue: str) -> str:
    """The sex a cue names ("were girls", "females", "F:M" -> the first), or ""."""
    found = _SEX_WORD.search(cue)
    if found is None:
        return ""
    word = found.group(1).removesuffix("s")
    return _SEXES.get(word, "female" if word.startswith("female") else "male")


#: the subject of a clause that is another measure than the condition's own frequency
_OTHER_MEASURE = re.compile(
    r"\b(?:relaps\w*|recurr\w*|deaths?|mortality|deficits?|sequelae|outcomes?|tumou?rs?|"
    r"neuroblastomas?|side effects?|adverse events?|responses?|remissions?)\b[^.;:]*$"
)


def of_another_measure(text: str, start: int) -> bool:
    """Whether the clause before offset ``start`` speaks of relapses, deaths, deficits, a
    tumour or a response ("relapses were more common in girls"), not of the condition."""
    clause = re.split(r"[;:]|,\s+(?:but|while|whereas)\b", text[max(0, start - 80) : start])[-1]
    return _OTHER_MEASURE.search(clause) is not None


def ratio_sex(cue: str) -> str:
    """ "female predominance", "F:M": the sexes a ratio's cue compares, or ""."""
    if re.fullmatch(r"[fm]\w*\s?[:/]\s?[fm]\w*", cue):
        return "female:male" if cue.startswith("f") else "male:female"
    return f"{sex_named(cue)} predominance" if "predominance" in cue else ""


def percent_text(text: str) -> str:
    """A share as the normalised values write it ("50%–80%" -> "50-80 %", "≥ 50 %" -> "at
    least 50 %"); spelled numbers are digits already."""
    text = re.sub(r"\s*(?:%|percent|per\s?cent)(?=\s*(?:-|–|to|and)\s*\d)", "", text)  # "50%–80%"
    text = re.sub(r"^[≈≥≤<>]\s*", lambda m: _SIGNS[m.group().strip()] + " ", text)
    text = re.sub(r"\s*(?:%|percent|per\s?cent)$", " %", text)
    text = re.sub(r"\bbetween\s+(\S+)\s+and\s+", r"\1-", text)
    return re.sub(r"(?<=\d)\s*(?:-|–|to)\s*(?=\d)", "-", text)


#: the attributes whose figures hold at a time ("relapses within 2 years")
_TIMED = frozenset({"relapse rate", "mortality", "long-term deficits"})


def with_time(text: str, attribute: str, qualifier: str, start: int, end: int) -> str:
    """``qualifier`` with the time frame a relapse, death or deficit figure is counted at
    ("5-year survival was 95 %": "5-year"), the one nearest the figure within its clause."""
    if attribute not in _TIMED:
        return qualifier
    low, high = max(0, start - 60), min(len(text), end + 60)
    best = None
    for match in TIME_FRAME.finditer(text, low, high):
        between = text[match.end() : start] if match.end() <= start else text[end : match.start()]
        if match.start() < end and start < match.end() or ";" in between:
            continue
        gap = len(between)
        if best is None or gap < best[0]:
            best = (gap, match.group())
    if best is None:
        return qualifier
    said = SPELLED.sub(lambda m: fmt(number(m.group())), " ".join(best[1].split()))
    return f"{qualifier}; {said}" if qualifier else said


def _closes(between: str) -> bool:
    """Whether ``between`` closes a bracket it did not open (a cue inside brackets)."""
    if ")" not in between and "]" not in between:
        return False
    depth = 0
    for ch in between:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth < 0:
                return True
    return False


#: a counted group as a clause's subject, its share in brackets: "50 children with OMS (45 %)
#: relapsed" (what follows the bracket is said of them)
_SUBJECT_SHARE = re.compile(
    r"(?:^|[,;:]\s|\b(?:of|in|and|whom)\s)\s*(?:\d[\d,]*|[a-z]+(?:[ -][a-z]+)?)\s+(?:[\w-]+\s+)?"
    r"(?:children|patients|cases|adults|infants|toddlers|girls|boys|women|men|participants)"
    r"(?:\s+(?:with|of)\s+[\w -]{1,40}?)?\s*\(\s*\Z"
)


def _depth_end(text: str, at: int, limit: int) -> int:
    """Where the bracket around offset ``at`` closes, or the sentence's end ``limit``."""
    depth = 0
    for i in range(at, limit):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            if depth == 0:
                return i
            depth -= 1
    return limit


def distance(
    text: str, cue: tuple[int, int], start: int, end: int, side: str, limit: int
) -> int | None:
    """Words between a cue and a figure, or None when the cue is on the wrong side."""
    c_start, c_end = cue
    if c_start < end and start < c_end:
        return -1  # the figure's own words ("1/5,000,000 per year") come first
    if c_end <= start and side in {"before", "both"}:
        between = text[c_end:start]
        if _closes(between):  # "(< 3 %, mostly from neuroblastoma) but 17 %": the bracket's
            return None
    elif c_start >= end and side in {"after", "both"}:
        group = POPULATION.match(text, end, c_start)  # "half of our children have relapsed":
        between = text[group.end() if group else end : c_start]  # the group's words are its own
        if c_start > _depth_end(text, end, limit) and not _SUBJECT_SHARE.search(
            text, max(0, start - 90), start
        ):  # a figure in brackets speaks of what precedes, unless it is its subject's share
            return None
    else:
        return None
    if ";" in between:
        return None
    return len(WORD.findall(_ASIDE.sub(" ", between)))


def resolve(found: list[tuple[str, re.Match[str]]]) -> list[tuple[str, re.Match[str]]]:
    """The longest of overlapping figure matches, in text order."""
    found = sorted(found, key=lambda f: (f[1].start() - f[1].end(), f[1].start()))
    kept: list[tuple[str, re.Match[str]]] = []
    for kind, m in found:
        if m.end() > m.start() and all(
            m.end() <= k.start() or k.end() <= m.start() for _, k in kept
        ):
            kept.append((kind, m))
    return sorted(kept, key=lambda f: f[1].start())


def digits(text: str) -> str:
    """``text`` with its spelled numbers as digits ("forty- five per cent" -> "45 per cent")."""
    return SPELLED.sub(lambda m: fmt(number(m.group())), " ".join(text.split()))


def normal(kind: str, match: re.Match[str]) -> tuple[str, str]:
    """(normalised value text, qualifier) of one figure match."""
    raw = match.group().casefold()
    if kind == "rate":
        return rate_text(match)
    if kind == "percent" and "pct" in match.re.groupindex:  # "47 % (27/58)"
        x, y = fmt(number(match.group("x"))), fmt(number(match.group("y")))
        return percent_text(digits(match.group("pct").casefold())), f"{x} of {y}"
    if kind == "percent" and match.lastindex == 2:  # "45 (39 %)": the share, the count aside
        count = fmt(number(match.group(1)))
        return percent_text(digits(match.group(2).casefold())), f"n = {count}"
    if kind == "percent":
        return percent_text(digits(raw)), ""
    if kind == "part":  # "11 of 24", or "of the 24 children, 11" (named groups)
        named = match.groupdict()
        x, y = number(named.get("x") or match.group(1)), number(named.get("y") or match.group(2))
        return f"{fmt(x)} of {fmt(y)} ({percent_of(x, y, match)} %)" if y else raw, ""
    if kind == "age":
        text = re.sub(r"\s+(?:of age|old)$", "", unit_words(raw))
        text = re.sub(r"^(?:children|infants|toddlers|kids)\s+|^aged\s+", "", text)
        text = re.sub(r"\b(?:the\s+)?ages?\s+of\s+", "", text)
        text = re.sub(r"^between\s+(\S+)\s+and\s+", r"\1-", text)
        text = re.sub(r"\bthe age of\s+", "", text)
        text = re.sub(r"^(?:between|from)\s+", "", digits(text))
        text = re.sub(r"^[<≤]\s*", "under ", re.sub(r"^[>≥]\s*", "over ", text))
        text = re.sub(r"\b(months?|years?)\s*(?:and|to|-|–)\s*(?=\d)", r"\1-", text)
        text = re.sub(r"^(?:the|their)\s+(?=\w+\s.*decade)", "", text)  # "their fifth decade"
        if not re.search(r"\b(?:months?|years?|life|decades?)$", text):
            text += " years"  # "under the age of two", "between the ages of one and three"
        return re.sub(r"(?<=\d)\s*(?:-|–|to)\s*(?=\d)", "-", text), ""
    if kind == "ratio":  # "1.2 to 1"; "1.2:1 to 1.5:1" a range of two ratios
        pair = re.fullmatch(r"(\S+?)\s*:\s*(\S+?)\s*(?:to|-|–)\s*(\S+?)\s*:\s*(\S+)", raw)
        if pair:
            return "{}:{} to {}:{}".format(*pair.groups()), ""
        return re.sub(r"\s*(?::|to)\s*", ":", raw), ""
    if kind in {"fraction", "quantity"}:
        return " ".join(raw.replace("-", " ").split()), ""
    return digits(raw), ""


def restated(figure: Any, figures: list[Any]) -> bool:
    """Whether another figure of ``figure``'s attribute says its value with more, in brackets
    ("55 % female" beside "55 % female (22 of 40)")."""
    return any(
        g.attribute == figure.attribute and g.object.startswith(f"{figure.object} (")
        for g in figures
    )


_UPPER = re.compile(r"\s*(?:-|–|to)\s*(\d+)\b")


def median_figures(
    low: str, match: re.Match[str], population: str, limit: int
) -> tuple[list[tuple[Any, ...]], int]:
    """ "median age, 38 [IQR 31-50] vs 54 [IQR 45-65] years": the fields of one figure per group
    (attribute, text, value, population, qualifier, start, end), and where the figures end."""
    stop = low.find(";", match.end(), limit)
    stop = limit if stop < 0 else stop
    values = [match.span("n")]
    at = match.end()
    while (more := VERSUS.match(low, at, stop)) is not None:
        values.append(more.span(1))
        at = more.end()
    unit = UNIT_WORD.search(low, values[-1][1], min(limit, stop + 1))
    name = unit_words(unit.group(1)) if unit else ""
    if name and not name.endswith("s"):
        name += "s"
    reach = min(limit, (unit.end() if unit else at) + 80)
    ranges = list(RANGE.finditer(low, match.end(), reach))
    covered = max([unit.end() if unit else at, *(r.end() for r in ranges)])
    out = []
    for i, (v_start, v_end) in enumerate(values):
        n = number(low[v_start:v_end])
        text = f"{match.group('stat')} {fmt(n)} {name}".strip()
        attribute = "age at onset"
        if match.group("iq"):  # "median full-scale IQ was 78": a measure of the deficits
            upper = _UPPER.match(low, v_end)  # "in the range 70-80"
            high = f"-{upper.group(1)}" if upper and i == 0 else ""
            measure = match.group("iq").upper() if len(match.group("iq")) == 2 else "DQ"
            attribute, text = (
                "long-term deficits",
                f"{match.group('stat')} {measure} {fmt(n)}{high}",
            )
        qualifier = ""
        if i < len(ranges):
            span = re.sub(r"\s*(?:-|–|to)\s*", "-", digits(ranges[i].group(2)))
            qualifier = f"{ranges[i].group(1)} {span}"
        start = match.start() if i == 0 else v_start
        value = parse_value(text)
        out.append((attribute, text, value, population, qualifier, start, v_end))
    return out, covered


_SEX_WORD = re.compile(r"\b(girls?|females?|women|woman|boys?|males?|men|man)\b")
_SLIGHT = re.compile(r"\b(?:slightly|somewhat|a little|marginally)\b")


def predominance(said: str) -> str:
    """A sex ratio told in words, normalised: the sex named first is the one more often affected
    ("boys are slightly more often affected" -> "slight male predominance (boys are slightly
    more often affected)"), the words as written kept beside it."""
    sex = _SEX_WORD.search(said)
    if sex is None:
        return said
    word = sex.group(1)
    side = "female" if word.startswith(("girl", "female", "wom")) else "male"
    return f"{'slight ' if _SLIGHT.search(said) else ''}{side} predominance ({said.strip()})"


_BUT = re.compile(r"\b(?:but|while|whereas|yet)\b|;")
_SUBORDINATE = re.compile(r"\b(?:although|though|while|whereas)\b[^,;]*\Z")
#: what may stand between a contrast and a figure that opens its own clause ("but up to 70 %")
_OPENS_CLAUSE = re.compile(
    r"[\s,]*(?:(?:only|just|up to|about|around|nearly|almost|over|some|as many as|"
    r"more than|less than|fewer than)\s+)*\Z"
)


def contrasted(text: str, span: tuple[int, int], start: int, end: int) -> bool:
    """Whether a contrast sets the cue at ``span`` apart from the figure at ``start:end``:
    the figure opens its own clause after "but"/";" ("mortality is low, but 70 % ...", not
    "mortality was high but has fallen to 5 %"), or the cue stands in an "although" clause
    before it ("Although mortality is low, 70 % ...")."""
    if span[0] >= end:  # a cue after the figure: "70 % have problems, but mortality is low"
        return _BUT.search(text, end, span[0]) is not None
    contrast = _BUT.search(text, span[1], start)
    if contrast is not None and _OPENS_CLAUSE.fullmatch(text, contrast.end(), start):
        return True
    comma = text.rfind(",", span[1], start)
    clause = max(text.rfind(c, 0, span[0]) for c in ".;:\n")
    return (
        comma >= 0
        and _OPENS_CLAUSE.fullmatch(text, comma, start) is not None
        and _SUBORDINATE.search(text, clause + 1, span[0]) is not None
    )
