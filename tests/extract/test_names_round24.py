"""Names of this round: a proposed name whose head is a clinician is a specialist, a named
instrument that a known concept names is no second proposal, and the body imaging of a
tumour search is one concept however its regions are listed. The sentences are written for
these tests."""

from __future__ import annotations

import pytest


def _claims(extractor, text: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return {(c.predicate, c.object) for c in extractor.extract(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Treatment of OMS involves paediatric neurologists, neuro-ophthalmologists and "
            "oncologists.",
            "ophthalmology",
        ),
        (
            "Treatments for OMS include IVIG, rituximab and a rehabilitation team.",
            "rehabilitation team",
        ),
        (
            "Treatments for OMS include IVIG, rituximab and developmental paediatricians.",
            "developmental paediatrics",
        ),
    ],
)
def test_a_clinician_is_a_specialist_whatever_the_frame(extractor, text, name) -> None:  # noqa: ANN001
    found = _claims(extractor, text)
    assert ("specialist", name) in found, found
    assert not [o for p, o in found if p == "treated_by" and o == name], found


def test_a_therapy_named_by_its_therapist_stays_a_treatment(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "Treatments for OMS include IVIG, rituximab and hippotherapy.")
    assert ("treated_by", "hippotherapy") in found, found


def test_a_known_instrument_is_not_proposed_again(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "In OMS, severity was scored on the Mitchell-Pike OMS rating scale.")
    assert [o for p, o in found if p == "diagnosed_by"] == ["OMS rating scale"], found


def test_an_unknown_instrument_is_still_proposed(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "In OMS, outcome was scored on the Brisbane Motor Outcome Scale.")
    assert ("diagnosed_by", "brisbane motor outcome scale") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "In OMS, thoracoabdominal MRI found a small mass.",
        "For OMS she had chest and abdominal MRI.",
    ],
)
def test_body_imaging_is_one_concept(extractor, text) -> None:  # noqa: ANN001
    found = _claims(extractor, text)
    assert ("diagnosed_by", "body MRI") in found, found
    assert not [o for p, o in found if o in ("chest", "abdomen", "pelvis")], found


@pytest.mark.parametrize(
    "text",
    [
        "In OMS the tumour usually lies in the chest or abdomen.",
        "The OMS work-up included MRI of the chest, abdomen and pelvis.",
        "Tests for OMS include CT of the neck, chest and tummy.",
    ],
)
def test_a_body_region_alone_is_no_concept(extractor, text) -> None:  # noqa: ANN001
    found = _claims(extractor, text)
    assert not [o for p, o in found if o in ("chest", "abdomen", "pelvis", "neck", "tummy")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("With OMS our boy drooled all the time.", "drooling"),
        ("In OMS toddlers keep falling over.", "falls"),
        ("After OMS began, her language had gone backwards.", "loss of speech and language"),
        ("With OMS there were these tiny jerks in his arms all day.", "myoclonus"),
    ],
)
def test_lay_descriptions_of_signs(extractor, text, name) -> None:  # noqa: ANN001
    assert ("has_symptom", name) in _claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "With OMS she kept falling asleep after the steroids.",
        "We fell over ourselves to get her seen for OMS.",
        "The OMS charity drooled over the new grant.",
    ],
)
def test_what_only_sounds_like_a_sign(extractor, text) -> None:  # noqa: ANN001
    found = _claims(extractor, text)
    assert not [o for p, o in found if o in ("falls", "drooling")], found


@pytest.mark.parametrize(
    "text",
    [
        "In OMS, removal of the tumour is advised when one is found.",
        "He had an operation to take out the neuroblastoma.",
        "For her OMS a complete surgical excision was performed.",
    ],
)
def test_the_removal_of_a_tumour_told_in_words(extractor, text) -> None:  # noqa: ANN001
    assert ("treated_by", "tumour resection") in _claims(extractor, text)


def test_removal_of_something_else_is_no_tumour_resection(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "In OMS, removal of the central line was delayed.")
    assert ("treated_by", "tumour resection") not in found, found


@pytest.mark.parametrize(
    ("text", "synonym"),
    [
        (
            "Opsoclonus-myoclonus-ataxia syndrome (OMAS) is rare.",
            "opsoclonus-myoclonus-ataxia syndrome",
        ),
        ("Dancing eyes syndrome is rare.", "dancing eyes syndrome"),
    ],
)
def test_another_name_the_document_uses_is_a_synonym(extractor, text, synonym) -> None:  # noqa: ANN001
    assert ("has_synonym", synonym) in _claims(extractor, text)


@pytest.mark.parametrize(
    "text", ["Opsoclonus myoclonus syndrome is rare.", "Opsoclonus-myoclonus is rare in adults."]
)
def test_a_spelling_or_a_shortening_of_the_name_is_no_synonym(extractor, text) -> None:  # noqa: ANN001
    assert not [o for p, o in _claims(extractor, text) if p == "has_synonym"]


