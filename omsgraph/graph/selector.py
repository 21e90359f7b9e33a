"""The ``--store`` selector, parsed apart from the stores: the command line checks it while it
reads its options, and that must not wait for rdflib to load (``omsgraph.graph.store``)."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

__all__ = ["KINDS", "StoreSpec", "parse_selector"]

#: selector kind -> what follows the colon
KINDS = {"memory": "", "auto": "", "oxigraph": "PATH", "sparql": "URL"}


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
