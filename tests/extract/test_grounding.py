"""Open-vocabulary proposals that an ontology names once spelt its way get that ontology's ID
(omsgraph.extract.grounding): open/closed compounds, British spellings, eponym possessives.
The sentences are written for these tests."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from omsgraph.extract import openvocab
from omsgraph.extract.grounding import (
    grounded_label,
    rewordings,
    spelling_variants,
    transpositions,
)

ROOT = Path(__file__).resolve().parents[2]
LEXICONS = ROOT / "omsgraph" / "extract" / "lexicons"
#: a sentence the extractor reads (it names a known cause) with a proposal to respell
TEXT = "Other causes include measles and monkey pox."


def test_variants_respell_but_never_drop_or_add_words():
    assert "chickenpox" in spelling_variants("chicken pox")
    assert "esophageal cancer" in spelling_variants("oesophageal cancer")
    assert "anemia" in spelling_variants("anaemia")
    assert "immunization" in spelling_variants("immunisation")
    assert "center" in spelling_variants("centre")
    assert "magnesium sulfate" in spelling_variants("magnesium sulphate")
    assert "hodgkin disease" in spelling_variants("hodgkin's disease")
    for label in ("chicken pox", "oesophageal cancer", "severe chicken pox", "hodgkin's disease"):
        variants = list(spelling_variants(label))
        assert label not in variants
        for variant in variants:  # every word stays: respelt, or joined to its neighbour
            assert len(variant.split()) in (len(label.split()), len(label.split()) - 1)
    assert "chickenpox" not in spelling_variants("severe chicken pox")  # no word is dropped


@pytest.mark.parametrize(
    ("label", "kind", "expected"),
    [
        ("chicken pox", "cause", "chicken pox"),  # an ontology name as it is (an NCIT label)
        ("small pox", "cause", "smallpox"),
        ("oesophageal cancer", "cause", "oesophageal cancer"),  # the lexicon folds oe itself
        ("immunisation", "therapy", "immunization"),
        ("gall stones", "symptom", "gallstones"),
        ("chicken pox", "therapy", "chicken pox"),  # an infection is no therapy
        ("severe chicken pox", "cause", "severe chicken pox"),  # no head-noun guessing
        ("brain fog", "symptom", "brain fog"),  # nothing to respell: unchanged
        ("measles", "cause", "measles"),  # already an ontology name: unchanged
    ],
)
def test_grounded_label_is_an_ontology_name_of_a_fitting_type(label, kind, expected):
    assert grounded_label(label, kind) == expected


def test_proposal_labels_are_spelt_as_the_ontology_names_them():
    found = openvocab.proposals("treatments include immunisation and rest.", [])
    assert [p[2] for p in found][:1] == ["immunization"]


def test_a_respelt_proposal_carries_the_ontology_id_of_its_release(extractor):
    records = [c.record("mine") for c in extractor.extract(TEXT)]
    pox = next(r for r in records if r["object"] == "monkeypox")
    assert pox["predicate"] == "has_cause"
    assert pox["object_match"] == pox["object_id"] == "MONDO:0002594"
    assert pox["object_match_justification"] == "semapv:LexicalMatching"
    with (LEXICONS / "RELEASES.tsv").open(encoding="utf-8", newline="") as handle:
        release = {r["ontology"]: r["release"] for r in csv.DictReader(handle, delimiter="\t")}
    assert pox["object_match_release"] == release["MONDO"]
    with gzip.open(LEXICONS / "ids" / "MONDO.tsv.gz", "rt", encoding="utf-8") as handle:
        ids = dict(line.rstrip("\n").split("\t", 1) for line in handle)
    assert ids["MONDO:0002594"] == "monkeypox"


@pytest.mark.parametrize(
    ("slip", "drug"), [("rituxiamb", "rituximab"), ("clonazpeam", "clonazepam")]
)
def test_one_swap_of_neighbouring_letters_in_a_drug_name_is_read(extractor, slip, drug):
    found = {c.object: c for c in extractor.extract(f"Her myoclonus was treated with {slip}.")}
    assert drug in found
    assert found[drug].concept is not None
    assert found[drug].quote == f"Her myoclonus was treated with {slip}."


def test_a_swap_is_read_only_in_one_long_word_of_a_treatment():
    assert list(transpositions("ataxai")) == []  # shorter than eight letters
    assert list(transpositions("cardaic pacing")) == []  # several words
    assert grounded_label("ocerlziumab", "therapy") == "ocerlziumab"  # two swaps away
    assert grounded_label("clonzaepam", "symptom") == "clonzaepam"  # not a treatment
    assert grounded_label("clonzaepam", "therapy") == "clonazepam"


def test_a_sign_worded_with_another_word_for_abnormal_is_grounded():
    assert "sleep abnormality" in rewordings("altered sleep")
    assert "poor coordination" in rewordings("coordination difficulty")
    assert rewordings("head tremor") == []  # no word for abnormal
    assert rewordings("altered") == []  # no function
    assert grounded_label("poor balance", "symptom") != "poor balance"
    assert grounded_label("poor balance", "therapy") == "poor balance"  # signs only


def test_a_reworded_sign_in_a_list_gets_the_ontology_concept(extractor):
    found = {
        c.object: c for c in extractor.extract("The boy had ataxia, myoclonus and altered sleep.")
    }
    assert "altered sleep" not in found
    (sleep,) = [c for c in found.values() if "sleep" in c.object]
    assert sleep.concept is not None
