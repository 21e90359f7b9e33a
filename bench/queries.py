"""Every named query on an on-disk Oxigraph store: raw pyoxigraph beside the user-visible CLI.

For each named query (``omsgraph/graph/queries/*.rq``) this reports the wall seconds of the first
run and the best of ``--repeat`` runs (3 by default), twice:

* ``raw``: ``pyoxigraph.Store.read_only(STORE).query(text)``, every answer row read, in this
  process (parameters bound as ``omsgraph.graph.store`` binds them for Oxigraph: a trailing
  ``VALUES`` clause);
* ``cli``: ``omsgraph --store oxigraph:STORE query NAME --format tsv`` as a subprocess, output
  discarded: what a user waits for, Python start-up and imports included. The row ``(start-up)``
  is the same command with ``ASK {}``, the floor of every ``cli`` figure.

``source`` takes the first source file name of the store unless ``--file`` names one. The store
must exist; ``--data DATA`` builds it first when it is missing or empty, the way a user does
(``omsgraph --data DATA --store oxigraph:STORE query consensus``), and reports that time.

    .venv/bin/python bench/corpus.py /tmp/c10k --docs 10000
    .venv/bin/python bench/queries.py /tmp/store10k --data /tmp/c10k
    .venv/bin/python bench/queries.py /tmp/store10k --json
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

__all__ = ["build_store", "measure"]

OMSGRAPH = [sys.executable, "-m", "omsgraph"]
FIRST_SOURCE = """PREFIX oms: <https://w3id.org/omsgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?file WHERE { ?source a oms:Source ; dcterms:identifier ?file } ORDER BY ?file LIMIT 1"""


def _timed(action: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    value = action()
    return value, time.perf_counter() - started


def _is_empty(store: Path) -> bool:
    return not store.is_dir() or not any(store.iterdir())


def build_store(data: Path, store: Path) -> float:
    """Fill the empty on-disk store ``store`` from ``data`` through the CLI; wall seconds."""
    command = [*OMSGRAPH, "--data", str(data), "--store", f"oxigraph:{store}"]
    _, seconds = _timed(
        lambda: subprocess.run(
            [*command, "query", "consensus", "--format", "tsv"],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
        )
    )
    return seconds


def _raw(store: Path, file: str | None, repeat: int) -> tuple[str, dict[str, dict[str, Any]]]:
    import pyoxigraph

    from omsgraph.graph.query import named_queries

    inner = pyoxigraph.Store.read_only(str(store))
    if file is None:
        file = next(iter(inner.query(FIRST_SOURCE)))["file"].value
    values = f'\nVALUES ( ?file ) {{ ( "{file}" ) }}\n'
    rows: dict[str, dict[str, Any]] = {}
    for name, query in named_queries().items():
        text = query.text + (values if query.parameters else "")
        times = []
        for _ in range(repeat):
            count, seconds = _timed(lambda t=text, s=inner: sum(1 for _ in s.query(t)))
            times.append(seconds)
        rows[name] = {"rows": count, "raw_first_s": times[0], "raw_best_s": min(times)}
    del inner
    gc.collect()  # release the store before the CLI opens it
    return file, rows


def _cli(store: Path, args: list[str], repeat: int) -> tuple[int, list[float]]:
    command = [*OMSGRAPH, "--store", f"oxigraph:{store}", "query", *args, "--format", "tsv"]
    times, lines = [], 0
    for _ in range(repeat):
        result, seconds = _timed(
            lambda: subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
        )
        times.append(seconds)
        lines = result.stdout.count("\n")
    return lines - 1, times  # less the header line


def measure(store: Path, file: str | None = None, repeat: int = 3) -> dict[str, Any]:
    """Every named query on ``store``: rows, raw and CLI seconds (first run, best run)."""
    from omsgraph.graph.query import named_queries

    file, rows = _raw(store, file, repeat)
    _, startup = _cli(store, ["ASK {}"], repeat)
    out: dict[str, Any] = {
        "store": str(store),
        "file": file,
        "repeat": repeat,
        "cli_startup_first_s": startup[0],
        "cli_startup_best_s": min(startup),
    }
    for name, query in named_queries().items():
        params = ["-p", f"file={file}"] if query.parameters else []
        lines, times = _cli(store, [name, *params], repeat)
        rows[name] |= {"cli_rows": lines, "cli_first_s": times[0], "cli_best_s": min(times)}
    out["queries"] = rows
    return out


def _table(result: dict[str, Any]) -> str:
    columns = ("rows", "raw_first_s", "raw_best_s", "cli_first_s", "cli_best_s")
    lines = [f"store {result['store']}  (source: {result['file']}; best of {result['repeat']})"]
    lines.append(f"{'query':<12}" + "".join(f"{c:>13}" for c in columns))
    startup = {
        "cli_first_s": result["cli_startup_first_s"],
        "cli_best_s": result["cli_startup_best_s"],
    }
    for name, row in [("(start-up)", startup), *result["queries"].items()]:
        cells = []
        for column in columns:
            value = row.get(column, "-")
            cells.append(f"{value:>13.3f}" if isinstance(value, float) else f"{value!s:>13}")
        lines.append(f"{name:<12}" + "".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="an on-disk Oxigraph store directory")
    parser.add_argument("--data", type=Path, help="build the store from DATA when it is empty")
    parser.add_argument("--file", help="the source file name for query `source`")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (default 3)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    built = None
    if _is_empty(args.store):
        if args.data is None:
            parser.error(f"{args.store} holds no store; give --data DATA to build it")
        built = build_store(args.data, args.store)
    result = measure(args.store, args.file, max(1, args.repeat))
    if built is not None:
        result["build_s"] = built
    if args.json:
        print(json.dumps(result))
    else:
        if built is not None:
            print(f"built {args.store} from {args.data} in {built:.1f} s")
        print(_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
