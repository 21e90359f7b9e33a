"""What an instrumental test showed is its result, no sign of the condition
(omsgraph.extract.findings); a clinical examination's findings stay signs. The sentences are
written for these tests."""

from __future__ import annotations

import pytest

from .conftest import claims, qualified


def _signs(extractor, text: str) -> set[str]:  # noqa: ANN001
    return {o for p, o in claims(extractor, text) if p == "has_symptom"}


@pytest.mark.parametrize(
    "text",
    [
        "In this girl with OMS, abdominal CT revealed a 3.5 cm adrenal mass.",
        "In OMS, an ultrasound of the neck, however, showed cervical lymphadenopathy.",
        "In OMS the lumbar puncture demonstrated a mild lymphocytosis; opsoclonus persisted.",
    ],
)
def test_a_test_result_is_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    assert not _signs(extractor, text) - {"opsoclonus"}


def test_the_clause_after_the_result_keeps_its_signs(extractor) -> None:  # noqa: ANN001
    text = "In OMS the lumbar puncture showed a mild lymphocytosis; she had marked ataxia."
    assert _signs(extractor, text) == {"ataxia"}


@pytest.mark.parametrize(
    "text",
    [
        "Neurological examination showed opsoclonus and truncal ataxia.",
        "On examination she had opsoclonus, and the MRI was normal.",
    ],
)
def test_an_examination_finds_signs(extractor, text: str) -> None:  # noqa: ANN001
    assert "opsoclonus" in _signs(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "In this boy with OMS, whole-body CT revealed no tumour.",
        "In OMS, abdominal ultrasound showed no evidence of malignancy.",
    ],
)
def test_a_tumour_a_test_did_not_find_is_an_absent_cause(extractor, text: str) -> None:  # noqa: ANN001
    found = qualified(extractor, text)
    assert ("tumour", "negated", "asserted") in found
    assert not [o for o, *_ in found if o == "tumour screening"]


def test_an_ultrasound_is_a_test(extractor) -> None:  # noqa: ANN001
    assert ("diagnosed_by", "testicular ultrasound") in claims(
        extractor, "In OMS, testicular ultrasound was normal."
    )


@pytest.mark.parametrize(
    "text",
    [
        "MRI showed no abnormality, and she had opsoclonus and myoclonus.",
        "CT showed an adrenal mass and the child had myoclonus.",
    ],
)
def test_the_condition_s_own_signs_stay_signs_after_a_test(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "myoclonus") in claims(extractor, text)


@pytest.mark.parametrize(
    "text", ["No tumour was found.", "The tumour was removed completely.", "A tumour was detected."]
)
def test_a_tumour_found_or_not_stays_a_cause(extractor, text: str) -> None:  # noqa: ANN001
    assert [p for p, o in claims(extractor, text) if p == "has_cause" and o == "tumour"]
