"""Rules of this round, each tested with sentences written for it: a sign an ontology grades by
severity is the sign graded."""

from __future__ import annotations

import pytest

from tests.extract.conftest import found


def _objects(extractor, text: str) -> set[str]:  # noqa: ANN001
    return {c.object.lower() for c in extractor.extract(text)}


@pytest.mark.parametrize(
    ("text", "graded", "sign"),
    [
        (
            "Two years on, he still had mild expressive language delay.",
            "mild expressive language delay",
            "expressive language impairment",
        ),
        (
            "Severe global developmental delay was present at diagnosis.",
            "severe global developmental delay",
            "global developmental delay",
        ),
    ],
)
def test_a_graded_sign_is_the_sign(extractor, text: str, graded: str, sign: str) -> None:  # noqa: ANN001
    objects = _objects(extractor, text)
    assert graded not in objects, objects
    assert sign in objects, objects


def test_a_severity_word_that_names_the_sign_itself_stays(extractor) -> None:  # noqa: ANN001
    # "severe" alone before a name no ontology grades is no concept of its own either way
    objects = _objects(extractor, "The child developed severe ataxia within a week.")
    assert "ataxia" in objects, objects


def _qualified(extractor, text: str) -> dict[str, str]:  # noqa: ANN001
    return {c.object.lower(): c.certainty for c in extractor.extract(text)}


def test_an_aside_less_often_hedges_the_item_it_ranks(extractor) -> None:  # noqa: ANN001
    found = _qualified(
        extractor, "It is linked with neuroblastoma or, less commonly, ganglioneuroblastoma."
    )
    assert found.get("neuroblastoma") == "asserted", found
    assert found.get("ganglioneuroblastoma") == "hedged", found


def test_less_often_comparing_groups_hedges_nothing(extractor) -> None:  # noqa: ANN001
    found = _qualified(extractor, "Relapses occurred less often in children given rituximab.")
    assert found.get("rituximab") == "asserted", found


def test_a_frequency_adverb_is_no_proposed_concept(extractor) -> None:  # noqa: ANN001
    objects = _objects(
        extractor, "Causes include infections and, less commonly, an underlying tumour."
    )
    assert not {o for o in objects if "commonly" in o}, objects


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a colon that opens a clause with its own subject: the hedge is the explanation's
        ("Tremor is the most visible sign: a toddler may stop walking for weeks.", "tremor"),
        # an ability the child had before is no possibility
        ("He began drooling and losing words he could already say.", "drooling"),
        # a second clause with its own subject and verb of saying
        (
            "He still gets physiotherapy, and his mother says he can tire quickly.",
            "physical therapy",
        ),
        # a non-restrictive relative clause after a comma
        (
            "It is linked with breast cancer, where anti-Ri antibodies may be found.",
            "breast cancer",
        ),
    ],
)
def test_a_hedge_of_another_clause_leaves_the_mention_asserted(extractor, text, name) -> None:  # noqa: ANN001
    found = _qualified(extractor, text)
    assert found.get(name) == "asserted", found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rituximab: may reduce relapses.", "rituximab"),
        ("Signs may include: ataxia and tremor.", "ataxia"),
        ("Tremor may be the first sign: parents notice it at meals.", "tremor"),
    ],
)
def test_a_hedge_across_a_colon_still_reaches_its_own_mention(extractor, text, name) -> None:  # noqa: ANN001
    found = _qualified(extractor, text)
    assert found.get(name) == "hedged", found


def test_a_case_paragraph_that_excludes_another_disease_keeps_its_claims(extractor) -> None:  # noqa: ANN001
    text = (
        "Case. A 40-year-old man developed vertigo and ataxia over a week. Brain MRI was "
        "normal and a lumbar puncture showed mild pleocytosis. Behcet disease was excluded "
        "and he improved on intravenous immunoglobulin.\n"
    )
    objects = _objects(extractor, text)
    assert {"ataxia", "intravenous immunoglobulin"} <= objects, objects


def test_a_passage_that_opens_on_another_disease_is_still_left_out(extractor) -> None:  # noqa: ANN001
    text = (
        "Opsoclonus-myoclonus syndrome is rare.\n"
        "Behcet disease is a vasculitis of young adults. It causes oral ulcers and is treated "
        "with colchicine and azathioprine.\n"
    )
    objects = _objects(extractor, text)
    assert not {"colchicine", "azathioprine"} & objects, objects


