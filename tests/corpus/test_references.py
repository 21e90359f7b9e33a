"""Reference lists parsed from source texts, one node per work, against the citation gold."""

# ruff: noqa: E501  (the fixture texts keep their lines as the sources print them)

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph

from omsgraph.corpus.model import Source
from omsgraph.corpus.references import (
    parse_own_record,
    parse_reference,
    parse_references,
    resolve,
)
from omsgraph.corpus.sources import load_sources
from omsgraph.graph.bibliography import add_references
from omsgraph.graph.iris import reference_iri
from omsgraph.graph.namespaces import CITO, DCTERMS, OMS, OMSS, SKOS

GOLD = Path(__file__).parents[1] / "gold" / "gold_citations.jsonl"

WIKI = """Some text.[2]

References

  1. 1.0 1.1 1.2 Blaes, Franz, and Backialakshmi Dharmalingam. “Childhood opsoclonus-myoclonus syndrome: diagnosis and treatment.” Expert review of neurotherapeutics 16.6 (2016): 641-648.
  2. Pike M. Opsoclonus-myoclonus syndrome. Handb Clin Neurol 2013;112:1209–11.
  3. 3.0 3.1 “Radiopaedia – Neuroblastomas”. Radiopaedia.org. 07/04/2020. Check date values in: |date= (help)


Template:WikiDoc Sources
"""

PATIENT = """Early recognition and treatment is best.

Information for this article was taken from:
- National Institute of Neurological Disorders and Stroke. Opsoclonus Myoclonus Information Page
- Pranzatelli, M. "Vital Signs: Friendly Fire." Discover, Vol. 32, No. 4 (April 2000).

  1. About.com
"""

ENCYCLOPEDIA = """It is also known as "dancing eyes."

Asha Das, Ramsis, K. Benjamin, and Fred H. Hochberg. "Metastatic Neoplasms." Textbook of Clinical Neurology, edited by Christopher G. Goetz. Philadelphia: W. B. Saunders Company, 2003.

Dale, R. C. "Childhood Opsoclonus Myoclonus." Lancet Neurology 2, no. 5 (May 1, 2003): 270.

Opsoclonus-Myoclonus USA and International. SIU School of Medicine, Springfield, IL 62702.
"""

PUBMED = """Review
. 2013:112:1209-11.
doi: 10.1016/B978-0-444-52910-7.00042-8.

Opsoclonus-myoclonus syndrome

Michael Pike. Handb Clin Neurol. 2013.

Abstract
"""


def _source(file: str, text: str) -> Source:
    return Source(
        file=file,
        text=text,
        title="t",
        kind="patient-page",
        references=parse_references(text),
        work=parse_own_record(text),
    )


def test_numbered_list_drops_backlinks_and_template_noise() -> None:
    refs = parse_references(WIKI)
    assert [r.number for r in refs] == [1, 2, 3]
    blaes, pike, radiopaedia = refs
    assert blaes.citation.startswith("Blaes, Franz, and")
    assert (blaes.first_author, blaes.year, blaes.container) == (
        "Blaes",
        2016,
        "Expert review of neurotherapeutics",
    )
    assert blaes.title == "Childhood opsoclonus-myoclonus syndrome: diagnosis and treatment"
    assert (pike.first_author, pike.year, pike.title) == (
        "Pike",
        2013,
        "Opsoclonus-myoclonus syndrome",
    )
    assert pike.container == "Handb Clin Neurol"
    assert radiopaedia.citation == "“Radiopaedia – Neuroblastomas”. Radiopaedia.org. 07/04/2020."
    assert (radiopaedia.first_author, radiopaedia.year) == ("Radiopaedia", None)  # access date


def test_taken_from_list_stops_at_the_end_of_the_list() -> None:
    refs = parse_references(PATIENT)
    assert len(refs) == 2
    assert refs[0].first_author == "National Institute of Neurological Disorders and Stroke"
    assert refs[0].title == "Opsoclonus Myoclonus Information Page"
    assert (refs[1].first_author, refs[1].year, refs[1].container) == (
        "Pranzatelli",
        2000,
        "Discover",
    )


def test_bibliography_lines_are_read_and_prose_is_not() -> None:
    refs = parse_references(ENCYCLOPEDIA)
    assert [(r.first_author, r.year) for r in refs] == [("Das", 2003), ("Dale", 2003)]
    assert refs[0].container == "Textbook of Clinical Neurology"
    assert refs[1].title == "Childhood Opsoclonus Myoclonus"


