"""Each reader on a file written here: the text, the metadata, and a one-line error naming
the record for a broken file."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from omsgraph.errors import DataError
from omsgraph.extract.readers import READERS, detect_format, read_documents

SPACE = " "  # RIS ends a record with "ER  - " (a trailing space)
ABSTRACT = (
    "Opsoclonus-myoclonus syndrome is a rare disorder. Symptoms include ataxia. "
    "Rituximab was effective in most children."
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _pubmed_article(pmid: int, types: tuple[str, ...] = ("Journal Article",)) -> str:
    pts = "".join(f"<PublicationType UI='D0'>{t}</PublicationType>" for t in types)
    return f"""<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">{pmid}</PMID>
<Article><Journal><Title>Journal of Invented Neurology</Title><JournalIssue><PubDate>
<Year>2020</Year></PubDate></JournalIssue></Journal>
<ArticleTitle>Record {pmid} on opsoclonus-myoclonus syndrome.</ArticleTitle>
<Abstract><AbstractText>{ABSTRACT}</AbstractText></Abstract>
<AuthorList><Author><LastName>Doe</LastName><ForeName>Ann</ForeName></Author>
<Author><LastName>Roe</LastName><ForeName>Bob</ForeName></Author>
<Author><CollectiveName>OMS Study Group</CollectiveName></Author></AuthorList>
<PublicationTypeList>{pts}</PublicationTypeList></Article>
<MeshHeadingList><MeshHeading><DescriptorName UI="D053578">Opsoclonus-Myoclonus Syndrome
</DescriptorName></MeshHeading><MeshHeading><DescriptorName>Retrospective Studies</DescriptorName>
</MeshHeading></MeshHeadingList></MedlineCitation>
<PubmedData><ArticleIdList><ArticleId IdType="pubmed">{pmid}</ArticleId>
<ArticleId IdType="doi">10.9999/jin.{pmid}</ArticleId></ArticleIdList>
<ReferenceList><Reference><Citation>Pike M. Opsoclonus-myoclonus syndrome. Handb Clin
Neurol. 2013;112:1209-11.</Citation><ArticleIdList>
<ArticleId IdType="doi">10.1016/B978-0-444-52910-7.00042-8</ArticleId>
<ArticleId IdType="pubmed">23622330</ArticleId></ArticleIdList></Reference></ReferenceList>
</PubmedData></PubmedArticle>
"""


def _pubmed_set(count: int) -> str:
    body = "".join(_pubmed_article(10_000_000 + n) for n in range(count))
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n'
    return f"{head}{body}</PubmedArticleSet>\n"


def test_pubmed_keeps_types_mesh_and_references(tmp_path: Path) -> None:
    path = _write(tmp_path, "set.xml", _pubmed_set(1).replace("Journal Article", "Case Reports"))
    [doc] = read_documents(path)
    assert doc.publication_types == ("Case Reports",)
    assert doc.mesh == ("Opsoclonus-Myoclonus Syndrome", "Retrospective Studies")
    assert doc.authors == ("Ann Doe", "Bob Roe", "OMS Study Group")
    assert doc.doi == "10.9999/jin.10000000"  # not the DOI of the work it cites
    [ref] = doc.references
    assert ref.number == 1 and ref.pmid == "23622330" and ref.citation.startswith("Pike M.")
    assert doc.metadata()["evidence_level"] == "cohort"  # MeSH Retrospective Studies wins


def test_pubmed_set_of_1000_records(tmp_path: Path) -> None:
    path = _write(tmp_path, "export.xml", _pubmed_set(1000))
    started = time.perf_counter()
    documents = read_documents(path)
    seconds = time.perf_counter() - started
    assert len(documents) == 1000
    assert len({d.pmid for d in documents}) == 1000
    assert all(d.authors == ("Ann Doe", "Bob Roe", "OMS Study Group") for d in documents)
    print(f"read 1000 PubMed records in {seconds:.2f} s")
    assert seconds < 10


def test_pubmed_broken_record_is_named(tmp_path: Path) -> None:
    text = _pubmed_set(3).replace("</Abstract>", "</Abstrac>", 2)
    path = _write(tmp_path, "bad.xml", text)
    pattern = r"bad\.xml: invalid XML: mismatched tag: .*\(in the record after PMID 10000000\)"
    with pytest.raises(DataError, match=pattern) as exc:
        read_documents(path)
    assert "\n" not in str(exc.value)


NBIB = f"""PMID- 31234567
OWN - NLM
TI  - Opsoclonus-myoclonus syndrome: a systematic review of
      treatment.
