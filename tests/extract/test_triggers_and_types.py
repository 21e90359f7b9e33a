"""Relapse triggers, associated conditions and differentials that texts name in other shapes:
a treatment whose withdrawal triggers a relapse stays a treatment, affirmed; what a relapse
came with is a cause; a vaccination is a trigger, a disease an ontology files among signs an
associated condition; a sign distinguished from the condition's own sign, or a disease the
condition is said not to be, is a differential. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from omsgraph.extract import retyping

from .conftest import claims

# -- a treatment's withdrawal ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("Her second relapse followed the withdrawal of prednisolone.", "prednisolone"),
        ("Relapses were precipitated by tapering of dexamethasone.", "dexamethasone"),
        ("The jerks came back each time the ACTH was weaned.", "adrenocorticotropic hormone"),
        ("A flare was triggered by a rapid prednisolone taper.", "prednisolone"),
    ],
)
def test_a_withdrawn_treatment_that_triggers_a_relapse_stays_a_treatment(
    extractor,  # noqa: ANN001
    text: str,
    drug: str,
) -> None:
    found = {(c.predicate, c.object): c.polarity for c in extractor.extract(text)}
    assert found.get(("treated_by", drug)) == "affirmed", found
    assert ("has_cause", drug) not in found


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        (
            "Dexamethasone must not be stopped suddenly because the jerks may recur.",
            "dexamethasone",
        ),
        ("The prednisolone dose was never reduced.", "prednisolone"),
        ("We were told never to stop the prednisolone abruptly.", "prednisolone"),
    ],
)
def test_a_treatment_not_to_be_withdrawn_is_affirmed(extractor, text: str, drug: str) -> None:  # noqa: ANN001
    found = {(c.predicate, c.object): c.polarity for c in extractor.extract(text)}
    assert found.get(("treated_by", drug)) == "affirmed", found


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("Relapses did not occur after the prednisolone was tapered.", "prednisolone"),
        ("She had no relapse when the ACTH dose was reduced.", "adrenocorticotropic hormone"),
    ],
)
def test_a_treatment_tapered_without_relapse_is_affirmed(extractor, text: str, drug: str) -> None:  # noqa: ANN001
    found = {(c.predicate, c.object): c.polarity for c in extractor.extract(text)}
    assert found.get(("treated_by", drug)) == "affirmed", found


def test_an_ineffective_treatment_withdrawn_stays_negated(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.object): c.polarity
        for c in extractor.extract("Levetiracetam did not help the jerks and was discontinued.")
    }
    assert found.get(("treated_by", "levetiracetam")) == "negated", found


def test_a_treatment_that_failed_stays_negated(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.object): c.polarity
        for c in extractor.extract("Rituximab did not reduce relapses in our series.")
    }
    assert found.get(("treated_by", "rituximab")) == "negated", found


@pytest.mark.parametrize(
    "text",
    ["OMS was induced by lithium toxicity.", "The opsoclonus was caused by lithium in May."],
)
def test_a_drug_that_caused_the_condition_stays_a_cause(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_cause", "lithium") in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("steroid withdrawal", "steroid", True),
        ("when the acth dose was lowered", "acth", True),
        ("rituximab reduced relapses", "rituximab", False),
        ("steroids were given for six months", "steroids", False),
    ],
)
def test_what_withdraws_a_treatment(text: str, word: str, expected: bool) -> None:
    at = text.index(word)
    assert retyping.withdrawn(text, at, at + len(word)) is expected


# -- what a relapse came with ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("He relapsed twice, once during a respiratory infection.", "respiratory tract infection"),
        ("Her ataxia worsened again during an intercurrent viral illness.", "viral infection"),
    ],
)
def test_what_a_relapse_came_with_is_a_cause(extractor, text: str, cause: str) -> None:  # noqa: ANN001
    assert ("has_cause", cause) in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Each time he had a chest infection, the ataxia returned.", "relapse with infection"),
        ("The tremor came back whenever she caught a cold.", "relapse with cold"),
        ("Her course was usually chronic-relapsing.", "usually chronic-relapsing"),
        (
            "Taper steroids slowly, as rapid withdrawal is a frequent trigger of relapse.",
            "relapse triggered by treatment withdrawal",
        ),
    ],
)
def test_a_relapse_with_a_frequency_is_a_relapse_rate(extractor, text: str, value: str) -> None:  # noqa: ANN001
    values = {
        c.object for c in extractor.extract(text) if getattr(c, "attribute", "") == "relapse rate"
    }
    assert f"relapse rate: {value}" in values, values


@pytest.mark.parametrize(
    "text",
    [
        "Each time we visited the clinic, she smiled.",
        "Infection is a common trigger of relapse in many illnesses.",
    ],
)
def test_no_relapse_rate_without_a_relapse_and_its_frequency(extractor, text: str) -> None:  # noqa: ANN001
    assert not [c for c in extractor.extract(text) if getattr(c, "attribute", "") == "relapse rate"]


# -- associated conditions and exposures ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("OMS began ten days after influenza vaccination.", "affirmed"),
        ("There was no vaccination in the month before onset.", "negated"),
        ("Vaccination has been suspected as a trigger in a few children.", "affirmed"),
    ],
)
def test_a_vaccination_is_a_trigger_never_a_treatment(extractor, text: str, polarity: str) -> None:  # noqa: ANN001
    found = {(c.predicate, c.object): c.polarity for c in extractor.extract(text)}
    assert found.get(("has_cause", "vaccination")) == polarity, found
    assert ("treated_by", "vaccination") not in found


@pytest.mark.parametrize(
    ("text", "disease", "polarity"),
    [
        (
            "Type 1 diabetes has been described in a child with OMS.",
            "type I diabetes mellitus",
            "affirmed",
        ),
        (
            "Hashimoto thyroiditis coexisted with OMS in two adults.",
            "hashimoto thyroiditis",
            "affirmed",
        ),
        ("OMS was not linked to preterm birth.", "premature birth", "negated"),
    ],
)
def test_a_disease_filed_among_signs_is_an_associated_condition(
    extractor,  # noqa: ANN001
    text: str,
    disease: str,
    polarity: str,
) -> None:
    found = {(c.predicate, c.object): c.polarity for c in extractor.extract(text)}
    assert found.get(("has_cause", disease)) == polarity, found
    assert ("has_symptom", disease) not in found


def test_a_disease_named_without_a_frame_states_nothing(extractor) -> None:  # noqa: ANN001
    assert not claims(extractor, "Her mother had celiac disease.")


def test_a_sign_reported_in_patients_stays_a_sign(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Hearing loss has been described in patients with OMS.")
    assert ("has_symptom", "hearing impairment") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Post-infectious cases had better long-term outcomes.",
        "The remaining cases were post-infectious.",
    ],
)
def test_post_infectious_names_a_cause_not_a_complication(extractor, text: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert ("has_cause", "infection") in found, found
    assert ("has_complication", "infection") not in found


def test_remaining_deficits_are_still_complications(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Ataxia remained at the last follow-up.")
    assert ("has_complication", "ataxia") in found, found


# -- differentials ---------------------------------------------------------------------------


def test_a_sign_distinguished_from_the_conditions_own_sign_is_the_differential(
    extractor,  # noqa: ANN001
) -> None:
    found = claims(extractor, "Nystagmus must be distinguished from opsoclonus.")
    assert ("differential_diagnosis", "nystagmus") in found, found
    assert ("differential_diagnosis", "opsoclonus") not in found


def test_the_other_order_still_makes_the_other_sign_the_differential(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Opsoclonus must be distinguished from nystagmus.")
    assert ("differential_diagnosis", "nystagmus") in found, found
    assert ("differential_diagnosis", "opsoclonus") not in found


def test_the_own_sign_of_another_disease_in_a_list_is_no_differential(extractor) -> None:  # noqa: ANN001
    found = claims(
        extractor,
        "Differential diagnoses include cerebellitis, myoclonus due to encephalitis and "
        "epileptic myoclonus.",
    )
    assert ("differential_diagnosis", "encephalitis") in found, found
    assert ("differential_diagnosis", "epileptic myoclonus") in found
    assert ("differential_diagnosis", "myoclonus") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Opsoclonus-myoclonus syndrome is not a form of epilepsy.",
        "It is not epilepsy, the neurologist explained.",
        "Parents should know that this is not a seizure disorder.",
    ],
)
def test_a_disease_the_condition_is_not_is_a_differential(extractor, text: str) -> None:  # noqa: ANN001
    found = {(c.predicate, c.object): c.polarity for c in extractor.extract(text)}
    assert found.get(("differential_diagnosis", "epilepsy")) == "affirmed", found
    assert not [k for k in found if k[0] == "has_symptom"], found


def test_a_cause_the_condition_is_not_is_no_differential(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "It is not an infection, and it is not contagious.")
    assert ("differential_diagnosis", "infection") not in found, found


@pytest.mark.parametrize(
    ("text", "sign"),
    [("She is not ataxic.", "ataxia"), ("Seizures are not part of the syndrome.", "seizure")],
)
def test_a_sign_said_absent_stays_a_negated_sign(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    found = {(c.predicate, c.object): c.polarity for c in extractor.extract(text)}
    assert found.get(("has_symptom", sign)) == "negated", found
    assert ("differential_diagnosis", sign) not in found


def test_what_the_doctor_said_it_was_is_a_differential(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "The paediatrician said it was probably a middle ear infection.")
    assert ("differential_diagnosis", "otitis media") in found, found
    assert not [o for p, o in found if p == "has_cause"]


def test_what_the_doctor_said_caused_it_is_no_differential(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "The doctor said it was caused by a viral infection.")
    assert ("differential_diagnosis", "viral infection") not in found, found
