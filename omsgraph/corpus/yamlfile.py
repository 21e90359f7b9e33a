"""Read the curator's YAML files keeping line numbers, so errors can point at the line."""

from __future__ import annotations

import difflib
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from omsgraph.errors import DataError

__all__ = ["Mapping", "check_keys", "load_yaml", "require"]


class Mapping(dict):
    """A YAML mapping that remembers the (1-based) lines it and each of its keys start on."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        """The line of ``key`` if present, else the line the mapping starts on."""
        return getattr(self, "key_lines", {}).get(key, self.line)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: ~6x
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    mapping = Mapping()
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise DataError(f"duplicate key {key!r}", loader.name, key_node.start_mark.line + 1)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    mapping.line = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Parse ``path``; a syntax error becomes a :class:`DataError` naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read: {exc}", path) from None
    loader = _Loader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(f"invalid YAML: {exc.problem or exc.context}", path, line) from None
    except yaml.YAMLError as exc:
        raise DataError(f"invalid YAML: {exc}", path) from None
    finally:
        loader.dispose()


def require(record: Any, key: str, path: Path, kind: type = str) -> Any:
    """``record[key]``, which must be present, non-empty and of ``kind``."""
    if not isinstance(record, dict):
        raise DataError("expected a mapping", path, getattr(record, "line", None))
    value = record.get(key)
    if value is None or value == "" or not isinstance(value, kind):
        what = "missing" if value in (None, "") else f"must be a {kind.__name__}"
        raise DataError(
            f"{key!r} {what}", path, record.line_of(key) if isinstance(record, Mapping) else None
        )
    return value


def check_keys(record: Any, allowed: Collection[str], path: Path) -> None:
    """Refuse a key of the mapping ``record`` that is not in ``allowed``, at its line: a
    misspelt key (``polarty``) would otherwise be ignored and its default used silently."""
    if not isinstance(record, dict):
        return  # the caller says what it expected instead
    for key in record:
        if key in allowed:
            continue
        close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"use {', '.join(sorted(allowed))}"
        line = record.line_of(key) if isinstance(record, Mapping) else None
        raise DataError(f"unknown key {key!r} ({hint})", path, line)
