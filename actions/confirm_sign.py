"""action_confirm_sign and action_sign_not_confirmed: one confirming question when the
evidence for a warning sign is weak or conflicting (actions/triage/evidence.py), and
the "no" to it.

The question names the sign and offers Yes / No buttons, but the answer is read from
whatever the patient types ("yes I do", "yep", "that's right", a description of the
sign, "no, that was my sister"): the RedFlagPolicy reads it on the next turn through
actions/triage/detection.py. For an emergency-tier sign the emergency advice comes
first, in the question itself: nobody should wait on a chatbot to call for help.
A sign said of someone else, with no carer in sight, is asked about the same way:
is it happening to the person who had kyphoplasty?
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.detection import CONFIRM_ACTION, NOT_CONFIRMED_ACTION, SIGN_TO_CONFIRM_SLOT
from actions.triage.rules import SIGNS_BY_KEY, TriageLevel
from actions.triage_state import form_answer_events, reading_of_latest_message

YES_NO_BUTTONS = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


class ActionConfirmSign(Action):
    def name(self) -> Text:
        return CONFIRM_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        reading = reading_of_latest_message(tracker)
        if not reading.to_confirm:
            return []
        warning_sign = SIGNS_BY_KEY[reading.to_confirm]
        tier = "emergency_" if warning_sign.level is TriageLevel.EMERGENCY else ""
        question = "whose_" if reading.asks_whose else ""
        dispatcher.utter_message(
            response=f"utter_confirm_{question}{tier}sign", sign_label=warning_sign.label, buttons=YES_NO_BUTTONS)
        # The answers the message gave the symptom check count (recorded before the
        # pending question is set, which would make them answers to it).
        return form_answer_events(tracker) + [SlotSet(SIGN_TO_CONFIRM_SLOT, reading.to_confirm)]


class ActionSignNotConfirmed(Action):
    def name(self) -> Text:
        return NOT_CONFIRMED_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        sign = SIGNS_BY_KEY.get(tracker.get_slot(SIGN_TO_CONFIRM_SLOT) or "")
        emergency = sign is not None and sign.level is TriageLevel.EMERGENCY
        dispatcher.utter_message(
            response="utter_sign_not_confirmed_emergency" if emergency else "utter_sign_not_confirmed"
        )
        return [SlotSet(SIGN_TO_CONFIRM_SLOT, None)]
