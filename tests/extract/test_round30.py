"""Rules of this round, each tested with sentences written for it."""

from __future__ import annotations

import pytest

from tests.extract.conftest import claims, qualified
from tests.extract.conftest import found as figures


@pytest.mark.parametrize(
    ("text", "test"),
    [
        ("A pelvic ultrasound showed no ovarian mass.", "pelvic ultrasound"),
        ("A gynaecological ultrasound found no lesion.", "gynaecological ultrasound"),
        ("Stool PCR was positive for enterovirus.", "stool pcr"),
        ("Throat swab PCR detected influenza A.", "throat swab pcr"),
        ("HIV serology was negative.", "hiv serology"),
        ("Mycoplasma serology was positive.", "mycoplasma serology"),
        ("CSF SARS-CoV-2 PCR was negative.", "csf sars-cov-2 pcr"),
        ("A nasopharyngeal swab PCR was positive.", "nasopharyngeal swab pcr"),
    ],
)
def test_a_generic_test_keeps_what_it_samples(extractor, text: str, test: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert ("diagnosed_by", test) in found, found
    generic = {"ultrasound", "serology", "polymerase chain reaction", "pcr"}
    assert not {o for p, o in found if p == "diagnosed_by"} & generic, found


@pytest.mark.parametrize(
    ("text", "test"),
    [
        ("An ultrasound was normal.", "ultrasound"),
        ("Serology was unremarkable.", "serology"),
        ("The results of the ultrasound were normal.", "ultrasound"),
    ],
)
def test_a_test_named_alone_stays_the_generic_test(extractor, text: str, test: str) -> None:  # noqa: ANN001
    assert ("diagnosed_by", test) in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "test"),
    [
        ("An abdominal ultrasound was normal.", "abdominal ultrasonography"),
        ("Transvaginal sonography was inconclusive.", "transvaginal ultrasonography"),
    ],
)
def test_a_sited_test_an_ontology_names_keeps_its_concept(extractor, text: str, test: str) -> None:  # noqa: ANN001
    assert ("diagnosed_by", test) in claims(extractor, text)


def test_the_agent_a_serology_looks_for_stays_a_cause_claim(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "HIV serology was negative.")
    assert ("has_cause", "HIV infectious disease") in found, found


@pytest.mark.parametrize(
    ("text", "value", "attribute"),
    [
        (
            "Mortality is low, but up to 70% have long-term problems.",
            "up to 70 %",
            "long-term deficits",
        ),
        ("Mortality is rare, while 40% relapse.", "40 %", "relapse rate"),
        ("Survival was high; 35% relapsed within a year.", "35 %", "relapse rate"),
    ],
)
def test_a_strong_cue_does_not_reach_across_a_contrast(
    value: str, attribute: str, text: str
) -> None:
    found = set(figures(text))
    assert (attribute, value) in found, found
    assert ("mortality", value) not in found, found


def test_a_strong_cue_still_speaks_of_a_list_of_figures() -> None:
    found = set(figures("Survival was 95% and 80% at 5 and 10 years."))
    assert {a for a, _ in found} == {"mortality"}, found


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("He couldn't stand without falling over.", "falls"),
        ("The child never went a day without vomiting.", "vomiting"),
        ("She cannot eat without vomiting.", "vomiting"),
    ],
)
def test_two_negations_affirm(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert (sign, "affirmed", "asserted") in qualified(extractor, text)


def test_without_alone_still_negates(extractor) -> None:  # noqa: ANN001
    assert ("vomiting", "negated", "asserted") in qualified(
        extractor, "She presented without vomiting."
    )


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Children with paraneoplastic OMS do not have a worse outcome.", "paraneoplastic"),
        ("Patients with neuroblastoma do not relapse more often.", "neuroblastoma"),
    ],
)
def test_a_groups_denied_verb_is_not_said_of_what_its_members_have(
    extractor, text: str, concept: str
) -> None:  # noqa: ANN001
    found = {(o, p) for o, p, _ in qualified(extractor, text)}
    assert (concept, "affirmed") in found, found


def test_a_denied_verb_still_negates_its_plain_subject(extractor) -> None:  # noqa: ANN001
    assert ("corticosteroids", "negated", "asserted") in qualified(
        extractor, "Steroids do not help."
    )


