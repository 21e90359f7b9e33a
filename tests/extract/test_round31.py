"""Rules of this round, each tested with sentences written for it."""

from __future__ import annotations

import pytest

from tests.extract.conftest import claims, qualified
from tests.extract.conftest import found as figures


@pytest.mark.parametrize(
    "text",
    [
        "An EEG was done to check that the jerks were not seizures.",
        "They did an EEG to make sure the movements weren't seizures.",
        "EEG: sometimes done to check that the episodes are not seizures.",
        "The team wanted to confirm that the attacks were not seizures.",
    ],
)
def test_what_a_test_shows_something_is_not_is_a_differential(extractor, text: str) -> None:  # noqa: ANN001
    found = qualified(extractor, text)
    assert ("seizure", "affirmed", "asserted") in found, found
    assert ("differential_diagnosis", "seizure") in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("He had no seizures.", ("has_symptom", "seizure")),
        (
            "Check that the jerks are not simply due to a seizure disorder.",
            ("has_cause", "epilepsy"),
        ),
        (
            "They checked that the episodes are not associated with bradycardia.",
            ("has_symptom", "bradycardia"),
        ),
        ("Doctors checked that the jerks were not caused by a tumour.", ("has_cause", "tumour")),
    ],
)
def test_a_plain_denial_still_denies(extractor, text: str, claim: tuple[str, str]) -> None:  # noqa: ANN001
    assert claim in claims(extractor, text)
    assert (claim[1], "negated", "asserted") in qualified(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "A CT-guided biopsy of the mass confirmed a neuroblastoma.",
        "Ultrasound-guided core biopsy showed a ganglioneuroblastoma.",
        "An ultrasound guided needle biopsy was taken.",
    ],
)
def test_an_image_that_guides_a_procedure_is_no_test_of_its_own(extractor, text: str) -> None:  # noqa: ANN001
    tests = {o for p, o in claims(extractor, text) if p == "diagnosed_by"}
    assert "biopsy" in tests, tests
    assert not tests & {"ultrasound", "computed tomography"}, tests


