"""Check a built graph against the SHACL shapes of ``ontology/shapes.ttl`` with pySHACL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection

from omsgraph.errors import DataError
from omsgraph.graph.namespaces import bind_prefixes

__all__ = ["Violation", "load_ontology", "validate"]

_SH = "http://www.w3.org/ns/shacl#"
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`]')


@dataclass(frozen=True)
class Violation:
    """One failed constraint, in words: which node, which property, what is wrong."""

    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        return f"{self.severity}: {where}: {self.message}"


def load_ontology(path: Path) -> Graph:
    """Parse a Turtle file of ``ontology/``; a syntax error names the file and line."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise DataError("no such file", path) from None
    except Exception as exc:  # rdflib's parser errors carry the line in their text
        lines = str(exc).splitlines() or [type(exc).__name__]
        where = re.match(r"at line (\d+)", lines[0])
        detail = next((ln for ln in lines[1:] if ln.strip()), lines[0]) if where else lines[0]
        detail = detail.split(" at ^ in:")[0].strip()
        at = f" at line {where.group(1)}" if where else ""
        raise DataError(f"invalid Turtle{at}: {detail}", path) from None
    nodes = set(graph.subjects(unique=True)) | set(graph.predicates(unique=True))
    nodes |= set(graph.objects(unique=True))
    bad = min((n for n in nodes if isinstance(n, URIRef) and _BAD_IRI.search(n)), default=None)
    if bad is not None:  # rdflib reads these but cannot write them back
        raise DataError(f"invalid IRI <{bad}>", path)
    return graph


def validate(
    graph: Graph, shapes: Graph, ontology: Graph | None = None
) -> tuple[bool, list[Violation]]:
    """Validate ``graph`` (with RDFS inference over ``ontology``); return conformance and why."""
    from pyshacl import validate as shacl_validate

    conforms, report, _ = shacl_validate(
        graph,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="rdfs",
        abort_on_first=False,
        allow_warnings=True,
    )
    names = bind_prefixes(Graph()).namespace_manager
    sh = {
        k: URIRef(_SH + k)
        for k in ("result", "focusNode", "resultPath", "resultMessage", "resultSeverity")
    }
    violations = []
    for result in report.objects(None, sh["result"]):

        def one(key: str, result: URIRef = result) -> str:
            value = report.value(result, sh[key])
            if value is None:
                return ""
            if isinstance(value, BNode):  # a sequence path: show it as p1/p2
                steps = list(Collection(report, value))
                return "/".join(s.n3(names) for s in steps) if steps else ""
            return value.n3(names) if isinstance(value, URIRef) else str(value)

        violations.append(
            Violation(
                focus=one("focusNode"),
                path=one("resultPath"),
                message=one("resultMessage"),
                severity=one("resultSeverity").split(":")[-1].replace(_SH, ""),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return bool(conforms), violations
