"""Where the sources agree (support per triple) and where they disagree (conflicts): detection
only; :mod:`omsgraph.graph.support_rdf` writes the records as RDF and
:mod:`omsgraph.graph.evidence` renders them for people.

Rules, all general (docs/model.md, "Support and conflicts"):

* **opposite polarity**: claims of one (subject, relation, object) from two sources, one
  affirmed and one negated. A contradiction when they speak of one population as written (or
  one of them of everyone), a population difference (tension) when the populations differ
  ("young children" vs "children with neuroblastoma", children vs adults). A negated claim about the
  umbrella concept of a class ("no diagnostic test": the concept whose label is the class
  name) is in tension with affirmed claims of the same relation about members of that class.
* **incompatible value**: value claims ``attribute: value`` of one attribute family whose
  parsed values (``omsgraph.corpus.values``) cannot both hold, stated of one population as
  written: a contradiction. Stated of different populations or bases (per child against per
  person), or able to both hold but for different populations: a tension (population
  difference).

Every claim in a conflict is paired with a claim of another source: a source is never set
against itself.
* **population difference**: a claim restricted to one population ("only … adults") and an
  affirmed claim of the same triple from another source for a population outside it.

A conflict always involves claims from at least two sources; wording alone never conflicts.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest

from omsgraph.corpus.claims import Corpus
from omsgraph.corpus.model import CONCEPT_TYPES, Certainty, Claim, Polarity, Status
from omsgraph.corpus.values import attribute, compatible, parse_value
from omsgraph.corpus.vocabulary import Vocabulary, normalise

__all__ = [
    "CONTRADICTION",
    "EXEMPLARS",
    "TENSION",
    "Conflict",
    "Support",
    "built_claims",
    "corpus_conflicts",
    "find_conflicts",
    "say",
    "population_group",
    "support",
]

#: at most this many exemplar claims (oms:exemplar) per polarity of a statement and per
#: conflict: the named queries read these, so that their answers stay bounded as the corpus
#: grows; every claim stays linked by oms:supportedBy / oms:involvesClaim
EXEMPLARS = 10

OPPOSITE, VALUE, POPULATION = "OppositePolarity", "IncompatibleValue", "PopulationDifference"
CONTRADICTION, TENSION = "Contradiction", "Tension"
#: a conflict's comment quotes at most this many claims (a large corpus gives conflicts of
#: thousands of claims; every one of them stays linked by oms:involvesClaim)
SAY_AT_MOST = 12
_ADULT = re.compile(r"\badults?\b")
_CHILD = re.compile(r"\b(child|children|infants?|toddlers?|teens?|teenagers?|paediatric|pediatric)")
_ONLY = re.compile(r"\bonly\b")


@dataclass(frozen=True)
class Conflict:
    """Claims of two or more sources that cannot all hold, or pull apart."""

    kind: str  # OppositePolarity | IncompatibleValue | PopulationDifference
    severity: str  # Contradiction | Tension
    topic: str
    claims: tuple[Claim, ...]
    comment: str

    @property
    def id(self) -> str:
        key = "|".join([*sorted(c.id for c in self.claims), self.kind])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    @property
    def sources(self) -> int:
        return len({c.source for c in self.claims})

    @property
    def exemplars(self) -> list[Claim]:
        """At most :data:`EXEMPLARS` claims, balanced across the sides of the conflict: each
        side (polarity, object, population group) in turn, affirming and negating alternately,
        each side's claims in :func:`_preferred` order."""
        sides: dict[tuple[bool, str, str], list[Claim]] = defaultdict(list)
        for c in self.claims:
            negated = c.polarity is Polarity.NEGATED
            sides[(negated, c.object, population_group(c.population))].append(c)
        lanes: dict[bool, list[list[Claim]]] = defaultdict(list)
        for key in sorted(sides):
            lanes[key[0]].append(_preferred(sides[key]))
        return _interleave([_interleave(lanes[k]) for k in sorted(lanes)])[:EXEMPLARS]


