"""Page chrome, people quoted by role and proposed objects that name nothing (issue 12: unseen
documents).

Every sentence here is written for the test; none is taken from a development document.
"""

from __future__ import annotations

import pytest

from omsgraph.extract import Extractor
from omsgraph.extract.shapes import junk

from .conftest import claims

BODY = "Opsoclonus-myoclonus syndrome causes ataxia and is treated with rituximab.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Keywords: ataxia; neuroblastoma; corticosteroids; child",
        "Key words: ataxia, neuroblastoma, corticosteroids",
        "MeSH terms: Ataxia; Neuroblastoma; Corticosteroids",
        "Tags: ataxia, neuroblastoma, steroids",
    ],
)
def test_a_keyword_line_states_nothing(extractor: Extractor, line: str) -> None:
    found = claims(extractor, f"{BODY}{line}\n")
    assert not {k for k in found if k[1] in {"neuroblastoma", "corticosteroids"}}, found
    assert ("has_symptom", "ataxia") in found, found


@pytest.mark.parametrize(
    "line",
    [
        "Original Article | Child Neurology and Oncology",
        "Teaching Session - Paediatric Neurology",
        "Journal of Neuro-Oncology | Volume 12 | Issue 3",
    ],
)
def test_a_running_header_states_nothing(extractor: Extractor, line: str) -> None:
    found = claims(extractor, f"{line}\n{BODY}")
    assert not {k for k in found if k[0] == "specialist" or k[1] == "neoplasm"}, found
    assert ("treated_by", "rituximab") in found, found


def test_a_sentence_with_a_dash_is_no_header(extractor: Extractor) -> None:
    text = "Neuroblastoma - a tumour of the adrenal gland - was found in OMS patients.\n"
    assert ("has_cause", "neuroblastoma") in claims(extractor, text)


def test_the_objectives_of_a_talk_state_nothing(extractor: Extractor) -> None:
    text = (
        "Opsoclonus-myoclonus syndrome\n"
        "Learning objectives\n"
        "Recognise the eye movements\n"
        "Know when to ask for an MRI\n"
        "Understand steroid and IVIG treatment\n"
        "Slide 2\n"
        "Treatment: IVIG and steroids\n"
    )
    found = {(c.predicate, c.object, c.quote) for c in extractor.extract(text)}
    assert not {k for k in found if k[2].startswith(("Know", "Understand"))}, found
    assert {k[1] for k in found if k[0] == "treated_by"} >= {"intravenous immunoglobulin"}, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Early treatment matters, said Dr. Ana Ruiz, a pediatric neurologist in Madrid.",
        "Early treatment matters, according to a pediatric neurologist we spoke to.",
        "The pediatric neurologist told us that early treatment matters.",
        "Our pediatric neurologist said early treatment matters.",
    ],
)
def test_a_doctor_quoted_by_role_is_no_specialist_claim(
    extractor: Extractor, sentence: str
) -> None:
    found = claims(extractor, f"Our son has OMS. {sentence}")
    assert not {k for k in found if k[0] == "specialist"}, found


def test_who_cares_for_the_condition_is_a_specialist_claim(extractor: Extractor) -> None:
    text = "OMS is managed by a pediatric neurologist together with an oncologist."
    assert ("specialist", "paediatric neurology") in claims(extractor, text)


def test_a_signs_word_as_a_relative_clauses_verb_is_no_sign(extractor: Extractor) -> None:
    text = "In OMS the CSF B-cell counts are raised, which fall after rituximab."
    assert ("has_symptom", "falls") not in claims(extractor, text)
    text = "Children with OMS often fall, which worries their parents."
    assert ("has_symptom", "falls") in claims(extractor, text)


@pytest.mark.parametrize(
    "name",
    ["recently", "previously", "a wide range of pathogen", "a number of virus", "it's too early"],
)
def test_names_that_name_nothing(name: str) -> None:
    assert junk(name)


@pytest.mark.parametrize(
    "name", ["family history", "anomaly", "neuroblastoma", "range of motion loss", "itching"]
)
def test_names_that_name_something(name: str) -> None:
    assert not junk(name)


def test_an_adverb_in_a_list_of_causes_is_no_cause(extractor: Extractor) -> None:
    text = (
        "OMS has been linked to many infections, including influenza, mumps and, "
        "more recently, Zika virus."
    )
    found = claims(extractor, text)
    assert ("has_cause", "recently") not in found, found
    assert ("has_cause", "influenza") in found, found


def test_a_section_heading_with_the_sites_name_still_opens_its_section(
    extractor: Extractor,
) -> None:
    text = (
        "Differential Diagnosis - Opsoclonus Myoclonus Syndrome\n"
        "- Ocular flutter\n"
        "Outcomes\n"
        "Review by a neurologist: children are often left with learning difficulties.\n"
    )
    found = claims(extractor, text)
    assert ("differential_diagnosis", "ocular flutter") in found, found
    assert ("has_complication", "learning difficulties") in found, found


def test_a_title_case_bullet_with_a_dash_is_content(extractor: Extractor) -> None:
    text = (
        "Opsoclonus-myoclonus syndrome\n"
        "Slide 4\n"
        "Treatment\n"
        "Dexamethasone - First Line\n"
        "Rituximab - Second Line\n"
    )
    found = claims(extractor, text)
    assert {("treated_by", "dexamethasone"), ("treated_by", "rituximab")} <= found, found


def test_a_specialist_named_in_reported_speech_is_a_claim(extractor: Extractor) -> None:
    text = "She said that every child with OMS should be seen by a pediatric neurologist."
    assert ("specialist", "paediatric neurology") in claims(extractor, text)


def test_numbered_objectives_with_to_state_nothing(extractor: Extractor) -> None:
    text = (
        "Opsoclonus-myoclonus syndrome in children\n"
        "Learning outcomes\n"
        "1. To recognise the tumour work-up\n"
        "2. To interpret an MRI\n"
        "Background\n"
        "Opsoclonus-myoclonus syndrome causes ataxia.\n"
    )
    found = claims(extractor, text)
    assert not {k for k in found if k[0] == "diagnosed_by"}, found
    assert ("has_symptom", "ataxia") in found, found
