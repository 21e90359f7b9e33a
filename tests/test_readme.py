"""The README's first screen stays true: its commands are CI's, its tour output is real."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

from .conftest import ROOT


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(.+?)\n```", _readme())
    assert len(commands) == 2 and "omsgraph build" in commands[0] and "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1].replace("pip install -e", "pip install -q -e") in ci


def test_tour_output_is_what_the_commands_print() -> None:
    tour = re.search(r"```console\n(.+?)```", _readme(), flags=re.S).group(1)
    blocks = re.split(r"^\$ ", tour, flags=re.M)[1:]
    checked = 0
    for block in blocks:
        command, _, expected = block.partition("\n")
        command = command.split("  #")[0].strip()
        if not expected or command.endswith("build"):
            continue
        omsgraph = f"{shlex.quote(sys.executable)} -m omsgraph"
        result = subprocess.run(
            command.replace(".venv/bin/omsgraph", omsgraph),
            shell=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.replace("\r\n", "\n") == expected, command
        checked += 1
    assert checked == 2
