"""The review page in Chromium: accept, reject and edit a candidate, reload, and find each
decision in the claims YAML; a POST without the CSRF token is refused."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
import yaml
from werkzeug.test import Client

from omsgraph.curate import review as backend
from omsgraph.curate.ingest import ingest
from omsgraph.web.browser import CHROMIUM, launch
from omsgraph.web.review import ReviewApp, make_review_server

ROOT = Path(__file__).resolve().parents[2]
NOTE = ROOT / "tests" / "fixtures" / "ingest" / "oms_note.txt"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    ingest(NOTE, target)
    return target


def _claims(data: Path) -> dict[str, dict]:
    path = next((data / "claims").glob("005_*.yaml"))
    return {c["object"].lower(): c for c in yaml.safe_load(path.read_text())["claims"]}


def test_post_without_csrf_token_is_refused(data: Path) -> None:
    app = ReviewApp(data, "tester", backend)
    client = Client(app)
    page = client.get("/")
    assert page.status_code == 200 and app.token in page.text
    before = _claims(data)
    some = next(iter(before.values()))
    bad = client.post("/decide", data={"decision": "accept", "id": "0000", "csrf": "nope"})
    assert bad.status_code == 403
    cross = client.post(
        "/decide",
        data={"decision": "accept", "id": "0000", "csrf": app.token},
        headers={"Origin": "http://evil.example"},
    )
    assert cross.status_code == 403
    assert client.get("/decide").status_code == 400
    rebound = client.get("/", headers={"Host": "evil.example:8001"})
    assert rebound.status_code == 403 and app.token not in rebound.text
    assert _claims(data) == before and some["status"] == "candidate"


def test_review_in_chromium(data: Path) -> None:
    if not CHROMIUM.exists():
        if os.environ.get("OMSGRAPH_REQUIRE_BROWSER"):
            pytest.fail("OMSGRAPH_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    server = make_review_server(data, "Ann Curator", backend, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/"
    try:
        with sync_api.sync_playwright() as p:
            browser = launch(p)
            try:
                page = browser.new_page()
                page.goto(url)
                claims = page.locator(".claim")
                found = claims.count()  # the extractor may find more as it improves
                assert found >= 8
                assert page.locator("mark", has_text="Symptoms include").count() >= 1

                def card(text: str):
                    return page.locator(".claim", has_text=text).first

                card("→ ataxia").get_by_role("button", name="Accept").click()
                page.wait_for_load_state()
                card("→ chemotherapy").get_by_role("button", name="Reject").click()
                page.wait_for_load_state()
                edit = card("→ magnetic resonance imaging")
                edit.get_by_label("polarity").select_option("negated")
                edit.get_by_label("population").fill("adults")
                edit.get_by_role("button", name="Save edit").click()
                page.wait_for_load_state()
                page.reload()
                assert card("→ ataxia").get_attribute("data-status") == "reviewed"
                assert card("→ chemotherapy").get_attribute("data-status") == "rejected"
                mri = card("→ magnetic resonance imaging")
                assert mri.get_attribute("data-status") == "reviewed"
                assert "negated" in mri.inner_text() and "adults" in mri.inner_text()
                page.goto(url)
                assert page.locator(".claim").count() == found - 3  # candidates left
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    claims = _claims(data)
    assert claims["ataxia"]["status"] == "reviewed"
    assert claims["ataxia"]["reviewer"] == "Ann Curator" and claims["ataxia"]["reviewed_at"]
    assert claims["chemotherapy"]["status"] == "rejected"
    mri = claims["magnetic resonance imaging"]
    assert (mri["polarity"], mri["population"], mri["status"]) == ("negated", "adults", "reviewed")
