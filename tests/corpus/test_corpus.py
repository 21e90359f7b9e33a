"""End to end over the real corpus: the curated data itself, the build, SHACL, the questions."""

from __future__ import annotations

from collections import Counter

import pytest

from omsgraph.corpus.claims import interchange_record
from omsgraph.extract.evaluate import evaluate, read_jsonl
from omsgraph.graph.query import resolve, run
from omsgraph.graph.validate import load_ontology, validate
from tests.conftest import GOLD, ONTOLOGY

FILES = [
    "000_aa4b564b5e99cff4.txt",
    "001_b6b7489bf63055b9.txt",
    "002_86f656d6290b5704.txt",
    "003_6e40a66a197a718b.txt",
    "004_d994c1249df8321d.txt",
]


def test_five_sources_each_with_claims(corpus) -> None:
    assert [s.file for s in corpus.sources] == FILES
    counts = Counter(c.source for c in corpus.claims)
    assert all(counts[f] >= 10 for f in FILES), counts


@pytest.mark.parametrize("file", FILES)
def test_every_quote_is_in_its_source(corpus, file: str) -> None:
    """One sub-test per source: offsets point at the quote, in the text as stored."""
    text = corpus.source(file).text
    for claim in (c for c in corpus.claims if c.source == file):
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.quote


def test_no_claims_from_other_diseases_in_001_tail(corpus) -> None:
    text = corpus.source(FILES[1]).text
    tail = text.index("Popular posts from this blog")
    assert not [c for c in corpus.claims if c.source == FILES[1] and c.evidence.end > tail]
    assert not [
        c
        for c in corpus.claims
        if any(w in c.evidence.quote for w in ("CHARGE", "Sjogren", "HMSN"))
    ]


def test_negations_and_hedges_present(corpus) -> None:
    kinds = Counter((c.source, c.polarity.value, c.certainty.value) for c in corpus.claims)
    quotes = {c.evidence.quote for c in corpus.claims if c.polarity.value == "negated"}
    assert any("There is no diagnostic test" in q for q in quotes)
    assert any("does not usually improve" in q for q in quotes)
    assert any("do not require chemotherapy" in q for q in quotes)
    for file in FILES:
        assert kinds[(file, "affirmed", "hedged")] > 0, file


def test_004_markers_point_to_references(corpus) -> None:
    cited = [c for c in corpus.claims if c.reference is not None]
    assert cited and all(c.source == FILES[4] for c in cited)
    for claim in cited:
        text = corpus.source(FILES[4]).text
        line_end = text.find("\n", claim.evidence.start)
        assert f"[{claim.reference}]" in text[claim.evidence.start : line_end]


def test_graph_conforms_to_shapes(corpus_graph) -> None:
    conforms, violations = validate(
        corpus_graph,
        load_ontology(ONTOLOGY / "shapes.ttl"),
        load_ontology(ONTOLOGY / "omsgraph.ttl"),
    )
    assert conforms, "\n".join(map(str, violations[:20]))


def test_treatments_query_answers_the_question(corpus_graph) -> None:
    rows = list(run(corpus_graph, resolve("treatments")))
    by_treatment: dict[str, set[str]] = {}
    for row in rows:
        if str(row.polarity) == "affirmed":
            by_treatment.setdefault(str(row.treatment), set()).add(str(row.source))
    for name in (
        "rituximab",
        "intravenous immunoglobulin",
        "adrenocorticotropic hormone",
        "corticosteroids",
    ):
        assert name in by_treatment, sorted(by_treatment)
    assert len(by_treatment["intravenous immunoglobulin"]) >= 4


def test_curated_claims_cover_the_gold(corpus) -> None:
    """The curated claims agree with the development gold (docs/curation.md lists the rest)."""
    predicted = [interchange_record(c, corpus.vocabulary) for c in corpus.claims]
    report = evaluate(read_jsonl(GOLD / "gold_claims.jsonl"), predicted, corpus.vocabulary)
    assert report.entity.recall >= 0.95 and report.entity.precision >= 0.90, report.as_dict()
