"""Review of candidate claims: list them, accept, reject or edit them, for scripts and for
the review page (``omsgraph.web.review``).

Each decision is written at once, atomically, to the claims file (``data/claims/*.yaml``)
with the time and the reviewer (``reviewer:``, ``reviewed_at:``). A rejection or an edit
also leaves a tombstone in the file's ``tombstones:`` list, the candidate as the extractor
made it, so that ``omsgraph ingest`` never brings back a rejected or corrected candidate.
A rejected claim stays in the file with ``status: rejected``: it is not built nor counted.
A decision that would leave the file unloadable (an unknown concept, a bad polarity) is
refused before anything is written.
"""

from __future__ import annotations

import getpass
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from omsgraph.corpus.claims import Corpus, load_claims, load_corpus
from omsgraph.corpus.model import Claim
from omsgraph.corpus.yamlfile import load_yaml
from omsgraph.errors import DataError
from omsgraph.output import write_atomic

__all__ = [
    "DECISIONS",
    "EDITABLE",
    "ReviewItem",
    "check_claims_text",
    "claims_text",
    "decide",
    "default_reviewer",
    "plain",
    "review_items",
]

#: decision -> the status it gives a claim
DECISIONS = {"accept": "reviewed", "reject": "rejected", "edit": "reviewed"}
#: the fields of a claim an edit may change
EDITABLE = ("predicate", "object", "polarity", "certainty", "population", "qualifier")
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_ORDER = ("source", "proposed_concepts", "tombstones", "claims")  # claims last: ingest appends


@dataclass(frozen=True)
class ReviewItem:
    """One claim as the review shows it: where it is, what it says, where its quote is."""

    id: str
    source: str
    path: Path
    index: int  # its place in the file's claims list, from 0
    claim: Claim

    def row(self) -> dict[str, Any]:
        """A flat record for ``omsgraph review list``."""
        return {
            "id": self.id,
            "source": self.source,
            "status": self.claim.status.value,
            "predicate": self.claim.predicate,
            "object": self.claim.object,
            "polarity": self.claim.polarity.value,
            "certainty": self.claim.certainty.value,
            "population": self.claim.population,
            "confidence": self.claim.confidence,
            "start": self.claim.evidence.start,
            "end": self.claim.evidence.end,
            "quote": self.claim.evidence.quote,
        }


