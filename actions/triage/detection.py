"""Which warning signs does one user message report for the patient?

Pure Python, shared by the red-flag policy (Rasa server, decides *whether* to
escalate this turn) and the escalation action (action server, says *what*), so the
two can never disagree.

Evidence, in order of trust:
1. symptom entities from the spaCy pipeline, each with its assertion role;
2. the answer "yes" to a warning-sign question of the symptom check, and pain
   scores that rise ("3/10 last week, 8/10 today", actions/triage/pain_scores.py);
3. the NLU intent, unless an entity for the same sign says it is negated,
   hypothetical, resolved or someone else's, falling pain scores contradict it, or
   a look-alike finding explains it (LOOKALIKES).
"""
from __future__ import annotations

import json
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Set

from actions.triage.answers import TREND_SLOT, answers_question, pain_trend, yes_no
from actions.triage.pain_scores import pain_score_trend
from actions.triage.rules import EMERGENCY_GROUP_KEY, EMERGENCY_SIGN_KEYS, SIGNS_BY_KEY

SYMPTOM_ENTITY = "symptom"
REPORTER_ENTITY = "reporter"
CAREGIVER = "caregiver"

AFFIRMED = "affirmed"
NEGATED = "negated"
HYPOTHETICAL = "hypothetical"
HISTORICAL = "historical"
OTHER_PERSON = "other_person"
ROLES = (AFFIRMED, NEGATED, HYPOTHETICAL, HISTORICAL, OTHER_PERSON)

RED_FLAG_INTENTS: Dict[str, str] = {
    "report_pain_worse": "pain_worse",
    "report_pain_spreading": "pain_spreading",
    "report_nerve_symptoms": "nerve_symptoms",
    "report_posture_change": "posture_change",
    "report_infection_signs": "infection_signs",
    "report_emergency": EMERGENCY_GROUP_KEY,
}

# A warning-sign intent ranked at least this high is a plausible reading of an unclear
# message: the clarifying question asks about it (actions/clarify.py), and nothing
# may skip that question (addons/same_answer_intents.py).
PLAUSIBLE_SIGN_CONFIDENCE = 0.2

# Findings that are not warning signs but that the intent classifier confuses with
# one: named in a message with no word for the sign itself, they explain the guess
# ("bit of bruising around the site, going yellow" is not the article's redness).
LOOKALIKES: Dict[str, FrozenSet[str]] = {
    "infection_signs": frozenset({"bruising"}),
    # a foot that went to sleep from sitting on it and was fine a minute later
    # (nlp/assertion.py keeps it apart only when the message says so)
    "nerve_symptoms": frozenset({"limb_asleep"}),
}

# The symptom check asks each warning sign in turn; "yes" to one reports it.
SIGN_QUESTION_SLOTS: Dict[str, str] = {
    "sign_emergency": EMERGENCY_GROUP_KEY,
    "sign_pain_worse": "pain_worse",
    "sign_pain_spreading": "pain_spreading",
    "sign_nerve_symptoms": "nerve_symptoms",
    "sign_posture_change": "posture_change",
    "sign_infection_signs": "infection_signs",
}
SLOT_FOR_SIGN: Dict[str, str] = {sign: slot for slot, sign in SIGN_QUESTION_SLOTS.items()}


def slot_for_sign(sign: str) -> Optional[str]:
    """The symptom-check question a sign answers (emergency signs share one)."""
    if sign in EMERGENCY_SIGN_KEYS:
        return SLOT_FOR_SIGN[EMERGENCY_GROUP_KEY]
    return SLOT_FOR_SIGN.get(sign)


def symptom_mentions(entities: Iterable[Mapping[str, Any]]) -> List[Mapping[str, Any]]:
    return [e for e in entities or () if e.get("entity") == SYMPTOM_ENTITY]


def caregiver_in(entities: Iterable[Mapping[str, Any]]) -> bool:
    return any(
        e.get("entity") == REPORTER_ENTITY and e.get("value") == CAREGIVER
        for e in entities or ()
    )


def patient_roles(caregiver: bool) -> Set[str]:
    """A caregiver describing the patient ("my mother's legs are numb") reports the
    patient's symptom; anyone else's symptom is not the patient's."""
    return {AFFIRMED, OTHER_PERSON} if caregiver else {AFFIRMED}


def same_sign(mention_sign: str, sign: str) -> bool:
    if sign == EMERGENCY_GROUP_KEY:
        return mention_sign in EMERGENCY_SIGN_KEYS
    return mention_sign == sign


