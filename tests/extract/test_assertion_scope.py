"""Hedging scope of clinical English (issue 12, third round): shares of patients, coordinated
subjects, fronted phrases, conditions, and a claim said plainly after it was hedged.

Every sentence here is written for the test; none is taken from a development document.
"""

from __future__ import annotations

from omsgraph.extract import Extractor, assertion


def status(text: str, span: str) -> tuple[str, str]:
    at = text.index(span)
    return assertion(text, at, at + len(span))


def test_a_share_of_patients_short_of_most_hedges() -> None:
    assert status("Many children keep a mild tremor for years.", "tremor")[1] == "hedged"
    assert status("A small subset of adults develop a rash.", "rash")[1] == "hedged"
    assert status("Several patients were left with a squint.", "squint")[1] == "hedged"
    assert status("In rare instances, fever and vomiting occur.", "vomiting")[1] == "hedged"
    assert status("In other instances, a rash appears.", "rash")[1] == "hedged"
    # "in some patients" qualifies its whole clause, also when it comes last
    assert status("Headache occurs in some patients.", "Headache")[1] == "hedged"
    # most patients, or many symptoms (not a share of patients), assert
    assert status("Most children keep a mild tremor.", "tremor")[1] == "asserted"
    assert status("It shows many signs, such as a squint.", "squint")[1] == "asserted"


def test_a_verb_group_after_a_coordinated_subject_covers_every_item() -> None:
    s = "Drowsiness, nausea, low mood and a rash are frequent side effects."
    for item in ("Drowsiness", "nausea", "low mood", "rash"):
        assert status(s, item)[1] == "hedged", item
    s = "Aspirin, heat packs and massage do not help."
    for item in ("Aspirin", "heat packs", "massage"):
        assert status(s, item)[0] == "negated", item
    # a fronted phrase is no item of the subject; an aside is no verb group
    assert status("After surgery, pain and fever are frequent.", "surgery")[1] == "asserted"
    assert status("Pain, and often fever, follow.", "Pain")[1] == "asserted"


def test_a_fronted_phrase_or_subordinate_clause_ends_at_its_comma() -> None:
    s = "Besides resting the leg, swelling may respond to cold packs."
    assert status(s, "resting the leg")[1] == "asserted"
    assert status(s, "cold packs")[1] == "hedged"
    s = "Although the headache may fade, a squint often persists."
    assert status(s, "squint")[1] == "hedged"
    assert status("Whilst vomiting is common, fever is not.", "vomiting")[0] == "affirmed"


def test_a_condition_hedges_but_an_indirect_question_does_not() -> None:
    assert status("If a cyst is found, it is drained.", "cyst")[1] == "hedged"
    assert status("Unless a fever develops, no test is needed.", "fever")[1] == "hedged"
    assert status("She was scanned to see if a cyst was there.", "cyst")[1] == "asserted"
    assert status("They checked whether a rash was present.", "rash")[1] == "asserted"


def test_a_claim_said_plainly_after_it_was_hedged_is_asserted(extractor: Extractor) -> None:
    text = "The girl may have ataxia. Two days later she had ataxia and a tremor."
    (claim,) = [c for c in extractor.extract(text) if c.object == "ataxia"]
    assert claim.certainty == "asserted"
    assert claim.quote.startswith("Two days later")
    # the other way round the first, asserted, quote stays
    text = "The girl had ataxia. Her brother may have ataxia too."
    (claim,) = [c for c in extractor.extract(text) if c.object == "ataxia"]
    assert (claim.certainty, claim.quote) == ("asserted", "The girl had ataxia.")
