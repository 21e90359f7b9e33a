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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In OMS, tumour markers (CEA, AFP) were normal.", "tumour markers"),
        ("OMS work-up: spot urine HVA/VMA and an MIBG scan.", "urine catecholamines"),
        (
            "Serum IgG levels were checked in the OMS cohort after rituximab.",
            "immunoglobulin levels",
        ),
        ("A raised CRP was seen in one child with OMS.", "C-reactive protein"),
        ("Parents brought home videos of the OMS attacks to clinic.", "video recording"),
        ("A symptom diary helped track OMS flares.", "symptom diary"),
        ("Repeat cross-sectional imaging is advised in OMS at six months.", "repeat imaging"),
        ("In OMS, onconeural Abs (Hu, Ri) were sent.", "onconeural antibodies"),
    ],
)
def test_tests_of_the_work_up(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert ("diagnosed_by", name) in _claims(extractor, text)


def test_serum_immunoglobulin_levels_are_no_immunoglobulin_treatment(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Check immunoglobulin levels in OMS before each rituximab course.")
    assert ("treated_by", "intravenous immunoglobulin") not in found, found


def test_a_known_antibody_name_is_not_proposed_again(extractor) -> None:  # noqa: ANN001
    claims = [c for c in extractor.extract("OMS: antineuronal antibodies were sent.")]
    assert [c.object for c in claims if c.predicate == "diagnosed_by"] == [
        "antineuronal antibodies"
    ], claims


def test_a_brand_made_of_common_words_is_no_drug(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "The scans came back all clear, so OMS was put down to a virus.")
    assert not {o for p, o in found if p in ("has_cause", "treated_by") and "virus" not in o}, found


@pytest.mark.parametrize(
    ("text", "drug", "polarity"),
    [
        (
            "If the jerks do not settle, IVIG is added for OMS.",
            "intravenous immunoglobulin",
            "affirmed",
        ),
        ("For OMS, ask about rituximab if the team has not mentioned it.", "rituximab", "affirmed"),
        (
            "Unless steroids are not tolerated, OMS is treated with them.",
            "corticosteroids",
            "negated",
        ),
    ],
)
def test_a_negation_stays_inside_its_conditional_clause(  # noqa: ANN001
    extractor, text: str, drug: str, polarity: str
) -> None:
    found = {(c.object, c.polarity) for c in extractor.extract(text) if c.predicate == "treated_by"}
    assert (drug, polarity) in found, found


@pytest.mark.parametrize(
    "line",
    [
        "See also: Neuroblastoma | Cerebellar ataxia in children | Paraneoplastic syndromes",
        "Support groups (4) | Specialist clinics (9) | Ongoing trials (1) | Tests (12)",
    ],
)
def test_a_bar_of_links_states_nothing(extractor, line: str) -> None:  # noqa: ANN001
    assert not _claims(extractor, f"OMS is treated with steroids.\n{line}") - {
        ("treated_by", "corticosteroids")
    }


def test_a_table_row_with_a_dose_is_no_bar_of_links(extractor) -> None:  # noqa: ANN001
    assert ("treated_by", "rituximab") in _claims(extractor, "OMS | Rituximab | 375 mg/m2")


def test_an_empty_field_among_others_on_its_line(extractor) -> None:  # noqa: ANN001
    text = "Opsoclonus-myoclonus syndrome\nInheritance: n/a   Main sign: opsoclonus"
    found = _claims(extractor, text)
    assert not [c for c in found if c[1] == "genetic cause"], found
    assert ("has_symptom", "opsoclonus") in found, found


def test_a_course_or_an_outcome_is_no_new_concept(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "In adults OMS often follows a monophasic course.")
    assert not found, found


def test_a_breadcrumb_trail_is_no_content(extractor) -> None:  # noqa: ANN001
    text = (
        "Home > Health A-Z > Opsoclonus myoclonus syndrome\nShare | Print | Email\n\n"
        "OMS is a rare condition. Symptoms include opsoclonus and ataxia."
    )
    found = _claims(extractor, text)
    assert ("has_symptom", "ataxia") in found, found


def test_a_chain_of_treatments_is_no_breadcrumb(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "OMS ladder: steroids > IVIG > rituximab")
    assert ("treated_by", "rituximab") in found, found


def test_an_answer_no_ends_its_sentence(extractor) -> None:  # noqa: ANN001
    claims = extractor.extract("Q: Is it always cancer? A: No. Many children with OMS have ataxia.")
    assert [(c.object, c.polarity) for c in claims if c.predicate == "has_symptom"] == [
        ("ataxia", "affirmed")
    ], claims


def test_a_number_sign_negates_nothing(extractor) -> None:  # noqa: ANN001
    claims = extractor.extract("In OMS protocol No. 4, rituximab was added.")
    assert [(c.object, c.polarity) for c in claims] == [("rituximab", "affirmed")], claims


def test_no_side_effects_from_a_treatment_deny_nothing_of_it(extractor) -> None:  # noqa: ANN001
    claims = extractor.extract("No serious side effects from rituximab were seen in OMS.")
    assert ("rituximab", "affirmed") in {(c.object, c.polarity) for c in claims}, claims


def test_a_negation_reaches_across_an_apposition(extractor) -> None:  # noqa: ANN001
    text = "Sedatives, such as clonazepam and midazolam, are not advised for OMS myoclonus."
    found = {(c.object, c.polarity) for c in extractor.extract(text) if c.predicate == "treated_by"}
    assert ("clonazepam", "negated") in found and ("midazolam", "negated") in found, found


def test_a_lead_in_that_did_not_help_negates_its_items(extractor) -> None:  # noqa: ANN001
    text = "Things that didnt work for our son's OMS:\n- melatonin\n- clonidine"
    found = {(c.object, c.polarity) for c in extractor.extract(text)}
    assert ("melatonin", "negated") in found and ("clonidine", "negated") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "In OMS, CSF glucose and protein were normal.",
        "Serum sodium, potassium and creatinine were normal in the OMS child.",
        "Antibodies to GABA-B and glycine receptors were sought in OMS.",
    ],
)
def test_a_measured_substance_is_no_treatment(extractor, text: str) -> None:  # noqa: ANN001
    assert not [c for c in extractor.extract(text) if c.predicate == "treated_by"]


