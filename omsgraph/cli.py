"""The ``omsgraph`` command line: one click group, each command a thin call into the library."""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from omsgraph import __version__
from omsgraph.output import render_records

if TYPE_CHECKING:
    from rdflib import Graph

    from omsgraph.corpus.claims import Corpus
    from omsgraph.graph.mappings import MappingSet

__all__ = ["main"]

TABLE_FORMATS = ("table", "csv", "tsv", "json")
#: the relations a claim may have (omsgraph.corpus.model.PREDICATES)
PREDICATE_NAMES = (
    "has_symptom",
    "has_cause",
    "treated_by",
    "diagnosed_by",
    "has_complication",
    "differential_diagnosis",
    "specialist",
    "has_synonym",
    "epidemiology",
    "prognosis",
    "mechanism",
    "other",
)
#: the evidence levels, strongest first (omsgraph.corpus.model.EVIDENCE_LEVELS)
EVIDENCE_CHOICES = (
    "guideline",
    "systematic-review",
    "trial",
    "review",
    "cohort",
    "case-series",
    "case-report",
    "article",
    "encyclopedia",
    "patient-page",
    "blog",
)


class BadQuery(click.ClickException):
    """A query that cannot run: one line on stderr, exit code 2 (a usage error)."""

    exit_code = 2


@dataclass
class Context:
    """What every command shares: where the data and ontology live, and what is loaded."""

    data: Path
    ontology: Path
    reviewed_only: bool = False
    store: str = "memory"
    data_given: bool = False
    _corpus: Corpus | None = field(default=None, repr=False)

    def corpus(self) -> Corpus:
        from omsgraph.corpus.claims import load_corpus

        if self._corpus is None:
            self._corpus = _guard(lambda: load_corpus(self.data))
        return self._corpus

    def vocabulary_path(self) -> Path:
        """``DATA/vocabulary.yaml``; outside a project (no such file and ``--data`` not given),
        the vocabulary the package ships, so that ``extract`` and ``evaluate`` run anywhere."""
        from omsgraph.corpus.vocabulary import default_vocabulary_path

        path = self.data / "vocabulary.yaml"
        if path.is_file() or self.data_given:
            return path
        return default_vocabulary_path()

    def mappings(self) -> MappingSet | None:
        """The SSSOM mapping set ``ONTOLOGY/mappings.sssom.tsv``, when there is one."""
        from omsgraph.graph.mappings import load_mappings

        path = self.ontology / "mappings.sssom.tsv"
        return _guard(lambda: load_mappings(path)) if path.is_file() else None

    def built(self) -> Graph:
        """The graph built in memory from ``data/``, with the concepts' mappings."""
        from omsgraph.graph.rdf import build_graph

        corpus, mappings = self.corpus(), self.mappings()
        return build_graph(corpus, reviewed_only=self.reviewed_only, mappings=mappings)

    def graph(self, path: Path | None = None) -> Graph:
        """The graph from a Turtle file, or from the ``--store`` (built from ``data/``)."""
        from omsgraph.graph.store import open_graph

        if path is not None:
            from omsgraph.graph.validate import load_ontology

            return _guard(lambda: load_ontology(path))
        if self.store == "auto":  # a large corpus goes straight into Oxigraph
            from omsgraph.graph.streamed import build_auto

            corpus, mappings = self.corpus(), self.mappings()
            return _guard(
                lambda: build_auto(corpus, reviewed_only=self.reviewed_only, mappings=mappings)
            )
        if self.store.startswith("oxigraph:"):  # filled from data/ the first time, streamed
            from omsgraph.graph.store import is_empty
            from omsgraph.graph.streamed import fill

            graph = _guard(lambda: open_graph(self.store))
            if is_empty(graph):
                corpus, mappings = self.corpus(), self.mappings()
                fill(graph, corpus, reviewed_only=self.reviewed_only, mappings=mappings)
            return graph
        return _guard(lambda: open_graph(self.store, build=self.built))


def _triples(graph: Graph) -> str:
    """ "N triples", where counting is cheap: an on-disk Oxigraph store counts by reading all
    of itself (minutes at a million claims)."""
    if getattr(graph.store, "on_disk", False):
        return "triples on disk"
    return f"{len(graph)} triples"


def _guard(action: Callable[[], Any]) -> Any:
    """Run ``action``; a data error becomes a one-line message and exit code 1."""
    from omsgraph.errors import DataError

    try:
        return action()
    except DataError as exc:
        raise click.ClickException(str(exc)) from None


def _store_selector(value: str) -> str:
    from omsgraph.graph.selector import parse_selector

    try:
        return str(parse_selector(value))
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        from omsgraph.output import write_atomic

        _guard(lambda: write_atomic(output, text))
        click.echo(f"wrote {output}", err=True)


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(TABLE_FORMATS),
    default="table",
    show_default=True,
    help="Output format.",
)
graph_option = click.option(
    "--graph",
    "graph_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read this Turtle file instead of building from the data directory.",
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of stdout.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="omsgraph")
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    default="data",
    show_default=True,
    envvar="OMSGRAPH_DATA",
    help="Data directory (sources, vocabulary.yaml, claims).",
)
@click.option(
    "--ontology",
    type=click.Path(file_okay=False, path_type=Path),
    default="ontology",
    show_default=True,
    envvar="OMSGRAPH_ONTOLOGY",
    help="Ontology directory (omsgraph.ttl, shapes.ttl).",
)
@click.option("--reviewed-only", is_flag=True, help="Leave out claims still marked candidate.")
@click.option(
    "--store",
    default="memory",
    show_default=True,
    envvar="OMSGRAPH_STORE",
    callback=lambda _ctx, _param, value: _store_selector(value),
    help="Where the graph lives: memory, auto, oxigraph:PATH or sparql:URL (docs/stores.md).",
)
@click.pass_context
def cli(ctx: click.Context, data: Path, ontology: Path, reviewed_only: bool, store: str) -> None:
    """A literature knowledge graph for opsoclonus-myoclonus syndrome.

    \b
    omsgraph build                       # out/omsgraph.ttl and out/omsgraph.html
    omsgraph query treatments            # a named query, a .rq file or SPARQL text
    omsgraph claims --format jsonl       # every claim in the interchange format
    """
    source = ctx.get_parameter_source("data")
    given = source not in (None, click.core.ParameterSource.DEFAULT)
    ctx.obj = Context(
        data=data, ontology=ontology, reviewed_only=reviewed_only, store=store, data_given=given
    )


