"""Support, conflict and relation-summary records as RDF: ``oms:Support`` per statement,
``oms:Conflict`` per conflict, ``oms:RelationSummary`` per relation, with their counts and
bounded exemplars (docs/model.md, "Support and conflicts")."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rdflib import Graph, Literal

from omsgraph.corpus.model import Claim, Polarity, Source
from omsgraph.corpus.vocabulary import Vocabulary
from omsgraph.graph.citation import cite_source
from omsgraph.graph.conflicts import Conflict, find_conflicts, say, support
from omsgraph.graph.iris import claim_iri, predicate_iri
from omsgraph.graph.namespaces import OMS, OMSC, OMSE, OMSK, OMSX, OMSY, RDF, RDFS, XSD

__all__ = ["add_support_and_conflicts"]


def add_support_and_conflicts(
    graph: Graph,
    claims: Iterable[Claim],
    vocabulary: Vocabulary | None = None,
    sources: Mapping[str, Source] | None = None,
) -> list[Conflict]:
    """Add oms:Support, oms:Conflict and oms:RelationSummary nodes for ``claims`` to ``graph``
    (counts and exemplars included, see docs/model.md); return the conflicts. A conflict's
    comment names each source of ``sources`` (file -> record) by its short citation."""
    names = {file: cite_source(source) for file, source in (sources or {}).items()}
    claims = list(claims)
    conflicts = find_conflicts(claims, vocabulary)
    graph.bind("omsx", OMSX)
    graph.bind("omsk", OMSK)
    graph.bind("omsy", OMSY)
    for record in support(claims, conflicts):
        node = OMSK[record.id]
        obj = OMSE[record.object] if record.claims[0].entity_valued else Literal(record.object)
        graph.add((node, RDF.type, OMS.Support))
        graph.add((node, RDF.subject, OMSE[record.subject]))
        graph.add((node, RDF.predicate, predicate_iri(record.predicate)))
        graph.add((node, RDF.object, obj))
        for prop, count in (
            (OMS.affirmingSources, record.affirming),
            (OMS.negatingSources, record.negating),
            (OMS.affirmingClaims, record.affirming_claims),
            (OMS.negatingClaims, record.negating_claims),
        ):
            graph.add((node, prop, _count(count)))
        if record.strongest is not None:
            graph.add((node, OMS.strongestCertainty, OMS[record.strongest.value.capitalize()]))
        graph.add((node, OMS.contested, Literal(record.contested)))
        for claim in record.claims:
            graph.add((node, OMS.supportedBy, claim_iri(claim)))
        for claim in record.exemplars:
            graph.add((node, OMS.exemplar, claim_iri(claim)))
    for conflict in conflicts:
        node = OMSX[conflict.id]
        graph.add((node, RDF.type, OMS.Conflict))
        graph.add((node, OMS.conflictKind, OMS[conflict.kind]))
        graph.add((node, OMS.severity, OMS[conflict.severity]))
        graph.add((node, OMS.topic, Literal(conflict.topic)))
        graph.add((node, RDFS.comment, Literal(say(conflict.claims, names))))
        graph.add((node, OMS.claimCount, _count(len(conflict.claims))))
        graph.add((node, OMS.sourceCount, _count(conflict.sources)))
        for claim in conflict.claims:
            graph.add((node, OMS.involvesClaim, OMSC[claim.id]))
        for claim in conflict.exemplars:
            graph.add((node, OMS.exemplar, OMSC[claim.id]))
    _add_relation_summaries(graph, claims)
    return conflicts


def _count(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


def _add_relation_summaries(graph: Graph, claims: Sequence[Claim]) -> None:
    """One oms:RelationSummary per relation that some claim uses: its claims and distinct
    sources by polarity, over every subject and object (what query ``relations`` reads)."""
    counts: dict[tuple[str, Polarity], int] = Counter()
    sources: dict[tuple[str, Polarity], set[str]] = defaultdict(set)
    for claim in claims:
        counts[(claim.predicate, claim.polarity)] += 1
        sources[(claim.predicate, claim.polarity)].add(claim.source)
    for predicate in sorted({p for p, _ in counts}):
        relation = predicate_iri(predicate)
        node = OMSY[str(relation).rsplit("#", 1)[1]]
        graph.add((node, RDF.type, OMS.RelationSummary))
        graph.add((node, OMS.forRelation, relation))
        for polarity, claims_prop, sources_prop in (
            (Polarity.AFFIRMED, OMS.affirmingClaims, OMS.affirmingSources),
            (Polarity.NEGATED, OMS.negatingClaims, OMS.negatingSources),
        ):
            graph.add((node, claims_prop, _count(counts[(predicate, polarity)])))
            graph.add((node, sources_prop, _count(len(sources[(predicate, polarity)]))))
