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

import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.sparql.sparql import Query
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from omsgraph.errors import DataError
from omsgraph.graph.namespaces import bind_prefixes

if TYPE_CHECKING:
    from omsgraph.corpus.claims import Corpus
    from omsgraph.corpus.model import Claim, Source
    from omsgraph.graph.mappings import MappingSet

__all__ = [
    "AUTO_CLAIMS",
    "AUTO_DISK_CLAIMS",
    "AUTO_TRIPLES",
    "KINDS",
    "StoreSpec",
    "build_auto",
    "build_streamed",
    "fill",
    "is_empty",
    "open_graph",
    "parse_selector",
    "push",
    "replace",
]

#: selector kind -> what follows the colon
KINDS = {"memory": "", "auto": "", "oxigraph": "PATH", "sparql": "URL"}

#: ``auto`` hands queries to Oxigraph above this many triples (about 4,000 claims; see
#: docs/performance.md for the measurements behind it)
AUTO_TRIPLES = 100_000
#: :func:`build_auto` streams a corpus of more claims than this straight into Oxigraph
AUTO_CLAIMS = 4_000
#: ... and above this many claims into an on-disk Oxigraph store in a temporary directory
#: (deleted when the process ends) rather than in memory: about 25 triples per claim take
#: about 8 KB of RAM each in an in-memory store (8.7 GB at 1 M claims), far less on disk
AUTO_DISK_CLAIMS = int(os.environ.get("OMSGRAPH_DISK_CLAIMS") or 250_000)
#: triples per bulk load when streaming
_CHUNK = 500_000
#: from this many claims on, their triples are made on every core
PARALLEL_CLAIMS = 20_000


@dataclass(frozen=True)
class StoreSpec:
    """A parsed selector: ``kind`` is a key of :data:`KINDS`, ``location`` a path or URL."""

    kind: str
    location: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.location}" if self.location else self.kind


def parse_selector(selector: str) -> StoreSpec:
    """``memory``, ``auto``, ``oxigraph:PATH`` or ``sparql:URL``; a ValueError says what is
    wrong."""
    kind, sep, location = selector.partition(":")
    if kind not in KINDS:
        raise ValueError(
            f"unknown store {selector!r}; use memory, auto, oxigraph:PATH or sparql:URL"
        )
    if kind in ("memory", "auto"):
        if sep:
            raise ValueError(f"the {kind} store takes no location: use --store {kind}")
        return StoreSpec(kind)
    if not location:
        raise ValueError(f"--store {kind}: give the {KINDS[kind]}, e.g. {kind}:{_example(kind)}")
    if kind == "sparql" and urllib.parse.urlsplit(location).scheme not in ("http", "https"):
        raise ValueError(f"--store sparql:URL needs an http(s) URL, not {location!r}")
    return StoreSpec(kind, location)


def _example(kind: str) -> str:
    return "out/oxigraph" if kind == "oxigraph" else "http://localhost:7878/query"


