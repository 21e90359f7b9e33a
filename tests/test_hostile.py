"""Hostile input: every bad file, Turtle or query fails with one line, no traceback, and
leaves every earlier output byte-identical; markup in the data never becomes markup."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from omsgraph.cli import cli
from omsgraph.output import MANIFEST

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
CLAIMS = "data/claims/100_fixture.yaml"
META = "data/sources/100_fixture.yaml"
VOCAB = "data/vocabulary.yaml"
TEXT = "data/sources/100_fixture.txt"
HEAD = "source: 100_fixture.txt\nclaims:\n"
GOOD_CLAIM = "  - predicate: has_symptom\n    object: opsoclonus\n    quote: causes opsoclonus\n"


def _claim(**fields: str) -> str:
    """The good claim with ``fields`` replaced or added (values are YAML text)."""
    record = {"predicate": "has_symptom", "object": "opsoclonus", "quote": "causes opsoclonus"}
    record.update(fields)
    lines = [f"{key}: {value}" for key, value in record.items()]
    return HEAD + "  - " + "\n    ".join(lines) + "\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with data/ and the outputs of a good run: out/ (Turtle, views), -o files."""
    root = tmp_path_factory.mktemp("built")
    shutil.copytree(FIXTURE_DATA, root / "data")
    shutil.copytree(ONTOLOGY, root / "ontology")
    os.chdir(root)
    try:
        for args in (
            ["build"],
            ["claims", "-o", "out/claims.jsonl"],
            ["query", "treatments", "-o", "out/query.txt"],
            ["export", "--format", "ntriples", "-o", "out/omsgraph.nt"],
            ["extract", TEXT, "-o", "out/extract.jsonl"],
        ):
            result = CliRunner().invoke(cli, args)
            assert result.exit_code == 0, result.output
    finally:
        os.chdir(Path(__file__).parent)
    return root


