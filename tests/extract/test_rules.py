"""The rule tables (omsgraph/extract/rules/*.tsv), the assertion status and the open vocabulary.

Every sentence here is written for the test; none is taken from a development document.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from omsgraph.errors import DataError
from omsgraph.extract import Extractor, assertion, cues
from omsgraph.extract.openvocab import normalise_label

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "omsgraph" / "extract" / "rules"


def status(sentence: str, phrase: str, kind: str | None = None) -> tuple[str, str]:
    at = sentence.index(phrase)
    return assertion(sentence, at, at + len(phrase), kind=kind)


def claims(extractor: Extractor, text: str) -> dict[tuple[str, str], tuple[str, str]]:
    return {(c.predicate, c.object): (c.polarity, c.certainty) for c in extractor.extract(text)}


# -- the tables ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    [
        "context.tsv",
        "relations.tsv",
        "sections.tsv",
        "qualifiers.tsv",
        "morphology.tsv",
        "phrases.tsv",
        "mechanisms.tsv",
    ],
)
def test_every_table_loads_and_says_what_its_columns_mean(name: str) -> None:
    rules = cues.read_table(RULES / name)
    assert len(rules) >= 5
    assert (RULES / name).read_text(encoding="utf-8").startswith("#")  # a documented header


def test_the_code_holds_no_cue_phrase() -> None:
    for module in ("cues.py", "qualify.py", "openvocab.py"):
        tree = ast.parse((ROOT / "omsgraph" / "extract" / module).read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        literals = " ".join(
            node.value.lower()
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        )
        for phrase in (
            "treated with",
            "known as",
            "ruled out",
            "thought to",
            "bibliography",
            "such as",
            "measles",
        ):
            assert phrase not in literals, (module, phrase)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("nope\t\tNEGATED\tFORWARD\t8", "category 'NEGATED' is not one of"),
        ("nope\t\tPSEUDO\tSIDEWAYS\t", "direction 'SIDEWAYS'"),
        ("nope\t(unclosed\tPSEUDO\tFORWARD\t", "bad pattern"),
        ("nope\t(x)\tPSEUDO\tFORWARD\t", "must not capture"),
        ("nope\t\tPSEUDO\tFORWARD\tfar", "max_scope"),
    ],
)
def test_a_bad_row_is_an_error_naming_table_and_line(
    tmp_path: Path, row: str, message: str
) -> None:
    path = tmp_path / "context.tsv"
    path.write_text("# rules\nliteral\tpattern\tcategory\tdirection\tmax_scope\n" + row + "\n")
    with pytest.raises(DataError, match=message) as error:
        cues.read_table(path)
    assert str(error.value).startswith(f"{path}:3:")


def test_a_row_added_to_a_table_is_a_new_rule(tmp_path: Path) -> None:
    path = tmp_path / "relations.tsv"
    path.write_text(
        (RULES / "relations.tsv").read_text(encoding="utf-8") + "soothed by\t\ttreat\tFORWARD\n"
    )
    rules = cues.read_table(path)
    assert cues.alternation(r for r in rules if r.fields["frame"] == "treat").search(
        "it was soothed by warm baths"
    )


def test_word_shapes_come_from_the_morphology_table() -> None:
    shape = cues.drug_shape()
    assert shape.search("she was given tocilizumab")
    assert shape.search("on mycophenolate mofetil").group() == "mycophenolate mofetil"
    assert not shape.search("the mab")  # three letters at least before the ending
    assert "glaucoma" in cues.not_names()


# -- negation and hedging of the mention and of the relation -------------------------------
def test_forward_negation_and_its_terminators() -> None:
    s = "There was no fever, but a rash appeared."
    assert status(s, "fever") == ("negated", "asserted")
    assert status(s, "rash") == ("affirmed", "asserted")
    s = "No sign of ataxia (which had been severe) or tremor remained."
    assert status(s, "ataxia") == ("negated", "asserted")


def test_the_relation_is_negated_when_its_verb_is() -> None:
    assert status("Plasma exchange is not needed in mild cases.", "Plasma exchange")[0] == (
        "negated"
    )
    assert status("Antiepileptic drugs do not help the jerks.", "Antiepileptic drugs") == (
        "negated",
        "asserted",
    )
    assert status("Antibiotics, given early, help.", "Antibiotics")[0] == "affirmed"


def test_a_normal_result_affirms_the_test_and_negates_a_finding() -> None:
    s = "The spine MRI was unremarkable."
    assert status(s, "spine MRI", kind="test") == ("affirmed", "asserted")
    assert status(s, "spine MRI") == ("negated", "asserted")
    s = "An abdominal ultrasound did not show a mass."
    assert status(s, "abdominal ultrasound", kind="test")[0] == "affirmed"
    assert status(s, "mass")[0] == "negated"


def test_pseudo_negations_negate_nothing() -> None:
    assert status("Not only the eyes but the limbs were affected.", "eyes")[0] == "affirmed"
    assert status("There was no increase in tremor after the dose.", "tremor")[0] == "affirmed"
    # litotes: "not uncommon", "not infrequently" affirm
    assert status("Vomiting is not uncommon at onset.", "Vomiting") == ("affirmed", "asserted")
    assert status("It is not infrequently taken for a migraine.", "migraine")[0] == "affirmed"


def test_a_negated_universal_hedges_instead_of_negating() -> None:
    s = "Fever is present often but not always, and a rash by no means invariably."
    assert status(s, "Fever") == ("affirmed", "hedged")
    assert status("A tumour is not always found.", "tumour") == ("affirmed", "hedged")
    assert status("Not all children have a tumour.", "tumour") == ("affirmed", "hedged")


def test_frequency_words_follow_one_rule() -> None:
    # "in most cases" asserts, negated or not
    assert status("Seizures usually occur at night.", "Seizures") == ("affirmed", "asserted")
    assert status("Infants typically need no sedation.", "sedation") == ("negated", "asserted")
    assert status("In adults it is most often linked to a lung tumour.", "lung tumour")[1] == (
        "asserted"
    )
    # "in some cases" hedges, before the mention or in its verb group
    assert status("Steroids sometimes cause weight gain.", "weight gain")[1] == "hedged"
    assert status("Tumour surgery is rarely curative.", "Tumour surgery")[1] == "hedged"
    assert status("Ataxia, and often tremor, follow.", "Ataxia")[1] == "asserted"
    # a comparison between groups states a measured difference
    assert status("Boys more often had a fever.", "fever")[1] == "asserted"


def test_a_subgroup_without_something_negates_nothing() -> None:
    s = "Patients without a tumour relapsed less often."
    assert status(s, "tumour")[0] == "affirmed"
    assert status("The boy had no tumour.", "tumour")[0] == "negated"


def test_a_new_clause_with_its_own_subject_ends_a_negation() -> None:
    s = "Some adults have no fever, and they may show a rash."
    assert status(s, "fever")[0] == "negated"
    assert status(s, "rash")[0] == "affirmed"


def test_modal_hedges_cover_their_clause_only() -> None:
    s = "Drowsiness may follow the dose, but nausea is common."
    assert status(s, "Drowsiness")[1] == "hedged"
    assert status(s, "nausea")[1] == "asserted"


# -- relation typing of literature ---------------------------------------------------------
def test_case_report_and_cohort_frames(extractor: Extractor) -> None:
    text = (
        "A four-year-old boy with OMS was started on rituximab. "
        "The girl with OMS presented with irritability. "
        "Of the adults with OMS, 12 patients (40%) had tremor."
    )
    found = claims(extractor, text)
    assert found[("treated_by", "rituximab")] == ("affirmed", "asserted")
    assert ("has_symptom", "irritability") in found
    assert ("has_symptom", "tremor") in found


def test_a_drug_named_as_a_toxicity_is_a_cause_not_a_treatment(extractor: Extractor) -> None:
    text = "In one adult, OMS was linked with phenytoin toxicity after treatment for seizures."
    found = claims(extractor, text)
    # the drug, or the ontology's name of its toxicity (MONDO), is the cause; never a treatment
    assert {("has_cause", "phenytoin"), ("has_cause", "phenytoin toxicity")} & set(found)
    assert ("treated_by", "phenytoin") not in found


def test_relation_negation_reaches_the_claim(extractor: Extractor) -> None:
    found = claims(extractor, "In OMS, chemotherapy is not needed for a low-risk tumour.")
    assert found[("treated_by", "chemotherapy")] == ("negated", "asserted")
    found = claims(extractor, "In OMS, tumour removal is rarely curative.")
    assert found[("treated_by", "tumour resection")] == ("affirmed", "hedged")


def test_a_search_that_finds_nothing_is_still_a_test(extractor: Extractor) -> None:
    text = "Children with OMS have scans to make sure that a neuroblastoma is not present."
    found = claims(extractor, text)
    assert found == {("diagnosed_by", "tumour screening"): ("affirmed", "asserted")}
    found = claims(extractor, "In this girl with OMS, a neuroblastoma was not found.")
    assert found[("has_cause", "neuroblastoma")][0] == "negated"


def test_a_document_on_one_line_is_not_a_citation(extractor: Extractor) -> None:
    text = (
        'Rare Disorders Database, 1990. "Resources" section. Opsoclonus-myoclonus syndrome '
        + "is a rare disorder with many names. " * 20
        + "Its major symptoms include ataxia and tremor."
    )
    assert ("has_symptom", "ataxia") in claims(extractor, text)


def test_a_name_after_called_is_not_a_synonym(extractor: Extractor) -> None:
    text = "OMS can come with a tumour of nerve tissue called a neuroblastoma."
    assert not [c for c in extractor.extract(text) if c.predicate == "has_synonym"]


def test_a_sources_line_ends_the_content(extractor: Extractor) -> None:
    text = "OMS is treated with steroids.\nSources\nOMS is treated with rituximab.\n"
    objects = {c.object for c in extractor.extract(text)}
    assert objects == {"corticosteroids"}


def test_lasting_effects_are_complications(extractor: Extractor) -> None:
    found = claims(extractor, "After OMS, residual ataxia persists in some children.")
    assert ("has_complication", "ataxia") in found
    # the verbs of a residual state: "end up with", "go on to develop", "continue to have"
    for verb in ("ended up with", "went on to develop", "continued to have"):
        text = f"Several teenagers treated for OMS {verb} tremor and poor balance."
        assert ("has_complication", "tremor") in claims(extractor, text), verb


# -- open vocabulary -----------------------------------------------------------------------
def test_labels_are_normalised() -> None:
    assert normalise_label("the Persistent Head Tremors") == "persistent head tremor"
    assert normalise_label("frequent nosebleeds") == "frequent nosebleed"
    assert normalise_label("measles") == "measles"
    assert normalise_label("some cases") is None
    assert normalise_label("precluding sitting") is None
    assert normalise_label("a very long phrase of many more words") is None


def test_a_phrase_a_frame_introduces_becomes_a_proposed_concept(extractor: Extractor) -> None:
    text = (
        "The symptoms of OMS included blorfing and snickets. "
        "The child with OMS was treated with zumabazine. "
        "In adults with OMS the associated tumours included a glimmeroma."
    )
    found = {
        (c.predicate, c.object, c.proposed_type)
        for c in extractor.extract(text)
        if c.concept is None
    }
    # names no lexicon knows (the ontology layer knows drooling, hiccups, thymic carcinoid)
    assert ("has_symptom", "blorfing", "symptom") in found
    assert ("has_symptom", "snicket", "symptom") in found
    assert ("treated_by", "zumabazine", "therapy") in found
    assert ("has_cause", "glimmeroma", "cause") in found


def test_examples_share_the_relation_of_what_they_exemplify(extractor: Extractor) -> None:
    text = "In rare cases OMS follows an infection such as mumps or Lyme disease, e.g. in adults."
    found = {(c.predicate, c.object, c.certainty) for c in extractor.extract(text)}
    assert ("has_cause", "mumps infectious disease", "hedged") in found  # MONDO's label
    assert ("has_cause", "Lyme disease", "hedged") in found


def test_a_generic_trigger_borrows_the_frame_of_its_subject(extractor: Extractor) -> None:
    text = "Treatment of the symptoms of OMS includes clonoxapil or valproate."
    found = {(c.predicate, c.object, c.proposed_type) for c in extractor.extract(text)}
    assert ("treated_by", "clonoxapil", "therapy") in found
    assert ("has_symptom", "clonoxapil", "symptom") not in found


def test_the_extractor_and_assertion_agree(extractor: Extractor) -> None:
    text = (
        "In OMS, steroids do not help the jerks. Ataxia may persist after OMS. "
        "Brain MRI in OMS was unremarkable. OMS is not always linked to a neuroblastoma."
    )
    spans = {
        "corticosteroids": ("steroids", None),
        "ataxia": ("Ataxia", "symptom"),
        "magnetic resonance imaging": ("Brain MRI", "test"),
        "neuroblastoma": ("neuroblastoma", "tumour"),
    }
    found = {c.object: (c.polarity, c.certainty) for c in extractor.extract(text)}
    assert set(spans) <= set(found)
    for name, (surface, kind) in spans.items():
        assert found[name] == status(text, surface, kind), name


def test_a_known_concept_is_not_proposed_again(extractor: Extractor) -> None:
    text = "The symptoms of OMS include ataxia and tremor."
    assert all(c.concept is not None for c in extractor.extract(text))


def test_the_documented_examples_run() -> None:
    import doctest
    import importlib

    for name in ("omsgraph.extract.assertion", "omsgraph.extract.openvocab"):
        module = importlib.import_module(name)  # the module, not the function it exports
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, name
