"""The names of a tumour work-up: a MIBG scan is a test whatever its wording (its tracer is no
treatment), a spinal tap is a CSF analysis, histology is a biopsy, physio is physical therapy,
FDG-PET is a PET, oligoclonal bands a test; speech regression is a loss of speech."""

from __future__ import annotations

import pytest

from .conftest import claims


@pytest.mark.parametrize(
    "text",
    [
        "An MIBG scan showed uptake in the left adrenal gland.",
        "She had a special scan (MIBG) of the whole body.",
        "MIBG: negative.",
        "Meta-iodobenzylguanidine scintigraphy was normal.",
    ],
)
def test_mibg_is_a_test_not_a_treatment(extractor, text: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert ("diagnosed_by", "MIBG scintigraphy") in found
    assert not [c for c in found if c[0] == "treated_by"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A spinal tap was normal.", ("diagnosed_by", "cerebrospinal fluid analysis")),
        ("Histology showed a ganglioneuroma.", ("diagnosed_by", "biopsy")),
        ("A tumour biopsy was taken.", ("diagnosed_by", "biopsy")),
        ("He still goes to physio every week.", ("treated_by", "physical therapy")),
        (
            "An FDG-PET/CT of the chest was unremarkable.",
            ("diagnosed_by", "positron emission tomography"),
        ),
        ("Oligoclonal bands were found in the CSF.", ("diagnosed_by", "CSF oligoclonal bands")),
        ("Language regression was marked.", ("has_symptom", "loss of speech and language")),
    ],
)
def test_lay_and_short_names_of_the_work_up(extractor, text: str, expected) -> None:  # noqa: ANN001
    assert expected in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "She received 131I-MIBG therapy for relapsed disease.",
        "Radiolabelled MIBG was given at relapse.",
    ],
)
def test_mibg_therapy_is_a_treatment(extractor, text: str) -> None:  # noqa: ANN001
    assert ("treated_by", "MIBG therapy") in claims(extractor, text)