@pytest.mark.parametrize(
    ("text", "test"),
    [
        ("An ultrasound showed a mass.", "ultrasound"),
        ("A lumbar puncture guided by fluoroscopy was performed.", "cerebrospinal fluid analysis"),
        ("CT scan guided by clinical findings showed an adrenal mass.", "computed tomography"),
        ("The MRI guided the decision to operate.", "magnetic resonance imaging"),
    ],
)
def test_an_image_that_guides_nothing_is_still_a_test(extractor, text: str, test: str) -> None:  # noqa: ANN001
    assert ("diagnosed_by", test) in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The MRI showed a mature cystic teratoma of the left ovary.",
        "A teratoma in the right ovary was removed.",
        "Laparoscopy found a teratoma of the ovary.",
    ],
)
def test_a_tumour_of_an_organ_is_the_organs_tumour(extractor, text: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert ("has_cause", "ovarian teratoma") in found, found
    assert ("has_cause", "teratoma") not in found, found


def test_a_tumour_named_alone_stays_itself(extractor) -> None:  # noqa: ANN001
    assert ("has_cause", "teratoma") in claims(extractor, "She was found to have a teratoma.")


@pytest.mark.parametrize(
    "text",
    [
        "She had an ovarian teratoma. The teratoma was removed at laparoscopy.",
        "The teratoma was small. It was an ovarian teratoma of 3 cm.",
    ],
)
def test_a_tumour_named_by_its_head_is_the_sited_one(extractor, text: str) -> None:  # noqa: ANN001
    causes = {o for p, o in claims(extractor, text) if p == "has_cause"}
    assert causes == {"ovarian teratoma"}, causes


def test_a_subtype_is_not_its_parents_head(extractor) -> None:  # noqa: ANN001
    text = "It may come with lung cancer. Small cell lung cancer is the commonest."
    causes = {o for p, o in claims(extractor, text) if p == "has_cause"}
    assert {"lung cancer", "small cell lung cancer"} <= causes, causes


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Relapses occur in 1 in 6 patients.", "1 of 6 (17 %)"),
        ("Relapses may occur in roughly one in six patients.", "roughly 1 of 6 (17 %)"),
        ("Relapse occurs in one in three children.", "1 of 3 (33 %)"),
    ],
)
def test_a_share_of_patients_is_no_prevalence(sentence: str, value: str) -> None:
    assert figures(sentence) == [("relapse rate", value)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("It affects 1 in 5 million children.", "1 in 5,000,000"),
        ("OMS occurs in about 1 in 10,000,000 people each year.", "about 1 in 10,000,000 per year"),
    ],
)
def test_a_rate_in_a_population_stays_an_epidemiological_rate(sentence: str, value: str) -> None:
    assert [v for _, v in figures(sentence)] == [value]


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Her daughter suddenly stopped walking or sitting.", "loss of ambulation"),
        ("He lost the ability to walk within days.", "loss of ambulation"),
        ("He was no longer able to walk.", "loss of ambulation"),
        ("She stopped sitting unsupported.", "motor regression"),
        ("She lost the ability to sit.", "motor regression"),
        ("The toddler no longer crawls.", "motor regression"),
    ],
)
def test_a_child_who_stops_walking_has_lost_ambulation(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "signs"),
    [
        (
            "Irritability and inconsolable crying are typical.",
            {"irritability", "inconsolable crying"},
        ),
        ("She cried for hours and hours.", {"inconsolable crying"}),
        ("The baby cried inconsolably.", {"inconsolable crying"}),
        ("She was inconsolable.", {"irritability"}),
        ("He screamed for hours.", {"irritability"}),
    ],
)
def test_crying_nothing_settles_is_a_sign_of_its_own(extractor, text: str, signs: set) -> None:  # noqa: ANN001
    assert {o for p, o in claims(extractor, text) if p == "has_symptom"} == signs


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("She could not sit unsupported.", "inability to sit"),
        ("He can't sit up anymore.", "inability to sit"),
        ("She was unable to sit without support.", "inability to sit"),
        ("Within a week she couldn't stand at all.", "inability to stand"),
        ("He is no longer able to stand.", "inability to stand"),
        ("She couldn't stand up or even sit on the sofa.", "ataxia"),
        ("A child may become unable to stand or even to sit.", "ataxia"),
        ("He could barely stand.", "ataxia"),
        ("He could not walk.", "ataxia"),
        ("She could not sit unsupported or stand.", "ataxia"),
        ("She could not stand for long.", "inability to stand"),
    ],
)
def test_a_child_who_cannot_sit_or_stand_is_named_so(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert {o for p, o in claims(extractor, text) if p == "has_symptom"} == {sign}


@pytest.mark.parametrize(
    "text",
    [
        "I can't stand it any more.",
        "We could not sit still.",
        "She can't stand loud noises.",
        "My husband could not stand hospitals.",
        "I cried for hours after the diagnosis.",
        "My wife cried for hours.",
        "He stopped walking to look at the dog.",
        "We stopped walking the dog.",
        "He no longer walks to school, we drive him.",
    ],
)
def test_an_idiom_or_a_relatives_state_names_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    assert not claims(extractor, text)


def test_a_tumours_claim_names_the_other_ways_its_site_is_written(extractor) -> None:  # noqa: ANN001
    (claim,) = [
        c for c in extractor.extract("She had breast cancer.") if c.predicate == "has_cause"
    ]
    synonyms = claim.record("x")["object_synonyms"]
    assert {"breast carcinoma", "carcinoma of the breast"} <= set(synonyms), synonyms


@pytest.mark.parametrize(
    "text",
    [
        "Neuroblastoma is the usual tumour. In our boy no tumour was found.",
        "They looked for a neuroblastoma with MIBG, but they never found a tumour.",
    ],
)
def test_a_denied_tumour_is_the_tumour_the_text_denies(extractor, text: str) -> None:  # noqa: ANN001
    assert ("tumour", "negated", "asserted") in qualified(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "If no tumour is found, imaging should be repeated at 6 and 12 months.",
        "If the initial tumour screen is negative it should be repeated after 3-6 months.",
        "They scanned him three times over the first year.",
        "Neuroblastoma screening should be repeated at 3-6 months.",
        "She'll have scans again every few months.",
    ],
)
def test_a_search_said_to_be_done_again_is_repeat_imaging(extractor, text: str) -> None:  # noqa: ANN001
    assert ("diagnosed_by", "repeat imaging") in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "If the IVIG course fails it should be repeated after 3 months.",
        "The dose was repeated after 3 months.",
        "He scanned the room for his mother.",
        "The hearing screening should be repeated.",
        "Developmental screening should be repeated at 2 years.",
        "Urine screening should be repeated.",
    ],
)
def test_what_else_is_repeated_is_no_imaging(extractor, text: str) -> None:  # noqa: ANN001
    assert ("diagnosed_by", "repeat imaging") not in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "test"),
    [
        ("MIBG scan was repeated at 6 months.", "MIBG scintigraphy"),
        ("The CT was repeated.", "computed tomography"),
    ],
)
def test_a_repeated_test_keeps_its_own_claim(extractor, text: str, test: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert {("diagnosed_by", test), ("diagnosed_by", "repeat imaging")} <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "Removing the tumour was not the end.",
        "Remove tumour if present.",
        "Treatment is directed at calming the immune response and removing any tumor.",
        "Taking the tumour out is important.",
        "They took the tumour out in a keyhole operation.",
    ],
)
def test_a_tumour_removed_in_any_verb_form_is_a_resection(extractor, text: str) -> None:  # noqa: ANN001
    assert ("tumour resection", "affirmed", "asserted") in qualified(extractor, text)


