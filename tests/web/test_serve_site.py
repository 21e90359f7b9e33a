"""``omsgraph serve`` serves the site ``omsgraph build`` writes: the real command on 127.0.0.1
over a copy of the fixture project, each page compared with the file build writes for the same
data; names outside the site are 404; an edit of the claims changes the condition page (polled,
bounded); in Chromium the landing page's links to a source page and a concept page work.
"""

from __future__ import annotations

import http.client
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from omsgraph.cli import cli
from omsgraph.web.serve_site import SERVE_ROWS, landing_page

from .served import ADDED, POLL, copy_project, launch, stop

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology"
TRAVERSALS = (
    "/../pyproject.toml",
    "/%2e%2e/pyproject.toml",
    "/%2E%2E%2Fpyproject.toml",
    "/..%2fpyproject.toml",
    "/..",
    "/%2e%2e",
    "//etc/passwd",
    "/etc/passwd",
    "/%2Fetc%2Fpasswd",
    "/.omsgraph-build",
    "/omsgraph.ttl",
    "/index.html/..",
    "/no-such-page.html",
    "/source-..%2f..%2fpyproject.html",
)


def _build(data: Path, out: Path) -> dict[str, bytes]:
    args = ["--data", str(data), "--ontology", str(ONTOLOGY), "build", "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.html"))}


class Serving:
    def __init__(self, process: subprocess.Popen, url: str) -> None:
        self.process, self.url = process, url

    def get(self, path: str) -> tuple[int, str, bytes, str | None]:
        """Status, media type, body and the nosniff header of GET `path` (sent as is)."""
        host, port = self.url.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=15)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            kind = (response.getheader("Content-Type") or "").split(";")[0]
            return (
                response.status,
                kind,
                response.read(),
                response.getheader("X-Content-Type-Options"),
            )
        finally:
            connection.close()


def _start(project: Path) -> Serving:
    return Serving(*launch(project, options=("--data", "data", "--ontology", str(ONTOLOGY))))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


@pytest.fixture
def serving(project: Path) -> Iterator[Serving]:
    running = _start(project)
    try:
        yield running
    finally:
        stop(running.process)


def test_every_page_build_writes_is_served_as_written(
    serving: Serving, project: Path, tmp_path: Path
) -> None:
    built = _build(project / "data", tmp_path / "out")
    kinds = {re.sub(r"-.*", "-", name) for name in built}
    assert {"index.html", "omsgraph.html", "citations.html", "conflicts.html"} <= kinds
    assert {"source-", "concept-"} <= kinds  # every page kind build writes
    for name, data in built.items():
        status, kind, body, nosniff = serving.get("/" + name)
        assert (status, kind, nosniff) == (200, "text/html", "nosniff"), name
        if name == "index.html":  # the landing page: build's, with the query page and endpoint
            assert body == landing_page(data) != data
        else:
            assert body == data, name
    status, kind, landing, nosniff = serving.get("/")
    assert (status, kind, nosniff, landing) == (200, "text/html", "nosniff", built_index(built))
    for href, _, _ in SERVE_ROWS:
        assert f'<a href="{href}">'.encode() in landing
    assert landing.replace(_rows(landing), b"") == built["index.html"]
    assert serving.get("/view/overview")[:2] == (200, "text/html")  # the views stay
    assert serving.get("/query")[:2] == (200, "text/html")


def built_index(built: dict[str, bytes]) -> bytes:
    return landing_page(built["index.html"])


def _rows(landing: bytes) -> bytes:
    """The markup serve added: from the first of its rows to the end of the list."""
    start = landing.index(b'<li><a href="/query">')
    return landing[start : landing.index(b"</ul>", start)]


def test_names_outside_the_site_are_404(serving: Serving) -> None:
    for path in TRAVERSALS:
        status, kind, body, nosniff = serving.get(path)
        assert (status, kind, nosniff) == (404, "text/plain", "nosniff"), path
        assert b"[project]" not in body and b"root:" not in body, path


