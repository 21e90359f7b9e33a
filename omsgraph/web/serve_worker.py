"""One query process of ``omsgraph serve``: the store, walled off from the network and bounded.

Run as ``python -m omsgraph.web.serve_worker READ_FD WRITE_FD MAX_RESULTS MEMORY_MIB``. It
loads the N-Triples it is sent into an in-memory pyoxigraph store, then, before it answers
any query:

- **no network**: a seccomp filter (libseccomp through ``pyseccomp``) makes ``socket()``,
  ``socketpair()`` and ``io_uring_setup()`` fail with EACCES for this process and every thread
  it starts, so a ``SERVICE`` that got past the query check still cannot connect anywhere;
  the process talks to the server over two inherited pipes only;
- **memory**: ``RLIMIT_AS`` is set to what the process holds plus ``MEMORY_MIB``; a query
  that allocates past it makes Oxigraph abort, which the server reports as a 503;
- **stack**: queries run on a thread with a 256 MiB stack, far past what the query checks
  let through, so a deep query cannot overflow it.

Each query is evaluated once: SELECT results are streamed (as TSV, one line a solution) into
a writer that stops the evaluation as soon as the row limit is passed, then converted to the
format asked for; CONSTRUCT triples are read one by one up to the limit.
"""

from __future__ import annotations

import errno
import resource
import sys
import threading
from multiprocessing.connection import Connection
from typing import Any

__all__ = ["execute", "wall_off_network"]

_STACK = 256 << 20
_FORMAT_TYPES = {
    "JSON": "application/sparql-results+json",
    "XML": "application/sparql-results+xml",
    "CSV": "text/csv",
    "TSV": "text/tab-separated-values",
    "TURTLE": "text/turtle",
    "N_TRIPLES": "application/n-triples",
}


class _TooMany(Exception):
    """Raised by the result writer past the row limit: it stops the evaluation."""


class _RowWriter:
    """A file-like sink for TSV results that gives up after `limit` solutions."""

    def __init__(self, limit: int) -> None:
        self.limit = limit + 1  # the header line
        self.lines = 0
        self.parts: list[bytes] = []
        self.over = False

    def write(self, data: bytes) -> int:
        self.lines += data.count(b"\n")
        if self.lines > self.limit:
            self.over = True
            raise _TooMany
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _too_large(limit: int) -> tuple[int, str, bytes]:
    return 422, "text/plain", f"result too large: more than {limit} results; add a LIMIT".encode()


def execute(store: Any, text: str, fmt: str, graph_fmt: str, limit: int) -> tuple[int, str, bytes]:
    """Evaluate `text` once; return (HTTP status, content type, body)."""
    import pyoxigraph as ox

    try:
        result = store.query(text)
    except SyntaxError as exc:
        return 400, "text/plain", f"malformed query: {exc}".encode()
    if isinstance(result, ox.QueryBoolean):
        fmt = "JSON" if fmt in ("CSV", "TSV") else fmt
        return 200, _FORMAT_TYPES[fmt], result.serialize(format=getattr(ox.QueryResultsFormat, fmt))
    if isinstance(result, ox.QueryTriples):
        triples = []
        for triple in result:
            triples.append(triple)
            if len(triples) > limit:
                return _too_large(limit)
        body = ox.serialize(triples, format=getattr(ox.RdfFormat, graph_fmt))
        return 200, _FORMAT_TYPES[graph_fmt], body or b""
    sink = _RowWriter(limit)
    try:
        result.serialize(sink, format=ox.QueryResultsFormat.TSV)
    except Exception:
        if not sink.over:
            raise
    if sink.over:
        return _too_large(limit)
    tsv = b"".join(sink.parts)
    if fmt == "TSV":
        return 200, _FORMAT_TYPES[fmt], tsv
    parsed = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    return 200, _FORMAT_TYPES[fmt], parsed.serialize(format=getattr(ox.QueryResultsFormat, fmt))


def wall_off_network() -> bool:
    """Make every later socket() of this process fail; False where seccomp is not available."""
    try:
        import pyseccomp as seccomp

        rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
        try:  # every thread of the process, not only the calling one
            rules.set_attr(seccomp.Attr.CTL_TSYNC, 1)
        except Exception:
            pass
        for call in ("socket", "socketpair", "io_uring_setup"):
            rules.add_rule(seccomp.ERRNO(errno.EACCES), call)
        rules.load()
    except Exception:  # no libseccomp, not Linux, or a kernel without seccomp
        return False
    return True


def _address_space() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def _serve(
    inbox: Connection, outbox: Connection, limit: int, memory_mib: int, walled: bool
) -> None:
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(inbox.recv_bytes(), format=ox.RdfFormat.N_TRIPLES)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort writes no core of the store
    if memory_mib > 0:
        try:
            cap = _address_space() + (memory_mib << 20)
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        except (OSError, ValueError):
            pass
    outbox.send(("ready", walled))
    while True:
        try:
            text, fmt, graph_fmt = inbox.recv()
        except EOFError:
            return
        try:
            reply = execute(store, text, fmt, graph_fmt, limit)
        except MemoryError:
            reply = (503, "text/plain", b"query exceeded the memory limit")
        except RecursionError:
            reply = (400, "text/plain", b"query too deep to evaluate")
        except Exception as exc:  # an evaluation error is the query's, not the server's
            reply = (400, "text/plain", f"query failed: {' '.join(str(exc).split())}".encode())
        outbox.send(reply)


def main(argv: list[str]) -> None:
    """Entry point of the query process (see the module docstring)."""
    inbox = Connection(int(argv[0]), writable=False)
    outbox = Connection(int(argv[1]), readable=False)
    walled = wall_off_network()  # first, so that every thread started later inherits it
    threading.stack_size(_STACK)
    worker = threading.Thread(
        target=_serve, args=(inbox, outbox, int(argv[2]), int(argv[3]), walled), name="query"
    )
    worker.start()
    worker.join()


if __name__ == "__main__":
    main(sys.argv[1:])
