"""Sentence shapes that state no claim about the condition (issue 12, third round): a sign's
definition, the class the condition belongs to, an organisation's name, and anaphora.

Every sentence here is written for the test; none is taken from a development document.
"""

from __future__ import annotations

from omsgraph.extract import Extractor

from .conftest import claims


def test_the_signs_that_define_another_sign_are_no_claims(extractor: Extractor) -> None:
    text = "Myoclonus is a sudden jerk characterized by brief muscle spasms and hiccups."
    found = claims(extractor, text)
    assert not {k for k in found if k[0] == "has_symptom" and k[1] != "myoclonus"}, found
    # the same sign in a claim about the condition stays a claim
    found = claims(extractor, "OMS is characterized by brief muscle spasms and hiccups.")
    assert ("has_symptom", "muscle spasm") in found, found
    # a definition that names the condition is a claim about it
    found = claims(extractor, "Ataxia is a sign of OMS, and so is tremor.")
    assert ("has_symptom", "tremor") in found
    # in a run-on line of slides the definition starts at its capitalised subject
    text = "Signs in infants Ataxia refers to clumsy walking and a tremor"
    assert ("has_symptom", "tremor") not in claims(extractor, text)


def test_the_class_of_the_condition_is_no_symptom(extractor: Extractor) -> None:
    found = claims(extractor, "OMS is a very rare seizure disorder of early childhood.")
    assert ("has_symptom", "seizure") not in found
    found = claims(extractor, "It is an uncommon autoimmune movement disorder.")
    assert not {k for k in found if "movement disorder" in k[1]}, found
    # a symptom of the condition after "is a" is still one
    found = claims(extractor, "OMS is a disorder with seizures and ataxia.")
    assert ("has_symptom", "ataxia") in found
    # another subject's class is not the condition's
    found = claims(extractor, "The girl had a sleep disorder; OMS began at two.")
    assert ("has_symptom", "sleep disturbance") in found
    # a relative's is no claim at all (tests/extract/test_negated_subject.py)
    found = claims(extractor, "Her brother had a seizure disorder; OMS began at two.")
    assert ("has_symptom", "seizure") not in found


def test_a_concept_in_an_organisations_name_is_no_claim(extractor: Extractor) -> None:
    found = claims(extractor, "Read more at the Ataxia Research Foundation of Ohio.")
    assert ("has_symptom", "ataxia") not in found
    found = claims(extractor, "Help came from the Neuroblastoma Society.")
    assert not {k for k in found if k[0] == "has_cause"}, found
    found = claims(extractor, "OMS causes ataxia in most children.")
    assert ("has_symptom", "ataxia") in found


def test_a_definite_generic_mention_points_back(extractor: Extractor) -> None:
    text = "A ganglioneuroma was found in her chest. The prognosis of the tumour was good."
    found = claims(extractor, text)
    assert ("has_cause", "ganglioneuroma") in found
    assert ("has_cause", "tumour") not in found, found
    text = "He had an intention tremor with OMS. Later the tremor was worse."
    found = claims(extractor, text)
    assert ("has_symptom", "tremor") not in found, found
    # without an earlier, more specific concept the mention is a claim
    found = claims(extractor, "He had ataxia with OMS. Later the tremor was worse.")
    assert ("has_symptom", "tremor") in found


def test_examples_of_a_class_of_other_diseases_are_no_claims(extractor: Extractor) -> None:
    found = {
        c.object
        for c in extractor.extract(
            "Other paraneoplastic syndromes, such as limbic encephalitis and sensory "
            "neuronopathy, occur with lung cancer."
        )
    }
    assert "limbic encephalitis" not in found
    assert "lung cancer" in found  # after the examples, the sentence speaks again


def test_a_class_with_examples_leaves_the_signs_of_a_later_clause(extractor: Extractor) -> None:
    found = {
        c.object
        for c in extractor.extract(
            "Neurological disorders, including epilepsy and migraine, were absent in the "
            "family; the girl had ataxia."
        )
    }
    assert "ataxia" in found
    assert not found & {"seizure", "migraine"}


def test_examples_of_signs_stay_claims(extractor: Extractor) -> None:
    found = {c.object for c in extractor.extract("OMS has signs such as ataxia and drooling.")}
    assert {"ataxia", "drooling"} <= found


def test_examples_of_a_class_a_cue_introduces_keep_the_cues_relation(
    extractor: Extractor,
) -> None:
    found = claims(
        extractor, "OMS can be mistaken for other disorders, like acute cerebellar ataxia."
    )
    assert ("differential_diagnosis", "acute cerebellar ataxia") in found
    found = claims(extractor, "Its signs include movement disorders, such as tremor.")
    assert ("has_symptom", "tremor") in found
