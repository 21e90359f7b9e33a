"""Properties over generated input: the text readers, quote anchoring, the Turtle round trip,
and parallel ingestion writing exactly what sequential ingestion writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from omsgraph.cli import cli
from omsgraph.corpus.claims import anchor, load_corpus
from omsgraph.errors import DataError
from omsgraph.extract.readers import read_documents, read_html
from omsgraph.graph.export import serialize
from omsgraph.graph.rdf import build_graph

FIXTURES = Path(__file__).parent / "fixtures"
SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# --------------------------------------------------------------------------- HTML reader

_WORDS = st.sampled_from(
    ["OMS", "opsoclonus", "is", "treated", "with", "rituximab.", "a", "\u00a0", "é", "x&y"]
)
_SPACE = st.sampled_from([" ", "  ", "\n", "\t", " \n ", ""])
_TAGS = st.sampled_from(
    ["p", "div", "span", "b", "li", "br", "h1", "script", "style", "nav", "title", "td", "pre"]
)


@st.composite
def _html(draw: st.DrawFn, depth: int = 0) -> str:
    """HTML-ish text: words and whitespace in nested, sometimes unclosed or stray, elements."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        choice = draw(st.integers(0, 9))
        if choice < 5:
            parts.append(draw(_SPACE) + draw(_WORDS) + draw(_SPACE))
        elif choice < 8 and depth < 4:
            tag = draw(_TAGS)
            attrs = draw(st.sampled_from(["", ' class="menu"', " id=main", ' title="a<b"']))
            close = draw(st.sampled_from([f"</{tag}>", "", "</p>"]))
            parts.append(f"<{tag}{attrs}>{draw(_html(depth + 1))}{close}")
        else:
            parts.append(draw(st.sampled_from(["<!-- c -->", "&amp;", "&#233;", "<", "</x>"])))
    return "".join(parts)


@SETTINGS
@given(_html())
@example("<p>ab </p><p>cd</p>")
@example("<div>  one  <b>two</b>  </div>\n<p>three \t</p>four")
def test_html_offsets_point_at_the_kept_text(html: str) -> None:
    document = read_html(html)
    text = document.text
    previous_end = 0
    for text_at, html_at, length in document.offsets:
        kept = text[text_at : text_at + length]
        assert kept and not kept.isspace() and text_at >= previous_end
        previous_end = text_at + length
        if "&" not in html[html_at:]:  # character references change the length
            assert " ".join(html[html_at:].split()).startswith(" ".join(kept.split()))
    assert text.endswith("\n") and (text == "\n" or text == text.lstrip())


@SETTINGS
@given(_html(), st.sampled_from(["page.html", "page.txt", "page.xml"]))
def test_readers_raise_only_data_errors(tmp_path: Path, html: str, name: str) -> None:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    try:
        documents = read_documents(path)
    except DataError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)
        return
    assert documents and all(d.text.strip() for d in documents)


# --------------------------------------------------------------------------- quote anchoring


@SETTINGS
@given(
    st.text(alphabet=st.sampled_from("ab \n\t.é"), min_size=1, max_size=80),
    st.integers(0, 80),
    st.integers(1, 20),
)
def test_anchor_finds_every_occurrence(text: str, start: int, length: int) -> None:
    start = min(start, len(text) - 1)
    quote = text[start : start + length]
    found, at = [], text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    for occurrence, position in enumerate(found, 1):
        evidence = anchor(text, quote, occurrence)
        assert evidence is not None and (evidence.start, evidence.end) == (
            position,
            position + len(quote),
        )
    assert anchor(text, quote, len(found) + 1) is None


# --------------------------------------------------------------------------- Turtle round trip

_LABELS = st.text(alphabet=st.sampled_from("abcdefgh xyz-'\"<>&é"), min_size=2, max_size=12)


