"""Certainty cues of this round: a list's lead-in hedges its items only by its own sentence,
"some" and "many" hedge when they count patients (not when they qualify a sign), a risk and a
treatment still under study are possibilities, and a new speaker after ", and" keeps the
hedge in the speaker's clause. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from .conftest import qualified


def _certainty(extractor, text: str, name: str) -> str:  # noqa: ANN001
    found = {o: c for o, _, c in qualified(extractor, text)}
    assert name in found, found
    return found[name]


@pytest.mark.parametrize(
    ("text", "name", "certainty"),
    [
        # the sentence before the lead-in says nothing of the items
        (
            "Families often notice it first. The usual signs are:\n- ataxia\n- tremor",
            "tremor",
            "asserted",
        ),
        ("The signs may include:\n- ataxia\n- tremor", "tremor", "hedged"),
        ("It came on over days. Signs can include:\n- drooling\n- tremor", "tremor", "hedged"),
    ],
)
def test_a_list_lead_in_hedges_by_its_own_sentence(extractor, text, name, certainty) -> None:  # noqa: ANN001
    assert _certainty(extractor, text, name) == certainty


@pytest.mark.parametrize(
    ("text", "name", "certainty"),
    [
        (
            "Some children with OMS go on to have learning difficulties.",
            "learning difficulties",
            "hedged",
        ),
        ("In OMS, some develop tremor later.", "tremor", "hedged"),
        ("Many have behavioural problems after OMS.", "behavioural problems", "hedged"),
        (
            "Most are left with some behavioural problems after OMS.",
            "behavioural problems",
            "asserted",
        ),
        ("The boy still has some ataxia.", "ataxia", "asserted"),
    ],
)
def test_some_hedges_when_it_counts_patients(extractor, text, name, certainty) -> None:  # noqa: ANN001
    assert _certainty(extractor, text, name) == certainty


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Children with OMS are at risk of learning difficulties.", "learning difficulties"),
        (
            "Survivors of OMS are at increased risk for behavioural problems.",
            "behavioural problems",
        ),
        ("Ongoing trials are testing ofatumumab in OMS.", "ofatumumab"),
        ("In OMS, rituximab is being studied as a first-line drug.", "rituximab"),
        ("Mycophenolate remains under investigation for OMS.", "mycophenolate mofetil"),
    ],
)
def test_a_risk_and_a_treatment_under_study_are_hedged(extractor, text, name) -> None:  # noqa: ANN001
    assert _certainty(extractor, text, name) == "hedged"


def test_a_new_speaker_keeps_the_hedge_in_his_clause(extractor) -> None:  # noqa: ANN001
    text = "Our son with OMS sees a physio, and his doctor says he may need speech therapy."
    assert _certainty(extractor, text, "physical therapy") == "asserted"
    assert _certainty(extractor, text, "speech therapy") == "hedged"


def test_the_same_clause_still_shares_its_hedge(extractor) -> None:  # noqa: ANN001
    text = "In OMS, ataxia and tremor may persist."
    assert _certainty(extractor, text, "ataxia") == "hedged"


def test_what_should_not_be_replaced_is_kept(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "In OMS, body MRI should not be replaced by MIBG scanning.")
    assert ("body MRI", "affirmed", "asserted") in found, found


@pytest.mark.parametrize(
    ("text", "name", "polarity"),
    [
        ("I won't lie, the steroids for her OMS were hard.", "corticosteroids", "affirmed"),
        ("Her OMS was not improving, so they added rituximab.", "rituximab", "affirmed"),
        ("OMS did not respond to steroids so IVIG was given.", "corticosteroids", "negated"),
        (
            "OMS did not respond to steroids so IVIG was given.",
            "intravenous immunoglobulin",
            "affirmed",
        ),
    ],
)
def test_an_aside_and_a_consequence_end_the_negation(extractor, text, name, polarity) -> None:  # noqa: ANN001
    found = {o: p for o, p, _ in qualified(extractor, text)}
    assert found.get(name) == polarity, found


def test_what_else_a_drug_is_used_for_is_no_claim(extractor) -> None:  # noqa: ANN001
    text = "For OMS she had rituximab, which is also used to treat lymphoma and arthritis."
    found = {o for o, _, _ in qualified(extractor, text)}
    assert "rituximab" in found and "arthritis" not in found, found


@pytest.mark.parametrize(
    "text",
    ["If your child has OMS, it is fine to fall apart.", "With OMS she could not fall asleep."],
)
def test_a_phrasal_verb_is_no_sign(extractor, text) -> None:  # noqa: ANN001
    assert "falls" not in {o for o, _, _ in qualified(extractor, text)}


def test_a_blog_s_navigation_line_ends_the_post(extractor) -> None:  # noqa: ANN001
    text = (
        "Our son has OMS and ataxia.\n\n"
        "Leave a comment | Previous post: Steroid rage and rituximab | Next post: Holidays"
    )
    assert {o for o, _, _ in qualified(extractor, text)} == {"ataxia"}


def test_a_related_pages_line_ends_the_page(extractor) -> None:  # noqa: ANN001
    text = (
        "Children with OMS have ataxia.\n\n"
        "Related pages: Neuroblastoma | Having an MRI scan | Lumbar puncture for families"
    )
    assert {o for o, _, _ in qualified(extractor, text)} == {"ataxia"}


@pytest.mark.parametrize("adverb", ["possibly", "maybe", "probably"])
def test_an_adverb_of_possibility_before_the_last_item_hedges_that_item(extractor, adverb) -> None:  # noqa: ANN001
    text = f"For OMS your child will have blood tests and {adverb} a lumbar puncture."
    assert _certainty(extractor, text, "blood test") == "asserted"
    assert _certainty(extractor, text, "cerebrospinal fluid analysis") == "hedged"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("OMS was possibly triggered by a viral infection.", "viral infection"),
        ("In OMS a tumour was probably present.", "tumour"),
        (
            "Enterovirus has been reported as a possible trigger of OMS.",
            "enterovirus infectious disease",
        ),
    ],
)
def test_possibility_still_hedges_its_verb_group(extractor, text, name) -> None:  # noqa: ANN001
    assert _certainty(extractor, text, name) == "hedged"


@pytest.mark.parametrize(
    ("text", "name", "polarity"),
    [
        (
            "Anticonvulsants are not recommended for the jerks of OMS.",
            "antiseizure medication",
            "negated",
        ),
        ("Anticonvulsants are not recommended for the tremor of OMS.", "tremor", "affirmed"),
        ("In OMS, steroid monotherapy is discouraged.", "corticosteroids", "negated"),
        ("In OMS, live vaccines are contraindicated during rituximab.", "rituximab", "affirmed"),
        ("In OMS no tumour was found in children with tremor.", "tremor", "affirmed"),
        ("There was no tremor in children with OMS.", "tremor", "negated"),
    ],
)
def test_advice_against_a_treatment_and_its_indication(extractor, text, name, polarity) -> None:  # noqa: ANN001
    found = {o: p for o, p, _ in qualified(extractor, text)}
    assert found.get(name) == polarity, found


@pytest.mark.parametrize(
    ("text", "name", "polarity"),
    [
        ("In OMS, clonazepam was of little benefit.", "clonazepam", "negated"),
        ("In OMS, propranolol gave minimal improvement.", "propranolol", "negated"),
        ("In OMS, steroids do not prevent relapses.", "corticosteroids", "negated"),
    ],
)
def test_little_benefit_is_no_benefit(extractor, text, name, polarity) -> None:  # noqa: ANN001
    found = {o: p for o, p, _ in qualified(extractor, text)}
    assert found.get(name) == polarity, found


@pytest.mark.parametrize(
    ("text", "name", "polarity"),
    [
        ("In OMS the ataxia might never fully go away.", "ataxia", "affirmed"),
        ("In OMS, IVIG did not reduce the ataxia.", "ataxia", "affirmed"),
        ("In OMS, IVIG did not reduce the ataxia.", "intravenous immunoglobulin", "negated"),
        ("with OMS she doesnt have tremor any more", "tremor", "negated"),
        ("for his OMS the steroids didnt help", "corticosteroids", "negated"),
        (
            "Where MRI is not available, CT is used for OMS.",
            "magnetic resonance imaging",
            "affirmed",
        ),
    ],
)
def test_responses_contractions_and_unavailable_tests(extractor, text, name, polarity) -> None:  # noqa: ANN001
    found = {o: p for o, p, _ in qualified(extractor, text)}
    assert found.get(name) == polarity, found


def test_a_field_without_a_value_is_no_claim(extractor) -> None:  # noqa: ANN001
    text = "Opsoclonus-myoclonus syndrome\nInheritance: Not applicable\nSymptoms: ataxia, tremor"
    assert {o for o, _, _ in qualified(extractor, text)} == {"ataxia", "tremor"}


@pytest.mark.parametrize(
    "lead", ["Not recommended:", "Things to avoid:", "Do not use:", "Treatments that do not help:"]
)
def test_a_list_lead_in_that_denies_its_items(extractor, lead) -> None:  # noqa: ANN001
    text = f"OMS treatment\n{lead}\n- clonazepam alone\n- valproate\nRecommended:\n- IVIG"
    found = {o: p for o, p, _ in qualified(extractor, text)}
    assert found == {
        "clonazepam": "negated",
        "valproate": "negated",
        "intravenous immunoglobulin": "affirmed",
    }, found


def test_a_negated_subject_ends_at_its_verb_found(extractor) -> None:  # noqa: ANN001
    text = "My son had OMS at 18 months, no tumour found, ACTH worked wonders."
    found = {o: p for o, p, _ in qualified(extractor, text)}
    assert found.get("adrenocorticotropic hormone") == "affirmed", found
    found = {o: p for o, p, _ in qualified(extractor, "No tumour or infection was found in OMS.")}
    assert found == {"tumour": "negated", "infection": "negated"}, found


@pytest.mark.parametrize(
    ("text", "name", "polarity", "certainty"),
    [
        ("Hearing loss has not been reported in OMS.", "hearing impairment", "negated", "asserted"),
        (
            "Children with OMS at high risk of relapse were treated with IVIG.",
            "intravenous immunoglobulin",
            "affirmed",
            "asserted",
        ),
        (
            "She was under investigation for OMS when opsoclonus appeared.",
            "opsoclonus",
            "affirmed",
            "asserted",
        ),
        (
            "A viral infection in the weeks before onset was probably the trigger of OMS.",
            "viral infection",
            "affirmed",
            "hedged",
        ),
        (
            "After IVIG we saw a little improvement in her OMS.",
            "intravenous immunoglobulin",
            "affirmed",
            "asserted",
        ),
        ("Some young children with OMS develop tremor.", "tremor", "affirmed", "hedged"),
    ],
)
def test_review_of_this_round_s_scopes(extractor, text, name, polarity, certainty) -> None:  # noqa: ANN001
    found = {o: (p, c) for o, p, c in qualified(extractor, text)}
    assert found.get(name) == (polarity, certainty), found


@pytest.mark.parametrize(
    "lead", ["Symptoms not to ignore:", "Don't ignore these signs:", "In children with no tumour:"]
)
def test_a_lead_in_with_a_negation_word_that_denies_nothing(extractor, lead) -> None:  # noqa: ANN001
    text = f"OMS\n{lead}\n- ataxia\n- tremor"
    assert {p for _, p, _ in qualified(extractor, text)} == {"affirmed"}
