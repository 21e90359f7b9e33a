"""The ontology layer: automaton matching, precision guards, the curated layer on top, the cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from omsgraph.corpus.model import Concept
from omsgraph.corpus.vocabulary import Vocabulary, load_vocabulary, normalise
from omsgraph.extract import Extractor, Lexicon
from omsgraph.extract.ontolex import GroundedConcept, OntologyLexicon, load_ontologies

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ontologies() -> OntologyLexicon:
    return load_ontologies()


@pytest.fixture(scope="module")
def lexicon(ontologies: OntologyLexicon) -> Lexicon:
    return Lexicon(load_vocabulary(ROOT / "data" / "vocabulary.yaml"), ontologies)


def _tiny_vocabulary(*concepts: Concept) -> Vocabulary:
    names = {normalise(n): c.id for c in concepts for n in (c.id, *c.names)}
    return Vocabulary(concepts={c.id: c for c in concepts}, names=names)


def found(lexicon: Lexicon, text: str) -> list[tuple[str, str, str | None]]:
    return [
        (m.surface, m.concept.type, getattr(m.concept, "curie", None)) for m in lexicon.find(text)
    ]


def test_ontology_names_are_found_with_id_type_and_release(lexicon: Lexicon) -> None:
    text = "The boy had marked photophobia, a head tremor and was given dexamethasone."
    mentions = {m.surface: m.concept for m in lexicon.find(text)}
    photophobia = mentions["photophobia"]
    assert isinstance(photophobia, GroundedConcept)
    assert (photophobia.curie, photophobia.type, photophobia.ontology) == (
        "HP:0000613",
        "symptom",
        "HP",
    )
    assert photophobia.release == "hp/releases/2025-01-16"
    assert mentions["head tremor"].curie == "HP:0002346"
    assert mentions["dexamethasone"].type == "drug"
    assert mentions["dexamethasone"].curie.startswith(("MESH:", "DRUGBANK:"))


def test_types_by_branch(ontologies: OntologyLexicon) -> None:
    lexicon = Lexicon(_tiny_vocabulary(), ontologies)
    kinds = {s: (k, c) for s, k, c in found(lexicon, "an ovarian teratoma; an appendectomy")}
    assert kinds["ovarian teratoma"][0] == "tumour"
    assert kinds["appendectomy"][0] == "procedure"
    kinds = {s: k for s, k, _ in found(lexicon, "an electroencephalography was normal")}
    assert kinds["electroencephalography"] == "test"
    assert {k for s, k, _ in found(lexicon, "after a viral meningitis")} == {"infection"}


def test_inflections_and_word_boundaries(lexicon: Lexicon) -> None:
    assert [c for s, _, c in found(lexicon, "Head Tremors were seen.")] == ["HP:0002346"]
    # part of a longer word is never a match
    assert found(lexicon, "the pseudophotophobia index") == []


def test_common_english_words_and_generic_names_do_not_match(ontologies) -> None:
    lexicon = Lexicon(_tiny_vocabulary(), ontologies)
    text = "She had a fit of rage, caught a cold, cast spells and felt the strain of it all."
    assert found(lexicon, text) == []
    assert [s for s, _, _ in found(lexicon, "Her pain was severe.")] == ["pain"]


def test_abbreviations_match_only_as_spelt(ontologies: OntologyLexicon) -> None:
    lexicon = Lexicon(_tiny_vocabulary(), ontologies)
    upper = found(lexicon, "A boy with ADHD was seen.")
    assert [(s, c) for s, _, c in upper] == [("ADHD", "HP:0007018")]
    assert found(lexicon, "A boy with adhd was seen.") == []
    assert ontologies.lookup("ADHD") is not None and ontologies.lookup("Adhd") is None


def test_longest_match_wins_over_a_shorter_one(ontologies: OntologyLexicon) -> None:
    lexicon = Lexicon(_tiny_vocabulary(), ontologies)
    names = [s for s, _, _ in found(lexicon, "He has small cell lung cancer.")]
    assert names == ["small cell lung cancer"]
    # but never across a comma or a full stop
    assert all("," not in s for s, _, _ in found(lexicon, "small cell, lung cancer"))


def test_curated_layer_wins_where_names_collide(ontologies: OntologyLexicon) -> None:
    curated = Concept(
        id="light-sensitivity",
        label="light-sensitivity",
        type="complication",
        synonyms=("photophobia",),
    )
    lexicon = Lexicon(_tiny_vocabulary(curated), ontologies)
    (mention,) = lexicon.find("marked photophobia")
    assert mention.concept.id == "light-sensitivity" and mention.concept.type == "complication"
    # the curated concept carries the ID of the ontology entry that names it the same way
    assert isinstance(mention.concept, GroundedConcept) and mention.concept.curated
    assert mention.concept.curie == "HP:0000613"
    assert lexicon.lookup("photophobia").id == "light-sensitivity"


def test_a_curated_name_of_another_kind_gets_no_id(ontologies: OntologyLexicon) -> None:
    curated = Concept(id="odd", label="photophobia", type="drug")
    lexicon = Lexicon(_tiny_vocabulary(curated), ontologies)
    assert not isinstance(lexicon.concepts["odd"], GroundedConcept)


def test_without_ontologies_only_the_vocabulary_counts() -> None:
    lexicon = Lexicon(load_vocabulary(ROOT / "data" / "vocabulary.yaml"), ontologies=False)
    assert found(lexicon, "marked photophobia") == []


def test_claim_records_carry_the_curie_and_the_lexical_match(lexicon: Lexicon) -> None:
    extractor = Extractor(lexicon.vocabulary)
    text = "Symptoms of OMS include opsoclonus, photophobia and unsteady gait."
    records = {r["object"]: r for r in (c.record("s.txt") for c in extractor.extract(text))}
    photophobia = records["photophobia"]
    assert photophobia["object_id"] == "HP:0000613" and photophobia["predicate"] == "has_symptom"
    assert photophobia["object_match_justification"] == "semapv:LexicalMatching"
    assert photophobia["object_match_release"] == "hp/releases/2025-01-16"
    assert photophobia["proposed_type"] == "symptom"  # for a curator to add to the vocabulary
    opsoclonus = records["opsoclonus"]  # curated, grounded by name
    assert opsoclonus["object_id"] == "omse:opsoclonus"
    assert opsoclonus["object_match"] == "HP:0010543" and "proposed_type" not in opsoclonus


def test_compiled_lexicon_is_cached_and_reused(tmp_path: Path) -> None:
    first = OntologyLexicon.load(cache_dir=tmp_path)
    (cached,) = list(tmp_path.glob("ontolex-*.pickle"))
    stamp = cached.stat().st_mtime_ns
    second = OntologyLexicon.load(cache_dir=tmp_path)
    assert cached.stat().st_mtime_ns == stamp  # read, not written again
    assert second.lookup("photophobia") == first.lookup("photophobia")
    assert second.lookup("photophobia").curie == "HP:0000613"


def test_a_new_cache_replaces_those_of_earlier_lexicon_files(tmp_path: Path) -> None:
    stale = tmp_path / "ontolex-000000000000000000000000.pickle"
    stale.write_bytes(b"the cache of an earlier lexicon")
    OntologyLexicon.load(cache_dir=tmp_path)
    assert not stale.exists() and len(list(tmp_path.glob("ontolex-*.pickle"))) == 1


def test_unwritable_cache_falls_back_to_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    lexicon = OntologyLexicon.load(cache_dir=blocked / "cache")
    assert lexicon.lookup("head tremor").curie == "HP:0002346"
    assert not (blocked / "cache").exists()


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    OntologyLexicon.load(cache_dir=tmp_path)
    (cached,) = list(tmp_path.glob("ontolex-*.pickle"))
    cached.write_bytes(b"garbage")
    assert OntologyLexicon.load(cache_dir=tmp_path).lookup("photophobia") is not None
    assert cached.read_bytes() != b"garbage"


def test_help_does_not_load_the_ontology_layer() -> None:
    import subprocess
    import sys

    code = "import sys, omsgraph.cli; print('ahocorasick' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ)
    )
    assert out.stdout.strip() == "False", out.stderr
