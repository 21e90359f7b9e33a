"""Loading claims: quote anchoring, offsets, and one-line errors that name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from omsgraph.corpus.claims import anchor, load_corpus
from omsgraph.corpus.model import Certainty, Polarity
from omsgraph.errors import DataError


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_loads_with_offsets(data_dir: Path) -> None:
    corpus = load_corpus(data_dir)
    text = corpus.sources[0].text
    assert len(corpus.claims) == 5
    for claim in corpus.claims:
        ev = claim.evidence
        assert text[ev.start : ev.end] == ev.quote
        assert text[: ev.start].endswith(ev.prefix) and text[ev.end :].startswith(ev.suffix)
    rituximab = next(c for c in corpus.claims if c.object == "rituximab")
    assert rituximab.certainty is Certainty.HEDGED and rituximab.population == "children"
    chemo = next(c for c in corpus.claims if c.object == "chemotherapy")
    assert chemo.polarity is Polarity.NEGATED
    assert {c.reference for c in corpus.claims if c.predicate == "has_symptom"} == {1}


def test_synonym_resolves_to_concept_id(data_dir: Path) -> None:
    corpus = load_corpus(data_dir)
    assert any(c.object == "rituximab" for c in corpus.claims)  # written as "Rituxan"


@pytest.mark.parametrize(
    ("old", "new", "message", "line"),
    [
        (
            'quote: "It is often treated with rituximab."',
            'quote: "It is often treated by rituximab."',
            "quote not found in 100_fixture.txt",
            13,
        ),
        ("object: Rituxan", "object: unobtanium", "unknown concept 'unobtanium'", 12),
        ("predicate: epidemiology", "predicate: cures", "unknown predicate 'cures'", 20),
        ("polarity: negated", "polarity: maybe", "polarity 'maybe' is not one of", 19),
        (
            "reference: 1\n  - predicate: has_symptom",
            "reference: 7\n  - predicate: has_symptom",
            "reference 7 is not in the reference list",
            6,
        ),
        (
            "    certainty: hedged",
            "    certainty: hedged\n    certainty: asserted",
            "duplicate key 'certainty'",
            15,
        ),
        ('object: "age: children"', 'object: "age: children', "invalid YAML", None),
    ],
)
def test_errors_name_file_and_line(
    data_dir: Path, old: str, new: str, message: str, line: int | None
) -> None:
    path = data_dir / "claims" / "100_fixture.yaml"
    _edit(path, old, new)
    with pytest.raises(DataError) as info:
        load_corpus(data_dir)
    error = info.value
    assert message in str(error)
    assert error.path == str(path)
    if line is not None:
        assert error.line == line
    assert "\n" not in str(error)


def test_near_miss_hint_for_spacing(data_dir: Path) -> None:
    _edit(
        data_dir / "claims" / "100_fixture.yaml",
        '"It does not require chemotherapy."',
        '"It  does not require\\nchemotherapy."',
    )
    with pytest.raises(DataError, match="other spacing or case on its line 3"):
        load_corpus(data_dir)


def test_duplicate_claim_is_an_error(data_dir: Path) -> None:
    path = data_dir / "claims" / "100_fixture.yaml"
    path.write_text(
        path.read_text()
        + """  - predicate: treated_by
    object: rituximab
    quote: "It is often treated with rituximab."
"""
    )
    with pytest.raises(DataError, match="duplicate claim"):
        load_corpus(data_dir)


def test_unknown_source_and_missing_metadata(data_dir: Path) -> None:
    _edit(
        data_dir / "claims" / "100_fixture.yaml",
        "source: 100_fixture.txt",
        "source: 999_missing.txt",
    )
    with pytest.raises(DataError, match="'999_missing.txt' is not in data/sources"):
        load_corpus(data_dir)
    (data_dir / "sources" / "101_orphan.txt").write_text("text", encoding="utf-8")
    with pytest.raises(DataError, match="no metadata record"):
        load_corpus(data_dir)


@pytest.mark.parametrize("payload", [b"", b"   \n", b"\xff\xfe\x00\x01binary", b"caf\xe9 latin-1"])
def test_unreadable_source_text(data_dir: Path, payload: bytes) -> None:
    (data_dir / "sources" / "100_fixture.txt").write_bytes(payload)
    with pytest.raises(DataError, match="100_fixture.txt"):
        load_corpus(data_dir)


def test_occurrence_selects_later_match() -> None:
    text = "OMS is rare. OMS is rare."
    assert anchor(text, "OMS is rare.").start == 0
    assert anchor(text, "OMS is rare.", 2).start == 13
    assert anchor(text, "OMS is rare.", 3) is None


@given(st.text(min_size=1, max_size=200), st.integers(0, 200), st.integers(1, 50))
def test_anchor_round_trips(text: str, start: int, length: int) -> None:
    start = min(start, len(text) - 1)
    quote = text[start : start + length]
    evidence = anchor(text, quote)
    assert evidence is not None
    assert text[evidence.start : evidence.end] == quote
    assert evidence.start <= start
    assert text.find(quote) == evidence.start