@dataclass(frozen=True)
class Support:
    """How many independent sources affirm and negate one (subject, relation, object)."""

    subject: str
    predicate: str
    object: str
    claims: tuple[Claim, ...]
    contested: bool

    @property
    def id(self) -> str:
        key = "|".join((self.subject, self.predicate, self.object))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    @property
    def affirming(self) -> int:
        return len({c.source for c in self.claims if c.polarity is Polarity.AFFIRMED})

    @property
    def negating(self) -> int:
        return len({c.source for c in self.claims if c.polarity is Polarity.NEGATED})

    @property
    def strongest(self) -> Certainty | None:
        """Asserted if any affirming claim asserts it, else hedged; None without affirmation."""
        found = {c.certainty for c in self.claims if c.polarity is Polarity.AFFIRMED}
        return Certainty.ASSERTED if Certainty.ASSERTED in found else min(found, default=None)

    @property
    def affirming_claims(self) -> int:
        return sum(c.polarity is Polarity.AFFIRMED for c in self.claims)

    @property
    def negating_claims(self) -> int:
        return sum(c.polarity is Polarity.NEGATED for c in self.claims)

    @property
    def exemplars(self) -> list[Claim]:
        """At most :data:`EXEMPLARS` affirming and as many negating claims, each in
        :func:`_preferred` order."""
        return [
            claim
            for polarity in Polarity
            for claim in _preferred(c for c in self.claims if c.polarity is polarity)[:EXEMPLARS]
        ]


def _preferred(claims: Iterable[Claim]) -> list[Claim]:
    """The order exemplars are taken in: one claim of every source before a second claim of
    any; among those, asserted before hedged, then by source file name and start offset."""
    ordered = sorted(
        claims,
        key=lambda c: (c.certainty is not Certainty.ASSERTED, c.source, c.evidence.start, c.id),
    )
    seen: Counter[str] = Counter()
    ranked = []
    for claim in ordered:
        ranked.append((seen[claim.source], claim))
        seen[claim.source] += 1
    return [claim for _, claim in sorted(ranked, key=lambda item: item[0])]


def _interleave(lists: Sequence[Sequence[Claim]]) -> list[Claim]:
    """The first item of each list, then the second of each, and so on."""
    return [c for row in zip_longest(*lists) for c in row if c is not None]


@lru_cache(maxsize=4096)
def population_group(population: str) -> str:
    """``children``, ``adults`` or ``all`` for a population phrase."""
    text = population.casefold()
    adult, child = bool(_ADULT.search(text)), bool(_CHILD.search(text))
    return "adults" if adult and not child else "children" if child and not adult else "all"


def _as_written(population: str) -> str:
    return " ".join(population.casefold().split()) or "all"


def _same_population(a: Claim, b: Claim) -> bool:
    """Whether two claims speak of one population as written, or one of them of everyone."""
    pa, pb = _as_written(a.population), _as_written(b.population)
    return pa == pb or "all" in (pa, pb)


def _pairs(
    first: Sequence[Claim], second: Sequence[Claim], fits: Callable[[Claim, Claim], bool]
) -> list[Claim]:
    """The claims of every pair (one of `first`, one of `second`) from two sources that
    `fits`: a source is never set against itself."""
    found: dict[str, Claim] = {}
    for a in first:
        for b in second:
            if a.source != b.source and fits(a, b):
                found[a.id], found[b.id] = a, b
    return list(found.values())


def _triple(claim: Claim) -> tuple[str, str, str]:
    return claim.subject, claim.predicate, claim.object


def say(claims: Iterable[Claim], names: Mapping[str, str] | None = None) -> str:
    """What each source of a conflict says, quoted: the source by ``names[file]`` (its short
    citation, `omsgraph.graph.citation.cite_source`), else by its file name."""
    parts = []
    ordered = sorted(claims, key=lambda c: (c.source, c.evidence.start))
    for c in ordered[:SAY_AT_MOST]:
        negated = " (negated)" if c.polarity is Polarity.NEGATED else ""
        name = (names or {}).get(c.source, c.source)
        parts.append(f'{name} says "{c.evidence.quote}"{negated} [{c.population}]')
    if len(ordered) > SAY_AT_MOST:
        more = ordered[SAY_AT_MOST:]
        sources = len({c.source for c in more})
        parts.append(f"and {len(more)} more claims from {sources} sources")
    return "; ".join(parts)


