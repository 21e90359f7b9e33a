"""Consensus and conflicts: value parsing, each conflict kind on small claim sets, the graph
nodes and their shapes, the CLI, and the real corpus against tests/gold/gold_conflicts.md."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

import omsgraph.graph.conflicts
from omsgraph.cli import cli
from omsgraph.corpus.claims import load_corpus
from omsgraph.corpus.model import Certainty, Claim, Concept, Evidence, Polarity
from omsgraph.corpus.values import Category, Rate, Span, attribute, compatible, parse_value
from omsgraph.corpus.vocabulary import Vocabulary
from omsgraph.graph.conflicts import (
    corpus_conflicts,
    find_conflicts,
    population_group,
    support,
)
from omsgraph.graph.export import serialize
from omsgraph.graph.iris import claim_iri
from omsgraph.graph.namespaces import OMS, OMSC, OMSK, OMSX, OMSY, PROV, RDF
from omsgraph.graph.query import resolve, run
from omsgraph.graph.rdf import build_graph
from omsgraph.graph.support_rdf import add_support_and_conflicts
from omsgraph.graph.validate import load_ontology, validate

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).parents[1] / "gold" / "gold_conflicts.md"
# (a contradiction only where the statements cannot both hold as written: prevalence per
# child against per person (2), a benign tumour in young children against a cancerous one in
# half of all cases (3) and chemotherapy in two different populations (5) are tensions)
CONTRADICTIONS, TENSIONS, NOT_A_CONFLICT = {1, 4}, {2, 3, 5, 6, 8, 9}, 7

OMS_ID = "opsoclonus-myoclonus-syndrome"


def claim(
    source: str,
    predicate: str,
    obj: str,
    *,
    negated: bool = False,
    hedged: bool = False,
    population: str = "all",
    qualifier: str = "",
    quote: str = "",
    start: int = 0,
) -> Claim:
    quote = quote or f"{source} on {obj}"
    return Claim(
        source=source,
        subject=OMS_ID,
        predicate=predicate,
        object=obj,
        evidence=Evidence(quote, start, start + len(quote), "", ""),
        polarity=Polarity.NEGATED if negated else Polarity.AFFIRMED,
        certainty=Certainty.HEDGED if hedged else Certainty.ASSERTED,
        population=population,
        qualifier=qualifier,
    )


def vocabulary(*concepts: Concept) -> Vocabulary:
    return Vocabulary(concepts={c.id: c for c in concepts}, names={})


# --- values --------------------------------------------------------------------------------


def test_rates_in_any_wording_compare() -> None:
    five_million = parse_value("1 in 5,000,000 children")
    assert five_million == parse_value("one out of every 5 million children")
    assert isinstance(five_million, Rate) and five_million.per_person == pytest.approx(2e-7)
    assert compatible(five_million, parse_value("1 per 5 million")) is True
    assert (
        compatible(five_million, parse_value("approximately 1 per 1,000,000 individuals")) is False
    )


def test_ages_become_month_spans() -> None:
    assert parse_value("usually in the second year of life") == Span("months", 12, 24)
    assert parse_value("most children under two years") == Span("months", 0, 24)
    assert parse_value("most common at 18 months, may occur up to 5-6 years") == Span(
        "months", 18, 72
    )
    assert compatible(parse_value("around 18 months"), parse_value("under two years")) is True
    assert compatible(parse_value("3 to 5 years"), parse_value("under two years")) is False


def test_categories_and_phrases() -> None:
    assert parse_value("slightly more common in girls") == Category("sex", "female")
    assert parse_value("girls slightly more affected") == Category("sex", "female")
    assert parse_value("boys and girls equally affected") == Category("sex", "equal")
    assert parse_value("benign (not cancerous)") == Category("nature", "benign")
    assert parse_value("cancerous") == Category("nature", "malignant")
    assert parse_value("about half") == Span("percent", 45, 55)
    assert parse_value("rare") is None and parse_value("usually young children") is None
    assert compatible(Category("sex", "equal"), Span("percent", 1, 2)) is None
    assert attribute("age at onset: second year") == ("age", "second year")
    assert attribute("autoimmune") is None


def test_population_groups() -> None:
    assert population_group("young children") == "children"
    assert population_group("toddlers with neuroblastoma") == "children"
    assert population_group("adults") == "adults"
    assert population_group("all") == population_group("infants, children, or adults") == "all"


# --- conflict kinds ------------------------------------------------------------------------


def test_opposite_polarity_is_a_contradiction_when_populations_overlap() -> None:
    claims = [
        claim("001", "treated_by", "chemotherapy", negated=True, population="young children"),
        claim("002", "treated_by", "chemotherapy", population="Young  children"),
        claim("003", "treated_by", "chemotherapy"),  # everyone: it overlaps both
        claim("002", "treated_by", "rituximab"),
    ]
    (conflict,) = find_conflicts(claims)
    assert (conflict.kind, conflict.severity, conflict.topic) == (
        "OppositePolarity",
        "Contradiction",
        "chemotherapy",
    )
    assert {c.source for c in conflict.claims} == {"001", "002", "003"}
    assert '001 says "001 on chemotherapy" (negated)' in conflict.comment


def test_opposite_polarity_in_different_populations_is_a_tension() -> None:
    claims = [
        claim("001", "treated_by", "chemotherapy", negated=True, population="young children"),
        claim("002", "treated_by", "chemotherapy", population="children with neuroblastoma"),
    ]
    (conflict,) = find_conflicts(claims)
    assert (conflict.kind, conflict.severity) == ("PopulationDifference", "Tension")


def test_a_source_is_never_set_against_itself_in_a_mixed_conflict() -> None:
    claims = [
        claim("001", "treated_by", "chemotherapy", negated=True),
        claim("001", "treated_by", "chemotherapy", quote="001 again", start=40),
        claim("002", "treated_by", "chemotherapy", negated=True),
    ]
    (conflict,) = find_conflicts(claims)
    # 001's negation stands with 002's; only 001's affirmation is set against 002
    assert sorted((c.source, c.polarity.value) for c in conflict.claims) == [
        ("001", "affirmed"),
        ("002", "negated"),
    ]


def test_opposite_polarity_for_children_and_adults_is_a_population_difference() -> None:
    claims = [
        claim("002", "prognosis", "tumour removal helps", population="children"),
        claim("003", "prognosis", "tumour removal helps", negated=True, population="adults"),
    ]
    (conflict,) = find_conflicts(claims)
    assert (conflict.kind, conflict.severity) == ("PopulationDifference", "Tension")


def test_one_source_never_conflicts_with_itself() -> None:
    claims = [
        claim("002", "prognosis", "tumour removal helps", population="children"),
        claim("002", "prognosis", "tumour removal helps", negated=True, population="children"),
        claim("002", "epidemiology", "sex ratio: more girls"),
        claim("002", "epidemiology", "sex ratio: equal"),
    ]
    assert find_conflicts(claims) == []


def test_incompatible_values_of_one_attribute() -> None:
    claims = [
        claim("001", "epidemiology", "sex ratio: slightly more common in girls"),
        claim("004", "epidemiology", "sex ratio: girls slightly more affected"),
        claim("003", "epidemiology", "sex ratio: boys and girls equally affected"),
        claim("001", "epidemiology", "prevalence: 1 in 5,000,000 children", population="children"),
        claim("004", "epidemiology", "prevalence: approximately 1 per 1,000,000 individuals"),
    ]
    found = {(c.topic, c.severity): c for c in find_conflicts(claims)}
    assert set(found) == {("sex ratio", "Contradiction"), ("prevalence", "Tension")}
    assert found[("sex ratio", "Contradiction")].kind == "IncompatibleValue"
    assert {c.source for c in found[("sex ratio", "Contradiction")].claims} == {"001", "003", "004"}
    # per child against per person: a difference of measure, both can hold
    assert found[("prevalence", "Tension")].kind == "PopulationDifference"


def test_agreeing_values_and_wording_differences_are_not_conflicts() -> None:
    claims = [
        claim("000", "epidemiology", "age at onset: usually in the second year of life"),
        claim("001", "epidemiology", "age at diagnosis: around 18 months"),
        claim("003", "epidemiology", "age at diagnosis: most children under two years"),
        claim("004", "epidemiology", "age: most common at 18 months, may occur up to 5-6 years"),
        claim("001", "epidemiology", "age: usually young children"),
        claim("000", "epidemiology", "rarity: very rare"),
        claim("001", "epidemiology", "rarity: rare"),
        claim("001", "mechanism", "autoimmune"),
        claim("002", "mechanism", "an autoimmune disorder"),
    ]
    assert find_conflicts(claims) == []


def test_compatible_figures_on_different_bases_are_a_tension() -> None:
    claims = [
        claim("001", "epidemiology", "tumour share: 50 to 80 percent", population="young children"),
        claim("003", "epidemiology", "tumour share: about half"),
    ]
    (conflict,) = find_conflicts(claims)
    assert (conflict.kind, conflict.severity) == ("PopulationDifference", "Tension")


def test_a_statement_restricted_to_one_population_against_a_general_one() -> None:
    claims = [
        claim("003", "treated_by", "apheresis", population="adults", qualifier="only in adults"),
        claim("002", "treated_by", "apheresis"),
        claim("003", "treated_by", "immunoadsorption", population="adults", qualifier="only"),
        claim("002", "treated_by", "immunoadsorption", population="adults"),
    ]
    (conflict,) = find_conflicts(claims)
    assert (conflict.kind, conflict.severity, conflict.topic) == (
        "PopulationDifference",
        "Tension",
        "apheresis",
    )


def test_negating_the_umbrella_concept_of_a_class_is_in_tension_with_its_members() -> None:
    vocab = vocabulary(
        Concept("diagnostic-test", "specific diagnostic test", "test", ("diagnostic test",)),
        Concept("mri", "magnetic resonance imaging", "test"),
        Concept("clinical-diagnosis", "clinical diagnosis", "test"),
        Concept("rituximab", "rituximab", "drug"),
    )
    claims = [
        claim("000", "diagnosed_by", "diagnostic-test", negated=True),
        claim("000", "diagnosed_by", "clinical-diagnosis"),
        claim("003", "diagnosed_by", "clinical-diagnosis"),  # 000 accepts it: no tension
        claim("001", "diagnosed_by", "mri", hedged=True),
        claim("001", "treated_by", "rituximab"),
    ]
    (conflict,) = find_conflicts(claims, vocab)
    assert (conflict.kind, conflict.severity) == ("OppositePolarity", "Tension")
    assert {c.object for c in conflict.claims} == {"diagnostic-test", "mri"}


# --- support and the graph -----------------------------------------------------------------


def test_support_counts_sources_not_claims() -> None:
    claims = [
        claim("000", "treated_by", "chemotherapy", hedged=True),
        claim("000", "treated_by", "chemotherapy", hedged=True, quote="again"),
        claim("002", "treated_by", "chemotherapy", hedged=True, population="children"),
        claim("001", "treated_by", "chemotherapy", negated=True, population="children"),
        claim("001", "treated_by", "rituximab", negated=True),
    ]
    records = support(claims, find_conflicts(claims))
    chemo, rituximab = records
    assert (chemo.affirming, chemo.negating, chemo.strongest, chemo.contested) == (
        2,
        1,
        Certainty.HEDGED,
        True,
    )
    assert len(chemo.claims) == 4
    assert (rituximab.affirming, rituximab.negating, rituximab.strongest) == (0, 1, None)
    assert rituximab.contested is False


@pytest.fixture(scope="module")
def shapes() -> tuple[Graph, Graph]:
    return load_ontology(ROOT / "ontology" / "shapes.ttl"), load_ontology(
        ROOT / "ontology" / "omsgraph.ttl"
    )


def test_built_corpus_graph_has_support_and_conflict_nodes(corpus_graph) -> None:
    conflicts = set(corpus_graph.subjects(RDF.type, OMS.Conflict))
    supports = set(corpus_graph.subjects(RDF.type, OMS.Support))
    assert len(conflicts) == 9 and all(str(c).startswith(str(OMSX)) for c in conflicts)
    assert supports and all(str(s).startswith(str(OMSK)) for s in supports)
    rows = list(run(corpus_graph, resolve("consensus")))
    top = rows[0]
    assert int(top.affirming) == 5 and str(top.strongest) == "asserted"
    contested = {str(r.object) for r in rows if r.contested == Literal(True)}
    assert "chemotherapy" in contested
    conflict_rows = list(run(corpus_graph, resolve("conflicts")))
    assert {str(r.topic) for r in conflict_rows} >= {"sex ratio", "prevalence", "chemotherapy"}


def test_shapes_reject_a_one_source_conflict(corpus, corpus_graph, shapes) -> None:
    graph = Graph()
    one = [c for c in corpus.claims if c.source.startswith("001")][:2]
    for c in one:  # the claims' own triples, so that sh:class oms:Claim holds
        for triple in corpus_graph.triples((claim_iri(c), None, None)):
            graph.add(triple)
    conflict = OMSX["0123456789abcdef"]
    graph.add((conflict, RDF.type, OMS.Conflict))
    graph.add((conflict, OMS.conflictKind, OMS.OppositePolarity))
    graph.add((conflict, OMS.severity, OMS.Tension))
    graph.add((conflict, OMS.topic, Literal("x")))
    for c in one:
        graph.add((conflict, OMS.involvesClaim, claim_iri(c)))
    conforms, violations = validate(graph, *shapes)
    messages = {v.message for v in violations if "0123456789abcdef" in v.focus}
    assert "conflict involves claims of only one source" in messages
    assert any("explanation" in m for m in messages)


def test_add_support_and_conflicts_is_deterministic() -> None:
    claims = [
        claim("001", "epidemiology", "sex ratio: more girls"),
        claim("003", "epidemiology", "sex ratio: equal"),
    ]
    first, second = Graph(), Graph()
    add_support_and_conflicts(first, claims)
    add_support_and_conflicts(second, list(reversed(claims)))
    assert first.serialize(format="nt", sort_keys=True) == second.serialize(format="nt")
    assert set(first.objects(None, OMS.conflictKind)) == {OMS.IncompatibleValue}


# --- counts and exemplars: what keeps the named queries bounded ----------------------------


def test_exemplars_take_one_claim_per_source_first(monkeypatch: pytest.MonkeyPatch) -> None:
    claims = [
        claim("000", "treated_by", "rituximab", hedged=True, start=5),
        claim("002", "treated_by", "rituximab", start=9),
        claim("002", "treated_by", "rituximab", start=1),
        claim("001", "treated_by", "rituximab", hedged=True),
        claim("003", "treated_by", "rituximab", start=4),
        claim("001", "treated_by", "rituximab", negated=True, start=2),
        claim("004", "treated_by", "rituximab", negated=True, hedged=True, start=3),
    ]
    monkeypatch.setattr(omsgraph.graph.conflicts, "EXEMPLARS", 4)
    (record,) = support(claims)
    picked = [(c.source, c.evidence.start, c.polarity.value) for c in record.exemplars]
    # affirming: each source's best claim (asserted first, then file name), then 002's second
    assert picked[:4] == [
        ("002", 1, "affirmed"),
        ("003", 4, "affirmed"),
        ("000", 5, "affirmed"),
        ("001", 0, "affirmed"),
    ]
    assert picked[4:] == [("001", 2, "negated"), ("004", 3, "negated")]
    assert (record.affirming_claims, record.negating_claims) == (5, 2)
    monkeypatch.setattr(omsgraph.graph.conflicts, "EXEMPLARS", 5)
    assert record.exemplars[4].evidence.start == 9


def test_conflict_exemplars_take_every_side_in_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    affirmed = [claim(f"00{i}", "treated_by", "chemotherapy", start=i) for i in range(6)]
    claims = [*affirmed, claim("009", "treated_by", "chemotherapy", negated=True)]
    monkeypatch.setattr(omsgraph.graph.conflicts, "EXEMPLARS", 2)
    (conflict,) = find_conflicts(claims)
    assert len(conflict.claims) == 7 and conflict.sources == 7
    assert [(c.source, c.polarity.value) for c in conflict.exemplars] == [
        ("000", "affirmed"),
        ("009", "negated"),
    ]


def test_relation_summaries_count_claims_and_sources() -> None:
    claims = [
        claim("000", "treated_by", "rituximab"),
        claim("000", "treated_by", "steroids"),
        claim("001", "treated_by", "steroids", negated=True),
        claim("002", "has_symptom", "opsoclonus"),
    ]
    graph = Graph()
    add_support_and_conflicts(graph, claims)
    treated = OMSY.treatedBy
    assert graph.value(treated, OMS.forRelation) == OMS.treatedBy
    counts = {p: int(graph.value(treated, p)) for p in COUNTS}
    assert counts == {
        OMS.affirmingClaims: 2,
        OMS.affirmingSources: 1,
        OMS.negatingClaims: 1,
        OMS.negatingSources: 1,
    }
    assert set(graph.subjects(RDF.type, OMS.RelationSummary)) == {treated, OMSY.hasSymptom}


COUNTS = (OMS.affirmingClaims, OMS.affirmingSources, OMS.negatingClaims, OMS.negatingSources)


def _bench_corpus(out: Path, docs: int, seed: int = 5):
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_corpus(out, docs, seed=seed)
    return load_corpus(out)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory):
    """60 synthetic documents (bench/corpus.py): statements of dozens of claims each."""
    return _bench_corpus(tmp_path_factory.mktemp("synthetic"), 60)


def test_caps_and_counts_on_a_synthetic_corpus(synthetic, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(omsgraph.graph.conflicts, "EXEMPLARS", 3)
    graph = build_graph(synthetic)
    polarity = {c.id: c.polarity for c in synthetic.claims}
    source = {c.id: c.source for c in synthetic.claims}
    supports = set(graph.subjects(RDF.type, OMS.Support))
    capped = 0
    for node in supports:
        claims = [str(c).rsplit("/", 1)[1] for c in graph.objects(node, OMS.supportedBy)]
        exemplars = [str(c).rsplit("/", 1)[1] for c in graph.objects(node, OMS.exemplar)]
        assert set(exemplars) <= set(claims)
        for pol, name in ((Polarity.AFFIRMED, "affirming"), (Polarity.NEGATED, "negating")):
            mine = [c for c in claims if polarity[c] is pol]
            shown = [c for c in exemplars if polarity[c] is pol]
            assert int(graph.value(node, OMS[f"{name}Claims"])) == len(mine)
            assert int(graph.value(node, OMS[f"{name}Sources"])) == len({source[c] for c in mine})
            assert len(shown) == min(3, len(mine))
            # one claim per source before a second one of any
            assert len({source[c] for c in shown}) == min(3, len({source[c] for c in mine}))
            capped += len(mine) > 3
    assert capped > 10, "the corpus should reach the cap"
    conflicts = set(graph.subjects(RDF.type, OMS.Conflict))
    assert conflicts
    for node in conflicts:
        claims = set(graph.objects(node, OMS.involvesClaim))
        exemplars = set(graph.objects(node, OMS.exemplar))
        assert exemplars <= claims and len(exemplars) == min(3, len(claims))
        assert int(graph.value(node, OMS.claimCount)) == len(claims)
        sources = {graph.value(c, PROV.wasDerivedFrom) for c in claims}
        assert int(graph.value(node, OMS.sourceCount)) == len(sources)
        if graph.value(node, OMS.conflictKind) == OMS.OppositePolarity:
            assert {graph.value(c, OMS.polarity) for c in exemplars} == {
                OMS.Affirmed,
                OMS.Negated,
            }
    summaries = {graph.value(s, OMS.forRelation): s for s in graph.subjects(OMS.forRelation)}
    by_relation = Counter((c.predicate, c.polarity) for c in synthetic.claims)
    treated = summaries[OMS.treatedBy]
    assert (
        int(graph.value(treated, OMS.affirmingClaims))
        == by_relation[("treated_by", Polarity.AFFIRMED)]
    )


def test_exemplars_do_not_depend_on_claim_order(synthetic, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same Turtle, byte for byte, from the claims in reverse order."""
    monkeypatch.setattr(omsgraph.graph.conflicts, "EXEMPLARS", 2)
    reverse = dataclasses.replace(synthetic, claims=tuple(reversed(synthetic.claims)))
    first = serialize(build_graph(synthetic), "turtle")
    assert first == serialize(build_graph(reverse), "turtle")
    assert "oms:exemplar" in first and "oms:RelationSummary" in first