def test_a_case_paragraph_naming_another_disease_later_is_the_cases(extractor) -> None:  # noqa: ANN001
    text = (
        "Case presentation\n\nA 45-year-old woman presented with opsoclonus and ataxia. Her "
        "mother had Graves disease. She was treated with rituximab.\n"
    )
    objects = _objects(extractor, text)
    assert {"opsoclonus", "ataxia", "rituximab"} <= objects, objects


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("OMS is uncommon in adults.", ("prevalence", "uncommon in adults")),
        ("The syndrome remains very rare among infants.", ("prevalence", "rare among infants")),
        ("There is no clear sex predominance.", ("sex ratio", "equal")),
    ],
)
def test_a_value_without_a_number_keeps_its_group(sentence: str, expected) -> None:  # noqa: ANN001
    assert expected in found(sentence), found(sentence)


def test_rare_among_another_diseases_patients_is_no_prevalence() -> None:
    assert not [
        f for f in found("OMS is rare in children with neuroblastoma.") if f[0] == "prevalence"
    ]


def test_between_two_percentages_is_one_range() -> None:
    assert found("Between 15% and 35% of the children relapsed.") == [("relapse rate", "15-35 %")]


def test_two_percentages_joined_by_and_stay_two_figures() -> None:
    values = [v for _, v in found("Relapses occurred in 12% and 31% of the two arms.")]
    assert values == ["12 %", "31 %"], values


def _mechanisms(extractor, text: str) -> dict[str, str]:  # noqa: ANN001
    return {c.object: c.certainty for c in extractor.extract(text) if c.predicate == "mechanism"}


@pytest.mark.parametrize(
    ("text", "mechanism", "certainty"),
    [
        ("OMS is a rare but treatable childhood autoimmune disorder.", "autoimmune", "asserted"),
        ("The condition is presumed to be autoimmune.", "autoimmune", "hedged"),
        (
            "In OMS the child's immune system wrongly attacks the cerebellum.",
            "autoimmune",
            "asserted",
        ),
        ("OMS is an immune-mediated encephalopathy of toddlers.", "immune-mediated", "asserted"),
        ("Its pathogenesis is probably immune-mediated.", "immune-mediated", "hedged"),
    ],
)
def test_the_conditions_nature_is_a_mechanism(extractor, text, mechanism, certainty) -> None:  # noqa: ANN001
    assert _mechanisms(extractor, text) == {mechanism: certainty}


@pytest.mark.parametrize(
    "text",
    [
        "Her mother has other autoimmune diseases such as thyroiditis.",
        "An autoimmune panel and anti-NMDA receptor antibodies were negative.",
        "Autoimmune encephalitis was considered in the differential diagnosis of OMS.",
    ],
)
def test_another_autoimmune_disease_or_a_test_claims_no_mechanism(extractor, text: str) -> None:  # noqa: ANN001
    assert not _mechanisms(extractor, text)


@pytest.mark.parametrize(
    ("text", "drug", "harm"),
    [
        ("The dexamethasone gave her acne and high blood pressure.", "dexamethasone", "acne"),
        ("Cyclophosphamide caused a chest infection.", "cyclophosphamide", "chest infection"),
    ],
)
def test_a_harm_a_treatment_brought_about_is_no_sign_and_the_drug_no_cause(
    extractor,
    text: str,
    drug: str,
    harm: str,  # noqa: ANN001
) -> None:
    found = {(c.predicate, c.object.lower()) for c in extractor.extract(text)}
    assert ("treated_by", drug) in found, found
    assert not {p for p, o in found if p in ("has_symptom", "has_cause")}, found


def test_the_test_that_ruled_something_out_was_done(extractor) -> None:  # noqa: ANN001
    found = {
        (c.object.lower(), c.polarity)
        for c in extractor.extract("A second tumour was ruled out by MIBG scintigraphy.")
    }
    assert ("mibg scintigraphy", "affirmed") in found, found


def test_a_tumours_recurrence_denied_denies_no_tumour(extractor) -> None:  # noqa: ANN001
    found = {
        (c.object.lower(), c.polarity)
        for c in extractor.extract("Repeat imaging excluded tumour recurrence.")
    }
    assert ("repeat imaging", "affirmed") in found, found
    assert not {o for o, p in found if p == "negated"}, found


