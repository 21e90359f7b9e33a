"""The ``omsgraph`` command line: one click group, each command a thin call into the library."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from omsgraph import __version__
from omsgraph.output import render_records

if TYPE_CHECKING:
    from rdflib import Graph

    from omsgraph.claims import Corpus

__all__ = ["main"]

TABLE_FORMATS = ("table", "csv", "tsv", "json")


class BadQuery(click.ClickException):
    """A query that cannot run: one line on stderr, exit code 2 (a usage error)."""

    exit_code = 2


@dataclass
class Context:
    """What every command shares: where the data and ontology live, and what is loaded."""

    data: Path
    ontology: Path
    reviewed_only: bool = False
    _corpus: Corpus | None = field(default=None, repr=False)

    def corpus(self) -> Corpus:
        from omsgraph.claims import load_corpus

        if self._corpus is None:
            self._corpus = _guard(lambda: load_corpus(self.data))
        return self._corpus

    def graph(self, path: Path | None = None) -> Graph:
        """The graph from a Turtle file, or built from ``data/``."""
        from omsgraph.rdf import build_graph
        from omsgraph.validate import load_ontology

        if path is not None:
            return _guard(lambda: load_ontology(path))
        return build_graph(self.corpus(), reviewed_only=self.reviewed_only)


def _guard(action: Callable[[], Any]) -> Any:
    """Run ``action``; a data error becomes a one-line message and exit code 1."""
    from omsgraph.errors import DataError

    try:
        return action()
    except DataError as exc:
        raise click.ClickException(str(exc)) from None


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        from omsgraph.output import write_atomic

        write_atomic(output, text)
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
@click.pass_context
def cli(ctx: click.Context, data: Path, ontology: Path, reviewed_only: bool) -> None:
    """A literature knowledge graph for opsoclonus-myoclonus syndrome.

    \b
    omsgraph build                       # out/omsgraph.ttl and out/omsgraph.html
    omsgraph query treatments            # a named query, a .rq file or SPARQL text
    omsgraph claims --format jsonl       # every claim in the interchange format
    """
    ctx.obj = Context(data=data, ontology=ontology, reviewed_only=reviewed_only)


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

    \b
    Example:
      omsgraph build --out out
    """
    from omsgraph.export import serialize
    from omsgraph.output import write_atomic

    corpus = obj.corpus()
    graph = obj.graph()
    write_atomic(out_dir / "omsgraph.ttl", serialize(graph, "turtle"))
    message = (
        f"{len(corpus.sources)} sources, {len(corpus.vocabulary)} concepts, "
        f"{len(corpus.claims)} claims, {len(graph)} triples -> {out_dir / 'omsgraph.ttl'}"
    )
    if not no_view:
        from omsgraph.views import write_view

        stats = write_view(graph, out_dir / "omsgraph.html")
        message += f", {out_dir / 'omsgraph.html'} ({stats.nodes} nodes, {stats.edges} edges)"
    click.echo(message, err=True)


@cli.command()
@format_option
@click.pass_obj
def sources(obj: Context, fmt: str) -> None:
    """List the sources with their kind, title and number of claims.

    \b
    Example:
      omsgraph sources --format csv
    """
    corpus = obj.corpus()
    counts = Counter(c.source for c in corpus.claims)
    rows = [
        {
            "file": s.file,
            "kind": s.kind,
            "title": s.title,
            "date": s.date,
            "characters": len(s.text),
            "references": len(s.references),
            "claims": counts[s.file],
        }
        for s in corpus.sources
    ]
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
    from omsgraph.claims import interchange_record, write_jsonl

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
@graph_option
@output_option
@click.pass_obj
def query(
    obj: Context,
    query: str | None,
    fmt: str,
    params: tuple[str, ...],
    list_queries: bool,
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
    from omsgraph.query import QueryError, format_result, named_queries, resolve, run

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
        result = run(obj.graph(graph_path), text, bindings)
        rendered = format_result(result, fmt)
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
    from omsgraph.validate import load_ontology
    from omsgraph.validate import validate as run_validation

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
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default="out/omsgraph.html",
    show_default=True,
    help="The HTML file to write.",
)
@graph_option
@click.pass_obj
def view(obj: Context, output: Path, graph_path: Path | None) -> None:
    """Write the interactive HTML view of the whole graph (works offline).

    \b
    Example:
      omsgraph view -o out/omsgraph.html
    """
    from omsgraph.views import write_view

    stats = write_view(obj.graph(graph_path), output)
    click.echo(f"wrote {output} ({stats.nodes} nodes, {stats.edges} edges)", err=True)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("turtle", "ntriples", "jsonld")),
    default="turtle",
    show_default=True,
)
@graph_option
@output_option
@click.pass_obj
def export(obj: Context, fmt: str, graph_path: Path | None, output: Path | None) -> None:
    """Export the graph as Turtle, N-Triples or JSON-LD, to a file or stdout.

    \b
    Example:
      omsgraph export --format jsonld -o out/omsgraph.jsonld
    """
    from omsgraph.export import serialize

    _emit(serialize(obj.graph(graph_path), fmt), output)


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
    "--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True
)
@click.pass_obj
def evaluate(obj: Context, gold: Path, predicted: Path | None, fmt: str) -> None:
    """Score claims against a gold standard: precision, recall, F1, misses, false positives.

    \b
    Example:
      omsgraph evaluate tests/gold/gold_claims.jsonl --format json
    """
    from omsgraph.claims import interchange_record
    from omsgraph.evaluate import evaluate as score
    from omsgraph.evaluate import read_jsonl

    corpus = obj.corpus()
    gold_records = _guard(lambda: read_jsonl(gold))
    if predicted is None:
        records = [interchange_record(c, corpus.vocabulary) for c in corpus.claims]
    else:
        records = _guard(lambda: read_jsonl(predicted))
    report = score(gold_records, records, corpus.vocabulary)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        return
    rows = [{"predicate": p, **s.as_dict()} for p, s in sorted(report.per_predicate.items())]
    rows += [
        {"predicate": "ENTITY (all)", **report.entity.as_dict()},
        {"predicate": "VALUE (all)", **report.value.as_dict()},
    ]
    click.echo(render_records(rows, "table"), nl=False)
    click.echo(
        f"certainty agrees on {report.certainty_agreement:.1%} of {report.matched} matched claims"
    )
    for title, items in (("missed", report.misses), ("false positive", report.false_positives)):
        for item in items:
            click.echo(
                f"{title}: {item['source']} {item['predicate']} {item['object']!r} "
                f"({item['polarity']})"
            )


def main() -> None:
    """Console entry point."""
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