AB  - {ABSTRACT}
FAU - Pike, Michael
AU  - Pike M
FAU - Smith, Jane
AU  - Smith J
DP  - 2019 Mar
PT  - Journal Article
PT  - Systematic Review
MH  - *Opsoclonus-Myoclonus Syndrome/drug therapy
JT  - Journal of Invented Neurology
AID - 10.9999/jin.2019.7 [doi]

PMID- 31234568
TI  - A second record.
AB  - Ataxia was seen.
PT  - Case Reports
"""


def test_medline_nbib(tmp_path: Path) -> None:
    path = _write(tmp_path, "export.nbib", NBIB)
    assert detect_format(path, NBIB) == "medline"
    first, second = read_documents(path)
    assert first.title == "Opsoclonus-myoclonus syndrome: a systematic review of treatment."
    assert first.authors == ("Michael Pike", "Jane Smith")
    assert first.date == "2019" and first.doi == "10.9999/jin.2019.7"
    assert first.pmid == "31234567" and first.kind == "journal-abstract"
    assert first.publication_types == ("Journal Article", "Systematic Review")
    assert first.mesh == ("Opsoclonus-Myoclonus Syndrome",)
    assert first.metadata()["evidence_level"] == "systematic-review"
    assert second.metadata()["evidence_level"] == "case-report"
    assert ABSTRACT in first.text


def test_medline_broken_record_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.nbib", NBIB.replace("PT  - Case Reports", "this is not a tag"))
    with pytest.raises(DataError, match=r"bad\.nbib:17: record PMID 31234568: malformed"):
        read_documents(path)


JATS = """<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="review-article">
<front><journal-meta><journal-title-group><journal-title>Invented Neurology
</journal-title></journal-title-group></journal-meta>
<article-meta><article-id pub-id-type="pmid">35550001</article-id>
<article-id pub-id-type="pmc">9000001</article-id>
<article-id pub-id-type="doi">10.9999/in.2022.1</article-id>
<title-group><article-title>Treating opsoclonus-myoclonus syndrome</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Doe</surname>
<given-names>Ann</given-names></name></contrib><contrib contrib-type="editor"><name>
<surname>Ed</surname><given-names>Ed</given-names></name></contrib></contrib-group>
<pub-date><year>2022</year></pub-date>
<abstract><p>A review of treatment.</p></abstract></article-meta></front>
<body><sec><title>Introduction</title><p>Opsoclonus-myoclonus syndrome is rare
<xref ref-type="bibr" rid="r2">[2]</xref>. Children are treated with rituximab
<xref ref-type="bibr" rid="r1">[1]</xref>.</p>
<table-wrap><table><tr><td>table text</td></tr></table></table-wrap></sec>
<sec><title>Outcome</title><p>Most children recover.</p></sec></body>
<back><ref-list><ref id="r1"><element-citation><person-group><name><surname>Pike</surname>
</name></person-group><article-title>Opsoclonus-myoclonus syndrome</article-title>
<source>Handb Clin Neurol</source><year>2013</year>
<pub-id pub-id-type="pmid">23622330</pub-id></element-citation></ref>
<ref id="r2"><mixed-citation>Roe B. OMS in adults. J Neurol. 2019.
<pub-id pub-id-type="doi">10.9999/jn.2019.2</pub-id></mixed-citation></ref></ref-list></back>
</article>
"""


def test_jats_sections_references_and_citations(tmp_path: Path) -> None:
    path = _write(tmp_path, "article.xml", JATS)
    assert detect_format(path, JATS) == "jats"
    [doc] = read_documents(path)
    assert doc.title == "Treating opsoclonus-myoclonus syndrome"
    assert doc.authors == ("Ann Doe",) and doc.pmid == "35550001" and doc.date == "2022"
    assert doc.publication_types == ("Review",)
    assert doc.url == "https://pmc.ncbi.nlm.nih.gov/articles/PMC9000001/"
    assert "Introduction\n\nOpsoclonus-myoclonus syndrome is rare [2]." in doc.text
    assert "table text" not in doc.text and "Outcome\n\nMost children recover." in doc.text
    assert [(r.number, r.pmid, r.doi) for r in doc.references] == [
        (1, "23622330", None),
        (2, None, "10.9999/jn.2019.2"),
    ]
    assert [doc.text[c.start : c.end] for c in doc.citations] == ["[2]", "[1]"]
    quote = "Children are treated with rituximab"
    start = doc.text.index(quote)
    assert doc.reference_at(start, start + len(quote)) == 1  # the sentence's own citation
    first = doc.text.index("Opsoclonus-myoclonus syndrome is rare")
    assert doc.reference_at(first, first + 10) == 2


def test_jats_without_front_is_named(tmp_path: Path) -> None:
    xml = "<?xml version='1.0'?><article><body><front/></body></article>"
    path = _write(tmp_path, "bad.xml", xml)
    with pytest.raises(DataError, match=r"bad\.xml: article 1: no <front><article-meta>"):
        read_documents(path)


BIOC_JSON = {
    "PubTator3": [
        {
            "_id": "32000001|None",
            "id": "32000001",
            "infons": {"journal": "J Invented Neurol", "year": "2020", "authors": "Doe A, Roe B"},
            "passages": [
                {
                    "infons": {"type": "title"},
                    "offset": 0,
                    "text": "Rituximab in opsoclonus-myoclonus syndrome",
                    "annotations": [
                        {
                            "id": "1",
                            "infons": {"identifier": "MESH:D000069283", "type": "Chemical"},
                            "text": "Rituximab",
                            "locations": [{"offset": 0, "length": 9}],
                        }
                    ],
                },
                {
                    "infons": {"type": "abstract"},
                    "offset": 43,
                    "text": "Children with neuroblastoma were treated.",
                    "annotations": [
                        {
                            "id": "2",
                            "infons": {"identifier": "MESH:D009447", "type": "Disease"},
                            "text": "neuroblastoma",
                            "locations": [{"offset": 57, "length": 13}],
                        }
                    ],
                },
            ],
        }
    ]
}


def test_bioc_json_pubtator3_keeps_annotations(tmp_path: Path) -> None:
    path = _write(tmp_path, "pubtator.json", json.dumps(BIOC_JSON))
    assert detect_format(path, path.read_text()) == "bioc-json"
    [doc] = read_documents(path)
    assert doc.pmid == "32000001" and doc.title.startswith("Rituximab")
    assert doc.date == "2020" and doc.container == "J Invented Neurol"
    assert [(a.text, a.type, a.identifier) for a in doc.annotations] == [
        ("Rituximab", "Chemical", "MESH:D000069283"),
        ("neuroblastoma", "Disease", "MESH:D009447"),
    ]
    assert all(doc.text[a.start : a.end] == a.text for a in doc.annotations)


def test_bioc_json_lines(tmp_path: Path) -> None:
    [document] = BIOC_JSON["PubTator3"]
    second = {**document, "id": "32000009"}
    path = _write(tmp_path, "export.biocjson", f"{json.dumps(document)}\n{json.dumps(second)}\n")
    first, other = read_documents(path)
    assert (first.pmid, other.pmid) == ("32000001", "32000009") and other.annotations
    broken = _write(tmp_path, "bad.biocjson", f"{json.dumps(document)}\n{{broken\n")
    with pytest.raises(DataError, match=r"bad\.biocjson: invalid JSON on record line 2"):
        read_documents(broken)


def test_bioc_xml(tmp_path: Path) -> None:
    xml = """<?xml version='1.0' encoding='UTF-8'?><collection><source>PubTator</source>