def default_reviewer() -> str:
    """``$OMSGRAPH_REVIEWER``, else the login name."""
    name = os.environ.get("OMSGRAPH_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _records(path: Path) -> list[Any]:
    data = load_yaml(path)
    return list(data.get("claims") or []) if isinstance(data, dict) else []


def review_items(
    data_dir: Path, status: str | None = "candidate", source: str | None = None
) -> list[ReviewItem]:
    """The claims of ``data_dir`` with ``status`` (None: all), of one ``source`` file or of
    every source, in file order."""
    corpus = load_corpus(data_dir)
    return _items(corpus, status, source)


def _items(corpus: Corpus, status: str | None, source: str | None) -> list[ReviewItem]:
    by_line: dict[str, dict[int, int]] = {}
    items = []
    for claim in corpus.claims:
        if (status and claim.status.value != status) or (source and claim.source != source):
            continue
        file, _, line = claim.origin.rpartition(":")
        if file not in by_line:
            by_line[file] = {getattr(r, "line", -1): n for n, r in enumerate(_records(Path(file)))}
        index = by_line[file].get(int(line))
        if index is not None:
            items.append(ReviewItem(claim.id, claim.source, Path(file), index, claim))
    return items


def _find(items: Sequence[ReviewItem], wanted: str) -> ReviewItem:
    key = wanted.strip().removeprefix("omsc:").lower()
    if not re.fullmatch(r"[0-9a-f]{4,16}", key):
        raise DataError(f"{wanted!r} is not a claim id (16 hex digits, or its first 4 or more)")
    found = [item for item in items if item.id.startswith(key)]
    if not found:
        raise DataError(f"no claim {wanted!r} (see `omsgraph review list --status all`)")
    if len(found) > 1:
        raise DataError(f"{wanted!r} names {len(found)} claims; give more of its digits")
    return found[0]


def _tombstone(record: dict[str, Any], decision: str, reviewer: str, at: str) -> dict[str, Any]:
    stone = {k: record[k] for k in ("predicate", "object", "quote") if k in record}
    if int(record.get("occurrence", 1) or 1) > 1:
        stone["occurrence"] = record["occurrence"]
    stone["polarity"] = record.get("polarity", "affirmed")
    stone.update(decision=decision, reviewer=reviewer, at=at)
    return stone


def claims_text(path: Path, data: dict[str, Any]) -> str:
    """The claims file ``path`` rewritten with ``data`` (its header comment kept; the
    claims last, so that ingest can append to it)."""
    old = path.read_text(encoding="utf-8")
    header = "".join(line for line in old.splitlines(True)[:10] if line.startswith("#"))
    ordered = {k: data[k] for k in _ORDER if data.get(k)}
    ordered.update({k: v for k, v in data.items() if k not in ordered and v})
    ordered.setdefault("claims", [])
    body = yaml.dump(ordered, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def plain(value: Any) -> Any:
    """YAML-loaded data as plain dicts and lists, so it can be written back."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def decide(
    data_dir: Path,
    ids: Iterable[str],
    decision: str,
    reviewer: str | None = None,
    changes: dict[str, str] | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Apply ``decision`` (accept, reject or edit with ``changes``) to the claims ``ids``;
    return their ids afterwards (an edit changes what a claim says, so its id)."""
    if decision not in DECISIONS:
        raise DataError(f"unknown decision {decision!r}; use one of {', '.join(DECISIONS)}")
    changes = {k: v for k, v in (changes or {}).items() if v is not None}
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise DataError(f"cannot edit {', '.join(sorted(unknown))}; edit {', '.join(EDITABLE)}")
    if decision == "edit" and not changes:
        raise DataError("an edit needs at least one change (--object, --polarity, ...)")
    reviewer = reviewer or default_reviewer()
    at = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    corpus = load_corpus(data_dir)
    items = _items(corpus, None, None)
    chosen = [_find(items, wanted) for wanted in ids]
    by_path: dict[Path, list[ReviewItem]] = {}
    for item in chosen:
        by_path.setdefault(item.path, []).append(item)
    sources = {s.file: s for s in corpus.sources}
    texts: dict[Path, str] = {}
    new_ids: dict[tuple[Path, int], str] = {}
    for path, group in by_path.items():
        data = plain(load_yaml(path))
        records, stones = data["claims"], list(data.get("tombstones") or [])
        for item in group:
            record = records[item.index]
            if decision in ("reject", "edit") and record.get("method") == "automatic":
                stone = _tombstone(record, "rejected" if decision == "reject" else "edited",
                                   reviewer, at)  # fmt: skip
                if not any(_same(stone, s) for s in stones):
                    stones.append(stone)
            record.update(changes)
            record.update(status=DECISIONS[decision], reviewer=reviewer, reviewed_at=at)
            if note:
                record["note"] = note
        data["tombstones"] = stones
        text = claims_text(path, data)
        checked = check_claims_text(text, path, sources, corpus)
        for item in group:
            new_ids[(path, item.index)] = checked[item.index].id
        texts[path] = text
    for path, text in texts.items():  # every file checked before any is written
        write_atomic(path, text)
    return [new_ids[(item.path, item.index)] for item in chosen]


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    keys = ("predicate", "object", "quote", "occurrence", "polarity")
    return all(a.get(k) == b.get(k) for k in keys)


def check_claims_text(text: str, path: Path, sources: dict, corpus: Corpus) -> list[Claim]:
    """The claims of ``text`` (the new content of ``path``), loaded as the build would: a
    decision that breaks the file is refused, named by the file it would break."""
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / path.name
        trial.write_text(text, encoding="utf-8")
        try:
            return load_claims(trial, sources, corpus.vocabulary)
        except DataError as exc:
            message = exc.message.replace(str(trial), str(path))
            raise DataError(f"refused, nothing written: {message}", path, exc.line) from None