def test_what_is_not_the_end_is_not_denied(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "Removing the tumour was not the end of the story.")
    assert not [c for c in found if c[1] == "negated"], found


def test_removing_something_else_is_no_resection(extractor) -> None:  # noqa: ANN001
    assert not claims(extractor, "She was removing her make-up when he fell.")


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        ("Many families also see a neuropsychologist.", "neuropsychology"),
        ("Follow-up with a developmental paediatrician is advised.", "developmental paediatrics"),
        ("Therapists and a psychologist may also be involved.", "psychology"),
        ("Consider dietitian referral while on steroids.", "dietetics"),
        ("Treatment is best coordinated by a multidisciplinary team.", "multidisciplinary team"),
        ("She was referred to a paediatric neuroimmunologist.", "neuroimmunology"),
        ("An ophthalmologist examined the eye movements.", "ophthalmology"),
    ],
)
def test_the_specialists_of_follow_up_are_specialists(extractor, text: str, specialty: str) -> None:  # noqa: ANN001
    assert ("specialist", specialty) in claims(extractor, text)


def test_a_department_named_is_no_specialist(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "The Department of Ophthalmology, St Mary's Hospital, London.")
    assert not [c for c in found if c[0] == "specialist"], found


@pytest.mark.parametrize(
    "text",
    [
        "She was given medicines that calm the immune system.",
        "Children need treatment to dampen the immune system as well.",
        "Treatment aims to calm the immune system.",
        "OMS is treated by calming the immune system.",
        "We treat the immune system, and we treat it early.",
    ],
)
def test_a_treatment_told_by_what_it_does_to_immunity_is_immunotherapy(
    extractor, text: str
) -> None:  # noqa: ANN001
    assert ("treated_by", "immunotherapy") in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Steroids suppress the immune system, so infections are more likely.",
        "Infections weaken the immune system.",
    ],
)
def test_what_a_named_drug_does_to_immunity_is_no_second_treatment(extractor, text: str) -> None:  # noqa: ANN001
    assert ("treated_by", "immunotherapy") not in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "OMS is frequently misdiagnosed initially as acute cerebellar ataxia or labyrinthitis.",
        "The child was misdiagnosed at first with acute cerebellar ataxia and labyrinthitis.",
        "The GP initially diagnosed acute cerebellar ataxia and labyrinthitis.",
    ],
)
def test_what_a_child_was_first_diagnosed_with_is_a_differential(extractor, text: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert {
        ("differential_diagnosis", "acute cerebellar ataxia"),
        ("differential_diagnosis", "labyrinthitis"),
    } <= found, found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Relapses occurred in 9 idiopathic patients (17%).", [("relapse rate", "17 %")]),
        ("Relapse occurred in 17% of post-infectious cases.", [("relapse rate", "17 %")]),
        ("Recovery was complete in 40 % of idiopathic cases.", []),
        ("The syndrome was idiopathic in 35 %.", []),
        (
            "Relapses occurred in 9 idiopathic patients (17%) and 2 paraneoplastic patients (5%).",
            [("relapse rate", "17 %"), ("relapse rate", "5 %")],
        ),
        (
            "A tumour was found in 9 children (17%) and relapses in 5 (10%).",
            [("tumour frequency", "17 %"), ("relapse rate", "10 %")],
        ),
    ],
)
def test_a_groups_adjective_claims_no_figure(sentence: str, expected: list) -> None:
    assert figures(sentence) == expected


