"""Curated concepts carry the reviewed IDs of ontology/mappings.sssom.tsv; the ID share."""

from __future__ import annotations

from pathlib import Path

from omsgraph.extract import Extractor
from omsgraph.extract.curated_ids import MAPPINGS, curated_ids, preferred
from omsgraph.extract.evaluate import external_id_share

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_reads_the_reviewed_table() -> None:
    assert MAPPINGS == ROOT / "ontology" / "mappings.sssom.tsv"


def test_only_exact_matches_of_the_same_label_count(tmp_path: Path) -> None:
    table = tmp_path / "m.sssom.tsv"
    table.write_text(
        "# curie_map:\n"
        "#   HP: http://purl.obolibrary.org/obo/HP_\n"
        "#   MONDO: http://purl.obolibrary.org/obo/MONDO_\n"
        "# mapping_set_id: https://example.org/m\n"
        "# license: https://creativecommons.org/publicdomain/zero/1.0/\n"
        "subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\t"
        "mapping_justification\tobject_source\tobject_source_version\tcomment\n"
        "omse:x\tx\tskos:exactMatch\tHP:0000001\tAll\tsemapv:ManualMappingCuration\t\t\tverified\n"
        "omse:x\tx\tskos:exactMatch\tMONDO:0000001\tdisease\tsemapv:ManualMappingCuration"
        "\t\t\tverified\n"
        "omse:y\ty\tskos:closeMatch\tHP:0000002\tnear\tsemapv:ManualMappingCuration\t\t\tverified\n",
        encoding="utf-8",
    )
    assert [r.curie for r in curated_ids(table)["x"]] == ["HP:0000001", "MONDO:0000001"]
    assert "y" not in curated_ids(table)
    assert preferred("x", "x", "symptom", table).curie == "HP:0000001"
    assert preferred("x", "x", "tumour", table).curie == "MONDO:0000001"
    assert preferred("x", "another label", "tumour", table) is None


def test_a_claim_about_a_curated_concept_carries_its_reviewed_id(extractor: Extractor) -> None:
    records = [c.record("t") for c in extractor.extract("Children with OMS had neuroblastoma.")]
    (record,) = [r for r in records if r["predicate"] == "has_cause"]
    assert record["object_id"] == "omse:neuroblastoma"
    assert record["object_match"] == "MONDO:0005072"  # the table's MONDO row, for a tumour
    assert record["object_match_justification"] == "semapv:ManualMappingCuration"


def test_a_curated_action_takes_the_id_of_its_name_with_an_action_head(
    extractor: Extractor,
) -> None:
    medication = extractor.lexicon.concepts["medication"]
    assert medication.curie == "MAXO:0000058"  # "medication therapy"
    assert medication.justification == "semapv:LexicalMatching"
    # the curator mapped IVIG to MAxO's infusion therapy as related only: no exact ID by name
    ivig = extractor.lexicon.concepts["intravenous-immunoglobulin"]
    assert getattr(ivig, "curie", None) is None


def test_the_id_share_counts_distinct_concepts() -> None:
    records = [
        {"predicate": "has_symptom", "object": "a", "object_id": "omse:a", "object_match": "HP:1"},
        {"predicate": "has_symptom", "object": "a", "object_id": "omse:a"},
        {"predicate": "has_cause", "object": "b", "object_id": "MONDO:2"},
        {"predicate": "treated_by", "object": "c", "object_id": "omse:c"},
        {"predicate": "treated_by", "object": "new drug", "object_id": None},
        {"predicate": "has_synonym", "object": "another name", "object_id": None},
    ]
    assert external_id_share(records) == (2, 4)
    assert external_id_share(records, proposals=False) == (2, 3)
