"""Rules of this round, each tested with sentences written for it."""

from __future__ import annotations

import pytest

from tests.extract.conftest import claims, qualified
from tests.extract.conftest import found as figures

_TABLE = (
    "Differential diagnosis\n\n"
    "Disorder | Telling features | Useful test\n"
    "Guillain-Barre syndrome | areflexia, ascending weakness | nerve conduction\n"
    "Spasmus nutans | head nodding, torticollis | MRI\n"
)


def test_a_differential_table_under_its_header_row_names_the_alternatives(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, _TABLE)
    assert ("differential_diagnosis", "spasmus nutans") in found, found
    assert ("differential_diagnosis", "Guillain-Barre syndrome") in found, found


def test_the_features_in_a_differential_row_are_the_alternatives_not_its_signs(extractor) -> None:  # noqa: ANN001
    found = {o for p, o in claims(extractor, _TABLE)}
    assert not found & {"areflexia", "torticollis", "head nodding"}, found


def test_a_table_header_row_keeps_the_section_it_stands_in(extractor) -> None:  # noqa: ANN001
    text = (
        "Treatment\n\n"
        "Drug | Dose | Diagnosis of side effects\n"
        "Dexamethasone | 20 mg/m2 pulses | blood pressure\n"
        "Rituximab | 375 mg/m2 | B-cell counts\n"
    )
    found = claims(extractor, text)
    assert ("treated_by", "rituximab") in found, found


def test_a_line_without_names_in_a_differential_list_is_no_error(extractor) -> None:  # noqa: ANN001
    text = "Differential diagnosis\n\nCondition | Features | Test\n"
    assert claims(extractor, text) == set()


@pytest.mark.parametrize("disease", ["syphilis", "measles", "Lyme disease", "influenza"])
def test_an_infectious_disease_tested_for_and_negative_is_an_excluded_cause(
    extractor,  # noqa: ANN001
    disease: str,
) -> None:
    text = f"Tests for HIV, {disease} and cytomegalovirus were negative."
    found = {(o.lower(), pol) for o, pol, _ in qualified(extractor, text)}
    assert (disease.lower(), "negated") in found, found


def test_a_named_disease_in_a_list_of_tests_keeps_the_sentence(extractor) -> None:  # noqa: ANN001
    text = "Tests for Whipple disease, HIV and syphilis were negative."
    found = {o for _, o in claims(extractor, text)}
    assert "syphilis" in found, found


def test_a_passage_opening_on_another_disease_is_still_set_aside(extractor) -> None:  # noqa: ANN001
    assert claims(extractor, "Wilson disease presents with tremor and ataxia.") == set()


def test_an_infection_before_onset_is_a_cause(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "She had measles three weeks before the ataxia began.")
    assert ("has_cause", "measles") in found, found


def test_a_mondo_label_keeps_the_capitals_of_its_names(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "The differential includes Miller Fisher syndrome.")
    assert ("differential_diagnosis", "Miller Fisher syndrome") in found, found


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Relapses occurred in 3/24 (12.5%).", "3 of 24 (12.5 %)"),  # the share it states
        ("Relapses occurred in 3/24.", "3 of 24 (13 %)"),  # a half rounds up
        ("Relapses occurred in 1 of 8 children.", "1 of 8 (13 %)"),
        ("Relapses occurred in 5 of 16 children.", "5 of 16 (31 %)"),
    ],
)
def test_a_share_from_counts_is_the_one_stated_else_rounded_half_up(sentence, value) -> None:  # noqa: ANN001
    assert ("relapse rate", value) in figures(sentence), figures(sentence)


