"""Rules of this round, each tested with sentences written for it."""

from __future__ import annotations

import pytest

from tests.extract.conftest import claims, qualified
from tests.extract.conftest import found as figures


@pytest.mark.parametrize(
    "text",
    [
        "The syndrome differs from acute cerebellar ataxia in that opsoclonus is present.",
        "It is distinguished from acute cerebellar ataxia by the presence of opsoclonus.",
        "OMS differs from acute cerebellar ataxia in having opsoclonus.",
    ],
)
def test_what_tells_a_differential_apart_is_the_conditions_own_sign(extractor, text: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert ("differential_diagnosis", "acute cerebellar ataxia") in found, found
    assert ("has_symptom", "opsoclonus") in found, found
    assert ("differential_diagnosis", "opsoclonus") not in found, found


def test_a_list_set_aside_stays_a_list_of_differentials(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "It must be distinguished from acute cerebellar ataxia and epilepsy.")
    assert ("differential_diagnosis", "epilepsy") in found, found


@pytest.mark.parametrize("feeling", ["awe", "shock", "surprise"])
def test_mute_with_a_feeling_is_no_mutism(extractor, feeling: str) -> None:  # noqa: ANN001
    found = {o for _, o in claims(extractor, f"He was mute with {feeling} at the fireworks.")}
    assert "mutism" not in found, found


def test_a_child_who_became_mute_has_mutism(extractor) -> None:  # noqa: ANN001
    assert ("has_symptom", "mutism") in claims(extractor, "He became mute for a week.")


def test_ongoing_problems_of_the_acute_illness_are_no_sequel(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "She had ongoing feeding problems during the acute illness.")
    assert not {p for p, _ in found} & {"has_complication"}, found
    found = claims(extractor, "She has ongoing learning difficulties.")
    assert ("has_complication", "learning difficulties") in found, found


def test_a_structure_said_not_to_be_involved_in_something_else_is_no_mechanism(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "The omnipause neurons are not involved in blinking.")
    assert not {p for p, _ in found} & {"mechanism"}, found


def test_another_diseases_mechanism_in_an_apposition_is_not_the_conditions(extractor) -> None:  # noqa: ANN001
    text = (
        "Anti-NMDA receptor encephalitis, an antibody-mediated disorder, is a differential "
        "diagnosis of OMS."
    )
    found = claims(extractor, text)
    assert ("differential_diagnosis", "anti-NMDA receptor encephalitis") in found, found
    assert not {p for p, _ in found} & {"mechanism"}, found


def test_the_conditions_own_mechanism_in_an_apposition_stays(extractor) -> None:  # noqa: ANN001
    text = "Opsoclonus-myoclonus syndrome, an antibody-mediated disorder, is rare."
    assert ("mechanism", "antibody-mediated") in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("Rituximab was proposed as therapy because OMS is antibody-mediated.", "asserted"),
        ("OMS is thought to be antibody-mediated.", "hedged"),
        ("An antibody-mediated mechanism has been proposed.", "hedged"),
        ("OMS is antibody-mediated; a viral trigger has been suggested.", "asserted"),
    ],
)
def test_a_proposal_hedges_the_mechanism_of_its_own_clause(
    extractor,  # noqa: ANN001
    text: str,
    certainty: str,
) -> None:
    found = {(o, c) for o, _, c in qualified(extractor, text)}
    assert ("antibody-mediated", certainty) in found, found


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("About 1 in 2 to 3 children relapse.", "about 1 in 2-3"),
        ("Mortality was 1 in 40 to 50.", "1 in 40-50"),
        ("OMS affects 1 in 5 to 10 million children.", "1 in 5,000,000-10,000,000"),
    ],
)
def test_a_range_of_denominators_is_kept_whole(sentence: str, value: str) -> None:
    assert value in [v for _, v in figures(sentence)], figures(sentence)


def test_a_range_of_ages_after_a_rate_is_no_denominator() -> None:
    found = figures("The incidence is 1 in 5 to 10 years old.")
    assert not any(v.startswith("1 in 5") for _, v in found), found