def test_built_graph_with_exemplars_conforms_to_the_shapes(
    synthetic, shapes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(omsgraph.graph.conflicts, "EXEMPLARS", 2)
    graph = build_graph(dataclasses.replace(synthetic, claims=synthetic.claims[:150]))
    conforms, violations = validate(graph, *shapes)
    assert conforms, [v.message for v in violations][:5]
    node = next(graph.subjects(RDF.type, OMS.Conflict))
    graph.add((node, OMS.exemplar, OMSC["0000000000000000"]))
    count = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
    graph.set((node, OMS.claimCount, Literal(99, datatype=count)))
    support_node = next(graph.subjects(RDF.type, OMS.Support))
    graph.remove((support_node, OMS.affirmingClaims, None))
    conforms, violations = validate(graph, *shapes)
    messages = {v.message for v in violations}
    assert not conforms
    assert "conflict exemplar is not one of the claims it involves (oms:involvesClaim)" in messages
    assert any(m.startswith("conflict claim or source count") for m in messages)
    assert any(m.startswith("support must have one count of affirming claims") for m in messages)


# --- the CLI -------------------------------------------------------------------------------


def test_cli_conflicts_and_evidence() -> None:
    runner = CliRunner()
    data = ["--data", str(ROOT / "data")]
    result = runner.invoke(cli, [*data, "conflicts"])
    assert result.exit_code == 0, result.output
    assert '"Boys and girls are affected equally"' in result.output
    assert '"is slightly more common in girls than boys"' in result.output
    result = runner.invoke(cli, [*data, "evidence", "IVIg", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.count("intravenous immunoglobulin") >= 5
    result = runner.invoke(cli, [*data, "evidence", "sex ratio", "--format", "json"])
    assert "NORD" in result.output  # the reference 004 cites for it
    result = runner.invoke(cli, [*data, "evidence", "no such thing"])
    assert result.exit_code == 1 and "no claim about" in result.output


# --- the real corpus against the gold ------------------------------------------------------


def _gold_items(text: str) -> dict[int, list[tuple[str, str]]]:
    """Item number -> (source prefix, quote) pairs, read from gold_conflicts.md."""
    items: dict[int, list[tuple[str, str]]] = {}
    current = None
    for line in text.splitlines():
        if head := re.match(r"^(\d+)\. \*\*", line):
            current = int(head.group(1))
            items[current] = []
            continue
        if current is None or not line.startswith((" ", "\t")):
            continue
        source = None
        for token in re.finditer(r"\b(00\d)\b|\"([^\"]+)\"", line):
            if token.group(1):
                source = token.group(1)
            elif source:
                items[current].append((source, token.group(2)))
    return items


def _spans(corpus, items) -> dict[int, list[tuple[str, int, int]]]:
    """Each gold quote as the (source, start, end) of the paragraph that holds it."""
    texts = {s.file[:3]: (s.file, s.text) for s in corpus.sources}
    spans: dict[int, list[tuple[str, int, int]]] = {}
    for number, quotes in items.items():
        spans[number] = []
        for prefix, quote in quotes:
            file, text = texts[prefix]
            for fragment in re.split(r"\s*(?:\.\.\.|…)\s*", quote):
                at = text.find(fragment.strip()) if len(fragment.strip()) > 10 else -1
                if at >= 0:
                    start = text.rfind("\n", 0, at) + 1
                    end = text.find("\n", at)
                    spans[number].append((file, start, end if end >= 0 else len(text)))
    return spans


def gold_comparison(corpus) -> dict[str, object]:
    spans = _spans(corpus, _gold_items(GOLD.read_text(encoding="utf-8")))
    found: dict[int, str] = {}
    false = []
    for conflict in corpus_conflicts(corpus):
        scores = {}
        for number, where in spans.items():
            sources = {
                c.source
                for c in conflict.claims
                for file, start, end in where
                if c.source == file and c.evidence.start < end and c.evidence.end > start
            }
            scores[number] = len(sources)
        # the item quoting most of its sources; on a tie (items 3 and 6 share quotes), the one
        # whose expected severity is the conflict's
        same = {
            n for n in scores if (n in CONTRADICTIONS) == (conflict.severity == "Contradiction")
        }
        best = max(sorted(scores), key=lambda n: (scores[n], n in same, n not in found))
        if scores[best] >= 2:  # (an item's first conflict: contradictions come first)
            found.setdefault(best, conflict.severity)
        else:
            false.append(conflict.topic)
    expected = CONTRADICTIONS | TENSIONS
    return {
        "found": sorted(n for n in found if n in expected),
        "missed": sorted(expected - set(found)),
        "false": false + [f"item {n}" for n in found if n == NOT_A_CONFLICT],
        "severity_right": sorted(
            n
            for n, severity in found.items()
            if (severity == "Contradiction") == (n in CONTRADICTIONS)
        ),
    }


def test_corpus_conflicts_match_the_gold(corpus) -> None:
    result = gold_comparison(corpus)
    print(
        f"gold conflicts: found {len(result['found'])}, missed {len(result['missed'])}, "
        f"false {len(result['false'])}"
    )
    assert result["missed"] == [] and result["false"] == [], result
    assert result["found"] == [1, 2, 3, 4, 5, 6, 8, 9]
    assert result["severity_right"] == result["found"]


def test_conflict_comments_name_sources_by_their_short_citation() -> None:
    """The RDF comment of a conflict names each source as the pages and `conflicts` do,
    never by a file name or its number ("001 says ...")."""
    from omsgraph.graph.citation import cite_source
    from omsgraph.graph.namespaces import RDFS

    corpus = load_corpus(ROOT / "data")
    graph = build_graph(corpus)
    comments = [
        str(c)
        for n in graph.subjects(RDF.type, OMS.Conflict)
        for c in graph.objects(n, RDFS.comment)
    ]
    assert comments
    citations = [cite_source(s) for s in corpus.sources]
    for comment in comments:
        assert not re.search(r"(?:^|; )\d{3}\w* says", comment), comment
        assert not any(s.file in comment for s in corpus.sources), comment
        assert comment.startswith(tuple(f'{c} says "' for c in citations)), comment
