"""Reading a document's bytes safely: a regular file of bounded size, checked on the file
opened (a FIFO would wait for a writer; /dev/zero never ends)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from omsgraph.errors import DataError

__all__ = ["MAX_DOCUMENT_BYTES", "check_document", "read_bytes"]

#: the largest document ``extract`` and ``ingest`` read (50 MB; a PubMed export of some
#: thousands of records): past it a file is refused, it is not read to the end
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


def _check_stat(info: os.stat_result, path: Path) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise DataError("is a directory, not a document", path)
    if not stat.S_ISREG(info.st_mode):
        raise DataError("not a regular file (a device, FIFO or socket): give a file", path)
    if info.st_size > MAX_DOCUMENT_BYTES:
        raise DataError(_too_large(info.st_size), path)


def _too_large(size: int) -> str:
    limit = MAX_DOCUMENT_BYTES // 2**20
    return f"{size / 2**20:.1f} MB is more than a document may be ({limit} MB); split it"


def check_document(path: Path) -> None:
    """Refuse ``path`` unless it is a regular file of at most `MAX_DOCUMENT_BYTES`, without
    opening it (opening a FIFO waits for a writer; reading /dev/zero never ends)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path) from None
    _check_stat(info, path)


def read_bytes(path: Path) -> bytes:
    """The bytes of the regular file ``path``, checked on the file opened (not only on its
    name) and read no further than the limit."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path) from None
    try:
        _check_stat(os.fstat(fd), path)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path) from None
    finally:
        os.close(fd)
    if len(data) > MAX_DOCUMENT_BYTES:  # it grew since, or said its size wrong (/proc)
        raise DataError(_too_large(len(data)), path)
    return data