@pytest.mark.parametrize("infection", ["cholera", "giardiasis", "shigellosis"])
def test_an_infectious_disease_named_by_its_own_name_is_a_cause(extractor, infection: str) -> None:  # noqa: ANN001
    found = claims(extractor, f"Two weeks before the onset, she had {infection}.")
    assert ("has_cause", infection) in found, found


def test_a_disease_that_follows_an_infection_is_no_infection(extractor) -> None:  # noqa: ANN001
    text = "Two weeks before the onset, she had acute poststreptococcal glomerulonephritis."
    found = claims(extractor, text)
    assert not {p for p, _ in found} & {"has_cause"}, found


def test_a_substance_checked_in_its_own_clause_is_no_treatment(extractor) -> None:  # noqa: ANN001
    text = "Dexamethasone pulses: give with food; check blood pressure and urine glucose."
    found = claims(extractor, text)
    assert ("treated_by", "dexamethasone") in found, found
    assert not {o for _, o in found} & {"glucose"}, found


def test_a_supplement_given_stays_a_treatment(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Calcium was supplemented during steroid treatment.")
    assert ("treated_by", "calcium") in found, found


def test_an_antigen_is_what_a_test_detects_not_a_drug(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "A fourth-generation HIV antigen/antibody assay was reactive.")
    assert not {p for p, _ in found} & {"treated_by"}, found


@pytest.mark.parametrize("course", ["refractory", "relapsing", "steroid-dependent"])
def test_a_course_of_the_illness_is_no_proposed_cause(extractor, course: str) -> None:  # noqa: ANN001
    text = (
        "Three forms of the syndrome in toddlers: post-infectious, tumour-associated and "
        f"{course} disease."
    )
    found = claims(extractor, text)
    assert not [o for _, o in found if course in o], found


def test_a_denied_tumour_stays_the_generic_tumour(extractor) -> None:  # noqa: ANN001
    text = "Every child was screened for neuroblastoma. No tumour was found on repeated imaging."
    (denied,) = [c for c in extractor.extract(text) if c.predicate == "has_cause"]
    record = denied.record("x")
    assert (record["object"], record["polarity"]) == ("tumour", "negated"), record


@pytest.mark.parametrize(
    "text",
    [
        "Serum was negative for HIV and syphilis.",
        "She tested negative for HIV and syphilis.",
    ],
)
def test_negative_for_denies_what_follows(extractor, text: str) -> None:  # noqa: ANN001
    found = {(o, p) for o, p, _ in qualified(extractor, text)}
    assert ("syphilis", "negated") in found, found


def test_a_new_clause_after_a_comma_ends_a_negation(extractor) -> None:  # noqa: ANN001
    found = {
        (o, p)
        for o, p, _ in qualified(extractor, "There was no fever, and a neuroblastoma was found.")
    }
    assert ("fever", "negated") in found, found
    assert ("neuroblastoma", "affirmed") in found, found


def test_a_list_with_a_serial_comma_stays_denied(extractor) -> None:  # noqa: ANN001
    found = {
        (o, p) for o, p, _ in qualified(extractor, "No fever, rash, and diarrhoea were reported.")
    }
    assert ("rash", "negated") in found, found
    assert ("diarrhea", "negated") in found, found


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("She was dizzy.", "vertigo"),
        ("She felt nauseous.", "nausea"),
        ("He was feverish.", "fever"),
        ("The baby went floppy.", "hypotonia"),
    ],
)
def test_a_sign_told_by_its_adjective(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


def test_a_parents_own_state_is_no_sign(extractor) -> None:  # noqa: ANN001
    assert claims(extractor, "I was dizzy with worry.") == set()


def test_a_sign_denied_by_its_adjective(extractor) -> None:  # noqa: ANN001
    assert ("vertigo", "negated", "asserted") in qualified(extractor, "She was not dizzy.")


@pytest.mark.parametrize(
    "text",
    [
        "She had stopped using the few words she had previously acquired.",
        "There was loss of previously acquired words.",
        "Speech may go backwards or stop altogether.",
        "He no longer says mama.",
    ],
)
def test_lost_words_are_loss_of_speech(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "loss of speech and language") in claims(extractor, text)


def test_no_longer_talking_to_someone_is_no_loss_of_speech(extractor) -> None:  # noqa: ANN001
    assert claims(extractor, "He no longer talks to his brother.") == set()


@pytest.mark.parametrize(
    "text", ["Her eyes go all over the place.", "Her eyes, which were darting about all day."]
)
def test_eyes_told_to_wander_are_opsoclonus(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "opsoclonus") in claims(extractor, text)


def test_eyes_that_dart_to_a_place_are_a_glance(extractor) -> None:  # noqa: ANN001
    assert claims(extractor, "Her eyes darted to the door.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "A neuroblastoma was found. Surgeons removed it in a two-hour operation.",
        "They found a tumour in her chest. They took it out a week later.",
        "All tumours were localised and were resected.",
    ],
)
def test_a_tumour_removed_told_apart_from_its_name_is_a_resection(extractor, text: str) -> None:  # noqa: ANN001
    assert ("treated_by", "tumour resection") in claims(extractor, text)