@cli.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default="out",
    show_default=True,
    help="Output directory.",
)
@click.option("--no-view", is_flag=True, help="Write only the Turtle, not the HTML view.")
@click.pass_obj
def build(obj: Context, out_dir: Path, no_view: bool) -> None:
    """Build the graph from the data directory; write OUT/omsgraph.ttl and OUT/omsgraph.html.

    The build's files (listed in OUT/.omsgraph-build) are replaced as a whole: the new set
    is written aside, then swapped in, so OUT never mixes two builds, keeps no page of a
    source that is gone, and stays as it was when the build fails or is killed. Other files
    in OUT are left alone (docs/data-formats.md).

    \b
    Example:
      omsgraph build --out out
    """
    from omsgraph.output import replace_directory

    corpus = obj.corpus()
    # what the source pages dim is found by the extractor's scoping (its lexicon takes a
    # while to load): a forked process finds it while this one builds the graph
    left_out = None if no_view else _aside(lambda: _left_out(corpus), True)

    def write(staging: Path) -> str:
        return _write_build(obj, corpus, staging, out_dir, no_view, left_out)

    click.echo(_guard(lambda: replace_directory(out_dir, write, _built_before)), err=True)


#: the files a build wrote into OUT before builds kept a manifest of them (replaced whole)
_BUILD_FILES = re.compile(
    r"(?:omsgraph\.ttl|omsgraph\.html|index\.html|citations\.html|conflicts\.html|source-.+\.html)"
)


def _built_before(name: str) -> bool:
    return bool(_BUILD_FILES.fullmatch(name))


def _write_build(
    obj: Context,
    corpus: Corpus,
    staging: Path,
    out_dir: Path,
    no_view: bool,
    left_out: Callable[[], Any] | None = None,
) -> str:
    """Write the build's files into ``staging`` (to become ``out_dir``); return its report.
    ``left_out`` gives what `_left_out` finds (computed aside); without it, found here."""
    from omsgraph.graph.export import write_turtle

    turtle: Callable[[], None] = _done  # the wait for the Turtle written aside, if it is
    if obj.store == "auto" and len(corpus.claims) > _auto_claims():
        # a large graph is written as it is made; the site draws a smaller one
        from omsgraph.graph.streamed import build_streamed
        from omsgraph.web import site_claims

        graph, triples = _guard(
            lambda: build_streamed(
                corpus,
                staging / "omsgraph.ttl",
                reviewed_only=obj.reviewed_only,
                mappings=obj.mappings(),
                keep=None if no_view else site_claims,
            )
        )
        count = f"{triples} triples"
    else:
        graph = obj.graph()
        # the Turtle is written by a forked process while this one writes the pages
        turtle = _aside(lambda: write_turtle(graph, staging / "omsgraph.ttl"), not no_view)
        count = _triples(graph)
    from omsgraph.graph.conflicts import built_claims

    claims = len(built_claims(corpus, obj.reviewed_only))  # rejected claims are not built
    message = (
        f"{len(corpus.sources)} sources, {len(corpus.vocabulary)} concepts, "
        f"{claims} claims, {count} -> {out_dir / 'omsgraph.ttl'}"
    )
    if not no_view:
        from omsgraph.web import write_site

        # (waited for only when the first source page is written, after the graph views)
        spans = _Later(left_out) if left_out is not None else None
        reading = _reading(corpus, obj.reviewed_only, obj.mappings(), spans)
        try:
            site = write_site(graph, staging, reading=reading)
        finally:
            turtle()
        stats = site["omsgraph.html"]
        message += f", {out_dir / 'omsgraph.html'} ({stats.nodes} nodes, {stats.edges} edges)"
        message += f", {out_dir / 'index.html'} ({len(site) - 1} views)"
    turtle()
    return message


def _auto_claims() -> int:
    from omsgraph.graph.streamed import AUTO_CLAIMS

    return AUTO_CLAIMS


def _done() -> None:
    """Nothing to wait for."""