def test_an_edit_of_the_claims_changes_the_condition_page(
    serving: Serving, project: Path, tmp_path: Path
) -> None:
    assert b"<p>5 claims from 1 sources" in serving.get("/")[2]
    claims = project / "data" / "claims" / "100_fixture.yaml"
    time.sleep(0.02)  # a later mtime than the one the server saw at its start
    claims.write_text(claims.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    end = time.monotonic() + POLL
    while b"<p>6 claims from 1 sources" not in (after := serving.get("/")[2]):
        assert time.monotonic() < end, f"the edit not shown within {POLL:g} s"
        time.sleep(0.05)
    built = _build(project / "data", tmp_path / "out")  # the pages of the edited data
    assert after == landing_page(built["index.html"])
    for name in ("conflicts.html", "omsgraph.html", "source-100_fixture.html"):
        assert serving.get("/" + name)[2] == built[name], name
    assert b"reloads: 1" in serving.get("/status")[2]


@pytest.mark.browser
def test_the_landing_page_in_chromium_links_a_source_and_a_concept(
    chromium_browser, serving: Serving
) -> None:
    errors: list[str] = []
    outside: list[str] = []

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith((serving.url + "/", "data:", "about:")):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    page = chromium_browser.new_page(viewport={"width": 1600, "height": 1000})
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", route)
    try:
        assert page.goto(serving.url + "/").status == 200
        for prefix in ("source-", "concept-"):
            link = page.locator(f'main a[href^="{prefix}"]:visible').first
            href = link.get_attribute("href")
            with page.expect_navigation():
                link.click()
            assert page.url == f"{serving.url}/{href}"
            assert page.evaluate("document.contentType") == "text/html"
            assert page.locator("main").count() == 1 and page.title()
            if prefix == "source-":
                assert page.locator("mark").count() > 0  # its text, the claims highlighted
            with page.expect_navigation():
                page.locator('nav a[href="index.html"]').first.click()
            assert page.url == serving.url + "/index.html"
            assert page.locator('a[href="/query"]').count() == 1
        assert errors == [] and outside == []
    finally:
        page.close()


def test_the_landing_page_rows_and_the_names_of_pages() -> None:
    """Serve's rows go at the end of the page's own list (either kind of index), or in a list
    of their own; a page name is one segment ending in .html, never a way up."""
    from omsgraph.web.serve_site import page_name

    condition = b"<main><h2>All pages</h2><ul><li>a</li></ul><p>x</p></main>"
    served = landing_page(condition)
    assert served.startswith(b'<main><h2>All pages</h2><ul><li>a</li><li><a href="/query">')
    assert served.endswith(b"</li></ul><p>x</p></main>") and b'class="meta"' in served
    views = landing_page(b'<ul id="views"><li>a</li></ul>')
    assert b'<span class="what">' in views and views.endswith(b"</li></ul>")
    bare = landing_page(b"<body><p>x</p></body>")
    assert bare.index(b'href="/sparql"') < bare.index(b"</body>")
    for name in (
        "index.html",
        "source-000_aa4b564b5e99cff4.html",
        "concept-acth.html",
        "source-a..b.html",
    ):
        assert page_name(name), name
    for name in ("..", "../index.html", ".index.html", "x.ttl", "/etc/passwd", ""):
        assert not page_name(name), name


def test_a_graph_without_its_corpus_serves_the_pages_view_index_writes(tmp_path: Path) -> None:
    """``--graph FILE``: no corpus, so the site is the views and their index, as ``omsgraph
    view index --graph FILE`` writes them (made on the first request); ``/`` stays the index
    of the views drawn on request."""
    from rdflib import Graph

    from omsgraph.web.serve import start_server

    graph_file = ROOT / "tests" / "fixtures" / "small_graph.ttl"
    out = tmp_path / "out"
    args = ["view", "index", "-o", str(out / "index.html"), "--graph", str(graph_file)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    written = {p.name: p.read_bytes() for p in sorted(out.glob("*.html"))}
    assert {"index.html", "omsgraph.html", "conflicts.html"} <= set(written)
    running = start_server(Graph().parse(graph_file), workers=1)
    try:
        serving = Serving(None, running.url)  # type: ignore[arg-type]
        assert running.app.current.site is None  # not made before it is asked for
        for name, data in written.items():
            status, kind, body, _ = serving.get("/" + name)
            assert (status, kind) == (200, "text/html"), name
            assert body == (landing_page(data) if name == "index.html" else data), name
        assert b'href="/view/overview"' in serving.get("/")[2]
        assert serving.get("/concept-acth.html")[0] == 404  # no reading pages without a corpus
    finally:
        running.stop()
