"""Shapes of mentions that type or drop them: glosses, other names, classes, definitions.

Small general rules of the extractor (omsgraph.extract.pipeline) kept apart so that each
can be read and tested on its own; every one is tested with sentences written for it in
tests/extract/test_general_rules.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from omsgraph.corpus.vocabulary import normalise
from omsgraph.extract import cues
from omsgraph.extract.agents import tracers
from omsgraph.extract.descriptors import PERSON, apposed, institution
from omsgraph.extract.differentials import alternatives
from omsgraph.extract.findings import aid_or_part, result_spans, test_findings
from omsgraph.extract.lexicon import Mention
from omsgraph.extract.named_tests import instruments
from omsgraph.extract.openvocab import (
    generic_heads,
    organisation_words,
    phrase_end,
    phrase_pattern,
    singular,
)

__all__ = [
    "anaphoric",
    "abbreviations",
    "assert_later",
    "classified",
    "definition",
    "described",
    "in_organisation",
    "claiming",
    "descriptive",
    "outside",
    "remember",
    "same_name",
]


@lru_cache(maxsize=4096)
def same_name(surface: str, label: str) -> bool:
    """Whether ``surface`` is the label itself, spelt with other hyphens or spaces, with or
    without its class word ("opsoclonus-myoclonus" is "opsoclonus-myoclonus syndrome")."""

    def bare(name: str) -> str:
        return _CLASS_WORD.sub("", re.sub(r"[\s\-–]+", " ", name)).strip()

    return bare(normalise(surface)) == bare(label)


_CLASS_WORD = re.compile(r"\s(?:syndrome|disease|disorder)$")
_GLOSS_GAP = re.compile(r"[^,;.()]{0,60}\(\s*\Z")
_DESCRIBED = frozenset({"symptom", "complication", "finding"})


def described(low: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions of a sentence less the phrases that only gloss another sign: in "twitches
    of a muscle (myoclonus)" the bracket names the sign, the phrase before it describes it."""
    if len(mentions) < 2:
        return mentions
    ordered = sorted(mentions, key=lambda m: m.start)
    drop: set[int] = set()
    for a, b in zip(ordered, ordered[1:], strict=False):
        if (
            a.concept.type in _DESCRIBED
            and b.concept.type in _DESCRIBED
            and a.concept.id != b.concept.id
            and _GLOSS_GAP.match(low, a.end, b.start)
        ):
            drop.add(id(a))
    return [m for m in mentions if id(m) not in drop] if drop else mentions


_ABBREVIATION_DEFINITION = re.compile(r"[ \t]*\(([A-Z][A-Za-z0-9-]{1,7})\)")


def abbreviations(text: str, lexicon: Any, condition: str) -> dict[str, Any]:
    """Abbreviations the document defines for known concepts: "methylprednisolone (MP)"
    (an abbreviation the lexicon knows already, or one of ``condition``, is left out)."""
    found: dict[str, Any] = {}
    for match in _ABBREVIATION_DEFINITION.finditer(text):
        short = match.group(1)
        if short in found or lexicon.lookup(short) is not None:
            continue
        window = max(0, match.start() - 80)
        before = lexicon.find(text[window : match.start()], window)
        if before and before[-1].end == match.start():
            concept = before[-1].concept
            if concept.id != condition and short[0].upper() == concept.label[0].upper():
                found[short] = concept
    return found


def assert_later(out: list, key: tuple[str, str, str], candidate: Any) -> None:
    """Replace the hedged claim of ``key`` in ``out`` by ``candidate``, asserted: a document
    that says a thing plainly somewhere asserts it ("X may occur ... X was present")."""
    for i, kept in enumerate(out):
        obj = kept.concept.id if kept.concept else kept.object
        if (kept.predicate, obj, kept.polarity) == key:
            if kept.certainty == "hedged":
                out[i] = candidate
            return