def test_it_removed_by_someone_else_after_a_tumour_is_no_resection(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "A tumour was suspected. The nurse removed it.")
    assert ("treated_by", "tumour resection") not in found, found


@pytest.mark.parametrize(
    "text",
    ["The tumour was not removed.", "The neuroblastoma was not resected because of its size."],
)
def test_a_tumour_not_removed_is_there(extractor, text: str) -> None:  # noqa: ANN001
    found = {(o, p) for o, p, _ in qualified(extractor, text)}
    assert ("tumour resection", "negated") in found, found
    assert not {o for o, p in found if p == "negated" and o != "tumour resection"}, found


def test_no_tumour_removed_stays_denied(extractor) -> None:  # noqa: ANN001
    assert ("tumour", "negated", "asserted") in qualified(extractor, "No tumour was removed.")


def test_considerations_that_also_include_are_differentials(extractor) -> None:  # noqa: ANN001
    text = "In adults, considerations also include Wernicke encephalopathy and celiac disease."
    found = claims(extractor, text)
    assert ("differential_diagnosis", "celiac disease") in found, found
    assert ("differential_diagnosis", "Wernicke encephalopathy") in found, found


@pytest.mark.parametrize("joint", ["but", "and"])
def test_a_tumour_considered_and_excluded_is_denied(extractor, joint: str) -> None:  # noqa: ANN001
    text = f"A neuroblastoma was considered {joint} excluded."
    assert ("neuroblastoma", "negated", "asserted") in qualified(extractor, text)


def test_but_still_ends_a_negation_before_a_new_statement(extractor) -> None:  # noqa: ANN001
    found = {
        (o, p) for o, p, _ in qualified(extractor, "No fever was found but ataxia was present.")
    }
    assert ("ataxia", "affirmed") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Urine catecholamines were negative for neuroblastoma in all 20 children with opsoclonus.",
        "She tested negative for anti-Hu antibodies, and opsoclonus resolved after IVIG.",
        "The MIBG scan was negative on admission despite marked opsoclonus.",
    ],
)
def test_a_negative_result_denies_only_what_it_tested_for(extractor, text: str) -> None:  # noqa: ANN001
    assert ("opsoclonus", "affirmed", "asserted") in qualified(extractor, text)


@pytest.mark.parametrize(
    "text", ["Our son no longer uses a wheelchair.", "He no longer talks in his sleep."]
)
def test_no_longer_doing_something_else_is_no_loss_of_speech(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "loss of speech and language") not in claims(extractor, text)


@pytest.mark.parametrize(
    "text", ["Her eyes darted quickly to the door.", "His eyes darted over to his mother."]
)
def test_a_glance_with_an_adverb_is_no_opsoclonus(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "opsoclonus") not in claims(extractor, text)


