"""Extraction throughput on a synthetic corpus: characters and documents per second, one core.

The corpus imitates abstracts and patient pages: each document mixes sentences built from
cue-phrase templates and vocabulary names (symptoms, causes, treatments, tests, with
negation and hedging) with neutral filler sentences, under a few section headings; a tenth
of the documents carry a comments tail. Generation is seeded, so runs are comparable. Only
extraction is timed (documents are generated first), in CPU seconds of this one-threaded
process (so other work on the machine does not count) and, for reference, wall seconds. A
progress bar shows on stderr.

    .venv/bin/python bench/extract.py                    # 3,000 documents
    .venv/bin/python bench/extract.py --docs 5000 --json
    .venv/bin/python bench/extract.py --real             # real sentences, shuffled
    .venv/bin/python bench/extract.py --ids              # share of concepts with an ID

``--real`` builds the corpus from the sentences of the development texts (the five sources
and tests/gold/dev2/texts), shuffled at sentence level and regrouped into paragraphs and
documents of about the same size, so that the text reads like real abstracts and pages:
real names, real cue phrases, figures, citations and noise, not only the templates.
``--ids`` extracts the development texts and prints the share of distinct extracted
concepts that carry an external ID (omsgraph.extract.evaluate.external_id_share).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import click

from omsgraph.corpus.vocabulary import load_vocabulary
from omsgraph.extract import Extractor

ROOT = Path(__file__).resolve().parent.parent

TEMPLATES = {
    "symptom": [
        "Symptoms include {a}, {b} and {c}.",
        "Patients may present with {a} and {b}.",
        "There was no {a} in most children.",
        "The clinical features are {a}, {b}, and often {c}.",
    ],
    "tumour": [
        "OMS is often caused by {a}.",
        "About half of the cases are associated with {a}.",
        "A {a} was found in 12 of 20 children (60%).",
    ],
    "infection": ["Some cases follow {a}.", "OMS may be triggered by {a} or {b}."],
    "drug": [
        "Patients were treated with {a} and {b}.",
        "{a} did not improve the outcome, but {b} may help.",
        "First-line therapy is {a}; {b} is given at relapse.",
    ],
    "test": ["{a} is normal.", "Diagnosis relies on {a} and {b}."],
    "complication": ["Children are often left with {a} and {b}.", "Long-term {a} is common."],
}
FILLER = [
    "Twenty-three patients (14 girls, 9 boys; median age 19 months) met the inclusion criteria.",
    "Scores on the rating scale fell from a median of 19 to 6 after twelve months (p < 0.01).",
    "We reviewed all consecutive cases referred to the department over a ten-year period.",
    "The study enrolled patients from three centres between 2005 and 2015.",
    "Data were collected retrospectively from medical records.",
    "Further research is needed to confirm these findings in larger cohorts.",
    "The authors declare no conflict of interest.",
    "Follow-up ranged from six months to twelve years, with a median of four years.",
    "These results are consistent with earlier reports from other groups.",
]
HEADINGS = ["Background", "Symptoms", "Causes", "Treatment", "Diagnosis", "Outcome"]
TAIL = "\n\nComments\n\nPopular posts from this blog\n\nLupus disease is treated with steroids.\n"


def names_by_type(vocabulary_path: Path = ROOT / "data" / "vocabulary.yaml") -> dict[str, list]:
    """Concept type -> every label and synonym of that type (shared with bench/corpus.py)."""
    names: dict[str, list[str]] = {}
    for concept in load_vocabulary(vocabulary_path).concepts.values():
        names.setdefault(concept.type, []).extend(concept.names)
    return names


def corpus(size: int, seed: int) -> list[str]:
    """``size`` synthetic documents of roughly 1-4 kB each."""
    names = names_by_type()
    rng = random.Random(seed)
    documents = []
    for number in range(size):
        parts = ["Opsoclonus-myoclonus syndrome: report " + str(number)]
        for _ in range(rng.randint(2, 6)):
            parts.append(rng.choice(HEADINGS))
            sentences = []
            for _ in range(rng.randint(3, 8)):
                # like an abstract: about half the sentences state a claim, half do not
                kind = rng.choice([*TEMPLATES, *["filler"] * len(TEMPLATES)])
                if kind == "filler":
                    sentences.append(rng.choice(FILLER))
                    continue
                pool = names.get(kind) or names["symptom"]
                a, b, c = (rng.choice(pool) for _ in range(3))
                sentence = rng.choice(TEMPLATES[kind]).format(a=a, b=b, c=c)
                sentences.append(sentence[0].upper() + sentence[1:])
            parts.append(" ".join(sentences))
        text = "\n\n".join(parts) + "\n"
        if number % 10 == 0:
            text += TAIL
        documents.append(text)
    return documents


DEV_TEXTS = (ROOT / "data" / "sources", ROOT / "tests" / "gold" / "dev2" / "texts")


def dev_texts() -> dict[str, str]:
    """File name -> text of every development text."""
    return {
        p.name: p.read_text(encoding="utf-8") for d in DEV_TEXTS for p in sorted(d.glob("*.txt"))
    }


def real_corpus(size: int, seed: int) -> list[str]:
    """``size`` documents of sentences of the development texts, shuffled and regrouped."""
    from omsgraph.extract.pipeline import Extractor as _E

    sentences = []
    for text in dev_texts().values():
        for line in text.splitlines():
            if line.strip():
                sentences += [line[s:e].strip() for s, e in _E.sentences(line, 0, len(line))]
    sentences = [s for s in sentences if s]
    rng = random.Random(seed)
    documents = []
    for _ in range(size):
        paragraphs = []
        for _ in range(rng.randint(2, 6)):
            paragraphs.append(" ".join(rng.choice(sentences) for _ in range(rng.randint(2, 7))))
        documents.append("\n\n".join(paragraphs) + "\n")
    return documents


def id_share() -> dict[str, object]:
    """The share of extracted concepts with an external ID, on dev, dev2 and dev3."""
    from omsgraph.extract.evaluate import external_id_share

    extractor = Extractor(load_vocabulary(ROOT / "data" / "vocabulary.yaml"))
    out: dict[str, object] = {}
    sets = (*DEV_TEXTS, ROOT / "tests" / "gold" / "dev3" / "texts")
    for directory, name in zip(sets, ("dev", "dev2", "dev3"), strict=True):
        records = [
            c.record(p.name)
            for p in sorted(directory.glob("*.txt"))
            for c in extractor.extract(p.read_text(encoding="utf-8"))
        ]
        for proposals in (True, False):
            have, total = external_id_share(records, proposals=proposals)
            key = f"{name}{'' if proposals else '_known'}"
            out[key] = f"{have}/{total} = {have / total:.1%}" if total else "0/0"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000, help="documents in the corpus")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--real", action="store_true", help="shuffled development sentences")
    parser.add_argument("--ids", action="store_true", help="share of concepts with an ID")
    args = parser.parse_args(argv)
    if args.ids:
        share = id_share()
        print(
            json.dumps(share) if args.json else "\n".join(f"{k:>9}: {v}" for k, v in share.items())
        )
        return 0
    documents = (real_corpus if args.real else corpus)(args.docs, args.seed)
    extractor = Extractor(load_vocabulary(ROOT / "data" / "vocabulary.yaml"))
    characters = sum(len(d) for d in documents)
    claims = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    with click.progressbar(
        documents, label="extracting", file=sys.stderr, show_pos=True
    ) as progress:
        for document in progress:
            claims += len(extractor.extract(document))
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started  # one process, one thread: one core's time
    result = {
        "documents": len(documents),
        "characters": characters,
        "claims": claims,
        "wall_seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "chars_per_second": round(characters / cpu),
        "mb_per_second": round(characters / cpu / 1e6, 3),
        "docs_per_second": round(len(documents) / cpu, 1),
        "wall_mb_per_second": round(characters / seconds / 1e6, 3),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>17}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
