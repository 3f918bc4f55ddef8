"""action_respond_to_sign_mention: a warning sign talked about, not reported.

Runs (by rule) after a symptom-report intent when the red-flag policy found no
warning sign for the patient: the sign was negated ("no fever"), hypothetical
("should I worry if I get a fever?"), resolved ("the tingling went away") or someone
else's ("my friend has numbness"). It educates instead of alarming; for someone
else's symptom it asks whether it is the patient after all (a confirming question),
and for someone who is certainly not the patient (a pet, a child, the carer's own
body) it says where to turn instead, with the emergency number.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.detection import (
    CAREGIVER,
    HISTORICAL,
    HYPOTHETICAL,
    NEGATED,
    NOT_PATIENT,
    OTHER_PERSON,
    SIGN_TO_CONFIRM_SLOT,
    report_payload,
    unconfirmed_sign_mentions,
)
from actions.triage_state import sign_labels

RESPONSE_FOR_ROLE = {
    HYPOTHETICAL: "utter_sign_mention_hypothetical",
    NEGATED: "utter_sign_mention_negated",
    HISTORICAL: "utter_sign_mention_historical",
    OTHER_PERSON: "utter_sign_mention_other_person",
    NOT_PATIENT: "utter_sign_mention_not_patient",
}
# When one message mixes roles, the one that needs the most care is answered.
ROLE_ORDER = (OTHER_PERSON, HISTORICAL, HYPOTHETICAL, NEGATED, NOT_PATIENT)


class ActionRespondToSignMention(Action):
    def name(self) -> Text:
        return "action_respond_to_sign_mention"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        message = tracker.latest_message or {}
        mentions = unconfirmed_sign_mentions(
            (message.get("intent") or {}).get("name"),
            message.get("entities") or [],
            caregiver=tracker.get_slot("reporter") == CAREGIVER,
        )
        role = next((r for r in ROLE_ORDER if r in mentions.values()), None)
        if role is None:
            dispatcher.utter_message(response="utter_default")
            return []
        signs = [sign for sign, sign_role in mentions.items() if sign_role == role]
        extra: Dict[str, Any] = {}
        events: List[EventType] = []
        if role == OTHER_PERSON:
            # A confirming question: one tap, or a typed "yes", tells us it is the
            # patient (caregiver voice) and escalates (addons/red_flag_policy.py).
            extra["buttons"] = [
                {"title": "Yes, it's the patient", "payload": report_payload(signs[0], caregiver=True)},
                {"title": "No, someone else", "payload": "/deny"},
            ]
            events.append(SlotSet(SIGN_TO_CONFIRM_SLOT, signs[0]))
        dispatcher.utter_message(
            response=RESPONSE_FOR_ROLE[role], signs=sign_labels(signs), **extra
        )
        return events