@pytest.mark.parametrize(
    "text", ["Opsoclonus may persist in sleep.", "The opsoclonus persisted even during sleep."]
)
def test_a_sign_that_persists_in_sleep_is_a_sign(extractor, text: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert ("has_symptom", "opsoclonus") in found, found
    assert ("has_complication", "opsoclonus") not in found, found


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("She was lethargic.", "lethargy"),
        ("He became encephalopathic.", "encephalopathy"),
        ("He was aphasic for a week.", "aphasia"),
    ],
)
def test_an_ontology_signs_adjective_names_it(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Opsoclonus consists of involuntary, arrhythmic, conjugate saccades.",
        "The saccades are arrhythmic.",
    ],
)
def test_an_adjective_listed_as_no_name_names_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    found = {o for _, o in claims(extractor, text)}
    assert not found & {"arrhythmia", "hypertonia"}, found


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("He became clingy and would not let his mother go.", "irritability"),
        ("She had opsoclonus and did not settle at night.", "opsoclonus"),
    ],
)
def test_a_denied_verb_after_and_starts_another_verb_group(
    extractor, text: str, concept: str
) -> None:  # noqa: ANN001
    found = {(o, p) for o, p, _ in qualified(extractor, text)}
    assert (concept, "affirmed") in found, found


def test_a_coordinated_subject_is_still_denied(extractor) -> None:  # noqa: ANN001
    found = {(o, p) for o, p, _ in qualified(extractor, "Opsoclonus and myoclonus were not seen.")}
    assert {("opsoclonus", "negated"), ("myoclonus", "negated")} <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "He started shaking whenever he tried to pick something up.",
        "She's shaky when she holds a cup.",
    ],
)
def test_a_child_shaking_at_an_act_has_a_tremor(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "tremor") in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    ["She was shaking her head.", "He was shaking with fear.", "He was shaking like a leaf."],
)
def test_shaking_a_head_or_with_fear_is_no_tremor(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "tremor") not in claims(extractor, text)


def test_uss_is_an_ultrasound(extractor) -> None:  # noqa: ANN001
    assert ("diagnosed_by", "pelvic ultrasound") in claims(extractor, "Ix: pelvic USS, mammography")


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Ten days after a febrile illness with cough, he developed opsoclonus.", "cough"),
        ("She developed fever, myalgia and anosmia, then ataxia.", "fever"),
        ("He had a runny nose and diarrhoea the week before the jerks began.", "diarrhea"),
    ],
)
def test_an_intercurrent_infections_signs_are_no_signs_of_the_condition(
    extractor, text: str, sign: str
) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert ("has_symptom", sign) not in found, found


@pytest.mark.parametrize(
    ("text", "sign"),
    [("There was no fever.", "fever"), ("OMS presented with vomiting and ataxia.", "vomiting")],
)
def test_an_absent_fever_and_vomiting_stay_claims(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    ["Children with OMS are often admitted for infusions.", "She hated the weekly injections."],
)
def test_a_route_alone_names_no_treatment(extractor, text: str) -> None:  # noqa: ANN001
    assert not [o for p, o in claims(extractor, text) if p == "treated_by"]


def test_a_route_leaves_the_drug_it_gives(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "IVIG infusions were given monthly.")
    assert found == {("treated_by", "intravenous immunoglobulin")}, found


@pytest.mark.parametrize(
    "text",
    [
        "She underwent laparoscopic adrenalectomy.",
        "Laparoscopic right ovarian cystectomy was performed.",
        "A left salpingo-oophorectomy was performed.",
        "She underwent wide local excision with axillary clearance.",
    ],
)
def test_an_operation_on_a_tumours_organ_is_its_removal(extractor, text: str) -> None:  # noqa: ANN001
    assert ("treated_by", "tumour resection") in claims(extractor, text)


def test_other_operations_keep_their_names(extractor) -> None:  # noqa: ANN001
    assert ("treated_by", "tumour resection") not in claims(extractor, "He had an appendectomy.")


@pytest.mark.parametrize(
    ("text", "tumour"),
    [
        ("A mature ovarian teratoma was removed.", "ovarian teratoma"),
        ("Histology showed a mature cystic teratoma.", "teratoma"),
        ("She had a poorly differentiated neuroblastoma.", "neuroblastoma"),
    ],
)
def test_histology_words_name_no_other_tumour(extractor, text: str, tumour: str) -> None:  # noqa: ANN001
    assert ("has_cause", tumour) in claims(extractor, text)


