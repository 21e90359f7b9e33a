"""Write output: files atomically (a reader never sees half a file), tables for people."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from omsgraph.errors import DataError

__all__ = [
    "MANIFEST",
    "render_records",
    "render_table",
    "replace_directory",
    "tsv_table",
    "write_atomic",
]

T = TypeVar("T")


def write_atomic(
    path: Path, data: str | bytes | Callable[[BinaryIO], None], *, sync: bool = True
) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    ``data`` may also be a function that writes to the binary file it is given.
    ``sync=False`` skips the fsync before the rename, for a batch of many files that the
    caller makes durable at once (``os.sync()`` after the batch)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # /proc/x, /dev/null/x, a read-only directory: a user's mistake
        raise DataError(_cannot_write(exc, path), path) from None
    in_callable = False
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                in_callable = True  # what the function raises is its own: passed on as is
                data(handle)
                in_callable = False
            else:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a file too large, a directory in the way
        Path(tmp).unlink(missing_ok=True)
        if in_callable:
            raise
        raise DataError(f"cannot write: {exc.strerror}", path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cannot_write(exc: OSError, path: Path) -> str:
    """Why ``path`` cannot be written, in words: mkdir says "File exists" for /dev/null/x."""
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        blocking = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            return f"cannot write: {blocking} is not a directory"
    return f"cannot write: {exc.strerror}"


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


def tsv_table(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    """``rows`` as a TSV table with a header, for the exchange formats (KGX, SSSOM): every
    value on one line (runs of white space made one space), a key outside ``columns`` an error."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=columns, delimiter="\t", lineterminator="\n", extrasaction="raise"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({k: " ".join(row.get(k, "").split()) for k in columns})
    return buffer.getvalue()


#: the list of the files a build wrote, kept in its output directory: the next build replaces
#: or removes exactly these and leaves every other file there alone
MANIFEST = ".omsgraph-build"
_STAGING = ".build-"  # OUT's new set is written into the sibling directory .OUT.build-XXXXXXXX


def replace_directory(
    out_dir: Path, write: Callable[[Path], T], owned: Callable[[str], bool] = lambda _: False
) -> T:
    """Call ``write(staging)`` to write a new set of files into a fresh sibling directory of
    ``out_dir``, then put that set in place of the previous one as a whole, so ``out_dir``
    never holds files of two runs, and a run that fails or is killed leaves it as it was.

    The files of the previous run are those its :data:`MANIFEST` lists (``owned(name)`` says
    which are, where there is no manifest yet); every other file of ``out_dir`` is the user's
    and is kept: hard-linked into the new set, which then takes the place of ``out_dir`` in
    one atomic exchange of the two directories (Linux ``renameat2``). Where that cannot be
    (no exchange, a mount point, a user's subdirectory in ``out_dir``, no hard links), the
    new files are renamed into ``out_dir`` one by one, each atomically, and the previous
    run's other files removed after."""
    out = Path(os.path.realpath(out_dir))
    for leftover in out.parent.glob(f".{out.name}{_STAGING}*"):  # of a run that was killed
        if leftover.is_dir() and not leftover.is_symlink() and not _in_use(leftover):
            _remove_tree(leftover)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}{_STAGING}", dir=out.parent))
        lock = os.open(staging, os.O_RDONLY)  # held while this run lives (see _in_use)
    except OSError as exc:
        raise DataError(_cannot_write(exc, out), out_dir) from None
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        try:
            result = write(staging)
            new = sorted(p.name for p in staging.iterdir())
            (staging / MANIFEST).write_text(
                "# Written by omsgraph build; the next build replaces or removes these files\n"
                + "".join(f"{name}\n" for name in new),
                encoding="utf-8",
            )
            _swap(staging, out, set(new) | {MANIFEST}, owned)
        except OSError as exc:
            raise DataError(f"cannot write: {exc.strerror or exc}", out_dir) from None
        except DataError as exc:  # named as the file it was to become, not the staging one
            if exc.path is None or not exc.path.startswith(f"{staging}{os.sep}"):
                raise
            path = Path(out_dir) / Path(exc.path).relative_to(staging)
            raise DataError(exc.message, path, exc.line) from None
    finally:
        if staging.exists():
            _remove_tree(staging)
        os.close(lock)
    return result


def _in_use(staging: Path) -> bool:
    """Whether a run that is still alive writes into ``staging`` (it holds a lock on it)."""
    try:
        fd = os.open(staging, os.O_RDONLY)
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _previous(out: Path, owned: Callable[[str], bool]) -> set[str]:
    """The names of the files the previous run wrote into ``out``."""
    try:
        lines = (out / MANIFEST).read_text(encoding="utf-8").splitlines()
        names = {line for line in lines if line and not line.startswith("#")}
    except (OSError, UnicodeDecodeError):
        names = {p.name for p in out.iterdir() if owned(p.name)}
    # only files directly in ``out``: never a directory, whatever the list says
    return {
        name
        for name in names
        if "/" not in name
        and name not in (".", "..")
        and ((out / name).is_symlink() or not (out / name).is_dir())
    }


def _swap(staging: Path, out: Path, new: set[str], owned: Callable[[str], bool]) -> None:
    """Put the files of ``staging`` in place of the previous run's in ``out``."""
    if not out.is_dir():
        os.chmod(staging, 0o777 & ~_umask())
        os.rename(staging, out)
        return
    previous = _previous(out, owned) | {MANIFEST}
    theirs = sorted(name for name in os.listdir(out) if name not in previous | new)
    if _carry(out, staging, theirs):
        os.chmod(staging, os.stat(out).st_mode & 0o7777)
        if _exchange(staging, out):  # staging now holds the previous directory
            for name in os.listdir(staging):  # written there by someone during the run
                if name not in previous | new and name not in theirs:
                    os.rename(staging / name, out / name)
            return
    for name in sorted(new):  # one by one: each file whole, not the set
        os.replace(staging / name, out / name)
    for name in sorted(previous - new):
        (out / name).unlink(missing_ok=True)


def _carry(out: Path, staging: Path, names: list[str]) -> bool:
    """Hard-link the user's files ``names`` of ``out`` into ``staging``; False when one is a
    directory or anything else that cannot be linked (the caller then works in place)."""
    for name in names:
        path = out / name
        try:
            if path.is_symlink():
                os.symlink(os.readlink(path), staging / name)
            elif path.is_file():
                os.link(path, staging / name, follow_symlinks=False)
            else:
                return False
        except OSError:
            return False
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Swap the directories ``a`` and ``b`` in one step (Linux renameat2 RENAME_EXCHANGE);
    False where the system or the file system cannot."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