# -- sentences that define a sign or classify the condition -----------------------------------
_CLASS_NOUNS = r"(?:disorders?|diseases?|illness(?:es)?|conditions?|syndromes?)"
# "<sign> is a ...", "<sign> refers to ...": the rest of the clause describes the sign
_DEFINES = re.compile(
    r"\s+(?:(?:is|are)\s+(?:a|an)\s|(?:is|are)\s+(?:defined as|characteri[sz]ed by|a term for)\s|"
    r"(?:means|refers? to|denotes|describes)\s)"
)
_CLAUSE_END = re.compile(r"[;.!?]|,\s*(?:and|but|while|(?:together |along )?with)\b")
# "<sign> is a common presenting feature": a claim about the condition, not a definition
_SIGN_PREDICATE = re.compile(
    r"(?:[\w-]+\s+){0,4}?(?:signs?|symptoms?|features?|findings?|manifestations?|hallmarks?|"
    r"complaints?)\b"
)
_SUBJECT_START = re.compile(r"(?:[:;]|[a-z,])\s*\Z")  # after a colon, or a run-on line
_DESCRIPTIVE = frozenset({"has_symptom", "has_complication"})
# "<the condition> is a rare <adjectives> X (disorder)": X is what kind of disease it is
_CLASSIFIES = re.compile(r"\b(?:is|was|are)\s+(?:a|an)\s+((?:[\w-]+,?\s+){0,6})\Z")
_CLASS_HEAD_END = re.compile(
    rf"(?:\s+{_CLASS_NOUNS})?(?=\s*(?:[,.;:]|$)|\s+(?:which|that|of|in|with|where|whose|characteri[sz]ed|affecting)\b)"
)
_CLASS_TYPES = frozenset({"symptom", "condition", "finding", "complication"})
#: "an autoimmune condition", "of autoimmune origin": a cause named as the kind of disease the
#: condition is, or as its origin (a plural is a class: "a centre for autoimmune diseases")
_KIND_NOUN = r"(?:disorder|disease|illness|condition|syndrome)\b(?!-)"
_NATURE = re.compile(
    rf"[\s-]+(?:(?:[a-z]+\s+){{0,2}}{_KIND_NOUN}|(?:origin|aetiology|etiology|basis|nature)\b)"
)
_NATURE_NAMED = re.compile(rf"\b{_KIND_NOUN}$")  # the name says it: "an autoimmune disease"
_INDEFINITE = re.compile(r"\ban\s+(?:[a-z]+\s+)?$|\ba\s+(?:[a-z]+\s+)?$")


def of_nature(sentence: str, start: int, end: int) -> bool:
    """Whether the cause named at ``start:end`` of the lower-cased ``sentence`` says what kind
    of disease the condition is or where it comes from ("an autoimmune illness", "a disorder
    of autoimmune origin", "is an autoimmune disease")."""
    if _NATURE.match(sentence, end):
        return True
    return bool(
        _NATURE_NAMED.search(sentence, start, end)
        and _INDEFINITE.search(sentence, max(0, start - 20), start)
    )


_GAP_PREPOSITION = re.compile(r"\b(?:of|in|with|after|by|to|from|for|on|at|than|as)\b")


def definition(
    text: str, s: int, e: int, mentions: list[Mention], condition: str
) -> tuple[int, int] | None:
    """The span of a sentence's clause that defines a sign rather than stating a claim about
    the condition ("Myoclonus is a sudden jerk of a muscle"; "Opsoclonus refers to ..."): the
    signs and symptoms named there describe the sign, they are no claims. A clause that names
    the condition itself ("Ataxia is a sign of OMS") is a claim and no definition."""
    for m in sorted(mentions, key=lambda m: m.start):
        if m.concept.type not in _DESCRIBED or not text[m.start : m.start + 1].isupper():
            continue
        prefix = text[s : m.start]
        if prefix.strip() and not _SUBJECT_START.search(prefix):
            continue
        defines = _DEFINES.match(text, m.end, e)
        if not defines or _SIGN_PREDICATE.match(text, defines.end(), e):
            continue
        stop = _CLAUSE_END.search(text, m.end, e)
        end = stop.start() if stop else e
        if any(o.concept.id == condition and m.end <= o.start < end for o in mentions):
            return None
        return m.end, end
    return None


_PRONOUN_SUBJECT = re.compile(r"\s*(?:it|this|the (?:syndrome|condition|disorder))\b", re.I)


def classified(text: str, s: int, mentions: list[Mention], condition: str) -> set[int]:
    """ids of the mentions that only say what kind of disease the condition is: the head of
    "<the condition> is a rare <adjectives> X (disorder)" ("is a rare seizure disorder", "is a
    movement disorder"). Adjectives before the head ("an autoimmune illness") stay claims."""
    named = [m for m in mentions if m.concept.id == condition]
    out: set[int] = set()
    if not named and not _PRONOUN_SUBJECT.match(text, s):  # not a copy of the document's rest
        return out
    for m in mentions:
        if m.concept.type not in _CLASS_TYPES or m.concept.id == condition:
            continue
        before = text[max(s, m.start - 80) : m.start]
        match = _CLASSIFIES.search(before)
        if match is None or _GAP_PREPOSITION.search(match.group(1)):
            continue
        if named and not any(n.end <= m.start - len(before) + match.start() for n in named):
            continue
        if _CLASS_HEAD_END.match(text, m.end):
            out.add(id(m))
    return out


