"""What the command line says about agreement and disagreement: conflict records and text,
and every claim about one concept (``omsgraph conflicts``, ``omsgraph evidence``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from omsgraph.corpus.claims import Corpus
from omsgraph.corpus.model import Claim, Source, Status
from omsgraph.corpus.vocabulary import normalise
from omsgraph.errors import DataError
from omsgraph.graph.citation import cite_source, link_of_source
from omsgraph.graph.conflicts import CONTRADICTION, TENSION, Conflict, built_claims

__all__ = ["claim_status", "conflict_records", "evidence", "render_conflicts", "source_names"]


def source_names(sources: Iterable[Source]) -> dict[str, tuple[str, str]]:
    """File name -> (short citation, link) of each source."""
    return {s.file: (cite_source(s), link_of_source(s)) for s in sources}


def claim_status(claim: Claim) -> str:
    """``reviewed`` or, for a claim no curator has looked at, ``candidate (automatic, 0.72)``."""
    if claim.status is Status.REVIEWED:
        return claim.status.value
    made = [claim.method.value]
    if claim.confidence is not None:
        made.append(f"{claim.confidence:g}")
    return f"{claim.status.value} ({', '.join(made)})"


def _named(file: str, names: Mapping[str, tuple[str, str]]) -> tuple[str, str]:
    return names.get(file, (file, ""))


def conflict_records(
    conflicts: Iterable[Conflict], names: Mapping[str, tuple[str, str]] | None = None
) -> list[dict[str, object]]:
    """Plain records, one per conflict, each claim with its source (file, citation, link),
    polarity and quote; ``names`` is `source_names` of the corpus."""
    names = names or {}
    return [
        {
            "id": c.id,
            "severity": c.severity.lower(),
            "kind": c.kind,
            "topic": c.topic,
            "claims": [
                {
                    "source": x.source,
                    "citation": _named(x.source, names)[0],
                    "link": _named(x.source, names)[1],
                    "polarity": x.polarity.value,
                    "certainty": x.certainty.value,
                    "population": x.population,
                    "object": x.object,
                    "quote": x.evidence.quote,
                    "status": x.status.value,
                }
                for x in c.claims
            ],
        }
        for c in conflicts
    ]


def render_conflicts(
    conflicts: Sequence[Conflict], names: Mapping[str, tuple[str, str]] | None = None
) -> str:
    """Human-readable text: a heading per conflict, then per source its citation and file,
    and under it each of its statements once (two claims of one quote are one line)."""
    names = names or {}
    lines = []
    for c in conflicts:
        lines.append(f"{c.severity.upper()} ({c.kind}): {c.topic}")
        said: dict[str, list[str]] = {}
        for x in c.claims:
            status = "" if x.status is Status.REVIEWED else f" [{claim_status(x)}]"
            line = (
                f"    {x.polarity.value}, {x.certainty.value}, {x.population}: "
                f'"{x.evidence.quote}"{status}'
            )
            if line not in said.setdefault(x.source, []):
                said[x.source].append(line)
        for file, statements in said.items():
            citation, address = _named(file, names)
            where = f" <{address}>" if address else ""
            lines.append(f"  {citation}{where} [{file}]" if citation != file else f"  {file}")
            lines.extend(statements)
        lines.append("")
    counts = Counter(c.severity for c in conflicts)
    lines.append(
        f"{len(conflicts)} conflicts: {counts[CONTRADICTION]} contradictions, "
        f"{counts[TENSION]} tensions"
    )
    return "\n".join(lines) + "\n"


def evidence(corpus: Corpus, name: str, *, reviewed_only: bool = False) -> list[dict[str, object]]:
    """Every claim about a concept (any label or synonym) or naming ``name`` in its value.

    One record per claim: source (file, short citation, link), relation, object, polarity,
    certainty, population, quote, the citation of the reference the source gives for it and
    the claim's review status (`claim_status`).
    """
    concept = corpus.vocabulary.resolve(name)
    folded = normalise(name)
    if concept is None and not folded:
        raise DataError(f"{name!r} is not a concept or a value")
    sources = {s.file: s for s in corpus.sources}
    names = source_names(corpus.sources)
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
                "citation": names[claim.source][0],
                "link": names[claim.source][1],
                "relation": claim.predicate.replace("_", " "),
                "object": obj,
                "polarity": claim.polarity.value,
                "certainty": claim.certainty.value,
                "population": claim.population,
                "quote": claim.evidence.quote,
                "reference": reference.citation if reference else "",
                "status": claim_status(claim),
            }
        )
    if not records:
        what = f"concept {concept.label!r}" if concept else repr(name)
        raise DataError(f"no claim about {what}; try a label or synonym of the vocabulary")
    return records