def test_slide_abbreviations_of_drugs(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "OMS treatment\n- Refractory: RTX, CYC")
    assert {("treated_by", "rituximab"), ("treated_by", "cyclophosphamide")} <= found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("with OMS her eyes shook all day", "opsoclonus"),
        ("With OMS his eyes were doing this weird darting thing.", "opsoclonus"),
        ("In OMS there were saccades in all directions.", "opsoclonus"),
        ("with OMS she wouldnt sleep at all", "sleep disturbance"),
        ("With OMS he sleeps badly.", "sleep disturbance"),
    ],
)
def test_more_lay_descriptions(extractor, text, name) -> None:  # noqa: ANN001
    assert ("has_symptom", name) in _claims(extractor, text)


def test_a_parent_s_own_sleep_is_no_sign(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "We wouldnt sleep either, with OMS in the house.")
    assert ("has_symptom", "sleep disturbance") not in found, found


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "The initial working diagnosis was acute cerebellitis, later revised to OMS.",
            ("differential_diagnosis", "acute cerebellitis"),
        ),
        (
            "Before OMS she was initially thought to have labyrinthitis.",
            ("differential_diagnosis", "labyrinthitis"),
        ),
        ("OMS is often mistaken for epilepsy.", ("differential_diagnosis", "epilepsy")),
        ("Long-term complications of OMS include epilepsy.", ("has_complication", "epilepsy")),
        ("In adults OMS may be the first sign of an occult cancer.", ("has_cause", "tumour")),
        ("OMS led to the discovery of an ovarian teratoma.", ("has_cause", "ovarian teratoma")),
    ],
)
def test_earlier_diagnoses_sequels_and_revealed_tumours(extractor, text, claim) -> None:  # noqa: ANN001
    assert claim in _claims(extractor, text)


def test_an_infusion_reaction_is_no_infusion_treatment(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "In OMS, rituximab caused infusion reactions in two children.")
    assert not [o for p, o in found if p == "treated_by" and "infusion" in o], found


@pytest.mark.parametrize(
    "text",
    [
        "In OMS, imaging found a neuroblastoma in the adrenal gland, which was removed.",
        "The neuroblastoma of her OMS was resected laparoscopically.",
        "The outcome of OMS was not affected by the treatment of the neuroblastoma.",
    ],
)
def test_a_named_tumour_that_was_treated_was_there(extractor, text) -> None:  # noqa: ANN001
    found = {(c.predicate, c.object): c.polarity for c in extractor.extract(text)}
    assert found.get(("has_cause", "neuroblastoma")) == "affirmed", found


def test_what_else_a_drug_treats_is_no_cause(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "For OMS she had rituximab, also used to treat lymphoma.")
    assert ("has_cause", "lymphoma") not in found, found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "In OMS, long-term deficits in learning, language and behaviour are common.",
            {"learning difficulties", "expressive language impairment", "behavioural problems"},
        ),
        (
            "Children with OMS are left with problems with attention, speech and behaviour.",
            {"attention deficit", "speech difficulty", "behavioural problems"},
        ),
    ],
)
def test_a_deficit_head_before_its_list(extractor, text, names) -> None:  # noqa: ANN001
    found = {o for p, o in _claims(extractor, text) if p == "has_complication"}
    assert names <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "In OMS, scans found a tumour in her chest, which surgeons removed.",
        "In OMS the neuroblastoma was completely removed.",
        "Her OMS improved after the teratoma was excised.",
    ],
)
def test_a_tumour_that_was_removed(extractor, text) -> None:  # noqa: ANN001
    found = _claims(extractor, text)
    assert ("treated_by", "tumour resection") in found, found
    assert ("treated_by", "mass") not in found, found


@pytest.mark.parametrize(
    "text", ["In OMS the central line was removed.", "With OMS, a skin lesion was excised."]
)
def test_what_else_was_removed_is_no_tumour_resection(extractor, text) -> None:  # noqa: ANN001
    found = _claims(extractor, text)
    assert ("treated_by", "tumour resection") not in found, found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Her CD19 B-cell count fell over the following months of OMS.", "falls"),
        ("In OMS, rituximab, which was given to treat the myoclonus, helped.", None),
        (
            "The central line, which the surgeons removed, had become infected in OMS.",
            "tumour resection",
        ),
        ("Younger age at onset of OMS was associated with more cognitive impairment.", None),
    ],
)
def test_review_of_this_round_s_names(extractor, text, absent) -> None:  # noqa: ANN001
    found = {o for _, o in _claims(extractor, text)}
    if absent:
        assert absent not in found, found
    else:
        assert found & {"myoclonus", "cognitive impairment"}, found


def test_a_neuroblastoma_behind_the_kidney_is_found(extractor) -> None:  # noqa: ANN001
    found = _claims(extractor, "In OMS they found a neuroblastoma behind her left kidney.")
    assert ("has_cause", "neuroblastoma") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "In OMS her eyes fluttered closed and she fell asleep.",
        "He dribbled the ball despite his OMS.",
        "OMS summary\nNeuroblastoma: none found",
    ],
)
def test_what_only_looks_like_a_claim(extractor, text) -> None:  # noqa: ANN001
    assert _claims(extractor, text) == set()
