"""From symptom entities and their ConText modifiers to what the patient reported.

- Composition: a mention's sign can be upgraded by what surrounds it in the same
  sentence, towards the more serious reading (numbness + groin -> saddle numbness).
- Role: affirmed | negated | hypothetical | historical | other_person.
- Caregiver voice: someone describing the patient ("my mother had kyphoplasty and
  now her legs are numb") reports the patient's symptom, so it is affirmed.
"""
from __future__ import annotations

from typing import List, Tuple

from spacy.tokens import Doc, Span

SYMPTOM, BODY_PART, PROCEDURE = "SYMPTOM", "BODY_PART", "PROCEDURE"

NUMB_WORDS = ("numb", "tingl", "pins", "feel", "prick", "dead")
WEAK_WORDS = ("weak", "gave", "giving", "buckl", "collaps", "wobbly", "jelly")
SUDDEN_WORDS = {"sudden", "suddenly", "abruptly", "overnight"}
SPREAD_WORDS = {"spread", "spreading", "spreads", "radiating", "radiates", "shooting", "shoots",
                "travels", "travelling", "traveling", "down", "into", "moving", "wraps", "wrapping"}
SPREAD_PLACES = {"leg", "ribs", "saddle"}
SADDLE_DISTANCE = 5  # tokens between "numb" and "groin" that still describe one thing

FIRST_PERSON = {"i", "me", "ive", "i've"}
CAREGIVER_CUES = (
    "caring for", "care for", "look after", "looking after", "caregiver", "carer",
    "on behalf of", "asking for my", "asking for her", "asking for him", "writing for",
)


def _body_parts(sentence: Span) -> List[Span]:
    return [ent for ent in sentence.ents if ent.label_ == BODY_PART]


def _distance(a: Span, b: Span) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _composed_sign(mention: Span) -> str:
    """The most serious reading of a mention given its sentence."""
    sign = mention.ent_id_
    sentence = mention.sent
    text = mention.text.lower()
    words = {t.lower_ for t in sentence}
    parts = _body_parts(sentence)
    if sign == "nerve_symptoms":
        if any(p.ent_id_ == "saddle" and _distance(p, mention) <= SADDLE_DISTANCE for p in parts) and any(
            w in text for w in NUMB_WORDS
        ):
            return "saddle_numbness"
        if words & SUDDEN_WORDS and any(w in text for w in WEAK_WORDS):
            return "sudden_weakness"
    if sign == "back_pain" and words & SPREAD_WORDS and any(p.ent_id_ in SPREAD_PLACES for p in parts):
        return "pain_spreading"
    return sign


def resolve_mentions(doc: Doc) -> List[Tuple[Span, str]]:
    return [(ent, _composed_sign(ent)) for ent in doc.ents if ent.label_ == SYMPTOM]


def caregiver_voice(doc: Doc) -> bool:
    """Someone speaking for the patient: a relative or friend who had the procedure,
    or the writer says they care for the patient."""
    text = doc.text.lower()
    if any(cue in text for cue in CAREGIVER_CUES):
        return True
    has_procedure = any(ent.label_ == PROCEDURE for ent in doc.ents)
    return has_procedure and _relative_named(doc) and not _own_procedure(doc)


def _own_procedure(doc: Doc) -> bool:
    """"I had the kypho done": the writer is the patient, whoever else is mentioned."""
    for ent in doc.ents:
        if ent.label_ != PROCEDURE:
            continue
        before = {t.lower_ for t in doc[max(ent.start - 3, 0):ent.start]}
        previous = doc[ent.start - 1].lower_ if ent.start else ""
        if before & FIRST_PERSON or "my" in (ent[0].lower_, previous):
            return True
    return False


def _relative_named(doc: Doc) -> bool:
    """A relative mentioned anywhere (ConText marks only those near a target)."""
    modifiers = getattr(doc._, "context_graph", None)
    if modifiers is None:
        return False
    return any(m.category.upper() == "FAMILY" for m in modifiers.modifiers)


def mention_role(mention: Span, caregiver: bool) -> str:
    if mention._.is_family and not caregiver:
        return "other_person"
    if mention._.is_hypothetical:
        return "hypothetical"
    if mention._.is_negated:
        return "negated"
    if mention._.is_historical:
        return "historical"
    return "affirmed"
