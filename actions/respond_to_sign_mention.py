"""action_respond_to_sign_mention: a warning sign talked about, not reported.

Runs (by rule) after a symptom-report intent when the red-flag policy found no
warning sign for the patient: the sign was negated ("no fever"), hypothetical
("should I worry if I get a fever?"), resolved ("the tingling went away") or
certainly not the patient's (a pet, a child, the carer's own body). It educates
instead of alarming, and for someone else it says where to turn, with the emergency
number. (Someone else who might be the patient is asked about by the red-flag
policy's confirming question, actions/confirm_sign.py.)
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.detection import (
    CAREGIVER,
    HISTORICAL,
    HYPOTHETICAL,
    NEGATED,
    NOT_PATIENT,
    unconfirmed_sign_mentions,
)
from actions.triage_state import sign_labels

RESPONSE_FOR_ROLE = {
    HYPOTHETICAL: "utter_sign_mention_hypothetical",
    NEGATED: "utter_sign_mention_negated",
    HISTORICAL: "utter_sign_mention_historical",
    NOT_PATIENT: "utter_sign_mention_not_patient",
}
# When one message mixes roles, the one that needs the most care is answered.
ROLE_ORDER = (HISTORICAL, HYPOTHETICAL, NEGATED, NOT_PATIENT)


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
        dispatcher.utter_message(response=RESPONSE_FOR_ROLE[role], signs=sign_labels(signs))
        return []
