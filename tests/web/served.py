"""A real ``omsgraph serve`` for the serve tests: the fixture project, the process, its URL."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

FIXTURE_DATA = Path(__file__).resolve().parents[1] / "fixtures" / "data"
#: a claim to append to the fixture's claims file
ADDED = """  - predicate: has_symptom
    object: opsoclonus
    quote: "Dancing eyes in children"
"""
POLL = 20.0  # seconds an edit may take to show (well under one here)


def copy_project(root: Path) -> Path:
    """The fixture's data/ copied under `root`, which is returned."""
    shutil.copytree(FIXTURE_DATA, root / "data")
    return root


def launch(
    cwd: Path, options: Sequence[str] = (), serve_options: Sequence[str] = ()
) -> tuple[subprocess.Popen, str]:
    """``omsgraph [options] serve --port 0 --workers 1 [serve_options]`` in `cwd`, and its URL
    from the first line it writes (stderr stays a pipe for the caller)."""
    command = [sys.executable, "-m", "omsgraph", *options, "serve", "--port", "0"]
    command += ["--workers", "1", *serve_options]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=cwd)
    line = process.stderr.readline() if process.stderr else ""
    found = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
    if not found:
        process.kill()
        raise AssertionError(f"serve did not start: {line}")
    return process, found.group(1)


def stop(process: subprocess.Popen) -> None:
    """Terminate, and kill if it has not ended within 20 s."""
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)
