"""Figures in the forms of slides, fact boxes and patient pages: verbless "label value" lines,
short units ("1-3 yrs"), values in words (sexes affected equally, ages named by a life stage
or a group, "no deaths", "rarely fatal", "may be fatal if ..."), and the share of another
disease's patients who get the syndrome, which is neither a prevalence nor a tumour frequency.

Every sentence here is written for the test (none is taken from a development text or from
another document about the condition)."""

from __future__ import annotations

import pytest

from omsgraph.corpus.values import Span
from tests.extract.conftest import found, only


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Peak onset 2-4 yrs", [("age at onset", "2-4 years")]),
        ("Onset: 6-30 mths", [("age at onset", "6-30 months")]),
        ("Typical age at onset 3 yrs", [("age at onset", "3 years")]),
        ("Median age at onset 19 mo (range 7-60 mo)", [("age at onset", "median 19 months")]),
        ("Relapses: 40-70%", [("relapse rate", "40-70 %")]),
        ("Sequelae in ~3/4", [("long-term deficits", "~ 3 of 4 (75 %)")]),
        ("Mortality: <5%", [("mortality", "less than 5 %")]),
    ],
)
def test_verbless_label_lines_with_a_figure(sentence, expected) -> None:
    assert found(sentence) == expected


def test_a_short_unit_is_read_as_the_unit() -> None:
    assert only("Peak onset 2-4 yrs").value == Span("months", 24, 48)
    assert found("Follow-up 4 yrs") == []  # a duration, as in full words
    assert found("Between 2 and 3 more patients were referred.") == []  # "mo" of "more"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rare: about 1 in 8 million children per year", ("prevalence", "rare")),
        ("Very rare (<1 per million)", ("prevalence", "very rare")),
        ("Epidemiology: rare, about 1 per million", ("prevalence", "rare")),
        ("Prevalence: very rare", ("prevalence", "very rare")),
        ("The syndrome is uncommon at every age.", ("prevalence", "uncommon")),
        ("It is very rare.", ("prevalence", "rare")),
    ],
)
def test_rarity_as_a_label_or_a_predicate(sentence, expected) -> None:
    assert expected in found(sentence)


def test_rare_of_something_else_is_no_prevalence() -> None:
    assert found("It is rare for the tumour to spread.") == []
    assert found("Rare, but serious, complications include sepsis.") == []
    assert found("Rare (<1%) side effects include a rash.") == []
    assert found("Rare side effects include a rash.") == []
    assert found("Rarely, the gait stays unsteady.") == []


@pytest.mark.parametrize(
    ("sentence", "obj"),
    [
        ("Boys and girls are affected roughly equally.", "equal (boys and girls)"),
        ("The disorder affects both sexes equally.", "equal (both sexes)"),
        ("It is equally common in girls and boys.", "equal (girls and boys)"),
        ("Males and females are affected in similar numbers.", "equal (males and females)"),
        ("There is no sex difference.", "equal"),
        ("The sex ratio is roughly equal.", "equal"),
        ("No gender bias has been described.", "equal"),
        ("M = F", "equal (m = f)"),
    ],
)
def test_sexes_affected_equally(sentence, obj) -> None:
    assert found(sentence) == [("sex ratio", obj)]


def test_equal_of_something_else_is_no_sex_ratio() -> None:
    assert found("Boys were treated equally.") == []
    assert found("Both drugs worked equally well.") == []


@pytest.mark.parametrize(
    ("sentence", "obj"),
    [
        ("The paediatric form usually begins in early childhood.", "in early childhood"),
        ("In adults it typically appears in middle age.", "in middle age"),
        ("Rarely it can start later in childhood.", "later in childhood"),
        ("Symptoms may also develop later in life.", "later in life"),
        ("It tends to affect younger patients.", "younger patients"),
        ("Most patients are toddlers.", "mostly toddlers"),
        ("Most affected children are under 3 years.", "under 3 years"),
        ("Adolescents and adults can also be affected.", "adolescents and adults"),
        ("Older children may occasionally be affected.", "older children"),
        ("There is also an adult form of the syndrome.", "adult form"),
        ("The disorder has a paediatric and an adult form.", "paediatric and an adult form"),
    ],
)
def test_ages_in_words(sentence, obj) -> None:
    assert found(sentence) == [("age at onset", obj)]


def test_ages_in_words_that_are_no_onset() -> None:
    assert found("Relapses occur in adolescence.") == []
    assert found("Relapses are common in the adult form.") == [("relapse rate", "frequent relapse")]
    assert found("He was admitted in early childhood with pneumonia.") == []
    assert found("The jerks occur during life-threatening infections.") == []