def test_an_immature_teratoma_stays_one(extractor) -> None:  # noqa: ANN001
    assert ("has_cause", "immature teratoma") in claims(
        extractor, "MRI showed an immature teratoma."
    )


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("She was not ataxic and walked without support.", "ataxia"),
        ("He did not need IVIG and recovered without sequelae.", "intravenous immunoglobulin"),
        ("He was not drowsy even without sedation.", "drowsiness"),
    ],
)
def test_one_negation_before_without_still_negates(extractor, text: str, concept: str) -> None:  # noqa: ANN001
    found = {(o, p) for o, p, _ in qualified(extractor, text)}
    assert (concept, "negated") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Patients with neuroblastoma were not seen in this cohort.",
        "Patients with opsoclonus were not found.",
    ],
)
def test_a_group_denied_to_exist_denies_what_its_members_have(extractor, text: str) -> None:  # noqa: ANN001
    assert {p for _, p, _ in qualified(extractor, text)} == {"negated"}


@pytest.mark.parametrize(
    ("text", "value", "attribute"),
    [
        ("Mortality was historically high but has fallen to 5%.", "5 %", "mortality"),
        ("Mortality is rare, but it can reach 10% in adults.", "10 %", "mortality"),
        ("Although mortality is low, 70% have long-term problems.", "70 %", "long-term deficits"),
    ],
)
def test_a_contrast_sets_apart_only_a_figure_that_opens_its_own_clause(
    value: str, attribute: str, text: str
) -> None:
    assert (attribute, value) in set(figures(text))


def test_a_sequel_that_persists_even_when_a_sign_resolved_stays_a_sequel(extractor) -> None:  # noqa: ANN001
    text = "Behavioural problems persisted even when the opsoclonus had resolved."
    assert ("has_complication", "behavioural problems") in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "She was shaking as she held her son in the waiting room.",
        "He was shaking when they tried to put the cannula in.",
    ],
)
def test_shaking_of_another_person_or_at_a_procedure_is_no_tremor(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "tremor") not in claims(extractor, text)


def test_an_unnamed_infection_before_a_test_is_no_agent(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "After a respiratory infection PCR testing of stool was done.")
    assert not [o for p, o in found if p == "diagnosed_by" and "infection" in o], found


@pytest.mark.parametrize(
    "text",
    [
        "The tumour showed leukemic infiltration.",
        "The CSF showed a neutrophilic pleocytosis.",
        "Hypertonic saline was given.",
    ],
)
def test_an_ontology_signs_adjective_before_a_noun_names_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    found = {o for _, o in claims(extractor, text)}
    assert not found & {"leukemia", "neutrophilia", "hypertonia"}, found


def test_an_ontology_signs_adjective_said_of_a_child_names_it(extractor) -> None:  # noqa: ANN001
    assert ("has_symptom", "hypertonia") in claims(extractor, "The child was hypertonic.")


@pytest.mark.parametrize(
    "text",
    [
        "It was first described by the British neurologist Marcel Kinsbourne in 1962.",
        "Dr S. Ibekwe, Consultant Paediatric Neurologist",
        "Case Reports in Pediatric Neurology | Open Access | Published online 12 March 2024",
        "Hospital opens new children's neurology ward",
        "A Children's Oncology Group trial found that IVIG helped.",
    ],
)
def test_a_specialty_naming_a_person_journal_or_place_is_no_specialist(
    extractor, text: str
) -> None:  # noqa: ANN001
    assert not [o for p, o in claims(extractor, text) if p == "specialist"]


@pytest.mark.parametrize(
    "text",
    [
        "The treatment team will include a neurologist and neurosurgeon.",
        "A paediatric neurologist usually leads the care.",
    ],
)
def test_a_specialist_who_cares_stays_one(extractor, text: str) -> None:  # noqa: ANN001
    assert [o for p, o in claims(extractor, text) if p == "specialist"]


@pytest.mark.parametrize(
    "text",
    [
        "He developed ataxia after a week of diarrhoea.",
        "Two weeks after a D&V illness she became wobbly.",
        "It began following an episode of vomiting and diarrhoea.",
    ],
)
def test_a_preceding_bout_of_diarrhoea_is_a_gastroenteritis(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_cause", "gastroenteritis") in claims(extractor, text)


def test_diarrhoea_as_a_side_effect_is_no_cause(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Diarrhoea is a side effect of mycophenolate.")
    assert ("has_cause", "gastroenteritis") not in found, found


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("A lethargic infant with opsoclonus was admitted.", "lethargy"),
        ("An anxious, lethargic child was brought in.", "lethargy"),
    ],
)
def test_an_ontology_signs_adjective_before_a_person_names_it(
    extractor, text: str, sign: str
) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