def test_a_mechanism_word_matches_its_concept_name_through_the_vocabulary() -> None:
    from pathlib import Path

    from omsgraph.corpus.vocabulary import load_vocabulary
    from omsgraph.extract.evaluate import evaluate

    vocabulary = load_vocabulary(Path(__file__).parents[2] / "data" / "vocabulary.yaml")

    def claim(obj: str) -> dict:
        return {"source": "s.txt", "predicate": "mechanism", "object": obj, "polarity": "affirmed"}

    report = evaluate([claim("autoimmunity")], [claim("autoimmune")], vocabulary)
    assert (report.other.tp, report.other.fp, report.other.fn) == (1, 0, 0)
    report = evaluate([claim("paraneoplastic")], [claim("autoimmune")], vocabulary)
    assert (report.other.tp, report.other.fp, report.other.fn) == (0, 1, 1)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Since the illness she tires easily.", "fatigue"),
        ("He is always tired.", "fatigue"),
        ("The little one was being sick most mornings.", "vomiting"),
        ("He threw up after every feed.", "vomiting"),
        ("Her speech was slurred for weeks.", "dysarthria"),
        ("He slurred his words.", "dysarthria"),
        ("She became very clingy.", "irritability"),
    ],
)
def test_a_sign_told_in_lay_words_is_that_sign(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    found = {o for _, o in claims(extractor, text)}
    assert sign in found, found


@pytest.mark.parametrize(
    "text",
    [
        "I was exhausted all the time.",  # the parent's own state
        "We are always tired.",
        "She was sick with a cold.",  # ill, in American usage
        "He is a fussy eater.",
    ],
)
def test_a_parents_own_state_or_another_sense_is_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    found = {o for _, o in claims(extractor, text)}
    assert not found & {"fatigue", "vomiting", "irritability"}, found


def test_ongoing_difficulties_are_sequelae(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Many children have ongoing difficulties with speech and sleep.")
    assert ("has_complication", "sleep disturbance") in found, found
    assert not {p for p, _ in found} - {"has_complication"}, found


def test_problems_with_a_faculty_in_a_list_are_named_through_the_ontology(extractor) -> None:  # noqa: ANN001
    found = {o for _, o in claims(extractor, "Years later he had problems with memory and mood.")}
    assert "memory impairment" in found, found


@pytest.mark.parametrize(
    ("text", "mechanism"),
    [
        (
            "The eye signs are thought to reflect disinhibited omnipause neurons.",
            "omnipause neuron dysfunction",
        ),
        (
            "Loss of inhibition of the fastigial nucleus may explain the saccades.",
            "fastigial nucleus dysfunction",
        ),
        ("The illness is probably driven by autoantibodies.", "autoantibodies"),
        (
            "Autoantibodies directed against cerebellar neurons have been reported.",
            "autoantibodies",
        ),
        ("These findings point to an antibody-mediated process.", "antibody-mediated"),
    ],
)
def test_where_and_by_what_it_acts_is_a_mechanism(extractor, text: str, mechanism: str) -> None:  # noqa: ANN001
    assert ("mechanism", mechanism) in claims(extractor, text), claims(extractor, text)


def test_a_test_for_autoantibodies_is_no_mechanism(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Serum was tested for autoantibodies; none were found.")
    assert not {o for p, o in found if p == "mechanism"}, found


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("Dysfunction of omnipause neurons is thought to underlie the saccades.", "hedged"),
        ("Disinhibition of the fastigial nucleus has been proposed.", "hedged"),
        ("Omnipause neurons may be the target.", "hedged"),
        ("OMS is an immune-mediated disorder which may relapse.", "asserted"),
    ],
)
def test_a_mechanism_proposed_anywhere_in_its_sentence_is_hedged(
    extractor, text, certainty
) -> None:  # noqa: ANN001
    found = {c.certainty for c in extractor.extract(text) if c.predicate == "mechanism"}
    assert found == {certainty}, found


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("It is thought to affect 1 in 2 to 4 million people.", "1 in 2,000,000-4,000,000"),
        ("It affects 1 in 2-4 million children.", "1 in 2,000,000-4,000,000"),
    ],
)
def test_a_range_of_denominators_is_one_rate(sentence: str, value: str) -> None:
    assert ("prevalence", value) in figures(sentence), figures(sentence)


def test_a_count_of_children_in_every_million_a_year_is_an_incidence() -> None:
    found = figures("About 0.3 children in every million develop it each year.")
    assert ("incidence", "about 0.3 in 1,000,000 per year") in found, found


def test_a_range_of_denominators_parses_to_its_middle() -> None:
    from omsgraph.corpus.values import parse_value

    low, high = parse_value("1 in 2 million"), parse_value("1 in 8 million")
    middle = parse_value("1 in 2 to 8 million")
    assert high.per_person < middle.per_person < low.per_person
    assert parse_value("1 in 4 million").per_person == pytest.approx(middle.per_person)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("It mostly affects toddlers and young children.", "toddlers and young children"),
        ("It mainly affects babies.", "babies"),
        ("It is an uncommon illness of small children.", "small children"),
        ("Adults present in their sixth decade.", "sixth decade"),
        ("Adults usually present at 60 years.", "60 years"),
    ],
)
def test_who_it_affects_and_when_adults_present_is_the_age_at_onset(sentence, value) -> None:  # noqa: ANN001
    assert ("age at onset", value) in figures(sentence), figures(sentence)


