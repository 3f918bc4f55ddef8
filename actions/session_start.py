"""action_session_start: the clinic's details, and the disclaimer once per session."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.clinic import load_clinic
from actions.triage.detection import SIGN_TO_CONFIRM_SLOT


class ActionSessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        events: List[EventType] = [SessionStarted()]
        if domain.get("session_config", {}).get("carry_over_slots_to_new_session", True):
            # Carried over so that a reported warning sign is not forgotten; a
            # question left unanswered is not (a reply hours later answers nothing).
            events += [
                SlotSet(key, value)
                for key, value in tracker.current_slot_values().items()
                if value is not None and not key.startswith("clinic_") and key != SIGN_TO_CONFIRM_SLOT
            ]
        # Read at every session so that an edited clinic.yml applies at once.
        clinic_slots = load_clinic().slots()
        events += [SlotSet(key, value) for key, value in clinic_slots.items()]
        dispatcher.utter_message(response="utter_session_disclaimer", **clinic_slots)
        events.append(ActionExecuted("action_listen"))
        return events
