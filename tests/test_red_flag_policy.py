"""RedFlagPolicy on tracker fixtures: which action it runs for a message, given the
NLU's readings (intent, patterns, sign detector) and the question pending. No trained
model: milliseconds per case."""
from typing import Any, Dict, List, Optional

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.shared.core.domain import Domain

from actions.triage.detection import CONFIRM_ACTION, ESCALATION_ACTION, NOT_CONFIRMED_ACTION, SIGN_TO_CONFIRM_SLOT
from addons.red_flag_policy import RedFlagPolicy
from harness.processes import ROOT

POLICY = RedFlagPolicy(RedFlagPolicy.get_default_config(), None, None, ExecutionContext(GraphSchema({})))
SLOTS = Domain.load(str(ROOT / "domain.yml")).slots


def said(text: str, intent: str, confidence: float = 0.9, scores: Optional[Dict[str, float]] = None,
         entities: Optional[List[Dict[str, Any]]] = None) -> UserUttered:
    parse = {
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [{"name": intent, "confidence": confidence}],
        "entities": entities or [],
        "sign_scores": scores if scores is not None else {},
        "text": text,
    }
    return UserUttered(text, parse["intent"], parse["entities"], parse)


def next_action(*events, slots=None) -> Optional[str]:
    tracker = DialogueStateTracker.from_events("t", [ActionExecuted(ACTION_LISTEN_NAME)], slots=SLOTS)
    for name, value in (slots or {}).items():
        tracker.update(SlotSet(name, value))
    for event in events:
        tracker.update(event)
    return POLICY.next_action(tracker)


def test_the_words_and_the_classifier_agreeing_escalate_at_once():
    message = said("my legs have gone to jelly", "report_nerve_symptoms", 0.9, {"nerve_symptoms": 0.7})
    assert next_action(message) == ESCALATION_ACTION


def test_the_classifier_alone_raises_nothing():
    message = said("sorry wrong person", "report_pain_worse", 0.95, {"pain_worse": 0.01})
    assert next_action(message) is None


def test_weak_evidence_gets_one_confirming_question_and_the_question_waits():
    message = said("it feels a bit funny down there", "report_emergency", 0.4, {"emergency_sign": 0.2})
    assert next_action(message) == CONFIRM_ACTION
    assert next_action(message, ActionExecuted(CONFIRM_ACTION)) == ACTION_LISTEN_NAME


@pytest.mark.parametrize("reply, intent, expected", [
    ("yes i do", "affirm", ESCALATION_ACTION),
    ("yep", "nlu_fallback", ESCALATION_ACTION),
    ("no", "deny", NOT_CONFIRMED_ACTION),
    ("no, that was my sister", "deny", NOT_CONFIRMED_ACTION),
    ("hmm", "nlu_fallback", ESCALATION_ACTION),  # neither: the safe advice, not the question again
])
def test_the_typed_answer_to_a_pending_question(reply, intent, expected):
    assert next_action(said(reply, intent), slots={SIGN_TO_CONFIRM_SLOT: "emergency_sign"}) == expected


def test_after_the_no_is_acknowledged_the_assistant_waits_for_the_patient():
    tracker_events = [said("no", "deny"), ActionExecuted(NOT_CONFIRMED_ACTION)]
    tracker = DialogueStateTracker.from_events("t", [ActionExecuted(ACTION_LISTEN_NAME), *tracker_events])
    assert POLICY.next_action(tracker) == ACTION_LISTEN_NAME


def test_pain_scores_rising_across_messages_escalate():
    first = said("it was a 3 last week", "inform_time_since_procedure", 0.6)
    second = said("now a 9", "inform_time_since_procedure", 0.6)
    assert next_action(first, ActionExecuted(ACTION_LISTEN_NAME), second) == ESCALATION_ACTION
