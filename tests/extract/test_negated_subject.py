"""A negated subject and its verb: the negation ends at the verb, unless the subject is people
or a response to a treatment (rules/context.tsv SUBJECT_VERB, KEEPING_SUBJECT); "before",
"prior to" and "until" end a negation; a relative's disease is no claim (OTHER_EXPERIENCER);
MAxO's class word "therapy" is no claim alone."""

from __future__ import annotations

import pytest

from omsgraph.extract.assertion import assertion

from .conftest import claims, qualified


def _status(text: str, word: str) -> tuple[str, str]:
    at = text.index(word)
    return assertion(text, at, at + len(word))


@pytest.mark.parametrize(
    ("text", "negated", "affirmed"),
    [
        ("Neither fever nor rash preceded the ataxia.", "fever", "ataxia"),
        ("No vomiting or diarrhoea accompanied the tremor.", "vomiting", "tremor"),
        ("Neither steroids nor IVIG improved the ataxia.", "steroids", "ataxia"),
        ("No infection triggered the opsoclonus in this boy.", "infection", "opsoclonus"),
        ("No headache occurred during the rituximab course.", "headache", "rituximab"),
    ],
)
def test_the_verb_ends_a_negated_subject(text: str, negated: str, affirmed: str) -> None:
    assert _status(text, negated)[0] == "negated"
    assert _status(text, affirmed)[0] == "affirmed"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("No patient improved with prednisolone.", "prednisolone"),
        ("None of the children developed seizures.", "seizures"),
        ("No improvement followed plasma exchange.", "plasma exchange"),
        ("No response followed the first course of ACTH.", "ACTH"),
        ("The girl had no fever or rash.", "rash"),  # no verb: the list stays negated
        ("She did not develop seizures.", "seizures"),  # the verb right after the trigger
    ],
)
def test_people_a_response_or_no_subject_keep_the_negation(text: str, word: str) -> None:
    assert _status(text, word)[0] == "negated"


@pytest.mark.parametrize(
    ("text", "negated", "affirmed"),
    [
        ("There was no fever before the onset of ataxia.", "fever", "ataxia"),
        ("He had no tremor prior to the myoclonus.", "tremor", "myoclonus"),
        ("There were no seizures until the drooling started.", "seizures", "drooling"),
    ],
)
def test_before_and_until_end_a_negation(text: str, negated: str, affirmed: str) -> None:
    assert _status(text, negated)[0] == "negated"
    assert _status(text, affirmed)[0] == "affirmed"


def test_a_preceding_finding_stays_negated() -> None:
    assert _status("No preceding infection was reported.", "infection")[0] == "negated"


def test_the_extractor_reads_the_verb_too(extractor) -> None:  # noqa: ANN001
    got = qualified(extractor, "Neither fever nor rash preceded the ataxia.")
    assert ("fever", "negated", "asserted") in got
    assert ("ataxia", "affirmed", "asserted") in got


@pytest.mark.parametrize(
    "text",
    [
        "She received rituximab therapy.",
        "ACTH therapy was started at six months.",
        "Therapy was stopped after two years.",
    ],
)
def test_therapy_alone_is_no_treatment(extractor, text: str) -> None:  # noqa: ANN001
    assert not any(obj == "therapy" for _, obj in claims(extractor, text))


def test_a_named_therapy_is_still_one(extractor) -> None:  # noqa: ANN001
    assert ("treated_by", "speech therapy") in claims(extractor, "She had speech therapy.")


@pytest.mark.parametrize(
    "text",
    [
        "Her brother had epilepsy.",
        "A maternal aunt was diagnosed with neuroblastoma as a child.",
        "His father has been diagnosed with lupus.",
    ],
)
def test_a_relatives_disease_is_no_claim(extractor, text: str) -> None:  # noqa: ANN001
    assert claims(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Her older sister has type 1 diabetes, and she developed ataxia.", "ataxia"),
        ("His mother suffers from hypothyroidism; he presented with opsoclonus.", "opsoclonus"),
        ("The parents had noticed tremor and drooling.", "tremor"),  # had + participle
        ("Her mother noticed drooling.", "drooling"),  # no verb of having a disease
    ],
)
def test_the_childs_own_signs_stay(extractor, text: str, kept: str) -> None:  # noqa: ANN001
    assert kept in {obj for _, obj in claims(extractor, text)}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("His twin brother also developed opsoclonus at 14 months.", "opsoclonus"),
        ("His mother had to carry him because of severe ataxia.", "ataxia"),
        ("The mother had a video of the opsoclonus on her phone.", "opsoclonus"),
        ("Her father has epilepsy and the girl developed opsoclonus.", "opsoclonus"),
        ("When his sister had measles he developed myoclonus.", "myoclonus"),
        ("Their son developed ataxia at 16 months.", "ataxia"),  # a son is the patient
    ],
)
def test_a_relatives_reach_is_short(extractor, text: str, kept: str) -> None:  # noqa: ANN001
    assert kept in {obj for _, obj in claims(extractor, text)}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("No steroid-induced hypertension was seen.", "hypertension"),  # a participle
        ("There was no newly developed ataxia after treatment.", "ataxia"),
        ("She had never before had a seizure.", "seizure"),  # "never before" is no terminator
    ],
)
def test_participles_and_never_before_keep_the_negation(text: str, word: str) -> None:
    assert _status(text, word)[0] == "negated"
