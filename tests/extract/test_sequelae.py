"""Sequelae as outcome studies state them: residual or lasting signs, what is found at
follow-up, what children carry into adulthood. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from .conftest import claims


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Residual motor signs, mostly ataxia, were present in 12 of our OMS patients.", "ataxia"),
        ("Lasting neurological signs such as dysarthria were common in OMS.", "dysarthria"),
        ("At last follow-up, 40% of the OMS cohort had ataxia.", "ataxia"),
        (
            "At the 5-year follow-up, dysarthria was present in a third of OMS patients.",
            "dysarthria",
        ),
        ("Many children with OMS carry attention deficits into adulthood.", "attention deficit"),
    ],
)
def test_what_remains_is_a_sequel(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert [o for p, o in found if p == "has_complication" and sign in o], found
    assert not [o for p, o in found if p == "has_symptom" and sign in o]


@pytest.mark.parametrize(
    "text",
    ["Signs of OMS include ataxia.", "The first symptoms of OMS were ataxia and irritability."],
)
def test_the_signs_of_the_illness_stay_symptoms(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "ataxia") in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Examination revealed opsoclonus persisting during sleep.",
        "In OMS the ataxia persisted for three weeks, so rituximab was added.",
    ],
)
def test_how_a_sign_persists_describes_it(extractor, text: str) -> None:  # noqa: ANN001
    assert not [p for p, _ in claims(extractor, text) if p == "has_complication"]


def test_what_persists_in_many_is_a_sequel(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Ataxia persisted in 30% of OMS patients.")
    assert ("has_complication", "ataxia") in found