def test_a_substance_given_stays_a_treatment(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "In OMS, calcium was given with steroids.")
    assert ("treated_by", "calcium") in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("OMS: IVMP for five days, then oral pred.", "methylprednisolone"),
        ("OMS: IVMP for five days, then oral pred.", "prednisolone"),
        ("PLEX was tried in refractory OMS.", "therapeutic apheresis"),
    ],
)
def test_treatment_shorthand(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert ("treated_by", name) in _claims(extractor, text)


def test_a_trials_eligibility_criteria_state_nothing(extractor) -> None:  # noqa: ANN001
    text = (
        "Trial of IVIG in opsoclonus-myoclonus syndrome\nExclusion criteria:\n"
        "- prior cyclophosphamide\n- active hepatitis C\nSummary: children with OMS receive IVIG."
    )
    found = _claims(extractor, text)
    assert ("treated_by", "intravenous immunoglobulin") in found, found
    assert not [o for _, o in found if "cyclophosphamide" in o or "hepatitis" in o], found


@pytest.mark.parametrize(
    "text",
    [
        "Two years later, the boy with OMS still had clumsiness.",
        "Six months after diagnosis the OMS child had clumsiness.",
    ],
)
def test_a_sign_told_months_later_is_a_sequela(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_complication", "clumsiness") in _claims(extractor, text)


def test_a_sign_weeks_later_is_still_a_sign(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Two weeks later, the toddler developed opsoclonus.")
    assert ("has_symptom", "opsoclonus") in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Since the OMS began, his arms twitched constantly.", "myoclonus"),
        ("With OMS, everything she looked at was jumping.", "oscillopsia"),
        ("His eyes wouldnt stay still, the OMS doctor said.", "opsoclonus"),
        ("With OMS he was crying all night.", "sleep disturbance"),
        ("OMS brought a loss of previously learned motor skills.", "motor regression"),
        ("With OMS he couldnt walk any more.", "ataxia"),
    ],
)
def test_signs_told_in_lay_words(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert ("has_symptom", name) in _claims(extractor, text)


def test_a_coryzal_illness_is_a_cold(extractor) -> None:  # noqa: ANN001
    assert ("has_cause", "common cold") in _claims(extractor, "OMS came after a coryzal illness.")


def test_lost_skills_without_motor_are_no_motor_regression(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "In OMS, loss of previously acquired skills is frequent.")
    assert ("has_symptom", "motor regression") not in found, found


def test_an_apposition_describes_the_treatment_before_it(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "In OMS, ofatumumab, a newer anti-CD20 agent, was tried.")
    assert ("treated_by", "anti-CD20 therapy") not in found, found
    assert ("treated_by", "anti-CD20 therapy") in _claims(
        extractor, "Newer anti-CD20 agents are tried in refractory OMS."
    )


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Sequelae of OMS include OCD traits.",
            ("has_complication", "obsessive-compulsive disorder"),
        ),
        ("He has a great SLT for his OMS.", ("treated_by", "speech therapy")),
        ("On steroids for OMS, give gastroprotection.", ("treated_by", "gastric protection")),
        ("Children with OMS need psychological support.", ("treated_by", "psychological support")),
    ],
)
def test_names_of_sequelae_and_supportive_care(extractor, text: str, claim) -> None:  # noqa: ANN001
    assert claim in _claims(extractor, text)


