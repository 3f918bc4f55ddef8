"""action_escalate_red_flags: a warning sign, escalated in the same reply.

Predicted by the RedFlagPolicy on any turn whose message reports a warning sign for
the patient, or answers its confirming question with yes (or with neither yes nor
no: then the safe advice is given, said as such). Names the sign heard, says what to
do, records it (triage_level, red_flags, triage_reasons), and ticks the matching
symptom-check question.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.message_too_long import say_if_message_was_cut
from actions.triage.detection import REPORTED_AT_TURN_SLOT, SIGN_TO_CONFIRM_SLOT, reported_at_turn, slot_for_sign
from actions.triage.rules import PatientReport, TriageLevel, assess
from actions.triage_state import (
    FORM_NAME,
    active_form,
    form_answer_events,
    reading_of_latest_message,
    record_triage,
    sign_labels,
    user_turn,
)


class ActionEscalateRedFlags(Action):
    def name(self) -> Text:
        return "action_escalate_red_flags"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        reading = reading_of_latest_message(tracker)
        if not reading.reported:
            return []
        outcome = assess(PatientReport(affirmed_signs=reading.reported))
        events = record_triage(tracker, outcome.level, outcome.red_flags, outcome.reasons)
        events.append(SlotSet(SIGN_TO_CONFIRM_SLOT, None))
        # which message raised them, so that the next one can take them back
        events.append(SlotSet(REPORTED_AT_TURN_SLOT, reported_at_turn(user_turn(tracker), reading.reported)))
        if reading.assumed:
            dispatcher.utter_message(response="utter_confirmation_unclear")
        form = active_form(tracker)
        events += form_answer_events(tracker)
        events += [SlotSet(slot, True) for slot in {slot_for_sign(f) for f in reading.reported} if slot]

        signs = sign_labels(outcome.red_flags)
        emergency = outcome.level is TriageLevel.EMERGENCY
        if emergency:
            dispatcher.utter_message(response="utter_escalate_emergency", signs=signs)
            if form:
                # Nothing else should stand between the patient and the phone.
                events += [ActiveLoop(None), SlotSet("requested_slot", None)]
        else:
            dispatcher.utter_message(response="utter_escalate_urgent", signs=signs)
        # A cut message: the part not read may hold more than the sign heard.
        say_if_message_was_cut(dispatcher, tracker)
        if not emergency and form == FORM_NAME and _questions_left(tracker, domain, events):
            dispatcher.utter_message(response="utter_continue_check_after_flag")
        return events


def _questions_left(tracker: Tracker, domain: Dict[Text, Any], events: List[EventType]) -> bool:
    answered_now = {e["name"] for e in events if e.get("event") == "slot"}
    required = domain.get("forms", {}).get(FORM_NAME, {}).get("required_slots", [])
    return any(tracker.get_slot(s) is None and s not in answered_now for s in required)
