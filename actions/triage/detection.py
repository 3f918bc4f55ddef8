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

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Set

from actions.triage.answers import TREND_SLOT, answers_question, pain_trend, says_no_worse, yes_no
from actions.triage.corrections import takes_back_previous_message
from actions.triage.evidence import DETECTOR_SURE, PLAUSIBLE, Decision, learned_decision
from actions.triage.pain_scores import (
    bare_score,
    lone_score,
    previous_pain_score,
    score_trend,
)
from actions.triage.rules import EMERGENCY_GROUP_KEY, EMERGENCY_SIGN_KEYS, SIGNS_BY_KEY

SYMPTOM_ENTITY = "symptom"
# The actions and the slot of the safety net (addons/red_flag_policy.py), named once
# for the Rasa server and the action server.
ESCALATION_ACTION = "action_escalate_red_flags"
CONFIRM_ACTION = "action_confirm_sign"
NOT_CONFIRMED_ACTION = "action_sign_not_confirmed"
SIGN_TO_CONFIRM_SLOT = "sign_to_confirm"
# Which signs which user message raised (action_escalate_red_flags), so that the next
# message can take them back (actions/triage/corrections.py).
REPORTED_AT_TURN_SLOT = "signs_reported_at_turn"
WITHDRAW_ACTION = "action_withdraw_signs"
# The confirming questions (data/responses/triage.yml, asked by actions/confirm_sign.py).
CONFIRMING_RESPONSES = tuple(
    f"utter_confirm_{whose}{tier}sign" for whose in ("", "whose_") for tier in ("", "emergency_")
)
# Parse-data keys of the learned sign detector (addons/sign_detector.py).
SIGN_SCORES_KEY = "sign_scores"
SIGN_SCORE_PIECES_KEY = "sign_score_pieces"  # the same, for the whole message and each sentence
REPORTER_ENTITY = "reporter"
CAREGIVER = "caregiver"

AFFIRMED = "affirmed"
NEGATED = "negated"
HYPOTHETICAL = "hypothetical"
HISTORICAL = "historical"
OTHER_PERSON = "other_person"  # someone else: the patient, when a carer is writing
NOT_PATIENT = "not_patient"  # never the patient: a pet, a child, the carer's own body
WORSE_WORD = "worse_word"  # "worse" on its own (nlp/assertion.py): the pain's direction
IDIOM = "idiom"  # "I went numb when I saw the bill": the words, as a figure of speech
# The saddle area named with no sign word (nlp/assertion.py): where numbness reported
# in the message before is ("the inside of my thighs, right up near my privates").
SADDLE_AREA = "saddle_area"
ROLES = (AFFIRMED, NEGATED, HYPOTHETICAL, HISTORICAL, OTHER_PERSON, NOT_PATIENT, IDIOM)

RED_FLAG_INTENTS: Dict[str, str] = {
    "report_pain_worse": "pain_worse",
    "report_pain_spreading": "pain_spreading",
    "report_nerve_symptoms": "nerve_symptoms",
    "report_posture_change": "posture_change",
    "report_infection_signs": "infection_signs",
    "report_emergency": EMERGENCY_GROUP_KEY,
}

# A warning-sign intent ranked at least this high is a plausible reading of an unclear
# message: nothing may skip the question that confirms it (addons/same_answer_intents.py).
PLAUSIBLE_SIGN_CONFIDENCE = PLAUSIBLE
# The signs the learned readings report: the group stands for every emergency sign
# (the detector and the intent learn them together), then the article's order.
LEARNED_SIGNS = (EMERGENCY_GROUP_KEY,) + tuple(RED_FLAG_INTENTS.values())[:-1]

# Findings that are not warning signs but that the intent classifier confuses with
# one: named in a message with no word for the sign itself, they explain the guess
# ("bit of bruising around the site, going yellow" is not the article's redness).
LOOKALIKES: Dict[str, FrozenSet[str]] = {
    "infection_signs": frozenset({"bruising"}),
    # a foot that went to sleep from sitting on it and was fine a minute later
    # (nlp/assertion.py keeps it apart only when the message says so)
    "nerve_symptoms": frozenset({"limb_asleep"}),
}

