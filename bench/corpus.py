"""A synthetic corpus in the ``data/`` layout: N sources, their records and claims, by seed.

Each document reads like an abstract: a title, a few section headings, and sentences that
are either a claim sentence (a cue phrase such as "symptoms include", "is treated with",
"may be caused by", with negations "does not" and hedges "may") around one vocabulary name,
or a neutral filler sentence (shared with ``bench/extract.py``). Every claim sentence gives
one claim whose quote is that sentence, so every quote occurs in the text (a repeated
sentence gets its ``occurrence``). About ten claims per document: 100,000 documents give
about a million claims. The output directory holds ``sources/``, ``claims/`` and a copy of
``data/vocabulary.yaml``, ready for ``omsgraph --data DIR build``.

    .venv/bin/python bench/corpus.py /tmp/corpus-10k --docs 10000
    .venv/bin/python bench/corpus.py /tmp/corpus-100 --docs 100 --seed 2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract import FILLER, HEADINGS, ROOT, names_by_type  # noqa: E402

__all__ = ["CLAIM_TEMPLATES", "document", "write_corpus"]

#: (predicate, concept type, sentence, polarity, certainty); {x} is a vocabulary name
CLAIM_TEMPLATES = [
    ("has_symptom", "symptom", "Symptoms include {x}", "affirmed", "asserted"),
    ("has_symptom", "symptom", "Most children present with {x}", "affirmed", "asserted"),
    ("has_symptom", "symptom", "Patients may also develop {x}", "affirmed", "hedged"),
    ("has_symptom", "symptom", "The syndrome does not cause {x}", "negated", "asserted"),
    ("has_cause", "tumour", "OMS may be caused by {x}", "affirmed", "hedged"),
    (
        "has_cause",
        "tumour",
        "About half of the cases are associated with {x}",
        "affirmed",
        "asserted",
    ),
    ("has_cause", "infection", "Some cases follow {x}", "affirmed", "asserted"),
    ("has_cause", "infection", "OMS is not caused by {x}", "negated", "asserted"),
    ("treated_by", "drug", "OMS is treated with {x}", "affirmed", "asserted"),
    ("treated_by", "drug", "Children may respond to {x}", "affirmed", "hedged"),
    (
        "treated_by",
        "drug",
        "Treatment with {x} does not improve the outcome",
        "negated",
        "asserted",
    ),
    ("diagnosed_by", "test", "Diagnosis relies on {x}", "affirmed", "asserted"),
    (
        "has_complication",
        "complication",
        "Children are often left with {x}",
        "affirmed",
        "asserted",
    ),
    ("has_complication", "complication", "Long-term {x} may follow", "affirmed", "hedged"),
]
KINDS = ["journal-abstract", "patient-page", "encyclopedia-entry", "wiki-page"]
POPULATIONS = ["children", "all", "adults"]


def _sentence_claims(rng: random.Random, names: dict[str, list[str]]) -> tuple[str, dict]:
    predicate, kind, template, polarity, certainty = rng.choice(CLAIM_TEMPLATES)
    name = rng.choice(names.get(kind) or names["symptom"])
    quote = template.format(x=name) + "."  # the full stop: no quote is a prefix of another
    claim = {
        "predicate": predicate,
        "object": name,
        "quote": quote,
        "polarity": polarity,
        "certainty": certainty,
        "population": rng.choice(POPULATIONS),
        "method": "curated",
        "status": "reviewed",
    }
    return quote, claim


def document(
    number: int, rng: random.Random, names: dict[str, list[str]], claims: int = 10
) -> tuple[str, list[dict]]:
    """One document's text and its ``claims`` claim records (quotes anchored by occurrence)."""
    parts = [f"Opsoclonus-myoclonus syndrome: report {number}"]
    records: list[dict] = []
    remaining = claims
    sections = rng.randint(2, 5)
    for section in range(sections):
        parts.append(rng.choice(HEADINGS))
        share = remaining if section == sections - 1 else rng.randint(0, remaining)
        remaining -= share
        sentences = [rng.choice(FILLER) for _ in range(rng.randint(1, 3))]
        for _ in range(share):
            sentence, record = _sentence_claims(rng, names)
            sentences.insert(rng.randint(0, len(sentences)), sentence)
            records.append(record)
        parts.append(" ".join(sentences))
    text = "\n\n".join(parts) + "\n"
    # the n-th claim with a given quote is the n-th occurrence of it, in text order
    positions: dict[str, int] = {}
    anchored = []
    for record in records:
        quote = record["quote"]
        start, seen = -1, 0
        while True:
            start = text.find(quote, start + 1)
            if start < 0:
                break
            seen += 1
            if seen > positions.get(quote, 0):
                break
        positions[quote] = seen
        anchored.append((start, record | ({"occurrence": seen} if seen > 1 else {})))
    anchored.sort(key=lambda item: item[0])
    return text, [record for _, record in anchored]


def _yaml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string


def write_corpus(out: Path, docs: int, seed: int = 1, claims_per_doc: int = 10) -> dict:
    """Write ``docs`` documents under ``out`` (sources/, claims/, vocabulary.yaml)."""
    names = names_by_type()
    rng = random.Random(seed)
    (out / "sources").mkdir(parents=True, exist_ok=True)
    (out / "claims").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "data" / "vocabulary.yaml", out / "vocabulary.yaml")
    width = max(3, len(str(docs - 1)))
    total_claims = characters = 0
    for number in range(docs):
        text, records = document(
            number, rng, names, rng.randint(claims_per_doc - 3, claims_per_doc + 3)
        )
        digest = hashlib.sha256(f"{seed}:{number}".encode()).hexdigest()[:16]
        stem = f"{number:0{width}d}_{digest}"
        (out / "sources" / f"{stem}.txt").write_text(text, encoding="utf-8")
        year = 1990 + rng.randint(0, 35)
        (out / "sources" / f"{stem}.yaml").write_text(
            f"file: {stem}.txt\n"
            f"title: {_yaml_str(f'Opsoclonus-myoclonus syndrome: report {number}')}\n"
            f"kind: {rng.choice(KINDS)}\n"
            f"authors: [{_yaml_str(f'Author {rng.randint(1, 500)}')}]\n"
            f'date: "{year}"\n',
            encoding="utf-8",
        )
        lines = [f"source: {stem}.txt", "claims:"]
        for record in records:
            lines.append(f"  - predicate: {record['predicate']}")
            for key in ("object", "quote", "polarity", "certainty", "population"):
                lines.append(f"    {key}: {_yaml_str(record[key])}")
            lines.append(f"    method: {record['method']}\n    status: {record['status']}")
            if "occurrence" in record:
                lines.append(f"    occurrence: {record['occurrence']}")
        (out / "claims" / f"{stem}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        total_claims += len(records)
        characters += len(text)
    return {"documents": docs, "claims": total_claims, "characters": characters}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="output directory (put it under /tmp)")
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--claims-per-doc", type=int, default=10)
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        print(f"{args.out} is not empty; give a new directory", file=sys.stderr)
        return 2
    started = time.perf_counter()
    result = write_corpus(args.out, args.docs, args.seed, args.claims_per_doc)
    result["seconds"] = round(time.perf_counter() - started, 2)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
