"""Content scoping: which lines of a document are about the condition, under which heading.

The text is read line by line. A line such as "Comments", "Popular posts from this blog" or
"References" ends the content; a short line naming a section ("Symptoms", "Causes and
symptoms", "TREATMENT") sets the section its following lines belong to; a line ending with a
colon opens a list whose items inherit its cue phrases and hedging; a line or section about
another named disease (and not about the condition) is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from omsgraph.extract import cues
from omsgraph.extract.descriptions import with_descriptions
from omsgraph.extract.differentials import heading_frames
from omsgraph.extract.events import with_events
from omsgraph.extract.figures import find_figures
from omsgraph.extract.lexicon import Lexicon, Mention
from omsgraph.extract.openvocab import generic_heads
from omsgraph.extract.qualify import SentenceCues
from omsgraph.extract.sentences import SENTENCE_SPLIT
from omsgraph.extract.sited import curated_heads
from omsgraph.extract.tables import Columns, table_rows

__all__ = ["Block", "blocks"]

_CONDITION = "opsoclonus-myoclonus-syndrome"
_LINE = re.compile(r"[^\n]*")
_CITATION = re.compile(r"\s*(?:\[\d+(?:[,–-]\s*\d+)*\])+\s*$")
_BULLET = re.compile(r"^\s*(?:[•*·▪◦‣–-]|\d{1,2}[.)])\s+")
_SMALL = frozenset({"and", "of", "the", "or", "for", "in", "with", "from", "to", "a", "on", "&"})
_MAX_CITATION = 600  # characters; a reference list entry is rarely half that
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: a quoted title ends in its stop or comma ('"Opsoclonus in infancy." Brain'), a quoted name
#: does not ('sometimes called "dancing eyes" or Kinsbourne syndrome')
_BIBLIOGRAPHIC = re.compile(
    r"[\"“][^\"”\n]{3,300}?(?:[.,?!][\"”]|[\"”]\s*[.,])|"
    r"\bet al\b|\bedited by\b|\beds?\.\s|\b(?:university )?press\b|\bpublish(?:ers?|ing)\b|"
    r"\b\d+\s*[:(]\s*\d+|\bno\. \d|\bvol\. \d|\bpp?\. \d|\bdoi:",
    re.IGNORECASE,
)
#: a heading run into its paragraph: "Differential diagnosis. Acute ...", "Differentials: X"
_RUN_IN = re.compile(r"([A-Z][A-Za-z'’ -]{2,40}?)(?:[.:]|\s[–—-])\s+(?=[A-Z0-9])")
#: the frames of an item of a differential list: its signs are alternatives, not symptoms
_DIFFERENTIAL_ITEM = frozenset({"differential", "introduced:differential"})
#: where an item of a differential list stops naming the alternative and starts describing it
#: ("Acute cerebellar ataxia - no opsoclonus", "Ocular flutter: horizontal only")
_DESCRIBES = re.compile(r"\s[–—|-]\s|—|:\s|;|\(|,\s*(?:which|with|but|without|no)\b")
_CAUSED_BY = re.compile(r"\s+(?:due to|caused by|secondary to|from|in)\s+(?:[\w'’-]+\s+){0,3}")
_SIGNS = frozenset({"symptom", "complication", "finding"})
#: page chrome: a journal's keyword line, the parts of a running header, a talk's objectives
_KEYWORDS = re.compile(r"(?:key ?words?|index terms|mesh terms|subject headings?|tags)\s*:", re.I)
_PARTS = re.compile(r"\s[|–—-]\s")
_OBJECTIVES = re.compile(
    r"(?:learning (?:objectives|outcomes)|objectives)\s*:?$|"
    r"by the end of this (?:talk|session|lecture|module|course)\b.*:$",
    re.I,
)
_OBJECTIVE = re.compile(
    r"(?:[-•*·]\s*)?(?:\d+[.)]\s*)?(?:to\s+)?(?:recogni[sz]e|know|understand|describe|list|"
    r"explain|identify|discuss|outline|appreciate|review|learn|summari[sz]e|compare|define|"
    r"interpret|plan|be able to)\b",
    re.I,
)
#: how a clause about another disease starts and ends ("However, X ...", "In X, ...")
_SUBJECT = re.compile(
    r"\s*(?:(?:however|by contrast|in contrast|conversely|similarly|likewise),?\s+)?"
    r"(?:(?:unlike|in contrast to|compared with|as opposed to)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+,\s+)?"
    r"(?:in\s+)?(?:(?:the|a|an)\s+)?",
    re.I,
)
_CLASS_WORDS = generic_heads()
_LIST_GAP = re.compile(r"\s*(?:,|/|\band\b|\bor\b)\s*(?:(?:and|or)\s+)?")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_RELATIVE = re.compile(r",?\s*(?:which|who)\s+")
#: a disease denied right after its name: a differential set aside, no subject of what follows
_EXCLUDED = re.compile(
    r"(?:,?\s+(?:and|or)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?"  # "X disease and HIV were"
    r"\s+(?:was|were|is|are|had been|has been|have been)\s+(?:(?!not\b|never\b)\w+\s+)?"
    r"(?:excluded|ruled out|unlikely|not (?:found|suspected|considered))\b",
    re.I,
)
_ABOUT_END = re.compile(r"[;.!?]|\b(?:whereas|while|but|although|unlike)\b")
_OTHER_DISEASE = re.compile(
    r"\b(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*(?:'s|’s)?\s+(?:[Ss]yndrome|[Dd]isease)\b"
)


@dataclass(frozen=True)
class Block:
    """A stretch of content (one line) with the section and list context it stands in."""

    start: int
    end: int
    section: frozenset[str] = frozenset()
    list_frames: frozenset[str] = frozenset()
    list_hedged: bool = False
    list_negated: bool = False
    mentions: tuple[Mention, ...] = ()

    def status(self, cues: SentenceCues, start: int, end: int, kind: str) -> tuple[str, str]:
        """The (polarity, certainty) of the mention at ``start:end`` of a sentence of this
        line (``cues``: its sentence's), hedged or negated as its list's lead-in says
        ("Signs may include:", "Not recommended:")."""
        polarity, certainty = cues.qualify(start, end, self.list_hedged, kind)
        return ("negated" if self.list_negated else polarity), certainty


def _names_condition(mentions: list[Mention]) -> tuple[bool, bool]:
    """(mentions the condition, mentions another vocabulary concept)."""
    condition = any(m.concept.id == _CONDITION for m in mentions)
    return condition, any(m.concept.id != _CONDITION for m in mentions)


_LISTED_FOR = re.compile(r"\b(?:for|against|including|such as|like|than)\b")  # "tests for X"
_OPENERS = frozenset({"In", "The", "A", "An", "Of", "With", "For"})


def _other_disease(line: str, lexicon: Lexicon, lead: bool = False) -> bool:
    """Whether ``line`` names a syndrome or disease that is not in the vocabulary; with
    ``lead``, in its first words, as what it is about (not an item of "tests for X, Y")."""
    if "yndrome" not in line and "isease" not in line:  # what the pattern needs (speed)
        return False
    for match in _OTHER_DISEASE.finditer(line):
        name = match.group()
        before = line[: match.start()]
        if lead and (len(before.split()) > 4 or _LISTED_FOR.search(before)):
            continue
        # drop leading words that only start the sentence ("In", "The")
        words = name.split()
        while len(words) > 2 and words[0] in _OPENERS:
            words = words[1:]
        if len(words) == 2 and words[0] in _OPENERS | {"This", "That", "Its", "Our", "Their"}:
            continue  # "The syndrome usually presents with ...": the condition, no name
        if lexicon.lookup(" ".join(words)) is None and lexicon.lookup(" ".join(words[-2:])) is None:
            return True
    return False


def _about_other_disease(line: str, lexicon: Lexicon) -> bool:
    """Whether ``line`` is a passage about a disease the vocabulary does not know: its first
    sentence names it, or a sentence opens on it ("Wilson disease presents with tremor"). A
    case report's paragraph that names one later ("her mother had Graves disease"), or sets
    one aside ("Whipple disease was excluded"), is the case's."""
    sentences = SENTENCE_SPLIT.split(line)
    if _other_disease(sentences[0], lexicon, lead=True):
        return True
    for sentence in sentences[1:]:
        head = _OTHER_DISEASE.match(sentence)
        if (
            head
            and not _EXCLUDED.match(sentence, head.end())
            and _other_disease(head.group(), lexicon)
        ):
            return True
    return False


def _title_case(words: list[str]) -> bool:
    return all(w[0].isupper() or w.lower() in _SMALL or not w[0].isalpha() for w in words)


def _chrome(line: str, words: list[str], top: bool) -> bool:
    """Whether ``line`` is a running header of a page or a slide: title-case parts joined by
    a bar ("Case Report | Neurology"), or by a dash at the ``top`` of the document, before
    any content or section ("Grand Rounds - Paediatric Neurology"; a bullet "Rituximab -
    Second Line" under "Treatment" is content)."""
    return (
        (
            len(words) <= 12
            and (("|" in line and not line.startswith("|")) or (top and bool(_PARTS.search(line))))
            and not line.endswith((".", "?", "!", ":"))
            and _title_case(words)
            and not cues.heading_frames(line)  # "Symptoms - Opsoclonus Myoclonus Syndrome"
        )
        or _link_bar(line)
        or bool(_BREADCRUMB.fullmatch(line))
    )


#: a breadcrumb trail of a web page: "Home > Conditions A-Z > Opsoclonus myoclonus syndrome"
_BREADCRUMB = re.compile(
    r"(?:you are here:?\s*)?(?:home|homepage|home page|main page|start)"
    r"(?:\s+(?:>|»|›|/|\\)\s+[^.!?>»›]{1,60}){1,}"
    r"|[^.!?>»›]{1,40}(?:\s+[»›]\s+[^.!?>»›]{1,60}){2,}",
    re.I,
)


#: a part of a bar of links: a capital first, at most five words, a count only in brackets
_LINK = re.compile(r"(?:[\w:-]+:\s*)?[A-Z][^\d|]*?(?:\s*\(\d+\))?")


def _link_bar(line: str) -> bool:
    """Whether ``line`` is a bar of three or more links ("Related: Neuroblastoma | Acute
    cerebellar ataxia | Paraneoplastic syndromes", "Expert centres (11) | Clinical trials
    (2) | ..."): no statement, whatever the case of its words."""
    parts = [p.strip() for p in line.split("|")]
    return (
        len(parts) >= 3
        and not line.endswith((".", "?", "!"))
        and all(p and len(p.split()) <= 6 and _LINK.fullmatch(p) for p in parts)
    )


def _citation(line: str) -> bool:
    """Whether ``line`` reads as a bibliography entry (year, quoted title, volume/pages); an
    entry is short, a whole document captured as one line is not one."""
    if len(line) > _MAX_CITATION or line.count(".") < 2 or not _YEAR.search(line):
        return False
    quoted = [m[0] in '"“' for m in _BIBLIOGRAPHIC.findall(line)]
    return len(quoted) + sum(quoted) >= 2 and not all(quoted)  # quoted words alone: speech


def _run_in(line: str) -> frozenset[str]:
    """The section a heading run into its paragraph opens for that paragraph only: a
    differential heading ("Differential diagnosis. Acute cerebellar ataxia is ...")."""
    match = _RUN_IN.match(line)
    if match is None or len(match.group(1).split()) > 4:
        return frozenset()
    frames = cues.heading_frames(match.group(1))
    return frames & {"differential"}


#: a declaration (disclosures, conflicts of interest, funding, acknowledgements): no claims,
#: nor under its heading until the next heading that names a topic
#: the lead-in of a trial's criteria of who may take part: its items state nothing of the
#: condition ("Exclusion criteria:", "- prior rituximab", "- age over 18 years")
_ELIGIBILITY = re.compile(
    r"(?:key |main )?(?:inclusion|exclusion|eligibility)(?: criteria)?(?: \([^)]*\))?\s*:",
    re.I,
)
_DECLARATION = re.compile(
    r"(?:financial )?disclosures?\b|conflicts? of interests?\b|competing interests?\b|"
    r"declarations? of interests?\b|acknowledge?ments?\b|funding(?: sources?)?\s*(?::|$)",
    re.I,
)
_DECLARED = (
    "disclosure",
    "disclosures",
    "interest",
    "interests",
    "acknowledgements",
    "acknowledgments",
    "funding",
    "sources",
)
#: a field of a patient's other history: its items are no signs of the condition
#: ("Comorbidities: eczema", "Allergies: penicillin", "Family history: epilepsy in an uncle")
_HISTORY_FIELD = re.compile(
    r"[\s•*-]*(?:co-?morbidit(?:y|ies)|other (?:medical )?conditions|allergies|drug allergies|"
    r"family history|social history)\s*:",
    re.I,
)
#: a field without a value: "Inheritance: Not applicable", "Cause: unknown" (no claim), as a
#: line or as one field of several on a line, set apart by three spaces or more
_EMPTY_FIELD = re.compile(
    r"(?:^|(?<=\s{3}))[\w ,/()'-]{1,40}:\s*(?:not applicable|n/?a|none(?: known| found| "
    r"detected)?|nil|unknown|not known|no data|-+|—)\s*\.?\s*(?:$|(?=\s{3}))",
    re.I | re.M,
)
_NUMBERED = re.compile(r"\d+(?:\.\d+)*\.?\s+[A-Z]")  # a numbered section: "4.1 Clinical diagnosis"
#: a particle that makes the one word before it a verb ("fall apart", "fall asleep"): no name
_PARTICLE = re.compile(r"\s+(?:apart|asleep)\b", re.I)


def _named_first(raw: str, start: int, mentions: list[Mention]) -> list[Mention]:
    """The mentions of an item of a differential list that name the alternative: those
    before the item starts to describe it ("Acute cerebellar ataxia - no opsoclonus")."""
    if not mentions:
        return mentions
    stop = _DESCRIBES.search(raw)
    if stop is not None and mentions and mentions[0].start < start + stop.start():
        mentions = [m for m in mentions if m.start < start + stop.start()]
    return [  # "Opsoclonus due to brainstem encephalitis": the alternative is the cause
        m
        for m, after in zip(mentions, mentions[1:] + [None], strict=True)
        if after is None
        or m.concept.type not in _SIGNS
        or not _CAUSED_BY.fullmatch(raw, m.end - start, after.start - start)
    ]


def _about_another(
    raw: str,
    start: int,
    mentions: list[Mention],
    alternatives: bool = False,
    subject: str = _CONDITION,
) -> list[Mention]:
    """The mentions of a line less those of a clause about another disease: one whose subject
    it is ("Acute cerebellar ataxia lacks opsoclonus", "In X the ataxia improves", "However,
    X does not cause ...") or a relative clause after it ("X, which lacks opsoclonus"). The
    disease stays only where a differential cue or heading (``alternatives``) names it."""
    others = [
        m
        for m in mentions
        if m.concept.type == "condition"
        and m.concept.id not in (_CONDITION, subject)
        and m.concept.label.lower() not in _CLASS_WORDS  # "Disease course may be ..."
        and not m.concept.label.startswith("obsolete")  # "a rare disorder"
    ]
    if not others:
        return mentions
    low = cues.lower(raw)
    drop: set[int] = set()
    for other in others:
        at, to = other.start - start, other.end - start
        clause = max(raw.rfind(c, 0, at) for c in ".;!?") + 1
        relative = _RELATIVE.match(raw, to)
        if relative is None and not _SUBJECT.fullmatch(raw, clause, at) or _EXCLUDED.match(raw, to):
            continue  # "Whipple disease was excluded and he improved": the case's clause
        gap = _LIST_GAP.match(raw, to)
        if gap and any(m.start - start == gap.end() for m in mentions):
            continue  # "Wilson disease, myoclonus and tics": an item of a list
        stop = _ABOUT_END.search(raw, relative.end() if relative else to)
        end = start + (stop.start() if stop else len(raw))
        inside = [m for m in mentions if other.end <= m.start < end]
        if any(m.concept.id == _CONDITION for m in inside):
            continue  # "X, like OMS, ...": a claim of the condition too
        drop |= {id(m) for m in inside}
        sentence = max(raw.rfind(c, 0, at) for c in ".!?") + 1
        after = _SENTENCE_END.search(raw, to)
        differential = cues.FRAMES["differential"].search(
            low, sentence, after.start() if after else len(raw)
        )
        if inside and relative is None and not (differential or alternatives):
            drop.add(id(other))  # "X does not cause opsoclonus": X is no cause either
    return [m for m in mentions if id(m) not in drop] if drop else mentions


#: a list's lead-in that denies its items: "Not recommended:", "Things to avoid:", "Do not use:"
_NEGATED_LEAD = re.compile(
    r"(?:[\w-]+ ){0,3}?(?:(?:is |are )?not (?:recommended|advised|indicated|needed|required|"
    r"helpful|effective|useful|expected)|avoid|(?:do not|don't|never) (?:use|give|start|try)|"
    r"contraindicated|ineffective|(?:that|which) (?:(?:do|does|did) not|(?:do|does|did)n[’']?t|"
    r"never) (?:help|work)(?:ed)?)"
    r"\b[\w ,/()'’-]{0,30}:\s*$",
    re.I,
)


def _list_negated(line: str) -> bool:
    """Whether a list's lead-in (its own sentence) denies its items."""
    return _NEGATED_LEAD.fullmatch(SENTENCE_SPLIT.split(line)[-1].strip()) is not None


def _list_hedged(line: str) -> bool:
    """Whether a list's lead-in hedges its items: its own sentence only ("Parents often tell
    us so. The main signs are:" hedges none)."""
    lead = SENTENCE_SPLIT.split(line)[-1]
    return bool(cues.HEDGE_MODAL.search(lead) or cues.HEDGE_FORWARD.search(lead))


def blocks(text: str, lexicon: Lexicon) -> Iterator[Block]:
    """The content lines of ``text`` about the condition, each with its section and list context."""
    section: frozenset[str] = frozenset()
    #: the project's condition: its vocabulary's first condition (docs/data-formats.md)
    subject = next((c.id for c in lexicon.concepts.values() if c.type == "condition"), _CONDITION)
    list_frames: frozenset[str] | None = None
    list_hedged = list_negated = eligibility = False
    off_topic = False
    seen_content = False
    objectives = False  # under a "Learning objectives" heading
    rows = table_rows(text)
    columns = Columns()
    for match in _LINE.finditer(text):
        start, end = match.start(), match.end()
        raw = match.group()
        # a citation mark can only end a line that ends with "]" (a quick test, for speed)
        line = (_CITATION.sub("", raw) if raw.rstrip().endswith("]") else raw).strip()
        if not line:
            continue
        if seen_content and cues.TAIL.match(line):
            return
        words = line.split()
        if objectives and _OBJECTIVE.match(line):
            continue  # "Know the work-up": what a talk teaches, no claim
        objectives = bool(_OBJECTIVES.match(line))
        if (
            objectives
            or _KEYWORDS.match(line)
            or (empty := _EMPTY_FIELD.match(line))
            and empty.end() == len(line)
            or _HISTORY_FIELD.match(line)
            or _chrome(line, words, not (seen_content or section))
            and start not in rows
        ):
            continue
        mentions = curated_heads(lexicon.find(raw, start), lexicon, raw, start)
        mentions = with_events(raw, start, mentions, lexicon.concepts)
        mentions = with_descriptions(raw, start, mentions, lexicon)
        if rows.get(start):  # a table's header row: which of its columns hold side effects
            columns.header(line)
        elif start in rows:
            mentions = columns.keep(raw, start, mentions)
        mentions = [m for m in mentions if not _PARTICLE.match(raw, m.end - start)]
        if "   " in raw:  # "Inheritance: not applicable   Age of onset: infancy"
            empty_spans = [f.span() for f in _EMPTY_FIELD.finditer(raw)]
            mentions = [
                m for m in mentions if not any(a <= m.start - start < b for a, b in empty_spans)
            ]
        condition, concepts = _names_condition(mentions)
        intro = line.endswith(":") or line.endswith(("include", "following"))
        if intro and not concepts:
            list_frames = cues.frames_of(line) | cues.heading_frames(line)
            list_hedged, list_negated = _list_hedged(line), _list_negated(line)
            eligibility = bool(_ELIGIBILITY.fullmatch(line))
            continue
        if _DECLARATION.match(line):  # "Disclosures: none", a talk's first slide or a paper's end
            off_topic = off_topic or line.rstrip(" :").lower().endswith(_DECLARED)  # a heading
            continue
        headingish = (
            start not in rows  # a table's header row names its columns, not a section
            and len(words) <= 7
            and not line.endswith((".", "!"))
            and not (line.endswith("?") and (concepts or condition))  # "What is the outlook?"
            and (
                not concepts
                or (_title_case(words) or _NUMBERED.match(line))
                and bool(cues.heading_frames(line))
            )
            and not ("synonym" in section and condition)  # a name under "Synonyms"
        )
        if headingish and _states_figure(line):
            headingish = False  # "Relapses: 50-60%", "Mortality rare": a fact, no heading
        if headingish and line.endswith("?") and not heading_frames(line):
            continue  # "Anything else?", "Could it be Tarlow syndrome?": a question, no part
        if headingish:
            frames = heading_frames(line)  # "Diagnosis and differential diagnosis": no list
            if _other_disease(line, lexicon) and not condition:
                off_topic = True
            elif condition or frames:
                off_topic = False
            if frames or len(words) <= 4:
                section = frames
                list_frames = frames & {"differential"} or None  # its lines are a list
            continue
        seen_content = True
        if off_topic or _citation(line):
            continue
        line_section = _run_in(line) or section
        differential = (  # read only where it decides: a line not naming the condition
            condition
            or "differential" in line_section
            or cues.FRAMES["differential"].search(cues.lower(line))
        )
        if not differential and not condition and _about_other_disease(line, lexicon):
            continue  # a passage about another disease: it names it first
        in_list = list_frames is not None and (
            bool(_BULLET.match(raw)) or (len(words) <= 14 and not line.endswith("."))
        )
        if not in_list:
            list_frames = None
            list_hedged = list_negated = eligibility = False
        elif eligibility:
            continue  # a trial's inclusion or exclusion criteria: who may take part
        elif "differential" in line_section | (list_frames or frozenset()):
            list_frames = list_frames | _DIFFERENTIAL_ITEM  # "Differentials" ... "Ocular flutter"
            list_hedged = False  # "may be similar to": the likeness is hedged, not the item
            mentions = _named_first(raw, start, mentions)
        if not in_list and "differential" in line_section and " | " in raw and mentions:
            if mentions[0].concept.type not in _SIGNS:  # a differential table's row
                mentions = _named_first(raw, start, mentions)
        if concepts and not (in_list and "introduced:differential" in list_frames):
            mentions = _about_another(raw, start, mentions, "differential" in line_section, subject)
        yield Block(
            start=start,
            end=end,
            section=line_section,
            list_frames=(list_frames or frozenset()) if in_list else frozenset(),
            list_hedged=list_hedged if in_list else False,
            list_negated=list_negated if in_list else False,
            mentions=tuple(mentions),
        )
        if intro:
            list_frames = cues.frames_of(line)
            list_hedged, list_negated = _list_hedged(line), _list_negated(line)


_CASE_AGE = re.compile(r"\s*age\s*:", re.I)  # a case box's label: one patient's age


def _states_figure(line: str) -> bool:
    """Whether a short line states a value figure (a slide's or fact box's "label: value")."""
    if _CASE_AGE.match(line) or not find_figures(line):
        return False  # "Rare Diseases", a heading in title case, states none; "Age: 2 years"
        # is one patient's, in a case box
    body = re.sub(r"^\s*\d+[.)]\s+", "", line)  # "3. Rare Diseases": a numbered heading
    return any(c.isdigit() or c in ":=≈~<>" for c in body) or not _title_case(body.split())
