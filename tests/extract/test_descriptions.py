"""Signs told by description (rules/descriptions.tsv): what a parent sees, not the sign's name."""

from __future__ import annotations

import pytest

from .conftest import claims


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Her parents noticed erratic, jumping eye movements.", "opsoclonus"),
        ("The nurse saw his eyes flickering in every direction.", "opsoclonus"),
        ("He had brief, involuntary twitches when he tried to eat.", "myoclonus"),
        ("There were constant jerks of the hands and face.", "myoclonus"),
        ("By Friday she was lurching about like a drunk.", "ataxia"),
        ("He took clumsy, wide-based steps.", "ataxia"),
        ("She can no longer walk without help.", "ataxia"),
        ("His hands trembled at every meal.", "tremor"),
        ("She has had poor sleep for weeks.", "sleep disturbance"),
        ("He kept waking up in the night screaming.", "sleep disturbance"),
        ("She stopped talking almost overnight.", "loss of speech and language"),
    ],
)
def test_a_description_names_its_sign(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Knee jerks were brisk and symmetrical.",  # a reflex
        "Rapid eye movement sleep was preserved.",  # REM sleep
        "The doctor asked about her sleeping habits.",
        "She walked to school with her brother.",
        "The trembling leaves of the tree outside her window.",
    ],
)
def test_no_description_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    signs = {"opsoclonus", "myoclonus", "ataxia", "tremor", "sleep disturbance"}
    assert not {obj for _, obj in found} & signs


def test_a_named_sign_inside_keeps_its_name(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "She had sudden myoclonic jerks of the arms.")
    assert ("has_symptom", "myoclonus") in found


def test_a_negated_description(extractor) -> None:  # noqa: ANN001
    found = {(c.object, c.polarity) for c in extractor.extract("There were no jerks of the arms.")}
    assert ("myoclonus", "negated") in found


@pytest.mark.parametrize(
    "text",
    [
        "I could not stand the thought of another night on the ward.",
        "My hands shook as I filled in the forms.",
        "Her eyes were dancing with excitement.",
        "The two families stopped talking to each other.",
        "He could not walk yet at nine months, which is normal.",
    ],
)
def test_a_parents_state_or_a_figure_of_speech_is_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    assert not claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ('In OMS, she said the room was "jumping" when she moved.', "oscillopsia"),
        ("In OMS, he complained of bouncing vision.", "oscillopsia"),
        ("She had slurred speech since the OMS began.", "dysarthria"),
        (
            "Examination showed continuous, multidirectional saccadic oscillation of the eyes.",
            "opsoclonus",
        ),
        ("There were bursts of rapid, back-to-back saccades.", "opsoclonus"),
    ],
)
def test_more_signs_told_by_description(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


def test_a_parent_shaken_is_no_oscillopsia(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "My vision was blurred with tears and the room was spinning.")
    assert ("has_symptom", "oscillopsia") not in found


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("In OMS she lost the ability to sit without support.", "motor regression"),
        ("Our son stopped walking and sitting within a week.", "loss of ambulation"),
        ("Since the OMS began he no longer crawls.", "motor regression"),
        ("She became irritable and unable to sleep.", "sleep disturbance"),
        ("He stopped sleeping at night.", "sleep disturbance"),
    ],
)
def test_lost_skills_and_sleep_told_by_description(extractor, text: str, sign: str) -> None:  # noqa: ANN001
    assert ("has_symptom", sign) in claims(extractor, text)


@pytest.mark.parametrize("text", ["We couldn't sleep for worry.", "I could not sleep at all."])
def test_a_parent_who_cannot_sleep_describes_no_sign(extractor, text: str) -> None:  # noqa: ANN001
    assert ("has_symptom", "sleep disturbance") not in claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Her vision was flickering during migraine attacks.",
        "Our room was jumping with excitement.",
        "Vertical and horizontal saccades were normal on examination.",
    ],
)
def test_ordinary_eyes_and_vision_are_no_signs(extractor, text: str) -> None:  # noqa: ANN001
    found = claims(extractor, text)
    assert not {o for _, o in found} & {"oscillopsia", "opsoclonus"}