@pytest.mark.parametrize(
    ("sentence", "obj"),
    [
        ("Relapses common", "frequent relapse"),
        ("Relapse: frequent", "frequent relapse"),
        ("Relapses are rare.", "rare relapse"),
    ],
)
def test_relapses_in_few_words(sentence, obj) -> None:
    assert found(sentence) == [("relapse rate", obj)]


@pytest.mark.parametrize(
    ("sentence", "obj"),
    [
        ("Mortality rare", "rare"),
        ("Mortality: low", "low"),
        ("Deaths are rare.", "rare"),
        ("The mortality is very low.", "very low"),
        ("It carries a low mortality.", "low"),
        ("There were no deaths.", "no deaths"),
        ("No patient died during follow-up.", "no deaths"),
        ("None of the children died.", "no deaths"),
        ("All 30 patients survived.", "no deaths"),
        ("No deaths occurred in the cohort.", "no deaths"),
        ("The syndrome is rarely fatal.", "rarely fatal"),
        ("It is seldom life-threatening.", "seldom life-threatening"),
        ("The condition is not usually fatal.", "not usually fatal"),
        (
            "In adults the syndrome may be fatal if the tumour is not treated.",
            "may be fatal (if the tumour is not treated)",
        ),
        (
            "Unless the cancer is controlled, the disorder can lead to death.",
            "can lead to death (unless the cancer is controlled)",
        ),
        (
            "Untreated, the disease can progress to coma and death.",
            "can progress to coma and death",
        ),
    ],
)
def test_mortality_in_words(sentence, obj) -> None:
    assert found(sentence) == [("mortality", obj)]


def test_deaths_of_something_else_are_no_mortality() -> None:
    assert found("Neuroblastoma can be fatal.") == []
    assert found("Infections on rituximab can be fatal.") == []
    assert found("The child did not die.") == []
    assert found("A vitamin deficit can be fatal.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Only about 2% to 4% of kids with neuroblastoma develop the syndrome.",
        "Roughly 2 % of babies with neuroblastoma go on to develop OMS.",
        "OMS develops in 1 in 50 children with neuroblastoma.",
        "About three percent of these children will develop OMS.",
    ],
)
def test_the_share_of_tumour_patients_who_get_the_syndrome_is_no_value(sentence) -> None:
    assert found(sentence) == []


def test_rates_and_shares_of_the_syndrome_itself_stay() -> None:
    assert found("About half of kids with OMS have a neuroblastoma.") == [
        ("tumour frequency", "about half")
    ]
    assert found("OMS affects 1 in 4 million children.") == [("prevalence", "1 in 4,000,000")]


def test_counts_of_both_sexes_keep_the_counts() -> None:
    figure = only("Thirty children were studied (17 girls, 13 boys).")
    assert figure.object == "57 % female (17 female, 13 male)"
    assert figure.value == Span("percent", 57, 57)


def test_deficits_counted_as_school_support_and_in_a_described_group() -> None:
    assert found("One in three needed special educational support.") == [
        ("long-term deficits", "1 of 3 (33 %)")
    ]
    assert found("A quarter of the children attend a special school.") == [
        ("long-term deficits", "a quarter")
    ]
    assert found("Lasting deficits are seen in most severely affected children.") == [
        ("long-term deficits", "most severely affected children")
    ]
    assert found("Most treated children walk again.") == []  # no cue


def test_a_time_since_or_into_something_is_no_age() -> None:
    assert found("Two years since diagnosis he still falls.") == []
    assert found("Three years since onset") == []
    assert found("Six months into treatment she relapsed.") == []
    assert found("Onset is usually between 1 and 3 years.") == [("age at onset", "1-3 years")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Prednisolone 2 mg/kg daily for 6 mo was given.",
        "A 3-yr-old boy presented with ataxia.",
        "The girl, aged 2 yrs, had opsoclonus.",
        "Relapse-free survival at 2 yrs was 70 %.",
        "The difference was significant (p = 0.03, 95 % CI 2-10).",
        "Dexamethasone 20 mg/m2 per day for 3 days every month was given.",
    ],
)
def test_doses_durations_one_patient_and_statistics_in_short_units_are_no_values(sentence) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Around 20 to 30 children are diagnosed each year in the UK.",
            ("incidence", "around 20 to 30 children per year"),
        ),
        (
            "About 15 new cases are diagnosed in the country every year.",
            ("incidence", "about 15 new cases per year"),
        ),
        (
            "Roughly 10 children are newly diagnosed with it each year.",
            ("incidence", "roughly 10 children per year"),
        ),
    ],
)
def test_new_cases_counted_per_year_are_an_incidence(sentence, expected) -> None:
    assert found(sentence) == [expected]


