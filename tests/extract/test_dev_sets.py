"""The extractor on the five development sets, with floors set just below the measurement.

dev: the five sources (data/sources, tests/gold/gold_claims.jsonl); dev2: eight documents of
other kinds (tests/gold/dev2). Measured at the commit that set the floors, after the rules
fitted to one development sentence were removed (a capitals heading ending the topic, the cut
of a known name off a run-on list, "related disorders" outside a list frame, a list head
followed by "involved"): dev entity P/R 0.894/0.873, value F1 0.788, certainty 95.0 %,
polarity 98.6 %; dev2 entity P/R 0.868/0.818, value F1 0.875, certainty 94.2 %, polarity 100 %.
Raised after the next round of general rules (each tested with its own sentences, and a
fresh-eyes review's precision traps fixed): dev entity P/R 0.903/0.903, certainty 95.2 %;
dev2 entity P/R 0.880/0.851, certainty 96.0 % (94.4 % without the row that reads "can be found
in the ... section" as no hedge, a borderline rule: the floor is below both).
Raised again, and dev3 (ten documents written for the project, tests/gold/dev3) added, after
a round of general rules (negated subjects, relatives, descriptions of signs, differential
cues, page chrome, value forms in words and on slide lines): dev entity P/R 0.904/0.909,
value F1 0.875, certainty 94.6 %; dev2 entity P/R 0.889/0.860, value F1 0.962, certainty
95.3 %; dev3 entity P/R 0.824/0.744, value F1 0.962, certainty 94.1 % (at its first
measurement, before rules were written from it: 0.717/0.619 and 0.697).
dev4 (twelve abstracts and lay pages written for the project, tests/gold/dev4) added after the
next round (antibody panels, instruments, test findings, differentials set aside, sequelae,
value forms of cohorts and trials): dev3 entity P/R 0.850/0.781, value F1 0.973; dev4 entity
P/R 0.798/0.718, value F1 0.866, certainty 91.6 % (at its first measurement: 0.732/0.615,
0.607 and 91.6 %).
dev5 (twelve documents of further kinds written for the project, tests/gold/dev5) added after
the next round (negation and hedge scope, side effects, lay descriptions, laboratory tests,
spelling folded by the scorer): dev entity P/R 0.896/0.939; dev2 0.876/0.876; dev3
0.878/0.834; dev4 0.841/0.786, value F1 0.875, certainty 93.7 %; dev5 0.780/0.723, value F1
0.819, certainty 92.3 % (at its first measurement, bfbb060: 0.680/0.598, 0.708 and 90.6 %).
dev6 (eight documents written for the project, tests/gold/dev6: the held-out set of the round
before, measured there only at its start and end) added at af4a591: entity P/R 0.723/0.640,
value F1 0.710, certainty 84.4 %, polarity 98.8 %.
dev2's precision floor went from 0.87 to 0.865 when another full name of the condition that a
document uses ("opsoclonus-myoclonus-ataxia syndrome (OMAS)") became a synonym claim: four
sets' annotators count it (four claims gained in dev5 and dev6), dev2's annotator in one
document does not (one false positive there, 0.876 -> 0.869). Its certainty floor went from
0.94 to 0.935 when a named tumour in a treatment's sentence became a cause ("the neuroblastoma
was removed"): three claims gained in dev5, and in one dev2 document the tumour's first,
plain mention ("Treatment of the neuroblastoma ...") now stands for a claim that its
annotator took from a later, hedged sentence (94.7 % -> 93.9 %).
Raised after that round (certainty and negation scope, names and types, spelling, figures):
dev3 entity P/R 0.883/0.850; dev4 0.846/0.791, certainty 94.6 %; dev5 0.811/0.754, certainty
93.1 %; dev6 0.778/0.695, value F1 0.725, certainty 93.4 %, polarity 99.3 %.
dev7 (nine documents written for the project, tests/gold/dev7: the held-out set of the round
before, measured there only at its start and end) added at 82e7e22: entity P/R 0.733/0.696,
value F1 0.694, certainty 93.4 %, polarity 97.1 % (at af4a591: 0.725/0.669, 0.694, 91.3 %).
dev4's polarity floor went from 0.95 to 0.945 when a tumour denied in a document whose only
named tumour is a neuroblastoma became the neuroblastoma denied ("no tumour was found", in a
series that searches for neuroblastoma): claims gained in dev5 and dev7 (three annotators name
it so), while a dev4 cohort that finds a neuroblastoma in some children and "no tumour" in the
rest now holds both polarities where its annotator wrote one (0.952 -> 0.949).
Raised after the next round (negation scope of conditionals and appositions, differential
lists, page chrome, work-up tests and infectious agents as concepts, lay descriptions, figure
cues): dev3 entity P 0.888; dev5 0.821/0.760, certainty 93.1 %, polarity 98.0 %; dev6
0.802/0.716, value F1 0.725; dev7 0.821/0.804, value F1 0.780, certainty 94.0 %, polarity
98.0 % (dev7 is development data now: that figure is fitting, not a measurement).
Raised after the next round (clause-bound hedges, mechanisms, side effects as a harm frame,
answers to questions, passages about other diseases, tables, figures without numbers): dev3
entity P 0.891; dev5 0.826/0.764, certainty 94.5 %; dev6 0.806/0.721, value F1 0.739,
certainty 93.8 %; dev7 value F1 0.792, certainty 95.1 %.
dev8 (ten documents written for the project, tests/gold/dev8: the held-out set of the round
before, never read there and measured only at its start and end) added at its end measurement:
entity P/R 0.767/0.589, value F1 0.692, certainty 92.7 %, polarity 97.9 % (at 143276a, its
start: 0.767/0.587, 0.692, 92.3 %, 97.9 %); then, read as development data, 0.782/0.618 and
polarity 98.0 % after general rules (a heading naming the diagnosis and the differential
diagnosis makes no list of differentials; a numbered heading is a heading; tumours sharing
their head; posterior fossa tumours and drug intoxication as conditions).
Raised after the next round (a quoted name beside a year is no citation, diagnostic criteria,
tumour removal told in other words, what a test rules out, side-effects headings, question
headings, sequelae told in other words, value forms): dev3 entity R 0.863; dev4 0.848/0.800;
dev5 0.841/0.791, certainty 95.4 %; dev6 0.822/0.746, value F1 0.796; dev7 0.821/0.815,
value F1 0.816; dev8 0.809/0.653, value F1 0.782.
dev9 (ten documents written for the project, tests/gold/dev9: the held-out set of that round,
never read and measured only at its start and end) added at its end measurement, 3b9c0a3:
entity P/R 0.768/0.710, value F1 0.673, certainty 93.8 %, polarity 98.3 % (at 5ed3d8a, its
start: 0.771/0.708, 0.673, 92.7 %, 98.3 %); raised after the next round (table header rows,
differentials told apart, first suspicions, lay signs, figure forms): 0.804/0.748, value F1
0.764. dev10 (ten documents written for the project, tests/gold/dev10: the held-out set of
that round, never read and measured only at its start and end) added at its end measurement,
1ffe14e: entity P/R 0.783/0.715, value F1 0.638, certainty 92.1 %, polarity 95.4 % (at
f71aa8b, its start: 0.784/0.705, 0.620, 91.9 %, 95.1 %); raised after the next round (review
traps, lay adjectives and lost words, tumour removal told apart, value forms in words, IQ as a
deficit, everyday words proposed no more): 0.792/0.723, value F1 0.721. dev11 (ten documents
written for the project, tests/gold/dev11: the held-out set of that round, never read and
measured only at its start and end) added at its end measurement, 913bae4: entity P/R
0.661/0.592, value F1 0.667, certainty 85.3 %, polarity 94.9 % (at ba391d5, its start:
0.653/0.592, 0.667, 85.3 %, 94.9 %); then, read as development data, 0.681/0.607, value F1
0.679, certainty 88.1 % after general rules written from its misses (two-column differential
tables, lay signs, lost skills, rarer causes hedged, a hedge adverb's reach, "so rare").
dev12 (ten documents written for the project by a helper that read neither the code nor the
other sets, tests/gold/dev12: the held-out set of the next round, never read and measured only
at its start and end) added at its end measurement, b4efa05: entity P/R 0.674/0.606, value F1
0.703, certainty 88.0 %, polarity 96.4 % (at 1e59077, its start: 0.663/0.599, 0.703, 88.2 %,
96.3 %). Raised with it (tests named by what they sample, an intercurrent infection's signs,
routes, organs removed with a tumour, histology words, comparisons of treatments, review
mends): dev5 0.852/0.797; dev6 0.830/0.754; dev7 0.843/0.822; dev8 0.832/0.680; dev9
0.834/0.748; dev10 0.806/0.731; dev11 0.691/0.616, polarity 95.8 %. Then, dev12 read as
development data (what a test rules out is a differential, "afebrile"): dev12 0.676/0.612;
dev4 0.855/0.802; dev5 0.856/0.800; dev9 0.838/0.750; dev11 0.694/0.618.
dev13 (ten documents written for the project by a helper that read neither the code nor the
other sets, tests/gold/dev13: the held-out set of the next round, never read and measured only
at its start and end) added at its end measurement, 30e8215: entity P/R 0.747/0.699, value F1
0.714, certainty 93.2 %, polarity 89.0 % (at ad774ab, its start: 0.746/0.689, 0.714, 93.1 %,
89.1 %; its annotator gives a normal test as the test negated, which the extractor does not).
Raised with it (loss of ambulation, inability to sit or stand, inconsolable crying, sited
tumours, repeat imaging, specialties, a denied tumour kept as written): dev6 0.832/0.764; dev7
0.847/0.824; dev8 0.840/0.692; dev9 0.845/0.760; dev10 0.810/0.742; dev11 0.710/0.642 (its
certainty down from 88.0 to 87.6 %); dev12 0.697/0.639, value F1 0.735.
Then, dev13 read as development data (lay verbs of signs, a temperature, one-region tests, a CSF
cell count, MAxO's related synonyms, table cells and comma splices): dev13 0.758/0.709; dev4
0.856/0.805; dev6 0.837/0.766.
A floor fails when a change makes reading worse; raise it when a general rule makes it better,
never to lock in a rule that fits one sentence.
These are development figures: the ones that count are measured on unseen documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from omsgraph.corpus.vocabulary import load_vocabulary
from omsgraph.extract import Extractor
from omsgraph.extract.evaluate import evaluate, polarity_agreement, read_jsonl
from omsgraph.extract.readers import read_documents

ROOT = Path(__file__).resolve().parents[2]
SETS = {
    "dev": (ROOT / "tests" / "gold" / "gold_claims.jsonl", ROOT / "data" / "sources"),
    "dev2": (
        ROOT / "tests" / "gold" / "dev2" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev2/texts",
    ),
    "dev3": (
        ROOT / "tests" / "gold" / "dev3" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev3/texts",
    ),
    "dev4": (
        ROOT / "tests" / "gold" / "dev4" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev4/texts",
    ),
    "dev5": (
        ROOT / "tests" / "gold" / "dev5" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev5/texts",
    ),
    "dev6": (
        ROOT / "tests" / "gold" / "dev6" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev6/texts",
    ),
    "dev7": (
        ROOT / "tests" / "gold" / "dev7" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev7/texts",
    ),
    "dev8": (
        ROOT / "tests" / "gold" / "dev8" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev8/texts",
    ),
    "dev9": (
        ROOT / "tests" / "gold" / "dev9" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev9/texts",
    ),
    "dev10": (
        ROOT / "tests" / "gold" / "dev10" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev10/texts",
    ),
    "dev11": (
        ROOT / "tests" / "gold" / "dev11" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev11/texts",
    ),
    "dev12": (
        ROOT / "tests" / "gold" / "dev12" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev12/texts",
    ),
    "dev13": (
        ROOT / "tests" / "gold" / "dev13" / "gold_claims.jsonl",
        ROOT / "tests/gold/dev13/texts",
    ),
}
#: set name -> (entity precision, entity recall, value F1, certainty, polarity) floors
FLOORS = {
    "dev": (0.885, 0.93, 0.85, 0.94, 0.97),
    "dev2": (0.865, 0.87, 0.94, 0.935, 0.98),
    "dev3": (0.885, 0.855, 0.95, 0.915, 0.98),
    "dev4": (0.845, 0.795, 0.86, 0.94, 0.95),
    "dev5": (0.85, 0.795, 0.80, 0.95, 0.975),
    "dev6": (0.825, 0.755, 0.81, 0.93, 0.985),
    "dev7": (0.84, 0.82, 0.815, 0.945, 0.97),
    "dev8": (0.835, 0.685, 0.78, 0.92, 0.975),
    "dev9": (0.84, 0.755, 0.765, 0.93, 0.975),
    "dev10": (0.805, 0.735, 0.71, 0.92, 0.955),
    "dev11": (0.705, 0.635, 0.67, 0.87, 0.955),
    "dev12": (0.69, 0.635, 0.73, 0.88, 0.96),
    "dev13": (0.745, 0.705, 0.71, 0.93, 0.885),
}


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary(ROOT / "data" / "vocabulary.yaml")


@pytest.fixture(scope="module")
def measured(vocabulary) -> dict[str, tuple]:
    extractor = Extractor(vocabulary)
    out = {}
    for name, (gold_path, texts) in SETS.items():
        gold = read_jsonl(gold_path)
        predicted = []
        for source in sorted({g["source"] for g in gold}):
            (document,) = read_documents(texts / source)
            predicted += [c.record(source) for c in extractor.extract(document.text)]
        out[name] = (gold, predicted, evaluate(gold, predicted, vocabulary))
    return out


@pytest.mark.parametrize("name", sorted(SETS))
def test_entity_value_and_assertion_figures_stay_above_their_floors(
    name: str, measured, vocabulary
) -> None:
    gold, predicted, report = measured[name]
    precision, recall, value_f1, certainty, polarity = FLOORS[name]
    same, matched = polarity_agreement(gold, predicted, vocabulary)
    got = (
        report.entity.precision,
        report.entity.recall,
        report.value.f1,
        report.certainty_agreement,
        same / matched,
    )
    floors = (precision, recall, value_f1, certainty, polarity)
    names = ("entity precision", "entity recall", "value F1", "certainty", "polarity")
    low = [f"{n} {g:.3f} < {f}" for n, g, f in zip(names, got, floors, strict=True) if g < f]
    assert not low, f"{name}: " + "; ".join(low)


def test_the_five_sources_raw_texts_give_their_key_claims(measured) -> None:
    """Extracting the raw texts of the five sources finds their key claims: the entity claims
    of the development gold (target recall 0.95; measured 0.873, floor 0.85)."""
    _, _, report = measured["dev"]
    assert report.entity.recall >= 0.85
    # the core of each page: measured 0.927, 0.920, 0.806
    floors = {"has_symptom": 0.90, "treated_by": 0.90, "has_cause": 0.78}
    for predicate, floor in floors.items():
        assert report.per_predicate[predicate].recall >= floor, predicate


def test_polarity_agreement_counts_claims_matched_whatever_their_polarity() -> None:
    def claim(obj: str, polarity: str) -> dict:
        return {"source": "s", "predicate": "has_symptom", "object": obj, "polarity": polarity}

    gold = [claim("ataxia", "affirmed"), claim("fever", "negated"), claim("rash", "affirmed")]
    predicted = [claim("ataxia", "affirmed"), claim("fever", "affirmed"), claim("cough", "negated")]
    assert polarity_agreement(gold, predicted) == (1, 2)
