"""The reading pages in a real browser: every claim's highlight on its source's page is its
quote, unreviewed claims are marked and filterable, source text stays escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from omsgraph.cli import cli
from omsgraph.web.offline import check_offline
from omsgraph.web.pagekit import source_file

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology"
CANDIDATE = """  - predicate: other
    object: "often treated with rituximab"
    quote: "It is often treated with rituximab."
    method: automatic
    status: candidate
    confidence: 0.6
"""
PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def _build(data: Path, out: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--data", str(data), "--ontology", str(ONTOLOGY), "build", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    _build(ROOT / "data", out)
    return out


@pytest.fixture(scope="module")
def candidate_site(tmp_path_factory) -> Path:
    """The fixture data with one automatic candidate claim and markup in its source text."""
    import shutil

    root = tmp_path_factory.mktemp("cand")
    data = root / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "data", data)
    claims = data / "claims" / "100_fixture.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + CANDIDATE, encoding="utf-8")
    text = data / "sources" / "100_fixture.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n" + PAYLOAD + "\n", encoding="utf-8")
    _build(data, root / "out")
    return root / "out"


def open_page(browser, path: Path, errors: list[str], external: list[str]):
    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith(("file://", "data:", "about:")):
            request_route.continue_()
        else:
            external.append(url)
            request_route.abort()

    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", route)
    page.goto(path.as_uri())
    return page


_HIGHLIGHTS = """() => {
  const claims = JSON.parse(document.getElementById("claim-data").textContent);
  const out = {};
  for (const id of Object.keys(claims)) {
    const parts = [...document.querySelectorAll("mark")]
      .filter(m => m.dataset.claims.split(" ").includes(id)).map(m => m.textContent);
    out[id] = [parts.join(""), claims[id].quote];
  }
  return out;
}"""


@pytest.mark.browser
def test_every_claim_highlighted_at_its_offsets_is_its_quote(
    chromium_browser, site, corpus
) -> None:
    total = 0
    for source in corpus.sources:
        errors: list[str] = []
        external: list[str] = []
        page = open_page(chromium_browser, site / source_file(source.file), errors, external)
        found = page.evaluate(_HIGHLIGHTS)
        own = [c for c in corpus.claims if c.source == source.file]
        assert sorted(found) == sorted(c.id for c in own)
        for claim in own:
            shown, quote = found[claim.id]
            assert shown == quote == claim.evidence.quote, claim.id
        total += len(found)
        assert errors == [] and external == []
        page.close()
    assert total == len(corpus.claims) == 253


@pytest.mark.browser
def test_a_click_on_a_highlight_shows_the_claim(chromium_browser, site) -> None:
    errors: list[str] = []
    page = open_page(chromium_browser, site / source_file("002_86f656d6290b5704.txt"), errors, [])
    page.locator("mark", has_text="In adults, tumor removal often").first.click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "negated" in text and "population: adults" in text and "reviewed by a curator" in text
    assert "neg" in page.locator("mark.on").first.get_attribute("class")
    assert errors == []


@pytest.mark.browser
def test_a_candidate_claim_is_marked_and_filterable(chromium_browser, candidate_site) -> None:
    errors: list[str] = []
    page = open_page(chromium_browser, candidate_site / "source-100_fixture.html", errors, [])
    assert page.evaluate("window.__xss") is None
    assert PAYLOAD in page.locator("#text").inner_text()  # shown as text, never as markup
    mark = page.locator("mark.unreviewed")
    assert mark.count() == 1 and mark.inner_text() == "It is often treated with rituximab."
    item = page.locator("#claims li.unreviewed-claim")
    assert item.count() == 1 and "unreviewed" in item.inner_text()
    mark.click()
    assert "unreviewed: candidate, automatic, confidence 0.6" in page.locator("#panel").inner_text()
    page.select_option("#f-review", "unreviewed")
    visible = page.locator("#claims li:visible")
    assert visible.count() == 1 and "often treated" in visible.inner_text()
    page.select_option("#f-review", "reviewed")
    assert page.locator("#claims li.unreviewed-claim:visible").count() == 0
    assert errors == []


def test_source_pages_are_offline_and_escaped(candidate_site) -> None:
    html = (candidate_site / "source-100_fixture.html").read_text(encoding="utf-8")
    check_offline(html, allow_links=True)
    assert "<script>window.__xss" not in html and "<img src=x" not in html
    data = html.split('id="claim-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and json.loads(data)


@pytest.mark.browser
def test_condition_page_ranks_concepts_by_sources(chromium_browser, site) -> None:
    errors: list[str] = []
    external: list[str] = []
    page = open_page(chromium_browser, site / "index.html", errors, external)
    assert page.locator("h1").inner_text() == "opsoclonus-myoclonus syndrome"
    counts = [int(x) for x in page.locator("#has_symptom + table td.n").all_inner_texts()]
    assert counts == sorted(counts, reverse=True) and counts[0] == 5
    treatments = page.locator("#treated_by + table td.concept").all_inner_texts()
    assert any("NOT in" in t for t in treatments)  # negated support is marked
    row = page.locator("#has_symptom + table tr", has_text="myoclonus").first
    row.locator("summary").click()
    assert row.locator("blockquote b").count() >= 5  # its quotes, each in its sentence
    assert "Pike 2013." in row.inner_text()
    assert page.locator("#values + table tr").count() > 10
    assert page.locator("#conflicts + ul li").count() == 9
    assert errors == [] and external == []


@pytest.mark.browser
def test_conflicts_are_cards_with_sides_and_sources_by_name(chromium_browser, site) -> None:
    errors: list[str] = []
    page = open_page(chromium_browser, site / "conflicts.html", errors, [])
    cards = page.locator("section.card")
    assert cards.count() == 9
    for i in range(cards.count()):
        card = cards.nth(i)
        assert card.locator(".side").count() >= 2
        quotes = card.locator(".side").evaluate_all(
            "sides => sides.map(s => [...s.querySelectorAll('blockquote')].map(b => b.innerText))"
        )
        assert all(len(q) == len(set(q)) for q in quotes)  # no line twice on one side
    chemo = page.locator("section.card", has_text="chemotherapy").first
    assert "Tension" in chemo.locator("h2").inner_text()
    assert (
        "young children" in chemo.inner_text()
        and "children with neuroblastoma" in chemo.inner_text()
    )
    assert errors == []


@pytest.mark.browser
def test_a_candidate_claim_is_marked_on_the_condition_page(
    chromium_browser, candidate_site
) -> None:
    errors: list[str] = []
    page = open_page(chromium_browser, candidate_site / "index.html", errors, [])
    row = page.locator("#values + table tr.unreviewed-claim")
    assert row.count() == 1 and "unreviewed" in row.inner_text()
    page.check("#f-review")
    assert row.is_hidden()
    assert errors == []


@pytest.mark.browser
def test_concept_page_and_a_quote_followed_to_its_text(chromium_browser, site) -> None:
    errors: list[str] = []
    page = open_page(chromium_browser, site / "concept-neuroblastoma.html", errors, [])
    assert page.locator("h1").inner_text() == "neuroblastoma"
    mappings = page.locator("h2:text('Mappings') + ul a")
    assert "HP:0003006" in mappings.all_inner_texts()
    assert mappings.first.get_attribute("href").startswith("http://purl.obolibrary.org/obo/")
    assert page.locator(".bysource").count() == 4
    page.locator(".bysource a", has_text="in its text").first.click()
    page.wait_for_function("() => window.sourcePageReady")
    shown = page.locator("#panel").inner_text()
    assert "neuroblastoma" in shown.lower() and page.locator("mark.on").count() >= 1
    assert errors == []