def test_none_before_its_verb_denies_what_follows(extractor) -> None:  # noqa: ANN001
    found = {
        (c.object.lower(), c.polarity)
        for c in extractor.extract("All tumours were resected and none needed radiotherapy.")
    }
    assert ("radiation therapy", "negated") in found, found


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("A toddler with OMS suddenly refused to stand.", "refusal to walk"),
        ("Since the virus he won't even try to walk.", "refusal to walk"),
    ],
)
def test_signs_told_by_description(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert sign in _objects(extractor, text)


def test_what_the_doctor_thought_the_child_had_is_a_differential(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.object)
        for c in extractor.extract("The paediatrician first thought our son had labyrinthitis.")
    }
    assert ("differential_diagnosis", "labyrinthitis") in found, found


def test_a_drug_under_a_causes_heading_is_a_cause(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.object)
        for c in extractor.extract(
            "Causes\n\n- Drugs: lithium, amitriptyline\n- Steroids are given to all children.\n"
        )
    }
    assert ("has_cause", "lithium") in found, found
    assert ("treated_by", "corticosteroids") in found, found


@pytest.mark.parametrize(
    ("text", "test"),
    [
        (
            "With OMS, the neurologist will test his reflexes and watch him walk.",
            "neurological examination",
        ),
        ("For OMS clinics it helps to film any episodes at home.", "video recording"),
        ("For OMS, keep a short diary of the jerks and sleep.", "symptom diary"),
    ],
)
def test_tests_told_by_what_is_done(extractor, text: str, test: str) -> None:  # noqa: ANN001
    assert test in _objects(extractor, text)


def test_treating_the_tumour_is_cancer_treatment(extractor) -> None:  # noqa: ANN001
    assert "cancer treatment" in _objects(
        extractor, "In paraneoplastic OMS the priority is treating the underlying tumour."
    )


def test_seldom_die_is_a_rare_death() -> None:
    assert found("Children with OMS very rarely die of it.") == [("mortality", "rare")]
    assert not found("Adults with OMS seldom die of their tumour.")


def test_an_assessment_is_also_said_as_testing_or_evaluation(extractor) -> None:  # noqa: ANN001
    objects = _objects(extractor, "In OMS, neuropsychological testing showed an IQ of 78.")
    assert "neuropsychological assessment" in objects, objects


def test_a_harm_a_treatment_may_bring_is_no_sign_either(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.object)
        for c in extractor.extract(
            "In OMS, dexamethasone pulses can cause hyperglycaemia and insomnia."
        )
    }
    assert ("treated_by", "dexamethasone") in found, found
    assert not {p for p, _ in found if p in ("has_symptom", "has_cause")}, found


def test_what_the_last_visit_found_is_a_sequel(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.object)
        for c in extractor.extract(
            "At her most recent review she still had mild ataxia and tremor."
        )
    }
    assert ("has_complication", "tremor") in found, found


def test_spoken_sentences(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.object)
        for c in extractor.extract(
            "OMS is rare. It's an autoimmune thing. It can follow a virus. "
            "It usually begins in toddlers."
        )
    }
    assert ("mechanism", "autoimmune") in found, found
    assert ("has_cause", "viral infection") in found, found
    assert ("epidemiology", "age at onset: toddlers") in found, found


@pytest.mark.parametrize(
    ("text", "name", "status"),
    [
        (
            "Q: Does OMS need a CT scan? A: No. An MRI is enough.",
            "computed tomography",
            ("negated", "asserted"),
        ),
        (
            "Is IVIG used in OMS? Yes, often with steroids.",
            "intravenous immunoglobulin",
            ("affirmed", "asserted"),
        ),
        (
            "Is IVIG used in OMS? We are not sure.",
            "intravenous immunoglobulin",
            ("affirmed", "hedged"),
        ),
        (
            "Does OMS need a CT scan? No tumour was seen on MRI.",
            "computed tomography",
            ("affirmed", "hedged"),
        ),
    ],
)
def test_a_question_answered_by_the_next_words(extractor, text: str, name: str, status) -> None:  # noqa: ANN001
    found = {c.object: (c.polarity, c.certainty) for c in extractor.extract(text)}
    assert found.get(name) == status, found


def test_a_drug_name_keeps_its_hyphenated_prefix(extractor) -> None:  # noqa: ANN001
    objects = _objects(extractor, "In OMS, she was given co-amoxiclav and co-trimoxazole.")
    assert "trimoxazole" not in objects, objects