def _aside(work: Callable[[], Any], fork: bool) -> Callable[[], Any]:
    """Start ``work`` in a forked child (where fork exists and ``fork`` is asked for) and
    return the call that waits for it and returns what ``work`` returned (sent back pickled);
    it raises the child's one-line error as a DataError. Without fork the work runs now, and
    the call returns its result."""
    import pickle

    from omsgraph.errors import DataError

    if not fork or not hasattr(os, "fork"):
        result = work()
        return lambda: result
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, send back what came of it, never return
        code = 1
        try:
            os.close(read_end)
            try:
                answer = pickle.dumps((True, work()), protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            except BaseException as exc:  # noqa: BLE001 - reported to the parent as one line
                said = str(exc) or type(exc).__name__
                answer = pickle.dumps((False, said.splitlines()[0]))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(answer)
        finally:  # also when the parent is gone and the pipe broken
            os._exit(code)
    os.close(write_end)
    done: list[Any] = []

    def wait() -> Any:
        if done:
            return done[0]
        with os.fdopen(read_end, "rb") as pipe:
            answer = pipe.read()
        _, status = os.waitpid(pid, 0)
        try:
            ok, value = pickle.loads(answer)
        except Exception:  # noqa: BLE001 - the child died before it could answer
            ok, value = False, ""
        if status or not ok:
            done.append(None)
            raise DataError(value or "the work done aside failed")
        done.append(value)
        return value

    return wait


class _Later(Mapping):
    """A mapping that ``wait()`` gives, waited for on its first use."""

    def __init__(self, wait: Callable[[], Mapping[str, Any]]) -> None:
        self._wait = wait
        self._found: Mapping[str, Any] | None = None

    def _mapping(self) -> Mapping[str, Any]:
        if self._found is None:
            self._found = self._wait()
        return self._found

    def __getitem__(self, key: str) -> Any:
        return self._mapping()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())


def _left_out(corpus: Corpus) -> dict[str, list[tuple[int, int]]]:
    """Each source's stretches that the extractor leaves out (lines outside its content
    blocks): the source pages dim them."""
    from omsgraph.extract.lexicon import Lexicon
    from omsgraph.extract.scope import blocks

    lexicon = Lexicon(corpus.vocabulary)
    left_out = {}
    for source in corpus.sources:
        spans, at = [], 0
        for block in blocks(source.text, lexicon):
            if block.start > at:
                spans.append((at, block.start))
            at = max(at, block.end)
        if at < len(source.text):
            spans.append((at, len(source.text)))
        left_out[source.file] = spans
    return left_out


def _reading(
    corpus: Corpus,
    reviewed_only: bool,
    mappings: Any = None,
    left_out: Mapping[str, list[tuple[int, int]]] | None = None,
) -> Any:
    """What the site's reading pages show of ``corpus``, with each source's stretches the
    extractor leaves out (`_left_out`, found here unless given), dimmed on the source's page."""
    from omsgraph.web.reading import reading_of

    if left_out is None:
        left_out = _left_out(corpus)
    return reading_of(corpus, reviewed_only, left_out, mappings)


@cli.command()
@format_option
@click.option(
    "--min-evidence",
    type=click.Choice(tuple(EVIDENCE_CHOICES)),
    help="Only sources of at least this evidence level (strongest: guideline).",
)
@click.pass_obj
def sources(obj: Context, fmt: str, min_evidence: str | None) -> None:
    """List the sources with their full record: short citation, link, kind, title, authors,
    year, container, PMID, DOI, URL, publication types, evidence level and number of claims
    (rejected claims not counted). In table, CSV and TSV, lists are joined with "; ".

    \b
    Examples:
      omsgraph sources --format csv
      omsgraph sources --format json --min-evidence review
    """
    from omsgraph.corpus.sources import at_least, source_records
    from omsgraph.graph.citation import cite_source, link_of_source

    corpus = obj.corpus()
    kept = {s.file: s for s in at_least(corpus.sources, min_evidence)}
    rows = [
        {
            "file": r["file"],
            "citation": cite_source(kept[r["file"]]),
            "link": link_of_source(kept[r["file"]]),
            **{k: v for k, v in r.items() if k != "file"},
        }
        for r in source_records(list(kept.values()), corpus.claims)
    ]
    if fmt != "json":
        rows = [{k: "; ".join(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows]
    click.echo(render_records(rows, fmt), nl=False)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("jsonl", *TABLE_FORMATS)),
    default="jsonl",
    show_default=True,
    help="jsonl is the claim interchange format.",
)
@click.option("--source", "source_file", help="Only the claims of this source file.")
@output_option
@click.pass_obj
def claims(obj: Context, fmt: str, source_file: str | None, output: Path | None) -> None:
    """Write every claim, with quote and offsets, in the interchange format (JSON Lines).

    \b
    Example:
      omsgraph claims --format jsonl > claims.jsonl
    """
    from omsgraph.corpus.claims import interchange_record, write_jsonl

    corpus = obj.corpus()
    selected = [c for c in corpus.claims if source_file in (None, c.source)]
    if source_file and not any(s.file == source_file for s in corpus.sources):
        raise click.UsageError(f"no source {source_file!r}; see `omsgraph sources`")
    if fmt == "jsonl":
        text = "".join(line + "\n" for line in write_jsonl(selected, corpus.vocabulary))
    else:
        keys = (
            "source",
            "predicate",
            "object",
            "polarity",
            "certainty",
            "population",
            "start",
            "end",
            "quote",
        )
        rows = [
            {k: interchange_record(c, corpus.vocabulary)[k] for k in keys}
            for c in sorted(selected, key=lambda c: (c.source, c.evidence.start))
        ]
        text = render_records(rows, fmt)
    _emit(text, output)


