"""Open vocabulary: the phrases a relation frame introduces that no lexicon knows, as proposals.

"Symptoms include drooling and head tremor", "was treated with ofatumumab", "the associated
tumours included a hepatoblastoma": the phrase after a FORWARD trigger of ``rules/relations.tsv``
is that frame's object. When no lexicon concept covers it, it is proposed as a new concept of
the frame's type, with a normalised label (lower case, singular, without determiners or
trailing clauses), for a curator to review. Generic triggers ("include", "were") take the frame
of the cue before them in the sentence ("Treatments include ..." is a treatment).

A list says its items are of one kind: in "seizures, autonomic dysfunction and hearing loss"
two symptoms make the unknown item between them a proposed symptom too
(:func:`list_mates`).
"""

from __future__ import annotations

import re

from omsgraph.extract import cues, grounding, retyping
from omsgraph.extract.anatomy import site_nouns
from omsgraph.extract.spelling import common_words

__all__ = [
    "PROPOSED",
    "generic_heads",
    "list_mates",
    "normalise_label",
    "novel",
    "organisation_words",
    "phrase_end",
    "phrase_pattern",
    "proposable",
    "proposals",
    "singular",
]

#: frame -> (proposed concept type, predicate)
PROPOSED = {
    "symptom": ("symptom", "has_symptom"),
    "complication": ("complication", "has_complication"),
    "cause": ("cause", "has_cause"),
    "treat": ("therapy", "treated_by"),
    "diagnose": ("test", "diagnosed_by"),
    "differential": ("condition", "differential_diagnosis"),
}


_rows, _words = cues.phrase_rows, cues.phrase_words


_GENERIC_TRIGGER = re.compile(f"(?:{'|'.join(r.regex for r in _rows('GENERIC_TRIGGER'))})$")
#: where an introduced phrase ends: punctuation, a clause word, a preposition of context
_PHRASE_END = cues.alternation(_rows("PHRASE_END"))
#: list items; examples ("such as", "like", "e.g.") share the relation of what they exemplify
_ITEM_SPLIT = re.compile("|".join(r.regex for r in _rows("LIST_SEPARATOR")))
_DETERMINERS = _words("DETERMINER")
#: words that are never part of a concept name
_NOT_NAMES = _words("NOT_A_NAME")
#: heads that make a name with a word before them ("Lyme disease") but are none alone
_GENERIC_HEADS = _words("GENERIC_HEAD")
#: names that end in -s and are not plurals
_NOT_PLURAL = _words("NOT_PLURAL")
_ADJECTIVE = re.compile(f"(?:{'|'.join(r.regex for r in _rows('ADJECTIVE_ENDING'))})$")
_WORD = re.compile(r"[a-z][a-z'’-]*$")
_PAST = re.compile(r"[a-z]{2}[^e]ed$")  # a past participle ends a clause, never a name
_CLINICIAN = re.compile("|".join(r.regex for r in _rows("CLINICIAN_HEAD")))


def _typed(kind: str, predicate: str, label: str) -> tuple[str, str]:
    """(type, predicate) of a proposed name: a clinician or team is a specialist, whatever the
    frame that introduced it ("treated by a neuro-ophthalmologist")."""
    if _CLINICIAN.fullmatch(label.rsplit(" ", 1)[-1]):
        return "specialty", "specialist"
    if predicate == "treated_by" and retyping.exposure(label):
        return "cause", "has_cause"  # "received no vaccine": an exposure, no treatment
    return kind, predicate


def _past_determiners(sentence: str, start: int, end: int) -> int:
    """Where the name of the phrase at ``start:end`` begins: after "the", "no", "some" ...
    (so that a negation word stays a cue, not a word of the name)."""
    for word in re.finditer(r"\S+", sentence[start:end]):
        if word.group().lower() not in _DETERMINERS:
            return start + word.start()
    return start


def phrase_pattern(kind: str, flags: int = 0) -> re.Pattern[str]:
    """One pattern of the ``phrases.tsv`` rows of one kind, at word boundaries ("EXAMPLE":
    "such as"; "TEST_HEAD", "TRACER" ...)."""
    return cues.alternation(_rows(kind), flags)