def test_pubmed_record_gives_the_source_its_own_work() -> None:
    work = parse_own_record(PUBMED)
    assert work is not None
    assert (
        work.citation
        == "Pike M. Opsoclonus-myoclonus syndrome. Handb Clin Neurol. 2013;112:1209-11."
    )
    assert work.doi == "10.1016/B978-0-444-52910-7.00042-8"
    assert parse_own_record(PATIENT) is None


def test_doi_and_pmid_are_taken_from_a_citation() -> None:
    ref = parse_reference("Smith J. A title. J Neurol 2001;2:3-4. doi: 10.1000/xyz.12. PMID: 123")
    assert (ref.doi, ref.pmid, ref.first_author) == ("10.1000/xyz.12", "123", "Smith")


def test_a_cited_work_that_is_a_source_is_one_node_linked_to_it() -> None:
    sources = resolve(
        [
            _source("000_a.txt", PUBMED),
            _source("004_b.txt", WIKI),
            _source(
                "005_c.txt",
                "References\n\n  1. Pike M. Opsoclonus-myoclonus syndrome. "
                "Handb Clin Neurol. 2013;112:1209-11.\n",
            ),
        ]
    )
    own, wiki, other = sources
    pike = wiki.reference(2)
    assert pike.same_as == "000_a.txt" and other.reference(1).same_as == "000_a.txt"
    assert reference_iri(pike) == reference_iri(own.work) == reference_iri(other.reference(1))
    assert reference_iri(wiki.reference(1)) != reference_iri(pike)
    graph = Graph()
    add_references(graph, sources)
    node = reference_iri(pike)
    assert set(graph.objects(node, SKOS.exactMatch)) == {OMSS["000_a"]}
    assert set(graph.subjects(CITO.cites, node)) == {OMSS["004_b"], OMSS["005_c"]}
    assert len(list(graph.objects(node, DCTERMS.bibliographicCitation))) == 1
    assert len(set(graph.subjects(None, OMS.Reference))) == 3  # Pike, Blaes, Radiopaedia


def test_same_author_different_works_stay_apart() -> None:
    a = parse_reference('Pranzatelli, M. "Opsoclonus-Myoclonus Syndrome." A booklet.')
    b = parse_reference('Pranzatelli, M. "Vital Signs: Friendly Fire." Discover (April 2000).')
    sources = resolve([Source("1.txt", "x", "t", "patient-page", references=(a, b))])
    keys = [r.key for r in sources[0].references]
    assert keys[0] != keys[1]


def test_corpus_references_match_the_citation_gold(corpus) -> None:
    by_file = {s.file: s for s in corpus.sources}
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    wrong = []
    for item in gold:
        source = by_file[item["source"]]
        if item["is_self"]:
            ref = source.work
        elif item["number"] is not None:
            ref = source.reference(item["number"])
        else:
            ref = next((r for r in source.references if r.citation == item["reference"]), None)
        got = ref and (ref.citation, ref.first_author, ref.year, ref.doi, ref.same_as)
        want = (
            item["reference"],
            item["first_author"],
            item["year"],
            item["doi"],
            item["same_as_source"],
        )
        if got != want:
            wrong.append((item["source"], item["number"], got, want))
    assert not wrong, wrong
    assert sum(len(s.references) for s in corpus.sources) + 1 == len(gold)  # nothing extra


def test_corpus_graph_links_reference_9_of_004_to_source_000(corpus_graph) -> None:
    rows = list(
        corpus_graph.query(
            """SELECT ?citing ?number WHERE {
                 ?citing cito:cites ?ref . ?ref skos:exactMatch ?cited ; oms:referenceNumber ?number .
                 ?cited a oms:Source }""",
            initNs={"cito": CITO, "skos": SKOS, "oms": OMS},
        )
    )
    assert [(str(r.citing), int(r.number)) for r in rows] == [
        (str(OMSS["004_d994c1249df8321d"]), 9)
    ]


def test_a_record_may_still_list_references_itself(data_dir: Path) -> None:
    (source,) = load_sources(data_dir / "sources")
    assert source.references[0].number == 1
    assert source.references[0].first_author == "Pike"
