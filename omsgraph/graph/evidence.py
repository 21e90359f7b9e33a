"""What the command line says about agreement and disagreement: conflict records and text,
and every claim about one concept (``omsgraph conflicts``, ``omsgraph evidence``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from omsgraph.corpus.claims import Corpus
from omsgraph.corpus.vocabulary import normalise
from omsgraph.errors import DataError
from omsgraph.graph.conflicts import CONTRADICTION, TENSION, Conflict, built_claims

__all__ = ["conflict_records", "evidence", "render_conflicts"]


def conflict_records(conflicts: Iterable[Conflict]) -> list[dict[str, object]]:
    """Plain records, one per conflict, each claim with its source, polarity and quote."""
    return [
        {
            "id": c.id,
            "severity": c.severity.lower(),
            "kind": c.kind,
            "topic": c.topic,
            "claims": [
                {
                    "source": x.source,
                    "polarity": x.polarity.value,
                    "certainty": x.certainty.value,
                    "population": x.population,
                    "object": x.object,
                    "quote": x.evidence.quote,
                }
                for x in c.claims
            ],
        }
        for c in conflicts
    ]


def render_conflicts(conflicts: Sequence[Conflict]) -> str:
    """Human-readable text: a heading per conflict, then each claim's source and quote."""
    lines = []
    for c in conflicts:
        lines.append(f"{c.severity.upper()} ({c.kind}): {c.topic}")
        for x in c.claims:
            lines.append(
                f"  {x.source}  {x.polarity.value}, {x.certainty.value}, {x.population}: "
                f'"{x.evidence.quote}"'
            )
        lines.append("")
    counts = Counter(c.severity for c in conflicts)
    lines.append(
        f"{len(conflicts)} conflicts: {counts[CONTRADICTION]} contradictions, "
        f"{counts[TENSION]} tensions"
    )
    return "\n".join(lines) + "\n"


def evidence(corpus: Corpus, name: str, *, reviewed_only: bool = False) -> list[dict[str, object]]:
    """Every claim about a concept (any label or synonym) or naming ``name`` in its value.

    One record per claim: source, relation, object, polarity, certainty, population, quote and
    the citation of the reference the source gives for it.
    """
    concept = corpus.vocabulary.resolve(name)
    folded = normalise(name)
    if concept is None and not folded:
        raise DataError(f"{name!r} is not a concept or a value")
    sources = {s.file: s for s in corpus.sources}
    records = []
    for claim in built_claims(corpus, reviewed_only):
        if concept is not None:
            hit = concept.id in (claim.subject, claim.object if claim.entity_valued else None)
        else:
            hit = not claim.entity_valued and folded in normalise(claim.object)
        if not hit:
            continue
        reference = sources[claim.source].reference(claim.reference) if claim.reference else None
        obj = claim.object
        if claim.entity_valued:
            obj = corpus.vocabulary.concepts[claim.object].label
        records.append(
            {
                "source": claim.source,
                "relation": claim.predicate.replace("_", " "),
                "object": obj,
                "polarity": claim.polarity.value,
                "certainty": claim.certainty.value,
                "population": claim.population,
                "quote": claim.evidence.quote,
                "reference": reference.citation if reference else "",
            }
        )
    if not records:
        what = f"concept {concept.label!r}" if concept else repr(name)
        raise DataError(f"no claim about {what}; try a label or synonym of the vocabulary")
    return records
