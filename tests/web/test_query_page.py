"""The query page (omsgraph.web.query_page) in Chromium against a real endpoint: an example
runs, its results are a table, CSV and JSON download, an error is shown, values stay text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph

from omsgraph.graph.query import named_queries
from omsgraph.web.offline import check_offline
from omsgraph.web.query_page import render_query_page
from omsgraph.web.serve import start_server

FIXTURE = Path(__file__).parents[1] / "fixtures" / "small_graph.ttl"


@pytest.fixture(scope="module")
def server():
    graph = Graph()
    graph.parse(FIXTURE)
    running = start_server(graph)
    try:
        yield running
    finally:
        running.stop()


def test_the_page_is_offline_and_lists_every_named_query() -> None:
    html = render_query_page()
    check_offline(html, allow_links=True)
    for name in named_queries():
        assert f'<option value="{name}">' in html
    assert "</script><" not in html.split('id="examples">', 1)[1].split("</script>")[0]


@pytest.mark.browser
def test_run_an_example_download_and_see_an_error(chromium_browser, server, tmp_path: Path) -> None:
    page = chromium_browser.new_page(
        viewport={"width": 1600, "height": 1000}, accept_downloads=True
    )
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    html = render_query_page()

    def route(request_route) -> None:
        url = request_route.request.url
        if url.endswith("/query"):  # the page as the server will send it
            request_route.fulfill(body=html, content_type="text/html; charset=utf-8")
        elif url.startswith(server.url):
            request_route.continue_()  # the real endpoint
        else:
            outside.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(server.url + "/query")
    page.wait_for_function("() => window.queryPageReady")
    page.select_option("#example", "treatments")
    assert "SELECT ?treatment" in page.input_value("#editor")
    page.click("#run")
    page.wait_for_function("() => /row/.test(document.getElementById('status').textContent)")
    headers = page.locator("#results th").all_inner_texts()
    assert headers[:2] == ["treatment", "source"]
    assert "rituximab" in page.locator("#results").inner_text()
    with page.expect_download() as info:
        page.click("#csv")
    csv_text = Path(info.value.path()).read_text(encoding="utf-8")
    assert csv_text.startswith("treatment,source,") and "rituximab" in csv_text
    with page.expect_download() as info:
        page.click("#json")
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["head"]["vars"][0] == "treatment"
    page.fill("#editor", 'SELECT ?x WHERE { BIND("<b>x</b>" AS ?x) }')
    page.click("#run")
    page.wait_for_function("() => /row/.test(document.getElementById('status').textContent)")
    assert page.locator("#results td").inner_text() == "<b>x</b>"  # text, not markup
    page.fill("#editor", "SELECT WHERE {")
    page.click("#run")
    page.wait_for_function("() => document.getElementById('status').className === 'error'")
    assert "HTTP 400" in page.locator("#status").inner_text()
    assert outside == []
    assert [m for m in errors if "400" not in m] == []  # (the browser logs the 400 itself)
    page.screenshot(path=str(tmp_path / "query.png"))


def test_serve_routes_the_query_page() -> None:
    """`omsgraph serve` answers GET /query with the page, and its index links it."""
    import urllib.request

    from rdflib import Graph

    from omsgraph.web.serve import start_server

    graph = Graph().parse(Path(__file__).parents[1] / "fixtures" / "small_graph.ttl")
    server = start_server(graph, port=0)
    try:
        with urllib.request.urlopen(server.url + "/query", timeout=30) as response:
            assert response.headers["Content-Type"].startswith("text/html")
            assert response.read().decode("utf-8") == render_query_page()
        with urllib.request.urlopen(server.url + "/", timeout=30) as response:
            assert 'href="/query"' in response.read().decode("utf-8")
    finally:
        server.stop()