<date>2024</date><key>BioC.key</key><document><id>32000002</id>
<passage><infon key="type">title</infon><offset>0</offset><text>OMS and ataxia</text>
<annotation id="1"><infon key="identifier">MESH:D001259</infon><infon key="type">Disease</infon>
<location offset="8" length="6"/><text>ataxia</text></annotation></passage>
<passage><infon key="type">abstract</infon><offset>15</offset>
<text>Ataxia was seen.</text></passage>
</document></collection>"""
    path = _write(tmp_path, "export.xml", xml)
    assert detect_format(path, xml) == "bioc-xml"
    [doc] = read_documents(path)
    assert doc.text == "OMS and ataxia\n\nAtaxia was seen.\n"
    [annotation] = doc.annotations
    assert (annotation.text, annotation.identifier) == ("ataxia", "MESH:D001259")


def test_bioc_bad_annotation_is_named(tmp_path: Path) -> None:
    broken = json.loads(json.dumps(BIOC_JSON))
    broken["PubTator3"][0]["passages"][1]["annotations"][0]["locations"][0]["offset"] = 500
    path = _write(tmp_path, "bad.json", json.dumps(broken))
    with pytest.raises(DataError, match=r"bad\.json: document 32000001: annotation '2' lies"):
        read_documents(path)


RIS = f"""TY  - JOUR
TI  - Opsoclonus-myoclonus syndrome in adults
AU  - Doe, Ann
AU  - Roe, Bob
PY  - 2019///
T2  - Journal of Invented Neurology
DO  - 10.9999/jin.2019.3
AB  - {ABSTRACT}
UR  - https://example.org/a
ER  -{SPACE}

