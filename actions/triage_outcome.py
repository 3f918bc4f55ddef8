"""action_triage_outcome: the end of the symptom check.

The result, the reason in one sentence, what to do, and the visit summary. The level
shown is the conversation's highest: an earlier warning sign is not erased by later
reassuring answers.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.rules import SECOND_OPINION_AFTER_WEEKS, assess, highest
from actions.triage_state import (
    UNKNOWN,
    current_level,
    patient_report,
    record_triage,
    sign_labels,
)
from actions.triage.detection import SIGN_QUESTION_SLOTS
from actions.visit_summary import utter_visit_summary


class ActionTriageOutcome(Action):
    def name(self) -> Text:
        return "action_triage_outcome"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        outcome = assess(patient_report(tracker))
        level = highest([current_level(tracker), outcome.level])
        events = record_triage(
            tracker, outcome.level, outcome.red_flags, outcome.reasons, outcome.second_opinion_reasons
        )
        # When an earlier turn set a higher level, its reason is the one that counts.
        earlier_reasons = tracker.get_slot("triage_reasons") or []
        reason = (
            outcome.reasons[0]
            if level == outcome.level or not earlier_reasons
            else earlier_reasons[0]
        )
        dispatcher.utter_message(
            response=f"utter_outcome_{level.slot_value}",
            reason=reason,
            threshold_weeks=SECOND_OPINION_AFTER_WEEKS,
        )
        unsure = [sign for slot, sign in SIGN_QUESTION_SLOTS.items() if tracker.get_slot(slot) == UNKNOWN]
        if unsure:
            dispatcher.utter_message(response="utter_unsure_signs", signs=sign_labels(unsure))
        tracker.add_slots([e for e in events if isinstance(e, dict) and e.get("event") == "slot"])
        utter_visit_summary(dispatcher, tracker)
        return events + [SlotSet("requested_slot", None)]
