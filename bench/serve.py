"""Load on ``omsgraph serve``: requests per second, p50/p99 latency, errors and memory.

Starts ``python -m omsgraph serve --port 0`` (over the graph built from ``data/``, or
``--graph FILE``) from the source tree given by ``--source`` (default: this checkout; give an
older checkout to measure the code before a change), waits for it to listen, then runs each
client count in turn: every client is a thread with its own keep-alive connection that sends
the named queries (``omsgraph/queries``, parameters bound by a trailing VALUES) round-robin
for ``--seconds`` seconds. Clients connect from distinct loopback addresses (127.0.0.10,
127.0.0.11, ...), as distinct machines would; ``--same-address`` sends all from 127.0.0.1.
Memory is the resident size of the server and its query processes, sampled every 0.2 s.

    .venv/bin/python bench/serve.py                       # 10 and 50 clients, 15 s each
    .venv/bin/python bench/serve.py --clients 10 --seconds 5 --source /tmp/old-checkout
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAMS = {"file": "000_aa4b564b5e99cff4.txt"}


def _queries(source: Path) -> list[str]:
    texts = []
    for path in sorted((source / "omsgraph" / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r"^# Parameter \?(\w+)", text, flags=re.M):
            text += f'\nVALUES ?{name} {{ "{PARAMS[name]}" }}'
        texts.append(text)
    return texts


def _tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and its children (the query processes)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if int(entry) == pid or ppid == pid:
                for line in Path(f"/proc/{entry}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            continue
    return total


def _client(port: int, address: str, queries: list[str], stop: float, out: list) -> None:
    source = None if address == "127.0.0.1" else (address, 0)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=source)
    i = 0
    while time.monotonic() < stop:
        path = "/sparql?" + urllib.parse.urlencode({"query": queries[i % len(queries)]})
        i += 1
        started = time.monotonic()
        try:
            conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = -1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=source)
        out.append((status, time.monotonic() - started))
    conn.close()


def run(port: int, pid: int, clients: int, seconds: float, same: bool, queries: list[str]):
    results: list[tuple[int, float]] = []
    peak = [_tree_rss(pid)]
    stop = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=_client,
            args=(port, "127.0.0.1" if same else f"127.0.0.{10 + i}", queries, stop, results),
        )
        for i in range(clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        peak.append(_tree_rss(pid))
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    latencies = sorted(t for s, t in results if s == 200)
    errors = sum(1 for s, _ in results if s != 200)
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "clients": clients,
        "requests": len(results),
        "req_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(q[49] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
        "errors": errors,
        "rss_mib_peak": round(max(peak) / 2**20, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--source", type=Path, default=ROOT)
    parser.add_argument("--graph", type=Path, default=None)
    parser.add_argument("--same-address", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    command = [sys.executable, "-m", "omsgraph", "serve", "--port", "0"]
    if args.graph:
        command += ["--graph", str(args.graph)]
    env = {**os.environ, "PYTHONPATH": str(args.source.resolve())}
    server = subprocess.Popen(command, cwd=args.source, env=env, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline() if server.stderr else ""
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not found:
            sys.exit(f"the server did not start: {line.strip()}")
        port = int(found.group(1))
        # drain the server's request log, or a full pipe would stall it
        threading.Thread(target=server.stderr.read, daemon=True).start()
        queries = _queries(args.source)
        idle = round(_tree_rss(server.pid) / 2**20, 1)
        rows = [
            run(port, server.pid, n, args.seconds, args.same_address, queries) for n in args.clients
        ]
    finally:
        server.terminate()
        server.wait(30)
    if args.json:
        print(json.dumps({"rss_mib_idle": idle, "runs": rows}, indent=2))
        return
    print(f"server + query processes idle: {idle} MiB")
    print("clients  requests  req/s   p50 ms   p99 ms  errors  peak MiB")
    for r in rows:
        print(
            f"{r['clients']:>7}  {r['requests']:>8}  {r['req_per_s']:>5}  {r['p50_ms']:>7}  "
            f"{r['p99_ms']:>7}  {r['errors']:>6}  {r['rss_mib_peak']:>8}"
        )


if __name__ == "__main__":
    main()
