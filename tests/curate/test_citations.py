"""Citations across sources: a reference that names another source of the corpus by PMID
or DOI is linked to it (skos:exactMatch to the source), from PubMed reference lists, JATS
and parsed reference sections alike."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import SKOS

from omsgraph.corpus.claims import load_corpus
from omsgraph.curate.ingest import ingest
from omsgraph.graph.rdf import build_graph
from tests.extract.test_readers import JATS, _pubmed_article

ROOT = Path(__file__).resolve().parents[2]
PIKE = "000_aa4b564b5e99cff4.txt"  # 000, whose DOI the generated records' reference has


def _data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def test_pubmed_reference_lists_link_by_pmid_and_doi(tmp_path: Path) -> None:
    data = _data(tmp_path)
    cited = _pubmed_article(20_000_001)
    # the second record cites the first by PMID alone (no DOI in its reference list)
    citing = (
        _pubmed_article(20_000_002)
        .replace("23622330", "20000001")
        .replace('<ArticleId IdType="doi">10.1016/B978-0-444-52910-7.00042-8</ArticleId>', "")
        .replace("Pike M. Opsoclonus-myoclonus syndrome. Handb Clin", "Doe A. Record 20000001.")
    )
    export = tmp_path / "export.xml"
    export.write_text(f"<PubmedArticleSet>{cited}{citing}</PubmedArticleSet>", "utf-8")
    first, second = ingest(export, data)
    sources = {s.file: s for s in load_corpus(data).sources}
    [by_doi] = sources[first.source].references
    assert by_doi.same_as == PIKE  # the reference's DOI is 000's
    [by_pmid] = sources[second.source].references
    assert by_pmid.pmid == "20000001" and by_pmid.same_as == first.source
    graph = build_graph(load_corpus(data))
    targets = {str(o) for o in graph.objects(None, SKOS.exactMatch) if isinstance(o, URIRef)}
    assert any(t.endswith(first.source[:-4]) for t in targets)


def test_jats_reference_links_by_pmid(tmp_path: Path) -> None:
    data = _data(tmp_path)
    meta = data / "sources" / "000_aa4b564b5e99cff4.yaml"
    meta.write_text(meta.read_text() + "pmid: '23622330'\n")  # the PMID 000's record lacks
    article = tmp_path / "article.xml"
    article.write_text(JATS, encoding="utf-8")
    [result] = ingest(article, data)
    sources = {s.file: s for s in load_corpus(data).sources}
    pike, roe = sources[result.source].references
    assert pike.same_as == PIKE and roe.same_as is None
