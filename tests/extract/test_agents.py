"""How a drug or test is given is no treatment of its own (omsgraph/extract/agents.py)."""

from __future__ import annotations

import pytest

from .conftest import claims


def _treatments(extractor, text: str) -> set[str]:  # noqa: ANN001
    return {o for p, o in claims(extractor, text) if p == "treated_by"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was given weekly rituximab infusions.", {"rituximab"}),
        ("A single infusion of rituximab was given.", {"rituximab"}),
        ("Dexamethasone pulses were given monthly.", {"dexamethasone"}),
        ("A CT scan with iodinated contrast was normal.", set()),
        ("Brain MRI with gadolinium showed no lesion.", set()),
        ("Antibodies to the NMDA receptor and the GABA-B receptor were absent.", set()),
    ],
)
def test_routes_tracers_and_targets_are_no_treatments(extractor, text: str, expected) -> None:  # noqa: ANN001
    assert _treatments(extractor, text) == expected


def test_a_drug_given_on_its_own_stays_a_treatment(extractor) -> None:  # noqa: ANN001
    assert _treatments(extractor, "She was treated with rituximab and ACTH.") == {
        "rituximab",
        "adrenocorticotropic hormone",
    }


def test_a_receptor_is_no_drug(extractor) -> None:  # noqa: ANN001
    text = "Antibodies against the glycine receptor were detected in serum."
    assert not _treatments(extractor, text)
