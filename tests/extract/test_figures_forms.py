"""Figures in the forms new literature writes them: rates with other separators and
denominators, shares written as rates, sexes and ratios in more words, age ranges across
units, shares that a "vs" joins, and the numbers that are no epidemiology (one patient's age,
a confidence interval, a recovery, a share of all childhood cancers).

Every sentence here is written for the test (none is taken from a development text or from
another document about the condition)."""

from __future__ import annotations

import pytest

from omsgraph.corpus.values import Rate, Span
from omsgraph.extract.figures import find_figures
from tests.extract.conftest import found, only


@pytest.mark.parametrize(
    ("sentence", "attribute", "obj", "per_person"),
    [
        (
            "It occurs in approximately 1 of every 500,000 live births.",
            "prevalence",
            "approximately 1 in 500,000",
            2e-6,
        ),
        ("The incidence in our region was 1:400,000.", "incidence", "1 in 400,000", 2.5e-6),
        (
            "The incidence is 1 in 10 000 000 per year.",
            "incidence",
            "1 in 10,000,000 per year",
            1e-7,
        ),
        (
            "The incidence rate was 0.22 per 10^6 children per year.",
            "incidence",
            "0.22 in 1,000,000 per year",
            2.2e-7,
        ),
        (
            "We found an annual incidence of 0.18 per million children.",
            "incidence",
            "0.18 in 1,000,000 per year",
            1.8e-7,
        ),
        (
            "Around 1/250 000 children develop the syndrome.",
            "prevalence",
            "around 1 in 250,000",
            4e-6,
        ),
    ],
)
def test_rates_in_more_forms(sentence: str, attribute: str, obj: str, per_person: float) -> None:
    figure = only(sentence)
    assert (figure.attribute, figure.object) == (attribute, obj)
    assert isinstance(figure.value, Rate)
    assert figure.value.per_person == pytest.approx(per_person)


def test_a_range_of_rates_keeps_both_ends() -> None:
    figure = only("Its incidence is roughly 0.25-0.45 cases per million children per year.")
    assert (figure.attribute, figure.object) == (
        "incidence",
        "roughly 0.25-0.45 in 1,000,000 per year",
    )
    assert figure.population == "children"


@pytest.mark.parametrize(
    ("sentence", "attribute", "obj", "percent"),
    [
        (
            "Nearly one in two children with the syndrome harbour a neuroblastoma.",
            "tumour frequency",
            "nearly 1 of 2 (50 %)",
            (45, 55),
        ),
        ("A tumour was detected in 9/20 patients.", "tumour frequency", "9 of 20 (45 %)", (45, 45)),
        (
            "Sadly, around 3 in 10 children relapse.",
            "relapse rate",
            "around 3 of 10 (30 %)",
            (25, 35),
        ),
        ("Relapses occurred in 18/34 children (53%).", "relapse rate", "18 of 34 (53 %)", (53, 53)),
        ("Relapse occurred in 12 of 25 (48 %).", "relapse rate", "12 of 25 (48 %)", (48, 48)),
    ],
)
def test_shares_written_as_rates_or_counts(
    sentence: str, attribute: str, obj: str, percent: tuple[float, float]
) -> None:
    figure = only(sentence)
    assert (figure.attribute, figure.object, figure.qualifier) == (attribute, obj, "")
    assert figure.value == Span("percent", *percent)


def test_a_share_written_as_a_rate_needs_a_small_denominator() -> None:
    assert found("Four in 10 children have a tumour.") == [("tumour frequency", "4 of 10 (40 %)")]
    assert found("A tumour is found in 1 in 100,000 people.") == []


@pytest.mark.parametrize(
    ("sentence", "obj"),
    [
        (
            "The cohort comprised 31 female and 19 male patients.",
            "62 % female (31 female, 19 male)",
        ),
        ("Twelve were boys and eight were girls.", "40 % female (8 female, 12 male)"),
        ("Fifty-five percent of the patients were girls.", "55 % female"),
        ("Female patients made up 62% of the series.", "62 % female"),
        ("A female predominance (1.5:1) was noted.", "1.5:1 female predominance"),
        ("There was a slight female predominance (F:M 1.3:1).", "1.3:1 female:male"),
        ("The male:female ratio was 1:1.4.", "1:1.4 male:female"),
    ],
)
def test_sexes_in_more_words(sentence: str, obj: str) -> None:
    assert found(sentence) == [("sex ratio", obj)]