def test_eyes_no_longer_darting_are_no_opsoclonus_affirmed(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "Her eyes were not darting anymore.")
    assert ("opsoclonus", "affirmed", "asserted") not in found, found


def test_what_tells_another_disease_apart_is_that_diseases(extractor) -> None:  # noqa: ANN001
    text = (
        "OMS differs from acute cerebellar ataxia in that the latter follows varicella and "
        "lacks opsoclonus."
    )
    found = claims(extractor, text)
    assert ("has_cause", "chickenpox") not in found, found


def test_the_condition_named_by_determiner_and_head_is_no_proposed_differential(extractor) -> None:  # noqa: ANN001
    text = "The syndrome differs from acute cerebellar ataxia in that opsoclonus is present."
    assert ("differential_diagnosis", "the syndrome") not in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("The immune system not only targets the tumour but also attacks the brain.", None),
        ("This rare syndrome, an antibody-mediated disorder, affects toddlers.", None),
        ("Dancing-eye syndrome, an antibody-mediated disorder, affects toddlers.", None),
        (
            "Anti-Ri syndrome, an antibody-mediated disorder, is rare; OMS is antibody-mediated.",
            None,
        ),
        (
            "It has been proposed that, since B cells are expanded, OMS is antibody-mediated.",
            "hedged",
        ),
        ("Some authors suggest that OMS, although rare, is antibody-mediated.", "hedged"),
    ],
)
def test_mechanisms_of_the_condition_survive_the_guards(
    extractor,  # noqa: ANN001
    text: str,
    certainty: str | None,
) -> None:
    found = [c for c in extractor.extract(text) if c.predicate == "mechanism"]
    assert found, text
    if certainty:
        assert found[0].certainty == certainty, found


def test_an_apposition_with_an_adjective_still_gives_another_diseases_mechanism(extractor) -> None:  # noqa: ANN001
    text = (
        "Anti-NMDA receptor encephalitis, a well-known antibody-mediated disorder, is a "
        "differential diagnosis of OMS."
    )
    assert not [c for c in extractor.extract(text) if c.predicate == "mechanism"]


@pytest.mark.parametrize(
    "text",
    [
        "Mum was dizzy with relief when the scan was clear.",
        "I have been feeling nauseous with worry.",
        "The medicine may make him feel dizzy.",
    ],
)
def test_a_parents_feeling_or_a_drugs_effect_is_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    assert not {p for p, _ in claims(extractor, text)} & {"has_symptom"}


def test_ongoing_problems_in_the_first_school_years_are_sequelae(extractor) -> None:  # noqa: ANN001
    text = "Ongoing behavioural problems in the first years of school were common."
    assert ("has_complication", "behavioural problems") in claims(extractor, text)


def test_a_range_of_denominators_of_toddlers() -> None:
    assert "about 1 in 2-3" in [v for _, v in figures("About 1 in 2 to 3 toddlers relapse.")]


@pytest.mark.parametrize(
    "text",
    [
        "She was treated with ACTH; potassium was added after a week.",
        "Oral potassium was given during ACTH treatment.",
    ],
)
def test_a_supplement_beside_a_treatment_stays_a_treatment(extractor, text: str) -> None:  # noqa: ANN001
    assert ("treated_by", "potassium") in claims(extractor, text)


def test_a_measured_substance_beside_a_treatment_is_no_treatment(extractor) -> None:  # noqa: ANN001
    text = "She was treated with steroids and her blood glucose was checked."
    assert ("treated_by", "glucose") not in claims(extractor, text)


def test_a_vaccine_named_by_its_toxoid_is_an_exposure_not_an_infection(extractor) -> None:  # noqa: ANN001
    text = "Opsoclonus developed ten days after immunization with diphtheria toxoid adsorbed."
    assert ("has_cause", "diphtheria") not in claims(extractor, text)


