"""The cue phrases that type relations and qualify them, compiled once.

Relation cues ("is treated with", "caused by", "symptoms include"), section headings
("Symptoms", "Treatment", "Causes"), NegEx/ConText-style negation and hedging triggers with
their scope terminators, and the population and frequency qualifiers.
"""

from __future__ import annotations

import re

__all__ = [
    "FRAMES",
    "HEDGE_FORWARD",
    "HEDGE_MODAL",
    "HEDGE_SOFT",
    "NEG_POST",
    "NEG_POST_HINT",
    "NEG_PRE",
    "NEG_PSEUDO",
    "SCREEN",
    "TAIL",
    "TERMINATOR",
    "frame_spans",
    "frames_of",
    "heading_frames",
    "lower",
    "population",
    "qualifier",
]

_I = re.IGNORECASE
_L = 0  # cue patterns are lower case and run on lower-cased text (see lower())

#: relation frames a sentence can carry, each found by its cue phrases
FRAMES: dict[str, re.Pattern[str]] = {
    "differential": re.compile(
        r"\b(?:mistaken for|misdiagnos\w+|diagnosed as|confused with|differential|"
        r"distinguish\w* from|differentiat\w+|mimic\w*)\b",
        _L,
    ),
    "synonym": re.compile(
        r"\b(?:also known as|known as|also called|called as|named as|referred to as|synonyms?|"
        r"other names?|also termed|formerly|a\.k\.a\.|aka)\b",
        _L,
    ),
    "cause": re.compile(
        r"\b(?:caus(?:e[sd]?|ing|ative)|due to|trigger\w*|results? from|resulting from|"
        r"associat\w+|in conjunction with|follow(?:s|ed|ing)? (?:a|an|the)\b|after (?:the )?use|"
        r"induced|precipitat\w+|subsequent to|secondary to|etiolog\w*|aetiolog\w*|underlying|"
        r"linked to|origin of|responding to|attributed to|exposure|overdose|occurs? after|"
        r"paraneoplastic)\b",
        _L,
    ),
    "treat": re.compile(
        r"\b(?:treat\w*|therap\w*|managed|management|respon\w+ to|improv\w+ (?:with|after|on)|"
        r"benefit\w*|administ\w+|given|giving|give|prescrib\w+|recommend\w*|receiv\w+|"
        r"injection\w*|infusion\w*|doses?|dosing|regimens?|first-line|second-line|escalat\w+|"
        r"intensif\w+|taper\w*|resect\w*|remov\w+|surg\w+|immunosuppress\w*|efficac\w+|"
        r"effective|need|needs|require\w*|course of|trial\w*|tried|useful|beneficial|"
        r"sparing|refractory)\b",
        _L,
    ),
    "diagnose": re.compile(
        r"\b(?:diagnos\w+|test\w*|screen\w*|imaging|scan\w*|examin\w+|evaluat\w+|work-?up|"
        r"investigation\w*|search for|look(?:ing)? for|detect\w*|criteria|biomarker\w*|"
        r"markers?|reveal\w*|analys[ie]s|identif\w+|measur\w+|findings?)\b",
        _L,
    ),
    "symptom": re.compile(
        r"\b(?:symptoms?|signs?|features?|present(?:s|ed|ing)? with|presentation|manifest\w*|"
        r"characteri[sz]ed by|experienc\w+|exhibit\w*|suffer\w*|consists? of|include[sd]?)\b",
        _L,
    ),
    "complication": re.compile(
        r"\b(?:sequelae|long-term|long-lasting|left with|residual|remain\w*|persist\w*|"
        r"complications?|outcomes?|brain (?:injury|damage)|come from|permanent\w*|"
        r"never have|lasting|late effects?)\b",
        _L,
    ),
}

_HEADINGS: dict[str, re.Pattern[str]] = {
    "symptom": re.compile(
        r"\b(?:symptoms?|signs|clinical (?:features|presentation|picture)|presentation|"
        r"manifestations?)\b",
        _I,
    ),
    "cause": re.compile(
        r"\b(?:causes?|etiology|aetiology|risk factors|pathogenesis|triggers?|associations?)\b", _I
    ),
    "treat": re.compile(
        r"\b(?:treatments?|therapy|therapies|therapeutics?|management|medications?|surgery)\b", _I
    ),
    "diagnose": re.compile(
        r"\b(?:diagnosis|diagnostic|investigations?|tests?|testing|work-?up|evaluation|examination|"
        r"laboratory|imaging)\b",
        _I,
    ),
    "complication": re.compile(
        r"\b(?:prognosis|outcomes?|complications?|sequelae|long-term|long-lasting|"
        r"natural history|effects)\b",
        _I,
    ),
    "differential": re.compile(r"\b(?:differential|differentiating)\b", _I),
}

#: a line that ends the document's content: comments, other posts, references, site chrome
TAIL = re.compile(
    r"^\s*(?:comments?|\d+ comments?|leave a (?:comment|reply)|popular posts.*|related "
    r"(?:posts|articles|pages|topics)|similar articles|cited by.*|references?|bibliography|"
    r"further reading|see also|share this.*|pubmed disclaimer|linkout.*|you may also like.*|"
    r"recommended (?:for you|reading)|information for this article was taken from.*|"
    r"sources?|resources|external links|more from .*|read more.*|advertisement)\s*:?\s*$",
    _I,
)

