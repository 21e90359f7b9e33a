"""Screenshots of each page kind at 1600 x 1000, as a reader sees them, for the docs.

Builds the five sources into a temporary directory and opens each page kind in headless
Chromium (Debian's /usr/bin/chromium through Playwright, offline), then writes PNGs next to
this file. The query page is served by ``omsgraph serve``, so it is taken from a server on
127.0.0.1.

    .venv/bin/python docs/screenshots/take.py
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from omsgraph.web.browser import launch

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OMSGRAPH = [sys.executable, "-m", "omsgraph.cli"]

#: screenshot name -> page of the build (the condition page is the landing page)
PAGES = {
    "condition": "index.html",
    "overview": "omsgraph.html",
    "source": "source-001_b6b7489bf63055b9.html",
    "concept": "concept-rituximab.html",
    "conflicts": "conflicts.html",
    "citations": "citations.html",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _shoot(browser, url: str, path: Path, settle_ms: int) -> None:
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(url)
    page.wait_for_timeout(settle_ms)
    page.screenshot(path=str(path))
    page.close()
    print(f"{path.relative_to(ROOT)} <- {url}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        subprocess.run([*OMSGRAPH, "build", "--out", str(out)], cwd=ROOT, check=True)
        port = _free_port()
        server = subprocess.Popen(
            [*OMSGRAPH, "serve", "--port", str(port), "--no-reload"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(200):  # the server builds its pages before listening
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            with sync_playwright() as p:
                browser = launch(p)
                for name, page in PAGES.items():
                    settle = 2500 if name in {"overview", "citations"} else 300
                    _shoot(browser, (out / page).as_uri(), HERE / f"{name}.png", settle)
                _shoot(browser, f"http://127.0.0.1:{port}/query", HERE / "query.png", 500)
                _shoot(
                    browser,
                    f"http://127.0.0.1:{port}/view/entity/ACTH?depth=2",
                    HERE / "entity.png",
                    2500,
                )
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
