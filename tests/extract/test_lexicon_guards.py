"""Guards of the shipped ontology lexicon (ontology/build_lexicons.py): no class word alone,
no ID as a name, no synonym that drops the frequency word of its label."""

from __future__ import annotations

import csv
import gzip
import re
from pathlib import Path

from .conftest import claims

LEXICONS = Path(__file__).resolve().parents[2] / "omsgraph" / "extract" / "lexicons"


def _names() -> list[dict[str, str]]:
    with gzip.open(LEXICONS / "names.tsv.gz", "rt", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _labels() -> dict[str, str]:
    with gzip.open(LEXICONS / "entries.tsv.gz", "rt", encoding="utf-8") as handle:
        return {r["curie"]: r["label"] for r in csv.DictReader(handle, delimiter="\t")}


def test_no_class_word_or_id_is_a_name() -> None:
    names = {r["name"].lower() for r in _names()}
    assert "therapy" not in names
    assert not [n for n in names if re.fullmatch(r"[a-z]+:[a-z0-9_]+", n)]


def test_a_recurrent_phenotype_keeps_its_frequency_in_every_name() -> None:
    labels = _labels()
    more = re.compile(
        r"recurren|recurring|repeated|frequen|episod|intermittent|paroxysmal|multiple|suscept|prone|predispos|rate|chronic|sporadic|varying",
        re.I,
    )
    wrong = [
        (r["name"], labels[r["curie"]])
        for r in _names()
        if r["curie"].startswith("HP:")
        and re.match(r"(?i)recurrent\b", labels.get(r["curie"], ""))
        and not more.search(r["name"])
        and r["case"] == "0"
    ]
    assert not wrong, wrong[:5]


def test_one_infection_is_not_recurrent_infections(extractor) -> None:  # noqa: ANN001
    found = claims(extractor, "Two weeks before, he had a mild upper respiratory tract infection.")
    assert found and not [o for _, o in found if "recurrent" in o]


def test_a_procedure_word_is_dropped_but_never_leaves_an_adjective() -> None:
    import importlib.util
    import sys

    path = LEXICONS.parents[2] / "ontology" / "build_lexicons.py"
    spec = importlib.util.spec_from_file_location("build_lexicons", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_lexicons"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    assert module.short_forms(
        "ultrasonography procedure",
        "ultrasound procedure",
        "visual evoked potential procedure",
        "surgical procedure",
        "bile diagnostic procedure",
        "hematology procedure",
        "biopsy",
    ) == ["ultrasonography", "ultrasound", "visual evoked potential"]


def test_the_shipped_names_carry_no_adjective_left_by_the_procedure_word() -> None:
    names = {r["name"].lower() for r in _names() if r["curie"].startswith("MAXO:")}
    assert "ultrasonography" in names and "visual evoked potential" in names
    assert not {"surgical", "abdominal radiographic", "ophthalmic diagnostic"} & names


def test_a_drugs_own_name_survives_a_clash() -> None:
    """A drug's label beats another type's synonym (Mondo files "carbamazepine" under a
    tumour) and its MeSH class's plural ("Tetracyclines")."""
    by_name = {r["name"].lower(): r["curie"] for r in _names()}
    assert by_name["carbamazepine"] == "DRUGBANK:DB00564"
    assert by_name["tetracycline"] == "DRUGBANK:DB00759"


def test_carbamazepine_is_a_treatment(extractor) -> None:  # noqa: ANN001
    assert ("treated_by", "carbamazepine") in claims(extractor, "Carbamazepine was given for OMS.")