def test_drugs_listed_as_toxins_are_causes(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Triggers of OMS\n- Drugs or toxins: lithium, cocaine")
    assert ("has_cause", "lithium") in found and ("treated_by", "lithium") not in found, found


def test_a_drug_under_a_treatment_heading_stays_a_treatment(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Treatment of OMS\n- Cyclophosphamide if paraneoplastic")
    assert ("treated_by", "cyclophosphamide") in found, found


def test_a_field_of_other_history_names_no_sign(extractor) -> None:  # noqa: ANN001
    text = "OMS, admission note\nAllergies: penicillin\nComorbidities: asthma\nSigns: opsoclonus"
    found = _claims(extractor, text)
    assert found == {("has_symptom", "opsoclonus")}, found


def test_signs_after_which_are_signs(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "IVIG was given, after which opsoclonus and ataxia of OMS eased.")
    assert ("has_symptom", "opsoclonus") in found and ("has_symptom", "ataxia") in found, found


def test_a_named_infection_stays_a_cause_beside_its_treatment(extractor) -> None:  # noqa: ANN001
    text = "In the OMS girl, EBV IgM was positive; she was treated with aciclovir."
    assert ("has_cause", "Epstein-Barr virus infection") in _claims(extractor, text)


def test_an_infection_screen_names_no_cause(extractor) -> None:  # noqa: ANN001
    text = "In OMS, an infection screen of EBV and Mycoplasma serology was sent."
    assert not [c for c in _claims(extractor, text) if c[0] == "has_cause"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The team suspects that her OMS followed a viral infection.", "viral infection"),
        ("Dysarthria is seen in a minority of children with OMS.", "dysarthria"),
    ],
)
def test_an_opinion_or_a_minority_hedges(extractor, text: str, name: str) -> None:  # noqa: ANN001
    found = {(c.object, c.certainty) for c in extractor.extract(text)}
    assert (name, "hedged") in found, found


def test_a_mistaken_belief_in_a_sign_still_asserts_it(extractor) -> None:  # noqa: ANN001
    found = {
        (c.object, c.certainty)
        for c in extractor.extract("We thought he was just clumsy; it was OMS.")
    }
    assert ("clumsiness", "asserted") in found, found


def test_a_hedge_stops_at_a_new_clause_with_its_own_verb(extractor) -> None:  # noqa: ANN001
    text = "In OMS, melatonin may help sleep, and trazodone has been used for rage attacks."
    found = {(c.object, c.certainty) for c in extractor.extract(text)}
    assert ("trazodone", "asserted") in found, found


def test_a_tumour_denied_stays_the_tumour_denied(extractor) -> None:  # noqa: ANN001
    text = (
        "An MIBG scan looked for neuroblastoma in the toddler with OMS. "
        "No tumour was found on two scans."
    )
    claims = {(c.object, c.polarity) for c in extractor.extract(text) if c.predicate == "has_cause"}
    assert ("tumour", "negated") in claims and ("neuroblastoma", "negated") not in claims, claims


@pytest.mark.parametrize(
    "text",
    [
        "In the woman with OMS, no tumour was found.",
        "OMS with an ovarian teratoma. No other tumour was found.",
    ],
)
def test_a_tumour_denied_elsewhere_stays_a_tumour(extractor, text: str) -> None:  # noqa: ANN001
    claims = {(c.object, c.polarity) for c in extractor.extract(text) if c.predicate == "has_cause"}
    assert ("tumour", "negated") in claims, claims


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "At first the GP said its probably just an ear infection, but it was OMS.",
            "ear infection",
        ),
        ("We were first told she had a post-viral wobble; it was OMS.", "acute cerebellar ataxia"),
    ],
)
def test_what_the_family_was_first_told_is_a_differential(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert ("differential_diagnosis", name) in _claims(extractor, text)


def test_a_tumour_search_by_named_tests_is_those_tests(extractor) -> None:  # noqa: ANN001
    found = _claims(
        extractor, "For OMS, an MIBG scan and chest MRI were done to look for a tumour."
    )
    assert ("diagnosed_by", "MIBG scintigraphy") in found, found
    assert ("diagnosed_by", "tumour screening") not in found, found


def test_a_tumour_search_alone_is_claimed(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Every child with OMS needs a thorough search for a tumour.")
    assert ("diagnosed_by", "tumour screening") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Children with OMS were seen at four paediatric neurology centres.",
        "Department of Neurology, City Hospital\nOMS is treated with IVIG.",
        "²Paediatric Oncology, Royal Infirmary\nOMS is treated with IVIG.",
    ],
)
def test_a_specialty_naming_a_place_is_no_specialist(extractor, text: str) -> None:  # noqa: ANN001
    assert not [c for c in extractor.extract(text) if c.predicate == "specialist"]