@pytest.mark.parametrize(
    ("sentence", "attribute", "value"),
    [
        ("In roughly half to two-thirds of children it is chronic-relapsing.", "relapse rate",
         "roughly half to two thirds"),
        ("Median full-scale IQ was 78 (IQR 64-91).", "long-term deficits", "median IQ 78"),
        ("The mean IQ in the older series lay in the range 70-80.", "long-term deficits",
         "mean IQ 70-80"),
        ("Roughly half of our children have at least one relapse.", "relapse rate",
         "roughly half"),
        ("Deaths from OMS itself are really very rare.", "mortality", "very rare"),
        ("Something like two out of three are left with some difficulties.",
         "long-term deficits", "2 of 3 (67 %)"),
        ("60% are left with some difficulties.", "long-term deficits", "60 %"),
    ],
)  # fmt: skip
def test_value_forms_of_this_round(sentence: str, attribute: str, value: str) -> None:
    assert (attribute, value) in figures(sentence), figures(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Girls are affected slightly more often than boys.",
         "slight female predominance (girls are affected slightly more often)"),
        ("More boys than girls were affected.",
         "male predominance (more boys than girls)"),
    ],
)  # fmt: skip
def test_a_sex_ratio_in_words_is_normalised_beside_its_words(sentence: str, value: str) -> None:
    assert ("sex ratio", value) in figures(sentence), figures(sentence)


def test_a_count_of_tests_is_no_share_of_persons() -> None:
    assert figures("2 of 3 tests were positive.") == []


def test_a_median_age_stays_an_age_at_onset() -> None:
    assert ("age at onset", "median 19 months") in figures("Median age at onset was 19 months.")


@pytest.mark.parametrize(
    "sentence",
    ["Parents Together Forum > Rare Conditions > Neurological", "A charity for rare diseases."],
)
def test_rare_diseases_as_a_category_are_no_prevalence(sentence: str) -> None:
    assert figures(sentence) == []


def test_a_rare_condition_is_a_prevalence() -> None:
    assert figures("It is a rare condition.") == [("prevalence", "rare")]


def test_a_list_of_domains_after_a_colon_shares_its_head(extractor) -> None:  # noqa: ANN001
    found = claims(
        extractor, "Long-term issues: learning, concentration, speech, behaviour and sleep."
    )
    assert ("has_complication", "learning difficulties") in found, found
    assert ("has_complication", "sleep disturbance") in found, found


def test_signs_that_persist_after_recovery_are_sequelae(extractor) -> None:  # noqa: ANN001
    text = "Irritability, rage attacks and anxiety can persist after motor recovery."
    found = claims(extractor, text)
    assert ("has_complication", "rage attacks") in found, found
    assert ("has_complication", "anxiety") in found, found


def test_a_sign_that_persisted_after_a_treatment_is_a_sign(extractor) -> None:  # noqa: ANN001
    assert ("has_symptom", "opsoclonus") in claims(
        extractor, "The opsoclonus persisted after IVIG."
    )


@pytest.mark.parametrize(
    "text",
    [
        "All presented with acute refusal to walk or stand, opsoclonus and myoclonus.",
        "She presented with dizziness and a sensation that the room was spinning.",
        "Examination showed action- and stimulus-sensitive myoclonus of the limbs.",
    ],
)
def test_an_everyday_word_or_a_fragment_is_no_proposed_concept(extractor, text: str) -> None:  # noqa: ANN001
    proposed = [c.object for c in extractor.extract(text) if c.proposed_type and not c.concept]
    assert not [o for o in proposed if o in {"stand", "sensation", "action-"}], proposed


def test_a_drug_no_lexicon_knows_is_still_proposed(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "She was treated with zorbamumab.")
    assert ("treated_by", "zorbamumab") in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Only 2 of 15 were left with no problems.",
        "12 of 20 children had a non-relapsing course.",
        "Median IQ of the healthy siblings was 102.",
        "Mean DQ at onset was 60.",
        "Deaths from neuroblastoma are fortunately rare in OMS.",
    ],
)
def test_figures_of_something_else_are_no_value_of_the_condition(sentence: str) -> None:
    assert figures(sentence) == [], figures(sentence)