def _conflict(kind: str, severity: str, topic: str, claims: Iterable[Claim]) -> Conflict:
    unique = sorted({c.id: c for c in claims}.values(), key=lambda c: (c.source, c.id))
    return Conflict(kind, severity, topic, tuple(unique), say(unique))


def _topic(claim: Claim, vocabulary: Vocabulary | None) -> str:
    if claim.entity_valued and vocabulary and claim.object in vocabulary.concepts:
        return vocabulary.concepts[claim.object].label
    return claim.object


def _opposite_polarity(
    claims: Sequence[Claim], vocabulary: Vocabulary | None
) -> Iterable[Conflict]:
    by_triple: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_triple[_triple(claim)].append(claim)

    for triple in sorted(by_triple):
        group = by_triple[triple]
        affirmed = [c for c in group if c.polarity is Polarity.AFFIRMED]
        negated = [c for c in group if c.polarity is Polarity.NEGATED]
        if not affirmed or not negated:
            continue
        # the claims of every (affirmed, negated) pair from two sources: a contradiction where
        # they speak of one population as written (or one of them of everyone), a tension
        # where the populations differ ("young children" vs "children with neuroblastoma",
        # children vs adults): both can hold
        topic = _topic(group[0], vocabulary)
        clash = _pairs(affirmed, negated, _same_population)
        if clash:
            yield _conflict(OPPOSITE, CONTRADICTION, topic, clash)
            continue
        split = _pairs(affirmed, negated, lambda a, b: True)
        if split:
            yield _conflict(POPULATION, TENSION, topic, split)


def _umbrella_negations(claims: Sequence[Claim], vocabulary: Vocabulary) -> Iterable[Conflict]:
    """ "There is no diagnostic test" against sources that name tests."""
    class_names = {
        t: normalise(re.sub(r"(?<!^)([A-Z])", r" \1", c)) for t, c in CONCEPT_TYPES.items()
    }
    negations: dict[tuple[str, str], list[Claim]] = defaultdict(list)  # (object, relation)
    negators: dict[str, set[str]] = defaultdict(set)  # object -> sources negating it
    objects: dict[str, set[str]] = defaultdict(set)  # source -> objects of its claims
    for claim in claims:
        objects[claim.source].add(claim.object)
        if claim.polarity is Polarity.NEGATED:
            negators[claim.object].add(claim.source)
            concept = vocabulary.concepts.get(claim.object) if claim.entity_valued else None
            if concept is not None:
                umbrella = (class_names[concept.type], concept.type)
                if any(normalise(name) in umbrella for name in concept.names):
                    negations[(claim.object, claim.predicate)].append(claim)
    for (obj, predicate), negated in negations.items():
        concept = vocabulary.concepts[obj]
        own = {o for source in negators[obj] for o in objects[source]}  # what they do accept
        members = [
            c
            for c in claims
            if c.polarity is Polarity.AFFIRMED
            and c.object not in own
            and c.predicate == predicate
            and c.source not in negators[obj]
            and c.entity_valued
            and c.object != obj
            and vocabulary.concepts[c.object].type == concept.type
        ]
        if members:
            yield _conflict(OPPOSITE, TENSION, concept.label, [*negated, *members])


def _merge(conflicts: Iterable[Conflict]) -> list[Conflict]:
    """One conflict per (kind, severity, topic): the union of its claims."""
    merged: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for conflict in conflicts:
        merged[(conflict.kind, conflict.severity, conflict.topic)].extend(conflict.claims)
    return [_conflict(kind, sev, topic, merged[(kind, sev, topic)]) for kind, sev, topic in merged]


