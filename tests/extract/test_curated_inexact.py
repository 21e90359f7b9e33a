"""The curated concepts that the reviewed SSSOM table maps only inexactly (curated_ids.inexact):
a lexical ID by a shared synonym must not override the curator's verdict."""

from __future__ import annotations

from pathlib import Path

from omsgraph.corpus.mappings import load_mappings
from omsgraph.extract.curated_ids import MAPPINGS, inexact


def test_inexact_concepts_are_those_without_an_exact_row():
    found = inexact()
    assert ("neurological-examination", "neurological examination") in found  # broadMatch only
    assert ("speech-difficulty", "speech difficulty") in found  # closeMatch only
    assert ("behavioural-problems", "behavioural problems") not in found  # exact in HPO
    assert ("opsoclonus", "opsoclonus") not in found
    assert ("tumour", "tumour") not in found  # exact MONDO beside a related HP row
    rows = load_mappings(MAPPINGS).mappings
    for concept, label in found:
        mine = [r for r in rows if r.concept_id == concept and r.subject_label == label]
        assert mine and all(r.predicate_id != "skos:exactMatch" for r in mine)


def test_no_table_no_verdict(tmp_path: Path):
    assert inexact(tmp_path / "none.sssom.tsv") == frozenset()