@cli.command()
@click.argument("query", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(TABLE_FORMATS),
    default="table",
    show_default=True,
    help="json, csv and tsv are the W3C SPARQL result formats.",
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to the string VALUE (for parameterised named queries).",
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@click.option(
    "--timeout",
    type=click.FloatRange(0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds the query may run before it is stopped (exit 2).",
)
@graph_option
@output_option
@click.pass_obj
def query(
    obj: Context,
    query: str | None,
    fmt: str,
    params: tuple[str, ...],
    list_queries: bool,
    timeout: float,
    graph_path: Path | None,
    output: Path | None,
) -> None:
    """Run SPARQL: a named query, a .rq file, or a query string.

    \b
    Examples:
      omsgraph query treatments
      omsgraph query source -p file=003_6e40a66a197a718b.txt --format csv
      omsgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from omsgraph.graph.query import QueryError, evaluate, named_queries, resolve

    if list_queries or query is None:
        if query is None and not list_queries:
            raise click.UsageError("give a query (or --list to see the named ones)")
        for named in named_queries().values():
            extra = f" (parameters: {', '.join(named.parameters)})" if named.parameters else ""
            click.echo(f"{named.name:14} {named.description}{extra}")
        return
    bindings = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise click.UsageError(f"--param {param!r}: expected NAME=VALUE")
        bindings[name.lstrip("?")] = value
    try:
        text = resolve(query)
        rendered = evaluate(obj.graph(graph_path), text, fmt, bindings, timeout=timeout)
    except QueryError as exc:
        raise BadQuery(str(exc)) from None
    _emit(rendered, output)


@cli.command()
@graph_option
@click.pass_obj
def validate(obj: Context, graph_path: Path | None) -> None:
    """Validate the graph against ontology/shapes.ttl (SHACL); exit 1 if it does not conform.

    \b
    Example:
      omsgraph validate
    """
    from omsgraph.graph.validate import load_ontology
    from omsgraph.graph.validate import validate as run_validation

    graph = obj.graph(graph_path)
    shapes = _guard(lambda: load_ontology(obj.ontology / "shapes.ttl"))
    ontology = _guard(lambda: load_ontology(obj.ontology / "omsgraph.ttl"))
    conforms, violations = run_validation(graph, shapes, ontology)
    for violation in violations:
        click.echo(str(violation))
    if not conforms:
        raise click.ClickException(f"does not conform: {len(violations)} violations")
    click.echo(f"conforms: {len(graph)} triples, 0 violations", err=True)


@cli.command()
@click.argument(
    "kind",
    type=click.Choice(("overview", "entity", "source", "citations", "conflicts", "index")),
    default="overview",
)
@click.argument("target", required=False)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write [default: out/omsgraph.html for the overview, "
    "out/KIND.html or out/KIND-TARGET.html otherwise; index: out/index.html and every view].",
)
@click.option(
    "--depth",
    type=click.IntRange(1, 5),
    default=1,
    show_default=True,
    help="Entity view, through the sources: 1 = the concept and the sources that name it; "
    "2 (or more) = also what these sources name under the same relation.",
)
@graph_option
@click.pass_obj
def view(
    obj: Context,
    kind: str,
    target: str | None,
    output: Path | None,
    depth: int,
    graph_path: Path | None,
) -> None:
    """Write an interactive HTML view (works offline): overview (the evidence graph: sources
    and the concepts they claim, a column per relation), entity LABEL, source FILE,
    citations, conflicts, or index (the index page and every view it links).

    \b
    Examples:
      omsgraph view -o out/omsgraph.html
      omsgraph view entity ACTH --depth 2
      omsgraph view source 000_aa4b564b5e99cff4.txt
      omsgraph view index -o out/index.html
    """
    from omsgraph.web import write_site, write_view

    if kind in ("entity", "source") and not target:
        raise click.UsageError(f"`omsgraph view {kind}` needs a {kind} name")
    if kind not in ("entity", "source") and target:
        raise click.UsageError(f"`omsgraph view {kind}` takes no {target!r}")
    graph = obj.graph(graph_path)
    if kind == "index":
        out_dir = output.parent if output is not None else Path("out")
        reading = None
        if graph_path is None:
            reading = _reading(obj.corpus(), obj.reviewed_only, obj.mappings())
        stats = _guard(lambda: write_site(graph, out_dir, reading=reading))
        click.echo(f"wrote {out_dir / 'index.html'} and {len(stats) - 1} views", err=True)
        return
    if output is None:
        slug = "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in target or "")
        name = "omsgraph" if kind == "overview" else f"{kind}-{slug}" if slug else kind
        output = Path("out") / f"{name}.html"
    try:
        stats = _guard(lambda: write_view(graph, output, kind=kind, target=target, depth=depth))
    except LookupError as exc:
        raise click.UsageError(str(exc.args[0])) from None
    capped = " (capped: see the note on the page)" if stats.capped else ""
    click.echo(f"wrote {output} ({stats.nodes} nodes, {stats.edges} edges){capped}", err=True)


EXPORT_FORMATS = ("turtle", "ntriples", "jsonld", "trig", "kgx", "sssom")


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="turtle",
    show_default=True,
    help="trig: one assertion and one provenance graph per claim; kgx: Biolink TSV "
    "(OUTPUT_nodes.tsv, OUTPUT_edges.tsv); sssom: the concepts' mappings.",
)
@graph_option
@output_option
@click.pass_obj
def export(obj: Context, fmt: str, graph_path: Path | None, output: Path | None) -> None:
    """Export the graph as Turtle, N-Triples, JSON-LD, TriG, KGX TSV or the SSSOM mappings.

    \b
    Examples:
      omsgraph export --format jsonld -o out/omsgraph.jsonld
      omsgraph export --format kgx -o out/omsgraph     # out/omsgraph_nodes.tsv, _edges.tsv
    """
    from omsgraph.graph.export import export as run_export
    from omsgraph.graph.export import export_paths

    if fmt == "kgx" and output is None:
        raise click.UsageError("--format kgx writes two files: give -o, e.g. -o out/omsgraph")
    graph = obj.graph(graph_path) if fmt != "sssom" else None
    try:
        files = run_export(graph, fmt, obj.mappings())  # type: ignore[arg-type]
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    if output is None:
        _emit(files[""], None)
        return
    for path, text in zip(export_paths(output, fmt), files.values(), strict=True):
        _emit(text, path)


@cli.command()
@format_option
@click.pass_obj
def stats(obj: Context, fmt: str) -> None:
    """Count sources, concepts, claims per source and per relation, and triples.

    \b
    Example:
      omsgraph stats --format json
    """
    corpus = obj.corpus()
    graph = obj.graph()
    rows: list[dict[str, Any]] = [
        {"what": "sources", "key": "", "count": len(corpus.sources)},
        {"what": "concepts", "key": "", "count": len(corpus.vocabulary)},
        {"what": "claims", "key": "", "count": len(corpus.claims)},
        {"what": "triples", "key": "", "count": len(graph)},
    ]
    for key, label in (
        (lambda c: c.source, "claims by source"),
        (lambda c: c.predicate, "claims by relation"),
        (lambda c: f"{c.polarity.value}/{c.certainty.value}", "claims by polarity"),
        (
            lambda c: corpus.vocabulary.concepts[c.object].type if c.entity_valued else "value",
            "claims by object type",
        ),
    ):
        for name, count in sorted(Counter(map(key, corpus.claims)).items()):
            rows.append({"what": label, "key": name, "count": count})
    click.echo(render_records(rows, fmt), nl=False)


@cli.command()
@click.argument("gold", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "--predicted",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Claims (JSON Lines) to score; default: the claims of the data directory.",
)
@click.option(
    "--sources",
    "sources_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Run the extractor on the gold's source files found in this directory and score it.",
)
@click.option(
    "--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True
)
@click.pass_obj
def evaluate(
    obj: Context, gold: Path, predicted: Path | None, sources_dir: Path | None, fmt: str
) -> None:
    """Score claims against a gold standard: precision, recall, F1, misses, false positives.

    \b
    Examples:
      omsgraph evaluate tests/gold/gold_claims.jsonl --format json
      omsgraph evaluate tests/gold/gold_claims.jsonl --sources data/sources
    """
    from omsgraph.corpus.claims import interchange_record
    from omsgraph.extract.evaluate import evaluate as score
    from omsgraph.extract.evaluate import read_jsonl

    gold_records = _guard(lambda: read_jsonl(gold))
    if sources_dir is not None:
        if predicted is not None:
            raise click.UsageError("give --predicted or --sources, not both")
        from omsgraph.corpus.vocabulary import load_vocabulary
        from omsgraph.curate.ingest import extract_files

        vocabulary = _guard(lambda: load_vocabulary(obj.vocabulary_path()))
        files = [sources_dir / name for name in sorted({g["source"] for g in gold_records})]
        records = _guard(lambda: extract_files(files, vocabulary))
        report = score(gold_records, records, vocabulary)
    else:
        corpus = obj.corpus()
        if predicted is None:
            records = [interchange_record(c, corpus.vocabulary) for c in corpus.claims]
        else:
            records = _guard(lambda: read_jsonl(predicted))
        report = score(gold_records, records, corpus.vocabulary)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        return
    from omsgraph.extract.evaluate import describe

    click.echo(render_records(report.rows(), "table"), nl=False)
    click.echo(
        f"certainty agrees on {report.certainty_agreement:.1%} of {report.matched} matched claims"
    )
    for title, items in (("missed", report.misses), ("false positive", report.false_positives)):
        for item in items:
            click.echo(f"{title}: {describe(item)}")


@cli.command()
@click.argument("url")
@click.option("--graph-iri", help="Load into this named graph instead of the default graph.")
@graph_option
@click.pass_obj
def push(obj: Context, url: str, graph_iri: str | None, graph_path: Path | None) -> None:
    """Load the graph into a SPARQL 1.1 server (Graph Store Protocol PUT), replacing its graph.

    URL is the server's Graph Store Protocol endpoint (Oxigraph: http://HOST:PORT/store,
    Fuseki: http://HOST:PORT/DATASET/data); `oxigraph:PATH` refreshes a local Oxigraph store.

    \b
    Examples:
      omsgraph push http://localhost:7878/store
      omsgraph --store sparql:http://localhost:7878/query query symptoms
    """
    from omsgraph.graph.store import push as run_push

    graph = obj.graph(graph_path) if graph_path is not None else obj.built()
    try:
        count = _guard(lambda: run_push(graph, url, graph_iri=graph_iri))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"pushed {count} triples to {url}", err=True)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--min-evidence",
    type=click.Choice(EVIDENCE_CHOICES),
    help="Only claims of sources of at least this evidence level (strongest: guideline).",
)
@click.pass_obj
def conflicts(obj: Context, fmt: str, min_evidence: str | None) -> None:
    """Print where the sources disagree: each conflict with the quotes of its claims.

    Contradictions (opposite polarity, incompatible values) come first, then tensions
    (population differences, figures on different bases).

    \b
    Examples:
      omsgraph conflicts
      omsgraph conflicts --format json
      omsgraph conflicts --min-evidence review   # among reviews and stronger sources only
    """
    from omsgraph.corpus.sources import corpus_at_least
    from omsgraph.graph.conflicts import corpus_conflicts
    from omsgraph.graph.evidence import conflict_records, render_conflicts, source_names

    corpus = corpus_at_least(obj.corpus(), min_evidence)
    found = _guard(lambda: corpus_conflicts(corpus, reviewed_only=obj.reviewed_only))
    names = source_names(corpus.sources)
    if fmt == "json":
        click.echo(json.dumps(conflict_records(found, names), indent=2, ensure_ascii=False))
    else:
        click.echo(render_conflicts(found, names), nl=False)


@cli.command()
@click.argument("name")
@format_option
@click.pass_obj
def evidence(obj: Context, name: str, fmt: str) -> None:
    """Print every claim about NAME (a concept label or synonym, or words of a value).

    One row per claim: source, relation, object, polarity, certainty, population, quote and
    the reference the source cites for it.

    \b
    Examples:
      omsgraph evidence rituximab
      omsgraph evidence "IVIg" --format json
    """
    from omsgraph.graph.evidence import evidence as find_evidence

    corpus = obj.corpus()
    records = _guard(lambda: find_evidence(corpus, name, reviewed_only=obj.reviewed_only))
    click.echo(render_records(records, fmt), nl=False)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1),
    default=10.0,
    show_default=True,
    help="Seconds from a request's arrival until its query is stopped (HTTP 503).",
)
@click.option(
    "--max-results",
    type=click.IntRange(1),
    default=10_000,
    show_default=True,
    help="Most solutions or triples one query may return (more: HTTP 422).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=3,
    show_default=True,
    help="Query processes (each holds a copy of the graph); one client gets at most N-1.",
)
@click.option(
    "--queue",
    type=click.IntRange(1),
    default=64,
    show_default=True,
    help="Queries that may wait for a query process (more: HTTP 503 at once).",
)
@click.option(
    "--memory",
    "memory_mib",
    type=click.IntRange(0),
    default=1024,
    show_default=True,
    help="MiB one query may allocate in its process (more: HTTP 503; 0: no limit).",
)
@click.option(
    "--max-connections",
    type=click.IntRange(1),
    default=128,
    show_default=True,
    help="Open connections at once (more: HTTP 503 at once).",
)
@click.option(
    "--read-timeout",
    type=click.FloatRange(0.1),
    default=10.0,
    show_default=True,
    help="Seconds a client has to send a whole request.",
)
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests whose Host is NAME (e.g. behind a reverse proxy); repeatable.",
)
@click.option(
    "--cors",
    metavar="ORIGIN",
    default=None,
    help="Let web pages from ORIGIN (e.g. a YASGUI page) query /sparql; off by default.",
)
@click.option(
    "--no-reload",
    is_flag=True,
    help="Keep serving the graph as loaded; by default changed data files are rebuilt.",
)
@graph_option
@click.pass_obj
def serve(
    obj: Context,
    host: str,
    port: int,
    timeout: float,
    max_results: int,
    workers: int,
    queue: int,
    memory_mib: int,
    max_connections: int,
    read_timeout: float,
    allowed_hosts: tuple[str, ...],
    cors: str | None,
    no_reload: bool,
    graph_path: Path | None,
) -> None:
    """Serve the pages build writes and a read-only SPARQL 1.1 endpoint until Ctrl-C.

    / is the condition page (as in build, with the query page /query and the endpoint
    /sparql added), /NAME.html every other page build writes, /view/... the graph views.
    SPARQL Update and SERVICE are refused (403) and the query processes cannot open a network
    connection; requests for another Host are refused (421). Results by Accept header: SPARQL
    JSON, XML, CSV, TSV; CONSTRUCT/DESCRIBE as Turtle. An edit of the data (or of the --graph
    file) is picked up within a second or so; if it does not load, the last good graph stays
    and GET /status shows the error. See docs/serving.md for the limits and for sharing a
    graph beyond this machine.

    \b
    Example:
      omsgraph serve --port 8000 --timeout 5 --workers 4
    """
    from omsgraph.web.serve import serve as run_server

    graph, reading = _serve_load(obj, graph_path)
    watch = None if no_reload else _serve_watch(obj, graph_path)

    def ready(url: str) -> None:
        click.echo(f"serving {url}/ (the site) and {url}/sparql (SPARQL); Ctrl-C stops", err=True)
        if watch is None and not no_reload:
            click.echo(f"note: --store {obj.store} is not rebuilt when data changes", err=True)

    try:
        run_server(
            graph,
            host,
            port,
            timeout,
            max_results,
            ready=ready,
            workers=workers,
            queue=queue,
            memory_mib=memory_mib,
            max_connections=max_connections,
            read_timeout=read_timeout,
            allowed_hosts=allowed_hosts,
            cors=cors,
            watch=watch,
            reading=reading,
        )
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from None


def _serve_watch(obj: Context, graph_path: Path | None) -> Any:
    """What ``serve`` watches and how it rebuilds: the ``--graph`` file, read again; or
    data/ and the mapping table, built the way ``build`` builds (a fresh corpus each time).
    None for a persistent store (oxigraph:, sparql:), which is filled once, not rebuilt."""
    from dataclasses import replace

    from omsgraph.web.serve_reload import Loaded, Watch, files_stamp

    if graph_path is not None:
        paths = [graph_path]
    elif obj.store in ("memory", "auto"):
        paths = [obj.data, obj.ontology / "mappings.sssom.tsv"]
    else:
        return None

    def load() -> Loaded:
        return Loaded(*_serve_load(replace(obj, _corpus=None), graph_path))

    return Watch(stamp=lambda: files_stamp(paths), load=load)


def _serve_load(obj: Context, graph_path: Path | None) -> tuple[Graph, Any]:
    """The graph ``serve`` serves and, built from data/, the corpus its reading pages show
    (read as ``build`` reads it); a ``--graph`` file has no corpus (None): views only."""
    graph = obj.graph(graph_path)
    if graph_path is not None or not obj.data.is_dir():  # (a store filled elsewhere)
        return graph, None
    corpus, mappings = obj.corpus(), obj.mappings()
    return graph, _guard(lambda: _reading(corpus, obj.reviewed_only, mappings))


@cli.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("jsonl", "table", "csv", "tsv", "json")),
    default="jsonl",
    show_default=True,
    help="Output format; jsonl is the claim interchange format.",
)
@output_option
@click.pass_obj
def extract(obj: Context, files: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Find candidate claims in documents, without writing to data/: text, HTML, PubMed XML,
    MEDLINE .nbib, PMC JATS, BioC XML/JSON (PubTator3), RIS, BibTeX or CSL JSON.

    \b
    Example:
      omsgraph extract data/sources/000_aa4b564b5e99cff4.txt --format jsonl
    """
    from omsgraph.corpus.vocabulary import load_vocabulary
    from omsgraph.curate.ingest import extract_files

    vocabulary = _guard(lambda: load_vocabulary(obj.vocabulary_path()))
    records = _guard(lambda: extract_files(files, vocabulary))
    if fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    else:
        keys = ("source", "predicate", "object", "polarity", "certainty", "confidence", "quote")
        text = render_records([{k: r.get(k) for k in keys} for r in records], fmt)
    _emit(text, output)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Read and extract the files in this many processes (the output is the same).",
)
@click.pass_obj
def ingest(obj: Context, files: tuple[Path, ...], jobs: int) -> None:
    """Add documents as sources with candidate claims to review: text, HTML, PubMed XML,
    MEDLINE .nbib, PMC JATS, BioC XML/JSON (PubTator3), RIS, BibTeX or CSL JSON (the
    format is told from name and content; docs/data-formats.md).

    Writes data/sources/NNN_<hash>.txt and .yaml and data/claims/NNN_<hash>.yaml (status:
    candidate), numbered in the order the files are given. Running it again adds only new
    claims and keeps every curator decision: a candidate rejected or corrected in review
    never comes back. One unreadable file stops it before any write.
    A directory stands for the files in it (not its subdirectories nor hidden files), in
    name order. Only regular files of at most 50 MB are read: a device, FIFO, socket or
    larger file is refused before anything is opened or written.

    \b
    Examples:
      omsgraph ingest article.xml
      omsgraph ingest --jobs 2 downloads/*.html
      omsgraph ingest --jobs 2 pubmed-export/
    """
    from omsgraph.curate.ingest import ingest_files

    paths: list[Path] = []
    for path in files:
        if not path.is_dir():
            paths.append(path)
            continue
        found = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        if not found:
            raise click.UsageError(f"{path}: the directory holds no files to ingest")
        paths.extend(found)
    for result in _guard(lambda: ingest_files(paths, obj.data, jobs=jobs)):
        state = "new source" if result.new_source else "known source"
        click.echo(
            f"{result.source} ({state}): {result.added} new candidate claims, "
            f"{result.kept} kept, {result.proposed} proposed concepts"
        )


@cli.group()
def review() -> None:
    """Review candidate claims: list, accept, reject, edit (each decision written at once to
    the claims file with time and reviewer; docs/curation-workflow.md).

    \b
    omsgraph review list                       # the candidates, with their ids
    omsgraph review accept 3f2a9c01 77b0d2e4   # status: reviewed
    omsgraph review reject 3f2a9c01 --note "not about OMS"
    omsgraph review edit 77b0d2e4 --object ofatumumab --certainty hedged
    """


reviewer_option = click.option(
    "--reviewer",
    envvar="OMSGRAPH_REVIEWER",
    help="Who decides (recorded with each decision; default: $OMSGRAPH_REVIEWER or login).",
)


@review.command("list")
@click.option(
    "--status",
    type=click.Choice(("candidate", "reviewed", "rejected", "all")),
    default="candidate",
    show_default=True,
)
@click.option("--source", "source_file", help="Only the claims of this source file.")
@format_option
@click.pass_obj
def review_list(obj: Context, status: str, source_file: str | None, fmt: str) -> None:
    """List claims to review: id, source, relation, object, qualifiers and quote.

    \b
    Example:
      omsgraph review list --source 005_1a2b3c4d5e6f7a8b.txt --format json
    """
    from omsgraph.curate.review import review_items

    wanted = None if status == "all" else status
    items = _guard(lambda: review_items(obj.data, wanted, source_file))
    click.echo(render_records([item.row() for item in items], fmt), nl=False)


def _decide(obj: Context, ids: tuple[str, ...], decision: str, **options: Any) -> None:
    from omsgraph.curate.review import decide

    new = _guard(lambda: decide(obj.data, ids, decision, **options))
    for old, now in zip(ids, new, strict=True):
        click.echo(
            f"{decision}: {old} -> {now}" if not now.startswith(old) else f"{decision}: {now}"
        )


@review.command("accept")
@click.argument("ids", nargs=-1, required=True)
@reviewer_option
@click.option("--note", help="A note kept with the decision.")
@click.pass_obj
def review_accept(obj: Context, ids: tuple[str, ...], reviewer: str | None, note: str | None):
    """Accept claims (status: reviewed). IDS: claim ids from `review list` (4+ digits).

    \b
    Example:
      omsgraph review accept 3f2a9c01 77b0d2e4 --reviewer "A. Curator"
    """
    _decide(obj, ids, "accept", reviewer=reviewer, note=note)


@review.command("reject")
@click.argument("ids", nargs=-1, required=True)
@reviewer_option
@click.option("--note", help="Why (kept with the decision).")
@click.pass_obj
def review_reject(obj: Context, ids: tuple[str, ...], reviewer: str | None, note: str | None):
    """Reject claims (status: rejected; never built, never counted, never re-ingested).

    \b
    Example:
      omsgraph review reject 3f2a9c01 --note "the sentence is about migraine"
    """
    _decide(obj, ids, "reject", reviewer=reviewer, note=note)


@review.command("edit")
@click.argument("claim_id")
@click.option("--predicate", type=click.Choice(tuple(PREDICATE_NAMES)))
@click.option("--object", "object_", help="A concept id, label or synonym; or a value.")
@click.option("--polarity", type=click.Choice(("affirmed", "negated")))
@click.option("--certainty", type=click.Choice(("asserted", "hedged")))
@click.option("--population", help="children, adults, all or a more specific phrase.")
@click.option("--qualifier", help="Frequency, dose, duration or condition.")
@reviewer_option
@click.option("--note", help="A note kept with the decision.")
@click.pass_obj
def review_edit(obj: Context, claim_id: str, object_: str | None, **fields: Any) -> None:
    """Correct a claim and accept it; the candidate as it was is remembered (a tombstone),
    so ingest never brings it back.

    \b
    Example:
      omsgraph review edit 77b0d2e4 --object ofatumumab --certainty hedged
    """
    reviewer, note = fields.pop("reviewer"), fields.pop("note")
    changes = {**fields, "object": object_}
    _decide(obj, (claim_id,), "edit", reviewer=reviewer, note=note, changes=changes)


@review.command("proposals")
@format_option
@click.pass_obj
def review_proposals(obj: Context, fmt: str) -> None:
    """List the proposed concepts (names the vocabulary lacks, found by ingest).

    \b
    Example:
      omsgraph review proposals --format json
    """
    from omsgraph.curate.concepts import proposals

    keys = ("file", "name", "type", "predicate", "status", "quote")
    rows = [{k: p.get(k) for k in keys} for p in _guard(lambda: proposals(obj.data))]
    click.echo(render_records(rows, fmt), nl=False)


@review.command("concept")
@click.argument("name")
@click.option("--accept/--reject", required=True, help="Accept into the vocabulary, or reject.")
@click.option("--id", "concept_id", help="The concept id (a slug; default: from the name).")
@click.option("--type", "concept_type", help="The vocabulary type (default: the proposed one).")
@click.option("--ontology-id", help="Its ID in an ontology, e.g. HP:0001251 (a mapping).")
@reviewer_option
@click.pass_obj
def review_concept(
    obj: Context,
    name: str,
    accept: bool,
    concept_id: str | None,
    concept_type: str | None,
    ontology_id: str | None,
    reviewer: str | None,
) -> None:
    """Accept a proposed concept into data/vocabulary.yaml (its sentence becomes a candidate
    claim; --ontology-id adds a mapping to ONTOLOGY/mappings.sssom.tsv), or reject it.

    \b
    Examples:
      omsgraph review concept ofatumumab --accept --ontology-id MESH:C527517
      omsgraph review concept "the team" --reject
    """
    from omsgraph.curate.concepts import decide_concept

    done = _guard(
        lambda: decide_concept(
            obj.data, obj.ontology, name, accept, concept_id, ontology_id, concept_type, reviewer
        )
    )
    click.echo(f"{'accepted' if accept else 'rejected'}: {done}")


@review.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@reviewer_option
@click.pass_obj
def review_serve(obj: Context, port: int, reviewer: str | None) -> None:
    """Serve the review page on 127.0.0.1 until Ctrl-C: candidates by source, the quote
    highlighted in its text, accept, reject and edit (a CSRF token guards every form).

    \b
    Example:
      omsgraph review serve --port 8001 --reviewer "Ann Curator"
    """
    from omsgraph.curate import review as backend
    from omsgraph.web.review import make_review_server

    try:
        server = _guard(
            lambda: make_review_server(
                obj.data, reviewer or backend.default_reviewer(), backend, port=port
            )
        )
    except OSError as exc:
        raise click.ClickException(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}") from None
    click.echo(f"reviewing on http://127.0.0.1:{server.server_port}/; Ctrl-C stops", err=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option(
    "--condition",
    default="opsoclonus-myoclonus syndrome",
    show_default=True,
    help="The condition the project is about (the subject of its claims).",
)
@click.option("--synonym", "synonyms", multiple=True, help="A synonym of it (repeatable).")
@click.option("--mondo", help="Its MONDO ID, e.g. MONDO:0019100 (written as a mapping).")
@click.option(
    "--examples/--no-examples",
    default=None,
    help="Copy the five example sources and their claims (default: for OMS only).",
)
def init(
    directory: Path,
    condition: str,
    synonyms: tuple[str, ...],
    mondo: str | None,
    examples: bool | None,
) -> None:
    """Make a new project in DIRECTORY: data/ (sources, vocabulary, claims), the ontology
    and shapes, and an example query. Then run omsgraph inside it.

    \b
    Examples:
      omsgraph init oms-project
      omsgraph init nmosd --condition "neuromyelitis optica spectrum disorder" \\
          --synonym NMOSD --synonym "Devic disease" --mondo MONDO:0019100
    """
    from omsgraph.curate.project import init_project

    written = _guard(lambda: init_project(directory, condition, synonyms, mondo, examples))
    click.echo(
        f"wrote {len(written)} files into {directory}; next: cd {directory} && omsgraph build",
        err=True,
    )


def main() -> None:
    """Console entry point."""
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
