"""Names and frames of unseen literature: a time phrase that opens a sentence, Latin plurals,
a sign said by its adjective, what the illness began after, lay illnesses, laboratory tests
and antigens named by acronyms. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from .conftest import claims


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("At 2-year follow-up she walked alone but had ataxia.", "ataxia"),
        ("After three years, he ran again but dysarthria remained mild.", "dysarthria"),
        ("At follow-up, two children had myoclonus and one had tremor.", "tremor"),
    ],
)
def test_an_opening_time_phrase_frames_every_clause(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert ("has_complication", sign) in found, found
    assert ("has_symptom", sign) not in found


def test_a_clause_without_an_opening_time_phrase_keeps_its_signs(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "She walked alone at follow-up, but at onset she had ataxia.")
    assert ("has_symptom", "ataxia") in found, found


@pytest.mark.parametrize(
    ("text", "tumour"),
    [
        ("Tumours were 5 neuroblastomas and 2 ganglioneuromas.", "ganglioneuroma"),
        ("Teratomas were found in two adults with OMS.", "teratoma"),
    ],
)
def test_latin_plurals_name_their_tumour(extractor, text: str, tumour: str) -> None:  # noqa: ANN001
    assert [o for p, o in claims(extractor, text) if p == "has_cause" and tumour in o]


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("teratomas", "teratoma"), ("oedemas", "oedema"), ("pancreas", "pancreas"), ("gas", "gas")],
)
def test_latin_plurals_fold_and_words_in_as_stay(plural: str, singular: str) -> None:
    from omsgraph.extract.folding import fold_token

    assert fold_token(plural) == fold_token(singular)
    assert fold_token("pancreas").endswith("as")


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("The boy was ataxic and irritable.", "ataxia"),
        ("By day three she was hypotonic.", "hypotonia"),
        ("He became anxious at night.", "anxiety"),
        ("She was drowsy after each dose.", "drowsiness"),
    ],
)
def test_a_sign_said_by_its_adjective(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("Her symptoms started ten days after COVID-19.", "COVID-19"),
        ("OMS developed two weeks after SARS-CoV-2 infection.", "COVID-19"),
        ("The ataxia began following a viral illness.", "viral infection"),
    ],
)
def test_what_the_illness_began_after_is_its_trigger(extractor, text: str, cause: str) -> None:  # noqa: ANN001
    assert ("has_cause", cause) in claims(extractor, text)


def test_a_treatment_started_after_diagnosis_is_no_onset(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Immunotherapy for OMS is started soon after diagnosis.")
    assert not [o for p, o in found if p == "has_cause"], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her OMS relapsed during a cold.", True),
        ("He caught a bad cold and the shaking came back.", True),
        ("Her hands were cold and pale.", False),
        ("Put a cold compress on the injection site.", False),
    ],
)
def test_a_cold_is_an_illness_only_as_one(extractor, text: str, expected: bool) -> None:  # noqa: ANN001
    assert (("has_cause", "common cold") in claims(extractor, text)) is expected


@pytest.mark.parametrize(
    ("text", "test"),
    [
        ("Serology for Mycoplasma was positive.", "serology"),
        ("PCR of a nasal swab detected enterovirus.", "polymerase chain reaction"),
        ("Antibodies were confirmed by immunoblot.", "immunoblot"),
        ("Video-oculography recorded back-to-back saccades.", "video-oculography"),
        ("A urine drug screen was negative.", "toxicology screen"),
        ("Serum NfL was raised at onset.", "neurofilament light chain"),
    ],
)
def test_laboratory_tests_of_case_reports(extractor, text: str, test: str) -> None:  # noqa: ANN001
    assert ("diagnosed_by", test) in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "antibody"),
    [
        ("GAD65 antibodies were negative.", "anti-gad65 antibodies"),
        ("MOG and AQP4 antibodies were not detected.", "anti-aqp4 antibodies"),
        ("GABA-B antibodies were negative.", "anti-gaba-b antibodies"),
    ],
)
def test_an_antigen_named_by_its_acronym(extractor, text: str, antibody: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert [o for p, o in found if p == "diagnosed_by" and o == antibody], found
    assert not [o for p, o in found if p == "treated_by"], found  # GABA is no treatment here


@pytest.mark.parametrize(
    "text", ["IgG antibodies were found in the CSF.", "CSF antibodies were not measured."]
)
def test_an_isotype_or_specimen_is_no_antigen(extractor, text: str) -> None:  # noqa: ANN001
    assert not [o for p, o in claims(extractor, text) if "anti-" in o]


def test_toxins_are_a_cause(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "There was no exposure to lithium or toxins.")
    assert ("has_cause", "toxin exposure") in found, found


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("It all started after a tummy bug.", "gastroenteritis"),
        ("The doctors think it was the virus.", "viral infection"),
    ],
)
def test_lay_names_of_preceding_illnesses(extractor, text: str, cause: str) -> None:  # noqa: ANN001
    assert ("has_cause", cause) in claims(extractor, text)


def test_a_virus_checker_is_no_illness(extractor) -> None:  # noqa: ANN001
    assert not claims(extractor, "Run the virus checker before opening the file.")


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("She had IVIG and dex pulses.", "dexamethasone"),
        ("He never needed chemo.", "chemotherapy"),
        ("MMF was added after the second relapse.", "mycophenolate mofetil"),
    ],
)
def test_clinical_short_names_of_treatments(extractor, text: str, treatment: str) -> None:  # noqa: ANN001
    assert ("treated_by", treatment) in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Her OMS began with refusal to walk.", "refusal to walk"),
        (
            "In OMS there was no psychosis, no chorea and no autonomic instability.",
            "autonomic instability",
        ),
    ],
)
def test_proposed_signs_keep_their_to_and_lose_their_no(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


def test_a_list_headed_by_a_negation(extractor) -> None:  # noqa: ANN001
    from .conftest import qualified

    found = qualified(extractor, "- NOT expected in OMS: fever, rash or vomiting")
    assert {o for o, p, _ in found if p == "negated"} >= {"fever", "vomiting"}, found
    found = qualified(extractor, "No: the ataxia of her OMS got worse.")
    assert ("ataxia", "affirmed", "asserted") in found, found


@pytest.mark.parametrize(
    "text",
    ["Onset of OMS typically falls between 6 and 36 months.", "OMS wards need a falls plan."],
)
def test_falls_as_a_verb_or_a_modifier_is_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    assert not [o for p, o in claims(extractor, text) if p == "has_symptom"]


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("With OMS she would twitch or jerk all day.", "myoclonus"),
        ("Since the OMS began he is so jerky he spills his drinks.", "myoclonus"),
        ("With OMS he was cranky and upset all the time.", "irritability"),
        ("Our OMS toddler screams for hours every night.", "irritability"),
        ("With OMS she toppled over like she was drunk.", "ataxia"),
        ("With OMS he cannot walk without help.", "ataxia"),
        ("With OMS she was unable to sit.", "inability to sit"),
        ("Since the OMS his hands started shaking.", "tremor"),
        ("After OMS his handwriting is still shaky.", "tremor"),
    ],
)
def test_lay_descriptions_of_signs(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert sign in {
        o for p, o in claims(extractor, text) if p in ("has_symptom", "has_complication")
    }


@pytest.mark.parametrize(
    "text",
    [
        "I cannot stand the waiting for the OMS results.",
        "I was unable to sit still while they examined her for OMS.",
        "Jerky beef was all he would eat during the OMS admission.",
    ],
)
def test_a_parents_own_state_or_a_food_is_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    assert not [o for p, o in claims(extractor, text) if p == "has_symptom"]


@pytest.mark.parametrize(
    "text",
    [
        "In OMS they found a tiny tumour on her adrenal gland.",
        "A tumour on the adrenal gland was found in her OMS.",
        "In OMS, CT revealed a 3-cm adrenal tumour.",
    ],
)
def test_a_tumour_found_is_the_cause(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_cause", "tumour") in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("In adults OMS follows SCLC or breast cancer.", "small cell lung cancer"),
        ("OMS triggers include EBV and mycoplasma.", "Mycoplasma pneumoniae infection"),
        ("OMS began after a mild URTI.", "upper respiratory tract infection"),
        ("A viral prodrome preceded OMS in a third.", "viral infection"),
    ],
)
def test_infections_and_tumours_as_case_reports_name_them(extractor, text: str, cause: str) -> None:  # noqa: ANN001
    assert ("has_cause", cause) in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("With OMS his eyes were flicking about.", "opsoclonus"),
        ("OMS brought sleepless nights.", "sleep disturbance"),
    ],
)
def test_more_lay_descriptions(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


def test_a_named_tumour_makes_the_generic_one_redundant(extractor) -> None:  # noqa: ANN001
    text = "A tumour was found in her chest. It was a neuroblastoma, the usual tumour in OMS."
    found = claims(extractor, text)
    assert ("has_cause", "neuroblastoma") in found and ("has_cause", "tumour") not in found
    assert ("has_cause", "tumour") in claims(extractor, "In OMS a tumour was found in her chest.")


@pytest.mark.parametrize(
    "text",
    [
        "She developed OMS, a rare neurological disorder, at age two.",
        "After plasmapheresis for OMS her symptoms resolved completely.",
    ],
)
def test_a_class_or_a_clause_is_no_proposed_name(extractor, text: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert not [
        o
        for p, o in found
        if p.startswith(("has_", "treated")) and ("rare" in o or "resolved" in o)
    ]


def test_antibodies_named_after_the_head(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "In OMS, antibodies against glycine receptors were not found.")
    assert ("diagnosed_by", "anti-glycine receptor antibodies") in found, found
    found = claims(extractor, "Antibodies against neurons are thought to cause OMS.")
    assert not [o for p, o in found if p == "diagnosed_by"], found


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("With OMS her eyes moved uncontrollably.", ("has_symptom", "opsoclonus")),
        ("A flu-like illness preceded OMS in most.", ("has_cause", "viral infection")),
        ("For OMS your child may have a brain scan.", ("diagnosed_by", "brain imaging")),
    ],
)
def test_lay_words_of_pages(extractor, text: str, claim: tuple[str, str]) -> None:  # noqa: ANN001
    assert claim in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Opsoclonus myoclonus syndrome, a.k.a. Kinsbourne syndrome, is rare.",
        "OMS (aka: Kinsbourne syndrome) is rare.",
    ],
)
def test_aka_introduces_a_synonym(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_synonym", "kinsbourne syndrome") in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Aim: To describe the treatment and sequelae of OMS.",
        "Objective: To compare ACTH and IVIG in children with OMS.",
        "We aimed to assess relapse and learning difficulties in OMS.",
    ],
)
def test_a_study_aim_names_topics_not_findings(extractor, text: str) -> None:  # noqa: ANN001
    assert not claims(extractor, text)


def test_a_treatment_that_aims_is_still_a_treatment(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Treatment of OMS aims to stop relapses with ACTH.")
    assert [o for p, o in found if p == "treated_by"], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Children with OMS have learning difficulties later on.", "learning difficulties"),
        ("Long-term neurodevelopmental sequelae of OMS are common.", "neurodevelopmental sequelae"),
    ],
)
def test_what_comes_later_is_a_sequel(extractor, text: str, expected: str) -> None:  # noqa: ANN001
    assert ("has_complication", expected) in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "test"),
    [
        ("Children with OMS need formal developmental assessment.", "developmental assessment"),
        ("- Bedside swallow screen on admission for OMS", "swallowing assessment"),
        ("Keep a sleep diary while OMS is active.", "sleep diary"),
    ],
)
def test_assessments_of_allied_health(extractor, text: str, test: str) -> None:  # noqa: ANN001
    assert ("diagnosed_by", test) in claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "For OMS they checked the fluid surrounding his spinal cord.",
            ("diagnosed_by", "cerebrospinal fluid analysis"),
        ),
        (
            "The neurologist examined her reflexes for OMS.",
            ("diagnosed_by", "neurological examination"),
        ),
        ("In OMS the doctor reviews the family history.", ("diagnosed_by", "medical history")),
        (
            "OMS jerks can prevent children from walking.",
            ("has_symptom", "inability to sit or stand"),
        ),
        ("With OMS his words were partly lost.", ("has_symptom", "loss of speech and language")),
        ("In OMS smooth pursuit is often saccadic.", ("has_symptom", "abnormal smooth pursuit")),
        (
            "After OMS some never regain normal intelligence.",
            ("has_complication", "intellectual disability"),
        ),
        (
            "After OMS she was less coordinated than her twin.",
            ("has_complication", "incoordination"),
        ),
    ],
)
def test_tests_and_states_in_lay_words(extractor, text: str, claim: tuple[str, str]) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert claim[1] in {o for _, o in found}, found


def test_lay_words_keep_their_polarity(extractor) -> None:  # noqa: ANN001
    from .conftest import qualified

    found = qualified(extractor, "After OMS she will never have normal intelligence.")
    assert ("intellectual disability", "affirmed", "asserted") in found, found
    assert not claims(extractor, "I lost my keys at the OMS clinic.")


def test_the_myoclonus_and_saccades_of_case_reports(extractor) -> None:  # noqa: ANN001
    text = "In OMS she had chaotic, multidirectional saccadic oscillations and action myoclonus."
    found = claims(extractor, text)
    assert {("has_symptom", "opsoclonus"), ("has_symptom", "myoclonus")} <= found, found
    found = claims(extractor, "In OMS horizontal saccadic oscillations were recorded.")
    assert ("has_symptom", "opsoclonus") not in found  # one direction: not opsoclonus


def test_aggression_is_a_sign_and_aggressive_treatment_is_none(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "In OMS rage attacks and aggression towards others can occur.")
    assert ("has_symptom", "aggression") in found, found
    found = claims(extractor, "Aggressive, early treatment of OMS lowers the relapse rate.")
    assert not [o for _, o in found if "aggress" in o], found


def test_a_sign_that_had_resolved_is_no_sequel(extractor) -> None:  # noqa: ANN001
    text = "At 1-year follow-up of her OMS the opsoclonus had resolved, but clumsiness remained."
    found = claims(extractor, text)
    assert ("has_complication", "opsoclonus") not in found, found
    assert ("has_complication", "clumsiness") in found, found


def test_a_graded_neuroblastoma_is_the_neuroblastoma(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "In OMS histology showed a poorly differentiated neuroblastoma.")
    assert ("has_cause", "neuroblastoma") in found, found


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("After OMS she reported difficulty concentrating.", "attention deficit"),
        ("He is a bit clumsy after OMS.", "clumsiness"),
        ("Tremulousness preceded her OMS.", "tremor"),
        ("In OMS trouble falling asleep is common.", "sleep disturbance"),
        ("In OMS speech often regresses.", "loss of speech and language"),
        ("In OMS the child stops walking.", "loss of ambulation"),
    ],
)
def test_more_lay_names_of_signs(extractor, text: str, claim: str) -> None:  # noqa: ANN001
    assert claim in {o for _, o in claims(extractor, text)}


def test_what_a_child_still_has_is_a_sequel(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Two years after OMS she still falls more than other kids.")
    assert ("has_complication", "falls") in found, found


def test_no_antigen_named_tumour_and_no_sign_named_nothing(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "In OMS antibodies against the tumour were not tested.")
    assert not [o for _, o in found if "anti-" in o], found
    found = claims(extractor, "With OMS she was so cranky, nothing would settle her.")
    assert ("has_symptom", "nothing") not in found, found


def test_language_delay_is_a_sequel(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Language delay persisted in 30 children with OMS.")
    assert ("has_complication", "language delay") in found, found