TY  - ELEC
TI  - OMS: a parent's guide
ER  -{SPACE}
"""


def test_ris(tmp_path: Path) -> None:
    path = _write(tmp_path, "library.ris", RIS)
    first, second = read_documents(path)
    assert first.authors == ("Ann Doe", "Bob Roe") and first.date == "2019"
    assert first.container == "Journal of Invented Neurology" and first.kind == "journal-abstract"
    assert first.doi == "10.9999/jin.2019.3" and first.url == "https://example.org/a"
    assert ABSTRACT in first.text
    assert second.kind == "patient-page"


def test_ris_record_left_open_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.ris", RIS.rsplit("ER  -", 1)[0])
    with pytest.raises(DataError, match=r"bad\.ris:12: record 2 \(\"OMS: a parent's guide\"\)"):
        read_documents(path)


BIBTEX = r"""@article{doe2019,
  title = {{Opsoclonus-myoclonus} syndrome in adults},
  author = {Doe, Ann and Roe, Bob},
  journal = {Journal of Invented Neurology},
  year = {2019},
  doi = {10.9999/jin.2019.3},
  pmid = {31000003},
  abstract = {Opsoclonus-myoclonus syndrome is rare. Symptoms include ataxia.},
}
@misc{page, title = {OMS for parents}, url = {https://example.org/p}}
"""


def test_bibtex(tmp_path: Path) -> None:
    path = _write(tmp_path, "library.bib", BIBTEX)
    first, second = read_documents(path)
    assert first.title == "Opsoclonus-myoclonus syndrome in adults"
    assert first.authors == ("Ann Doe", "Bob Roe") and first.pmid == "31000003"
    assert first.publication_types == ("Journal Article",)
    assert second.kind == "patient-page" and second.url == "https://example.org/p"


def test_bibtex_broken_entry_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.bib", BIBTEX + "@article{broken, title = {never closed\n")
    with pytest.raises(DataError, match=r"bad\.bib:11: entry 'broken' does not parse"):
        read_documents(path)


CSL = [
    {
        "id": "doe2019",
        "type": "article-journal",
        "title": "Opsoclonus-myoclonus syndrome in adults",
        "author": [{"family": "Doe", "given": "Ann"}, {"literal": "OMS Study Group"}],
        "issued": {"date-parts": [[2019, 3]]},
        "container-title": "Journal of Invented Neurology",
        "DOI": "10.9999/jin.2019.3",
        "PMID": "31000003",
        "abstract": ABSTRACT,
    },
    {"id": "blog", "type": "post-weblog", "title": "Our OMS story"},
]


def test_csl_json(tmp_path: Path) -> None:
    path = _write(tmp_path, "library.json", json.dumps(CSL))
    assert detect_format(path, path.read_text()) == "csl-json"
    first, second = read_documents(path)
    assert first.authors == ("Ann Doe", "OMS Study Group") and first.date == "2019"
    assert first.doi == "10.9999/jin.2019.3" and first.pmid == "31000003"
    assert second.metadata()["evidence_level"] == "blog"


def test_csl_bad_item_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.json", json.dumps([CSL[0], {**CSL[1], "author": "x"}]))
    with pytest.raises(DataError, match=r"bad\.json: item 'blog': 'author' must be a list"):
        read_documents(path)


HTML = """<!doctype html><html><head><title>Page</title>
<meta name="citation_title" content="Opsoclonus-myoclonus syndrome in twenty children">
<meta name="citation_author" content="Ann Doe">
<meta name="citation_author" content="Bob Roe">
<meta name="citation_author" content="Cy Poe">
<meta name="citation_publication_date" content="2021/03/04">
<meta name="citation_journal_title" content="Journal of Invented Neurology">
<meta name="citation_doi" content="10.9999/jin.2021.001">
<meta name="DC.publisher" content="Invented Press">
</head><body><main><h1>Abstract</h1><p>Opsoclonus-myoclonus syndrome is rare.</p></main>
</body></html>"""


def test_html_keeps_every_author_and_the_date(tmp_path: Path) -> None:
    [doc] = read_documents(_write(tmp_path, "article.html", HTML))
    assert doc.authors == ("Ann Doe", "Bob Roe", "Cy Poe")
    assert doc.date == "2021-03-04" and doc.publisher == "Invented Press"
    assert doc.kind == "journal-abstract"  # a journal abstract is not a patient page
    assert doc.title == "Opsoclonus-myoclonus syndrome in twenty children"


def test_html_dublin_core_and_json_ld(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "MedicalScholarlyArticle",
        "headline": "OMS in adults",
        "author": [{"@type": "Person", "name": "Ann Doe"}, {"@type": "Person", "name": "Bo Ro"}],
        "datePublished": "2020-05-06",
    }
    html = (
        "<html><head><script type='application/ld+json'>"
        + json.dumps(ld)
        + "</script><script type='application/ld+json'>{broken</script>"
        + "<meta name='DC.title' content='Dublin title'></head>"
        + "<body><p>Opsoclonus is rare.</p></body></html>"
    )
    [doc] = read_documents(_write(tmp_path, "ld.html", html))
    assert doc.authors == ("Ann Doe", "Bo Ro") and doc.date == "2020-05-06"
    assert doc.title == "Dublin title" and doc.kind == "journal-abstract"
    assert "headline" not in doc.text


def test_text_abstract_is_not_a_patient_page(tmp_path: Path) -> None:
    text = f"OMS in adults.\n\nJ Neurol. 2020.\n\nAbstract\n{ABSTRACT}\n\nPMID: 31000009\n"
    [doc] = read_documents(_write(tmp_path, "abstract.txt", text))
    assert doc.kind == "journal-abstract" and doc.pmid == "31000009"
    [page] = read_documents(_write(tmp_path, "page.txt", "Our story\n\nOur son has OMS.\n"))
    assert page.kind == "patient-page"


def test_a_text_opening_with_a_bracket_is_text(tmp_path: Path) -> None:
    text = "[Transcript of a talk]\n\nSlide 1\nOMS: ataxia and opsoclonus.\n"
    [doc] = read_documents(_write(tmp_path, "talk.txt", text))
    assert "Slide 1" in doc.text
    with pytest.raises(DataError, match=r"talk\.json: invalid JSON"):
        read_documents(_write(tmp_path, "talk.json", text))


def test_every_format_has_a_reader() -> None:
    assert set(READERS) == {
        "pubmed", "medline", "jats", "bioc-xml", "bioc-json", "ris", "bibtex", "csl-json",
        "html", "text",
    }  # fmt: skip


@pytest.mark.parametrize("suffix", [".nbib", ".ris", ".bib", ".json", ".xml"])
def test_any_text_is_read_or_refused_in_one_line(tmp_path: Path, suffix: str) -> None:
    """Generated text under every format's name: documents, or a DataError, never a crash."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        ["PMID- 1\n", "TI  - x\n", "AB  - y\n", "TY  - JOUR\n", "ER  - \n", "@article{k,",
         " title={t}", "}", "{", "[", '"passages": [', '{"type": "book"}', "<article>",
         "<front>", "</front>", "<PubmedArticle>", "<collection>", "<passage>", "\n", "é", "x"]
    )  # fmt: skip

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=25))
    def check(parts: list[str]) -> None:
        path = tmp_path / f"doc{suffix}"
        path.write_text("".join(parts), encoding="utf-8", errors="surrogatepass")
        try:
            documents = read_documents(path)
        except DataError as exc:
            assert "\n" not in str(exc)
        else:
            assert documents and all(d.text.strip() for d in documents)

    check()


SPAN = {"id": "1", "locations": [{"offset": 0, "length": 3}]}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.json", {"documents": [{"id": "7", "passages": [{"offset": "x", "text": "OMS",
                                                  "annotations": [SPAN]}]}]},
         "document 7: bad BioC value"),
        ("b.json", [{"id": "8", "passages": [{"offset": 0, "text": 5}]}],
         "document 8: bad BioC value"),
        ("c.json", [{"type": "article-journal", "id": "k", "title": {"a": 1}}],
         "item 'k': 'title' must be text"),
        ("d.json", [1, 2], "item 1: expected an object"),
    ],
)  # fmt: skip
def test_wrong_values_are_named(tmp_path: Path, name: str, content: object, message: str) -> None:
    path = _write(tmp_path, name, json.dumps(content))
    with pytest.raises(DataError, match=re.escape(f"{name}: {message}")):
        read_documents(path)
