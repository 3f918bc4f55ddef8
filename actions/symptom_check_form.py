"""The symptom check: starting it, reading each answer, stopping it.

One question at a time (domain.yml, forms). An answer the form cannot use is re-asked
once with an example, then recorded as "unknown" and the form moves on: it never
guesses. A question asked in the middle is left to the rules (data/rules/), which
answer it and resume the form.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.answers import INTERRUPTION_INTENTS, TREND_SLOT, WEEKS_SLOT
from actions.triage.detection import SIGN_QUESTION_SLOTS
from actions.triage_state import FORM_NAME, UNKNOWN, check_answer_values

REASKED_SLOT = "symptom_check_reasked"
REASK_RESPONSE = {WEEKS_SLOT: "utter_reask_weeks_since_procedure", TREND_SLOT: "utter_reask_pain_trend"}


class ActionStartSymptomCheck(Action):
    def name(self) -> Text:
        return "action_start_symptom_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_start_symptom_check")
        # A new check asks again what was denied or unknown; a reported sign stays.
        return [
            SlotSet(slot, None)
            for slot in SIGN_QUESTION_SLOTS
            if tracker.get_slot(slot) is not True
        ] + [SlotSet(REASKED_SLOT, None)]


class ValidateSymptomCheckForm(FormValidationAction):
    def name(self) -> Text:
        return f"validate_{FORM_NAME}"

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        if tracker.active_loop and _action_before_form(tracker) != "action_listen":
            # Back after an escalation or an answered question: this message was
            # already dealt with, so only the next question is asked.
            return []
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        if intent in INTERRUPTION_INTENTS:
            return []  # the form is rejected; a rule answers, then resumes the form
        requested = tracker.get_slot("requested_slot")
        values = check_answer_values(tracker)
        if requested and not values:
            return self._unusable_answer(dispatcher, tracker, requested)
        events: List[EventType] = [SlotSet(slot, value) for slot, value in values.items()]
        if requested in values:
            events.append(SlotSet(REASKED_SLOT, None))
        return events

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        events = await super().get_validation_events(dispatcher, tracker, domain)
        # Rasa SDK keeps only the form's own questions here; the re-ask marker must
        # pass through too, or the form sees "nothing extracted" and is rejected.
        recent = tracker.slots_to_validate()
        if REASKED_SLOT in recent:
            events.append(SlotSet(REASKED_SLOT, recent[REASKED_SLOT]))
        return events

    @staticmethod
    def _unusable_answer(
        dispatcher: CollectingDispatcher, tracker: Tracker, requested: Text
    ) -> List[EventType]:
        if tracker.get_slot(REASKED_SLOT) == requested:
            dispatcher.utter_message(response="utter_moving_on")
            return [SlotSet(requested, UNKNOWN), SlotSet(REASKED_SLOT, None)]
        dispatcher.utter_message(response=REASK_RESPONSE.get(requested, "utter_reask_sign"))
        return [SlotSet(REASKED_SLOT, requested)]


def _action_before_form(tracker: Tracker) -> Optional[Text]:
    actions = [e.get("name") for e in tracker.events if e.get("event") == "action"]
    # Rasa appends the form's own ActionExecuted to the tracker it sends here.
    if actions and actions[-1] == FORM_NAME:
        actions.pop()
    return actions[-1] if actions else None


class ActionStopSymptomCheck(Action):
    def name(self) -> Text:
        return "action_stop_symptom_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_symptom_check_stopped")
        return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet(REASKED_SLOT, None)]
