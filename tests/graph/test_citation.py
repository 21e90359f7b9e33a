"""Sources by name: short citations and links in the command line's text and records."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from omsgraph.cli import cli
from omsgraph.graph.citation import cite, link

ROOT = Path(__file__).resolve().parents[2]
BASE = ["--data", str(ROOT / "data"), "--ontology", str(ROOT / "ontology")]


def test_cite_names_first_author_or_organisation_year_title_kind() -> None:
    assert cite(
        "Opsoclonus-myoclonus syndrome", "journal-abstract", ["Michael Pike"], date="2013"
    ) == ("Pike 2013. Opsoclonus-myoclonus syndrome (journal abstract)")
    assert cite("X", "encyclopedia-entry", ["Rosalyn Carson-DeWitt, MD", "B. C"]) == (
        "Carson-DeWitt et al. n.d. X (encyclopedia entry)"
    )
    long = "MyEClinic – IFTM Institut für Telematik in der Medizin GmbH"
    assert cite("Y", "wiki-page", publisher=long, container="WikiDoc").startswith("WikiDoc n.d. Y")
    assert cite("Z", "patient-page", container="a patient-information blog").startswith(
        "Patient-information blog n.d. Z"
    )


def test_link_prefers_doi_then_pmid_then_url() -> None:
    assert link("10.1/x", "123", "https://e.org") == "https://doi.org/10.1/x"
    assert link(None, "123", "https://e.org") == "https://pubmed.ncbi.nlm.nih.gov/123/"
    assert link(url="https://e.org/a") == "https://e.org/a"
    assert link(url="javascript:alert(1)") == ""


def test_conflicts_name_sources_and_say_each_statement_once() -> None:
    runner = CliRunner()
    text = runner.invoke(cli, [*BASE, "conflicts"]).output
    assert "Pike 2013. Opsoclonus-myoclonus syndrome (journal abstract)" in text
    assert "<https://doi.org/10.1016/B978-0-444-52910-7.00042-8>" in text
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if line.startswith("    ")]
        assert len(lines) == len(set(lines)), block
    records = json.loads(runner.invoke(cli, [*BASE, "conflicts", "--format", "json"]).output)
    claim = records[0]["claims"][0]
    assert claim["citation"] and "link" in claim and claim["status"] == "reviewed"


def test_sources_and_evidence_carry_citations() -> None:
    runner = CliRunner()
    rows = json.loads(runner.invoke(cli, [*BASE, "sources", "--format", "json"]).output)
    by_file = {row["file"]: row for row in rows}
    assert by_file["002_86f656d6290b5704.txt"]["citation"].startswith("About.com 2014.")
    assert by_file["000_aa4b564b5e99cff4.txt"]["link"].startswith("https://doi.org/")
    found = json.loads(runner.invoke(cli, [*BASE, "evidence", "ACTH", "--format", "json"]).output)
    assert {r["citation"] for r in found} >= {"WikiDoc n.d. Opsoclonus myoclonus (wiki page)"}
