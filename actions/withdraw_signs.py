"""action_withdraw_signs: the patient took back the message that raised a warning sign.

Predicted by the RedFlagPolicy when a message says the one before it was sent by
mistake, mistyped, or not about now ("wrong number, sorry", "autocorrect, I meant
my foot", actions/triage/corrections.py) and reports no sign itself. The signs that
message raised are set aside and the level is worked out again from what is left.
The reply still says what to do if someone does have the sign: the advice given
stays true for whoever has it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.detection import WITHDRAW_ACTION
from actions.triage.rules import EMERGENCY_SIGN_KEYS
from actions.triage_state import reading_of_latest_message, sign_labels, withdraw_triage


class ActionWithdrawSigns(Action):
    def name(self) -> Text:
        return WITHDRAW_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        withdrawn = reading_of_latest_message(tracker).withdrawn
        if not withdrawn:
            return []
        emergency = bool(withdrawn & EMERGENCY_SIGN_KEYS)
        dispatcher.utter_message(
            response="utter_signs_withdrawn_emergency" if emergency else "utter_signs_withdrawn",
            signs=sign_labels(sorted(withdrawn)),
        )
        return withdraw_triage(tracker, withdrawn)
