"""Run SPARQL on the graph: query strings, ``.rq`` files and the named queries shipped here."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result

from omsgraph.output import render_table

__all__ = [
    "NamedQuery",
    "QueryError",
    "evaluate",
    "format_result",
    "named_queries",
    "resolve",
    "run",
]

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
    for entry in sorted(resources.files("omsgraph.graph.queries").iterdir(), key=lambda e: e.name):
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


def _remote(node: Any) -> str | None:
    """What in a parsed query would make rdflib fetch from the network, or None."""
    if isinstance(node, dict):
        if getattr(node, "name", None) == "ServiceGraphPattern":
            return "SERVICE"
        if dict.get(node, "datasetClause"):
            return "FROM / FROM NAMED"
        return next(filter(None, map(_remote, node.values())), None)
    if isinstance(node, (list, tuple)):
        return next(filter(None, map(_remote, node)), None)
    return None


def _prepare(text: str) -> Any:
    """The parsed query; a syntax error, an update or a network access is a QueryError."""
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
        message = " ".join(str(exc).split())
        raise QueryError(f"invalid query: {message}") from None
    remote = _remote(prepared.algebra)
    if remote:
        raise QueryError(f"{remote} is not allowed: queries run on the local graph only")
    return prepared


def run(graph: Graph, text: str, bindings: dict[str, str] | None = None) -> Result:
    """Parse and evaluate read-only SPARQL; ``bindings`` fix variables to string literals.

    Update, ``SERVICE`` and ``FROM`` (which would make rdflib fetch URLs) are refused."""
    init = {name: Literal(value) for name, value in (bindings or {}).items()}
    return graph.query(_prepare(text), initBindings=init)


def _evaluate_into(graph: Graph, prepared: Any, init: dict, fmt: str, send: Any) -> None:
    """The worker: evaluate and render, and send back (ok, text) or (False, error)."""
    try:
        reply = (True, format_result(graph.query(prepared, initBindings=init), fmt))
    except Exception as exc:  # any failure of evaluation is reported, one line
        reply = (False, f"query failed: {' '.join(str(exc).split()) or type(exc).__name__}")
    send.send(reply)
    send.close()


def evaluate(
    graph: Graph,
    text: str,
    fmt: str = "table",
    bindings: dict[str, str] | None = None,
    timeout: float | None = None,
) -> str:
    """Run read-only SPARQL (see :func:`run`) and render it as ``fmt``, within ``timeout`` s.

    rdflib cannot be interrupted inside a thread, so with a timeout the query is evaluated in
    a forked child process (which shares the graph copy-on-write) and killed when it does not
    answer in time. Parsing and the refusals happen first, in this process. An on-disk
    Oxigraph store is queried here, without the timeout: its database runs threads of its own,
    and a child forked while one of them holds a lock can wait for it forever."""
    prepared = _prepare(text)
    init = {name: Literal(value) for name, value in (bindings or {}).items()}
    on_disk = getattr(graph.store, "on_disk", False)
    if timeout is None or not hasattr(os, "fork") or on_disk:
        try:
            return format_result(graph.query(prepared, initBindings=init), fmt)
        except Exception as exc:
            raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(
        target=_evaluate_into, args=(graph, prepared, init, fmt, send), daemon=True
    )
    worker.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise QueryError(f"query timed out after {timeout:g} s (see --timeout)")
        ok, reply = receive.recv()
    except EOFError:
        raise QueryError("query failed: the query process ended without an answer") from None
    finally:
        receive.close()
        worker.join(0.5)
        if worker.is_alive():
            worker.kill()
            worker.join()
    if not ok:
        raise QueryError(reply)
    return reply


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
