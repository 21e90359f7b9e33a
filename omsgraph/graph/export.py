"""Serialise the graph for other tools: RDF (Turtle, N-Triples, JSON-LD, TriG), KGX and SSSOM.

Every writer takes the graph (and the SSSOM mapping set) and returns ``{suffix: text}``: one
entry with suffix ``""`` for single-file formats, ``_nodes.tsv``, ``_edges.tsv`` and
``_metadata.json`` for KGX (written by :mod:`omsgraph.graph.kgx`).
Writers are dispatched through :data:`FORMATS`, keyed by format name. Outputs are
deterministic: the same graph always gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import yaml
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from omsgraph.graph.mappings import COLUMNS, MappingSet
from omsgraph.graph.namespaces import (
    OA,
    OMS,
    PREFIXES,
    PROV,
    RDF,
    bind_prefixes,
)
from omsgraph.output import tsv_table

if TYPE_CHECKING:
    from omsgraph.graph.kgx import BIOLINK_CATEGORIES, BIOLINK_PREDICATES, kgx_tables

__all__ = [
    "BIOLINK_CATEGORIES",
    "BIOLINK_PREDICATES",
    "FORMATS",
    "NP",
    "RDF_FORMATS",
    "Format",
    "claim_graphs",
    "document_ontology",
    "export",
    "export_paths",
    "kgx_tables",
    "serialize",
    "sssom_text",
    "to_dataset",
]


def __getattr__(name: str) -> Any:
    """The KGX names this module re-exports, imported on first use (a build needs none)."""
    if name in ("BIOLINK_CATEGORIES", "BIOLINK_PREDICATES", "kgx_tables"):
        from omsgraph.graph import kgx

        return getattr(kgx, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: format name -> (rdflib format, file extension) for the RDF formats
RDF_FORMATS: dict[str, tuple[str, str]] = {
    "turtle": ("turtle", "ttl"),
    "ntriples": ("nt", "nt"),
    "jsonld": ("json-ld", "jsonld"),
    "trig": ("trig", "trig"),
}

#: the nanopublication schema: each claim's head graph names its three graphs with it
NP = Namespace("http://www.nanopub.org/nschema#")
#: claim properties that say how the claim was made and curated (its publication info graph)
PUBINFO_PROPERTIES = frozenset({OMS.method, OMS.status, OMS.confidence, PROV.wasGeneratedBy})
#: claim properties that state the claim itself (its nanopublication assertion graph);
#: every other triple about a claim, its evidence and selectors is provenance
ASSERTION_PROPERTIES = frozenset(
    {
        RDF.type,
        RDF.subject,
        RDF.predicate,
        RDF.object,
        OMS.polarity,
        OMS.certainty,
        OMS.population,
        OMS.qualifier,
    }
)


def _ordered(graph: Graph) -> Graph:
    ordered = bind_prefixes(Graph())
    for triple in sorted(graph):
        ordered.add(triple)
    return ordered


def serialize(graph: Graph, fmt: str = "turtle") -> str:
    """The graph as text in the RDF format ``fmt``; the same graph always gives the same bytes."""
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(RDF_FORMATS)}")
    inner = getattr(graph.store, "_inner", None)
    if inner is not None and fmt in ("turtle", "ntriples"):
        return _oxigraph_dump(inner, fmt)
    if fmt == "ntriples":
        lines = sorted(set(graph.serialize(format="nt").splitlines()) - {""})
        return "\n".join(lines) + "\n"
    if fmt == "jsonld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        text = _ordered(graph).serialize(format="json-ld", context=context, sort_keys=True)
        return json.dumps(_canonical(json.loads(text)), indent=2, sort_keys=True) + "\n"
    if fmt == "trig":
        return _trig(to_dataset(graph))
    return graph.serialize(format="turtle")


def _canonical(value: Any, key: str = "") -> Any:
    """JSON-LD with every unordered array sorted, so that the bytes do not depend on the order
    in which rdflib happens to visit the triples (arrays are sets in JSON-LD, ``@list`` aside)."""
    if isinstance(value, dict):
        return {k: _canonical(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value


def _trig(dataset: Dataset) -> str:
    """TriG with the default graph first and the named graphs in IRI order, each written by
    rdflib's Turtle writer (which sorts subjects): rdflib's TriG writer orders the graphs by
    the hash seed, and Oxigraph's would turn ``xsd:nonNegativeInteger`` into ``xsd:integer``."""
    chunks: list[str] = []
    prefixes = {**PREFIXES, "np": NP}
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items()))
    graphs = sorted(
        dataset.graphs(),
        key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID, str(g.identifier)),
    )
    for graph in graphs:
        if not len(graph):
            continue
        copy = bind_prefixes(Graph())
        copy.bind("np", NP)
        for triple in graph:
            copy.add(triple)
        text = copy.serialize(format="turtle")
        lines = text.splitlines()
        prefixes = [line for line in lines if line.startswith("@prefix")]
        body = "\n".join(lines[len(prefixes) :]).strip()  # never indented: literals span lines
        name = "" if graph.identifier == DATASET_DEFAULT_GRAPH_ID else f"<{graph.identifier}> "
        chunks.append(f"{name}{{\n{body}\n}}\n")
    return f"{header}\n" + "\n".join(chunks)


