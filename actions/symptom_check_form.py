"""The symptom check: starting it, reading each answer, stopping it.

One question at a time (domain.yml, forms). An answer the form cannot use is re-asked
once with an example, then recorded as "unknown" and the form moves on: it never
guesses. A question asked in the middle is left to the rules (data/rules/), which
answer it and resume the form.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.answers import TREND_SLOT, WEEKS_SLOT, interrupts_question
from actions.triage.detection import SIGN_QUESTION_SLOTS
from actions.triage.rules import (
    PAIN_TRENDS,
    PatientReport,
    assess,
    second_opinion_reasons_for,
)
from actions.triage_state import (
    FORM_NAME,
    TRIAGE_SLOTS,
    UNKNOWN,
    check_answer_values,
    record_triage,
)

REASKED_SLOT = "symptom_check_reasked"
PASS_THROUGH_SLOTS = (REASKED_SLOT,) + TRIAGE_SLOTS
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
        if not _message_unread(tracker):
            # Back after an escalation or an answered question: this message was
            # already dealt with, so only the next question is asked.
            return []
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        if interrupts_question(intent, message.get("text")):
            return []  # the form is rejected; a rule answers, then resumes the form
        requested = tracker.get_slot("requested_slot")
        values = check_answer_values(tracker)
        if requested and not values:
            return self._unusable_answer(dispatcher, tracker, requested)
        events: List[EventType] = [SlotSet(slot, value) for slot, value in values.items()]
        if requested in values:
            events.append(SlotSet(REASKED_SLOT, None))
        return events + _second_opinion_floor(tracker, values)

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        events = await super().get_validation_events(dispatcher, tracker, domain)
        # Rasa SDK keeps only the form's own questions here; the re-ask marker and
        # the triage slots must pass through too, or they are lost (and a turn with
        # only the marker would count as "nothing extracted" and reject the form).
        recent = tracker.slots_to_validate()
        events += [SlotSet(slot, recent[slot]) for slot in PASS_THROUGH_SLOTS if slot in recent]
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


# Actions that may run between a message and the form's first question without
# answering the message: what the message says still counts ("i had it 10 weeks ago
# and it's no better" starts the check and answers two questions).
STARTING_ACTIONS = frozenset({"action_start_symptom_check", "utter_ack_muscle_ache"})


def _second_opinion_floor(tracker: Tracker, values: Dict[Text, Any]) -> List[EventType]:
    """As soon as time and trend show pain not improving after several weeks, the
    level is at least second_opinion (the warning-sign questions may raise it)."""
    weeks = values.get(WEEKS_SLOT, tracker.get_slot(WEEKS_SLOT))
    trend = values.get(TREND_SLOT, tracker.get_slot(TREND_SLOT))
    report = PatientReport(
        weeks_since_procedure=weeks if isinstance(weeks, (int, float)) else None,
        pain_trend=trend if trend in PAIN_TRENDS else None,
    )
    reasons = second_opinion_reasons_for(report)
    if not reasons or set(reasons) <= set(tracker.get_slot("second_opinion_reasons") or []):
        return []
    outcome = assess(report)
    return record_triage(
        tracker, outcome.level, outcome.red_flags, outcome.reasons, outcome.second_opinion_reasons
    )


def _message_unread(tracker: Tracker) -> bool:
    """Has nothing but the form's start run since the latest user message?"""
    since_message: List[Text] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "action":
            since_message.append(event.get("name"))
    # Rasa appends the form's own ActionExecuted to the tracker it sends here.
    others = [name for name in since_message if name not in (FORM_NAME, "action_listen")]
    return set(others) <= STARTING_ACTIONS


class ActionStopSymptomCheck(Action):
    def name(self) -> Text:
        return "action_stop_symptom_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_symptom_check_stopped")
        return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet(REASKED_SLOT, None)]
