"""What a negation or a hedge reaches: a response denied is no absent sign, a relative clause
keeps its negation, a test that showed something was done, a "without" after a name ends at
its comma, a hedge stays in its clause, a side effect is no sign of the condition. The
sentences are written for these tests."""

from __future__ import annotations

import pytest

from .conftest import qualified


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("The tremor did not improve with propranolol.", "tremor"),
        ("In OMS the ataxia failed to resolve, so rituximab was added.", "ataxia"),
        ("Her myoclonus could not be controlled with clonazepam.", "myoclonus"),
        ("The myoclonus settled after ACTH, but the ataxia did not.", "ataxia"),
    ],
)
def test_a_denied_response_leaves_the_sign(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    found = qualified(extractor, text)
    assert [o for o, p, _ in found if o == sign and p == "affirmed"], found


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("Clonazepam did not help the myoclonus.", "clonazepam"),
        ("The jerks did not respond to levetiracetam.", "levetiracetam"),
        ("She was refractory to corticosteroids.", "corticosteroids"),
    ],
)
def test_a_treatment_without_response_is_negated(extractor, text: str, drug: str) -> None:  # noqa: ANN001
    assert [o for o, p, _ in qualified(extractor, text) if o == drug and p == "negated"]


def test_a_relative_clause_keeps_its_negation(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "The boy has ataxia that he cannot hide.")
    assert ("ataxia", "affirmed", "asserted") in found, found


def test_tests_that_showed_something_were_done(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "Neither CT nor EEG showed any abnormality.")
    assert {p for _, p, _ in found} == {"affirmed"}, found


def test_without_after_a_name_ends_at_its_comma(extractor) -> None:  # noqa: ANN001
    text = "She had opsoclonus without pauses, ataxia and tremor."
    found = qualified(extractor, text)
    assert ("ataxia", "affirmed", "asserted") in found, found
    found = qualified(extractor, "She presented without fever, rash or vomiting.")
    assert [o for o, p, _ in found if o == "vomiting" and p == "negated"], found


def test_an_absent_sign_with_an_adverb(extractor) -> None:  # noqa: ANN001
    assert [
        p for o, p, _ in qualified(extractor, "Fever is typically absent.") if o == "fever"
    ] == ["negated"]


def test_a_new_subject_starts_a_clause(extractor) -> None:  # noqa: ANN001
    text = "She had no fever, and her eyes were darting."
    found = qualified(extractor, text)
    assert ("opsoclonus", "affirmed", "asserted") in found, found
    text = "A girl with no preceding illness presented with ataxia."
    assert ("ataxia", "affirmed", "asserted") in qualified(extractor, text)


@pytest.mark.parametrize(
    ("text", "asserted", "hedged"),
    [
        (
            "OMS is associated with neuroblastoma, and can follow an infection.",
            "neuroblastoma",
            "infection",
        ),
        ("Ataxia is the first sign, because opsoclonus may come later.", "ataxia", "opsoclonus"),
        ("Some children have tremor, and she has ataxia.", "ataxia", "tremor"),
    ],
)
def test_a_hedge_stays_in_its_clause(extractor, text: str, asserted: str, hedged: str) -> None:  # noqa: ANN001
    found = {o: c for o, _, c in qualified(extractor, text)}
    assert found.get(asserted) == "asserted" and found.get(hedged) == "hedged", found


def test_a_hedge_that_opens_the_sentence_reaches_its_end(extractor) -> None:  # noqa: ANN001
    text = "In rare cases, children are so ill that they later have learning difficulties."
    assert [c for o, _, c in qualified(extractor, text) if o == "learning difficulties"] == [
        "hedged"
    ]


def test_a_normal_result_in_all_is_no_hedge(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "Brain MRI was normal in all of them.")
    assert {c for _, _, c in found} == {"asserted"}, found