def descriptive(
    text: str,
    s: int,
    e: int,
    mentions: list[Mention],
    condition: str,
    results: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """The spans of a sentence whose signs are no claims: a definition of a sign
    (:func:`definition`), what an instrumental test showed (a proposed "adrenal mass" after
    "CT revealed" too: :func:`omsgraph.extract.findings.result_spans`) and the name of an
    assessment instrument (:func:`omsgraph.extract.named_tests.instruments`). ``results`` are
    the result spans of the sentence's mentions when the caller has them already."""
    if results is None:
        results = result_spans(text, [m for m in mentions if s <= m.start < e])
    spans = list(results)
    spans += [(a + s, b + s) for a, b, _ in instruments(text[s:e])]  # "Sleep Disturbance Scale"
    span = definition(text, s, e, mentions, condition)
    return spans if span is None else [span, *spans]


def outside(
    found: list[tuple], spans: list[tuple[int, int]], section: frozenset[str] = frozenset()
) -> list[tuple]:
    """The claims of ``found`` (tuples starting start, end, predicate) less the signs named in
    the :func:`descriptive` ``spans``; under a differential heading ("Related Disorders") only
    the differential diagnoses: the rest of such a section describes the other diseases."""
    if "differential" in section:
        found = [f for f in found if f[2] in _IN_DIFFERENTIALS]
    if any(f[4] is None for f in found):  # a proposed name that names nothing
        found = [f for f in found if f[4] is not None or not junk(f[3])]
    if not spans:
        return found
    return [
        f for f in found if f[2] not in _DESCRIPTIVE or not any(a <= f[0] < b for a, b in spans)
    ]


_IN_DIFFERENTIALS = frozenset({"differential_diagnosis", "has_synonym"})
#: what a proposed phrase is when it names nothing: an adverb ("more recently"), a quantity's
#: head ("a wide range of pathogens"), a clause ("it's too soon to know")
_ADVERB = re.compile(r"[a-z]{3,}ly")
_NOT_ADVERBS = frozenset({"family", "anomaly", "assembly", "supply", "belly", "jelly", "ally"})
_QUANTITY = re.compile(
    r"(?:(?:a|an|the)\s+(?:(?:wide|broad|large|small|whole|growing|diverse|long)\s+)?|"
    r"(?:wide|broad|large|small|whole|growing|diverse|long)\s+)"
    r"(?:range|variety|number|spectrum|array|host|series|handful|list|majority|minority|"
    r"proportion|lot|plenty|percentage)\s+of\b"
)
_CLAUSE = re.compile(
    r"(?:it|its|it's|this|that|they|we|he|she|there|i|you)\b|"
    r".*\b(?:it's|that's|there's|isn't|wasn't|don't|doesn't|didn't|can't|won't)\b"
)


#: a verb's participle alone ("removed", "ruled out" after "a tumour was"): no name
_PARTICIPLE = re.compile(
    r"[a-z]{3,}ed(?: (?:out|up|off|down|away))?|found|seen|shown|done|taken|given|known"
)


def junk(name: str) -> bool:
    """Whether a proposed object names nothing (:data:`_ADVERB`, :data:`_QUANTITY`, a clause,
    a participle)."""
    name = name.lower().replace("’", "'")
    if _ADVERB.fullmatch(name):
        return name not in _NOT_ADVERBS
    return bool(_QUANTITY.match(name) or _CLAUSE.match(name) or _PARTICIPLE.fullmatch(name))


# -- names of organisations and anaphora ------------------------------------------------------
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*|of|and|for|the|on|&")


def in_organisation(text: str, mention: Mention, words: re.Pattern[str]) -> bool:
    """Whether a capitalised mention stands in the name of an organisation ("the National
    Institute of Neurological Disorders and Stroke", "the Stroke Association")."""
    if not text[mention.start : mention.start + 1].isupper():
        return False
    left = text[max(0, mention.start - 80) : mention.start].split()
    right = text[mention.end : mention.end + 80].split()
    run = []
    for word in reversed(left):
        if not _NAME_WORD.fullmatch(word.strip(",.;:()")) or word.endswith((",", ".", ";")):
            break
        run.append(word)
    for word in right:
        bare = word.strip(",.;:()")
        if not _NAME_WORD.fullmatch(bare):
            break
        run.append(bare)
        if word != bare:
            break
    return any(words.fullmatch(w.strip(",.;:()").lower()) for w in run)


_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|such)\s+\Z")