#: negation triggers: before the concept (forward scope) and after it (backward scope)
NEG_PRE = re.compile(
    r"\b(?=[A-Za-z])(?:no|not|without|never|neither|nor|none of|absence of|absent|lack of|lacks?|"
    r"lacking|denie[sd]|den(?:y|ying)|free of|ruled? out|rules out|excluded|cannot|can't|"
    r"don't|doesn't|didn't|isn't|aren't|wasn't|weren't|fails? to|failed to|unlikely to)\b",
    _L,
)
NEG_PSEUDO = re.compile(
    r"\b(?=[A-Za-z])(?:by no means|no means|not only|not necessarily|"
    r"no (?:increase|change|further|longer)|not (?:certain|clear|known) (?:if|whether)|"
    r"no doubt|not infrequently|not uncommon\w*|"
    r"not rare\w*|not unusual\w*|no one)\b",
    _L,
)
#: a cheap test that a sentence may hold a post-trigger at all
NEG_POST_HINT = re.compile(
    r"normal|negative|unremarkable|absent|ruled out|excluded|not (?:found|detected|seen|"
    r"present|helpful|effective|useful)|did not help",
    _L,
)
NEG_POST = re.compile(
    r"[^.;:]{0,20}?\b(?:(?:is|are|was|were) (?:normal|negative|unremarkable|absent|"
    r"not (?:found|detected|seen|present|helpful|effective|useful))|(?:was|were|is|are|been) "
    r"(?:ruled out|excluded)|not (?:found|detected|seen)|did not help)\b",
    _L,
)
#: words that end a trigger's scope (ConText terminators)
TERMINATOR = re.compile(
    r"\b(?:but|however|although|though|whereas|while|except|apart from|aside from|yet|"
    r"nevertheless|which|who|whose|because|since)\b|[;:()\[\]]",
    _L,
)
#: a search for something, not a statement that it is there ("tested to see if ... a tumor")
SCREEN = re.compile(
    r"\b(?=[A-Za-z])(?:search(?:ed|ing)? for|look(?:ing|ed)? for|screen\w*|tested to see|"
    r"test(?:ed|ing)? for|evaluat\w+ for|work-?up for|imaging (?:for|to)|checked for|rule out)\b",
    _L,
)
#: hedges whose scope is the whole clause (modal verbs)
HEDGE_MODAL = re.compile(
    r"\b(?=[A-Za-z])(?:may|might|can|could|would|possibl[ey]|probabl[ey]|potential(?:ly)?|perhaps|"
    r"likely|unlikely|suspected|presumed|presumably|putative)\b",
    _L,
)
#: hedges whose scope runs forward from the cue
HEDGE_FORWARD = re.compile(
    r"\b(?=[A-Za-z])(?:(?<!most )often|sometimes|occasionally|rarely|seldom|"
    r"in some (?:cases|patients|children)|some|thought to|believed|postulated|"
    r"hypothesi[sz]ed|suggest\w*|appears? to|"
    r"seems? to|reportedly|reported to|has been (?:tried|reported|described) in|"
    r"in (?:rare|a few|selected) cases)\b",
    _L,
)
#: frequency words that hedge only in a negated statement ("does not usually improve")
HEDGE_SOFT = re.compile(r"\b(?=[A-Za-z])(?:usually|typically|generally|always|necessarily)\b", _L)

_CHILDREN = re.compile(
    r"\b(?:child(?:ren|hood)?|infan\w+|toddlers?|kids?|p(?:a)?ediatric|babies|baby|"
    r"girls?|boys?|teens?|adolescen\w+)\b",
    _L,
)
_ADULTS = re.compile(r"\badults?\b", _L)
_FREQUENCY = re.compile(
    r"\b(?:\d+(?:\.\d+)?\s*(?:-|to|–)\s*\d+(?:\.\d+)?\s*(?:%|percent)|\d+(?:\.\d+)?\s*"
    r"(?:%|percent)|(?:about|approximately|around|nearly) (?:half|a third|a quarter|one in "
    r"\w+)|(?:one|1) (?:out of every|in) [\d,.]+(?: million)?)",
    _L,
)


#: every frame's cues in one pattern, one named group per frame (one scan per sentence)
_ALL_FRAMES = re.compile(
    r"\b(?=[A-Za-z])(?:"
    + "|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in FRAMES.items())
    + ")",
    _L,
)


def lower(text: str) -> str:
    """``text`` in lower case with every offset unchanged (a few letters lower to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def frame_spans(text: str) -> list[tuple[int, str]]:
    """(position, frame) of every cue phrase in ``text``."""
    return [(m.start(), m.lastgroup or "") for m in _ALL_FRAMES.finditer(text)]


def frames_of(text: str) -> frozenset[str]:
    """The relation frames whose cue phrases occur in ``text``."""
    return frozenset(frame for _, frame in frame_spans(text))


def heading_frames(line: str) -> frozenset[str]:
    """The section kinds a heading line announces ("Causes and symptoms" -> cause, symptom)."""
    return frozenset(name for name, pattern in _HEADINGS.items() if pattern.search(line))


def population(text: str) -> str:
    """``children``, ``adults`` or ``all``, from what the sentence says."""
    kids, adults = bool(_CHILDREN.search(text)), bool(_ADULTS.search(text))
    if kids == adults:
        return "all"
    return "children" if kids else "adults"


def qualifier(text: str) -> str:
    """A frequency or percentage the sentence states, or ``""``."""
    match = _FREQUENCY.search(text)
    return match.group(0) if match else ""
