"""Find vocabulary concepts in text: one token trie, case- and inflection-tolerant, longest match.

Under the curated vocabulary lies the ontology layer (:mod:`omsgraph.extract.ontolex`: HPO,
MAxO, MONDO and a drug dictionary, loaded lazily): the longest name wins, and the curated one
where both cover the same words. A curated concept that an ontology names the same way carries
that ontology's ID (:class:`~omsgraph.extract.ontolex.GroundedConcept`).

Text is cut into word tokens; each token is folded (case, accents, British/American spelling,
plural and agent-noun endings) so that ``Tumours``, ``tumor`` and ``tumors`` are one key. A
name only matches across token gaps made of spaces, hyphens or brackets, never across a
comma, a full stop or a dash with spaces around it, so ``opsoclonus, myoclonus`` stays two
symptoms.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from omsgraph.corpus.model import Concept
from omsgraph.corpus.vocabulary import Vocabulary
from omsgraph.extract import cues
from omsgraph.extract.anatomy import site_names
from omsgraph.extract.folding import _TOKEN, fold_token, tokens
from omsgraph.extract.ontolex import compatible
from omsgraph.extract.spelling import MIN_LENGTH, Corrector

if TYPE_CHECKING:
    from omsgraph.extract.ontolex import OntologyLexicon

__all__ = ["Lexicon", "Mention", "fold_token", "tokens"]

#: a character no name runs across: an underscore, or no word character, space, hyphen, bracket,
#: quote or slash
_BREAK = re.compile(r"[^\w\s\-\u2010\u2011\u2012\u2013()\"'“”/]|_")
#: a dash with a space on either side separates ("opsoclonus - myoclonus - ataxia" on a slide is
#: three signs), as a hyphen without spaces joins ("opsoclonus-myoclonus")
_SPACED_DASH = re.compile(r"\s[-\u2010-\u2013]\s")
#: ... unless the dashed words run on into a syndrome's name the lexicon knows ("Opsoclonus –
#: Myoclonus Syndrome"): one name, spaced as PDFs and titles space it
_NAMED_RUN = re.compile(
    r"[\w'’]+(?:\s+[\w'’]+)?(?:\s[-\u2010-\u2013]\s[\w'’]+(?:\s+[\w'’]+)?)*\s+(?:syndrome|disease|disorder)\b",
    re.IGNORECASE,
)
_ABBREVIATION_GAP = re.compile(r"\.[ \t]?\Z")
_ACRONYM = re.compile(r"^[A-Za-z]{1,5}$")


_ACTION_TYPES = frozenset({"therapy", "procedure", "drug", "test"})
_ACTION_HEADS = ("therapy", "treatment", "procedure")
_NEOPLASM = re.compile(r"\btumou?rs?\b", re.IGNORECASE)


def _variants(name: str, kind: str) -> list[str]:
    """The names an ontology may give a curated name: itself; an action with its head word
    ("corticosteroids" -> "corticosteroid treatment"); "tumour" as "neoplasm"."""
    out = [name]
    if _NEOPLASM.search(name):
        out.append(_NEOPLASM.sub("neoplasm", name))
    if kind in _ACTION_TYPES and not name.endswith(_ACTION_HEADS):
        out += [f"{name} {head}" for head in _ACTION_HEADS]
    return out


def _negated_prefix(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """The name at token ``i`` is negated by a prefix word: "non-paraneoplastic cases",
    "non-small cell lung cancer" name neither the syndrome nor the cancer."""
    return (
        i > 0
        and toks[i - 1][2].casefold() == "non"
        and text[toks[i - 1][1] : toks[i][0]] in ("-", " ", "\u2010", "\u2011")
    )


@dataclass(frozen=True)
class Mention:
    """A concept named in the text at ``start:end`` (the exact characters it covers)."""

    start: int
    end: int
    concept: Concept
    surface: str
    generated: bool = False  # found by expanding a coordination ("lung or breast cancer")


@dataclass(frozen=True)
class _Entry:
    concept_id: str
    case_sensitive: str | None  # the exact spelling required for short upper-case synonyms


class Lexicon:
    """Every vocabulary name as a path of folded tokens; ``find`` returns the longest matches.

    ``ontologies``: True loads the shipped ontology lexicon, False leaves it out, or pass one.
    """

    def __init__(self, vocabulary: Vocabulary, ontologies: OntologyLexicon | bool = True):
        self.vocabulary = vocabulary
        self._trie: dict = {}
        self._fold_cache: dict[str, str] = {}
        self._lookup_cache: dict[tuple[str, bool], Concept | None] = {}
        if ontologies is True:
            from omsgraph.extract.ontolex import load_ontologies

            ontologies = load_ontologies()
        self.ontologies: OntologyLexicon | None = ontologies or None
        self._ids: dict[str, list[str]] = {}  # every external ID each curated concept has
        self.concepts: dict[str, Concept] = {
            c.id: self._grounded(c) for c in vocabulary.concepts.values()
        }
        # an ontology entry that a curated concept carries an ID of is that curated concept
        self._curated_by_id: dict[str, Concept] = {}
        for concept_id, curies in self._ids.items():
            for curie in curies:
                self._curated_by_id.setdefault(curie, self.concepts[concept_id])
        for concept in vocabulary.concepts.values():
            sited = (
                [v for n in concept.names for v in site_names(n)]
                if concept.type == "tumour"
                else [a for n in concept.names for a in cues.sign_adjectives(n)]
                if concept.type == "symptom"
                else []
            )
            for name in (*concept.names, *sited):  # "tumour of the ovary", "ataxic"
                words = [w for _, _, w in tokens(name)]
                if not words:
                    continue
                exact = (
                    name if _ACRONYM.match(name) and sum(c.isupper() for c in name) >= 2 else None
                )
                node = self._trie
                for word in words:
                    node = node.setdefault(self._fold(word), {})
                node.setdefault(None, _Entry(concept.id, exact))
        self._corrector = Corrector(self._fold_cache.values(), self._known_alone)

    def _known_alone(self, word: str) -> bool:
        """Whether an ontology names ``word`` alone (a real word, never a misspelling)."""
        return self.ontologies is not None and self.ontologies.lookup(word) is not None

    def _grounded(self, concept: Concept) -> Concept:
        """``concept`` with its external ID: the reviewed one of the SSSOM mapping set, else
        that of the first ontology entry one of its names names (an action named by the
        concept's name and "therapy", "treatment" or "procedure" counts: "intravenous
        immunoglobulin" is MAxO's "intravenous immunoglobulin therapy")."""
        from omsgraph.extract.curated_ids import preferred

        ids = self._ids.setdefault(concept.id, [])
        reviewed = preferred(concept.id, concept.label, concept.type)
        from omsgraph.extract.curated_ids import curated_ids

        ids.extend(r.curie for r in curated_ids().get(concept.id, ()) if r[1] == concept.label)
        lexical = []
        from omsgraph.extract.curated_ids import inexact

        # a curator who mapped the concept only inexactly found no exact term: a shared name
        # ("physical examination" for a neurological one) is no exact ID either
        if self.ontologies is not None and (concept.id, concept.label) not in inexact():
            for name in concept.names:
                for variant in _variants(name, concept.type):
                    found = self.ontologies.lookup(variant)
                    if found is not None and compatible(concept.type, found.type):
                        lexical.append(found)
                        ids.append(found.curie)
                        break
        if reviewed is None and not lexical:
            return concept
        from omsgraph.extract.ontolex import GroundedConcept

        own = {f.name: getattr(concept, f.name) for f in fields(Concept)}
        if reviewed is not None:
            return GroundedConcept(
                **own,
                curie=reviewed.curie,
                ontology=reviewed.curie.split(":")[0],
                release=reviewed[2],
                curated=True,
                justification="semapv:ManualMappingCuration",
            )
        found = lexical[0]
        return GroundedConcept(
            **own, curie=found.curie, ontology=found.ontology, release=found.release, curated=True
        )

    def _fold(self, word: str) -> str:
        cache = self._fold_cache
        folded = cache.get(word)
        if folded is None:
            folded = cache[word] = fold_token(word)
        return folded

    @staticmethod
    def _after_abbreviation(text: str, previous: tuple[int, int, str], start: int) -> bool:
        """Whether a name may run on across a gap that holds a break: only after a short
        capitalised abbreviation and its full stop ("St. Louis", not ", ")."""
        word = previous[2]
        return (
            len(word) <= 3
            and word[0].isupper()
            and _ABBREVIATION_GAP.match(text, previous[1], start) is not None
        )

    def _joinable_gaps(self, text: str, toks: list[tuple[int, int, str]]) -> list[bool]:
        """``[k]``: whether a name may run on from word ``k - 1`` to word ``k``.

        A gap is joinable when it holds only spaces, hyphens, brackets, quotes or slashes; one
        that holds another character (found in one regex pass) only after an abbreviation.
        """
        n = len(toks)
        joinable = [True] * n
        if n:
            joinable[0] = False
        starts = [t[0] for t in toks]
        for match in _BREAK.finditer(text):
            k = bisect_right(starts, match.start())
            if 0 < k < n and joinable[k]:
                joinable[k] = self._after_abbreviation(text, toks[k - 1], starts[k])
        if " -" in text or " \u2013" in text or " \u2010" in text or " \u2011" in text:
            for match in _SPACED_DASH.finditer(text):
                k = bisect_right(starts, match.start())
                if 0 < k < n and not self._dashed_name(text, match):
                    joinable[k] = False
        return joinable

    def _dashed_name(self, text: str, dash: re.Match[str]) -> bool:
        """Whether the words around a spaced dash, run on into a syndrome's word, are a name the
        lexicon knows with the dashes closed ("Opsoclonus - Myoclonus Syndrome"); a list whose
        last item ends in "disorder" is none ("opsoclonus - myoclonus - sleep disorder")."""
        run = _NAMED_RUN.match(text, dash.end())
        if run is None:
            return False
        before = text[max(0, dash.start() - 40) : dash.start()].split()
        tail = _SPACED_DASH.sub("-", text[dash.start() : run.end()])
        return any(
            self.lookup(" ".join(before[-k:]) + tail) is not None
            for k in range(1, min(3, len(before)) + 1)
        )

    def lookup(self, phrase: str, ontology: bool = False) -> Concept | None:
        """The concept whose name is exactly ``phrase`` (after folding), or None.

        Only the curated vocabulary unless ``ontology``: then an ontology name counts too.
        """
        cache = self._lookup_cache
        if (phrase, ontology) in cache:
            return cache[phrase, ontology]
        node: dict | None = self._trie
        for word in _TOKEN.findall(phrase):
            node = node.get(self._fold(word))
            if node is None:
                break
        entry = node.get(None) if node is not None else None
        concept = self.concepts[entry.concept_id] if entry else None
        if concept is None and ontology and self.ontologies is not None:
            concept = self.ontologies.lookup(phrase)
            curated = self._curated_by_id.get(getattr(concept, "curie", ""))
            if curated is not None and compatible(curated.type, concept.type):
                concept = curated
        if len(cache) > 100_000:
            cache.clear()
        cache[phrase, ontology] = concept
        return concept

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Leftmost-longest mentions of vocabulary names in ``text``, offsets plus ``offset``."""
        toks = tokens(text)
        known = self._fold_cache.get
        folded = [known(w) or self._fold(w) for _, _, w in toks]
        words, fix = self._corrector.words, self._corrector.correct
        for k, word in enumerate(folded):
            if len(word) >= MIN_LENGTH and word not in words:
                folded[k] = fix(toks[k][2], word) or word  # "opsoclonous": opsoclonus
        n = len(toks)
        joinable = self._joinable_gaps(text, toks)
        ontologies = self.ontologies
        others = ontologies.scan(text, toks, folded, joinable) if ontologies is not None else {}
        mentions: list[Mention] = []
        trie, concepts = self._trie, self.concepts
        # only the words that can start a name are visited
        firsts = [k for k, word in enumerate(folded) if word in trie]
        if others:
            firsts = sorted({*firsts, *others})
        after = 0  # the first word not yet covered by a mention
        for i in firsts:
            if i < after:
                continue
            node = trie.get(folded[i])
            other = others.get(i)
            best: tuple[int, Concept] | None = None
            j = i
            while node is not None:
                entry = node.get(None)
                if entry is not None and (
                    entry.case_sensitive is None
                    or entry.case_sensitive.casefold() == toks[i][2].casefold()
                    and sum(c.isupper() for c in toks[i][2]) >= 2
                ):
                    best = (j, concepts[entry.concept_id])
                j += 1
                if j >= n or not joinable[j]:
                    break
                node = node.get(folded[j])
            if other is not None and (best is None or other[0] > best[0]):
                best = other  # a longer ontology name: the more specific concept
                curated = self._curated_by_id.get(getattr(other[1], "curie", ""))
                if curated is not None and compatible(curated.type, other[1].type):
                    best = (other[0], curated)  # the curated layer names it
            if best is None or _negated_prefix(text, toks, i):
                continue
            last, concept = best
            start, end = toks[i][0], toks[last][1]
            mentions.append(Mention(start + offset, end + offset, concept, text[start:end]))
            after = last + 1
        return mentions
