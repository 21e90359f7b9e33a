"""The shapes of figures as literature writes them (rates, shares, ages, counts, ratios,
spelled-out numbers) and the words around them (populations, sexes, ranges), compiled once for
:mod:`omsgraph.extract.figures`, which holds the algorithm."""

from __future__ import annotations

import re

from omsgraph.corpus.values import NUMBER
from omsgraph.extract.factoring import Keywords, factored, required

_NUM = "(?:" + NUMBER[1:]  # the same number, not captured
_PREFIX = (
    r"(?:(?:about|around|approximately|roughly|nearly|almost|some|at least|more than|over|"
    r"up to|less than|fewer than|only|~|≈|≥|≤|<|>)\s*)?"
)
_TO = r"\s*(?:-|–|to)\s*"
_PCT = r"\s*(?:%|percent\b|per\s?cent\b)"
_UNIT = r"(months?|years?|(?:yrs?|mos?|mths?)\b)"  # "1-3 yrs", "18 mo" on slides and in tables
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth)"
_FRACTION_TO = (  # the upper end of a range of fractions
    r"(?:\s+(?:to|and)\s+(?:(?:one|a)[\s-]+(?:half|third|quarter)|two[\s-]+thirds|"
    r"three[\s-]+quarters)\b)?"
)
_PERSONS = (
    r"(?:patients|children|cases|adults|infants|toddlers|people|subjects|individuals|survivors|"
    r"participants|kids|babies)"
)
#: a number with spaces between groups of three digits ("5 000 000"), read only as a denominator
_SPACED = r"\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?!\d)"
FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "median",
            r"\b(?P<stat>median|mean|average)\s+(?:(?:(?:onset|presentation|diagnosis)\s+)?age"
            r"(?:\s+(?:at|of)\s+(?:(?:first|symptom|disease|neurological)\s+)?"
            r"(?:onset|diagnosis|presentation))?"
            # "median full-scale IQ was 78", "mean IQ ... lay in the range 70-80": a deficit
            r"|(?:full[- ]scale\s+)?(?P<iq>iq|dq|developmental quotient)"  # not of the controls,
            r"(?:\s+(?!controls?\b|siblings?\b|healthy\b|normative\b|onset\b|baseline\b|"  # nor
            r"diagnosis\b|presentation\b|before\b)[\w-]+){0,5}?"  # before the treatment
            r"\s+(?:was|were|of|lay in the range|in the range(?: of)?|=|:))"
            r"(?:\s*[(\[](?:range|iqr|sd|years?|months?|y|m)[)\]])?"  # "median age (range): 19"
            r"\s*(?:,|:|of|was|is|=)?\s*(?P<n>" + _NUM + r")",
        ),
        (
            "rate",
            _PREFIX
            + r"(?:(?P<low>"
            + _NUM
            + r")"
            + _TO
            + r")?(?P<n>"
            + _NUM
            + r")\s*(?:\s(?:new\s+)?(?:(?P<one>cases?|child(?:ren)?|persons?|people|individuals?"
            r"|bab(?:y|ies)|infants?)\s+)?"
            r"(?:(?:in|per|out of)(?: every)?|of every)\s+|/\s*|\s+(?:new\s+)?cases?\s*/\s*"
            r"|-in-(?=an?-(?:million|thousand)\b)"
            r"|:\s*(?=\d{1,3}[, ]\d{3}|\d{4}))"
            r"(?:10\s*\^\s*(?P<power>\d{1,2})|10(?P<sup>[²³⁴⁵⁶⁷⁸⁹])"
            r"|(?P<base>" + _SPACED + r"|" + _NUM + r")"
            r"(?:"
            + _TO
            + r"(?P<high>"
            + _NUM
            + r")(?=\s*(?:million|thousand|children|people|patients|persons|individuals|"
            r"infants|toddlers|kids|adults|women|men|girls|boys|babies|cases|of)\b"
            r"|\s*(?:[.,;)]|$)))?"  # "5-10 million", "1 in 2 to 3 children"
            r"(?:\s*(?P<scale>million|thousand))?"
            r"|(?:an?[\s-]+)?(?P<only>million|thousand))"
            r"(?:\s+(?P<who>children|people|persons|individuals|inhabitants|live births|births|"
            r"population|newborns|infants))?"
            r"(?:\s+(?:under|below|younger than|aged)\s+" + _NUM + r"(?:" + _TO + _NUM + r")?"
            r"(?:\s*years?(?:\s+of age|\s+old)?)?)?"
            r"(?P<year>\s+(?:per year|a year|each year|per annum|annually)|[- ]person[- ]years?"
            r"|\s*/\s*(?:year|yr|y|annum)\b)?",
        ),
        (  # "47% (27/58)": the share, the count aside
            "percent",
            r"(?P<pct>" + _PREFIX + _NUM + r"(?:" + _TO + _NUM + r")?" + _PCT + r")\s*[(\[]\s*"
            r"(?P<x>" + _NUM + r")\s*(?:/|of)\s*(?P<y>" + _NUM + r")\s*[)\]]",
        ),
        (
            "percent",
            r"("
            + _NUM
            + r")(?:\s+(?:[a-z-]+\s+)?"
            + _PERSONS
            + r")?\s*[(\[]\s*("
            + _PREFIX
            + _NUM
            + r"(?:"
            + _TO
            + _NUM
            + r")?"
            + _PCT
            + r")\s*[)\]]",
        ),
        (
            "percent",
            r"((?:(?:below|under)\s+)?"
            + _PREFIX
            + r"(?:between\s+"
            + _NUM
            + r"(?:"
            + _PCT
            + r")?\s+and\s+"  # "between 20 % and 40 %": one range
            + _NUM
            + r"|"
            + _NUM
            + r"(?:(?:(?:"
            + _PCT
            + r")?"
            + _TO
            + r"|\s+and\s+)"
            + _NUM
            + r")?)"
            + _PCT
            + r")",
        ),
        (
            "part",
            r"("
            + _NUM
            + r")(?:\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?|\s*/\s*)("
            + _NUM
            + r")(?:\s+"
            + _PERSONS
            + r"(?:\s*[(\[]\s*\d+(?:\.\d+)?\s*%\s*[)\]])?|\s*[(\[]\s*\d+(?:\.\d+)?\s*%\s*[)\]]"
            # "two out of three are left with difficulties": the persons left out
            r"|(?=\s+(?:are|were|have|had|will|develop\w*|relapse\w*|die|died|"
            r"recover\w*)\b))",
        ),
        (  # "of the 24 children, 11 had a tumour": the count after its group
            "part",
            r"\bof\s+(?:the\s+|all\s+|these\s+|our\s+)?(?P<y>"
            + _NUM
            + r")\s+"
            + _PERSONS
            + r"\s*,\s*(?P<x>"
            + _NUM
            + r")\b(?!\s*(?:%|percent|per cent|of\b|[(\[]))",  # "30 (38 %)": that share
        ),
        (
            "sex",
            r"\b(" + _NUM + r")\s+(?:were\s+|are\s+)?(girls|boys|females?|males?|women|men)\b"
            r"(?:\s+(?:patients|children|adults|infants))?\s*(?:,|and|/|;)\s*("
            + _NUM
            + r")\s+(?:were\s+|are\s+)?(girls|boys|females?|males?|women|men)\b",
        ),
        (  # "31 adolescents (18 female)", "60 children (30 per arm; 33 girls)": one sex's share
            "sexof",
            r"\b(?P<total>"
            + _NUM
            + r")\s+(?:[\w-]+\s+){0,4}?(?:adolescents|young adults|women|men|girls and boys|"
            r"boys and girls|" + _PERSONS[3:] + r"\b(?=(?:\s+(?:were|was)\s+"
            r"[\w-]+)?\s*[(\[](?:[^()\[\]]*?[;,]\s*)?(?P<n>" + _NUM + r")\s+"
            r"(?P<sex>females?|males?|girls|boys|women|men)\b\s*[;,)\]])",
        ),
        (
            "age",
            r"\bbetween\s+"
            + _NUM
            + r"\s+and\s+"
            + _NUM
            + r"\s*"
            + _UNIT
            + r"(?:\s+(?:of age|old))?",
        ),
        (
            "age",
            r"\bbetween\s+(?:the\s+)?ages?\s+of\s+"
            + _NUM
            + r"\s+and\s+"
            + _NUM
            + r"(?:\s*"
            + _UNIT
            + r")?",
        ),
        (
            "age",
            r"\b(?:between\s+|from\s+)?"
            + _NUM
            + r"\s*"
            + _UNIT
            + r"\s*(?:and|to|-|–)\s*"
            + _NUM
            + r"\s*"
            + _UNIT
            + r"(?:\s+(?:of age|old))?(?![\w-])",
        ),
        ("age", r"\b" + _ORDINAL + r"(?:\s+(?:or|and|to)\s+" + _ORDINAL + r")?\s+years? of life"),
        (  # "in their fifth or sixth decade": an adult's age in decades
            "age",
            r"\b(?:the|their|his|her)\s+" + _ORDINAL + r"(?:\s+(?:or|and|to)\s+" + _ORDINAL + r")?"
            r"\s+decades?(?:\s+of\s+life)?",
        ),
        (
            "age",
            r"\b(?:under|below|younger than|before)\s+(?:the\s+age\s+of\s+(" + _NUM + r")"
            r"(?:\s*" + _UNIT + r")?|(" + _NUM + r")\s*" + _UNIT + r")",
        ),
        (  # "over 40 years of age", "older than 50": an age's lower bound ("over 3 years"
            "age",  # alone is a duration)
            r"\b(?:(?:over|above|after)\s+(?:the\s+age\s+of\s+" + _NUM + r"(?:\s*" + _UNIT + r")?"
            r"|"
            + _NUM
            + r"\s*"
            + _UNIT
            + r"\s+(?:of\s+age|old))|older\s+than\s+(?:the\s+age\s+of\s+)?"
            + _NUM
            + r"(?:\s*"
            + _UNIT
            + r")?)",
        ),
        (  # "children aged 1 to 3": a range of ages, no unit
            "age",
            r"\baged\s+(?:between\s+)?" + _NUM + r"(?:" + _TO + r"|\s+and\s+)" + _NUM + r"\b"
            r"(?!\s*(?:%|per\b|kg|mg|[.,]\d|months?|years?|yrs?|mos?|mths?|weeks?|days?))",
        ),
        (  # "affects children under 5": the persons' age, no unit
            "age",
            r"\b(?:children|infants|toddlers|kids)\s+(?:under|below|younger than|less than)\s+"
            r"(?:the\s+age\s+of\s+)?" + _NUM + r"\b(?!\s*(?:%|per\b|in\b|mg|kg|[.,]\d))",
        ),
        (
            "age",
            _PREFIX + _NUM + r"(?:" + _TO + _NUM + r")?\s*" + _UNIT + r"(?:\s+(?:of age|old))?"
            r"(?![\w-])",
        ),
        (
            "count",
            r"\b(?:(?:fewer than|less than|only|about|over|more than|some|approximately)\s+)?"
            + _NUM
            + r"\s+(?:cases|patients)\s+(?:have\s+been\s+|had\s+been\s+|were\s+|are\s+)?"
            r"(?:reported|described|published|documented)",
        ),
        (  # "around 20 to 30 children are diagnosed each year": a count of new cases
            "count",
            _PREFIX
            + r"(?:"
            + _NUM
            + _TO
            + r")?"
            + _NUM
            + r"\s+(?:new\s+)?(?:children|cases|patients|"
            r"people|adults|babies)(?=\s+(?:(?:are|is|were)\s+)?(?:newly\s+)?(?:diagnosed|affected)"
            r"(?:\s+[\w-]+){0,3}?\s+(?:each|every|a|per)\s+year\b)",
        ),
        (  # "two patients had late relapses", "three children died": persons counted
            "persons",
            r"\b" + _NUM + r"\s+(?:[\w-]+\s+)?" + _PERSONS + r"(?=\s+(?:(?:had|have|experienced|"
            r"suffered|developed)\s+(?:(?:a|one|further|late|early|multiple|several|repeated)\s+)?"
            r"(?:relapses?|recurrences?)|(?:later\s+)?(?:relapsed|died))\b)",
        ),
        (  # "1.2:1 to 1.5:1": a range of ratios, one value
            "ratio",
            r"\b\d+(?:\.\d+)?\s*:\s*\d+(?:\.\d+)?\s*(?:to|-|–)\s*\d+(?:\.\d+)?\s*:\s*\d+(?:\.\d+)?\b",
        ),
        ("ratio", r"\b\d+(?:\.\d+)?\s*:\s*\d+(?:\.\d+)?\b"),
        (  # "1.2 to 1", only ever read next to a sex ratio's cue
            "ratio",
            r"\b\d+(?:\.\d+)?\s+to\s+\d+(?:\.\d+)?\b(?!\s*(?:%|percent|per\b|months?|years?|weeks?|days?))",
        ),
        (
            "fraction",
            r"\b"
            + _PREFIX
            + r"(?:(?:one|a)\s+)?half\b"
            + _FRACTION_TO  # "half to two-thirds": one range
            + r"|\b"
            + _PREFIX
            + r"(?:(?:one|a)[\s-]+(?:third|quarter)|two[\s-]+thirds|three[\s-]+quarters)\b"
            + _FRACTION_TO,  # "a third to a half": one range
        ),
        (
            "quantity",
            r"\b(?:the\s+)?(?:vast\s+)?(?:majority|most)\s+(?:of\s+)?(?:the\s+|all\s+|these\s+)?"
            r"(?:(?:[a-z]+ly\s+)?(?:affected|treated|surviving|young(?:er)?|older)\s+)?(?:"
            + _PERSONS
            + r"|those(?=\s+(?:with|who|affected|treated)\b))\b",
        ),
    )
)
DIGIT = re.compile(r"\d")
_SPELLED_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety", "hundred", "half", "third", "quarter", "majority", "most", "year of life",
    "years of life", "age of", "decade",
)  # fmt: skip
SPELLED_GATE = re.compile(
    r"\b(?:" + factored([w.replace("teen", r"\w+teen") for w in _SPELLED_WORDS]) + r")\b"
)
#: words one of which a sentence needs for a form to be tried (a quick test, for speed)
_SMALL = r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)"
NEEDS: dict[str, tuple[str, ...] | re.Pattern[str]] = {
    "median": (
        "median age",
        "mean age",
        "average age",
        "median onset",
        "mean onset",
        "median iq",
        "mean iq",
        "median full",
        "mean full",
        "mean dq",
        "median dq",
        "mean developmental",
        "average iq",
    ),  # fmt: skip
    "rate": re.compile(
        r"(?: in | per | out of | of every |/|:|-in-)\s*(?:every\s+|an?[\s-]+)?"
        r"(?:\d|million|thousand|" + _SMALL[3:]
    ),
    "percent": ("%", "percent", "per cent"),
    "part": re.compile(r"(?:(?:^| )of (?:the |all |these |our )?|/)" + _SMALL),
    "age": re.compile(
        r"month|year|decade|age of|ages of|aged |\b(?:yrs?|mos?|mths?)\b"
        r"|(?:under|below|younger than|less than) "
    ),
    "count": ("reported", "described", "published", "documented", "year"),
    "ratio": (":", " to "),
    "fraction": ("half", "third", "quarter"),
    "quantity": ("most", "majority"),
    "sex": ("girls", "boys", "male", "men"),
    "persons": ("relaps", "recurr", "died"),
    "sexof": re.compile(r"[(\[][^()\[\]]*\b(?:females?|males?|girls|boys|women|men)\b"),
}
#: per form, the fixed strings one of which each of its matches holds (None: not known)
FORM_STRINGS = tuple(required(pattern) for _, pattern in FORMS)
#: the words of NEEDS and the forms' strings: a sentence's are found in one pass
NEEDED = tuple(
    sorted(
        {w for words in NEEDS.values() if isinstance(words, tuple) for w in words}
        | {w for strings in FORM_STRINGS if strings for w in strings}
    )
)
_GROUP = r"(?:girls|boys|women|men|" + _PERSONS[3:]  # "40 % of boys relapsed"
POPULATION = re.compile(
    r"\s*(?:of|in|among)\s+(?:the\s+|all\s+|these\s+)?(?:\d+\s+)?("
    + _GROUP
    + r"|(?:[\w-]+ ){1,2}"
    + _GROUP
    + r")(?:\s*[(\[][^)\]]*[)\]])?(?:\s+with\s+([\w' -]+?))?"
    r"(?=\s+(?:have|had|has|develop\w*|were|are|is|was|show\w*|present\w*|relaps\w*|died|die|"
    r"will|may|can|could|did|do|remain\w*|experienc\w*|achiev\w*|suffer\w*|requir\w*|"
    r"need\w*|recover\w*|respond\w*|harbou?r\w*|went|became)\b|\s*[(\[]|[,.;:)]|$)"
)
#: words before a median age that make it no age at onset ("at relapse, the median age")
NOT_ONSET = re.compile(r"\b(?:relaps\w*|recurr\w*|death|died|follow-up|last visit|surgery)\b")
#: when a relapse, a death or a deficit is counted ("at 5 years", "5-year", "within 2 years")
TIME_FRAME = re.compile(
    r"\b(?:at|within|after|by|over|during|beyond|for)\s+(?:(?:a|the)\s+(?=median|mean|first))?"
    r"(?:(?:median|mean)\s+(?:follow-up\s+)?(?:of\s+)?)?(?:first\s+)?(?:(?:a|one)\s+|"
    + _NUM
    + r"(?:"
    + _TO
    + _NUM
    + r")?\s*)"
    + _UNIT
    + r"(?:\s+of\s+follow-up)?(?![\w-])|\b"
    + _NUM
    + r"[- ](?:year|month)(?![\w-])"
)
#: "7 % of idiopathic and 24 % of paraneoplastic patients": the first group's persons
SHARED = re.compile(
    r"\s*(?:of|in|among)\s+(?:the\s+)?([\w-]+)\s*,?\s+(?:and|or|vs\.?|versus|compared with)\s+"
    + _PREFIX
    + _NUM
    + _PCT
    + r"\s*(?:of|in|among)\s+(?:the\s+)?[\w-]+\s+("
    + _GROUP
    + r")\b"
)
WITH = re.compile(
    r"(?:\s*[(\[][^)\]]*[)\]])?\s+with\s+([\w' -]+?)"
    r"(?=\s+(?:have|had|has|develop\w*|were|are|is|was|show\w*|present\w*)\b|[,.;:)]|$)"
)
ENDS_PERSONS = re.compile(r"\b(" + _PERSONS + r")(?:\s*[(\[][^)\]]*[)\]])?$")
THE_CONDITION = re.compile(
    r"opsoclonus|myoclonus|\boms\b|\bomas\b|dancing eye|kinsbourne|this (?:syndrome|condition|"
    r"disorder|disease)|the (?:syndrome|condition|disorder|disease)"
)
RANGE = re.compile(
    r"\b(interquartile range|iqr|range)\s*[,:=]?\s*("
    + _NUM
    + r"\s*"
    + _UNIT
    + _TO
    + _NUM
    + r"\s*"
    + _UNIT
    + r"|"
    + _NUM
    + _TO
    + _NUM
    + r")(?:\s*"
    + _UNIT
    + r")?"
)
VERSUS = re.compile(
    r"\s*(?:[(\[][^)\]]*[)\]])?\s*(?:vs\.?|versus|compared with|and)\s*(" + _NUM + r")"
)
SPELLED = re.compile(NUMBER)
UNIT_WORD = re.compile(r"\b" + _UNIT + r"\b")
#: the short forms of the units, as the values write them ("yrs" -> "years")
SHORT_UNIT = re.compile(r"\b(?:(yrs?)|(mos?|mths?))\b")