def test_a_count_of_one_series_is_no_incidence() -> None:
    assert found("We saw 12 patients in one year.") == []
    assert found("Fewer than 300 cases have been reported.") == [
        ("prevalence", "fewer than 300 cases have been reported")
    ]


def test_the_age_of_the_children_affected_without_a_unit() -> None:
    assert found("It usually affects children under 5.") == [("age at onset", "under 5 years")]
    assert found("It mostly affects children under the age of three.") == [
        ("age at onset", "under 3 years")
    ]
    assert found("Most affected children are younger than 3.") == [
        ("age at onset", "mostly younger than 3")
    ]
    assert found("Children under 5 received 2 mg/kg.") == []  # a dose group
    assert found("The dose for children under 30 kg is lower.") == []


def test_a_relapsing_remitting_course_is_a_relapse_cue() -> None:
    assert found("Around one third of children have a relapsing-remitting course.") == [
        ("relapse rate", "around one third")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Female sex: 58%", [("sex ratio", "58 % female")]),
        ("Girls: 55%", [("sex ratio", "55 % female")]),
        ("- Males = 12 (40%)", [("sex ratio", "40 % male")]),
        ("Median age (range): 19 (6-84) months", [("age at onset", "median 19 months")]),
        ("Median age (IQR) 22 months", [("age at onset", "median 22 months")]),
    ],
)
def test_table_and_fact_box_labels(sentence, expected) -> None:
    assert found(sentence) == expected


def test_a_sex_inside_another_label_is_no_sex_ratio() -> None:
    assert found("Relapses in girls: 30%") == [("relapse rate", "30 %")]
    assert found("Boys: treated with ACTH in 40%") == []


def test_a_range_of_ages_without_a_unit() -> None:
    assert found("It is most common in children aged 1 to 3.") == [("age at onset", "1-3 years")]
    assert found("Most children are aged between 1 and 3 when it starts.") == [
        ("age at onset", "1-3 years")
    ]
    assert found("The boy, aged 2, had ataxia.") == []  # one patient
    assert found("Doses for children aged 2-5 kg were halved.") == []


def test_a_described_patient_is_one_patient() -> None:
    assert found("A previously healthy girl aged 3 years presented with ataxia.") == []
    assert found("The 14-year-old boy, aged 14 years, was referred.") == []
    assert found("Children with OMS are usually diagnosed at 18 months.") == [
        ("age at onset", "18 months")
    ]


def test_deaths_from_a_procedure_are_no_mortality_of_the_syndrome() -> None:
    assert found("No deaths from the procedure occurred in our unit.") == []
    assert found("No treatment-related deaths occurred.") == []
    assert found("No deaths from the syndrome were recorded.") == [("mortality", "no deaths")]


def test_a_share_of_another_diseases_patients_next_to_a_tumour_cue() -> None:
    assert found(
        "Up to 50% of children with OMS have a neuroblastic tumour, while only 2-3% of "
        "children with neuroblastoma develop OMS."
    ) == [("tumour frequency", "up to 50 %")]


def test_the_sexes_of_relapses_or_a_tumour_are_no_sex_ratio() -> None:
    assert found("Relapses were more frequent in girls (62% vs 30%).") == [
        ("relapse rate", "62 %"),
        ("relapse rate", "30 %"),
    ]
    assert found("Neuroblastoma is more common in boys.") == []
    assert found("The syndrome is more common in girls, but relapses are equally frequent.") == [
        ("sex ratio", "female predominance (more common in girls)")
    ]


@pytest.mark.parametrize(
    ("sentence", "obj"),
    [
        ("It tends to affect people in their fifth or sixth decade.", "fifth or sixth decade"),
        ("The adult form presents in the sixth decade of life.", "sixth decade of life"),
        ("Adults are usually affected in the fifth decade.", "fifth decade"),
    ],
)
def test_an_adult_age_in_decades(sentence, obj) -> None:
    assert found(sentence) == [("age at onset", obj)]


def test_one_patients_decade_is_no_age_at_onset() -> None:
    assert found("He presented in his sixth decade with ataxia.") == []
    assert found("She was in her fifth decade.") == []


def test_a_share_with_its_count_in_brackets_is_one_figure() -> None:
    figure = only("The relapse rate was 47% (27/58).")
    assert (figure.attribute, figure.object, figure.qualifier) == (
        "relapse rate",
        "47 %",
        "27 of 58",
    )
    assert found("Relapses occurred in 45% (9 of 20).") == [("relapse rate", "45 %")]