# Signs the same words can suggest at once: "her legs went numb" reads as numbness and
# as sudden weakness. Where the patterns read such words as denied, past, supposed or
# someone else's, a learned reading of a neighbour resting on those same words (in the
# same sentence) is explained by them; a sentence without them still counts.
NEIGHBOURS: Dict[str, FrozenSet[str]] = {
    "nerve_symptoms": frozenset({"sudden_weakness", "saddle_numbness", EMERGENCY_GROUP_KEY}),
    "sudden_weakness": frozenset({"nerve_symptoms"}),
    "saddle_numbness": frozenset({"nerve_symptoms"}),
    "pain_worse": frozenset({"pain_spreading"}),
    "pain_spreading": frozenset({"pain_worse"}),
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


def patient_roles(caregiver: bool, entities: Iterable[Mapping[str, Any]] = ()) -> Set[str]:
    """Which roles are the patient's. A caregiver describing the patient ("my mother's
    legs are numb") reports the patient's symptom. When the message itself shows the
    caregiver's voice, the pipeline already read each mention with that knowledge
    (the relative's signs affirmed, a friend's other_person); when only an earlier
    turn did, someone else in this message is taken to be the patient."""
    if caregiver and not caregiver_in(entities):
        return {AFFIRMED, OTHER_PERSON}
    return {AFFIRMED}


def same_sign(mention_sign: str, sign: str) -> bool:
    if sign == EMERGENCY_GROUP_KEY:
        return mention_sign in EMERGENCY_SIGN_KEYS
    return mention_sign == sign


@dataclass(frozen=True)
class MessageFacts:
    """What the NLU pipeline made of one user message."""

    intent: Optional[str] = None
    ranking: Mapping[str, float] = field(default_factory=dict)  # intent -> confidence
    entities: Sequence[Mapping[str, Any]] = ()
    # The sign detector's probabilities; None when it did not run (no evidence).
    sign_scores: Optional[Mapping[str, float]] = None
    text: Optional[str] = None
    # The detector's probabilities per piece: {"start", "end", "scores"}, the whole
    # message first, then each sentence.
    sign_score_pieces: Sequence[Mapping[str, Any]] = ()

    @classmethod
    def from_parse_data(cls, parse: Mapping[str, Any]) -> "MessageFacts":
        intent = (parse.get("intent") or {}).get("name")
        ranking = {r.get("name"): float(r.get("confidence") or 0.0) for r in parse.get("intent_ranking") or []}
        if intent and intent not in ranking:
            ranking[intent] = float((parse.get("intent") or {}).get("confidence") or 0.0)
        return cls(intent, ranking, list(parse.get("entities") or []), parse.get(SIGN_SCORES_KEY),
                   parse.get("text"), list(parse.get(SIGN_SCORE_PIECES_KEY) or []))

    @property
    def is_button(self) -> bool:
        """A payload ("/report_nerve_symptoms"): the patient chose it, nobody guessed."""
        text = self.text or ""
        return text.startswith("/") and bool(self.intent) and text[1:].split("{", 1)[0] == self.intent


@dataclass(frozen=True)
class TurnContext:
    """What the conversation knows when the message arrives."""

    requested_slot: Optional[str] = None  # the symptom-check question pending, if any
    caregiver: bool = False
    sign_to_confirm: Optional[str] = None  # the confirming question pending, if any
    previous_pain_score: Optional[float] = None  # the latest score an earlier message gave
    previous_bare_score: Optional[float] = None  # the message just before was only a number
    reported_before: FrozenSet[str] = frozenset()  # signs already reported in this conversation
    reported_last_turn: FrozenSet[str] = frozenset()  # signs the previous message raised


def turn_context(
    slot: "Callable[[str], Any]", form_active: bool, earlier_user_texts: Iterable[Optional[str]]
) -> TurnContext:
    """The context of a turn from the conversation's slots (`slot(name)`) and its
    earlier user messages, newest first: the same for the policy and the actions."""
    earlier_user_texts = list(earlier_user_texts)
    return TurnContext(
        requested_slot=slot("requested_slot") if form_active else None,
        caregiver=slot("reporter") == CAREGIVER,
        sign_to_confirm=slot(SIGN_TO_CONFIRM_SLOT),
        previous_pain_score=previous_pain_score(earlier_user_texts),
        previous_bare_score=bare_score(earlier_user_texts[0] if earlier_user_texts else None),
        reported_before=frozenset(slot("red_flags") or ()),
        reported_last_turn=signs_reported_at_turn(slot(REPORTED_AT_TURN_SLOT), len(earlier_user_texts)),
    )


def reported_at_turn(turn: int, signs: Iterable[str]) -> Dict[str, Any]:
    """The REPORTED_AT_TURN_SLOT value: which signs the `turn`-th user message raised."""
    return {"turn": turn, "signs": sorted(signs)}


def signs_reported_at_turn(value: Any, turn: int) -> FrozenSet[str]:
    """The signs the `turn`-th user message raised, if the slot says so."""
    if not isinstance(value, Mapping) or value.get("turn") != turn:
        return frozenset()
    return frozenset(value.get("signs") or ())


@dataclass(frozen=True)
class MessageReading:
    reported: FrozenSet[str]  # canonical sign keys reported for the patient
    to_confirm: Optional[str] = None  # the most serious sign with weak evidence, to ask about
    # The answer to a pending confirming question: True (yes, or the sign described),
    # False (no), None (no question pending, or the answer was unclear).
    confirmation: Optional[bool] = None
    # The reply to a confirming question said neither yes nor no: the sign is
    # reported anyway (the safe advice; the question is never asked twice).
    assumed: bool = False
    # The question is whose sign it is ("is this happening to the patient?"), not
    # whether there is one.
    asks_whose: bool = False
    # The signs of the previous message, taken back by this one ("wrong number").
    withdrawn: FrozenSet[str] = frozenset()


def _intent_confidence(facts: MessageFacts, sign: str) -> float:
    return facts.ranking.get(intent_for_sign(sign), 0.0)


def _detector_score(facts: MessageFacts, sign: str, explained: Sequence[Mapping[str, Any]] = ()) -> float:
    """The detector's probability for `sign`, from the pieces of the message whose
    words the patterns did not read as a neighbouring sign that is not the patient's
    (`explained`: those mentions)."""
    def score(scores: Mapping[str, float]) -> float:
        if sign in EMERGENCY_SIGN_KEYS:
            return max(scores.get(sign, 0.0), scores.get(EMERGENCY_GROUP_KEY, 0.0))
        return scores.get(sign, 0.0)

    if not facts.sign_score_pieces:
        return score(facts.sign_scores or {})
    near = [m for m in explained
            if sign in NEIGHBOURS.get(m.get("value") or "", ()) or same_sign(m.get("value") or "", sign)]
    kept = [piece for piece in facts.sign_score_pieces
            if not any(piece["start"] <= m.get("start", -1) < piece["end"] for m in near)]
    return max((score(piece["scores"]) for piece in kept), default=0.0)


def read_message(facts: MessageFacts, context: TurnContext = TurnContext()) -> MessageReading:
    """Which warning signs this message reports for the patient, and which one it
    only hints at (to be confirmed). The evidence table: actions/triage/evidence.py."""
    entities = list(facts.entities or ())
    roles = patient_roles(context.caregiver, entities)
    mentions = [m for m in symptom_mentions(entities) if m.get("value") in SIGNS_BY_KEY]
    text = facts.text

    flags = {m["value"] for m in mentions if m.get("role", AFFIRMED) in roles}
    not_patients = [m for m in mentions if m.get("role", AFFIRMED) not in roles]
    contradicted = {m["value"] for m in not_patients}
    # "not better, not worse": a denied "worse" denies the pain getting worse
    if any(m.get("value") == WORSE_WORD and m.get("role") == NEGATED for m in symptom_mentions(entities)):
        contradicted.add("pain_worse")

    def denied(sign: str) -> bool:
        return any(same_sign(c, sign) or same_sign(sign, c) for c in contradicted)

    # The symptom check's question pending, unless a confirming question came after
    # it: then "yes" answers the confirming question.
    form_question = None if context.sign_to_confirm else context.requested_slot
    asked = SIGN_QUESTION_SLOTS.get(form_question or "")
    if asked and yes_no(facts.intent, text) is True and not denied(asked):
        flags.add(asked)

    # "Getting worse" is the article's first sign: pain intensifies after relief.
    if form_question == TREND_SLOT and pain_trend(facts.intent, text) == "worse":
        flags.add("pain_worse")
    # Pain scores that rise ("3/10 last week, 8/10 today") report it at any time;
    # scores that fall contradict a reading that the pain got worse.
    # "it was a 3 last week" ... "now a 9": compared with the earlier message
    scores = score_trend(text, context.previous_pain_score, context.previous_bare_score)
    if scores == "worse":
        flags.add("pain_worse")
    # Numbness reported, then where it is: "the INSIDE of my thighs, up near my
    # privates" makes it numbness of the saddle area, an emergency.
    if "nerve_symptoms" in context.reported_before and any(
            m.get("value") == SADDLE_AREA and m.get("role", AFFIRMED) in roles for m in symptom_mentions(entities)):
        flags.add("saddle_numbness")

    # The learned readings, for every sign the patterns did not settle.
    explained = {m.get("value") for m in symptom_mentions(entities)}
    # A plain answer to the question asked ("it was last friday" to "how long
    # ago?") is not a report because the classifier had to guess an intent for it;
    # what its words say still counts (the detector reads each sentence alone).
    plain_answer = not mentions and answers_question(form_question, text)
    # One pain score said on its own, compared with nothing, says no direction.
    lone = scores is None and lone_score(text)
    pending = context.sign_to_confirm
    answer = yes_no(facts.intent, text) if pending else None
    weak: List[str] = []
    found_by_patterns = set(flags)
    for sign in LEARNED_SIGNS:
        if any(same_sign(f, sign) for f in flags) or denied(sign):
            continue
        if answer is False and pending and (same_sign(pending, sign) or same_sign(sign, pending)):
            continue  # "no, the chest pain was another resident's": the no answers for it
        if explained & LOOKALIKES.get(sign, frozenset()):
            continue  # "bruising going yellow" explains an infection guess
        if sign == "pain_worse" and (scores in ("better", "same") or says_no_worse(text)):
            continue  # the numbers, or the words, say it is no worse
        detector = _detector_score(facts, sign, not_patients)
        if _split_with_the_patterns_sign(facts, sign, found_by_patterns, detector):
            continue
        if sign == "pain_worse" and lone and detector < DETECTOR_SURE:
            continue  # "Mum's pain was a 7 the week after": a score, not a change
        intent_confidence = 0.0 if plain_answer else _intent_confidence(facts, sign)
        if facts.is_button:
            decision = Decision.REPORTED if facts.intent == intent_for_sign(sign) else Decision.NOTHING
        elif facts.sign_scores is None:
            # No detector (a model trained without it): the classifier's pick counts.
            decision = Decision.REPORTED if facts.intent == intent_for_sign(sign) and intent_confidence else Decision.NOTHING
        else:
            decision = learned_decision(intent_confidence, detector)
        if decision is Decision.REPORTED:
            flags.add(sign)
        elif decision is Decision.CONFIRM:
            weak.append(sign)

    # A specific emergency sign makes the generic group redundant.
    if flags & EMERGENCY_SIGN_KEYS:
        flags.discard(EMERGENCY_GROUP_KEY)

    confirmation: Optional[bool] = None
    assumed = False
    if pending:
        described = any(same_sign(f, pending) or same_sign(pending, f) for f in flags) or pending in weak
        # A plain "no" wins over a learned reading of the sign in the same reply; the
        # patterns' own finding for the patient still counts.
        if answer is True or (described and answer is not False):
            confirmation = True
        elif answer is False or denied(pending):
            confirmation = False
        if confirmation is not False:
            # Yes, the sign described again, or no answer either way: never ask twice.
            assumed = confirmation is None
            flags.add(pending)
        weak = []

    if not flags and not pending and context.reported_last_turn and takes_back_previous_message(text):
        # "wrong number, sorry": what the previous message raised is taken back
        return MessageReading(frozenset(), withdrawn=context.reported_last_turn)
    to_confirm = None
    whose = False
    if not flags and not pending:
        # A sign said of someone else, with no carer in sight ("my sister's legs went
        # numb"): is it the patient? Asked before a weak reading, being plainer.
        others = [m["value"] for m in mentions if m.get("role") == OTHER_PERSON and m["value"] in SIGNS_BY_KEY]
        if others:
            to_confirm, whose = _most_serious(others), True
        elif weak:
            to_confirm = _most_serious(weak)
    return MessageReading(frozenset(flags), to_confirm, confirmation, assumed, whose)


def _split_with_the_patterns_sign(facts: MessageFacts, sign: str, found: Set[str], detector: float) -> bool:
    """"my sister says her legs went numb this morning": the patterns found numbness
    for the patient, and the classifier is split between it and its emergency
    neighbour. The words settle it (numbness, urgent), unless the detector is sure of
    the emergency. The urgent advice says when to call the emergency number."""
    if sign not in EMERGENCY_SIGN_KEYS and sign != EMERGENCY_GROUP_KEY:
        return False
    neighbours = {f for f in found if sign in NEIGHBOURS.get(f, ()) and f not in EMERGENCY_SIGN_KEYS}
    return bool(neighbours) and detector < DETECTOR_SURE and any(
        _intent_confidence(facts, f) >= PLAUSIBLE for f in neighbours)


def _most_serious(signs: Iterable[str]) -> str:
    order = list(SIGNS_BY_KEY)
    return min(signs, key=lambda s: (-SIGNS_BY_KEY[s].level, order.index(s)))


def red_flags_in_message(
    intent: Optional[str],
    entities: Iterable[Mapping[str, Any]],
    requested_slot: Optional[str] = None,
    caregiver: bool = False,
    text: Optional[str] = None,
) -> FrozenSet[str]:
    """The signs reported by a message read without the learned detector: the
    patterns, the answers to the symptom check, pain scores and the intent."""
    facts = MessageFacts(intent, {intent: 1.0} if intent else {}, list(entities or ()), None, text)
    return read_message(facts, TurnContext(requested_slot, caregiver)).reported


def unconfirmed_sign_mentions(
    intent: Optional[str], entities: Iterable[Mapping[str, Any]], caregiver: bool = False
) -> Dict[str, str]:
    """Warning signs the message talks about without reporting them for the patient
    (negated, hypothetical, resolved, someone else's): sign key -> role."""
    entities = list(entities or ())
    roles = patient_roles(caregiver, entities)
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


def sign_slot_roles(entities: Iterable[Mapping[str, Any]], caregiver: bool = False) -> Dict[str, Optional[str]]:
    """For each symptom-check question a message speaks to, the symptom's role;
    "affirmed" when it is reported for the patient (that wins over a denial)."""
    entities = list(entities or ())
    roles = patient_roles(caregiver, entities)
    found: Dict[str, Optional[str]] = {}
    for m in symptom_mentions(entities):
        slot = slot_for_sign(m.get("value", ""))
        if not slot:
            continue
        role = AFFIRMED if m.get("role", AFFIRMED) in roles else m.get("role")
        if found.get(slot) != AFFIRMED:
            found[slot] = role
    return found
