"""Coordination, differential lists, onconeuronal antibodies and names (issue 12, third round).

Every sentence here is written for the test; none is taken from a development document.
"""

from __future__ import annotations

import pytest

from omsgraph.extract import Extractor
from omsgraph.extract.named_tests import antibodies
from omsgraph.extract.shapes import same_name

from .conftest import claims


def test_a_shared_head_after_two_coordinations(extractor: Extractor) -> None:
    # "A and B and C problems": the second coordination names the shared head
    text = "After OMS she was left with a squint and behavioural and sleep problems."
    found = claims(extractor, text)
    assert ("has_complication", "behavioural problems") in found, found
    assert ("has_complication", "sleep disturbance") in found, found


def test_issues_with_a_list(extractor: Extractor) -> None:
    text = "Years after OMS many children continue to have issues with sleep, behaviour and mood."
    found = claims(extractor, text)
    assert ("has_complication", "sleep disturbance") in found, found
    assert ("has_complication", "behavioural problems") in found, found
    assert not {k for k in found if k[1] in {"issue", "issues"}}, found


def test_related_disorders_in_a_list_frame_are_differential_diagnoses(
    extractor: Extractor,
) -> None:
    text = "Disorders with similar symptoms include myoclonus of other causes and Wilson Disease."
    found = claims(extractor, text)
    assert ("differential_diagnosis", "myoclonus") in found, found
    assert ("differential_diagnosis", "Wilson disease") in found, found
    found = claims(extractor, "Related conditions: Wilson Disease, myoclonus.")
    assert ("differential_diagnosis", "myoclonus") in found, found
    # a sign before the trigger stays a symptom
    found = claims(extractor, "OMS brings myoclonus; related conditions are listed below.")
    assert ("has_symptom", "myoclonus") in found


@pytest.mark.parametrize(
    "text",
    [
        "Children with OMS and related disorders often have ataxia and myoclonus.",
        "OMS and similar conditions respond to ACTH, and ataxia and myoclonus improve.",
    ],
)
def test_related_disorders_outside_a_list_frame_introduce_nothing(
    extractor: Extractor, text: str
) -> None:
    found = claims(extractor, text)
    assert not {k for k in found if k[0] == "differential_diagnosis"}, found
    assert ("has_symptom", "myoclonus") in found, found


def test_a_run_on_title_case_list_proposes_no_bare_class_word(extractor: Extractor) -> None:
    text = "Disorders with similar symptoms include Dancing Eyes Disease and other diseases."
    found = claims(extractor, text)
    assert not {k for k in found if k[1] in {"disease", "diseases"}}, found


def test_onconeuronal_antibodies_without_anti() -> None:
    found = antibodies("most had hu/anna1 antibodies, some yo antibodies.")
    assert [name for *_, name in found] == ["anti-hu antibodies", "anti-yo antibodies"]
    assert antibodies("they had no antibodies.") == []


def test_a_name_with_or_without_its_class_word_is_the_same() -> None:
    assert same_name("Opsoclonus-Myoclonus", "opsoclonus-myoclonus syndrome")
    assert not same_name("opsoclonic encephalopathy", "opsoclonus-myoclonus syndrome")


def test_death_is_no_complication_concept(extractor: Extractor) -> None:
    found = claims(extractor, "Untreated, OMS in adults progresses to coma and death.")
    assert not {k for k in found if k[1] == "death"}, found