def test_a_thymectomy_is_no_tumour_removal(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Thymectomy is not indicated in OMS.")
    assert ("treated_by", "tumour resection") not in found, found


def test_a_table_row_with_bars_keeps_its_specialist(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Specialist | Paediatric neurologist | weekly")
    assert ("specialist", "paediatric neurology") in found, found


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("Efficacy did not differ between ACTH and dexamethasone.", "dexamethasone"),
        ("Dex pulses were not inferior to ACTH.", "dexamethasone"),
        ("Dex pulses were not inferior to ACTH.", "adrenocorticotropic hormone"),
        (
            "Adding rituximab rather than IVIG did not improve severity.",
            "intravenous immunoglobulin",
        ),
    ],
)
def test_a_treatment_compared_is_a_treatment_given(extractor, text: str, treatment: str) -> None:  # noqa: ANN001
    assert (treatment, "affirmed", "asserted") in qualified(extractor, text)


def test_a_treatment_that_did_not_help_stays_denied(extractor) -> None:  # noqa: ANN001
    assert ("corticosteroids", "negated", "asserted") in qualified(
        extractor, "Steroids did not help."
    )


@pytest.mark.parametrize(
    ("text", "differential"),
    [
        ("An EEG ruled out epilepsy.", "epilepsy"),
        ("Epileptic myoclonus and infantile spasms are excluded by EEG.", "epileptic myoclonus"),
        ("Encephalitis was excluded by lumbar puncture.", "encephalitis"),
    ],
)
def test_what_a_test_rules_out_is_a_differential(extractor, text: str, differential: str) -> None:  # noqa: ANN001
    assert ("differential_diagnosis", differential) in claims(extractor, text)


def test_a_tumour_a_test_excluded_is_an_absent_cause(extractor) -> None:  # noqa: ANN001
    assert ("tumour", "negated", "asserted") in qualified(
        extractor, "A tumour was excluded by MRI."
    )


@pytest.mark.parametrize("text", ["She was afebrile and alert.", "On admission he was apyrexial."])
def test_afebrile_denies_a_fever(extractor, text: str) -> None:  # noqa: ANN001
    assert ("fever", "negated", "asserted") in qualified(extractor, text)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Because opsoclonus persisted, rituximab was given.", "opsoclonus"),
        ("Ataxia persisted, so rituximab was added.", "ataxia"),
    ],
)
def test_a_sign_persisting_under_treatment_is_a_sign(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert ("has_symptom", sign) in found, found
    assert ("has_complication", sign) not in found, found


def test_a_sign_persisting_for_years_stays_a_sequel(extractor) -> None:  # noqa: ANN001
    assert ("has_complication", "ataxia") in claims(extractor, "Ataxia persisted into adolescence.")


def test_a_child_seen_by_a_named_specialist_is_a_care_claim(extractor) -> None:  # noqa: ANN001
    text = "Our daughter was seen by Dr Amy Lee, a paediatric neurologist, who diagnosed OMS."
    assert ("specialist", "paediatric neurology") in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Dr Amy Lee, a paediatric neurologist, said it is rare.",
        '"It is rare," said Dr Amy Lee, a paediatric neurologist at the hospital.',
    ],
)
def test_a_named_specialist_who_speaks_is_no_care_claim(extractor, text: str) -> None:  # noqa: ANN001
    assert not [o for p, o in claims(extractor, text) if p == "specialist"]


@pytest.mark.parametrize(
    "text",
    [
        "Her mother is anemic.",
        "Her sister underwent a mastectomy.",
        "There is a family history of migraine.",
    ],
)
def test_a_relatives_state_or_operation_is_no_claim(extractor, text: str) -> None:  # noqa: ANN001
    assert not claims(extractor, text)


def test_what_a_parent_noticed_in_the_child_stays_a_claim(extractor) -> None:  # noqa: ANN001
    assert ("has_symptom", "ataxia") in claims(extractor, "Her mother noticed that she was ataxic.")
