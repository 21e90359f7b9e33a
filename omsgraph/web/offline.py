"""The offline guarantee of every page: no URL that would make a browser fetch anything from
another host (scripts, styles, images, frames, CSS ``url()`` and ``@import``)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["check_offline"]

_URL_ATTRS = frozenset(
    "src href action formaction srcset poster data background xlink:href manifest ping".split()
)
_CSS_EXTERNAL = re.compile(r"url\(\s*[\"']?\s*(?!data:)[^)\s\"']|@import", re.IGNORECASE)


class _ExternalFinder(HTMLParser):
    """Collect what in a page would make the browser fetch something."""

    def __init__(self, allow_links: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_style = False
        self._allow_links = allow_links

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"link", "iframe", "object", "embed", "base"}:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            value = (value or "").strip().lower()
            local = not re.match(r"^([a-z][a-z0-9+.-]*:|//)", value)
            web = value.startswith(("https://", "http://"))
            if tag == "a" and name == "href" and self._allow_links and (local or web):
                continue  # a link (another page, a DOI), followed only on a click
            if name in _URL_ATTRS and value and not value.startswith(("data:", "#", "about:")):
                self.problems.append(f"<{tag} {name}={value[:80]!r}>")
            if name == "style" and _CSS_EXTERNAL.search(value):
                self.problems.append(f"<{tag} style={value[:80]!r}>")
            if name == "http-equiv" and value == "refresh":
                self.problems.append("meta refresh")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        found = _CSS_EXTERNAL.search(data) if self._in_style else None
        if found:
            self.problems.append(f"CSS {data[found.start() : found.start() + 80]!r}")


def check_offline(html: str, allow_links: bool = False) -> None:
    """Raise `RuntimeError` if `html` would load anything at all (only inline content allowed).

        Markup is parsed as a browser would (script bodies are opaque text, so http:// strings in
        JavaScript, e.g. the SVG xmlns, are not loads); every URL-valued attribute and every CSS
        ``url()``/``@import`` must be inline (``data:``) or in-page (``#...``). With
        `allow_links`, ``<a href>`` to a relative address (another page of the site) or to an
    ``http(s)`` address (a DOI, a PubMed record) is allowed: a link loads nothing until clicked.
    """
    finder = _ExternalFinder(allow_links)
    finder.feed(html)
    finder.close()
    if finder.problems:
        raise RuntimeError("view would load external resources: " + "; ".join(finder.problems))