def test_a_share_of_one_sex_measures_what_follows() -> None:
    assert found("Overall, 40 % of boys relapsed.") == [("relapse rate", "40 %")]


@pytest.mark.parametrize(
    ("sentence", "obj", "months"),
    [
        ("Onset is typically between 6 months and 3 years of age.", "6 months-3 years", (6, 36)),
        ("The children were aged 8 months to 4 years at onset.", "8 months-4 years", (8, 48)),
        ("Median onset age was 17 months.", "median 17 months", (17, 17)),
        ("The median age at symptom onset was 2 years.", "median 2 years", (24, 24)),
    ],
)
def test_ages_across_units_and_medians(sentence: str, obj: str, months: tuple) -> None:
    figure = only(sentence)
    assert (figure.attribute, figure.object) == ("age at onset", obj)
    assert figure.value == Span("months", *months)


def test_a_range_across_units_is_the_medians_qualifier() -> None:
    figure = only("The median age at onset was 20 months (range 6 months-5 years).")
    assert (figure.object, figure.qualifier) == ("median 20 months", "range 6 months-5 years")


def test_up_to_is_no_range() -> None:
    figure = only("An occult neuroblastoma is present in up to 80 % of children.")
    assert (figure.attribute, figure.object) == ("tumour frequency", "up to 80 %")


def test_words_of_the_population_are_no_cue() -> None:
    figure = only("Long-term neurological sequelae were present in 70-80 % of survivors.")
    assert (figure.attribute, figure.object, figure.population) == (
        "long-term deficits",
        "70-80 %",
        "survivors",
    )


def test_figures_joined_by_vs_or_and_share_their_cue() -> None:
    assert found("The relapse rate was lower with rituximab (15 % versus 52 %).") == [
        ("relapse rate", "15 %"),
        ("relapse rate", "52 %"),
    ]
    first, second = find_figures(
        "Relapses occurred in 7 % of idiopathic and 24 % of paraneoplastic patients."
    )
    assert [(f.attribute, f.object) for f in (first, second)] == [
        ("relapse rate", "7 %"),
        ("relapse rate", "24 %"),
    ]
    assert second.population == "paraneoplastic patients"


def test_a_recovery_is_no_deficit() -> None:
    assert found("Only 20 % recovered without deficits.") == []
    assert found("Relapses were rare, and 60 % achieved complete remission.") == []


def test_a_confidence_interval_is_no_figure() -> None:
    assert found("The 5-year overall survival was 92 % (95 % CI 85-97 %).") == [
        ("mortality", "92 % survival")
    ]


def test_the_age_of_one_patient_is_no_epidemiology() -> None:
    """A case report's patient is no population: a curator records her age with the case,
    not as the age at onset of the condition."""
    assert found("She was 18 months old when the symptoms began.") == []
    assert found("At the age of 3 years he presented with ataxia.") == []
    assert found("The patient, aged 14 months, developed myoclonus.") == []
    assert found("The child, aged 2 years, developed ataxia.") == []
    assert found("The child was 20 months old when the tremor began.") == []
    assert found("Typically the child is 18 months old at onset.") == [
        ("age at onset", "18 months")
    ]
    # "his or her" is any child, not one patient
    assert found("Symptoms usually start at about 18 months, when his or her gait worsens.") == [
        ("age at onset", "about 18 months")
    ]


def test_a_share_of_all_childhood_cancers_is_no_tumour_frequency() -> None:
    assert found("Neuroblastoma makes up 7 % of all childhood cancers.") == []


def test_more_words_for_long_term_deficits() -> None:
    assert found("Language delay persisted in 40 % of children.") == [
        ("long-term deficits", "40 %")
    ]
    figure = only("Roughly two-thirds of children develop long-term problems with learning.")
    assert (figure.attribute, figure.object) == ("long-term deficits", "roughly two thirds")
    assert figure.value == Span("percent", 61.7, 71.7)
    assert found("One-third of children relapse when steroids are reduced.") == [
        ("relapse rate", "one third")
    ]


