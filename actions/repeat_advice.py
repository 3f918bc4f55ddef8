"""action_repeat_advice: "what should I do?" after an outcome gets that outcome again.

A patient (or carer) told to call the clinic or the emergency number often asks next
"what should I do?", "what should she do?", "can it wait till Monday?". The answer is
the advice already given, with the number to call, never an unrelated topic. Before
any outcome, the patient is invited to describe what is happening or to start the
symptom check.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.rules import SECOND_OPINION_AFTER_WEEKS, TriageLevel
from actions.triage_state import current_level, sign_labels

ESCALATION_RESPONSE = {
    TriageLevel.EMERGENCY: "utter_escalate_emergency",
    TriageLevel.URGENT: "utter_escalate_urgent",
}


class ActionRepeatAdvice(Action):
    def name(self) -> Text:
        return "action_repeat_advice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        level = current_level(tracker)
        if level is None:
            dispatcher.utter_message(response="utter_what_to_do_no_outcome")
        elif level in ESCALATION_RESPONSE:
            signs = sign_labels(tracker.get_slot("red_flags") or [])
            dispatcher.utter_message(response=ESCALATION_RESPONSE[level], signs=signs)
        else:
            reasons = tracker.get_slot("triage_reasons") or [""]
            dispatcher.utter_message(
                response=f"utter_outcome_{level.slot_value}",
                reason=reasons[0],
                threshold_weeks=SECOND_OPINION_AFTER_WEEKS,
            )
        return []