@pytest.mark.parametrize(
    "text",
    [
        "He did not tolerate ACTH because of hypertension and weight gain.",
        "Side effects of prednisolone included hypertension.",
    ],
)
def test_side_effects_are_no_signs_and_the_drug_was_given(extractor, text: str) -> None:  # noqa: ANN001
    found = qualified(extractor, text)
    assert not [o for o, _, _ in found if "hypertension" in o], found
    assert [p for o, p, _ in found if o in ("ACTH", "adrenocorticotropic hormone", "prednisolone")]
    assert {p for _, p, _ in found} == {"affirmed"}, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Disorders that may resemble OMS include Miller Fisher syndrome.",
            "Miller Fisher syndrome",
        ),
        ("Acute cerebellar ataxia can mimic OMS and was ruled out.", "acute cerebellar ataxia"),
    ],
)
def test_a_differential_stands_whatever_its_hedge(extractor, text: str, name: str) -> None:  # noqa: ANN001
    found = {(c.predicate, c.object, c.polarity, c.certainty) for c in extractor.extract(text)}
    assert ("differential_diagnosis", name, "affirmed", "asserted") in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rare cases of OMS have been linked to lithium.", "lithium"),
        ("- HSCT for OMS: case reports only", "hematopoietic stem cell transplantation"),
        ("- OMS, third line: ?MMF", "mycophenolate mofetil"),
    ],
)
def test_what_only_rare_reports_support_is_hedged(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert [c for o, _, c in qualified(extractor, text) if o == name] == ["hedged"]


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("In OMS propranolol was tried for tremor without benefit.", "propranolol"),
        ("For her OMS, carbamazepine provided no benefit.", "carbamazepine"),
    ],
)
def test_a_treatment_tried_to_no_effect(extractor, text: str, drug: str) -> None:  # noqa: ANN001
    found = qualified(extractor, text)
    assert [p for o, p, _ in found if o == drug] == ["negated"], found
    assert not [o for o, p, _ in found if o == "tremor" and p == "negated"], found


@pytest.mark.parametrize(
    "text",
    [
        "In OMS, ACTH-related hypertension and weight gain were common.",
        "Infusion reactions were frequent with rituximab, and one child had varicella.",
    ],
)
def test_named_side_effects_are_no_claims_of_the_condition(extractor, text: str) -> None:  # noqa: ANN001
    found = {o for o, _, _ in qualified(extractor, text)}
    assert not found & {"hypertension", "increased body weight", "chickenpox"}, found


@pytest.mark.parametrize(
    ("text", "name", "polarity"),
    [
        ("In OMS clonazepam provided no benefit for the myoclonus.", "myoclonus", "affirmed"),
        ("In OMS antiepileptic drugs do not help the myoclonus.", "myoclonus", "affirmed"),
        (
            "Her OMS got methylprednisolone, which did not help.",
            "methylprednisolone",
            "negated",
        ),
        (
            "The girl, who did not have a tumour, responded to IVIG.",
            "intravenous immunoglobulin",
            "affirmed",
        ),
        ("In OMS anti-Yo antibodies are typically absent.", "anti-yo antibodies", "affirmed"),
        ("In OMS fever is usually absent.", "fever", "negated"),
    ],
)
def test_review_cases_of_response_and_absence(
    extractor, text: str, name: str, polarity: str
) -> None:  # noqa: ANN001, E501
    assert [p for o, p, _ in qualified(extractor, text) if o == name] == [polarity]


@pytest.mark.parametrize(
    "text",
    [
        "I was so anxious the night we were admitted with her OMS.",
        "My husband was cranky from lack of sleep during the OMS months.",
    ],
)
def test_a_parents_own_state_is_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    assert not [o for o, _, _ in qualified(extractor, text) if o in ("anxiety", "irritability")]


def test_the_syndrome_is_the_condition(extractor) -> None:  # noqa: ANN001
    found = {o for o, _, _ in qualified(extractor, "The syndrome usually presents with ataxia.")}
    assert "ataxia" in found