@pytest.mark.parametrize(
    "text",
    [
        "Ataxia persisted after recovery from the preceding infection.",
        "Ataxia persisted after recovery of opsoclonus, but resolved within a month.",
    ],
)
def test_a_sign_that_persisted_after_another_recovery_is_a_sign(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "ataxia") in claims(extractor, text)


def test_a_behaviour_told_by_a_gerund_is_still_proposed(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Symptoms included screaming, opsoclonus and ataxia.")
    assert ("has_symptom", "screaming") in found, found


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("His hands jerk when he reaches for toys.", "myoclonus"),
        ("His eyes started doing this crazy shaking thing.", "opsoclonus"),
        ("There was trembling of the head and arms.", "tremor"),
        ("He has big outbursts of anger.", "rage attacks"),
        ("He had angry outbursts.", "rage attacks"),
        ("He slept only 3-4 hours per night.", "sleep disturbance"),
        ("Children may suddenly lose the ability to walk.", "loss of ambulation"),
        ("He started wobbling about 3 weeks ago.", "ataxia"),
    ],
)
def test_lay_signs_of_this_round(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


@pytest.mark.parametrize("text", ["The table was wobbling.", "I slept only 3 hours last night."])
def test_things_and_parents_are_no_lay_signs(extractor, text: str) -> None:  # noqa: ANN001
    assert claims(extractor, text) == set()


def test_nothing_abnormal_detected_is_no_drug(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "MRI brain and whole spine: NAD.")
    assert not {p for p, _ in found} & {"treated_by"}, found


@pytest.mark.parametrize(
    "text",
    [
        "Two children developed Pneumocystis pneumonia, neither of whom had received prophylaxis.",
        "Levels fell in children who responded to steroids, and rose again in those who relapsed.",
    ],
)
def test_a_clause_is_no_proposed_concept(extractor, text: str) -> None:  # noqa: ANN001
    proposed = [c.object for c in extractor.extract(text) if c.proposed_type and not c.concept]
    assert not [o for o in proposed if "whom" in o or "again" in o], proposed


_TWO_COLUMNS = (
    "Differential diagnosis (Table 4)\n\n"
    "Table 4. Conditions to be distinguished from OMS | Distinguishing points\n"
    "Autoimmune encephalitis | reduced consciousness, seizures, CSF pleocytosis\n"
    "Guillain-Barre syndrome | areflexia, ophthalmoplegia rather than opsoclonus\n"
)


def test_a_two_column_differential_table_names_its_alternatives(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, _TWO_COLUMNS)
    assert ("differential_diagnosis", "Guillain-Barre syndrome") in found, found
    assert not {o for _, o in found} & {"seizure", "areflexia", "ophthalmoplegia"}, found


@pytest.mark.parametrize(
    "text",
    [
        "Rarer causes include drugs and celiac disease.",
        "Less common causes include lithium and celiac disease.",
    ],
)
def test_rarer_causes_are_hedged(extractor, text: str) -> None:  # noqa: ANN001
    assert ("celiac disease", "affirmed", "hedged") in qualified(extractor, text)


def test_the_commonest_cause_stays_asserted(extractor) -> None:  # noqa: ANN001
    text = "The commonest cause is neuroblastoma; rare associated tumours include hepatoblastoma."
    found = qualified(extractor, text)
    assert ("neuroblastoma", "affirmed", "asserted") in found, found
    assert ("hepatoblastoma", "affirmed", "hedged") in found, found


def test_an_adverb_before_a_diseases_adjective_hedges_no_sign_after_its_head(extractor) -> None:  # noqa: ANN001
    text = (
        "OMS is a frequently paraneoplastic disorder of early childhood presenting with "
        "opsoclonus and ataxia."
    )
    assert ("ataxia", "affirmed", "asserted") in qualified(extractor, text)


def test_an_adverb_before_the_verb_still_hedges_its_object(extractor) -> None:  # noqa: ANN001
    text = "It is a disorder that often presents with ataxia."
    assert ("ataxia", "affirmed", "hedged") in qualified(extractor, text)


@pytest.mark.parametrize(
    "sentence",
    ["It's so rare most paediatricians never see one.", "OMS is so rare that few see it."],
)
def test_so_rare_is_a_prevalence(sentence: str) -> None:
    assert ("prevalence", "rare") in figures(sentence), figures(sentence)


def test_rare_that_something_happens_is_no_prevalence() -> None:
    assert figures("It is rare that a child relapses twice.") == []


def test_a_verb_in_a_rows_features_cell_keeps_the_row_a_list_item(extractor) -> None:  # noqa: ANN001
    text = "4.4 Differential diagnosis\n\nSpasmus nutans | nystagmus has a slow phase\n"
    found = claims(extractor, text)
    assert ("differential_diagnosis", "spasmus nutans") in found, found
    assert ("differential_diagnosis", "nystagmus") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Her legs jerk as she falls asleep, which is normal.",
        "She was shaking like a leaf when they took her to theatre.",
        "She was wobbling on her bike when learning to ride.",
    ],
)
def test_everyday_movements_are_no_signs(extractor, text: str) -> None:  # noqa: ANN001
    assert not {p for p, _ in claims(extractor, text)} & {"has_symptom"}


