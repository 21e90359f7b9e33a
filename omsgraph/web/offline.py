"""The offline guarantee of every page: no URL that would make a browser fetch anything from
another host (scripts, styles, images, frames, CSS ``url()`` and ``@import``).

The page is tokenised as ``html.parser`` does (the same rules for tags, attributes, comments
and the raw text of ``<script>`` and ``<style>``), by regular expressions over the whole text:
a build checks about a hundred pages, and the parser's per-tag Python calls cost it a quarter
of a second.
"""

from __future__ import annotations

import re
from html import unescape

__all__ = ["check_offline"]

_URL_ATTRS = frozenset(
    "src href action formaction srcset poster data background xlink:href manifest ping".split()
)
_CSS_EXTERNAL = re.compile(r"url\(\s*[\"']?\s*(?!data:)[^)\s\"']|@import", re.IGNORECASE)
_ELEMENTS = frozenset({"link", "iframe", "object", "embed", "base"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*:|//)")

#: one markup token, as ``html.parser`` reads it: a comment, a declaration or processing
#: instruction, an end tag, or a start tag (group 1 its name, group 2 its attributes)
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<[!?][^>]*>"
    r"|</[a-zA-Z][^>]*>"
    r"|<([a-zA-Z][^\t\n\r\f />\x00]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL,
)
#: a start tag without any of these words has no attribute that could load anything
_WORTH = re.compile(r"src|href|action|data|background|poster|manifest|ping|style|equiv", re.I)
#: one attribute of a start tag (``html.parser``'s ``attrfind``)
_ATTR = re.compile(
    r"((?<=['\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?(?:\s|/(?!>))*"
)
#: the end of a raw-text element's content
_RAW_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in ("script", "style")}


def _attributes(text: str) -> list[tuple[str, str]]:
    """The (lower-case name, unescaped value) pairs of a start tag's attribute text."""
    found = []
    for match in _ATTR.finditer(" " + text):
        name, value = match.group(1).lower(), match.group(3) or ""
        if value[:1] == value[-1:] and value[:1] in ("'", '"') and len(value) >= 2:
            value = value[1:-1]
        found.append((name, unescape(value) if "&" in value else value))
    return found


def _problems(html: str, allow_links: bool) -> list[str]:
    """What in ``html`` would make the browser fetch something."""
    problems: list[str] = []
    at = 0
    while True:
        match = _TOKEN.search(html, at)
        if match is None:
            return problems
        at = match.end()
        tag = match.group(1)
        if tag is None:
            continue  # a comment, a declaration or an end tag: nothing loads
        tag = tag.lower()
        if tag in _ELEMENTS:
            problems.append(f"<{tag}> element")
        attrs = match.group(2)
        for name, value in _attributes(attrs) if attrs and _WORTH.search(attrs) else ():
            value = value.strip().lower()
            if tag == "a" and name == "href" and allow_links:
                if not _SCHEME.match(value) or value.startswith(("https://", "http://")):
                    continue  # a link (another page, a DOI), followed only on a click
            if name in _URL_ATTRS and value and not value.startswith(("data:", "#", "about:")):
                problems.append(f"<{tag} {name}={value[:80]!r}>")
            if name == "style" and _CSS_EXTERNAL.search(value):
                problems.append(f"<{tag} style={value[:80]!r}>")
            if name == "http-equiv" and value == "refresh":
                problems.append("meta refresh")
        end_of = _RAW_END.get(tag)
        if end_of is not None:  # the element's text is raw: no markup until its end tag
            end = end_of.search(html, at)
            stop = end.start() if end else len(html)
            found = _CSS_EXTERNAL.search(html, at, stop) if tag == "style" else None
            if found:
                problems.append(f"CSS {html[found.start() : min(found.start() + 80, stop)]!r}")
            at = stop


def check_offline(html: str, allow_links: bool = False) -> None:
    """Raise `RuntimeError` if `html` would load anything at all (only inline content allowed).

    Markup is read as a browser would (script bodies are opaque text, so http:// strings in
    JavaScript, e.g. the SVG xmlns, are not loads); every URL-valued attribute and every CSS
    ``url()``/``@import`` must be inline (``data:``) or in-page (``#...``). With
    `allow_links`, ``<a href>`` to a relative address (another page of the site) or to an
    ``http(s)`` address (a DOI, a PubMed record) is allowed: a link loads nothing until clicked.
    """
    problems = _problems(html, allow_links)
    if problems:
        raise RuntimeError("view would load external resources: " + "; ".join(problems))
