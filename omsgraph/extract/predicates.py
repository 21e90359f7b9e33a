"""Which claim a mention states, from its concept's type and the relation frames around it:
a drug in a "cause" frame is a has_cause, in a "treat" frame a treated_by; a generic tumour a
test looks for is the tumour screening; "paraneoplastic" is a mechanism, autoimmunity a cause;
a vaccination is a trigger, a disease filed among signs an associated condition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from omsgraph.corpus.model import Concept
from omsgraph.corpus.vocabulary import normalise
from omsgraph.extract import differentials, retyping
from omsgraph.extract.lexicon import Mention
from omsgraph.extract.shapes import same_name
from omsgraph.extract.spelling import one_edit

__all__ = ["CAUSE_TYPES", "TREAT_TYPES", "Typing"]

CAUSE_TYPES = frozenset({"tumour", "infection", "cause"})
TREAT_TYPES = frozenset({"therapy", "procedure"})
_MECHANISM = re.compile(r"paraneoplastic")  # how tumours act on the condition, not a cause
_NO_CAUSE = re.compile(r"^idiopathic\b|^unknown cause")
_AFTER_INFECTION = re.compile(r"(?:post|para)[- ]?", re.IGNORECASE)
_BRACKET = re.compile(r"\s*\(.*?(?:\)|$)\s*")  # "OMS (Kinsbourne)": the other name
_ACRONYM = re.compile(r"[A-Z]{2,6}")


@dataclass(frozen=True)
class Typing:
    """The claim types of one project: its condition's id and label, the ids of its generic
    concepts ("tumour", "infection") and its tumour-screening concept."""

    condition: str
    condition_label: str
    generic: frozenset[str]
    screening: Concept | None

    def of(
        self,
        mention: Mention,
        frames: frozenset[str],
        section: frozenset[str],
        specific: frozenset[str],
        clause: frozenset[str],
    ) -> tuple[str, str, float] | None:
        """(predicate, object name, confidence) for a mention, or None when it states no claim."""
        concept = mention.concept
        kind, label = concept.type, concept.label
        generic = concept.id in self.generic
        if concept.id == self.condition:
            surface = _BRACKET.sub(" ", mention.surface).replace('"', "").strip(" '“”")
            if _ACRONYM.fullmatch(surface) or same_name(surface, self.condition_label):
                return None
            if "synonym" in frames | section:
                return "has_synonym", surface.lower(), 0.85
            words = set(normalise(surface).replace("-", " ").split())
            own = set(self.condition_label.replace("-", " ").split())
            other = {w for w in words - own if not any(one_edit(w, o) for o in own)}  # a slip
            if len(surface.split()) >= 2 and (words & own <= {"syndrome"} or other):
                return "has_synonym", surface.lower(), 0.5  # the document uses another name
            return None
        if kind == "condition":
            if "differential" in frames or "differential" in section:
                return "differential_diagnosis", label, 0.8
            if "cause" in clause:  # "linked with X", "after X": a disease is never a treatment
                return "has_cause", label, 0.6
            if "complication" in clause:  # "epilepsy developed later": a sequel
                return "has_complication", label, 0.6
            return None
        if (
            kind == "symptom"
            and "prodrome" in frames
            and "symptom" not in frames
            and not set(label.split()) & set(self.condition_label.replace("-", " ").split())
        ):
            return None  # "two weeks earlier she had a sore throat and fever": the infection's
        if kind in ("symptom", "complication", "infection") and (
            "adverse" in frames | section or "harm" in clause  # "the steroids gave him acne"
        ):
            return None  # "did not tolerate ACTH because of hypertension": a side effect
        if kind == "symptom":
            if differentials.DIFFERENTIAL in frames:  # "related disorders: X", "mistaken for X"
                return "differential_diagnosis", label, 0.6
            if retyping.disease_named(label):  # "celiac disease": another disease, no sign
                if "cause" in clause or "associated" in frames:
                    return "has_cause", label, 0.6  # "reported in patients with OMS"
                return None
            if "complication" in clause and not ({"symptom"} & (clause | section)):
                return "has_complication", label, 0.7
            return "has_symptom", label, 0.85 if "symptom" in frames | section else 0.7
        if kind == "complication":
            return "has_complication", label, 0.8
        post = _AFTER_INFECTION.match(mention.surface) is not None  # "post-infectious": a cause
        if kind == "infection" and "complication" in clause and "cause" not in clause and not post:
            return "has_complication", label, 0.6  # "recurrent infections were complications"
        if kind in CAUSE_TYPES:
            if kind == "infection" and differentials.DIFFERENTIAL in frames:
                return "differential_diagnosis", label, 0.6  # "mistaken for viral encephalitis"
            if kind == "tumour" and (
                "screen" in frames or (generic and "diagnose" in frames and "cause" not in frames)
            ):
                if self.screening is not None:
                    return "diagnosed_by", self.screening.label, 0.6
                return None
            if generic and kind in specific:  # "infection" beside "Epstein-Barr virus"
                return None
            if kind == "infection" and "relapse" in frames:  # "relapsed during a cold"
                return "has_cause", label, 0.6  # a relapse trigger (the annotation rules)
            if mechanism := _MECHANISM.search(label):  # how, not what (autoimmunity: a cause)
                return "mechanism", mechanism.group(), 0.6  # "paraneoplastic", as sources say
            if _NO_CAUSE.search(label):  # "idiopathic": the absence of a known cause
                return None
            if "cause" in frames or ("cause" in section and not frames & {"treat", "diagnose"}):
                return "has_cause", label, 0.8 if "cause" in frames else 0.65
            blocking = {"screen"} if kind == "tumour" and not generic else {"treat", "screen"}
            if (
                kind != "cause"
                and not (frames if generic else clause | frames - {"treat"}) & blocking
            ):
                if not generic:  # its own clause: "M. pneumoniae IgM was positive; he was treated"
                    return "has_cause", label, 0.5  # a named tumour or infection in an OMS text
                if kind == "infection" and "diagnose" not in frames:
                    return "has_cause", label, 0.4  # "after an infection": no named agent
            return None
        if kind in TREAT_TYPES | {"drug"} and retyping.exposure(label):  # "after vaccination"
            if "treat" in clause and "cause" not in clause:
                return None  # "vaccines should be avoided during immunosuppression"
            return "has_cause", label, 0.7 if "cause" in frames else 0.5
        if kind == "drug":
            if retyping.analyte(label) and (
                "treat" not in frames
                or "measured" in clause  # "urine glucose", "a ratio to creatinine"
                or ("treat" not in clause and clause & {"adverse", "diagnose", "harm"})
            ):
                return None  # "CSF glucose", "serum sodium was normal": a measured substance
            if (
                differentials.DIFFERENTIAL in frames
                and differentials.CLOSED not in frames
                and "treat" not in clause
            ):
                return None  # "toxic ingestion (e.g. benzodiazepines)": an exposure
            if (
                ("cause" in frames or "cause" in section and "treat" not in clause)
                and not frames & {"treat", "adverse", "harm"}
                and "treat" not in section
            ):
                return (
                    "has_cause",
                    label,
                    0.7,
                )  # not under "Treatment": "Rituximab if paraneoplastic"
            if generic and "treat" not in frames:
                return None
            return "treated_by", label, 0.85 if "treat" in frames | section else 0.6
        if kind in TREAT_TYPES:
            if retyping.tumour_removal(label):  # "adrenalectomy", "lumpectomy": the tumour out
                label = "tumour resection"
            return "treated_by", label, 0.85 if "treat" in frames | section else 0.65
        if kind == "test":
            return "diagnosed_by", label, 0.8
        if kind == "specialty":
            return "specialist", label, 0.7
        if kind == "finding" and "diagnose" in frames:
            return "diagnosed_by", label, 0.6
        return None