def test_a_figure_that_begins_a_clause_of_its_own_keeps_no_cue_of_the_one_before() -> None:
    """A guard on the "vs"/"and" rule above: after an "and" the second figure must end a list."""
    sentence = "Relapses were seen early in 30 %, and 20 % were then given IVIG."
    assert found(sentence) == [("relapse rate", "30 %")]
    assert found("Relapses were seen early in 30 % and 45 %, respectively.") == [
        ("relapse rate", "30 %"),
        ("relapse rate", "45 %"),
    ]


def test_survivors_are_a_population_not_a_survival() -> None:
    figure = only("At last visit, 37 of 55 survivors (67 %) had cognitive deficits.")
    assert (figure.attribute, figure.object) == ("long-term deficits", "37 of 55 (67 %)")


def test_an_age_limit_inside_a_rate_keeps_it_yearly() -> None:
    figure = only("The incidence is 0.2 cases per million children under 5 years per year.")
    assert (figure.attribute, figure.object) == ("incidence", "0.2 in 1,000,000 per year")


@pytest.mark.parametrize(
    ("sentence", "obj", "percent"),
    [
        ("Neuroblastoma is found in 40%–60% of cases.", "40-60 %", (40, 60)),
        ("A tumour is detected in ≈ 30 % of children.", "about 30 %", (25, 35)),
        ("Relapses occur in ≥ 40 % of patients.", "at least 40 %", None),
        ("Mortality is <4 %.", "less than 4 %", None),
    ],
)
def test_shares_with_signs(sentence: str, obj: str, percent: tuple | None) -> None:
    figure = only(sentence)
    assert figure.object == obj
    if percent:  # a bound ("at least") is for omsgraph.corpus.values to read
        assert figure.value == Span("percent", *percent)


def test_the_share_of_a_sign_is_no_prevalence() -> None:
    assert found("In our series, 80 % of children had opsoclonus at presentation.") == []
    assert found("Of 40 patients, 36 (90 %) had opsoclonus and 30 (75 %) had ataxia.") == []


def test_the_condition_seen_in_a_share_of_a_population_is_no_prevalence() -> None:
    assert found("Opsoclonus-myoclonus occurs in 2 % of children with neuroblastoma (4, 9).") == []
    assert found("The syndrome is diagnosed in 1 in 3 infants with neuroblastoma.") == []


def test_a_relapse_free_survival_is_no_mortality() -> None:
    assert found("Relapse-free survival at 2 years was 60 %.") == []
    assert found("Event-free survival was 70 %, and overall survival reached 98 %.") == [
        ("mortality", "98 % survival")
    ]


def test_two_groups_of_one_kind_of_persons() -> None:
    first, second = find_figures(
        "Relapse was seen in 12 % of paraneoplastic and 30 % of idiopathic cases."
    )
    assert [(f.attribute, f.object, f.population) for f in (first, second)] == [
        ("relapse rate", "12 %", "paraneoplastic cases"),
        ("relapse rate", "30 %", "idiopathic cases"),
    ]


def test_a_comparison_across_the_words_of_a_group() -> None:
    assert found(
        "Relapses were observed in 55.6% of children treated with steroids alone, compared "
        "with 20% of those given rituximab."
    ) == [("relapse rate", "55.6 %"), ("relapse rate", "20 %")]


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("The overall survival at 5 years was 95 %.", "at 5 years"),
        ("Five-year survival reached 90 % in this cohort.", "5-year"),
        ("Within 2 years, 40 % of children relapsed.", "within 2 years"),
        (
            "Relapses occurred in 21 children (36 %), after a median of 9 months.",
            "n = 21; after a median of 9 months",
        ),
        ("Twelve children (44 %) had at least one relapse.", "n = 12"),
    ],
)
def test_the_time_a_figure_holds_at_is_its_qualifier(sentence: str, qualifier: str) -> None:
    assert only(sentence).qualifier == qualifier


def test_a_time_frame_is_no_qualifier_of_a_prevalence_or_across_a_semicolon() -> None:
    assert only("The prevalence was 1 in 50,000 over 10 years.").qualifier == ""
    assert only("Relapse was seen in 30 %; 2 years later most were well.").qualifier == ""