def phrase_end() -> re.Pattern[str]:
    """Where an introduced phrase or list ends (PHRASE_END rows: a clause word, punctuation)."""
    return _PHRASE_END


def generic_heads() -> frozenset[str]:
    """Words that name no concept alone ("disease", "syndrome"): the GENERIC_HEAD rows."""
    return _GENERIC_HEADS


def organisation_words() -> re.Pattern[str]:
    """Words that make a capitalised name an organisation's ("Institute", "Foundation")."""
    return re.compile("|".join(r.regex for r in _rows("ORGANISATION")) or r"(?!x)x")


_MAX_WORDS = 4
_GLOSS_TAIL = re.compile(r"[^,;.()]{0,60}\(")  # a phrase, its qualifying words, then a bracket
# what a gloss bracket may hold besides its concept(s): quotes, "or", "i.e.", "also called"
_GLOSS_REST = re.compile(r"(?:[\s,/\"'“”‘’]|\bor\b|\band\b|\bi\.?e\.?|\b(?:also )?called\b)*")


def singular(word: str) -> str:
    """A plural noun's singular by the regular English endings ("tremors" -> "tremor")."""
    if len(word) <= 3 or word in _NOT_PLURAL or word.endswith(("ss", "us", "is", "ics", "sis")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def normalise_label(phrase: str) -> str | None:
    """The concept label a phrase proposes, or None when it names nothing.

    >>> normalise_label("The Brief Involuntary Jerks")
    'brief involuntary jerk'
    >>> normalise_label("several symptoms") is None
    True
    """
    words = phrase.lower().split()
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    if not words or len(words) > _MAX_WORDS or not all(_WORD.match(w) for w in words):
        return None
    words[-1] = singular(words[-1])
    if any(w in _NOT_NAMES or singular(w) in _NOT_NAMES or w in _DETERMINERS for w in words):
        return None
    if len(words) == 1 and (words[0].endswith("ed") or _ADJECTIVE.search(words[0])):
        return None  # a participle ("induced") or an adjective left by a comma ("rapid")
    if len(words) > 1 and words[0].endswith("ing"):
        return None  # a verb phrase ("causing ataxia"), not a name
    if len(words) > 1 and any(_PAST.search(w) for w in words[1:]):
        return None  # a clause ("symptoms resolved", "completely resected"), not a name
    if len(words) == 1 and (
        len(words[0]) < 4 or words[0] in _GENERIC_HEADS or words[0] in site_nouns()
    ):
        return None  # "disease", "abdomen": no concept alone
    return " ".join(words)


def _frame(sentence: str, at: int, frame: str, end: int, fallback: frozenset[str]) -> str | None:
    """The frame a trigger at ``at:end`` introduces: a generic one ("include") borrows the
    frame of the first cue of its subject ("Treatment of the symptoms includes" -> treat)."""
    if not _GENERIC_TRIGGER.fullmatch(sentence[at:end]):
        return frame
    subject = max(sentence.rfind(mark, 0, at) for mark in ",;:(") + 1
    before = [f for pos, f in cues.frame_spans(sentence[:at]) if subject <= pos < at]
    if before:
        return before[0]
    return next(iter(sorted(fallback & PROPOSED.keys())), None)


def _glossed(sentence: str, end: int, covered: list[tuple[int, int]]) -> bool:
    """Whether a bracket right after ``end`` holds a known concept alone: the phrase glosses
    it ("rapid eye movements (opsoclonus)"), it is no new concept. A bracket with other words
    ("(opsoclonus came later)") is no gloss."""
    gap = _GLOSS_TAIL.match(sentence, end)  # "eye movements in all directions (opsoclonus)"
    if gap is None:
        return False
    open_at = gap.end() - 1
    close = sentence.find(")", open_at)
    close = close if close >= 0 else len(sentence)
    inside = [(a, b) for a, b in covered if open_at < a < close]
    if not inside:
        return False
    rest, at = [], open_at + 1
    for a, b in sorted(inside):
        rest.append(sentence[at:a])
        at = max(at, b)
    rest.append(sentence[at:close])
    return all(_GLOSS_REST.fullmatch(piece) for piece in rest)


def proposals(
    sentence: str, covered: list[tuple[int, int]], fallback: frozenset[str] = frozenset()
) -> list[tuple[int, int, str, str, str]]:
    """(start, end, label, proposed type, predicate) of every unknown introduced phrase.

    ``sentence`` is lower-cased; ``covered`` are the spans (relative to it) that lexicon
    concepts already name; ``fallback`` are the frames of the section or list.
    """
    out = []
    for match in cues._INTRODUCERS.finditer(sentence):
        frame = _frame(sentence, match.start(), match.lastgroup or "", match.end(), fallback)
        if frame not in PROPOSED:
            continue
        kind, predicate = PROPOSED[frame]
        begin = match.end()
        stop = _PHRASE_END.search(sentence, begin)
        while stop is not None and _TO_HEAD.search(sentence, begin, stop.start()):
            verb = _TO_VERB_AT.match(sentence, stop.start())  # "refusal to walk": one name
            if verb is None:
                break
            stop = _PHRASE_END.search(sentence, verb.end())
        end = stop.start() if stop else len(sentence)
        cursor = begin
        for item in _ITEM_SPLIT.split(sentence[begin:end]):
            at = sentence.find(item, cursor, end) if item else -1
            if at < 0:
                continue
            cursor = at + len(item)
            i_start, i_end = at + len(item) - len(item.lstrip()), at + len(item.rstrip())
            if any(a < i_end and i_start < b for a, b in covered):
                continue
            if _glossed(sentence, i_end if stop is None or i_end < end else end, covered):
                continue
            if len(item.split()) <= 2 and _AUTHOR_AFTER.match(sentence, i_end):
                continue  # "first characterised by Kinsbourne in 1962": an author, no sign
            label = normalise_label(sentence[i_start:i_end])
            if label is not None:  # spelt as an ontology names it, where one does
                label = grounding.grounded_label(label, kind)
                at = _past_determiners(sentence, i_start, i_end)
                out.append((at, i_end, label, *_typed(kind, predicate, label)))
    return out


#: what follows an author's name: a year or "et al." ("described by Kinsbourne in 1962")
_AUTHOR_AFTER = re.compile(r"\s*(?:in\s+|\(\s*|,\s*)(?:19|20)\d\d\b|\s*et\s+al\b")
#: predicate of the known items of a list -> the proposed type of its unknown items
_KIND_OF = {predicate: kind for kind, predicate in PROPOSED.values()} | {"specialist": "specialty"}
_LIST_ITEM = re.compile(r"[^;:.()\[\]!?\"]+")  # a list stands within one clause
_EXAMPLE = phrase_pattern("EXAMPLE")
#: an item ending in a preposition's object: what follows "and" may be a second object
_ATTACHED = re.compile(r"\b(?:of|in|on|at|from|over)\s+(?:the\s+|both\s+)?[\w-]+\s*$")
#: "refusal to walk", "inability to sit": a name may hold "to" and one verb after a TO_HEAD
_FILLER = re.compile(r"(?:the|other|their|our|these|those|this|that)\b")
_TO_VERB = re.compile(r"to\s+[a-z]+\s*$")
_TO_HEAD = re.compile(rf"(?:{'|'.join(r.regex for r in _rows('TO_HEAD'))})\s+$")
_TO_VERB_AT = re.compile(r"to\s+[a-z]+\b")


def _attached(sentence: str, item: tuple[int, int], spans: list[tuple[int, int, str]]) -> bool:
    """Whether the item after ``item`` is the object of its last preposition ("jerks of the
    head and limbs"), not when that object is itself a known item ("a history of
    irritability, unsteady walking and tremor")."""
    match = _ATTACHED.search(sentence, *item)
    if match is None:
        return False
    end = len(sentence[: item[1]].rstrip())
    return not any(match.start() < a and b == end for a, b, _ in spans)


def list_mates(
    sentence: str,
    typed: list[tuple[int, int, str]],
    proposed: list[tuple[int, int, str, str, str]] | None = None,
) -> list[tuple[int, int, str, str, str]]:
    """(start, end, label, proposed type, predicate) of the unknown items of a list whose
    known items all have one predicate.

    ``typed`` are the (start, end, predicate) of the claims found in ``sentence`` (lower-cased),
    ``proposed`` the proposals made already. An item is unknown when no claim lies in it; it
    is proposed only between two known items or as the last item after a known one ("A, B and
    C"), never as the first (which carries the words that start the sentence), and only when
    at least two items are known and its words name something (:func:`normalise_label`).
    """
    spans = typed + [(a, b, p) for a, b, _, _, p in proposed or ()]
    if len(spans) < 2 or "," not in sentence:
        return []  # a list of known items has two of them and a comma (a quick test)
    out = []
    for clause in _LIST_ITEM.finditer(sentence):
        separators = list(_ITEM_SPLIT.finditer(sentence, clause.start(), clause.end()))
        if len(separators) < 2 or not any("," in m.group() for m in separators):
            continue
        bounds = [clause.start()] + [m.end() for m in separators]
        ends = [m.start() for m in separators] + [clause.end()]
        items = list(zip(bounds, ends, strict=True))
        kinds = [{p for a, b, p in spans if i <= a and b <= j} for i, j in items]
        known = [k for k in kinds if k]
        if len(known) < 2 or len(set().union(*known)) != 1:
            continue
        (predicate,) = set().union(*known)
        if predicate not in _KIND_OF:
            continue
        for n, (i_start, i_end) in enumerate(items):
            if n and _EXAMPLE.search(separators[n - 1].group()):
                break  # "..., such as X": examples of the item before, not items
            stop = _PHRASE_END.search(sentence, i_start, i_end)
            end = stop.start() if stop else i_end
            if kinds[n] or n == 0 or not kinds[n - 1]:
                if n and stop:
                    break  # the list ends at a clause word ("... therapy to improve")
                continue  # known, the first item, or not after a known one
            if n < len(items) - 1 and not kinds[n + 1]:
                continue  # between known items, or the last one
            if _attached(sentence, items[n - 1], spans):
                continue  # "jerks of the head and limbs": the object of the item before
            if (
                stop
                and _TO_VERB.fullmatch(sentence, stop.start(), i_end)
                and _TO_HEAD.search(sentence, i_start, stop.start())
            ):
                end = i_end
            phrase = sentence[i_start:end].strip()
            if _FILLER.match(phrase):
                continue  # "and the Dutch cohort", "and other things": no sign of the list
            label = normalise_label(phrase)
            if label is None:
                continue
            at = sentence.find(phrase, i_start, i_end)
            begin = _past_determiners(sentence, at, at + len(phrase))
            at, phrase = begin, phrase[begin - at :]
            kind = _KIND_OF[predicate]
            label = grounding.grounded_label(label, kind)
            out.append((at, at + len(phrase), label, *_typed(kind, predicate, label)))
            if stop:
                break
    return out


def novel(
    sentence: str,
    s: int,
    known: list[tuple[int, int]],
    frames: frozenset[str],
    found: list[tuple],
    mentions: list,
) -> list[tuple[int, int, str, str, str]]:
    """Proposals of a sentence starting at ``s``: the phrases its relation frames introduce
    (:func:`proposals`) and the unknown items of its lists (:func:`list_mates`). ``found`` are
    the claims found so far (start, end, predicate, ...), ``mentions`` the lexicon's; a
    mention made by distributing a head ("tumours in the lung, breast") types no list."""
    introduced = proposals(sentence, known, frames)
    generated = {(m.start, m.end) for m in mentions if m.generated}
    typed = [(a - s, b - s, p) for a, b, p, *_ in found if (a, b) not in generated]
    return introduced + list_mates(sentence, typed, introduced)


def proposable(label: str, kind: str) -> bool:
    """Whether a phrase no lexicon knows may be proposed as a concept of ``kind``: one everyday
    word ("stand", "sensation", "medicine") or a fragment ("action-") names none; a
    drug-shaped word may."""
    if label.endswith("-"):
        return False
    if " " in label or kind == "drug" or retyping.exposure(label):  # "no vaccine was given"
        return True
    if kind == "symptom" and label.endswith("ing"):  # "screaming", "crying": a behaviour
        return True
    return label not in common_words()
