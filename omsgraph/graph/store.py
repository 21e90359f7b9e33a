"""Where the graph lives, chosen by one selector string; see docs/stores.md.

``memory`` (the default) builds the graph in memory; ``oxigraph:PATH`` keeps it in an on-disk
Oxigraph store (pyoxigraph through oxrdflib), loaded from the data the first time; ``auto``
builds in memory and, above :data:`AUTO_TRIPLES` triples, bulk-loads the graph into an
in-memory Oxigraph store so that SPARQL runs in Oxigraph rather than in rdflib;
``sparql:URL`` queries any SPARQL 1.1 server at its query endpoint ``URL``, which holds what
:func:`push` loaded into it through the SPARQL 1.1 Graph Store Protocol. Every selector gives
an rdflib :class:`~rdflib.Graph`, so the rest of the code never asks which store it has.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from omsgraph.errors import DataError
from omsgraph.graph.namespaces import bind_prefixes
from omsgraph.graph.selector import KINDS, StoreSpec, parse_selector

if TYPE_CHECKING:
    from rdflib.plugins.sparql.sparql import Query

__all__ = [
    "AUTO_TRIPLES",
    "KINDS",
    "StoreSpec",
    "is_empty",
    "open_graph",
    "oxigraph_graph",
    "parse_selector",
    "push",
    "replace",
]

#: ``auto`` hands queries to Oxigraph above this many triples (about 4,000 claims; see
#: docs/performance.md for the measurements behind it)
AUTO_TRIPLES = 100_000


def _protocol_store(endpoint: str) -> Any:
    """rdflib's SPARQL Protocol client, also taking the prepared queries of ``omsgraph.graph.query``
    (it sends their original text; bindings go in a VALUES clause, as rdflib does). Made on
    use: rdflib's SPARQL modules take a tenth of a second to import."""
    from rdflib.plugins.sparql.sparql import Query
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    class ProtocolStore(SPARQLStore):
        def query(  # type: ignore[override]
            self, query: Query | str, *args: Any, **kwargs: Any
        ) -> Any:
            if isinstance(query, Query):
                query = query._original_args[0]
            return super().query(query, *args, **kwargs)

    return ProtocolStore(endpoint, returnFormat="json")


def oxigraph_graph(inner: Any) -> Graph:
    """An rdflib Graph over the pyoxigraph store ``inner`` whose SPARQL Oxigraph evaluates."""
    from oxrdflib import OxigraphStore
    from rdflib.plugins.sparql.sparql import Query

    class NativeStore(OxigraphStore):
        """oxrdflib refuses rdflib's prepared queries, and rdflib then evaluates them itself,
        pattern by pattern through the store; this sends their text to Oxigraph instead."""

        def query(  # type: ignore[override]
            self, query: Query | str, initNs: Any, initBindings: Any, *args: Any, **kw: Any
        ) -> Any:
            if isinstance(query, Query):
                query = query._original_args[0]
            if initBindings:  # as rdflib's SPARQL client: a VALUES clause, same answers
                names = sorted(initBindings)
                query += "\nVALUES ( {} ) {{ ( {} ) }}\n".format(
                    " ".join(f"?{name}" for name in names),
                    " ".join(initBindings[name].n3() for name in names),
                )
            # oxrdflib hands the prefixes to Oxigraph, which takes only strings
            prefixes = {prefix: str(namespace) for prefix, namespace in (initNs or {}).items()}
            return super().query(query, prefixes, {}, *args, **kw)

    return bind_prefixes(Graph(store=NativeStore(store=inner), identifier=DATASET_DEFAULT_GRAPH_ID))


def open_graph(selector: str | StoreSpec, build: Callable[[], Graph] | None = None) -> Graph:
    """The graph behind ``selector``; an empty ``memory`` or ``oxigraph`` store is filled
    from ``build()``. A ``sparql`` store must already hold the graph (see :func:`push`)."""
    spec = parse_selector(selector) if isinstance(selector, str) else selector
    if spec.kind == "memory":
        return build() if build is not None else bind_prefixes(Graph())
    if spec.kind == "auto":
        import pyoxigraph

        graph = build() if build is not None else bind_prefixes(Graph())
        if len(graph) <= AUTO_TRIPLES:
            return graph
        target = oxigraph_graph(pyoxigraph.Store())
        replace(target, graph)
        return target
    if spec.kind == "oxigraph":
        import pyoxigraph

        try:
            Path(spec.location).mkdir(parents=True, exist_ok=True)
            inner = pyoxigraph.Store(spec.location)
        except OSError as exc:
            raise DataError(f"cannot open the Oxigraph store: {exc}", spec.location) from None
        graph = oxigraph_graph(inner)
        graph.store.on_disk = True  # type: ignore[attr-defined]
        if build is not None and is_empty(graph):
            replace(graph, build())
        return graph
    graph = bind_prefixes(Graph(store=_protocol_store(spec.location), identifier=None))
    if build is not None and is_empty(graph):
        raise DataError(
            "the SPARQL endpoint holds no triples; load the graph first with "
            "`omsgraph push GSP-URL`",
            spec.location,
        )
    return graph


def is_empty(graph: Graph) -> bool:
    """Whether the store holds no triple (asked with SPARQL, so it works on every store)."""
    try:
        return not graph.query("ASK { ?s ?p ?o }").askAnswer
    except (urllib.error.URLError, OSError, ValueError) as exc:
        # rdflib's SPARQL client reports a connection failure as a ValueError from it
        cause = exc.__cause__ or exc.__context__ or exc
        endpoint = getattr(graph.store, "query_endpoint", None)
        raise DataError(f"cannot query the SPARQL endpoint: {_reason(cause)}", endpoint) from None


def replace(target: Graph, source: Graph) -> int:
    """Replace the contents of ``target`` (a store-backed graph) with ``source``'s triples."""
    inner = getattr(target.store, "_inner", None)
    if inner is None:
        target.remove((None, None, None))
        target.parse(data=source.serialize(format="nt"), format="nt")
        target.commit()
        return len(source)
    import pyoxigraph  # an Oxigraph store: its own bulk loader, many times faster

    inner.clear()
    origin = getattr(source.store, "_inner", None)
    if origin is not None:  # from Oxigraph to Oxigraph: no rdflib terms on the way
        data = origin.dump(
            format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()
        )
    else:
        data = source.serialize(format="nt", encoding="utf-8")
    inner.bulk_load(data, pyoxigraph.RdfFormat.N_TRIPLES)
    inner.flush()
    return len(source)


def push(graph: Graph, url: str, *, graph_iri: str | None = None, timeout: float = 120) -> int:
    """Load ``graph`` into a SPARQL 1.1 server with the Graph Store Protocol (HTTP PUT of
    N-Triples to ``url?default`` or ``url?graph=IRI``); returns the number of triples sent.
    ``url`` may also be ``oxigraph:PATH``, replacing that local store's contents."""
    if url.startswith("oxigraph:"):
        target = open_graph(url)
        try:
            return replace(target, graph)
        finally:
            target.close()
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"push needs an http(s) Graph Store Protocol URL, not {url!r}")
    from urllib.request import Request, urlopen

    query = urllib.parse.urlencode({"graph": graph_iri}) if graph_iri else "default"
    request = Request(
        f"{url}{'&' if '?' in url else '?'}{query}",
        data=graph.serialize(format="nt", encoding="utf-8"),
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    try:
        with urlopen(request, timeout=timeout) as response:
            response.read()
    except (urllib.error.URLError, OSError) as exc:
        raise DataError(f"push failed: {_reason(exc)}", url) from None
    return len(graph)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return str(exc)