def test_fact_box_forms() -> None:
    """Slides and fact boxes: "Attribute: value" lines with symbols."""
    assert found("Incidence: 1/3,000,000/year") == [("incidence", "1 in 3,000,000 per year")]
    assert found("Sex: F = M") == [("sex ratio", "equal (f = m)")]
    assert found("Course - girls somewhat more than boys, mostly toddlers") == [
        ("sex ratio", "slight female predominance (girls somewhat more than boys)")
    ]
    assert only("Girls are affected slightly more often than boys.").object == (
        "slight female predominance (girls are affected slightly more often)"
    )


@pytest.mark.parametrize(
    ("sentence", "obj"),
    [
        ("The incidence was 0.03 per 100,000 person-years.", "0.03 in 100,000 per year"),
        ("The incidence was 0.4 cases/million/year.", "0.4 in 1,000,000 per year"),
    ],
)
def test_rates_per_person_year_and_with_slashes(sentence: str, obj: str) -> None:
    assert found(sentence) == [("incidence", obj)]


def test_mortality_in_few_words() -> None:
    assert found("Fewer than 8 % of patients die.") == [("mortality", "fewer than 8 %")]
    assert found("Death from the syndrome itself is very rare.") == [("mortality", "very rare")]
    assert found("The mortality rate is low.") == [("mortality", "low")]


def test_a_median_age_at_relapse_is_no_age_at_onset() -> None:
    assert found("Relapse occurred at a median age of 3 years.") == []
    assert found("At diagnosis the median age was 22 months.") == [
        ("age at onset", "median 22 months")
    ]


def test_review_forms_of_sex_and_age() -> None:
    assert found("The ratio of girls to boys is approximately 1.3 to 1.") == [
        ("sex ratio", "1.3:1")
    ]
    assert found("The female to male ratio was 3 to 2.") == [("sex ratio", "3:2")]
    assert found("About two thirds of patients are girls.") == [
        ("sex ratio", "about two thirds female")
    ]
    assert found("Onset ranges from 6 to 36 months, with a peak at 20 months.") == [
        ("age at onset", "6-36 months, 20 months")
    ]
    assert found("Relapses fell from 40 to 20 after the change.") == []


def test_a_bound_below_a_share_and_a_follow_up_beyond() -> None:
    assert found("Mortality related to the syndrome is below 4%.") == [("mortality", "below 4 %")]
    figure = only("Cognitive impairment was found in 9 of 13 (69%) children seen beyond 5 years.")
    assert (figure.attribute, figure.qualifier) == ("long-term deficits", "beyond 5 years")


def test_signs_before_an_age() -> None:
    figure = only("Most children are aged <2 years at onset.")
    assert (figure.object, figure.value) == ("under 2 years", Span("months", 0, 24))
    assert only("Onset is at ≤ 3 years in most.").object == "under 3 years"


def test_news_forms() -> None:
    """A rate of people with no cue word is still a prevalence; 'more girls than boys'."""
    assert found("Experts think only 1 in 8 million people get it.") == [
        ("prevalence", "only 1 in 8,000,000")
    ]
    assert found("A rate of 1 in 8 million was not reached.") == []  # no people, no cue
    assert found("The syndrome affects slightly more girls than boys.") == [
        ("sex ratio", "female predominance (more girls than boys)")
    ]
    assert only("A quarter of children relapse within a year.").qualifier == "within a year"


def test_opsoclonus_in_a_share_of_another_disease_is_no_prevalence() -> None:
    assert found("About 2 % of children with neuroblastoma develop opsoclonus.") == []
    assert found("In our series, 80 % of children with OMS had opsoclonus.") == []


def test_a_rate_with_a_person_word_before_the_denominator_is_a_prevalence() -> None:
    assert found("Roughly one child in every 3 million develops it.") == [
        ("prevalence", "roughly 1 in 3,000,000")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "OMS affects 1 in " + "9" * 400 + " children.",
        "Relapses occurred in 1e320 % of children with OMS.",
        "OMS affects 1 in 0 children.",
        "Relapses occurred in 320 % of children with OMS.",
    ],
)
def test_a_number_that_is_no_figure_gives_no_value_and_no_error(extractor, sentence):
    assert not [c for c in extractor.extract(sentence) if c.attribute]
