"""`omsgraph extract` of the 13 development texts gives the claims recorded before speed work.

Performance changes to omsgraph/extract must not change any output: this compares the JSON
Lines of the five sources (data/sources/*.txt) and the dev2 texts (tests/gold/dev2/texts)
byte for byte with ``extract_unchanged.jsonl``. When an output is MEANT to change,
regenerate the file and commit it with the change:

    .venv/bin/python tests/extract/test_extract_unchanged.py --write
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RECORDED = Path(__file__).parent / "extract_unchanged.jsonl"


def _files() -> list[str]:
    """The 13 development texts, in a fixed order."""
    dev = sorted((ROOT / "data" / "sources").glob("*.txt"))
    dev2 = sorted((ROOT / "tests" / "gold" / "dev2" / "texts").glob("*.txt"))
    return [str(p.relative_to(ROOT)) for p in dev + dev2]


def _extract() -> bytes:
    """JSON Lines that `omsgraph extract` writes for the 13 texts, run from the checkout."""
    import os

    from click.testing import CliRunner

    from omsgraph.cli import cli

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, ["extract", *_files(), "--format", "jsonl"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_extract_output_unchanged() -> None:
    files = _files()
    assert len(files) == 13
    assert _extract() == RECORDED.read_bytes()


if __name__ == "__main__":
    if "--write" in sys.argv:
        RECORDED.write_bytes(_extract())
        print(f"wrote {RECORDED}")