def test_a_specialist_still_is_one(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Children with OMS need a neurologist and an oncologist.")
    assert ("specialist", "neurology") in found and ("specialist", "oncology") in found, found


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Her OMS began after a VZV infection.", ("has_cause", "chickenpox")),
        ("OMS needs long immunosuppressive treatment.", ("treated_by", "immunotherapy")),
    ],
)
def test_an_agent_and_a_class_by_other_names(extractor, text: str, claim) -> None:  # noqa: ANN001
    assert claim in _claims(extractor, text)


def test_electromyography_by_its_abbreviation(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "In the OMS child, an EMG showed brief bursts.")
    assert ("diagnosed_by", "electromyography") in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Since the OMS began he keeps tumbling over.", "falls"),
        ("With OMS she stopped eating and hardly slept.", "feeding difficulty"),
        ("With OMS she stopped eating and hardly slept.", "sleep disturbance"),
        ("He was screaming for most of the day with OMS.", "irritability"),
    ],
)
def test_more_signs_in_lay_words(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert ("has_symptom", name) in _claims(extractor, text)


def test_the_signs_of_the_prodrome_are_the_infections(extractor) -> None:  # noqa: ANN001
    text = "Ten days before onset of OMS, the boy had a cold with fever and cough."
    found = _claims(extractor, text)
    assert ("has_cause", "common cold") in found, found
    assert not [c for c in found if c[0] == "has_symptom"], found


def test_signs_told_later_are_no_prodrome(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Ten days later the OMS boy had fever and ataxia.")
    assert ("has_symptom", "ataxia") in found, found


def test_an_instrument_holding_a_known_name_is_that_name(extractor) -> None:  # noqa: ANN001
    claims = extractor.extract("Outcome: change in OMS Rating Scale score at one year.")
    assert [c.object for c in claims if c.predicate == "diagnosed_by"] == ["OMS rating scale"]


def test_signs_for_weeks_before_admission_are_the_conditions(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "For two weeks before admission the OMS girl had ataxia.")
    assert ("has_symptom", "ataxia") in found, found


def test_the_conditions_own_signs_are_never_a_prodrome(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Two weeks earlier she had fever and brief myoclonus before OMS.")
    assert ("has_symptom", "myoclonus") in found, found


def test_a_treatment_after_an_opinion_clause_stays_a_treatment(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "The neurologist thought it was OMS, and IVIG was started.")
    assert ("treated_by", "intravenous immunoglobulin") in found, found


def test_a_clinic_of_a_specialty_names_the_specialist(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "The OMS child was followed in the neurology clinic.")
    assert ("specialist", "neurology") in found, found


@pytest.mark.parametrize(
    "text",
    ["In OMS, serum tumour markers were not elevated.", "In the OMS boy, the CRP was not raised."],
)
def test_a_level_not_raised_is_a_normal_result(extractor, text: str) -> None:  # noqa: ANN001
    claims = [c for c in extractor.extract(text) if c.predicate == "diagnosed_by"]
    assert claims and all(c.polarity == "affirmed" for c in claims), claims


def test_drugs_and_toxins_to_exclude_are_causes(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "OMS work-up\n- Drugs/toxins to exclude: phenytoin, cocaine")
    assert ("has_cause", "phenytoin") in found, found


def test_an_opinion_of_the_cause_then_a_treatment_given(extractor) -> None:  # noqa: ANN001
    text = "In OMS, the neurologist thought it was post-infectious and gave IVIG."
    found = {(c.predicate, c.object, c.certainty) for c in extractor.extract(text)}
    assert ("has_cause", "infection", "hedged") in found, found
    assert ("treated_by", "intravenous immunoglobulin", "asserted") in found, found


@pytest.mark.parametrize(
    "text", ["In the adult with OMS, no tumour found.", "OMS, idiopathic (no tumour identified)."]
)
def test_a_notes_shorthand_denies_the_tumour(extractor, text: str) -> None:  # noqa: ANN001
    claims = {(c.object, c.polarity) for c in extractor.extract(text) if c.predicate == "has_cause"}
    assert ("tumour", "negated") in claims, claims


def test_a_citation_mark_goes_with_its_sentence(extractor) -> None:  # noqa: ANN001
    found = {
        (c.object, c.certainty)
        for c in extractor.extract("Tremor is common in OMS.[12] IVIG may help.")
    }
    assert ("tremor", "asserted") in found, found


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("A review found no trials of rituximab in OMS.", "asserted"),
        ("We do not yet know whether rituximab prevents relapse in OMS.", "hedged"),
    ],
)
def test_no_trials_and_not_knowing_deny_nothing(extractor, text: str, certainty: str) -> None:  # noqa: ANN001
    found = {(c.object, c.polarity, c.certainty) for c in extractor.extract(text)}
    assert ("rituximab", "affirmed", certainty) in found, found