_ANAPHORA = frozenset({"has_cause", "has_symptom", "has_complication"})
_ORGANISATION = organisation_words()
_CLASS_HEADS = generic_heads()
#: "disinhibition of the fastigial nucleus": a process in a structure of the nervous system, a
#: mechanism rather than a sign
_OF_STRUCTURE = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:nucle(?:us|i)|neurons?|cells?|pathways?|"
    r"circuits?|tracts?|synapses?)\b"
)


_EXAMPLE_AFTER = phrase_pattern("EXAMPLE")
#: a class of diseases followed by examples: "spinal cord syndromes, such as ..."
_OTHERS = re.compile(
    rf"\b(?:{'|'.join(sorted(generic_heads()))})s\s*,?\s*(?:{_EXAMPLE_AFTER.pattern})\s+",
    re.IGNORECASE,
)
_EXAMPLES_END = phrase_end()
#: a verb before the class makes it an object of the sentence, not its subject
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|have|has|had|having|may|might|can|could|will|would|"
    r"should|must|develop\w*|include[sd]?|including|show\w*|present\w*|cause[sd]?|follow\w*)\b"
)
#: the class's own modifiers ("other paraneoplastic"), no cue of the sentence
_CLASS_WORDS = re.compile(r"(?:[\w-]+\s+){0,3}\Z")


def examples_of_a_class(text: str, s: int, mentions: list[Mention], condition: str) -> set[int]:
    """ids of the mentions that are examples of a class of diseases ("paraneoplastic spinal
    cord syndromes, such as subacute myelopathy"): members of the class, not signs of the
    condition. Where the condition is one of the examples, the others are its siblings. Only
    a class that is the subject of its clause: a verb or a relation cue before it makes it an
    object, and its examples that relation's ("confused with other conditions, such as X";
    "she developed behavioural disorders, such as ADHD")."""
    out: set[int] = set()
    end = max((m.end for m in mentions), default=s)
    low = text[s:end].lower()
    if not any(h in low for h in _CLASS_HEADS) or not _EXAMPLE_AFTER.search(low):
        return out  # no class word, or no example after one (a quick test)
    lowered = ""  # the document in lower case, made once when a class is found
    for match in _OTHERS.finditer(text, s, end):
        before = text[s : match.start()].lower()
        clause = before[max(before.rfind(";"), before.rfind(":")) + 1 :]
        if _VERB.search(clause) or cues.frame_spans(_CLASS_WORDS.sub("", clause)):
            continue  # the class is an object: "she developed behavioural disorders, such as
            # ADHD"; "symptoms include movement disorders, such as myoclonus": the cue's
        lowered = lowered or text.lower()
        stop = _EXAMPLES_END.search(lowered, match.end(), end + 1)
        last = stop.start() if stop else end
        out |= {
            id(m) for m in mentions if match.end() <= m.start < last and m.concept.id != condition
        }
    return out


#: a specialist named as a person: one who speaks ("the neurologist said", "said Dr. Lee, a
#: paediatric neurologist"), no claim about who cares for the condition
_SPEECH = (
    r"(?:said|says|told|tells|explained|explains|added|adds|noted|notes|warned|warns|recalled)"
)
_SPEAKER_BEFORE = re.compile(
    rf"(?:\b{_SPEECH}\s+(?:(?:the|an?|one|our|his|her|their|another)\s+)?(?:[\w'’-]+\s+)?|"
    r"\baccording to\s+(?:an?|the|one|our)\s+|"
    rf"\b{_SPEECH}\s+(?:Dr|Prof|Professor)\.?\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w'’-]*,\s+"
    r"(?:an?|the)\s+(?:[\w'’-]+\s+){0,3})\Z"
)
_SPEAKER_AFTER = re.compile(rf",?\s+(?:(?:also|later|then|had|has)\s+)?{_SPEECH}\b")


def speaker(text: str, s: int, mention: Mention) -> bool:
    """Whether a specialist mention names a person who speaks or is quoted, by role."""
    if mention.concept.type != "specialty" or not PERSON.search(mention.surface):
        return False
    return bool(
        _SPEAKER_BEFORE.search(text, max(s, mention.start - 80), mention.start)
        or _SPEAKER_AFTER.match(text, mention.end)
    )