def red_flags_in_message(
    intent: Optional[str],
    entities: Iterable[Mapping[str, Any]],
    requested_slot: Optional[str] = None,
    caregiver: bool = False,
    text: Optional[str] = None,
) -> FrozenSet[str]:
    """Canonical warning-sign keys this message reports for the patient.

    `requested_slot` is the symptom-check question being answered, if any."""
    entities = list(entities or ())
    caregiver = caregiver or caregiver_in(entities)
    roles = patient_roles(caregiver)
    mentions = [m for m in symptom_mentions(entities) if m.get("value") in SIGNS_BY_KEY]

    flags = {m["value"] for m in mentions if m.get("role", AFFIRMED) in roles}

    asked = SIGN_QUESTION_SLOTS.get(requested_slot or "")
    if asked and yes_no(intent, text) is True:
        denied = any(
            same_sign(m["value"], asked) and m.get("role", AFFIRMED) not in roles
            for m in mentions
        )
        if not denied:
            flags.add(asked)

    # "Getting worse" is the article's first sign: pain intensifies after relief.
    if requested_slot == TREND_SLOT and pain_trend(intent, text) == "worse":
        flags.add("pain_worse")
    # Pain scores that rise ("3/10 last week, 8/10 today") report it at any time;
    # scores that fall contradict a guess that the pain got worse.
    scores = pain_score_trend(text)
    if scores == "worse":
        flags.add("pain_worse")

    # The intent alone is the weakest evidence: the classifier must guess on every
    # message, so it is not taken over a plain answer to the question asked
    # ("it was last friday" to "how long ago?"). A symptom named in the answer
    # still counts (above), whatever the question.
    intent_sign = RED_FLAG_INTENTS.get(intent or "")
    if intent_sign and not mentions and answers_question(requested_slot, text):
        intent_sign = None
    if intent_sign == "pain_worse" and scores in ("better", "same"):
        intent_sign = None
    # (A word for the sign itself still counts: it is among the mentions above.)
    if {m.get("value") for m in symptom_mentions(entities)} & LOOKALIKES.get(intent_sign or "", frozenset()):
        intent_sign = None
    if intent_sign:
        same = [m for m in mentions if same_sign(m["value"], intent_sign)]
        contradicted = any(m.get("role", AFFIRMED) not in roles for m in same)
        already_specific = any(m.get("role", AFFIRMED) in roles for m in same)
        if not contradicted and not already_specific:
            flags.add(intent_sign)

    # A specific emergency sign makes the generic group redundant.
    if flags & EMERGENCY_SIGN_KEYS:
        flags.discard(EMERGENCY_GROUP_KEY)
    return frozenset(flags)


def unconfirmed_sign_mentions(
    intent: Optional[str], entities: Iterable[Mapping[str, Any]], caregiver: bool = False
) -> Dict[str, str]:
    """Warning signs the message talks about without reporting them for the patient
    (negated, hypothetical, resolved, someone else's): sign key -> role."""
    entities = list(entities or ())
    roles = patient_roles(caregiver or caregiver_in(entities))
    found: Dict[str, str] = {}
    for m in symptom_mentions(entities):
        role = m.get("role", AFFIRMED)
        if m.get("value") in SIGNS_BY_KEY and role not in roles:
            found.setdefault(m["value"], role)
    return found


def intent_for_sign(sign: str) -> str:
    if sign in EMERGENCY_SIGN_KEYS or sign == EMERGENCY_GROUP_KEY:
        return "report_emergency"
    return next(i for i, s in RED_FLAG_INTENTS.items() if s == sign)


def intent_for_signs(guessed_intent: Optional[str], flags: Iterable[str]) -> Optional[str]:
    """The intent for a message whose words report `flags`: the classifier's guess if
    it is a warning-sign intent (or nothing was reported), else the intent of the
    most serious sign reported (emergency first, then the article's order)."""
    flags = set(flags)
    if not flags or guessed_intent in RED_FLAG_INTENTS:
        return guessed_intent
    order = list(RED_FLAG_INTENTS)  # the article's order, emergency last: put it first
    return min(map(intent_for_sign, flags), key=lambda i: (i != "report_emergency", order.index(i)))


def report_payload(sign: str, caregiver: bool = False) -> str:
    """A button payload that reports `sign` for the patient (e.g. after "is that
    happening to the patient?"), so the red-flag policy escalates it."""
    entities: Dict[str, str] = {}
    intent = intent_for_sign(sign)
    if sign in EMERGENCY_SIGN_KEYS:
        entities[SYMPTOM_ENTITY] = sign
    if caregiver:
        entities[REPORTER_ENTITY] = CAREGIVER
    return "/" + intent + (json.dumps(entities) if entities else "")


def sign_slot_roles(entities: Iterable[Mapping[str, Any]], caregiver: bool = False) -> Dict[str, str]:
    """For each symptom-check question a message speaks to, the symptom's role;
    "affirmed" when it is reported for the patient (that wins over a denial)."""
    entities = list(entities or ())
    roles = patient_roles(caregiver or caregiver_in(entities))
    found: Dict[str, str] = {}
    for m in symptom_mentions(entities):
        slot = slot_for_sign(m.get("value", ""))
        if not slot:
            continue
        role = AFFIRMED if m.get("role", AFFIRMED) in roles else m.get("role")
        if found.get(slot) != AFFIRMED:
            found[slot] = role
    return found
