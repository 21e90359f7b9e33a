"""SHA-256 of every output the five sources give: the build's files and the JSON listings.

``tests/test_layout.py`` compares these digests with ``tests/gold/outputs.sha256``, so that
a change meant to move code and keep behaviour cannot change an output unnoticed. When an
output is meant to change, regenerate the file and commit it with the change:

    .venv/bin/python tests/output_digest.py --write
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = Path(__file__).parent / "gold" / "outputs.sha256"

#: command-line runs whose standard output is compared (the build's files are added to these)
COMMANDS: dict[str, list[str]] = {
    "claims.jsonl": ["claims", "--format", "jsonl"],
    "sources.json": ["sources", "--format", "json"],
    "stats.json": ["stats", "--format", "json"],
    "conflicts.json": ["conflicts", "--format", "json"],
    "query-treatments.json": ["query", "treatments", "--format", "json"],
    "query-consensus.json": ["query", "consensus", "--format", "json"],
    "evidence-rituximab.json": ["evidence", "rituximab", "--format", "json"],
}
#: exports written to files
EXPORTS = ("jsonld", "kgx", "sssom", "trig")


def digests() -> dict[str, str]:
    """Name -> SHA-256 of each output of the repository's ``data/`` built today."""
    from click.testing import CliRunner

    from omsgraph.cli import cli as main

    runner = CliRunner()
    base = ["--data", str(ROOT / "data"), "--ontology", str(ROOT / "ontology")]
    found: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        result = runner.invoke(main, [*base, "build", "--out", str(out)])
        if result.exit_code:
            raise RuntimeError(f"build failed: {result.output}")
        for path in sorted(out.rglob("*")):
            if path.is_file():
                found[f"out/{path.relative_to(out).as_posix()}"] = _sha(path.read_bytes())
        for name, args in COMMANDS.items():
            result = runner.invoke(main, [*base, *args])
            if result.exit_code:
                raise RuntimeError(f"{' '.join(args)} failed: {result.output}")
            found[name] = _sha(result.stdout_bytes)
        for fmt in EXPORTS:
            target = Path(tmp) / f"export-{fmt}"
            result = runner.invoke(main, [*base, "export", "--format", fmt, "-o", str(target)])
            if result.exit_code:
                raise RuntimeError(f"export {fmt} failed: {result.output}")
            for path in sorted(Path(tmp).glob(f"export-{fmt}*")):
                found[path.name] = _sha(path.read_bytes())
    return found


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_digests(path: Path = DIGESTS) -> dict[str, str]:
    rows = (line.split("  ", 1) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {name: sha for sha, name in rows}


def write_digests(found: dict[str, str], path: Path = DIGESTS) -> None:
    path.write_text("".join(f"{sha}  {name}\n" for name, sha in sorted(found.items())), "utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/output_digest.py --write")
    write_digests(digests())
    print(f"wrote {DIGESTS.relative_to(ROOT)}")