def test_a_guided_resection_is_no_imaging_test(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "She underwent an MRI-guided resection of the tumour.")
    assert found == {("treated_by", "tumour resection")}, found


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Children with OMS may vomit, especially at the beginning.", "vomiting"),
        ("They may shake or tremble when reaching for things.", "tremor"),
        ("Some children cry for hours.", "inconsolable crying"),
        ("She stopped saying the words she knew.", "loss of speech and language"),
    ],
)
def test_signs_told_by_lay_verbs(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "I was so scared I vomited.",
        "Keep a vomit bowl near the bed.",
        "She trembled with fear at the hospital.",
        "Her voice trembled as she described the diagnosis.",
        "I would cry for hours after each hospital visit.",
        "His sister vomited the night before.",
        "The room temperature was low.",
    ],
)
def test_a_parents_state_or_a_thing_is_no_lay_sign(extractor, text: str) -> None:  # noqa: ANN001
    assert not [c for c in claims(extractor, text) if c[0] == "has_symptom"]


def test_a_temperature_denied_is_a_fever_denied(extractor) -> None:  # noqa: ANN001
    assert ("fever", "negated", "asserted") in qualified(
        extractor, "She did not have a temperature."
    )


@pytest.mark.parametrize(
    "text", ["He had a high temperature and a cough.", "She had a bit of a temperature."]
)
def test_a_temperature_present_is_an_intercurrent_sign(extractor, text: str) -> None:  # noqa: ANN001
    assert not claims(extractor, text)


def test_a_stored_drugs_temperature_is_no_fever(extractor) -> None:  # noqa: ANN001
    text = "Store the vials at room temperature with no temperature excursions."
    assert not [c for c in claims(extractor, text) if c[0] == "has_symptom"]


def test_a_treatment_given_but_not_tolerated_was_given(extractor) -> None:  # noqa: ANN001
    found = qualified(extractor, "Rituximab was given but not tolerated.")
    assert found == {("rituximab", "affirmed", "asserted")}, found


def test_a_related_synonym_of_maxo_names_no_action(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Three children needed cyclophosphamide as rescue therapy.")
    assert found == {("treated_by", "cyclophosphamide")}, found


def test_a_true_related_synonym_of_maxo_still_names_its_term(extractor) -> None:  # noqa: ANN001
    assert ("diagnosed_by", "blood coagulation test") in claims(
        extractor, "Coagulation studies were normal."
    )


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "His past history of neuroblastoma treated with chemotherapy was relevant.",
            "neuroblastoma",
        ),
        ("She received dexamethasone but never needed rituximab.", "dexamethasone"),
    ],
)
def test_a_cause_in_the_past_history_and_a_treatment_before_but_stand(
    extractor, text: str, claim: str
) -> None:  # noqa: ANN001
    assert (claim, "affirmed", "asserted") in qualified(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "MRI of the chest, abdomen and pelvis was normal.",
        "Tumour screening comprised MRI of the chest/abdomen/pelvis.",
    ],
)
def test_a_test_of_several_regions_is_no_one_regions_test(extractor, text: str) -> None:  # noqa: ANN001
    tests = {o for p, o in claims(extractor, text) if p == "diagnosed_by"}
    assert "magnetic resonance imaging" in tests and "MRI of the chest" not in tests, tests


def test_a_test_of_one_region_keeps_its_name(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "No recurrence was seen on surveillance MRI of the chest.")
    assert ("diagnosed_by", "MRI of the chest") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Lumbar puncture revealed a normal cell count and protein.",
        "CSF examination, including cell count and oligoclonal bands, was done.",
    ],
)
def test_a_cell_count_of_the_csf_is_part_of_its_examination(extractor, text: str) -> None:  # noqa: ANN001
    tests = {o for p, o in claims(extractor, text) if p == "diagnosed_by"}
    assert "cerebrospinal fluid analysis" in tests and "clinical cell count" not in tests, tests


def test_a_blood_cell_count_stays_a_test(extractor) -> None:  # noqa: ANN001
    assert ("diagnosed_by", "clinical cell count") in claims(
        extractor, "The cell count was normal."
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "The steroids didn't help much on their own, it was the IVIG that made the difference.",
            "intravenous immunoglobulin",
        ),
        (
            "2 | M | 31 mo | no tumour | negative x3 | dexamethasone pulses + IVIG | rituximab",
            "rituximab",
        ),
    ],
)
def test_a_negation_stops_at_a_comma_splice_and_a_table_cell(
    extractor, text: str, kept: str
) -> None:  # noqa: ANN001
    assert (kept, "affirmed", "asserted") in qualified(extractor, text)
