"""The web: the HTML pages of a built graph and the read-only endpoint serving them.

:mod:`omsgraph.web.project` turns the graph into networkx projections,
:mod:`omsgraph.web.render` draws them as offline pages, :mod:`omsgraph.web.site` writes the
site, and :mod:`omsgraph.web.serve` serves the pages and a SPARQL 1.1 endpoint on 127.0.0.1.
"""

from omsgraph.web.site import (
    DEFAULT_TITLE,
    SITE_SOURCES,
    VIEW_KINDS,
    View,
    ViewStats,
    build_view,
    render_view,
    site_claims,
    site_index,
    write_site,
    write_view,
)

__all__ = [
    "DEFAULT_TITLE",
    "SITE_SOURCES",
    "VIEW_KINDS",
    "View",
    "ViewStats",
    "build_view",
    "render_view",
    "site_claims",
    "site_index",
    "write_site",
    "write_view",
]
