"""The issue-6 target end to end: N documents ingested and built, wall time and peak memory.

For the texts of a ``bench/corpus.py`` corpus (only its ``sources/*.txt``, linked into a
``texts/`` directory; its curated claims are not used), in a fresh data directory holding
only ``vocabulary.yaml``, this runs the two commands a user runs, each in its own process:

    omsgraph --data DATA ingest --jobs J TEXTS/
    omsgraph --data DATA --store auto build --out OUT

and reports each one's wall seconds and peak memory: the most, over samples every 0.25 s,
of the summed proportional set size (PSS, from /proc/PID/smaps_rollup) of the command and all
its worker processes, so pages the forked workers share with their parent count once.

    .venv/bin/python bench/corpus.py /tmp/c100k --docs 100000
    .venv/bin/python bench/pipeline.py /tmp/c100k /tmp/p100k --json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

__all__ = ["run_measured", "run_pipeline"]

OMSGRAPH = [sys.executable, "-m", "omsgraph"]


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc/PID/task/*/children."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def run_measured(command: list[str], log: Path) -> dict[str, Any]:
    """Run ``command`` (its output to ``log``); its wall seconds, exit code, peak memory."""
    peak = 0
    started = time.perf_counter()
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, sum(_pss_kb(pid) for pid in _tree(process.pid)))
                done.wait(0.25)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = process.wait()
        done.set()
        sampler.join()
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "exit": code,
        "peak_mb": round(peak / 1024),
    }


def run_pipeline(corpus: Path, work: Path, jobs: int = 2) -> dict[str, Any]:
    """Ingest the texts of ``corpus`` into a fresh data directory under ``work``, then build."""
    texts, data, out = work / "texts", work / "data", work / "out"
    shutil.rmtree(work, ignore_errors=True)
    texts.mkdir(parents=True)
    data.mkdir()
    shutil.copy(corpus / "vocabulary.yaml", data / "vocabulary.yaml")
    documents = sorted((corpus / "sources").glob("*.txt"))
    for path in documents:
        os.link(path, texts / path.name)
    result: dict[str, Any] = {"documents": len(documents), "jobs": jobs, "cores": os.cpu_count()}
    ingest = OMSGRAPH + ["--data", str(data), "ingest", "--jobs", str(jobs), str(texts)]
    result["ingest"] = run_measured(ingest, work / "ingest.log")
    build = OMSGRAPH + ["--data", str(data), "--store", "auto", "build", "--out", str(out)]
    result["build"] = run_measured(build, work / "build.log")
    result["build_says"] = (work / "build.log").read_text(encoding="utf-8").strip()[-400:]
    result["seconds"] = round(result["ingest"]["seconds"] + result["build"]["seconds"], 1)
    result["peak_mb"] = max(result["ingest"]["peak_mb"], result["build"]["peak_mb"])
    result["turtle_mb"] = round((out / "omsgraph.ttl").stat().st_size / 1e6, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a directory written by bench/corpus.py")
    parser.add_argument("work", type=Path, help="scratch directory (emptied first)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = run_pipeline(args.corpus, args.work, args.jobs)
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))
    return 0 if result["ingest"]["exit"] == result["build"]["exit"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
