"""The extraction pipeline: lexicon, qualifiers, scoping, readers, and the dev-gold evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from omsgraph.cli import cli
from omsgraph.corpus.vocabulary import load_vocabulary
from omsgraph.curate.ingest import extract_files
from omsgraph.errors import DataError
from omsgraph.extract import Extractor, Lexicon, read_documents
from omsgraph.extract.evaluate import evaluate, read_jsonl
from omsgraph.extract.lexicon import fold_token

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "gold_claims.jsonl"
SOURCES = ROOT / "data" / "sources"
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary(ROOT / "data" / "vocabulary.yaml")


@pytest.fixture(scope="module")
def extractor(vocabulary) -> Extractor:
    return Extractor(vocabulary)


def claims(extractor: Extractor, text: str) -> dict[tuple[str, str], tuple[str, str]]:
    """(predicate, object) -> (polarity, certainty) of the claims found in ``text``."""
    return {(c.predicate, c.object): (c.polarity, c.certainty) for c in extractor.extract(text)}


def test_fold_token_tolerates_spelling_and_inflection() -> None:
    assert fold_token("Tumours") == fold_token("tumor") == fold_token("tumors")
    assert fold_token("difficulties") == "difficulty"
    assert fold_token("therapist") == fold_token("therapy")
    assert fold_token("opsoclonus") == "opsoclonus"  # -us is not a plural


def test_lexicon_longest_match_case_and_abbreviations(vocabulary) -> None:
    lexicon = Lexicon(vocabulary)
    found = [(m.surface, m.concept.id) for m in lexicon.find("Acute cerebellar ataxia; IVIG, PT.")]
    assert found == [
        ("Acute cerebellar ataxia", "acute-cerebellar-ataxia"),
        ("IVIG", "intravenous-immunoglobulin"),
        ("PT", "physical-therapy"),
    ]
    assert [m.surface for m in lexicon.find("the pt and ot were seen")] == []  # not acronyms
    # a comma separates names: "opsoclonus, myoclonus" is two symptoms, not the syndrome
    ids = [m.concept.id for m in lexicon.find("features of opsoclonus, myoclonus")]
    assert ids == ["opsoclonus", "myoclonus"]
    assert lexicon.find("after St. Louis encephalitis")[0].concept.id == "st-louis-encephalitis"


def test_relation_typing_from_cues_and_headings(extractor: Extractor) -> None:
    text = (
        "Symptoms\n\nChildren may have tremors.\n\nCauses\n\nOMS is caused by neuroblastoma. "
        "Rarely it follows the use of phenytoin.\n\nTreatment\n\nPhenytoin is not used; "
        "the standard treatment is ACTH.\n"
    )
    found = claims(extractor, text)
    assert found[("has_symptom", "tremor")] == ("affirmed", "hedged")
    assert found[("has_cause", "neuroblastoma")] == ("affirmed", "asserted")
    assert found[("has_cause", "phenytoin")] == ("affirmed", "hedged")
    assert found[("treated_by", "adrenocorticotropic hormone")] == ("affirmed", "asserted")


def test_negation_and_hedging_scope(extractor: Extractor) -> None:
    text = (
        "OMS is treated with steroids but not with rituximab. Brain MRI is normal. "
        "The features are ataxia and, often but by no means always, a neuroblastoma is "
        "associated. Tumors usually do not require chemotherapy."
    )
    found = claims(extractor, text)
    assert found[("treated_by", "corticosteroids")] == ("affirmed", "asserted")
    assert found[("treated_by", "rituximab")] == ("negated", "asserted")
    # a normal result: the test was done (rules/context.tsv, NORMAL_RESULT)
    assert found[("diagnosed_by", "magnetic resonance imaging")] == ("affirmed", "asserted")
    assert found[("has_symptom", "ataxia")] == ("affirmed", "asserted")
    assert found[("has_cause", "neuroblastoma")] == ("affirmed", "hedged")
    # "usually" says "in most cases": it asserts, negated or not (rules/context.tsv)
    assert found[("treated_by", "chemotherapy")] == ("negated", "asserted")


def test_coordinations_population_and_qualifier(extractor: Extractor) -> None:
    text = "In adults OMS is caused by lung or breast cancer in 20 percent of cases."
    found = {c.object: c for c in extractor.extract(text)}
    assert {"lung cancer", "breast cancer"} <= set(found)
    assert found["lung cancer"].population == "adults"
    assert found["lung cancer"].qualifier == "20 percent"


def test_unknown_concepts_are_proposed_not_dropped(extractor: Extractor) -> None:
    text = (
        "OMS was treated with ofatumumab. In adults OMS is associated with anti-Ri antibodies. "
        "The differential diagnosis of OMS includes Guillain-Barré syndrome."
    )
    found = [(c.object, c.proposed_type, c.predicate) for c in extractor.extract(text)]
    assert ("ofatumumab", "drug", "treated_by") in found  # found through the drug lexicon
    assert ("anti-ri antibodies", "test", "diagnosed_by") in found  # an antibody is a test
    assert ("Guillain-Barre syndrome", "condition", "differential_diagnosis") in found  # MONDO
    for c in extractor.extract(text):  # proposed: unknown, or known only to an ontology
        if c.proposed_type:
            assert c.concept is None or c.record("x")["object_id"] == c.concept.curie


def test_a_named_tumour_is_a_cause_but_a_search_for_one_is_a_test(extractor: Extractor) -> None:
    found = claims(extractor, "Eight of the children with OMS had neuroblastoma.")
    assert ("has_cause", "neuroblastoma") in found
    found = claims(extractor, "All children with OMS were screened for neuroblastoma.")
    assert set(found) == {("diagnosed_by", "tumour screening")}


def test_quotes_are_exact_and_offsets_right(extractor: Extractor) -> None:
    for path in sorted(SOURCES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for candidate in extractor.extract(text):
            assert text[candidate.start : candidate.end] == candidate.quote
            assert 0 <= candidate.confidence <= 1


def test_no_claims_from_the_tail_of_001(extractor: Extractor) -> None:
    text = (SOURCES / "001_b6b7489bf63055b9.txt").read_text(encoding="utf-8")
    tail = text.index("Comments")
    found = extractor.extract(text)
    assert found and all(c.end <= tail for c in found)
    # and a passage about another named disease is left out even without the tail markers
    other = "Sjogren's syndrome is treated with steroids and causes dry eyes.\n"
    assert extractor.extract(other) == []


def test_references_and_chrome_give_no_claims(extractor: Extractor) -> None:
    text = (SOURCES / "003_6e40a66a197a718b.txt").read_text(encoding="utf-8")
    bibliography = text.index("Asha Das")
    assert all(c.start < bibliography for c in extractor.extract(text))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
@example("İİ OMS is treated with steroids. ẞ Symptoms include ATAXIA; not ataxia (")
def test_no_crash_on_any_text(extractor: Extractor, text: str) -> None:
    for candidate in extractor.extract(text):
        assert text[candidate.start : candidate.end] == candidate.quote


def test_readers_html_keeps_content_and_offsets() -> None:
    html = (FIXTURES / "oms_page.html").read_text(encoding="utf-8")
    [document] = read_documents(FIXTURES / "oms_page.html")
    assert "Dancing eyes (opsoclonus)" in document.text
    for chrome in ("var symptoms", "migraine", "Menu", "epilepsy", "Copyright", "color"):
        assert chrome not in document.text
    assert document.title == "Dancing eyes: a guide for parents"
    assert document.authors == ("Jane Carer",)
    for text_at, html_at, length in document.offsets:
        kept = document.text[text_at : text_at + length]
        if "&" not in kept:
            assert " ".join(html[html_at : html_at + len(kept) + 20].split()).startswith(kept)


def test_readers_pubmed_metadata() -> None:
    [document] = read_documents(FIXTURES / "oms_pubmed.xml")
    assert document.kind == "journal-abstract"
    assert document.pmid == "99999901" and document.doi == "10.9999/jin.2021.001"
    assert document.date == "2021" and document.container == "Journal of Invented Neurology"
    assert document.authors == ("Ann Doe", "Bob Roe")
    assert document.text.startswith("Outcome of opsoclonus-myoclonus syndrome")
    assert "Results: All children received corticosteroids" in document.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"  \n", "empty"),
        ("binary.txt", b"\x00\x01\x02", "not UTF-8|binary"),
        ("bad.xml", b"<?xml version='1.0'?><PubmedArticleSet><Pubmed", "invalid XML"),
        ("none.xml", b"<?xml version='1.0'?><PubmedArticleSet/>", "no PubmedArticle"),
        ("blank.html", b"<html><script>x()</script></html>", "no readable text"),
    ],
)
def test_unreadable_inputs_are_clear_errors(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError, match=message):
        read_documents(path)


def test_dev_gold_targets(vocabulary) -> None:
    """The extractor on the five corpus sources, scored against the development gold."""
    gold = read_jsonl(GOLD)
    files = [SOURCES / name for name in sorted({g["source"] for g in gold})]
    report = evaluate(gold, extract_files(files, vocabulary), vocabulary)
    # floors lowered from 0.90 when the cues and synonyms that fitted single sentences went
    assert report.entity.precision >= 0.87, report.entity
    assert report.entity.recall >= 0.87, report.entity
    assert report.certainty_agreement >= 0.90  # polarity is part of the match key
    assert report.matched >= 145


def test_cli_extract_and_evaluate_sources(tmp_path: Path) -> None:
    runner = CliRunner()
    data = ["--data", str(ROOT / "data")]
    result = runner.invoke(cli, [*data, "extract", str(FIXTURES / "oms_note.txt")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert {r["method"] for r in records} == {"automatic"}
    assert {"source", "predicate", "object", "quote", "start", "end"} <= set(records[0])
    result = runner.invoke(
        cli, [*data, "evaluate", str(GOLD), "--sources", str(SOURCES), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["entity"]["precision"] >= 0.87
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(cli, [*data, "extract", str(empty)])
    assert result.exit_code == 1 and "empty source text" in result.output


@settings(max_examples=40, deadline=None)
@given(
    st.binary(max_size=300),
    st.sampled_from(["x.txt", "x.html", "x.xml"]),
    st.sampled_from([b"", b"<html><body><p>", b"<?xml version='1.0'?><PubmedArticle>"]),
)
def test_no_crash_on_any_file(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, name: str, head: bytes
) -> None:
    path = tmp_path_factory.mktemp("any") / name
    path.write_bytes(head + data)
    try:
        documents = read_documents(path)
    except DataError as error:
        assert str(error).startswith(str(path))  # a one-line error naming the file
        return
    assert documents and all(d.text.strip() for d in documents)


def test_bench_runs_and_reports_throughput(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_extract", ROOT / "bench" / "extract.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--docs", "30", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 30 and result["claims"] > 0 and result["mb_per_second"] > 0


def test_abbreviations_the_document_defines(extractor: Extractor) -> None:
    text = "OMS improved on ofatumumab (OFA). Relapses were not treated with OFA."
    found = {(c.predicate, c.object, c.polarity) for c in extractor.extract(text)}
    assert found == {
        ("treated_by", "ofatumumab", "affirmed"),
        ("treated_by", "ofatumumab", "negated"),
    }
    assert extractor.extract("Relapses were not treated with OFA.") == []  # not defined here


def test_synonyms_known_and_new_but_only_of_the_condition(extractor: Extractor) -> None:
    text = (
        'Opsoclonus-myoclonus syndrome, also known as Kinsbourne syndrome or "OMA syndrome", '
        "is rare. A neuroblastoma, also called a neuroblastic cancer, is a tumour.\n"
        "Other names: infantile polymyoclonia; dancing eyes syndrome.\n"
    )
    found = sorted(c.object for c in extractor.extract(text) if c.predicate == "has_synonym")
    assert found == [
        "dancing eyes syndrome",
        "infantile polymyoclonia",
        "kinsbourne syndrome",
        "oma syndrome",
    ]


def test_british_ae_and_oe_fold_to_the_american_spelling(extractor) -> None:
    for british, american in [
        ("oesophageal", "esophageal"),
        ("anaemia", "anemia"),
        ("ischaemic", "ischemic"),
        ("oedema", "edema"),
        ("diarrhoea", "diarrhea"),
        ("foetal", "fetal"),
    ]:
        assert fold_token(british) == fold_token(american), british
    assert fold_token("aerobic") == "aerobic"  # only the listed stems change
    found = {c.object for c in extractor.extract("In adults OMS may follow oesophageal carcinoma.")}
    assert "esophageal carcinoma" in found