def write_turtle(graph: Graph, path: Path) -> None:
    """``serialize(graph, "turtle")`` written atomically to ``path``; an Oxigraph store
    writes it straight to the file, never holding the text in memory."""
    from omsgraph.output import write_atomic

    inner = getattr(graph.store, "_inner", None)
    if inner is None:
        write_atomic(path, serialize(graph, "turtle"))
    else:
        write_atomic(path, lambda handle: _oxigraph_dump(inner, "turtle", handle))


def _oxigraph_dump(inner: Any, fmt: str, output: BinaryIO | None = None) -> Any:
    """An Oxigraph store's own serializer (to ``output``, else returned as text): 30 times
    faster than rdflib's on a large graph, and as deterministic (it writes in the order of its
    index, which the triples alone decide)."""
    import pyoxigraph

    turtle = fmt == "turtle"
    data = inner.dump(
        output,
        format=pyoxigraph.RdfFormat.TURTLE if turtle else pyoxigraph.RdfFormat.N_TRIPLES,
        from_graph=pyoxigraph.DefaultGraph(),
        **({"prefixes": {p: str(ns) for p, ns in PREFIXES.items()}} if turtle else {}),
    )
    return None if output is not None else data.decode("utf-8")


def claim_graphs(claim: Node) -> tuple[URIRef, URIRef, URIRef, URIRef]:
    """The four graphs of a claim's nanopublication: head, assertion, provenance, pubinfo."""
    return tuple(
        URIRef(f"{claim}#{part}") for part in ("head", "assertion", "provenance", "pubinfo")
    )  # type: ignore[return-value]


def to_dataset(graph: Graph) -> Dataset:
    """Nanopublication style: each claim's statement in its own assertion graph
    (``<claim>#assertion``), its source and evidence in a provenance graph
    (``<claim>#provenance``), how it was made and curated in a publication info graph
    (``<claim>#pubinfo``), and a head graph (``<claim>#head``) in which the claim, an
    ``np:Nanopublication``, names the three; everything else in the default graph. The union
    of all graphs but the heads is ``graph``."""
    dataset = Dataset()
    for prefix, namespace in {**PREFIXES, "np": NP}.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    home: dict[Node, tuple[URIRef, URIRef, URIRef, URIRef]] = {}
    claims = set(graph.subjects(RDF.type, OMS.Claim))
    for claim in claims:
        graphs = claim_graphs(claim)
        home[claim] = graphs
        for evidence in graph.objects(claim, OMS.hasEvidence):
            home[evidence] = graphs
            for selector in graph.objects(evidence, OA.hasSelector):
                home[selector] = graphs
    default = dataset.default_graph
    for s, p, o in sorted(graph):
        if s not in home:
            default.add((s, p, o))
            continue
        _head, assertion, provenance, pubinfo = home[s]
        if s in claims and p in ASSERTION_PROPERTIES:
            target = assertion
        elif s in claims and p in PUBINFO_PROPERTIES:
            target = pubinfo
        else:
            target = provenance
        dataset.graph(target).add((s, p, o))
    for claim in sorted(claims):
        head, assertion, provenance, pubinfo = home[claim]
        named = dataset.graph(head)
        named.add((claim, RDF.type, NP.Nanopublication))
        named.add((claim, NP.hasAssertion, assertion))
        named.add((claim, NP.hasProvenance, provenance))
        named.add((claim, NP.hasPublicationInfo, pubinfo))
    return dataset