def test_a_synonym_of_infants_is_no_age_at_onset() -> None:
    assert figures("It was once called myoclonic encephalopathy of infants.") == []


def test_an_ordinal_decade_parses_to_its_ten_years() -> None:
    from omsgraph.corpus.values import parse_value

    span = parse_value("third to fourth decade")
    assert (span.low, span.high) == (240.0, 480.0)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("The condition may come back.", "may come back"), ("Signs can recur.", "can come back")],
)
def test_an_illness_that_can_come_back_relapses(sentence: str, value: str) -> None:
    assert ("relapse rate", value) in figures(sentence), figures(sentence)


def test_a_child_returning_to_school_is_no_relapse() -> None:
    assert figures("It can take months, but most children can return to school.") == []


@pytest.mark.parametrize(
    ("text", "alternative"),
    [
        ("Its speed distinguishes opsoclonus from square-wave jerks.", "square-wave jerks"),
        ("OMS differs from acute cerebellar ataxia in its course.", "acute cerebellar ataxia"),
        ("The paediatrician initially suspected epilepsy.", "epilepsy"),
        ("Epilepsy was considered at first.", "epilepsy"),
    ],
)
def test_what_it_is_told_apart_from_or_first_suspected_as_is_a_differential(
    extractor,  # noqa: ANN001
    text: str,
    alternative: str,
) -> None:
    found = claims(extractor, text)
    assert ("differential_diagnosis", alternative) in found, found


def test_a_figure_that_differs_from_another_names_no_differential(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Relapse rates in adults differ from those in children.")
    found |= claims(
        extractor, "Our results differ from those of a study of acute cerebellar ataxia."
    )
    assert not {p for p, _ in found} & {"differential_diagnosis"}, found


@pytest.mark.parametrize(
    "text", ["Her CSF was unremarkable.", "Spinal fluid was examined in all children."]
)
def test_a_specimen_that_was_normal_or_examined_was_analysed(extractor, text: str) -> None:  # noqa: ANN001
    assert ("diagnosed_by", "cerebrospinal fluid analysis") in claims(extractor, text)


def test_a_specimen_not_examined_was_not_analysed(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "The CSF was not examined.")
    assert ("cerebrospinal fluid analysis", "affirmed", "asserted") not in found, found


@pytest.mark.parametrize(
    "text", ["Rarely, drugs or toxins are the trigger.", "Other triggers include drugs and toxins."]
)
def test_drugs_and_toxins_together_are_the_toxin_exposure(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_cause", "toxin exposure") in claims(extractor, text), claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Two of the children became mute.", "mutism"),
        ("His moods went up and down.", "mood changes"),
    ],
)
def test_a_childs_silence_or_changing_moods_are_signs(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text), claims(extractor, text)


def test_a_parent_struck_mute_is_no_sign(extractor) -> None:  # noqa: ANN001
    assert claims(extractor, "We were mute with shock and my moods were up and down.") == set()


def test_signs_in_a_side_effects_column_are_no_signs(extractor) -> None:  # noqa: ANN001
    text = (
        "Management\n\n"
        "Agent | Schedule | Adverse events\n"
        "Prednisolone | 2 mg/kg daily | hypertension, irritability\n"
        "IVIG | 2 g/kg monthly | headache\n"
    )
    found = claims(extractor, text)
    assert ("treated_by", "prednisolone") in found, found
    assert not {o for p, o in found if p == "has_symptom"}, found


def test_signs_in_a_column_of_features_stay_signs(extractor) -> None:  # noqa: ANN001
    text = "Sign | Frequency | Notes\nAtaxia | 90 % | often first\nTremor | 40 % | mild\n"
    found = claims(extractor, text)
    assert ("has_symptom", "tremor") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The fastigial nucleus looked normal on MRI.",
        "The omnipause neurons lie in the pons.",
        "I threw up my hands in despair.",
    ],
)
def test_an_anatomy_fact_or_a_gesture_claims_nothing(extractor, text: str) -> None:  # noqa: ANN001
    found = {(p, o) for p, o in claims(extractor, text) if p in ("mechanism", "has_symptom")}
    assert not found, found