@st.composite
def _corpus(draw: st.DrawFn) -> tuple[str, str, str]:
    """A data directory's text, vocabulary and claims, with awkward characters in them."""
    names = draw(st.lists(_LABELS.map(str.strip), min_size=1, max_size=4, unique_by=str.lower))
    names = [n for n in names if len(n) >= 2 and n[0].isalpha()]
    if not names:
        names = ["alpha"]
    sentences = [f"OMS causes {name} in {draw(_LABELS)!s}." for name in names]
    text = "Title\n\n" + " ".join(sentences) + "\n"
    vocabulary = (
        "concepts:\n  - {id: opsoclonus-myoclonus-syndrome, label: OMS, type: condition}\n"
        + "".join(
            f"  - id: c{i}\n    label: {_yaml(name)}\n    type: symptom\n"
            for i, name in enumerate(names)
        )
    )
    claims = "source: 100_fixture.txt\nclaims:\n" + "".join(
        f"  - predicate: has_symptom\n    object: {_yaml(name)}\n"
        f"    quote: {_yaml(sentence)}\n    qualifier: {_yaml(draw(_LABELS))}\n"
        for name, sentence in zip(names, sentences, strict=True)
    )
    return text, vocabulary, claims


def _yaml(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


@settings(max_examples=25, deadline=None)
@given(_corpus())
def test_turtle_round_trip(tmp_path_factory: pytest.TempPathFactory, corpus) -> None:
    text, vocabulary, claims = corpus
    data = tmp_path_factory.mktemp("rt") / "data"
    shutil.copytree(FIXTURES / "data", data)
    (data / "sources" / "100_fixture.txt").write_text(text, encoding="utf-8")
    (data / "vocabulary.yaml").write_text(vocabulary, encoding="utf-8")
    (data / "claims" / "100_fixture.yaml").write_text(claims, encoding="utf-8")
    (data / "sources" / "100_fixture.yaml").write_text(
        "file: 100_fixture.txt\ntitle: T\nkind: wiki-page\n", encoding="utf-8"
    )
    graph = build_graph(load_corpus(data))
    turtle = serialize(graph, "turtle")
    again = Graph().parse(data=turtle, format="turtle")
    assert len(again) == len(graph) > 0
    assert isomorphic(graph, again)
    assert serialize(again, "turtle") == turtle  # and the serialisation is stable


# --------------------------------------------------------------------------- parallel ingest


def _documents(directory: Path) -> list[Path]:
    """Eight documents: text, HTML and PubMed XML, with a duplicate in the middle."""
    directory.mkdir()
    paths = []
    for name in ("oms_note.txt", "oms_page.html", "oms_pubmed.xml"):
        paths.append(directory / name)
        shutil.copy(FIXTURES / "ingest" / name, paths[-1])
    for number in range(4):
        path = directory / f"note{number}.txt"
        path.write_text(
            f"Case {number}\n\nOMS in child {number} was treated with rituximab and IVIg. "
            f"Ataxia and opsoclonus were present; neuroblastoma was found in {number}.\n",
            encoding="utf-8",
        )
        paths.append(path)
    paths.insert(4, paths[0])  # the same document twice: the second is a known source
    return paths


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_parallel_ingest_writes_what_sequential_ingest_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("omsgraph.curate.ingest.PARALLEL_DOCUMENTS", 1)  # written in parallel too
    paths = [str(p) for p in _documents(tmp_path / "docs")]
    trees, outputs = [], []
    for jobs in ("1", "2", "3"):
        data = tmp_path / f"data{jobs}"
        shutil.copytree(FIXTURES / "data", data)
        result = CliRunner().invoke(cli, ["--data", str(data), "ingest", "--jobs", jobs, *paths])
        assert result.exit_code == 0, result.output
        trees.append(_tree(data))
        outputs.append(result.stdout)
    assert trees[0] == trees[1] == trees[2]
    assert outputs[0] == outputs[1] == outputs[2]
    names = sorted(n for n in trees[0] if n.startswith("sources/") and n.endswith(".txt"))
    # 100_fixture.txt is not a NNN_<hash> name, so numbering starts at 000
    assert [n[8:12] for n in names] == [*(f"{i:03d}_" for i in range(7)), "100_"]
    assert "known source" in outputs[0].splitlines()[4]
    # and ingesting one at a time, in the same order, gives the same tree again
    data = tmp_path / "one-by-one"
    shutil.copytree(FIXTURES / "data", data)
    for path in paths:
        assert CliRunner().invoke(cli, ["--data", str(data), "ingest", path]).exit_code == 0
    assert _tree(data) == trees[0]
