"""Shared fixtures: the small hand-written data directory and the real corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
CORPUS_DATA = ROOT / "data"
ONTOLOGY = ROOT / "ontology"
GOLD = Path(__file__).parent / "gold"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of the small fixture data directory."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture(scope="session")
def corpus():
    from omsgraph.corpus.claims import load_corpus

    return load_corpus(CORPUS_DATA)


@pytest.fixture(scope="session")
def corpus_graph(corpus):
    from omsgraph.graph.rdf import build_graph

    return build_graph(corpus)


@pytest.fixture(scope="module")
def chromium_browser():
    """Debian's chromium through Playwright, one per test module; skipped without it, unless
    OMSGRAPH_REQUIRE_BROWSER is set (CI), where a missing browser fails."""
    import os

    from omsgraph.web.browser import CHROMIUM, launch

    if not CHROMIUM.exists():
        if os.environ.get("OMSGRAPH_REQUIRE_BROWSER"):
            pytest.fail("OMSGRAPH_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch(p)
        try:
            yield browser
        finally:
            browser.close()