def unit_words(text: str) -> str:
    """``text`` with its short units in full ("1-3 yrs" -> "1-3 years", "18 mo" -> "18 months")."""
    return SHORT_UNIT.sub(lambda m: "years" if m.group(1) else "months", text)


WORD = re.compile(r"[\w%]+")
SEX = {
    "female": "female",
    "females": "female",
    "girls": "female",
    "women": "female",
    "male": "male",
    "males": "male",
    "boys": "male",
    "men": "male",
}


class Cues:
    """The cue spans of each row of ``rules/figures.tsv`` in one sentence, found when first
    asked for. ``strings``: per row (its line), fixed strings one of which each of its matches
    holds (None: not known), all of them in ``words``: a row none of whose strings occurs in
    the sentence matches nothing there, and is not searched (a quick test, for speed)."""

    def __init__(
        self,
        low: str,
        start: int,
        end: int,
        strings: dict[int, frozenset[str] | None],
        words: Keywords,
    ):
        self.low, self.start, self.end = low, start, end
        self.strings, self.words = strings, words
        self.found: dict[int, list[tuple[int, int]]] = {}
        self.present: set[str] | None = None  # the rows' strings in the sentence

    def __getitem__(self, rule) -> list[tuple[int, int]]:
        spans = self.found.get(rule.line)
        if spans is None:
            need = self.strings.get(rule.line)
            if need is not None and self.present is None:
                self.present = self.words.present(self.low[self.start : self.end])
            if need is not None and self.present.isdisjoint(need):
                spans = self.found[rule.line] = []
            else:
                found = rule.pattern.finditer(self.low, self.start, self.end)
                spans = self.found[rule.line] = [m.span() for m in found]
        return spans
