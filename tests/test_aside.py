"""The build's work done aside in a forked process: its result comes back, its failure comes
back as one line, and the parent goes on meanwhile."""

from __future__ import annotations

import os
import time

import pytest

from omsgraph.cli import _aside, _Later
from omsgraph.errors import DataError


def _spans() -> dict[str, list[tuple[int, int]]]:
    return {"000.txt": [(0, 4), (10, 12)], "pid": [(os.getpid(), 0)]}


def test_the_result_comes_back_from_another_process() -> None:
    found = _aside(_spans, True)()
    assert found["000.txt"] == [(0, 4), (10, 12)]
    assert found["pid"][0][0] != os.getpid()  # it ran in the child


def test_a_failure_comes_back_as_one_line() -> None:
    def fail() -> None:
        raise DataError("data/sources/x.txt: line 3: bad\nsecond line")

    wait = _aside(fail, True)
    with pytest.raises(DataError) as caught:
        wait()
    assert "data/sources/x.txt: line 3: bad" in str(caught.value)
    assert "second line" not in str(caught.value)


def test_without_fork_the_work_runs_at_once() -> None:
    assert _aside(_spans, False)()["pid"] == [(os.getpid(), 0)]


def test_a_later_mapping_waits_only_when_read() -> None:
    calls: list[float] = []

    def wait() -> dict[str, int]:
        calls.append(time.monotonic())
        return {"a": 1}

    later = _Later(wait)
    assert not calls
    assert later.get("a") == 1 and dict(later) == {"a": 1} and len(later) == 1
    assert len(calls) == 1