#: "populations, which fall with therapy": a sign's word used as the verb of a relative clause
_RELATIVE = re.compile(
    r"(?<!\bin )(?<!\bof )(?<!\bby )(?<!\bfor )(?<!\bwith )(?<!\bafter )(?<!\bbefore )"
    r"(?<!\bduring )(?<!\bupon )(?<!\buntil )(?<!\bfollowing )\bwhich\s+\Z"
)  # "after which opsoclonus settled": a sign, the subject


def claiming(
    text: str,
    s: int,
    mentions: list[Mention],
    condition: str,
    results: list[tuple[int, int]] | None = None,
) -> list[Mention]:
    """The mentions of a sentence less those that state no claim: the class of the condition
    (:func:`classified`), examples of a class of diseases (:func:`examples_of_a_class`), a
    test's tracer (:func:`tracers`), what an instrumental test found (:func:`test_findings`),
    a bare class word, concepts inside an organisation's name, a test's aid or part
    (:func:`~omsgraph.extract.findings.aid_or_part`), and a sign's word for a process in a
    structure ("disinhibition of the fastigial nucleus"). ``results`` are the
    :func:`~omsgraph.extract.findings.result_spans` of ``mentions``, when known already."""
    skip = classified(text, s, mentions, condition) | examples_of_a_class(
        text, s, mentions, condition
    )
    skip |= (
        tracers(text, mentions)
        | alternatives(text, s, mentions)
        | test_findings(text, mentions, results)
        | apposed(text, mentions)
    )
    return [
        m
        for m in mentions
        if id(m) not in skip
        and not _class_head(m.concept.label)  # "the following diseases"
        and not in_organisation(text, m, _ORGANISATION)
        and not (m.concept.type == "symptom" and _OF_STRUCTURE.match(text, m.end))
        and not speaker(text, s, m)
        and not (
            m.concept.type == "symptom"
            and " " not in m.surface
            and _RELATIVE.search(text, max(s, m.start - 12), m.start)
        )
        and not (m.concept.type == "symptom" and _FALLS_NO_SIGN.match(text, m.end))
        and not (m.concept.type == "specialty" and institution(text, m))
        and not aid_or_part(text, m, mentions)
    ]


#: "falls" as a verb ("onset typically falls between 6 and 36 months") or as the modifier of a
#: plan or a service ("a falls plan", "falls prevention"): no sign
_FALLS_NO_SIGN = re.compile(
    r"(?<=falls)\s+(?:between|within|into|outside|below|above|under|in the range|"
    r"(?:plan|prevention|risk assessment|clinic|service|team|policy)s?)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def _class_head(label: str) -> bool:
    return singular(label.lower()) in _CLASS_HEADS


def remember(said: dict[str, set[str]], found: list[tuple]) -> None:
    """Add the concepts a sentence claimed (``found`` rows: ..., predicate, name, concept ...)
    to ``said``, the document's labels by type that :func:`anaphoric` looks back at."""
    for row in found:
        predicate, concept = row[2], row[4]
        if concept is not None and predicate in _ANAPHORA:
            said.setdefault(concept.type, set()).add(concept.label)


def anaphoric(
    low: str, mention: Mention, predicate: str, generic: frozenset[str], said: dict[str, set[str]]
) -> bool:
    """Whether a definite mention points back at a concept the document named before: "the
    tumour" after a neuroblastoma, "the tremor" after an intention tremor. ``said`` holds the
    labels the document claimed so far, by concept type; ``generic`` the generic concepts."""
    if predicate not in _ANAPHORA:
        return False
    if not _DEFINITE.search(low, max(0, mention.start - 8), mention.start):
        return False
    kind, label = mention.concept.type, mention.concept.label
    earlier = said.get(kind, set())
    if mention.concept.id in generic:
        return bool(earlier - {label})
    return any(other.endswith(" " + label) for other in earlier)


#: a study's aim names its topics, not its findings: "Aim: To describe the sequelae of OMS",
#: "Objective: To compare ACTH and IVIG", "We aimed to assess relapse" (phrases.tsv STUDY_AIM)
_STUDY_AIM = re.compile(
    r"\W*(?:(?:aims?|objectives?|purpose|goals?)(?: of (?:the|this) study)?\s*:\s*)?(?:"
    + "|".join(r.regex for r in cues.phrase_rows("STUDY_AIM"))
    + r")\b"
)


def study_aim(low: str, s: int, e: int) -> bool:
    """Whether the lower-cased sentence at ``s:e`` states what a study set out to do."""
    return _STUDY_AIM.match(low, s, e) is not None