def _values(claims: Sequence[Claim]) -> Iterable[Conflict]:
    by_attribute: dict[str, list[tuple[Claim, object]]] = defaultdict(list)
    for claim in claims:
        parsed = None if claim.entity_valued else attribute(claim.object)
        if parsed is None or claim.polarity is not Polarity.AFFIRMED:
            continue
        value = parse_value(parsed[1])
        if value is not None:
            by_attribute[parsed[0]].append((claim, value))
    for name in sorted(by_attribute):
        # claims of one value and population group compare alike: compare the groups
        buckets: dict[tuple[object, str], list[Claim]] = defaultdict(list)
        for claim, value in by_attribute[name]:
            buckets[(value, population_group(claim.population))].append(claim)
        keys = list(buckets)
        clash: list[Claim] = []
        apart: list[tuple[list[Claim], list[Claim]]] = []
        for i, (va, ga) in enumerate(keys):
            for vb, gb in keys[i + 1 :]:
                fits = compatible(va, vb)  # type: ignore[arg-type]
                if fits is False or (fits and ga != gb):
                    first, second = buckets[(va, ga)], buckets[(vb, gb)]
                    # figures that cannot both hold contradict only when stated of one
                    # population as written; per child against per person is a tension
                    if fits is False:
                        clash.extend(_pairs(first, second, _same_figure_base))
                    apart.append((first, second))
        if clash:
            yield _conflict(VALUE, CONTRADICTION, name, clash)
        # what the contradiction leaves: the pairs stated of different populations
        said = {c.id for c in clash}
        rest = [
            c
            for first, second in apart
            for c in _pairs(first, second, lambda a, b, said=said: not {a.id, b.id} <= said)
        ]
        if rest:
            yield _conflict(POPULATION, TENSION, name, rest)


def _same_figure_base(a: Claim, b: Claim) -> bool:
    return _as_written(a.population) == _as_written(b.population)


def _restricted(claims: Sequence[Claim], vocabulary: Vocabulary | None) -> Iterable[Conflict]:
    affirmed: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.polarity is Polarity.AFFIRMED:
            affirmed[_triple(claim)].append(claim)
    for only in claims:
        text = f"{only.qualifier} {only.evidence.quote}".casefold()
        group = population_group(only.population)
        if group == "all" or not _ONLY.search(text):
            continue
        others = [
            c
            for c in affirmed[_triple(only)]
            if c.source != only.source and population_group(c.population) != group
        ]
        if others:
            yield _conflict(POPULATION, TENSION, _topic(only, vocabulary), [only, *others])


def find_conflicts(claims: Iterable[Claim], vocabulary: Vocabulary | None = None) -> list[Conflict]:
    """Every conflict among ``claims``, ordered by severity, topic and kind."""
    claims = list(claims)
    found = [*_opposite_polarity(claims, vocabulary), *_values(claims)]
    found += _restricted(claims, vocabulary)
    if vocabulary is not None:
        found += _umbrella_negations(claims, vocabulary)
    conflicts = [c for c in _merge(found) if len({x.source for x in c.claims}) >= 2]
    return sorted(conflicts, key=lambda c: (c.severity != CONTRADICTION, c.topic, c.kind, c.id))


def support(claims: Iterable[Claim], conflicts: Iterable[Conflict] = ()) -> list[Support]:
    """One record per (subject, relation, object), ordered by it."""
    by_triple: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_triple[_triple(claim)].append(claim)
    contested = {_triple(c) for conflict in conflicts for c in conflict.claims}
    return [
        Support(*triple, claims=tuple(by_triple[triple]), contested=triple in contested)
        for triple in sorted(by_triple)
    ]


def corpus_conflicts(corpus: Corpus, *, reviewed_only: bool = False) -> list[Conflict]:
    """The conflicts among the claims ``build_graph`` would build."""
    return find_conflicts(built_claims(corpus, reviewed_only), corpus.vocabulary)


def built_claims(corpus: Corpus, reviewed_only: bool = False) -> list[Claim]:
    """The claims a build keeps: rejected claims never, candidates unless ``reviewed_only``."""
    keep = {Status.REVIEWED} if reviewed_only else {Status.REVIEWED, Status.CANDIDATE}
    return [c for c in corpus.claims if c.status in keep]
