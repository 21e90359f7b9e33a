"""The streamed build of a large corpus: triples made as N-Triples on every core and either
bulk-loaded into Oxigraph (``--store auto``/``oxigraph:PATH``) or written straight to Turtle
(``--store auto build``), never held as an rdflib graph; see docs/performance.md."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph, Literal

from omsgraph.graph.store import oxigraph_graph

if TYPE_CHECKING:
    from omsgraph.corpus.claims import Corpus
    from omsgraph.corpus.model import Claim, Source
    from omsgraph.graph.mappings import MappingSet

__all__ = ["AUTO_CLAIMS", "AUTO_DISK_CLAIMS", "build_auto", "build_streamed", "fill"]

#: `build_auto` streams a corpus of more claims than this straight into Oxigraph
AUTO_CLAIMS = 4_000
#: ... and above this many claims into an on-disk Oxigraph store in a temporary directory
#: (deleted when the process ends) rather than in memory: about 25 triples per claim take
#: about 8 KB of RAM each in an in-memory store (8.7 GB at 1 M claims), far less on disk
AUTO_DISK_CLAIMS = int(os.environ.get("OMSGRAPH_DISK_CLAIMS") or 250_000)
#: triples per bulk load when streaming
_CHUNK = 500_000
#: from this many claims on, their triples are made on every core
PARALLEL_CLAIMS = 20_000


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
    graph = oxigraph_graph(inner)
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
        return sink, oxigraph_graph(inner)

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
