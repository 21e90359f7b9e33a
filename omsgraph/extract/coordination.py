"""The shapes of a coordination that names several concepts with one shared word: "lung or
breast cancer", "cognitive, language and behavioural deficits" (the head after the list), and
"problems with attention, speech and behaviour", "deficits in learning and language" (the head
before it). The extractor (omsgraph/extract/pipeline.py) looks each conjunct up with the head."""

from __future__ import annotations

import re

from omsgraph.extract import openvocab

__all__ = ["DEFICIT_HEAD", "DEFICIT_WORDS", "LIST_SPLIT", "POST_COORD", "POST_HEADS", "PRE_COORD"]

PRE_COORD = re.compile(  # possessive words and gaps: what follows each never fits in it (speed)
    r"\b([A-Za-z][\w-]*+)((?:,\s*+[A-Za-z][\w-]*+)*),?\s++(?:and/or|and|or)\s++(?!(?:and|or)\b)"
    r"([A-Za-z][\w-]*+)\s++(?!(?:and|or)\b)([A-Za-z][\w-]*+)(?:\s++([A-Za-z][\w-]*+))?+"
)
POST_COORD = re.compile(
    r"\b(difficult(?:y|ies)|problems?|issues?|trouble|deficits?|impairments?|tumou?rs?|cancers?|"
    r"infections?|testing|tests?|"
    r"analys[ie]s)(?:\s*:\s*|\s+)"  # "long-term issues: learning, speech, sleep"
    r"(?:(?:with|of|in|affecting)\s+(?:the\s+)?)?"
    r"([a-z][^.;:()]{0,120}?(?:,|\band\b|\bor\b)[^.;:()]{0,200})"
)
POST_HEADS = re.compile(
    r"difficult|problem|issue|trouble|deficit|impairment|tumou?r|cancer|infection|test|analys"
)
LIST_SPLIT = re.compile(r",\s*(?:and/or\s+|and\s+|or\s+)?|\s+(?:and/or|and|or)\s+")
DEFICIT_HEAD = openvocab.phrase_pattern("DEFICIT_HEAD")
#: the heads a deficit is named with most often, tried in this order
DEFICIT_WORDS = ("problems", "impairment", "difficulties", "disorder")
