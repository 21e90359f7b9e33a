"""Serialise the graph: Turtle, N-Triples and JSON-LD, deterministic and with our prefixes."""

from __future__ import annotations

from rdflib import Graph

from omsgraph.namespaces import PREFIXES

__all__ = ["FORMATS", "serialize"]

#: our format name -> (rdflib format, file extension)
FORMATS: dict[str, tuple[str, str]] = {
    "turtle": ("turtle", "ttl"),
    "ntriples": ("nt", "nt"),
    "jsonld": ("json-ld", "jsonld"),
}


def serialize(graph: Graph, fmt: str = "turtle") -> str:
    """The graph as text in ``fmt``; the same graph always gives the same bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "ntriples":
        lines = sorted(set(graph.serialize(format="nt").splitlines()) - {""})
        return "\n".join(lines) + "\n"
    if fmt == "jsonld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        ordered = Graph()
        for triple in sorted(graph):
            ordered.add(triple)
        return ordered.serialize(format="json-ld", context=context, indent=2, sort_keys=True)
    return graph.serialize(format="turtle")
