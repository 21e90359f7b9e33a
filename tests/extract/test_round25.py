"""Rules of this round, each tested with sentences written for it: a name after "non-" is not
named, differential lists ("to consider:", a bare list under a heading, "e.g." inside the
list, drugs inside a differential), and infectious triggers named by their agent."""

from __future__ import annotations

import pytest


def _claims(extractor, text: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return {(c.predicate, c.object) for c in extractor.extract(text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Non-paraneoplastic cases usually followed a viral illness.", "paraneoplastic syndrome"),
        ("Two adults had non-neuroblastoma tumours of the chest.", "neuroblastoma"),
        ("Her brother had non small cell lung cancer.", "small cell lung cancer"),
    ],
)
def test_a_name_after_non_is_not_named(extractor, text: str, absent: str) -> None:  # noqa: ANN001
    objects = {o.lower() for _, o in _claims(extractor, text)}
    assert absent not in objects, objects


def test_a_name_beginning_with_non_is_still_found(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "OMS was reported in a man with non-Hodgkin lymphoma.")
    assert any(o.lower() == "non-hodgkin lymphoma" for _, o in found), found


def test_differentials_to_consider_with_an_example_in_brackets(extractor) -> None:  # noqa: ANN001
    text = (
        "Alternative conditions. Differential diagnoses to exclude: labyrinthitis, drug "
        "intoxication (e.g. carbamazepine, phenytoin), nystagmus and epileptic myoclonus."
    )
    found = _claims(extractor, text)
    assert ("differential_diagnosis", "nystagmus") in found, found
    assert ("differential_diagnosis", "epileptic myoclonus") in found, found
    assert not {p for p, o in found if o.lower() in {"carbamazepine", "phenytoin"}}, found
    assert ("has_symptom", "myoclonus") not in found, found


def test_a_bare_list_under_a_differentials_heading(extractor) -> None:  # noqa: ANN001
    text = "Differential diagnosis\nOcular flutter, nystagmus of other origin, labyrinthitis."
    found = _claims(extractor, text)
    assert ("differential_diagnosis", "ocular flutter") in found, found
    assert ("differential_diagnosis", "nystagmus") in found, found


def test_a_statement_under_a_differentials_heading_keeps_its_signs(extractor) -> None:  # noqa: ANN001
    text = (
        "Differential diagnosis\nCerebellitis is the usual alternative; it lacks opsoclonus "
        "and the marked irritability."
    )
    found = _claims(extractor, text)
    assert ("differential_diagnosis", "irritability") not in found, found
    assert ("differential_diagnosis", "opsoclonus") not in found, found


def test_the_own_sign_in_a_bare_differential_list_is_no_differential(extractor) -> None:  # noqa: ANN001
    text = "Differential diagnosis\nLabyrinthitis, opsoclonus due to toxins."
    found = _claims(extractor, text)
    assert ("differential_diagnosis", "opsoclonus") not in found, found


@pytest.mark.parametrize(
    ("agent", "name"),
    [
        ("HHV-6", "human herpesvirus 6 infection"),
        ("Streptococcus", "streptococcal infection"),
        ("Salmonella", "salmonellosis"),
        ("CMV", "cytomegalovirus infection"),
        ("RSV", "respiratory syncytial virus infection"),
        ("coxsackie B3", "coxsackievirus infection"),
        ("dengue", "dengue"),
        ("West Nile virus", "West Nile virus infection"),
    ],
)
def test_infectious_triggers_named_by_their_agent(extractor, agent: str, name: str) -> None:  # noqa: ANN001
    found = _claims(extractor, f"In the boy, OMS began ten days after a proven {agent} infection.")
    assert ("has_cause", name) in found, found
