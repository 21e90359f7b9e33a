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


def test_a_shared_synonym_gives_an_inexactly_mapped_concept_no_id():
    """The curator mapped neurological examination only broadly to MAxO's physical
    examination; its synonym "physical examination" must not make that an exact ID."""
    from omsgraph.corpus.vocabulary import load_vocabulary
    from omsgraph.extract import Extractor
    from omsgraph.extract.lexicon import Lexicon

    vocabulary = load_vocabulary(Path(__file__).resolve().parents[2] / "data" / "vocabulary.yaml")
    lexicon = Extractor(vocabulary).lexicon
    assert isinstance(lexicon, Lexicon)
    grounded = lexicon.concepts["neurological-examination"]
    assert getattr(grounded, "curie", None) is None
    assert lexicon.concepts["behavioural-problems"].curie == "HP:0000708"  # exact row kept
