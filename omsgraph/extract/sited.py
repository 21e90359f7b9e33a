"""A site-qualified ontology name read as the curated concept it qualifies.

MONDO names many tumours with their site ("adrenal gland neuroblastoma", "mediastinum
ganglioneuroblastoma"). Sources that say "adrenal neuroblastoma" mean the vocabulary's
neuroblastoma at that site, and it is the vocabulary's concept that sources share and that
conflicts compare. A test keeps its site ("abdominal ultrasound", "chest CT"): where it looks is
what it is. :func:`curated_heads` reads such a mention as the curated concept, on the
curated name's words; the site words stay in the quote. In the same way a disease named as a
sign and a class word ("seizure disorder", MONDO's epilepsy) is read as the sign, and a term
an ontology grades by severity ("mild expressive language delay", HPO's graded delays) is read
as the sign it grades when that sign has a name too and is a delay, a disability, an
impairment, a deficit or a loss: the grade makes no other concept of the sign ("severe
combined immunodeficiency" is no grade of a combined immunodeficiency). A generic test keeps
what it samples, where it looks or the agent it looks for, written just before it
(:func:`sampled_test`: "pelvic ultrasound", "stool PCR", "HIV serology"): a clinician reads
"serology" alone as no test at all.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from omsgraph.extract import cues
from omsgraph.extract.anatomy import site_adjective, site_nouns, site_words
from omsgraph.extract.cues import sign_adjectives
from omsgraph.extract.lexicon import Mention, compatible
from omsgraph.extract.openvocab import generic_heads

__all__ = ["curated_heads", "sampled_test"]

#: words a site phrase may hold besides the sites of rules/anatomy.tsv
_SITE_EXTRA = frozenset({"gland", "left", "right", "bilateral", "primary"})
#: the histology words a pathologist puts before a tumour's name ("mature cystic teratoma",
#: "poorly differentiated neuroblastoma") name no other tumour (an immature teratoma is one)
_HISTOLOGY = frozenset(
    "mature cystic differentiating differentiated poorly well intermixed nodular".split()
)

#: grades of severity that ontologies put in front of a sign's name
_SEVERITY = frozenset({"mild", "moderate", "severe", "profound"})
#: the heads of the signs ontologies grade so
_GRADED = frozenset({"delay", "disability", "impairment", "deficit", "loss", "retardation"})


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """(site words, class words): read once, not for every line."""
    return site_words() | _SITE_EXTRA, generic_heads()


def curated_heads(
    mentions: list[Mention], lexicon: Any, line: str = "", offset: int = 0
) -> list[Mention]:
    """``mentions`` with each ontology mention that only puts site words before a curated
    name read as that curated concept (same type), on the curated name's words; an ontology
    sign named by its adjective counts only where the adjective is said of someone ("she was
    lethargic", "a lethargic infant"), not before another noun ("leukemic infiltration"). ``line``
    is the text the mentions were found in, starting at ``offset``."""
    out = []
    sites, heads = _words()
    for m in mentions:
        if getattr(m.concept, "curated", True):  # a vocabulary concept already
            out.append(m)
            continue
        words = m.surface.split()
        if (
            len(words) == 1
            and m.surface.lower() in sign_adjectives(m.concept.label.lower())
            and not _SAID_OF.search(line, 0, max(0, m.start - offset))
            and not _OF_A_PERSON.match(line, m.end - offset)
        ):
            continue
        if len(words) > 2 and words[0].lower() in _SEVERITY and words[-1].lower() in _GRADED:
            tail = m.surface[len(words[0]) :].lstrip()
            graded = lexicon.lookup(tail, ontology=True)
            if graded is not None and compatible(graded.type, m.concept.type):
                out.append(Mention(m.end - len(tail), m.end, graded, tail))
                continue
        if m.concept.type == "condition" and len(words) > 1 and words[-1].lower() in heads:
            rest = m.surface[: m.surface.rfind(words[-1])].rstrip(" -")
            sign = lexicon.lookup(rest, ontology=True)
            if sign is not None and sign.type == "symptom":  # "seizure disorder": a seizure
                out.append(Mention(m.start, m.start + len(rest), sign, rest))
                continue
        if m.concept.type == "test":  # "abdominal ultrasound": where a test looks is part of it
            out.append(_of_one_region(m, lexicon, line, offset))
            continue
        cut = next((k for k, w in enumerate(words) if w.lower() not in _HISTOLOGY), 0)
        if m.concept.type == "tumour" and 0 < cut < len(words):  # "mature cystic teratoma"
            tail = " ".join(words[cut:])
            concept = lexicon.lookup(tail, ontology=True)
            if concept is not None and concept.type == "tumour" and m.surface.endswith(tail):
                m, words = Mention(m.end - len(tail), m.end, concept, tail), words[cut:]
        if m.concept.type == "tumour" and (site := _OF_SITE.match(line, m.end - offset)):
            adjective = site_adjective(site.group(1))  # "teratoma of the left ovary"
            sited = lexicon.lookup(f"{adjective} {m.surface}", ontology=True) if adjective else None
            if sited is not None and sited.type == "tumour":
                end = site.end() + offset
                out.append(Mention(m.start, end, sited, line[m.start - offset : site.end()]))
                continue
        for k in range(1, len(words)):
            if words[k - 1].lower() not in sites:
                break
            tail = " ".join(words[k:])
            concept = lexicon.lookup(tail)
            if concept is not None and concept.type == m.concept.type and m.surface.endswith(tail):
                m = Mention(m.end - len(tail), m.end, concept, tail)
                break
        out.append(m)
    return out


#: what an adjective said of someone follows: "she was lethargic", "became very drowsy"
_SAID_OF = re.compile(
    r"\b(?:is|was|were|are|be|been|being|became|become|becomes|seemed|seems|appeared|appears|"
    r"looked|looks|remained|remains|felt|feels|got|gets|grew|very|more|less|extremely|quite|"
    r"so|too|increasingly|mildly|severely|profoundly|markedly)\s+(?:[\w-]+,?\s+){0,2}?\Z",
    re.I,
)
#: or the person or episode it describes: "a lethargic infant", "an anxious, lethargic child"
_OF_A_PERSON = re.compile(
    r"(?:,?\s+(?:and\s+)?[\w-]+)?\s+(?:infants?|child(?:ren)?|toddlers?|bab(?:y|ies)|boys?|"
    r"girls?|patients?|m[ae]n|wom[ae]n|episodes?|spells?|periods?)\b",
    re.I,
)


def _of_one_region(m: Mention, lexicon: Any, line: str, offset: int) -> Mention:
    """A test an ontology names for one region ("MRI of the chest") that the text goes on to
    name more regions for ("MRI of the chest, abdomen and pelvis"): the generic test."""
    named = _REGION.fullmatch(m.surface)
    if named is None or not _more_regions().match(line, m.end - offset):
        return m
    generic = lexicon.lookup(named.group(1), ontology=True)
    if generic is None or generic.type != "test":
        return m
    return Mention(m.start, m.end, generic, m.surface)


_REGION = re.compile(r"(.+?)\s+of\s+(?:the\s+)?[a-z]+", re.I)
#: regions the sites table lacks, as radiology requests write them
_REGION_EXTRA = ("head", "spine", "belly", "abdo")


@cache
def _more_regions() -> re.Pattern[str]:
    """Another region after a test's region: ", abdomen", " and pelvis", "/abdo" (the sites of
    rules/anatomy.tsv and :data:`_REGION_EXTRA`)."""
    regions = sorted({*site_nouns(), *_REGION_EXTRA}, key=len, reverse=True)
    return re.compile(
        rf"\s*(?:,|/|\s+and|\s+or)\s*(?:the\s+)?(?:{'|'.join(map(re.escape, regions))})\b", re.I
    )


#: the organ a tumour is said to be of: "a teratoma of the left ovary", "in the right lung"
_OF_SITE = re.compile(
    r"\s+(?:of|in)\s+(?:the\s+|her\s+|his\s+)?(?:(?:left|right)\s+)?([a-z]+(?:\s+gland)?)\b", re.I
)
_UNNAMED = re.compile(r"(?:infections?|illness(?:es)?|diseases?)$")  # no agent named


@cache
def _sampled() -> tuple[dict[re.Pattern[str], str], re.Pattern[str]]:
    """(each generic test's forms -> its head, the words before one that it keeps)."""
    heads = {
        re.compile(rf"(?:{r.regex})$"): r.fields["literal"]
        for r in cues.phrase_rows("SAMPLED_TEST")
    }
    words = [r.regex for r in cues.phrase_rows("SPECIMEN")]
    words += sorted((re.escape(w) for w in site_words() - _SITE_EXTRA), key=len, reverse=True)
    return heads, re.compile(rf"(?<![\w-])({'|'.join(words)})\s+$")


def sampled_test(low: str, mention: Mention, mentions: list[Mention]) -> tuple[int, str] | None:
    """(start, name) of a generic test ``mention`` named with the agent it looks for and the
    specimen or site before it ("CSF SARS-CoV-2 PCR" -> "csf sars-cov-2 pcr"), or None."""
    heads, before = _sampled()
    surface = low[mention.start : mention.end]
    head = next((h for form, h in heads.items() if form.match(surface)), None)
    if head is None:
        return None
    start, words = mention.start, [head]
    for m in mentions:  # the agent named right before: "HIV serology", "EBV PCR"
        if (
            m.end <= start
            and m.concept.type == "infection"
            and not low[m.end : start].strip()
            and not _UNNAMED.search(low, m.start, m.end)  # "after a respiratory infection PCR"
        ):
            start, words = m.start, [low[m.start : m.end], *words]
            break
    while len(words) < 4 and (word := before.search(low, max(0, start - 40), start)):
        start, words = word.start(1), [word.group(1), *words]
    return (start, " ".join(words)) if len(words) > 1 else None