@pytest.fixture
def work(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the built workspace, as the current directory."""
    root = tmp_path / "w"
    shutil.copytree(built, root)
    monkeypatch.chdir(root)
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _fails(root: Path, args: list[str], code: int, *needles: str) -> str:
    """Run ``omsgraph ARGS`` and check the failure; returns the error line."""
    before = _snapshot(root)
    result: Result = CliRunner().invoke(cli, args)
    assert isinstance(result.exception, SystemExit), repr(result.exception)  # no traceback
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    after = _snapshot(root)
    assert after.keys() == before.keys()  # nothing new, not even a temporary file
    assert all(after[name] == data for name, data in before.items()), "an output changed"
    return lines[0]


# --------------------------------------------------------------------------- data directory

DATA_CASES = {
    # source texts
    "source-empty": (TEXT, b"", "100_fixture.txt: empty source text"),
    "source-whitespace": (TEXT, b" \n\t\n", "empty source text"),
    "source-binary": (TEXT, b"\x00\x01\x02PNG\xff\xfe", "100_fixture.txt:1: not UTF-8"),
    "source-nul": (TEXT, b"OMS\x00causes opsoclonus", "binary content"),
    "source-latin1": (TEXT, "a\nb\ncaf\xe9 causes opsoclonus".encode("latin-1"), "txt:3: not"),
    "source-utf16": (TEXT, "causes opsoclonus".encode("utf-16"), "txt:1: not UTF-8"),
    "source-huge-binary": (TEXT, b"causes opsoclonus " * 200_000 + b"\xff", "not UTF-8"),
    "source-truncated": (TEXT, b"Dancing eyes in children\n\nOpsoclonus-myo", "quote not found"),
    # claim files
    "claims-bad-yaml": (CLAIMS, HEAD + "  - predicate: [\n", "100_fixture.yaml:4: invalid YAML"),
    "claims-tab-indent": (CLAIMS, HEAD + "\t- predicate: x\n", "100_fixture.yaml:3: invalid"),
    "claims-python-tag": (CLAIMS, "source: !!python/object/apply:os.system [ls]\n", ":1: invalid"),
    "claims-binary": (CLAIMS, b"\xff\xfe\x00s", "claims/100_fixture.yaml: cannot read"),
    "claims-empty": (CLAIMS, "", "100_fixture.yaml:1: expected 'source:'"),
    "claims-top-list": (CLAIMS, "- source\n- claims\n", "100_fixture.yaml:1: expected"),
    "claims-mapping-not-list": (CLAIMS, HEAD[:-1] + " {a: 1}\n", ":1: 'claims' must be a list"),
    "claims-item-string": (CLAIMS, HEAD + "  - just words\n", "each claim must be a mapping"),
    "claims-unknown-concept": (CLAIMS, _claim(object="nosuchthing"), ":4: unknown concept"),
    "claims-unknown-predicate": (CLAIMS, _claim(predicate="eats"), ":3: unknown predicate"),
    "claims-quote-missing": (CLAIMS, _claim(quote="not in the text"), ":5: quote not found"),
    "claims-quote-number": (CLAIMS, _claim(quote="42"), ":5: 'quote' must be a str"),
    "claims-quote-list": (CLAIMS, _claim(quote="[causes, opsoclonus]"), ":5: 'quote' must be"),
    "claims-object-mapping": (CLAIMS, _claim(object="{a: 1}"), ":4: 'object' must be a str"),
    "claims-duplicate-key": (CLAIMS, _claim(predicate="has_symptom\n    predicate: x"), ":4: du"),
    "claims-duplicate-claim": (CLAIMS, _claim() + GOOD_CLAIM, ":6: duplicate claim"),
    "claims-duplicate-in-two-files": (  # a second claims file naming the same source
        "data/claims/101_copy.yaml",
        HEAD + "  - predicate: has_symptom\n    object: opsoclonus\n"
        '    quote: "causes opsoclonus and myoclonus [1]"\n    reference: 1\n',
        "101_copy.yaml:3: duplicate claim",
    ),
    "claims-extractor-not-a-name": (CLAIMS, _claim(extractor="'my tool'"), ":6: 'extractor'"),
    "claims-bad-polarity": (CLAIMS, _claim(polarity="maybe"), "polarity"),
    "claims-bad-occurrence": (CLAIMS, _claim(occurrence="x"), ":6: occurrence"),
    "claims-reference-list": (CLAIMS, _claim(reference="[1]"), ":6: reference [1]"),
    "claims-confidence-text": (CLAIMS, _claim(confidence="high"), ":6: confidence"),
    "claims-qualifier-mapping": (CLAIMS, _claim(qualifier="{a: 1}"), ":6: 'qualifier' must"),
    "claims-population-list": (CLAIMS, _claim(population="[a, b]"), ":6: 'population' must"),
    "claims-unknown-source": (CLAIMS, "source: 999.txt\nclaims: []\n", ":1: source '999.txt'"),
    "claims-misspelt-key": (
        CLAIMS,
        _claim(polarty="negated"),
        "100_fixture.yaml:6: unknown key 'polarty' (did you mean 'polarity'?)",
    ),
    "claims-misspelt-top-key": (
        CLAIMS,
        HEAD + GOOD_CLAIM + "propsed_concepts: []\n",
        ":6: unknown key 'propsed_concepts' (did you mean 'proposed_concepts'?)",
    ),
    "claims-unknown-key": (CLAIMS, _claim(colour="red"), ":6: unknown key 'colour' (use certainty"),
    # vocabulary
    "vocab-duplicate-name": (
        VOCAB,
        "concepts:\n  - {id: a, label: x, type: symptom}\n  - {id: b, label: x, type: symptom}\n",
        "vocabulary.yaml:3: name 'x' is used by both 'a' and 'b'",
    ),
    "vocab-synonym-clash": (
        VOCAB,
        "concepts:\n  - {id: a, label: x, type: symptom, synonyms: [y]}\n"
        "  - {id: b, label: Y, type: symptom}\n",
        "vocabulary.yaml:3: name",
    ),
    "vocab-duplicate-id": (
        VOCAB,
        "concepts:\n  - {id: a, label: x, type: symptom}\n  - {id: a, label: y, type: symptom}\n",
        "vocabulary.yaml:3: duplicate concept id 'a'",
    ),
    "vocab-not-a-list": (VOCAB, "concepts: {a: 1}\n", "vocabulary.yaml:1: expected"),
    "vocab-item-number": (VOCAB, "concepts:\n  - 5\n", "vocabulary.yaml: expected a mapping"),
    "vocab-label-number": (VOCAB, "concepts:\n  - {id: a, label: 5, type: symptom}\n", ":2: 'la"),
    "vocab-synonyms-number": (
        VOCAB,
        "concepts:\n  - {id: a, label: x, type: symptom, synonyms: 5}\n",
        ":2: 'synonyms' must be a list",
    ),
    "vocab-misspelt-key": (
        VOCAB,
        "concepts:\n  - id: a\n    label: x\n    type: symptom\n    synonym: [y]\n",
        "vocabulary.yaml:5: unknown key 'synonym' (did you mean 'synonyms'?)",
    ),
    "vocab-misspelt-top-key": (
        VOCAB,
        "concepts: []\nconcept: []\n",
        "vocabulary.yaml:2: unknown key 'concept' (did you mean 'concepts'?)",
    ),
    "vocab-unknown-type": (VOCAB, "concepts:\n  - {id: a, label: x, type: fruit}\n", ":2: unk"),
    # source metadata
    "meta-title-list": (META, "file: 100_fixture.txt\ntitle: [1]\nkind: wiki-page\n", ":2: 'ti"),
    "meta-unknown-kind": (META, "file: 100_fixture.txt\ntitle: t\nkind: blog\n", "unknown kind"),
    "meta-missing-file": (META, "file: gone.txt\ntitle: t\nkind: wiki-page\n", "'gone.txt'"),
    "meta-misspelt-key": (
        META,
        "file: 100_fixture.txt\ntitle: t\nkind: wiki-page\nautors: [A B]\n",
        "100_fixture.yaml:4: unknown key 'autors' (did you mean 'authors'?)",
    ),
    "meta-reference-misspelt-key": (
        META,
        "file: 100_fixture.txt\ntitle: t\nkind: wiki-page\nreferences:\n"
        "  - citation: A B. Title. J 2020.\n    pimd: '1'\n",
        "100_fixture.yaml:6: unknown key 'pimd' (did you mean 'pmid'?)",
    ),
    "meta-top-list": (META, "- file\n", "100_fixture.yaml: expected a mapping"),
    "meta-references-number": (
        META,
        "file: 100_fixture.txt\ntitle: t\nkind: wiki-page\nreferences: 5\n",
        "100_fixture.yaml:4: 'references' must be a list",
    ),
    "meta-citation-number": (
        META,
        "file: 100_fixture.txt\ntitle: t\nkind: wiki-page\nreferences:\n  - citation: 5\n",
        "100_fixture.yaml:5: 'citation' must be a str",
    ),
    "meta-reference-number-text": (
        META,
        "file: 100_fixture.txt\ntitle: t\nkind: wiki-page\nreferences:\n"
        "  - {number: one, citation: A B. Title. J 2020.}\n",
        "reference 'number' must be an integer",
    ),
}

# the commands that read the whole data directory (and so must refuse it)
DATA_COMMANDS = (["build"], ["query", "treatments", "-o", "out/query.txt"], ["validate"])


@pytest.mark.parametrize("command", DATA_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("case", sorted(DATA_CASES))
def test_bad_data_directory(work: Path, case: str, command: list[str]) -> None:
    path, content, needle = DATA_CASES[case]
    data = content.encode("utf-8") if isinstance(content, str) else content
    (work / path).write_bytes(data)
    _fails(work, command, 1, needle)


def test_a_huge_valid_source_builds(work: Path) -> None:
    text = (work / TEXT).read_text(encoding="utf-8")
    filler = "Other matters are discussed here at some length.\n" * 60_000  # ~3 MB
    (work / TEXT).write_text(text + filler, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--no-view"])
    assert result.exit_code == 0, result.output
    assert "5 claims" in result.stderr


# --------------------------------------------------------------------------- new documents

XXE = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
    "<ArticleTitle>OMS &xxe;</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
    "</PubmedArticleSet>"
)
LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
BOMB = (
    f'<?xml version="1.0"?><!DOCTYPE x [{LAUGHS}]><PubmedArticleSet><PubmedArticle>'
    "<MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&l9;</ArticleTitle></Article>"
    "</MedlineCitation></PubmedArticle></PubmedArticleSet>"
)

DOCUMENT_CASES = {
    "empty.txt": (b"", "empty.txt: empty source text"),
    "blank.html": (b"<html><body>\n  \n</body></html>", "blank.html"),
    "scripts-only.html": (b"<html><script>alert(1)</script></html>", "scripts-only.html"),
    "binary.txt": (bytes(range(256)) * 4, "binary.txt:2: not UTF-8"),
    "nul.txt": (b"OMS causes opsoclonus\x00\x00", "nul.txt: binary content"),
    "latin1.txt": ("OMS\ncaf\xe9 opsoclonus".encode("latin-1"), "latin1.txt:2: not UTF-8"),
    "utf16.txt": ("OMS causes opsoclonus".encode("utf-16"), "utf16.txt:1: not UTF-8"),
    "utf16.html": ("<p>OMS causes opsoclonus</p>".encode("utf-16"), "utf16.html:1: not UTF-8"),
    "truncated.xml": (b'<?xml version="1.0"?><PubmedArticleSet><PubmedArt', "truncated.xml"),
    "not-pubmed.xml": (b'<?xml version="1.0"?><svg>OMS</svg>', "not-pubmed.xml: no PubmedArticle"),
    "xxe.xml": (XXE.encode(), "xxe.xml: invalid XML: undefined entity"),
    "laughs.xml": (BOMB.encode(), "laughs.xml: invalid XML"),
    "huge-binary.txt": (b"\x89PNG\r\n\x1a\n" + os.urandom(3_000_000), "huge-binary.txt:1: not"),
}


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("name", sorted(DOCUMENT_CASES))
def test_bad_document(work: Path, name: str, command: str) -> None:
    content, needle = DOCUMENT_CASES[name]
    (work / name).write_bytes(content)
    args = [command, name] + (["-o", "out/extract.jsonl"] if command == "extract" else [])
    message = _fails(work, args, 1, needle)
    assert "root:" not in message  # /etc/passwd was never read into anything


def test_one_bad_file_stops_a_batch_before_any_write(work: Path) -> None:
    (work / "good.txt").write_text("OMS\n\nOMS causes opsoclonus.\n", encoding="utf-8")
    (work / "bad.txt").write_bytes(b"\xff")
    _fails(work, ["ingest", "--jobs", "2", "good.txt", "bad.txt"], 1, "bad.txt:1: not UTF-8")


def _bounded(root: Path, *args: str) -> subprocess.CompletedProcess:
    """``omsgraph ARGS`` as a real process with 2 GB of address space and 30 s: a read without
    end fails the test (a MemoryError traceback, or the timeout) instead of the host."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    try:
        return subprocess.run(
            [sys.executable, "-m", "omsgraph", *args],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            preexec_fn=limit,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"omsgraph {' '.join(args)} did not stop within 30 s")


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("kind", ["device", "fifo", "fifo-in-batch"])
def test_only_regular_files_are_read(work: Path, command: str, kind: str) -> None:
    """/dev/zero is never read to its (missing) end; a FIFO is never opened, so never waited
    on; one such file in a batch stops it before any write."""
    if kind == "device":
        files = ["/dev/zero"]
    else:
        os.mkfifo(work / "pipe.txt")
        files = ["pipe.txt"]
        if kind == "fifo-in-batch":
            (work / "good.txt").write_text("OMS\n\nOMS causes opsoclonus.\n", encoding="utf-8")
            files.insert(0, "good.txt")
    before = _snapshot(work)
    done = _bounded(work, command, *files)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.stderr.count("\n") == 1, done.stderr
    assert f"{files[-1]}: not a regular file" in done.stderr, done.stderr
    assert _snapshot(work) == before


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_document_over_the_limit_is_refused_unread(work: Path, command: str) -> None:
    from omsgraph.extract.readers import MAX_DOCUMENT_BYTES

    with open(work / "big.txt", "wb") as handle:  # sparse: no disk space, no time
        handle.write(b"OMS causes opsoclonus. ")
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    args = [command, "big.txt"] + (["-o", "out/extract.jsonl"] if command == "extract" else [])
    _fails(work, args, 1, "big.txt: 50.0 MB is more than a document may be (50 MB)")


@pytest.mark.parametrize(
    "name, content",
    [
        ("huge-line.txt", "a" * 3_000_000),
        ("deep.html", "<div>" * 100_000 + "OMS causes opsoclonus."),
        ("truncated.html", '<html><body><p>OMS causes opsoclonus.</p><p class="x'),
    ],
)
def test_huge_or_truncated_documents_are_read(work: Path, name: str, content: str) -> None:
    (work / name).write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", name])
    assert result.exit_code == 0 and result.exception is None, result.output


# --------------------------------------------------------------------------- Turtle on import

TURTLE_CASES = {
    "truncated": (
        b"@prefix ex: <http://example.org/> .\nex:a ex:b ",
        "bad.ttl: invalid Turtle at line 2: Bad syntax",
    ),
    "bad-iri": (b"<http://example.org/a b> <http://x/p> <http://x/o> .\n", "bad.ttl: invalid IRI"),
    "undeclared-prefix": (b"ex:a ex:b ex:c .\n", "bad.ttl"),
    "binary": (b"\x00\xff\xfe\x89PNG", "bad.ttl"),
    "latin1": ('<http://x/a> <http://x/b> "caf\xe9" .\n'.encode("latin-1"), "bad.ttl"),
    "html": (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "bad.ttl"),
}
TURTLE_COMMANDS = (
    ["query", "treatments", "-o", "out/query.txt"],
    ["validate"],
    ["export", "-o", "out/omsgraph.nt", "--format", "ntriples"],
    ["view", "-o", "out/omsgraph.html"],
)


@pytest.mark.parametrize("command", TURTLE_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("case", sorted(TURTLE_CASES))
def test_malformed_turtle(work: Path, case: str, command: list[str]) -> None:
    content, needle = TURTLE_CASES[case]
    (work / "bad.ttl").write_bytes(content)
    _fails(work, [*command, "--graph", "bad.ttl"], 1, needle)


# --------------------------------------------------------------------------- SPARQL

SPARQL_CASES = {
    "syntax": ("SELECT * WHERE { ?s ?p", "syntax error at line 1, column"),
    "syntax-line-3": ("SELECT *\nWHERE {\n  ?s ?p ?o ] }", "syntax error at line 3"),
    "unknown-prefix": ("SELECT * WHERE { ?s nope:p ?o }", "invalid query"),
    "insert": ("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }", "Update is not allowed"),
    "delete": ("DELETE WHERE { ?s ?p ?o }", "Update is not allowed"),
    "drop": ("DROP ALL", "Update is not allowed"),
    "load": ("LOAD <http://127.0.0.1:9/x.ttl>", "Update is not allowed"),
    "service": ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
    "service-silent": (
        "SELECT * WHERE { ?s ?p ?o SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?x } }",
        "SERVICE is not allowed",
    ),
    "service-in-exists": (
        "ASK { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }",
        "SERVICE is not allowed",
    ),
    "service-in-subquery": (
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }",
        "SERVICE is not allowed",
    ),
    "from": ("SELECT * FROM <http://127.0.0.1:9/g.ttl> WHERE { ?s ?p ?o }", "FROM"),
    "from-named": ("SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }", "FROM"),
    "not-sparql": ("hello world", "is not a named query"),
    "negative-limit": ("SELECT * WHERE { ?s ?p ?o } LIMIT -1", "syntax error at line 1"),
    "blank": ("   ", "is not a named query"),
}


@pytest.mark.parametrize("case", sorted(SPARQL_CASES))
def test_bad_or_abusive_sparql(work: Path, case: str) -> None:
    text, needle = SPARQL_CASES[case]
    _fails(work, ["query", text, "-o", "out/query.txt"], 2, needle)


def test_query_file_not_utf8(work: Path) -> None:
    (work / "q.rq").write_bytes(b"SELECT * WHERE { ?s ?p \xff }")
    _fails(work, ["query", "q.rq", "-o", "out/query.txt"], 2, "q.rq: cannot read query file")


def _omsgraph(root: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "omsgraph", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )


def test_service_never_touches_the_network(work: Path) -> None:
    """A real process: SERVICE pointing at a listening socket is refused unconnected."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.setblocking(False)
        port = listener.getsockname()[1]
        for text in (
            f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
            f"SELECT * FROM <http://127.0.0.1:{port}/g.ttl> WHERE {{ ?s ?p ?o }}",
        ):
            done = _omsgraph(work, "query", text)
            assert done.returncode == 2 and "Traceback" not in done.stderr + done.stdout
            assert done.stderr.count("\n") == 1 and "is not allowed" in done.stderr
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody ever connected


def test_cartesian_product_times_out(work: Path) -> None:
    """A real process: a query that would run for minutes is stopped at --timeout."""
    before = (work / "out/query.txt").read_bytes()
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    done = _omsgraph(work, "query", "--timeout", "1", text, "-o", "out/query.txt", timeout=30)
    assert done.returncode == 2, done.stderr
    assert done.stderr == "Error: query timed out after 1 s (see --timeout)\n"
    assert (work / "out/query.txt").read_bytes() == before
    assert not [
        p for p in (work / "out").iterdir() if p.name.startswith(".") and p.name != MANIFEST
    ]


def test_timeout_leaves_fast_queries_alone(work: Path) -> None:
    result = CliRunner().invoke(
        cli, ["query", "--timeout", "20", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"^\d+$", result.stdout.splitlines()[-1])
    refused = CliRunner().invoke(cli, ["query", "--timeout", "0", "treatments"])
    assert refused.exit_code == 2 and "Invalid value for '--timeout'" in refused.stderr


# --------------------------------------------------------------------------- output paths

UNWRITABLE = {
    "build-proc": (["build", "--out", "/proc/x"], "/proc/x: cannot write"),
    "build-under-a-file": (["build", "--out", "/dev/null/x"], "/dev/null is not a directory"),
    "build-no-view": (["build", "--no-view", "--out", "/proc/x/y"], "/proc/x/y: cannot write"),
    "view": (["view", "-o", "/proc/x.html"], "/proc/x.html: cannot write"),
    "view-entity": (["view", "entity", "opsoclonus", "-o", "/dev/null/e.html"], "/dev/null is"),
    "view-index": (["view", "index", "-o", "/proc/x/index.html"], "/proc/x/"),
    "export-turtle": (["export", "--format", "turtle", "-o", "/proc/x.ttl"], "/proc/x.ttl: c"),
    "export-kgx": (["export", "--format", "kgx", "-o", "/proc/x"], "/proc/x_nodes.tsv: cannot"),
    "export-sssom": (["export", "--format", "sssom", "-o", "/dev/null/m.tsv"], "/dev/null is"),
    "claims": (["claims", "-o", "/proc/x.jsonl"], "/proc/x.jsonl: cannot write"),
    "query": (["query", "treatments", "-o", "/proc/x.txt"], "/proc/x.txt: cannot write"),
    "extract": (["extract", TEXT, "-o", "/dev/null/x"], "/dev/null/x: cannot write"),
    "ingest": (["ingest", "new.txt"], "data/sources is not a directory"),
}


@pytest.mark.parametrize("case", sorted(UNWRITABLE))
def test_unwritable_output_is_one_line(work: Path, case: str) -> None:
    args, needle = UNWRITABLE[case]
    if case == "ingest":  # where ingest writes the new source is a file, not a directory
        (work / "new.txt").write_text("OMS\n\nOMS causes opsoclonus.\n", encoding="utf-8")
        shutil.rmtree(work / "data/sources")
        (work / "data/sources").write_text("not a directory\n", encoding="utf-8")
    _fails(work, args, 1, needle)


# --------------------------------------------------------------------------- a build's outputs

USER_FILES = ("claims.jsonl", "query.txt", "omsgraph.nt", "extract.jsonl")  # see `built`


def _move_source(root: Path, new: str = "101_moved") -> None:
    """Rename the one source of the data directory (its text, record and claims)."""
    for folder in ("sources", "claims"):
        for path in (root / "data" / folder).glob("100_fixture.*"):
            text = path.read_bytes().replace(b"100_fixture.txt", f"{new}.txt".encode())
            (path.parent / f"{new}{path.suffix}").write_bytes(text)
            path.unlink()


def _out(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (root / "out").iterdir() if p.is_file()}


def _leftovers(root: Path) -> list[str]:
    return [p.name for p in root.iterdir() if p.name.startswith(".out.")]


@pytest.mark.parametrize("manifest", [True, False], ids=["manifest", "built-before-manifests"])
def test_a_build_replaces_its_outputs_as_a_whole(work: Path, manifest: bool) -> None:
    """The page of a source that is gone goes with it; every file the build did not write
    stays byte-identical, and the build lists what it wrote."""
    before = _out(work)
    assert "source-100_fixture.html" in before
    if not manifest:
        (work / "out/.omsgraph-build").unlink(missing_ok=True)
    _move_source(work)
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 0, result.output
    after = _out(work)
    assert "source-101_moved.html" in after and "source-100_fixture.html" not in after
    assert all(after[name] == before[name] for name in USER_FILES)
    built = {"omsgraph.ttl", "omsgraph.html", "index.html", "citations.html", "conflicts.html"}
    concepts = ("opsoclonus-myoclonus-syndrome", "opsoclonus", "myoclonus", "rituximab")
    built |= {f"concept-{name}.html" for name in (*concepts, "chemotherapy")}
    assert set(after) == {*USER_FILES, *built, "source-101_moved.html", ".omsgraph-build"}
    listed = (work / "out/.omsgraph-build").read_text(encoding="utf-8").splitlines()[1:]
    assert listed == sorted({*built, "source-101_moved.html"})
    assert not _leftovers(work)
    again = CliRunner().invoke(cli, ["build", "--no-view"])  # the views go: not left stale
    assert again.exit_code == 0, again.output
    assert set(_out(work)) == {*USER_FILES, "omsgraph.ttl", ".omsgraph-build"}


def test_a_build_keeps_a_users_subdirectory(work: Path) -> None:
    (work / "out/notes").mkdir()
    (work / "out/notes/n.txt").write_text("mine\n", encoding="utf-8")
    _move_source(work)
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 0, result.output
    assert (work / "out/notes/n.txt").read_text(encoding="utf-8") == "mine\n"
    assert "source-100_fixture.html" not in _out(work) and "source-101_moved.html" in _out(work)
    assert not _leftovers(work)


def _build_process(root: Path, limit: int | None = None) -> subprocess.Popen:
    import resource

    def fsize() -> None:
        if limit is not None:  # a file past this size cannot be written (EFBIG)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.Popen(
        [sys.executable, "-m", "omsgraph", "build"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=fsize,
        env={
            **os.environ,
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
            "PYTHONDONTWRITEBYTECODE": "1",
        },
    )


def test_a_build_failing_midway_leaves_out_as_it_was(work: Path) -> None:
    """A real process that can write the Turtle (12 kB) but not the pages (700 kB): the new
    Turtle must not end up beside the old pages."""
    before = _snapshot(work / "out")
    _move_source(work)
    process = _build_process(work, limit=100_000)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1 and "Traceback" not in stderr, stderr[-2000:]
    assert stderr.count("\n") == 1 and "cannot write: File too large" in stderr, stderr
    assert _snapshot(work / "out") == before
    assert not _leftovers(work)


def test_a_build_killed_midway_leaves_one_whole_build(work: Path) -> None:
    """SIGKILL as soon as the new build has written something: out/ holds the previous
    build or the new one, never a mix; the next build clears what the killed one left."""
    import signal
    import time

    before = _snapshot(work / "out")
    _move_source(work)
    process = _build_process(work)
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        staged = [p for d in work.glob(".out.build-*") for p in d.iterdir()]
        turtle = (work / "out/omsgraph.ttl").read_bytes()
        if staged or turtle != before["omsgraph.ttl"]:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    process.communicate(timeout=60)
    killed = _snapshot(work / "out")
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 0, result.output
    assert killed in (before, _snapshot(work / "out")), "out/ mixes two builds"
    assert not _leftovers(work)


# --------------------------------------------------------------------------- markup in data

_q = json.dumps  # a JSON string is a YAML double-quoted scalar
SCRIPT = "</script><script>alert('x')</script>"
IMG = '"><img src=x onerror=alert(1)>'


def _payload_data(root: Path, script: str, img: str) -> None:
    """A data directory with markup in every text field: title, label, synonym, quote,
    qualifier, population, author, citation."""
    (root / "data" / "sources").mkdir(parents=True)
    (root / "data" / "claims").mkdir()
    text = (
        f"Dancing eyes {script}\n\nOMS {img} causes opsoclonus {script} in children. "
        f"It is treated with {script}rituximab.\n"
    )
    (root / TEXT).write_text(text, encoding="utf-8")
    (root / META).write_text(
        "file: 100_fixture.txt\n"
        f"title: {_q(script)}\nkind: patient-page\nauthors: [{_q(img)}]\n"
        f"references:\n  - number: 1\n    citation: {_q('Doe A. ' + script + '. J 2020.')}\n",
        encoding="utf-8",
    )
    (root / VOCAB).write_text(
        "concepts:\n"
        "  - {id: opsoclonus-myoclonus-syndrome, label: OMS, type: condition}\n"
        f"  - id: opsoclonus\n    label: {_q('opsoclonus ' + script)}\n    type: symptom\n"
        f"    synonyms: [opsoclonus, {_q(img)}]\n"
        "  - {id: rituximab, label: rituximab, type: drug}\n",
        encoding="utf-8",
    )
    (root / CLAIMS).write_text(
        HEAD + "  - predicate: has_symptom\n    object: opsoclonus\n"
        f"    quote: {_q(img + ' causes opsoclonus ' + script)}\n"
        f"    qualifier: {_q(script)}\n    population: {_q(img)}\n    reference: 1\n"
        "  - predicate: treated_by\n    object: rituximab\n"
        f"    quote: {_q('treated with ' + script + 'rituximab')}\n",
        encoding="utf-8",
    )


def _site(root: Path, script: str, img: str) -> dict[str, str]:
    _payload_data(root, script, img)
    shutil.copytree(ONTOLOGY, root / "ontology")
    os.chdir(root)
    runner = CliRunner()
    try:
        for args in (
            ["build"],
            ["view", "entity", "opsoclonus", "-o", "out/entity.html", "--depth", "2"],
            ["view", "source", "100_fixture.txt", "-o", "out/source.html"],
        ):
            result = runner.invoke(cli, args)
            assert result.exit_code == 0, result.output
    finally:
        os.chdir(Path(__file__).parent)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "out").glob("*.html"))}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    """The same site built with markup payloads and with harmless stand-ins."""
    hostile = _site(tmp_path_factory.mktemp("hostile"), SCRIPT, IMG)
    plain = _site(tmp_path_factory.mktemp("plain"), "SCRIPTPAYLOAD", "IMGPAYLOAD")
    return hostile, plain


@pytest.mark.parametrize(
    "page, carries_data",
    [
        ("index.html", False),
        ("omsgraph.html", True),
        ("entity.html", True),
        ("source.html", True),
        ("citations.html", True),
        ("conflicts.html", False),  # one source: no conflicts to show
    ],
)
def test_markup_in_data_stays_text(
    sites: tuple[dict[str, str], dict[str, str]], page: str, carries_data: bool
) -> None:
    hostile, plain = sites
    assert page in hostile, sorted(hostile)
    html, baseline = hostile[page], plain[page]
    # the page has exactly the <script> elements of the page without payloads
    assert html.lower().count("<script") == baseline.lower().count("<script")
    assert "<img src=x" not in html and "onerror=alert(1)>" not in html
    assert "alert('x')</script>" not in html
    if carries_data:  # the payloads did reach the page (as text)
        assert "SCRIPTPAYLOAD" in baseline and "IMGPAYLOAD" in baseline
