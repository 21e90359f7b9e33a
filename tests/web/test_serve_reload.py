"""``omsgraph serve`` picks up changed data: the real command on 127.0.0.1 over a copy of the
fixture project; the claims YAML is edited (a claim added, one rejected, then broken, then
fixed) and the answers, the pages and ``GET /status`` are polled, each within a bounded time.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .served import ADDED, POLL, copy_project, launch, stop

CLAIMS = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a <https://w3id.org/omsgraph/ontology#Claim> }"


class Serving:
    """A running ``omsgraph serve`` and the lines it wrote on stderr."""

    def __init__(self, process: subprocess.Popen, url: str) -> None:
        self.process, self.url, self.lines = process, url, []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:  # type: ignore[union-attr]
            self.lines.append(line.rstrip("\n"))

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=15) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def claims(self) -> int:
        query = urllib.parse.urlencode({"query": CLAIMS})
        request = urllib.request.Request(
            f"{self.url}/sparql?{query}", headers={"Accept": "text/csv"}
        )
        with urllib.request.urlopen(request, timeout=15) as response:
            return int(response.read().decode().split()[-1])

    def children(self) -> int:
        """The query processes it runs now (its child processes, from /proc)."""
        tasks = Path(f"/proc/{self.process.pid}/task")
        found = set()
        for task in tasks.iterdir():
            try:
                found |= set((task / "children").read_text().split())
            except OSError:  # the thread ended meanwhile
                continue
        return len(found)


def _until(check: Callable[[], object], what: str) -> object:
    """Poll `check` until it returns something true, for at most POLL seconds."""
    end = time.monotonic() + POLL
    while time.monotonic() < end:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"not within {POLL:g} s: {what}")


def _start(project: Path, *options: str) -> Serving:
    return Serving(*launch(project, serve_options=options))


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


def _reject_chemotherapy(text: str) -> str:
    claim = '    quote: "It does not require chemotherapy."\n'
    assert claim in text
    return text.replace(claim, claim + "    status: rejected\n")


def test_serve_picks_up_edits_and_keeps_the_last_good_graph_on_a_bad_one(
    serving: Serving, project: Path
) -> None:
    claims = project / "data" / "claims" / "100_fixture.yaml"
    assert serving.claims() == 5
    status, index = serving.get("/")
    assert status == 200 and "5 claims from 1 source" in index
    assert "concept-chemotherapy.html" in index
    status, first_page = serving.get("/view/overview")
    assert status == 200
    assert "data: current" in serving.get("/status")[1]

    claims.write_text(claims.read_text() + ADDED)  # a claim added
    _until(lambda: serving.claims() == 6, "the added claim is answered")
    assert serving.get("/view/overview")[1] != first_page  # the page of the new graph
    _until(lambda: serving.children() == 1, "the old query process stops")

    claims.write_text(_reject_chemotherapy(claims.read_text()))  # a claim rejected
    _until(lambda: serving.claims() == 5, "the rejected claim is left out")
    landing = serving.get("/")[1]
    assert "5 claims from 1 source" in landing  # chemotherapy is gone from the pages
    assert "concept-chemotherapy.html" not in landing
    _until(lambda: serving.children() == 1, "the old query process stops")
    good = claims.read_text()

    claims.write_text(good + "  - predicate: a: b\n")  # a bad edit
    line = good.count("\n") + 1
    status_text = _until(
        lambda: "failed" in (text := serving.get("/status")[1]) and text, "the error at /status"
    )
    assert f"last reload failed: data/claims/100_fixture.yaml:{line}: invalid YAML" in str(
        status_text
    )
    assert serving.claims() == 5  # the last good graph is still served
    assert serving.get("/view/overview")[0] == 200
    _until(
        lambda: any(f"100_fixture.yaml:{line}" in x for x in serving.lines),
        "the error on stderr",
    )
    assert not any("Traceback" in x for x in serving.lines)

    claims.write_text(good)  # fixed: loads again
    _until(lambda: "data: current" in serving.get("/status")[1], "the fixed data loads")
    assert serving.claims() == 5
    reloads = [x for x in serving.lines if x.startswith("reloaded in ")]
    assert len(reloads) == 3, serving.lines


def test_no_reload_keeps_the_graph_as_loaded(project: Path) -> None:
    running = _start(project, "--no-reload")
    try:
        assert "reload: off" in running.get("/status")[1]
        claims = project / "data" / "claims" / "100_fixture.yaml"
        claims.write_text(claims.read_text() + ADDED)
        end = time.monotonic() + 1.5  # past the one-second check interval of a watching server
        while time.monotonic() < end:
            assert running.claims() == 5
            time.sleep(0.1)
    finally:
        stop(running.process)


GRAPH = Path(__file__).parents[1] / "fixtures" / "small_graph.ttl"
EXTRA = "<https://example.org/a> <https://example.org/b> <https://example.org/c> ."


def _alive(engine) -> list:
    """The query processes of `engine` that still run."""
    workers = list(engine._idle) + list(engine._busy)
    return [w for w in workers if w.process.poll() is None]


def test_a_request_keeps_its_graph_and_the_old_processes_stop_when_it_ends(
    tmp_path: Path,
) -> None:
    """In process, with the watch's interval at 0: a request that holds the old generation
    through a reload still has running query processes; when it leaves they stop. A load
    that raises keeps the graph and names the error at /status."""
    from rdflib import Graph

    from omsgraph.errors import DataError
    from omsgraph.web.serve import Watch, start_server

    path = tmp_path / "graph.ttl"
    shutil.copy(GRAPH, path)

    def load() -> Graph:
        text = path.read_text(encoding="utf-8")
        if "BROKEN" in text:
            raise DataError("cannot read the Turtle", path, 3)
        return Graph().parse(data=text, format="turtle")

    first = load()
    watch = Watch(stamp=lambda: path.read_bytes(), load=load)
    running = start_server(first, workers=1, watch=watch)
    try:
        app = running.app
        app.reloader.interval = 0.0
        held = app.generations.enter()  # a request in flight on the first graph
        old_engine = held.engine
        path.write_text(path.read_text(encoding="utf-8") + EXTRA + "\n", encoding="utf-8")
        status = _until(
            lambda: (
                "reloads: 1"
                in (t := urllib.request.urlopen(running.url + "/status").read().decode())
                and t
            ),
            "the reload",
        )
        assert f"graph: {len(first) + 1} triples" in str(status)
        assert app.current is not held and len(app.graph) == len(first) + 1
        assert len(_alive(old_engine)) == 1  # still serving the request that holds it
        app.generations.leave(held)
        assert _alive(old_engine) == []  # stopped as its last request ended
        assert len(_alive(app.engine)) == 1

        path.write_text("BROKEN\n", encoding="utf-8")
        text = _until(
            lambda: (
                "failed" in (t := urllib.request.urlopen(running.url + "/status").read().decode())
                and t
            ),
            "the error at /status",
        )
        assert f"last reload failed: {path}:3: cannot read the Turtle" in str(text)
        assert len(app.graph) == len(first) + 1 and len(_alive(app.engine)) == 1
    finally:
        running.stop()
    assert _alive(app.engine) == []


def test_the_stamp_sees_a_rename_and_a_copy_that_kept_its_time(tmp_path: Path) -> None:
    """A rename changes no mtime, size or count; `cp -p` of an older file keeps its mtime."""
    import os

    from omsgraph.web.serve_reload import files_stamp

    (tmp_path / "a.yaml").write_text("x: 1\n")
    (tmp_path / "b.yaml").write_text("y: 2\n")
    before = files_stamp([tmp_path])
    (tmp_path / "b.yaml").rename(tmp_path / "b.yaml.off")
    renamed = files_stamp([tmp_path])
    assert renamed != before
    old = tmp_path / "a.yaml"
    info = old.stat()
    copy = tmp_path / "c.tmp"
    copy.write_text("x: 9\n")
    os.utime(copy, ns=(info.st_atime_ns, info.st_mtime_ns))
    copy.replace(old)  # same name, size and mtime, other content
    copied = files_stamp([tmp_path])
    assert copied != renamed
    (tmp_path / ".a.yaml.swp").write_text("editor")  # an editor's file is no data
    assert files_stamp([tmp_path]) == copied
