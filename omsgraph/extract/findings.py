"""What an instrumental test found is its result, no sign of the condition: "CT of the abdomen
revealed a left adrenal mass", "lumbar puncture showed a mild lymphocytosis". A clinical
examination's findings stay signs ("Examination showed opsoclonus and truncal ataxia")."""

from __future__ import annotations

import re

from omsgraph.extract.lexicon import Mention

__all__ = ["aid_or_part", "curated", "result_spans", "test_findings"]

_RESULT_VERB = re.compile(
    r"\b(?:show(?:s|ed)|reveal(?:s|ed)|demonstrat(?:es|ed)|identifie[sd]|disclose[sd]|"
    r"detect(?:s|ed)|confirm(?:s|ed)|visuali[sz]ed)\b",
    re.I,
)
_REACH = 40  # characters from a test's name to its verb ("CT of the abdomen, however, revealed")
_CLAUSE_END = re.compile(  # not "2.8 cm"; "..., and she had opsoclonus": a new clause
    r"[;:]|\.(?!\d)|\b(?:but|while|whereas|yet)\b|,?\s+and\s+(?:the\s+)?"
    r"(?:she|he|they|patient|child|boy|girl|infant|toddler|it)\b"
)
#: tests whose findings are the clinician's own observations: signs, not results
_CLINICAL = re.compile(r"exam|assessment|history|observation|inspection|criteri|diagnosis|scale")


def curated(concept: object) -> bool:
    """Whether a concept is the vocabulary's own (the condition's signs: opsoclonus, ataxia),
    which a test may show too ("video EEG showed myoclonus"), not an ontology's finding."""
    return getattr(concept, "curated", True) is not False


def result_spans(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """The spans of ``text`` that tell what an instrumental test showed, from its verb to the
    clause's end ("MRI of the chest identified| a posterior mediastinal mass|;")."""
    out = []
    for test in mentions:
        if test.concept.type != "test" or _CLINICAL.search(test.concept.label.lower()):
            continue
        verb = _RESULT_VERB.search(text, test.end, test.end + _REACH)
        if verb is None or _CLAUSE_END.search(text, test.end, verb.start()):
            continue
        stop = _CLAUSE_END.search(text, verb.end())
        out.append((verb.end(), stop.start() if stop else len(text)))
    return out


def test_findings(
    text: str, mentions: list[Mention], spans: list[tuple[int, int]] | None = None
) -> set[int]:
    """ids of the signs named in what an instrumental test showed ("MRI of the chest
    identified a posterior mediastinal mass"); ``spans`` are the :func:`result_spans` of
    ``mentions`` when the caller has them already."""
    if spans is None:
        spans = result_spans(text, mentions)
    return {
        id(m)
        for m in mentions
        if m.concept.type == "symptom"
        and not curated(m.concept)
        and any(a <= m.start < b for a, b in spans)
    }


#: a cell count beside the CSF examination it is part of ("lumbar puncture: cell count,
#: protein, glucose"): the examination is the test
_COUNT = re.compile(r"(?:white\s+)?cell\s+counts?", re.I)
_CSF = re.compile(r"cerebrospinal fluid|\bcsf\b|lumbar puncture", re.I)
_OF_BLOOD = re.compile(r"\b(?:blood|peripheral|serum|full)\b[^.;]*\Z", re.I)
_CLAUSE_BREAK = re.compile(r"[.;]|\b(?:but|and)\s+(?:the|her|his|a)\b")


#: an imaging test that guides a procedure ("CT-guided biopsy", "ultrasound guided"): the
#: procedure is the test done, the image only its aid
_GUIDING = re.compile(
    r"(?:-|\s)guided\s+(?:(?:core|needle|fine[- ]needle|percutaneous|transbronchial|"
    r"endobronchial|open|surgical)\s+)*(?:biops\w*|resections?|surgery|aspirations?|drainage|"
    r"punctures?|needles?|excisions?|sampling|injections?|placement)\b",
    re.I,
)


def aid_or_part(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """Whether a test mention names no test of its own: an image that guides a procedure
    ("CT-guided biopsy"), or a cell count beside the CSF examination it is part of."""
    if m.concept.type == "test" and _GUIDING.match(text, m.end):
        return True
    if not _COUNT.fullmatch(m.surface) or _OF_BLOOD.search(text, max(0, m.start - 20), m.start):
        return False
    return any(  # the CSF examination just before it, in its clause: "lumbar puncture: cell count"
        _CSF.search(o.concept.label)
        and o.end <= m.start
        and m.start - o.end <= 60
        and not _CLAUSE_BREAK.search(text, o.end, m.start)
        for o in mentions
    )
