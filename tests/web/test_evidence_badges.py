"""The reading pages show each source's evidence level wherever the source is named: its page's
header, the condition page's sources table and quote lists, the conflict cards (the sources
named and every quote of each side) and the concept pages; the badge is escaped and the same
everywhere. Checked in the HTML of a build of the five sources, and once in Chromium."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from omsgraph.cli import cli
from omsgraph.corpus.claims import load_corpus
from omsgraph.web.levels import level_badge

ROOT = Path(__file__).resolve().parents[2]
LEVEL = re.compile(r'<span class="badge level [a-z]+" data-level="([a-z-]+)"')


@pytest.fixture(scope="module")
def levels() -> dict[str, str]:
    """Source file -> its evidence level, as the corpus gives it."""
    return {s.file: s.evidence_level for s in load_corpus(ROOT / "data").sources}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("levels") / "out"
    args = ["--data", str(ROOT / "data"), "--ontology", str(ROOT / "ontology")]
    result = CliRunner().invoke(cli, [*args, "build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _page(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def _file_of_page(href: str) -> str:
    return href.removeprefix("source-").removesuffix(".html") + ".txt"


def _check_quote_lists(html: str, levels: dict[str, str]) -> int:
    """Every quote of every quote list names its source's level; return how many quotes."""
    seen = 0
    for block in re.findall(r'<ul class="quotes">(.*?)</ul>', html, flags=re.S):
        for item in block.split("<li")[1:]:
            page = re.search(r'href="(source-[^"#]+\.html)#c-', item)
            assert page, item[:300]
            assert LEVEL.findall(item) == [levels[_file_of_page(page.group(1))]], item[:300]
            seen += 1
    return seen


def test_the_five_sources_have_levels_of_more_than_one_shade(levels: dict[str, str]) -> None:
    assert sorted(set(levels.values())) == ["blog", "encyclopedia", "patient-page", "review"]


def test_source_page_headers_show_the_level(site: Path, levels: dict[str, str]) -> None:
    for file, level in levels.items():
        html = _page(site, "source-" + file.removesuffix(".txt") + ".html")
        header = re.search(r'<p class="sub">(.*?)</p>', html, flags=re.S)
        assert header, file
        assert LEVEL.findall(header.group(1)) == [level], file
        assert f"evidence: <b>{level.replace('-', ' ')}</b>" in header.group(1)


def test_condition_page_sources_table_and_quotes_show_the_level(
    site: Path, levels: dict[str, str]
) -> None:
    html = _page(site, "index.html")
    table = re.search(r'<table id="sources">(.*?)</table>', html, flags=re.S)
    assert table and "<th>evidence level</th>" in table.group(1)
    rows = re.findall(r"<tr><td>(.*?)</tr>", table.group(1), flags=re.S)
    assert len(rows) == len(levels)
    for row in rows:
        file = re.search(r'<span class="file">([^<]+)</span>', row)
        assert file and LEVEL.findall(row) == [levels[file.group(1)]]
    assert _check_quote_lists(html, levels) > 100  # the ranked concepts' quotes
    values = re.search(r'<h2 id="values">[^<]*</h2><table>(.*?)</table>', html, flags=re.S)
    assert values
    rows = re.findall(r"<tr[ >].*?</tr>", values.group(1), flags=re.S)[1:]  # after the head
    assert len(rows) > 10
    for row in rows:  # the figures table names its sources the same way
        page = re.search(r'href="(source-[^"#]+\.html)#c-', row)
        assert page and LEVEL.findall(row) == [levels[_file_of_page(page.group(1))]]


def test_conflict_cards_show_the_level_of_each_source_and_side(
    site: Path, levels: dict[str, str]
) -> None:
    html = _page(site, "conflicts.html")
    cards = re.findall(r'<section class="card.*?</section>', html, flags=re.S)
    assert len(cards) == 9
    for card in cards:
        meta = re.search(r'<p class="meta">[^<]*· (\d+) sources: (.*?)</p>', card, flags=re.S)
        assert meta, card[:300]
        named = LEVEL.findall(meta.group(2))
        assert len(named) == int(meta.group(1))  # one badge per source the card names
        sides = card.split('<div class="side">')[1:]
        assert len(sides) >= 2
        for side in sides:
            assert _check_quote_lists(side, levels) >= 1
        files = set(re.findall(r'href="(source-[^"#]+\.html)#c-', card))
        assert sorted(named) == sorted(levels[_file_of_page(f)] for f in files)


def test_concept_pages_show_the_level_of_each_source(site: Path, levels: dict[str, str]) -> None:
    pages = sorted(site.glob("concept-*.html"))
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        headings = re.findall(r'<div class="bysource"><h3>(.*?)</h3>', html, flags=re.S)
        assert headings, path.name
        for heading in headings:
            assert len(LEVEL.findall(heading)) == 1, (path.name, heading)
        assert _check_quote_lists(html, levels) >= len(headings)


def test_the_badge_is_escaped() -> None:
    source = load_corpus(ROOT / "tests" / "fixtures" / "data").sources[0]
    hostile = dataclasses.replace(source, evidence_level='"><script>alert(1)</script>')
    badge = level_badge(hostile)
    assert "<script>" not in badge and "&lt;script&gt;" in badge
    assert 'data-level="&quot;&gt;' in badge and "not a known level" in badge


@pytest.mark.browser
def test_the_badge_is_visible_and_shaded_by_strength(chromium_browser, site: Path) -> None:
    page = chromium_browser.new_page(viewport={"width": 1400, "height": 900})
    page.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort(),
    )
    colours = {}
    for name in ("source-000_aa4b564b5e99cff4.html", "source-001_b6b7489bf63055b9.html"):
        page.goto((site / name).as_uri())
        badge = page.locator("header .badge.level")
        assert badge.count() == 1 and badge.is_visible()
        box = badge.bounding_box()
        assert box and box["width"] > 40 and box["height"] > 8
        colours[badge.inner_text()] = badge.evaluate("b => getComputedStyle(b).backgroundColor")
    plain = page.locator("header .badge.kind").evaluate("b => getComputedStyle(b).backgroundColor")
    assert set(colours) == {"evidence: review", "evidence: blog"}
    assert len(set(colours.values()) | {plain}) == 3  # a review, a blog and a kind badge differ
    page.close()
