"""A tumour's name with its body site as a noun or adjective, before or after the head
(rules/anatomy.tsv). The sentences are written for these tests."""

from __future__ import annotations

import pytest

from omsgraph.extract import Extractor, cues
from omsgraph.extract.anatomy import site_names
from tests.extract.conftest import claims


def test_site_names_of_a_tumour_name():
    assert site_names("uterine tumour") == [
        "uterus tumour",
        "tumour of the uterus",
        "tumour of uterus",
    ]
    assert site_names("lung cancer") == [
        "lung cancer",
        "cancer of the lung",
        "cancer of lung",
        "lung carcinoma",
        "carcinoma of the lung",
        "carcinoma of lung",
        "lung malignancy",
        "malignancy of the lung",
        "malignancy of lung",
        "lung ca",
    ]
    assert site_names("lymphoma") == []  # no site, no head
    assert site_names("viral infection") == []  # not a tumour's head
    assert site_names("giant tumour") == []  # not a site


@pytest.mark.parametrize(
    ("sentence", "concept"),
    [
        ("In adults it may come with a cancer of the lung.", "lung cancer"),
        ("Two women with OMS had a carcinoma of the breast.", "breast cancer"),
        ("Adults with OMS: breast ca in two, lung malignancy in five.", "lung cancer"),
        ("Two women had tumours of the ovaries.", "ovarian tumour"),
        ("Paraneoplastic cases include a cancer of the bladder.", "bladder tumour"),
        ("One adult had a tumor of the uterus.", "uterine tumour"),
    ],
)
def test_a_site_after_the_head_names_the_tumour(
    extractor: Extractor, sentence: str, concept: str
) -> None:
    assert ("has_cause", concept) in claims(extractor, sentence)


def test_a_list_of_sites_after_a_head_names_each_tumour(extractor: Extractor) -> None:
    found = claims(extractor, "Adults may have tumours in the thymus, uterus or lung.")
    assert {("has_cause", c) for c in ("thymic tumour", "uterine tumour", "lung cancer")} <= found


def test_every_site_row_has_a_noun():
    assert all(r.fields["site"] for r in cues.table("anatomy.tsv"))
