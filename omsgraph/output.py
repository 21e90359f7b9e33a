"""Write output: files atomically (a reader never sees half a file), tables for people."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

__all__ = ["render_records", "render_table", "write_atomic"]


def write_atomic(
    path: Path, data: str | bytes | Callable[[BinaryIO], None], *, sync: bool = True
) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    ``data`` may also be a function that writes to the binary file it is given.
    ``sync=False`` skips the fsync before the rename, for a batch of many files that the
    caller makes durable at once (``os.sync()`` after the batch)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_table(names: list[str], rows: list[list[object]]) -> str:
    """Aligned plain-text columns, one line per row, for people reading a terminal."""
    cells = [[("" if v is None else str(v)).replace("\n", " ") for v in row] for row in rows]
    widths = [max([len(n), *(len(r[i]) for r in cells)]) for i, n in enumerate(names)]
    lines = [
        "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def render_records(records: list[dict[str, Any]], fmt: str) -> str:
    """Plain records as ``table``, ``csv``, ``tsv`` or ``json``."""
    if fmt == "json":
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    names = list(records[0]) if records else []
    rows = [[r[n] for n in names] for r in records]
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        return buffer.getvalue()
    return render_table(names, rows)