def sssom_text(mapping_set: MappingSet) -> str:
    """The mapping set as SSSOM TSV in canonical form: the metadata block, then the rows."""
    metadata = yaml.safe_dump(
        mapping_set.metadata, sort_keys=False, allow_unicode=True, width=10_000
    )
    header = "".join(f"# {line}\n" for line in metadata.splitlines())
    rows = [{k: getattr(m, k) for k in COLUMNS} for m in mapping_set.mappings]
    return header + tsv_table(COLUMNS, rows)


@dataclass(frozen=True)
class Format:
    """One export format: its writer, the suffixes of the files it makes, and whether RDF."""

    write: Callable[[Graph, MappingSet | None], dict[str, str]]
    suffixes: tuple[str, ...]
    rdf: bool = False


def _rdf_writer(fmt: str) -> Callable[[Graph, MappingSet | None], dict[str, str]]:
    return lambda graph, _mappings: {"": serialize(graph, fmt)}


def _kgx(graph: Graph, _mappings: MappingSet | None) -> dict[str, str]:
    from omsgraph.graph.kgx import kgx_metadata, kgx_tables

    nodes, edges = kgx_tables(graph)
    return {"_nodes.tsv": nodes, "_edges.tsv": edges, "_metadata.json": kgx_metadata()}


def _sssom(_graph: Graph, mappings: MappingSet | None) -> dict[str, str]:
    if mappings is None:
        raise ValueError("no mapping set: ontology/mappings.sssom.tsv was not found")
    return {"": sssom_text(mappings)}


#: format name -> writer; ``omsgraph export --format NAME``
FORMATS: dict[str, Format] = {
    **{name: Format(_rdf_writer(name), ("",), rdf=True) for name in RDF_FORMATS},
    "kgx": Format(_kgx, ("_nodes.tsv", "_edges.tsv", "_metadata.json")),
    "sssom": Format(_sssom, ("",)),
}


def export(graph: Graph, fmt: str, mappings: MappingSet | None = None) -> dict[str, str]:
    """Run the writer of ``fmt``: ``{file suffix: text}`` (suffix ``""`` for one-file formats)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return FORMATS[fmt].write(graph, mappings)


def export_paths(output: Path, fmt: str) -> list[Path]:
    """Where ``export`` writes for ``-o OUTPUT``: OUTPUT itself, or OUTPUT_nodes.tsv …"""
    return [
        output if not suffix else output.with_name(output.name + suffix)
        for suffix in FORMATS[fmt].suffixes
    ]


def document_ontology(ontology: Path) -> str:
    """The HTML documentation page of an OWL ontology, made by pyLODE (a test dependency)."""
    import logging

    try:
        from pylode import OntPub
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("pyLODE is not installed: pip install -e '.[test]'") from exc
    logging.getLogger().setLevel(max(logging.getLogger().level, logging.WARNING))
    return OntPub(ontology=str(ontology)).make_html()


if (
    __name__ == "__main__"
):  # python -m omsgraph.graph.export ontology/omsgraph.ttl docs/ontology.html
    import sys

    from omsgraph.output import write_atomic

    source, target = (Path(arg) for arg in sys.argv[1:3])
    write_atomic(target, document_ontology(source))
