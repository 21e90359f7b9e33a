"""A short line that states a figure ("Relapses: 40-60%") is a fact of a slide or fact box, not
a heading; a heading in title case without one stays a heading."""

from __future__ import annotations


def _values(extractor, text: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return {(c.attribute, c.object) for c in extractor.extract(text) if c.attribute}


def test_label_and_value_lines_are_read(extractor) -> None:  # noqa: ANN001
    text = (
        "Epidemiology\n"
        "Incidence: about 1 in 5 million children per year\n"
        "Relapses: 40-60%\n"
        "Sex: M = F\n"
        "Peak age 1-2 yrs\n"
    )
    found = _values(extractor, text)
    assert {a for a, _ in found} == {"incidence", "relapse rate", "sex ratio", "age at onset"}


def test_a_title_case_heading_states_no_figure(extractor) -> None:  # noqa: ANN001
    text = "Rare Diseases\nThe clinic sees children with many conditions.\n"
    assert not _values(extractor, text)


def test_a_case_boxs_age_is_one_patients(extractor) -> None:  # noqa: ANN001
    text = "Case 3\nAge: 11 months\nPresentation: opsoclonus and ataxia\n"
    assert not _values(extractor, text)
