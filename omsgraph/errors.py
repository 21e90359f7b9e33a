"""The one error a user's input can raise: it names the file and line and says what to fix."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DataError"]


class DataError(Exception):
    """Bad input data. ``str(error)`` is the one-line message shown to the user."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        where = self.path or ""
        if where and line is not None:
            where += f":{line}"
        super().__init__(f"{where}: {message}" if where else message)

    def __reduce__(self) -> tuple:  # raised in a worker process, shown here the same
        return (DataError, (self.message, self.path, self.line))
