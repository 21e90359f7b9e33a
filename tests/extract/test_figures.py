"""Figures in sentences: every form a value takes, the attribute its cue words give, the
parsed value, population, qualifier and offsets; the cue table's errors; the pipeline hook.

Every sentence here is written for the test (none is taken from a development text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from omsgraph.corpus.model import Concept
from omsgraph.corpus.values import Category, Rate, Span
from omsgraph.corpus.vocabulary import Vocabulary
from omsgraph.errors import DataError
from omsgraph.extract.figures import find_figures, load_rules
from omsgraph.extract.pipeline import Extractor
from tests.extract.conftest import found, only


@pytest.mark.parametrize(
    ("sentence", "attribute", "obj", "value"),
    [
        (
            "The disorder has an incidence of 1 in 2,500,000 per year.",
            "incidence",
            "1 in 2,500,000 per year",
            Rate(4e-7),
        ),
        (
            "It is thought to affect one in a million people.",
            "prevalence",
            "1 in 1,000,000",
            Rate(1e-6),
        ),
        (
            "We estimated 0.3 new cases per million children each year.",
            "incidence",
            "0.3 in 1,000,000 per year",
            Rate(3e-7),
        ),
        (
            "The estimated prevalence was 1/200,000 in our region.",
            "prevalence",
            "1 in 200,000",
            Rate(5e-6),
        ),
        (
            "The syndrome affects roughly two out of every three million infants.",
            "prevalence",
            "roughly 2 in 3,000,000",
            Rate(2 / 3e6),
        ),
        (
            "Roughly one baby in every 400,000 is affected each year.",
            "incidence",
            "roughly 1 in 400,000 per year",
            Rate(2.5e-6),
        ),
    ],
)
def test_rates(sentence: str, attribute: str, obj: str, value: Rate) -> None:
    figure = only(sentence)
    assert (figure.attribute, figure.object) == (attribute, obj)
    assert isinstance(figure.value, Rate)
    assert figure.value.per_person == pytest.approx(value.per_person)
    assert figure.predicate == "epidemiology"


def test_counts_with_a_share_of_one_sex() -> None:
    figure = only("The series had 40 children, 23 (57.5 %) female, from three centres.")
    assert (figure.attribute, figure.object) == ("sex ratio", "57.5 % female")
    assert figure.value == Span("percent", 57.5, 57.5)
    assert figure.qualifier == "n = 23"
    figure = only("Of the 31 adults, 12 [39%] were men.")
    assert (figure.attribute, figure.object) == ("sex ratio", "39 % male")


def test_counts_of_girls_and_boys() -> None:
    figure = only("We saw 30 boys and 10 girls over a decade.")
    assert (figure.attribute, figure.object) == ("sex ratio", "25 % female (10 female, 30 male)")
    assert figure.qualifier == "10 female, 30 male"


def test_a_share_stated_twice_is_one_figure() -> None:
    figure = only("An adrenal tumour was removed in 6 of 8 children (75 %).")
    assert (figure.attribute, figure.object) == ("tumour frequency", "6 of 8 (75 %)")


def test_shares_of_patients() -> None:
    figure = only("A neuroblastoma was found in 48 % of patients.")
    assert (figure.attribute, figure.object) == ("tumour frequency", "48 %")
    figure = only("Roughly a third of the children relapsed within two years.")
    assert (figure.attribute, figure.object) == ("relapse rate", "roughly a third")
    assert figure.predicate == "prognosis"
    figure = only("Nine of 20 patients had an underlying tumour.")
    assert (figure.attribute, figure.object) == ("tumour frequency", "9 of 20 (45 %)")
    assert figure.value == Span("percent", 45, 45)


def test_spelled_out_numbers_become_digits() -> None:
    figure = only("In some sixty-two per cent of the cases a tumour of the adrenal gland is found.")
    assert (figure.attribute, figure.object) == ("tumour frequency", "some 62 %")
    assert figure.value == Span("percent", 57, 67)


def test_median_age_with_range_and_two_groups() -> None:
    figure = only("The mean age at onset was 19 months (range 8-40 months).")
    assert (figure.attribute, figure.object) == ("age at onset", "mean 19 months")
    assert figure.qualifier == "range 8-40"
    assert figure.value == Span("months", 19, 19)
    first, second = find_figures(
        "Girls were older than boys (median age, 24 [IQR, 18-30] vs 17 [IQR, 12-22] months)."
    )
    assert (first.object, first.qualifier) == ("median 24 months", "iqr 18-30")
    assert (second.object, second.qualifier) == ("median 17 months", "iqr 12-22")


@pytest.mark.parametrize(
    ("sentence", "obj", "months"),
    [
        ("Symptoms usually begin between 9 and 30 months of age.", "9-30 months", (9, 30)),
        (
            "Onset falls in the first or second year of life.",
            "first or second year of life",
            (0, 24),
        ),
        ("Most patients are diagnosed under the age of three.", "under 3 years", (0, 36)),
        ("It is typically diagnosed at about 20 months old.", "about 20 months", (16, 24)),
        ("Children aged 1-4 years are affected most.", "1-4 years", (12, 48)),
        ("It tends to begin between the ages of two and four.", "2-4 years", (24, 48)),
        ("Their ages ranged from 3 to 9 years.", "3-9 years", (36, 108)),
    ],
)
def test_ages(sentence: str, obj: str, months: tuple[float, float]) -> None:
    figure = only(sentence)
    assert (figure.attribute, figure.object) == ("age at onset", obj)
    assert isinstance(figure.value, Span) and figure.value.scale == "months"
    assert (figure.value.low, figure.value.high) == pytest.approx(months)


def test_durations_and_patient_ages_are_no_onset_ages() -> None:
    assert found("She took prednisolone for 2 years.") == []
    assert found("After 6 months of follow-up the gait was normal.") == []
    assert found("A 14-month-old boy had trembling hands.") == []


def test_a_count_with_its_share_is_the_subject_of_what_follows() -> None:
    figure = only("During follow-up, 11 toddlers (26 %) had a relapse.")
    assert (figure.attribute, figure.object, figure.qualifier) == ("relapse rate", "26 %", "n = 11")
    assert figure.population == "children"


def test_time_to_diagnosis_is_no_age() -> None:
    assert found("The median delay to diagnosis was 2 months.") == []
    assert found("Mean time to diagnosis: 5 weeks, or about 1 month.") == []


def test_survival_is_read_as_mortality() -> None:
    figure = only("Five-year survival reached 88 % in our series.")
    assert (figure.attribute, figure.object) == ("mortality", "88 % survival")
    assert figure.value == Span("percent", 12, 12)


def test_relapses_in_two_groups() -> None:
    first, second = find_figures(
        "Relapses occurred in 18 % vs 45 % of the treated and untreated groups."
    )
    assert [(f.attribute, f.object) for f in (first, second)] == [
        ("relapse rate", "18 %"),
        ("relapse rate", "45 %"),
    ]


def test_a_figure_in_brackets_speaks_of_what_precedes_it() -> None:
    assert found("Fever was common (61 %; p = .03), but relapses were not counted.") == []


def test_share_of_a_population_with_a_tumour() -> None:
    # the share of tumour patients who get the syndrome is neither its prevalence nor the
    # share of its patients with a tumour
    assert found("Only 1-3 % of infants with neuroblastoma develop opsoclonus-myoclonus.") == []
    figure = only("Over 40 % of children with this syndrome harbour a neural crest tumour.")
    assert (figure.attribute, figure.population) == ("tumour frequency", "children")
    # a tumour that names the population measures nothing
    assert found("Antibodies were seen in 4 of 9 patients (44 %) with lung cancer.") == []


def test_words_for_shares() -> None:
    assert found("About half of the children have a ganglioneuroblastoma.") == [
        ("tumour frequency", "about half")
    ]
    assert found("In most cases a neuroblastoma is found on imaging.") == [
        ("tumour frequency", "most cases")
    ]
    figure = only("Persistent learning problems remain in two thirds of patients.")
    assert (figure.attribute, figure.object) == ("long-term deficits", "two thirds")


def test_mortality_and_survival() -> None:
    figure = only("Mortality was 4 % in the whole cohort.")
    assert (figure.attribute, figure.object, figure.predicate) == ("mortality", "4 %", "prognosis")
    assert found("The condition is rarely fatal.") == [("mortality", "rarely fatal")]


def test_counts_of_reported_cases() -> None:
    figure = only("Fewer than 300 cases have been reported in adults.")
    assert figure.attribute == "prevalence"
    assert figure.object == "fewer than 300 cases have been reported"
    assert figure.value == Span("cases", 0, 300)
    assert figure.population == "adults"


def test_sex_ratio_as_a_ratio_and_in_words() -> None:
    figure = only("The female-to-male ratio was 1.5:1.")
    assert (figure.attribute, figure.object, figure.value) == (
        "sex ratio",
        "1.5:1",
        Span("ratio", 1.5, 1.5),
    )
    assert only("It is somewhat more common in boys.").value == Category("sex", "male")
    figure = only("Both sexes are affected equally.")
    assert (figure.object, figure.value) == ("equal (both sexes)", Category("sex", "equal"))
    assert found("There is no sex predilection.") == [("sex ratio", "equal")]
    assert found("We met at 2:30 in the clinic.") == []  # a time, no cue


def test_values_without_a_number() -> None:
    assert found("This is an extremely rare neurological disorder.") == [
        ("prevalence", "extremely rare")
    ]
    assert found("In rare instances the gait stays unsteady.") == []
    assert found("It mainly affects toddlers.") == [("age at onset", "toddlers")]
    assert found("The disease is seen in both children and adults.") == [
        ("age at onset", "children and adults")
    ]
    assert found("Symptoms often relapse during infections.") == [
        ("relapse rate", "frequent relapse")
    ]


def test_offsets_point_into_the_sentence() -> None:
    sentence = "Of note, 7 % of our patients died."
    figure = only(sentence)
    assert sentence[figure.start : figure.end] == "7 %"
    assert figure.attribute == "mortality"


def test_numbers_without_cue_are_no_values() -> None:
    assert found("The trial enrolled 52 patients in 2019 (p < 0.01).") == []
    assert found("Ataxia was present in 90 % of patients.") == []
    assert found("The sensitivity was 80 % for MIBG.") == []


def test_bad_rule_rows_name_file_and_line(tmp_path: Path) -> None:
    table = tmp_path / "figures.tsv"
    table.write_text("# comment\nprevalence\trate\tboth\t4\tprevalence\n", encoding="utf-8")
    assert load_rules(table)[0].attribute == "prevalence"
    for row, message in (
        ("happiness\trate\tboth\t4\tjoy", "unknown attribute"),
        ("prevalence\tpie\tboth\t4\tx", "unknown figure kind"),
        ("prevalence\trate\tsomewhere\t4\tx", "bad side"),
        ("prevalence\trate\tboth\t4\t(unclosed", "bad pattern"),
        ("prevalence\trate", "expected attribute"),
    ):
        table.write_text("# comment\n" + row + "\n", encoding="utf-8")
        with pytest.raises(DataError, match=rf"figures.tsv:2: {message}"):
            load_rules(table)


def test_the_pipeline_yields_value_claims_with_attribute() -> None:
    condition = Concept(
        "opsoclonus-myoclonus-syndrome",
        "opsoclonus-myoclonus syndrome",
        "condition",
        ("OMS",),
    )
    names = {"opsoclonus myoclonus syndrome": condition.id, "oms": condition.id}
    vocabulary = Vocabulary({condition.id: condition}, names)
    text = (
        "OMS may affect about 1 in 800,000 children. Relapses are seen in 30 % of patients. "
        "Relapses were not seen in 10 % of them."
    )
    records = [c.record("x.txt") for c in Extractor(vocabulary).extract(text)]
    values = [r for r in records if r.get("attribute")]
    assert [(r["predicate"], r["attribute"], r["object"]) for r in values] == [
        ("epidemiology", "prevalence", "about 1 in 800,000"),
        ("prognosis", "relapse rate", "30 %"),
        ("prognosis", "relapse rate", "10 %"),
    ]
    first = values[0]
    assert first["quote"] == text[first["start"] : first["end"]]
    assert (first["certainty"], first["population"]) == ("hedged", "children")
    assert values[2]["polarity"] == "negated"


def test_extracted_values_of_new_sources_conflict_without_hand_work() -> None:
    """The candidate's object is the curated ``attribute: value`` form, so ingested value
    claims compare with curated ones (omsgraph.graph.conflicts) as they are."""
    from omsgraph.corpus.model import Certainty, Claim, Evidence, Polarity
    from omsgraph.graph.conflicts import find_conflicts

    texts = {
        "a.txt": "The prevalence is about 1 in 50,000 children. Boys are affected more often.",
        "b.txt": "The prevalence is 1 in 2,000,000 children. Girls and boys are affected equally.",
    }
    claims = []
    for source, text in texts.items():
        for c in Extractor(Vocabulary({}, {})).extract(text):
            claims.append(
                Claim(
                    source=source,
                    subject="opsoclonus-myoclonus-syndrome",
                    predicate=c.predicate,
                    object=c.object,
                    evidence=Evidence(c.quote, c.start, c.end, "", ""),
                    polarity=Polarity(c.polarity),
                    certainty=Certainty(c.certainty),
                    population=c.population,
                    qualifier=c.qualifier,
                )
            )
    assert {c.object for c in claims} >= {
        "prevalence: 1 in 2,000,000",
        "sex ratio: equal (girls and boys)",
    }
    topics = {(c.topic, c.kind) for c in find_conflicts(claims)}
    assert ("prevalence", "IncompatibleValue") in topics


def test_each_figure_of_a_list_keeps_its_own_cue() -> None:
    assert found("Key facts: prevalence 1/80,000 population incidence 1/900,000 per year") == [
        ("prevalence", "1 in 80,000"),
        ("incidence", "1 in 900,000 per year"),
    ]
