"""Run SPARQL on the graph: query strings, ``.rq`` files and the named queries shipped here."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result

from omsgraph.output import render_table

__all__ = ["NamedQuery", "QueryError", "format_result", "named_queries", "resolve", "run"]

FORMATS = ("table", "csv", "tsv", "json")


class QueryError(Exception):
    """A query that cannot be parsed; the message names the line and column."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str

    @property
    def parameters(self) -> list[str]:
        return re.findall(r"^# Parameter \?(\w+)", self.text, flags=re.M)


def named_queries() -> dict[str, NamedQuery]:
    """The query library shipped in ``omsgraph/queries``, by name."""
    found = {}
    for entry in sorted(resources.files("omsgraph.queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            header = [ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")]
            name = entry.name[:-3]
            found[name] = NamedQuery(name, header[0] if header else "", text)
    return found


def resolve(query: str) -> str:
    """The SPARQL text for a named query, a ``.rq`` file path, or a query string."""
    library = named_queries()
    if query in library:
        return library[query].text
    if query.endswith(".rq") or (len(query) < 256 and "\n" not in query and Path(query).is_file()):
        try:
            return Path(query).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{query}: cannot read query file: {exc}") from None
    if not re.search(
        r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE)\b",
        query,
        flags=re.I,
    ):
        raise QueryError(
            f"{query!r} is not a named query ({', '.join(library)}), a .rq file or SPARQL text"
        )
    return query


def run(graph: Graph, text: str, bindings: dict[str, str] | None = None) -> Result:
    """Parse and evaluate read-only SPARQL; ``bindings`` fix variables to string literals."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text)
    except ParseBaseException as exc:
        if re.search(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b", text, re.I):
            raise QueryError("SPARQL Update is not allowed: the graph is read-only") from None
        found = str(exc).split("  (at char")[0]
        raise QueryError(f"syntax error at line {exc.lineno}, column {exc.col}: {found}") from None
    except Exception as exc:  # rdflib raises bare Exception for unknown prefixes
        raise QueryError(f"invalid query: {exc}") from None
    init = {name: Literal(value) for name, value in (bindings or {}).items()}
    return graph.query(prepared, initBindings=init)


def _turtle_term(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (URIRef, Literal, BNode)):
        return term.n3()
    return str(term)


def _rows(result: Result) -> tuple[list[str], list[list[object]]]:
    names = [str(v) for v in (result.vars or [])]
    return names, [[row[i] for i in range(len(names))] for row in result]


def format_result(result: Result, fmt: str) -> str:
    """Render a result: ``table``, or the W3C SPARQL results ``json``, ``csv`` and ``tsv``."""
    if result.type == "ASK":
        return (
            json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) + "\n"
            if fmt == "json"
            else f"{str(bool(result.askAnswer)).lower()}\n"
        )
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="turtle")
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"
    if fmt == "csv":
        names, rows = _rows(result)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
        return buffer.getvalue()
    if fmt == "tsv":
        names, rows = _rows(result)
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join(_turtle_term(v) for v in row) for row in rows]
        return "\n".join(lines) + "\n"
    return render_table(*_rows(result))
