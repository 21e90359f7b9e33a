"""Fixes of the false positives a review of the extraction rules found (issue 12, fourth
round): conditional clauses end at their comma, questions state nothing, a sign named in the
predicate is no definition, a bracket is a gloss only when it holds the concept alone.

The sentences are written for these tests; each rule has a sentence of another shape where it
must not fire.
"""

from __future__ import annotations

import pytest

from omsgraph.extract import Extractor
from omsgraph.extract.assertion import assertion


def status(extractor: Extractor, text: str) -> dict[str, tuple[str, str, str]]:
    """object -> (predicate, polarity, certainty) of the claims of ``text``."""
    return {c.object: (c.predicate, c.polarity, c.certainty) for c in extractor.extract(text)}


@pytest.mark.parametrize(
    "text, obj",
    [
        ("If steroids are stopped too early, the ataxia of OMS returns.", "ataxia"),
        ("Even if the tumour is removed, ataxia and myoclonus remain.", "ataxia"),
        (
            "Regardless of whether a tumour is found, treatment with ACTH is started.",
            "adrenocorticotropic hormone",
        ),
        ("OMS is treated with ACTH even if no tumour is found.", "adrenocorticotropic hormone"),
    ],
)
def test_a_conditional_clause_hedges_nothing_past_its_comma(
    extractor: Extractor, text: str, obj: str
) -> None:
    assert status(extractor, text)[obj][2] == "asserted", status(extractor, text)


def test_a_conditional_clause_still_hedges_inside_it(extractor: Extractor) -> None:
    found = status(extractor, "If steroids are stopped too early, the ataxia of OMS returns.")
    assert found["corticosteroids"][2] == "hedged", found
    found = status(extractor, "In OMS, rituximab is added if the ataxia returns.")
    assert found["ataxia"][2] == "hedged", found


def test_whether_or_not_neither_hedges_nor_negates(extractor: Extractor) -> None:
    found = status(
        extractor, "Whether or not a neuroblastoma is found, children with OMS have ataxia."
    )
    assert found["ataxia"] == ("has_symptom", "affirmed", "asserted"), found


def test_a_question_never_makes_a_hedged_claim_asserted(extractor: Extractor) -> None:
    text = "Symptoms of OMS may include drooling. What causes drooling in OMS?"
    assert status(extractor, text)["drooling"][2] == "hedged", status(extractor, text)
    # another shape: the plain statement after the hedge still asserts
    text = "Symptoms of OMS may include drooling. Drooling was seen in most of our patients."
    assert status(extractor, text)["drooling"][2] == "asserted", status(extractor, text)


def test_a_question_asserts_nothing() -> None:
    text = "Does OMS cause permanent learning problems? Rituximab helps."
    assert assertion(text, 0, 3) == ("affirmed", "hedged")
    at = text.index("Rituximab")
    assert assertion(text, at, at + 9) == ("affirmed", "asserted")


@pytest.mark.parametrize(
    "text, kept",
    [
        (
            "Irritability is a frequent early sign of the illness, and drooling and tremor often "
            "follow.",
            {"drooling", "tremor"},
        ),
        (
            "Ataxia is a common presenting feature in toddlers, together with irritability and "
            "vomiting.",
            {"irritability", "vomiting"},
        ),
        ("OMS: Ataxia is a common sign, with drooling and irritability.", {"drooling"}),
        ("Opsoclonus is a hallmark sign and sleep problems are frequent.", {"sleep disturbance"}),
        ("Myoclonus is a sudden jerk of a muscle, and OMS children also have tremor.", {"tremor"}),
    ],
)
def test_a_sign_named_as_a_sign_of_the_condition_is_no_definition(
    extractor: Extractor, text: str, kept: set[str]
) -> None:
    found = status(extractor, text)
    assert kept <= {o for o, (p, *_) in found.items() if p == "has_symptom"}, found


def test_a_definition_of_a_sign_still_names_no_claims(extractor: Extractor) -> None:
    found = status(
        extractor, "Myoclonus is a brief involuntary twitching of a muscle, like hiccups."
    )
    assert set(found) <= {"myoclonus"}, found


def test_a_bracket_is_a_gloss_only_when_it_holds_the_concept_alone(extractor: Extractor) -> None:
    text = (
        "Symptoms of OMS include head tremor and refusal to walk for several days "
        "(opsoclonus came later)."
    )
    assert "head tremor" in status(extractor, text), status(extractor, text)
    # a bracket holding only the concept (or two, or a quoted lay name) is a gloss
    for text in (
        "OMS is characterized by quick eye jerks in every direction (opsoclonus).",
        'OMS is characterized by quick eye jerks in every direction ("opsoclonus").',
        "OMS shows quick eye jerks in every direction (opsoclonus or ocular flutter).",
    ):
        assert not {o for o in status(extractor, text) if "jerk" in o}, status(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Although a tumour was not found, the child with OMS improved on rituximab.",
        "While no neuroblastoma was seen, her OMS responded to rituximab.",
    ],
)
def test_a_negation_in_a_fronted_clause_ends_at_its_comma(extractor: Extractor, text: str) -> None:
    found = status(extractor, text)
    assert found["rituximab"][1] == "affirmed", found
    # a negated participle or an adverb is no proposed concept ("not found", "seen")
    assert set(found) <= {"rituximab", "tumour", "neuroblastoma"}, found


def test_a_negation_outside_a_fronted_clause_still_covers_a_list(extractor: Extractor) -> None:
    found = status(extractor, "OMS is not caused by influenza, measles or mumps in our cohort.")
    assert {found[o][1] for o in ("influenza", "measles")} == {"negated"}, found
