"""``omsgraph serve`` serves the site ``omsgraph build`` writes: the same pages, byte for byte.

Why so. The pages have one writer, ``omsgraph.web.site.write_site``; serve runs it for each
generation (graph and corpus) into a temporary directory (a tmpfs where there is one: the
writer's fsyncs then cost nothing) and keeps the pages in memory, so what a reader sees under
serve is what build writes, and a reload replaces all of them at once. The pages link each
other by relative names (``source-000.html``, ``concept-acth.html``, ``index.html``); served at
the root (``/NAME.html``) those links work as they do on disk. Only the landing page is
changed: the two things only a server has, the query page and the SPARQL endpoint, are added
to its list of pages (`SERVE_ROWS`). A name is looked up in the site's own pages and nothing
else (no file is opened for a request), so no path reaches outside them.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph

__all__ = ["SERVE_ROWS", "Site", "landing_page", "page_name", "render_site"]

#: the rows serve adds to the landing page's list of pages: (href, name, description)
SERVE_ROWS = (
    ("/query", "Query page", "SPARQL in the browser: the named queries as examples"),
    ("/sparql", "SPARQL endpoint", "SPARQL 1.1 Protocol, read-only (GET or POST)"),
)
#: a page's name as the site writer makes them (``pagekit.source_file``, ``concept_file``)
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.html")
#: where the landing page lists the site's pages, and the class of a row's description:
#: the condition page (with a corpus), then the index of the graph views (without one)
_LISTS = (("<h2>All pages</h2><ul>", "meta"), ('<ul id="views">', "what"))


@dataclass(frozen=True)
class Site:
    """One generation's pages: name -> the bytes build writes; the landing page as served."""

    pages: Mapping[str, bytes]
    landing: bytes
    seconds: float  # how long writing them took (wall)

    @property
    def size(self) -> int:
        """Bytes held (every page once, the landing page's served copy besides)."""
        return sum(map(len, self.pages.values())) + len(self.landing)


def page_name(name: str) -> bool:
    """Whether `name` can be a page of the site at all (one path segment, ``.html``)."""
    return bool(_NAME.fullmatch(name))


def landing_page(index: bytes, rows: tuple[tuple[str, str, str], ...] = SERVE_ROWS) -> bytes:
    """Build's ``index.html`` with `rows` added at the end of its list of pages (markup as the
    list's own rows); without such a list, as a list of its own at the end of the page."""
    text = index.decode("utf-8")
    for marker, css in _LISTS:
        at = text.find(marker)
        end = text.find("</ul>", at) if at >= 0 else -1
        if end >= 0:
            return (text[:end] + _items(rows, css) + text[end:]).encode("utf-8")
    close = text.rfind("</body>")
    close = len(text) if close < 0 else close
    extra = f"<h2>Served here</h2><ul>{_items(rows, 'meta')}</ul>\n"
    return (text[:close] + extra + text[close:]).encode("utf-8")


def _items(rows: tuple[tuple[str, str, str], ...], css: str) -> str:
    e = html.escape
    return "".join(
        f'<li><a href="{e(href)}">{e(name)}</a> <span class="{css}">— {e(what)}</span></li>'
        for href, name, what in rows
    )


def _scratch() -> str | None:
    """A tmpfs for the pages' brief stay on disk where there is one (else the default)."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


def render_site(graph: Graph, title: str, reading: Any = None) -> Site:
    """The pages build writes for `graph` and `reading` (``omsgraph.web.reading.Reading``, or
    None: the graph views and their index only), written by the site writer and read back."""
    from omsgraph.web.site import write_site

    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="omsgraph-site-", dir=_scratch()) as tmp:
        write_site(graph, Path(tmp), title=title, reading=reading)
        pages = {
            path.name: path.read_bytes()
            for path in sorted(Path(tmp).iterdir())
            if path.is_file() and page_name(path.name)
        }
    landing = landing_page(pages.get("index.html", b""))
    return Site(pages, landing, time.monotonic() - began)