def test_the_rows_of_a_flattened_table_are_content(extractor) -> None:  # noqa: ANN001
    text = (
        "Work-up in OMS\n\nTest | Why | Comment\nLumbar puncture | Inflammation | Oligoclonal "
        "bands\nMIBG scan | Tumour search | With CT or MRI\n"
    )
    assert {"MIBG scintigraphy", "computed tomography"} <= {
        c.object for c in extractor.extract(text)
    }


def test_a_bar_of_links_alone_is_still_chrome(extractor) -> None:  # noqa: ANN001
    text = "OMS causes ataxia.\n\nRelated: Neuroblastoma | Acute cerebellar ataxia | Rituximab\n"
    assert "rituximab" not in _objects(extractor, text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Opsoclonus resolved, but the steroids gave him weight gain.",
            ("has_symptom", "opsoclonus"),
        ),
        ("Therapy with ACTH led to remission of the myoclonus.", ("has_symptom", "myoclonus")),
        ("Drugs such as lithium can cause opsoclonus.", ("has_cause", "lithium")),
    ],
)
def test_a_harm_cue_reaches_only_the_harm(extractor, text: str, kept) -> None:  # noqa: ANN001
    found = {(c.predicate, c.object) for c in extractor.extract(text)}
    assert kept in found, found


def test_a_labels_colon_keeps_the_hedge_after_it(extractor) -> None:  # noqa: ANN001
    found = _qualified(extractor, "Cyclophosphamide: the drug may be considered in refractory OMS.")
    assert found.get("cyclophosphamide") == "hedged", found


def test_a_sentence_opening_on_another_disease_is_a_passage_about_it(extractor) -> None:  # noqa: ANN001
    text = (
        "Eye movements should be examined closely. Refsum disease presents with ataxia; it is "
        "treated with a diet low in phytanic acid and plasmapheresis.\n"
    )
    assert not _objects(extractor, text)


def test_diseases_set_aside_together_leave_the_case_paragraph(extractor) -> None:  # noqa: ANN001
    text = (
        "Case report\n\nHe had opsoclonus and ataxia. Brain MRI was normal. Whipple disease and "
        "HIV were excluded, and he improved on rituximab.\n"
    )
    assert {"opsoclonus", "rituximab"} <= _objects(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Her mother with OMS history is being treated for autoimmune thyroid disease.",
        "In OMS, myasthenia gravis, which is also autoimmune, was excluded.",
        "Rituximab is an anti-CD20 antibody used in autoimmune diseases and in OMS.",
        "Because steroids weaken the immune system, germs can attack more easily in OMS.",
    ],
)
def test_whose_nature_the_mechanism_is(extractor, text: str) -> None:  # noqa: ANN001
    assert not _mechanisms(extractor, text)


def test_what_all_had_is_not_denied_by_what_none_had(extractor) -> None:  # noqa: ANN001
    found = {
        (c.object, c.polarity)
        for c in extractor.extract(
            "Of the 9 children with OMS, none had seizures but all received dexamethasone."
        )
    }
    assert ("dexamethasone", "affirmed") in found, found


def test_a_tumours_recurrence_told_plainly_keeps_the_tumour(extractor) -> None:  # noqa: ANN001
    assert "neuroblastoma" in _objects(extractor, "In OMS, she later had a neuroblastoma relapse.")


def test_an_earlier_diagnosis_ends_at_then(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.object)
        for c in extractor.extract(
            "We first thought our daughter had labyrinthitis, then the myoclonus started."
        )
    }
    assert ("has_symptom", "myoclonus") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "It broke my heart to watch him walk like he was drunk, months before OMS was named.",
        "With OMS, her head, her hands, everything was shaking.",
    ],
)
def test_a_parents_story_is_no_test_and_shaking_is_no_oscillopsia(extractor, text: str) -> None:  # noqa: ANN001
    objects = _objects(extractor, text)
    assert not {"neurological examination", "oscillopsia"} & objects, objects


def test_figures_said_of_something_else() -> None:
    assert not found("No significant sex difference was found in relapse rate.")
    assert not found("Adults with OMS seldom die of lung cancer.")


def test_review_cases_of_descriptions(extractor) -> None:  # noqa: ANN001
    assert "refusal to walk" not in _objects(extractor, "With OMS, he won't walk for months.")
    assert "severe combined immunodeficiency" in _objects(
        extractor, "She had severe combined immunodeficiency and later developed opsoclonus."
    )
    assert {"video recording", "symptom diary"} <= _objects(
        extractor, "For OMS, film an episode and keep a diary."
    )


