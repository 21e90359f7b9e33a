"""The extraction pipeline: scope the text, cut sentences, find concepts, type and qualify claims.

``Extractor(vocabulary).extract(text)`` returns candidate claims, each with its quote (the
sentence or list item that states it), offsets, polarity, certainty, population, qualifier
and a confidence. Mentions the vocabulary does not know yet come back as candidates with
``proposed_type`` set and no concept, for a curator to review."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from omsgraph.corpus.model import Concept
from omsgraph.corpus.vocabulary import Vocabulary, normalise
from omsgraph.extract import (
    coordination,
    cues,
    differentials,
    grounding,
    openvocab,
    retyping,
    shapes,
    sited,
)
from omsgraph.extract.answers import answered
from omsgraph.extract.candidate import Candidate, review_type
from omsgraph.extract.figures import FigureIndex
from omsgraph.extract.findings import result_spans
from omsgraph.extract.lexicon import Lexicon, Mention
from omsgraph.extract.mechanisms import hedged, mechanisms
from omsgraph.extract.named_tests import may_name_tests, named_tests
from omsgraph.extract.ontolex import compatible
from omsgraph.extract.predicates import CAUSE_TYPES, Typing
from omsgraph.extract.qualify import SentenceCues
from omsgraph.extract.scope import Block, blocks
from omsgraph.extract.sentences import SENTENCE_SPLIT as _SENTENCE_END
from omsgraph.extract.sentences import ends_sentence
from omsgraph.extract.shapes import assert_later, described
from omsgraph.extract.tumours import settle_generic, without_redundant_screening

__all__ = ["CONDITION", "Candidate", "Extractor"]

CONDITION = "opsoclonus-myoclonus-syndrome"
_MAX_SENTENCE = 1500  # characters; longer runs are cut at a space so work stays linear
_GENERIC = frozenset({"tumour", "tumor", "infection", "medication", "cancer"})
_SETTLED = frozenset({"treated_by", "has_complication", "has_symptom"})
_WIDENED = {"diagnosed_by": "test", "differential_diagnosis": "condition"}  # unknown, a type
_TUMOUR_HEAD = re.compile(r"(?:cancer|carcinoma|tumou?r|neoplasm|sarcoma|lymphoma)s?")
_ARTICLE = re.compile(r"(?:the|a|an)\s+(?=\S)", re.I)
_COURSE = re.compile(r"\s+(?:recurrences?|relapses?|regrowth|progression)\b", re.I)
_COMPOUND_AFTER = re.compile(r"-(?:like|type|shaped)\b")  # "shock-like jerks": no shock

_DRUGLIKE = cues.drug_shape()  # endings in rules/morphology.tsv
_CAUSELIKE = re.compile(
    r"\b(?:[A-Z][\w-]+\s+)?(?:[a-z]{4,}(?:blastoma|sarcoma|carcinoma|teratoma)|[a-z]{5,}oma|"
    r"[A-Z][a-z]+ (?:virus|bacteri(?:um|a))|[a-z]+virus)\b"
)
_DISEASELIKE = re.compile(
    r"\b(?:[A-Z][\w'’-]*[ -])*[A-Z][\w'’-]*(?:'s|’s)? (?:[Ss]yndrome|[Dd]isease)\b|"
    r"\b(?:(?:acute|[Aa]cute|[a-z]{3,}(?:ic|al|ar|ous|ile|ine)|brainstem|brain stem) )?"
    r"[a-z]{4,}(?:itis|opathy)\b"  # "acute cerebellitis", "toxic encephalopathy"
)
_NAME_CUE = cues.name_cue()  # the synonym triggers of rules/relations.tsv
_NAME_ITEM = re.compile(
    r"\s*:?\s*[\"“]?([A-Za-z][\w'’ -]*?\w)[\"”]?(?:\s*\([^)]*\))?(\s*(?:,|;|\bor\b|\band\b|[.)]|$))"
)
_NOT_A_NAME = frozenset("is are was were which that has have can may will and or".split())
_PRONOUN = re.compile(r"\b(?:it|this (?:syndrome|condition|disorder|disease))\b", re.IGNORECASE)
_NOT_PROPOSABLE = cues.not_names()
#: what the condition can be said not to be: another disease or sign ("OMS is not epilepsy");
#: "it is not an infection" denies a cause, no differential
_OTHER_DISEASES = frozenset({"condition", "symptom"})


class Extractor:
    """Candidate claims about the condition from one document's text."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.lexicon = Lexicon(vocabulary)
        self.screening = self.lexicon.lookup("tumour screening")
        self.generic = frozenset(
            c.id for c in vocabulary.concepts.values() if normalise(c.label) in _GENERIC
        )
        condition = vocabulary.concepts.get(CONDITION)
        self.condition_label = normalise(condition.label) if condition else ""
        self.typing = Typing(CONDITION, self.condition_label, self.generic, self.screening)
        self._own_words = frozenset(re.split(r"[\s-]+", self.condition_label))  # its own signs
        self._cues: SentenceCues | None = None  # of the sentence read last
        self._said: dict[str, set[str]] = {}  # labels claimed so far in the document, by type

    # -- sentences ------------------------------------------------------------------------
    @staticmethod
    def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Sentence spans inside ``text[start:end]``; an abbreviation ("St.") ends none."""
        spans, begin = [], start
        for match in _SENTENCE_END.finditer(text, start, end):
            if not ends_sentence(text, begin, match.start(), match.end()):
                continue
            spans.append((begin, match.start()))
            begin = match.end()
        spans.append((begin, end))
        out = []
        for s, e in spans:  # an overlong "sentence" (a list without stops) in bounded pieces
            while e - s > _MAX_SENTENCE:
                cut = text.rfind(" ", s + _MAX_SENTENCE // 2, s + _MAX_SENTENCE)
                cut = cut if cut > s else s + _MAX_SENTENCE
                out.append((s, cut))
                s = cut
            out.append((s, e))
        return [(s, e) for s, e in out if not text[s:e].isspace() and s < e]

    # -- mentions -------------------------------------------------------------------------
    def _coordinated(
        self, text: str, low: str, s: int, e: int, found: list[Mention]
    ) -> list[Mention]:
        """Concepts named through a coordination: "lung or breast cancer", "tumors in the X, Y"."""
        segment = low[s:e]
        if " and " not in segment and " or " not in segment and "and/or" not in segment:
            return []
        covered = [(m.start, m.end) for m in found]
        out: list[Mention] = []

        def add(phrases: list[str], start: int, end: int, ontology: bool = False) -> None:
            if any(a < end and start < b for a, b in covered):
                return
            for phrase in phrases:
                concept = self.lexicon.lookup(phrase, ontology)
                if concept is not None:
                    out.append(Mention(start, end, concept, text[start:end], generated=True))
                    covered.append((start, end))
                    return

        for m in coordination.PRE_COORD.finditer(text, s, e):
            heads = [h for h in m.group(4, 5) if h]  # "breast and small-cell lung cancer"
            if coordination.DEFICIT_HEAD.fullmatch(
                heads[0].lower()
            ):  # "language deficits": "... problems"
                heads = [heads[0], *coordination.DEFICIT_WORDS]
            offset = m.start(1)
            words = [m.group(1), *[w.strip() for w in m.group(2).split(",") if w.strip()]]
            if len(heads) > 2:  # the last conjunct too, when the lexicon knows it in no wording
                words.append(m.group(3))
            for word in words:
                at = text.find(word, offset, m.end(3))
                if at >= 0:
                    tumour = _TUMOUR_HEAD.fullmatch(heads[0].lower()) is not None  # any ontology's
                    add([f"{word} {head}" for head in heads], at, at + len(word), tumour)
                    offset = at + len(word)
        heads = coordination.POST_HEADS.search(segment) is not None
        for m in coordination.POST_COORD.finditer(low, s, e) if heads else ():
            head, tail_start = m.group(1), m.start(2)
            cursor = tail_start
            for element in coordination.LIST_SPLIT.split(m.group(2)):
                words = element.split()
                if not words:
                    continue
                for size in range(min(3, len(words)), 0, -1):
                    phrase = " ".join(words[:size])
                    at = text.find(words[0], cursor, e)
                    if at < 0:
                        break
                    end = text.find(words[size - 1], at, e) + len(words[size - 1])
                    before = len(out)
                    add(
                        [
                            f"{phrase} {head}",
                            f"{head} {phrase}",
                            f"{head} with {phrase}",
                            f"{phrase} problems",
                            f"difficulty {phrase}",
                        ],
                        at,
                        end,
                        coordination.DEFICIT_HEAD.fullmatch(head) is not None,  # any ontology's
                    )
                    if len(out) > before:
                        break
                found_at = text.find(words[0], cursor, e)
                if found_at >= 0:
                    cursor = found_at + len(words[0])
        return out

    def _ground(self, label: str, kind: str) -> Concept | None:
        """The concept an ontology (or the vocabulary) names ``label`` by, of a fitting type."""
        concept = self.lexicon.lookup(label, ontology=True)
        if concept is not None and compatible(concept.type, kind):
            return concept
        return None

    # -- claims ---------------------------------------------------------------------------
    def _other_names(
        self, text: str, s: int, e: int, mentions: list[Mention]
    ) -> list[tuple[int, int]]:
        """Names the vocabulary lacks after "also known as" when the sentence is about OMS."""
        names = []
        for cue in _NAME_CUE.finditer(text, s, e):
            before = [m for m in mentions if m.end <= cue.start()]
            about_oms = not before or before[-1].concept.id == CONDITION
            if not (about_oms or _PRONOUN.search(text, s, cue.start())):
                continue
            at = cue.end()
            while at < e:
                item = _NAME_ITEM.match(text, at, e)
                if item is None or item.group(1).split()[0].lower() in _NOT_A_NAME:
                    break
                n_start, n_end = item.span(1)
                if (article := _ARTICLE.match(text, n_start, n_end)) is not None:
                    n_start = article.end()  # "the Kinsbourne syndrome": the name after "the"
                words = text[n_start:n_end].split()
                unknown = self.lexicon.lookup(text[n_start:n_end]) is None
                if unknown and len(words) <= 6 and not item.group(1).isupper():
                    names.append((n_start, n_end))
                if item.group(2).strip() in {"", ".", ";", ")"}:
                    break
                at = item.end()
        return names

    @staticmethod
    def _proposals(
        text: str, low: str, s: int, e: int, frames: frozenset[str], mentions: list[Mention]
    ) -> list[tuple[int, int, str, str]]:
        """Treatments and causes the vocabulary lacks: (start, end, proposed type, predicate)."""
        covered = [(m.start, m.end) for m in mentions]
        found = []
        patterns = []
        if "treat" in frames:
            patterns.append((_DRUGLIKE, low, "drug", "treated_by"))
        if "cause" in frames:
            patterns.append((_CAUSELIKE, text, "cause", "has_cause"))
        if "differential" in frames:
            patterns.append((_DISEASELIKE, text, "condition", "differential_diagnosis"))
        for pattern, haystack, kind, predicate in patterns:
            for m in pattern.finditer(haystack, s, e):
                if m.group().lower() in _NOT_PROPOSABLE:
                    continue
                if any(a < m.end() and m.start() < b for a, b in covered):
                    continue
                found.append((m.start(), m.end(), kind, predicate))
        return found

    def _sentence_claims(
        self,
        text: str,
        low: str,
        span: tuple[int, int],
        block: Block,
        mentions: list[Mention],
        novel: bool,
    ) -> list[Candidate]:
        s, e = span
        mentions = described(low, mentions + self._coordinated(text, low, s, e, mentions))
        if not mentions and not novel and not may_name_tests(low[s:e]):
            return []
        quote, sentence = text[s:e], low[s:e]
        sc = self._cues = SentenceCues(sentence, [(m.start - s, m.end - s) for m in mentions])
        frames = sc.frames | block.list_frames
        causes = any(m.concept.type in CAUSE_TYPES for m in mentions)  # "screen" types only them
        if causes and cues.SCREEN.search(sentence):
            frames |= {"screen"}
        specific = frozenset(  # the cause types named specifically in the sentence
            m.concept.type
            for m in mentions
            if m.concept.type in CAUSE_TYPES and m.concept.id not in self.generic
        )
        out: list[Candidate] = []
        found: list[tuple[int, int, str, str, Concept | None, float, str | None]] = []
        results = result_spans(text, mentions)  # what tests showed: read once, used twice
        claiming = shapes.claiming(text, s, mentions, CONDITION, results)  # not "a rare X"
        own = [m.concept.id == CONDITION or m.concept.label in self._own_words for m in claiming]
        made, kept = differentials.swapped(
            sentence, [(m.start - s, m.end - s, o) for m, o in zip(claiming, own, strict=True)]
        )
        subjects = [m.end - s for m in mentions if m.concept.id == CONDITION]
        others = [m.start - s for m, o in zip(claiming, own, strict=True) if not o]
        relapse = retyping.relapse(sentence)
        if relapse:
            frames |= {"relapse"}  # what a relapse came with is its trigger
        if retyping.associated(sentence):
            frames |= {"associated"}  # "reported in patients with OMS": an associated disease
        for i, mention in enumerate(claiming):
            clause = sc.clause_frames(mention.start - s, mention.end - s) | block.list_frames
            clause |= retyping.measured(sentence, mention.start - s)  # "urine glucose"
            m_frames = frames | differentials.introduced(
                sentence, mention.start - s, frames, block.section, own[i]
            )
            if i in made or (
                mention.concept.type in _OTHER_DISEASES
                and differentials.not_the_same(sentence, mention.start - s, subjects)
            ):
                m_frames |= {differentials.DIFFERENTIAL, "differential"}  # "OMS is not epilepsy"
            elif (
                own[i]
                and (
                    i in kept or differentials.of_another_disease(sentence, mention.end - s, others)
                )
                and differentials.modified(low, mention.start) is None
            ):  # "X is distinguished from opsoclonus", "opsoclonus from encephalitis": a sign
                m_frames -= {differentials.DIFFERENTIAL}
            drug = mention.concept.type == "drug"
            if (
                drug
                and relapse
                and retyping.withdrawn(sentence, mention.start - s, mention.end - s)
            ):
                m_frames = (m_frames - {"cause"}) | {"treat"}  # "relapse on steroid withdrawal"
            elif drug and cues.frame_after(sentence, mention.end - s) == "cause":  # "X toxicity"
                m_frames = (frames - {"treat"}) | {"cause"}
            elif mention.concept.type == "cause" and shapes.of_nature(
                sentence, mention.start - s, mention.end - s
            ):
                m_frames |= {"cause"}  # "an autoimmune illness", "of autoimmune origin"
            typed = self.typing.of(mention, m_frames, block.section, specific, clause)
            if typed is not None:
                predicate, name, confidence = typed
                if shapes.anaphoric(low, mention, predicate, self.generic, self._said):
                    continue  # "the tumour" after a neuroblastoma: said already
                concept = (
                    None
                    if predicate == "has_synonym"
                    else mention.concept
                    if name == mention.concept.label
                    else self.lexicon.lookup(name)
                )
                confidence -= 0.1 if mention.generated else 0.0
                review, start = review_type(concept), mention.start
                wider = (  # "epileptic myoclonus" is another disease than myoclonus
                    differentials.modified(low, start, mention.end)
                    if predicate == "differential_diagnosis"
                    else sited.sampled_test(low, mention, mentions)  # "stool PCR"
                    if predicate == "diagnosed_by"
                    else None
                )
                if wider is not None:
                    start, concept = wider[0], self.lexicon.lookup(wider[1], ontology=True)
                    name = concept.label if concept else wider[1]
                    review = review_type(concept) if concept else _WIDENED[predicate]
                found.append((start, mention.end, predicate, name, concept, confidence, review))
        if "differential" in block.section:
            frames |= {"differential"}
        wanted = novel or bool(frames & {"cause", "differential"})
        proposals = self._proposals(text, low, s, e, frames, mentions) if wanted else []
        for p_start, p_end, kind, predicate in proposals:  # spelt as an ontology names it?
            hit = self._ground(grounding.grounded_label(text[p_start:p_end].lower(), kind), kind)
            name = hit.label if hit is not None else text[p_start:p_end].lower()
            found.append((p_start, p_end, predicate, name, hit, 0.4, kind))
        for a_start, a_end, name in named_tests(quote, sentence, sc.names):
            found.append((a_start + s, a_end + s, "diagnosed_by", name, None, 0.4, "test"))
        known = [(m.start - s, m.end - s) for m in mentions]
        known += [(a - s, b - s) for a, b, *_ in found]
        for o_start, o_end, label, kind, predicate in openvocab.novel(
            sentence, s, known, block.section | block.list_frames, found, mentions
        ):  # a phrase a relation frame introduces, or a list's item, that no lexicon knows
            grounded = self._ground(label, kind)  # a phrase an ontology names after all
            if grounded is None and not openvocab.proposable(label, kind):
                continue  # "stand", "sensation": an everyday word names no new concept
            name = grounded.label if grounded is not None else label
            found.append((o_start + s, o_end + s, predicate, name, grounded, 0.35, kind))
        if "synonym" in frames:
            for n_start, n_end in self._other_names(text, s, e, mentions):
                name = text[n_start:n_end].lower()
                found.append((n_start, n_end, "has_synonym", name, None, 0.6, None))
        found = shapes.outside(
            found, shapes.descriptive(text, s, e, mentions, CONDITION, results), block.section
        )
        shapes.remember(self._said, found)
        population = cues.population(sentence) if found else "all"
        qualifier = cues.qualifier(sentence) if found else ""
        for m_start, m_end, predicate, name, concept, confidence, kind in found:
            if sc.others and sc.of_another(m_start - s):
                continue  # "her brother had epilepsy": said of someone else
            c_kind = concept.type if concept is not None else kind
            polarity, certainty = block.status(sc, m_start - s, m_end - s, c_kind)
            tumour = c_kind == "tumour" or concept is self.screening
            if polarity == "negated" and tumour and _COURSE.match(text, m_end):
                continue  # "excluded tumour recurrence": the recurrence denied, not the tumour
            if predicate == "has_synonym":  # a name is a name, even in "I never heard of X"
                polarity, certainty = "affirmed", "asserted"
            elif predicate == "differential_diagnosis":  # "X may mimic OMS", "X was ruled
                polarity, certainty = "affirmed", "asserted"  # out": X is a differential
            elif predicate in _SETTLED:  # "should not be withdrawn", a fever's cough,
                at = (sentence, m_start - s, m_end - s)  # "the opsoclonus had resolved" later
                polarity = retyping.settled(predicate, polarity, *at, relapse)
                if polarity is None:
                    continue
            elif polarity == "negated" and concept is not None and concept is self.screening:
                found_no = self.lexicon.lookup(text[m_start:m_end])  # "CT revealed no tumour"
                if found_no is not None and found_no.type == "tumour":
                    predicate, name, concept = "has_cause", found_no.label, found_no
            out.append(
                Candidate(
                    predicate=predicate,
                    object=name,
                    concept=concept,
                    quote=quote,
                    start=s,
                    end=e,
                    polarity=polarity,
                    certainty=certainty,
                    population=population,
                    qualifier=qualifier,
                    confidence=confidence,
                    proposed_type=kind,
                )
            )
        return out

    def _value_claims(
        self, text: str, span: tuple[int, int], block: Block, index: FigureIndex
    ) -> list[Candidate]:
        """Value claims of a sentence (omsgraph.extract.figures), qualified as entity claims."""
        s, e = span
        figures = index.figures(s, e)
        said = mechanisms(index.low, s, e)  # "an autoimmune disorder": how it comes about
        if not figures and not said:
            return []
        sc = self._cues  # the sentence's cues, when its entity claims read them already
        if sc is None or sc.text != index.low[s:e]:
            sc = SentenceCues(index.low[s:e])
        out = []
        for figure in figures:
            polarity, certainty = sc.qualify(figure.start, figure.end, block.list_hedged)
            out.append(
                Candidate(
                    predicate=figure.predicate,
                    object=f"{figure.attribute}: {figure.object}",
                    concept=None,
                    quote=text[s:e],
                    start=s,
                    end=e,
                    polarity=polarity,
                    certainty=certainty,
                    population=figure.population,
                    qualifier=figure.qualifier,
                    confidence=0.6,
                    attribute=figure.attribute,
                )
            )
        for first, start, end, value in said:  # hedged where its first or last word is
            polarity, certainty = sc.qualify(start, end, block.list_hedged)
            lead = sc.qualify(first, start, block.list_hedged)[1]
            if lead == "hedged" or hedged(index.low, s, e, first):  # "is thought to" anywhere
                certainty = "hedged"
            out.append(Candidate("mechanism", value, None, text[s:e], s, e, polarity, certainty))
        return out

    def extract(self, text: str) -> list[Candidate]:
        """Candidate claims of ``text``: one per (predicate, object, polarity), first quote wins
        (the first asserted one, when the claim is hedged first and stated plainly later)."""
        seen: set[tuple[str, str, str]] = set()
        out: list[Candidate] = []
        self._said = {}
        low = cues.lower(text)
        figure_index = FigureIndex(low)
        novel = [m.start() for m in _DRUGLIKE.finditer(low)]
        abbreviations = shapes.abbreviations(text, self.lexicon, CONDITION)
        words = "|".join(map(re.escape, sorted(abbreviations)))
        local = re.compile(rf"\b(?:{words})\b") if abbreviations else None
        for block in blocks(text, self.lexicon):
            pending = list(block.mentions)
            if local is not None:
                starts = [m.start for m in block.mentions]
                for m in local.finditer(text, block.start, block.end):
                    i = bisect_right(starts, m.start()) - 1
                    near = block.mentions[max(i, 0) : i + 2]
                    if not any(p.start < m.end() and m.start() < p.end for p in near):
                        pending.append(
                            Mention(m.start(), m.end(), abbreviations[m.group()], m.group())
                        )
                pending.sort(key=lambda m: m.start)
            cursor = 0
            for s, e in self.sentences(text, block.start, block.end):
                while cursor < len(pending) and pending[cursor].start < s:
                    cursor += 1
                first = cursor
                while cursor < len(pending) and pending[cursor].start < e:
                    cursor += 1
                inside = [
                    m
                    for m in pending[first:cursor]
                    if m.end <= e and not _COMPOUND_AFTER.match(text, m.end)
                ]
                at = bisect_left(novel, s)
                has_novel = "differential" in block.section or (at < len(novel) and novel[at] < e)
                found = (
                    []
                    if shapes.study_aim(low, s, e)  # "Aim: To describe ...": topics, no claims
                    else self._sentence_claims(text, low, (s, e), block, inside, has_novel)
                )
                found = answered(text, s, e, without_redundant_screening(found, self.screening))
                for candidate in found + self._value_claims(text, (s, e), block, figure_index):
                    obj = candidate.concept.id if candidate.concept else candidate.object
                    key = (candidate.predicate, obj, candidate.polarity)
                    if key not in seen:
                        seen.add(key)
                        out.append(candidate)
                    elif candidate.certainty == "asserted":  # said plainly later: that wins
                        assert_later(out, key, candidate)
        return settle_generic(out, self.generic)
