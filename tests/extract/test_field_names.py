"""General names of the field in the curated vocabulary (issue 12, third round): the tests of a
neuroblastoma work-up, drug-class synonyms, lay names of signs, a common infection.

Every sentence here is written for the test; none is taken from a development document.
"""

from __future__ import annotations

from omsgraph.extract import Extractor, assertion

from .conftest import claims


def test_the_tests_of_a_tumour_work_up(extractor: Extractor) -> None:
    text = (
        "In the boy with OMS a head CT was normal, a CT scan of the abdomen and a chest "
        "radiograph showed a mass, and NSE and urinary catecholamines were raised."
    )
    found = claims(extractor, text)
    for name in (
        "brain computed tomography",
        "computed tomography",
        "chest x-ray",
        "neuron-specific enolase",
        "urine catecholamines",
    ):
        assert ("diagnosed_by", name) in found, (name, found)


def test_drug_class_and_lay_names(extractor: Extractor) -> None:
    found = claims(extractor, "OMS was treated with glucocorticoids for a year.")
    assert ("treated_by", "corticosteroids") in found
    found = claims(extractor, "Her OMS began with jerky movements and unsteadiness.")
    assert {("has_symptom", "myoclonus"), ("has_symptom", "ataxia")} <= found
    found = claims(extractor, "In his case OMS followed chicken pox.")
    assert ("has_cause", "chickenpox") in found


def test_a_suspicion_hedges_its_own_phrase_not_the_next_clause() -> None:
    text = "A tumour was suspected and an MRI showed a mass."
    at = text.index("MRI")
    assert assertion(text, at, at + 3, kind="test") == ("affirmed", "asserted")
    assert assertion(text, 2, 8)[1] == "hedged"
    text = "The suspected infection was treated."
    at = text.index("infection")
    assert assertion(text, at, at + 9)[1] == "hedged"