def test_a_hedge_before_an_article_and_a_disease_still_reaches_on(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "OMS is probably a disease of autoimmune origin.")
    assert ("autoimmune", "affirmed", "hedged") in found, found


def test_a_feature_row_of_a_differential_table_keeps_its_alternative(extractor) -> None:  # noqa: ANN001
    text = (
        "Differential diagnosis\nSeveral conditions can mimic OMS.\n"
        "Opsoclonus | present in OMS, absent in acute cerebellar ataxia"
    )
    assert ("differential_diagnosis", "acute cerebellar ataxia") in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Infectious screen (HIV, EBV, Mycoplasma PCR) was negative, and there was no history of "
        "drug exposure.",
        "Viral panel (HIV, EBV and CMV) was negative, and there was no drug exposure.",
    ],
)
def test_a_negative_result_reaches_into_its_subjects_bracket(extractor, text: str) -> None:  # noqa: ANN001
    found = {(o, p) for o, p, _ in qualified(extractor, text)}
    assert ("HIV infectious disease", "negated") in found, found


def test_a_bracket_closed_before_a_new_clause_keeps_its_sign(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "She had opsoclonus (since March), which was not treated.")
    assert ("opsoclonus", "affirmed", "asserted") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Loss of previously acquired skills is frequent.",
        "Loss of previously acquired motor and language milestones is frequent.",
        "Symptoms: opsoclonus, ataxia, loss of skills.",
    ],
)
def test_lost_skills_are_developmental_regression(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "developmental regression") in claims(extractor, text)


def test_skills_lost_at_a_game_are_no_regression(extractor) -> None:  # noqa: ANN001
    assert claims(extractor, "He lost his skills at football.") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("MRI of the brain (performed for ataxia) was normal.", "ataxia"),
        ("Infectious serology (positive for Mycoplasma IgM) was otherwise negative.",
         "Mycoplasma pneumoniae infection"),
        ("Chest CT (showing a posterior mediastinal neuroblastoma) was otherwise unremarkable.",
         "neuroblastoma"),
        ("Treatment (ACTH followed by IVIG) was not started until week 6.",
         "intravenous immunoglobulin"),
        ("Her sleep (disrupted by myoclonus) was not restful.", "myoclonus"),
    ],
)  # fmt: skip
def test_a_bracket_that_is_an_aside_stays_out_of_a_result(
    extractor,  # noqa: ANN001
    text: str,
    name: str,
) -> None:
    found = {(o, p) for o, p, _ in qualified(extractor, text)}
    assert (name, "affirmed") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "She showed loss of motor skills after the relapse.",
        "Loss of motor milestones was noted at 18 months.",
    ],
)
def test_lost_motor_skills_stay_motor_regression(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "motor regression") in claims(extractor, text)