class _ProtocolStore(SPARQLStore):
    """rdflib's SPARQL Protocol client, also taking the prepared queries of ``omsgraph.graph.query``
    (it sends their original text; bindings go in a VALUES clause, as rdflib does)."""

    def query(self, query: Query | str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if isinstance(query, Query):
            query = query._original_args[0]
        return super().query(query, *args, **kwargs)


def _oxigraph_graph(inner: Any) -> Graph:
    """An rdflib Graph over the pyoxigraph store ``inner`` whose SPARQL Oxigraph evaluates."""
    from oxrdflib import OxigraphStore

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
        target = _oxigraph_graph(pyoxigraph.Store())
        replace(target, graph)
        return target
    if spec.kind == "oxigraph":
        import pyoxigraph

        try:
            Path(spec.location).mkdir(parents=True, exist_ok=True)
            inner = pyoxigraph.Store(spec.location)
        except OSError as exc:
            raise DataError(f"cannot open the Oxigraph store: {exc}", spec.location) from None
        graph = _oxigraph_graph(inner)
        graph.store.on_disk = True  # type: ignore[attr-defined]
        if build is not None and is_empty(graph):
            replace(graph, build())
        return graph
    graph = bind_prefixes(
        Graph(store=_ProtocolStore(spec.location, returnFormat="json"), identifier=None)
    )
    if build is not None and is_empty(graph):
        raise DataError(
            "the SPARQL endpoint holds no triples; load the graph first with "
            "`omsgraph push GSP-URL`",
            spec.location,
        )
    return graph


class _NTriplesSink:
    """What :func:`omsgraph.graph.rdf.build_graph` adds to, written as N-Triples and bulk-loaded
    into a pyoxigraph store a chunk at a time: no rdflib graph is ever held in memory."""

    def __init__(self, inner: Any) -> None:
        from rdflib.plugins.serializers.nt import _quoteLiteral

        self._literal, self._inner, self._lines = _quoteLiteral, inner, []
        self._known: dict[Any, str] = {}  # N-Triples of the predicates and common objects
        self.prefixes: dict[str, str] = {}  # what was bound, for a Turtle writer

    def _term(self, term: Any) -> str:
        """``term`` as rdflib's N-Triples writer writes it."""
        return self._literal(term) if isinstance(term, Literal) else term.n3()

    def add(self, triple: tuple) -> None:
        subject, predicate, obj = triple
        known = self._known
        p = known.get(predicate)
        if p is None:
            p = known[predicate] = self._term(predicate)
        o = known.get(obj)
        if o is None:
            o = self._term(obj)
            if len(known) < 100_000 and type(obj) is not Literal:  # IRIs repeat: types, concepts
                known[obj] = o
        self._lines.append(f"{subject.n3()} {p} {o} .\n")
        if len(self._lines) >= _CHUNK and self._inner is not None:
            self.flush()

    def bind(self, prefix: str, namespace: Any, *_args: Any, **_kwargs: Any) -> None:
        """Prefixes do not matter to N-Triples; they are kept for Turtle."""
        self.prefixes[prefix] = str(namespace)

    def flush(self) -> None:
        if self._lines:
            data = "".join(self._lines).encode("utf-8")
            self._lines = []
            self.load(data)

    def load(self, data: bytes) -> None:
        """Bulk-load N-Triples made elsewhere."""
        import pyoxigraph

        self._inner.bulk_load(data, pyoxigraph.RdfFormat.N_TRIPLES)

    def add_claims(self, claims: Sequence[Claim], sources: dict[str, Source]) -> None:
        """The claims' triples, made in forked workers (:mod:`omsgraph.parallel`) when there
        are many, loaded here as they come back."""
        from omsgraph.graph.rdf import add_claim
        from omsgraph.parallel import chunks, fork_map

        if len(claims) < PARALLEL_CLAIMS:
            for claim in claims:
                add_claim(self, claim, sources[claim.source])  # type: ignore[arg-type]
            return
        self.flush()
        bounds = [(part[0], part[-1] + 1) for part in chunks(range(len(claims)), 10_000)]
        for data in fork_map(_claim_ntriples, bounds, (claims, sources)):
            self.load(data)


def _claim_ntriples(bounds: tuple[int, int]) -> bytes:
    """N-Triples of ``claims[start:end]``, in a worker of :func:`omsgraph.parallel.fork_map`."""
    from omsgraph.graph.rdf import add_claim
    from omsgraph.parallel import shared

    claims, sources = shared()
    lines = _NTriplesSink(None)
    for claim in claims[bounds[0] : bounds[1]]:
        add_claim(lines, claim, sources[claim.source])  # type: ignore[arg-type]
    return "".join(lines._lines).encode("utf-8")


def fill(
    graph: Graph,
    corpus: Corpus,
    *,
    reviewed_only: bool = False,
    mappings: MappingSet | None = None,
) -> Graph:
    """Replace what the Oxigraph-backed ``graph`` holds by the graph of ``corpus``, streamed
    as N-Triples (no rdflib graph is ever held in memory); returns ``graph``."""
    from omsgraph.graph.rdf import build_graph

    inner = graph.store._inner  # type: ignore[attr-defined]
    inner.clear()
    sink = _NTriplesSink(inner)
    build_graph(
        corpus,
        reviewed_only=reviewed_only,
        mappings=mappings,
        into=sink,  # type: ignore[arg-type]
        add_claims=sink.add_claims,
    )
    sink.flush()
    inner.flush()
    return graph


def build_auto(
    corpus: Corpus, *, reviewed_only: bool = False, mappings: MappingSet | None = None
) -> Graph:
    """The graph of ``corpus``: built in memory up to :data:`AUTO_CLAIMS` claims; above that
    streamed into an Oxigraph store (same triples, SPARQL evaluated by Oxigraph, literals as
    docs/stores.md says Oxigraph keeps them), in memory up to :data:`AUTO_DISK_CLAIMS` claims
    and in a temporary directory above."""
    from omsgraph.graph.rdf import build_graph

    if len(corpus.claims) <= AUTO_CLAIMS:
        return build_graph(corpus, reviewed_only=reviewed_only, mappings=mappings)
    import pyoxigraph

    if len(corpus.claims) <= AUTO_DISK_CLAIMS:
        inner = pyoxigraph.Store()
    else:
        inner = pyoxigraph.Store(_scratch_directory())
    graph = _oxigraph_graph(inner)
    graph.store.on_disk = len(corpus.claims) > AUTO_DISK_CLAIMS  # type: ignore[attr-defined]
    return fill(graph, corpus, reviewed_only=reviewed_only, mappings=mappings)


def build_streamed(
    corpus: Corpus,
    turtle: Path,
    *,
    reviewed_only: bool = False,
    mappings: MappingSet | None = None,
    keep: Callable[[Graph], Callable[[str, str], bool]] | None = None,
) -> tuple[Graph, int]:
    """Write the graph of ``corpus`` as Turtle to ``turtle`` (atomically) without ever
    holding it whole, and return a smaller graph and the number of triples written.

    The smaller graph, in an in-memory Oxigraph store, holds every triple but the claims' own
    (concepts, sources, references, statements, support and conflict records), plus the
    claims that ``keep(graph)`` accepts by IRI and source file name (none without ``keep``):
    ``omsgraph.web.site_claims`` picks what the HTML site draws. More than
    :data:`AUTO_DISK_CLAIMS` claims kept put it on disk (``graph.store.on_disk``).

    The Turtle holds the other triples in the order they were made, each once, then the
    claims' (made as N-Triples and turned into Turtle under the same prefixes in forked
    workers) in corpus order: the same corpus gives the same bytes. No store's copy is read
    back, so the literals keep their datatypes. (At 1 M claims, about 25 M triples, filling
    an on-disk store and having it write the Turtle took 10 of the 16 minutes of the build;
    docs/performance.md.)"""
    import pyoxigraph

    from omsgraph.corpus.model import Polarity
    from omsgraph.graph.namespaces import PREFIXES
    from omsgraph.graph.rdf import build_graph, claim_iri, statement_of
    from omsgraph.output import write_atomic
    from omsgraph.parallel import chunks, fork_map

    lines = _NTriplesSink(None)  # every triple but the claims': a few per source
    built: list[tuple[Sequence[Claim], dict[str, Source]]] = []

    def add_claims(claims: Sequence[Claim], sources: dict[str, Source]) -> None:
        built.append((claims, sources))  # streamed below, after every other triple
        affirmed = (c for c in claims if c.polarity is Polarity.AFFIRMED)
        statements = {(c.subject, c.predicate, c.object, c.entity_valued): c for c in affirmed}
        for claim in statements.values():
            lines.add(statement_of(claim))

    build_graph(
        corpus,
        reviewed_only=reviewed_only,
        mappings=mappings,
        into=lines,  # type: ignore[arg-type]
        add_claims=add_claims,
    )
    data = "".join(dict.fromkeys(lines._lines)).encode("utf-8")  # in order, once each
    lines._lines = []
    count = data.count(b"\n")

    def smaller(inner: Any) -> tuple[_NTriplesSink, Graph]:
        """``inner`` holding every triple but the claims', and a graph over it."""
        sink = _NTriplesSink(inner)
        sink.load(data)
        return sink, _oxigraph_graph(inner)

    sink, graph = smaller(pyoxigraph.Store())
    [(claims, sources)] = built
    prefixes = {**{p: str(ns) for p, ns in PREFIXES.items()}, **lines.prefixes}
    chooser = keep(graph) if keep else None
    if chooser is not None and len(claims) > AUTO_DISK_CLAIMS:
        kept = sum(1 for c in claims if chooser(str(claim_iri(c)), c.source))
        if kept > AUTO_DISK_CLAIMS:  # e.g. every claim of a few sources: too many for memory
            sink, graph = smaller(pyoxigraph.Store(_scratch_directory()))
            graph.store.on_disk = True  # type: ignore[attr-defined]
    share = (claims, sources, chooser, prefixes)

    def write(handle: Any) -> None:
        nonlocal count
        triples = pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
        pyoxigraph.serialize(triples, handle, pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)
        bounds = [(part[0], part[-1] + 1) for part in chunks(range(len(claims)), 10_000)]
        for text, made, kept in fork_map(_claim_turtle, bounds, share):
            handle.write(text)
            count += made
            if kept:
                sink.load(kept)

    write_atomic(turtle, write)
    graph.store._inner.flush()  # type: ignore[attr-defined]
    return graph, count


def _claim_turtle(bounds: tuple[int, int]) -> tuple[bytes, int, bytes]:
    """For ``claims[start:end]`` in a worker of :func:`build_streamed`: their triples as
    Turtle (without the prefix lines), how many, and as N-Triples those of the claims kept."""
    import pyoxigraph

    from omsgraph.graph.rdf import add_claim, claim_iri
    from omsgraph.parallel import shared

    claims, sources, keep, prefixes = shared()
    lines = _NTriplesSink(None)
    kept: list[str] = []
    for claim in claims[bounds[0] : bounds[1]]:
        start = len(lines._lines)
        add_claim(lines, claim, sources[claim.source], statement=False)  # type: ignore[arg-type]
        if keep is not None and keep(str(claim_iri(claim)), claim.source):
            kept += lines._lines[start:]
    data = "".join(lines._lines).encode("utf-8")
    triples = pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
    text = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)
    start = 0  # the prefix lines head every serialization; the dump wrote them once
    while text.startswith(b"@prefix ", start):
        start = text.index(b"\n", start) + 1
    return text[start:], len(lines._lines), "".join(kept).encode("utf-8")


def _scratch_directory() -> str:
    """A temporary directory that is deleted when the process ends."""
    import atexit
    import shutil
    import tempfile

    path = tempfile.mkdtemp(prefix="omsgraph-store-")
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


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
    query = urllib.parse.urlencode({"graph": graph_iri}) if graph_iri else "default"
    request = urllib.request.Request(
        f"{url}{'&' if '?' in url else '?'}{query}",
        data=graph.serialize(format="nt", encoding="utf-8"),
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
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
