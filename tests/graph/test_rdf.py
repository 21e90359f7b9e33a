"""Building the graph: claim nodes, evidence selectors, direct triples, stable IRIs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rdflib import Literal

from omsgraph.corpus.claims import load_corpus
from omsgraph.graph.export import serialize
from omsgraph.graph.iris import claim_iri, source_iri
from omsgraph.graph.namespaces import CITO, OA, OMS, OMSE, PROV, RDF
from omsgraph.graph.rdf import build_graph

CONDITION = OMSE["opsoclonus-myoclonus-syndrome"]


def test_claim_node_carries_source_quote_offsets(data_dir: Path) -> None:
    corpus = load_corpus(data_dir)
    graph = build_graph(corpus)
    for claim in corpus.claims:
        node = claim_iri(claim)
        assert (node, RDF.type, OMS.Claim) in graph
        assert graph.value(node, PROV.wasDerivedFrom) == source_iri(claim.source)
        evidence = graph.value(node, OMS.hasEvidence)
        assert graph.value(evidence, OA.hasSource) == source_iri(claim.source)
        selectors = set(graph.objects(evidence, OA.hasSelector))
        exact = {graph.value(s, OA.exact) for s in selectors} - {None}
        start = {graph.value(s, OA.start) for s in selectors} - {None}
        assert exact == {Literal(claim.evidence.quote)}
        assert [s.toPython() for s in start] == [claim.evidence.start]


def test_direct_triple_only_for_affirmed(data_dir: Path) -> None:
    graph = build_graph(load_corpus(data_dir))
    assert (CONDITION, OMS.treatedBy, OMSE.rituximab) in graph  # hedged but affirmed
    assert (CONDITION, OMS.treatedBy, OMSE.chemotherapy) not in graph  # negated
    assert (CONDITION, OMS.epidemiology, Literal("age: children")) in graph


def test_reference_marker_links_claim_to_cited_work(data_dir: Path) -> None:
    graph = build_graph(load_corpus(data_dir))
    cited = set(graph.objects(None, CITO.citesAsEvidence))
    assert len(cited) == 1
    assert (source_iri("100_fixture.txt"), CITO.cites, cited.pop()) in graph


def test_rejected_and_candidate_claims(data_dir: Path) -> None:
    path = data_dir / "claims" / "100_fixture.yaml"
    text = path.read_text()
    text = text.replace("    certainty: hedged", "    certainty: hedged\n    status: candidate")
    text = text.replace("    polarity: negated", "    polarity: negated\n    status: rejected")
    path.write_text(text)
    corpus = load_corpus(data_dir)
    all_claims = set(build_graph(corpus).subjects(RDF.type, OMS.Claim))
    reviewed = set(build_graph(corpus, reviewed_only=True).subjects(RDF.type, OMS.Claim))
    assert len(all_claims) == 4 and len(reviewed) == 3


def test_iris_do_not_depend_on_load_order(data_dir: Path) -> None:
    path = data_dir / "claims" / "100_fixture.yaml"
    head, *items = path.read_text().split("  - ")
    path.write_text(head + "".join("  - " + item for item in reversed(items)))
    reordered = serialize(build_graph(load_corpus(data_dir)))
    assert reordered == serialize(build_graph(load_corpus(data_dir)))
    original = build_graph(load_corpus(Path(__file__).parents[1] / "fixtures" / "data"))
    assert serialize(original) == reordered


def test_turtle_byte_identical_across_processes(tmp_path: Path) -> None:
    """Two processes with different hash seeds write the same bytes for the real corpus."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "omsgraph", "build", "--out", str(out)],
            check=True,
            env=env,
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
        )
        outputs.append(((out / "omsgraph.ttl").read_bytes(), (out / "omsgraph.html").read_bytes()))
    assert outputs[0][0] == outputs[1][0]
    assert outputs[0][1] == outputs[1][1]
