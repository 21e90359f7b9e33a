"""The package's shape: outputs unchanged by moves, no import circle, small modules,
every stage package saying its job."""

from __future__ import annotations

from tests.output_digest import DIGESTS, digests, read_digests


def test_outputs_of_the_five_sources_are_unchanged() -> None:
    """Turtle, pages, JSON listings and exports byte for byte as recorded; an intended change
    regenerates tests/gold/outputs.sha256 (``python tests/output_digest.py --write``)."""
    found = digests()
    expected = read_digests(DIGESTS)
    assert sorted(found) == sorted(expected)
    changed = [name for name in expected if found[name] != expected[name]]
    assert not changed, f"outputs changed: {changed}"