def test_a_mechanism_is_hedged_where_its_first_word_is(extractor) -> None:  # noqa: ANN001
    text = (
        "It is thought that the immune system, which fights infection, attacks the cerebellum "
        "in OMS."
    )
    assert _mechanisms(extractor, text) == {"autoimmune": "hedged"}


def test_a_letter_before_a_stop_ends_the_sentence_when_a_new_one_opens(extractor) -> None:  # noqa: ANN001
    from omsgraph.extract.pipeline import Extractor

    text = "PCR was positive for influenza B. He was treated with IVIG. Seen by J. Smith today."
    spans = [text[a:b] for a, b in Extractor.sentences(text, 0, len(text))]
    assert spans == [
        "PCR was positive for influenza B.",
        "He was treated with IVIG.",
        "Seen by J. Smith today.",
    ], spans


def test_a_synonym_loses_its_article_and_quotes(extractor) -> None:  # noqa: ANN001
    found = {
        c.object
        for c in extractor.extract(
            'OMS is also known as the Kinsbourne syndrome or "dancing eyes" syndrome.'
        )
        if c.predicate == "has_synonym"
    }
    assert "the kinsbourne syndrome" not in found and "dancing eyes syndrome" in found, found


def test_a_vaccine_denied_is_an_exposure_denied(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.polarity)
        for c in extractor.extract("The OMS patient received no vaccine in the month before onset.")
    }
    assert ("has_cause", "negated") in found, found


def test_forms_of_non_native_authors_and_a_dash_that_ends_a_denial(extractor) -> None:  # noqa: ANN001
    assert {"ultrasound", "myoclonus"} <= _objects(
        extractor, "In OMS the echography was normal and the myoclonias persisted."
    )
    found = {
        (c.object, c.polarity)
        for c in extractor.extract(
            "Our girl had OMS with no tumour - the doctors said it came after a virus."
        )
    }
    assert ("viral infection", "affirmed") in found, found


def test_a_known_scales_score_is_that_scale(extractor) -> None:  # noqa: ANN001
    objects = _objects(
        extractor, "In OMS the OMS Rating Scale (OMSRS) score fell; the OMSRS score was 4."
    )
    assert objects == {"oms rating scale"}, objects


def test_a_heading_naming_diagnosis_and_differentials_is_no_list_of_differentials(
    extractor,
) -> None:  # noqa: ANN001
    text = (
        "3. Diagnosis and differential diagnosis\n\n3.1 Clinical features\nHypotonia, tremor and "
        "drooling are often present in OMS.\n\n3.2 Mimics\nThe differential diagnosis includes "
        "labyrinthitis.\n"
    )
    found = {(c.predicate, c.object) for c in extractor.extract(text)}
    assert ("has_symptom", "hypotonia") in found, found
    assert ("differential_diagnosis", "labyrinthitis") in found, found


def test_a_differentials_heading_still_makes_its_lines_a_list(extractor) -> None:  # noqa: ANN001
    text = "OMS in children.\n\nDifferential diagnosis\n- Labyrinthitis\n- Miller Fisher syndrome\n"
    found = {(c.predicate, c.object.lower()) for c in extractor.extract(text)}
    assert ("differential_diagnosis", "miller fisher syndrome") in found, found


def test_tumours_sharing_their_head_are_each_named(extractor) -> None:  # noqa: ANN001
    objects = _objects(
        extractor, "In adults OMS may come with renal, gastric or thyroid carcinoma."
    )
    assert {"renal carcinoma", "thyroid carcinoma"} <= objects, objects


def test_posterior_fossa_tumours_and_intoxication_are_differentials(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.object)
        for c in extractor.extract(
            "The differential diagnosis of OMS includes posterior fossa tumours and drug toxicity."
        )
    }
    assert ("differential_diagnosis", "posterior fossa tumour") in found, found
    assert ("differential_diagnosis", "drug intoxication") in found, found


def test_a_disease_thought_unlikely_is_a_differential(extractor) -> None:  # noqa: ANN001
    found = {
        (c.predicate, c.object.lower())
        for c in extractor.extract(
            "In our OMS patient, Miller Fisher syndrome was considered unlikely."
        )
    }
    assert ("differential_diagnosis", "miller fisher syndrome") in found, found
