"""action_second_opinion: the article's second-opinion criteria, met or asked about.

Records each reason the message gives (the intent's, and any the words state, see
actions/triage/opinion_reasons.py; pain not improved after several weeks from the
time and trend known so far), raises the level to at least `second_opinion`, and
speaks to those reasons, then explains who can give one. For another procedure it
also explains revision and that bone health comes first. With no reason given
("should I get a second opinion?") it walks through the criteria.
A message that itself says several weeks and no better ("3 months on, not worse, not
better, should I see someone else?") also starts the warning-sign questions of the
symptom check, with the time and trend it gave: a sign would need care sooner.
Supportive: a second opinion is presented as normal, never as distrust.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.answers import TREND_SLOT, WEEKS_SLOT
from actions.triage.detection import SIGN_QUESTION_SLOTS
from actions.triage.opinion_reasons import message_report, states_not_improved
from actions.triage.rules import PatientReport, assess
from actions.triage_state import FORM_NAME, active_form, patient_report, record_triage, today_at_clinic

# What is said for each reason, in the order of rules.SECOND_OPINION_REASONS.
RESPONSES_OF_REASON = {
    "not_improved": ["utter_second_opinion_not_improved"],
    "unheard": ["utter_second_opinion_unheard"],
    "imaging_unclear": ["utter_second_opinion_imaging"],
    "advised_another_procedure": ["utter_second_opinion_procedure", "utter_revision_explained"],
}


class ActionSecondOpinion(Action):
    def name(self) -> Text:
        return "action_second_opinion"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        report = message_report(intent, message.get("text") or "", patient_report(tracker), today_at_clinic())
        outcome = assess(report)
        if not outcome.second_opinion_reasons:
            # "Should I get a second opinion?": walk through the criteria.
            dispatcher.utter_message(response="utter_second_opinion_criteria")
            return []
        for reason in outcome.second_opinion_reasons:
            for response in RESPONSES_OF_REASON[reason]:
                dispatcher.utter_message(response=response)
        dispatcher.utter_message(response="utter_second_opinion_who")
        events = record_triage(
            tracker,
            outcome.level,
            red_flags=outcome.red_flags,
            reasons=outcome.reasons,
            second_opinion_reasons=outcome.second_opinion_reasons,
        )
        if _signs_still_to_check(tracker, message.get("text") or ""):
            dispatcher.utter_message(response="utter_second_opinion_then_signs")
            events += _check_facts(report) + [FollowupAction(FORM_NAME)]
        return events


def _signs_still_to_check(tracker: Tracker, text: Text) -> bool:
    """The message gave several weeks and no better, and no warning-sign question has
    been asked in this conversation: the check follows the answer."""
    return (
        active_form(tracker) is None
        and states_not_improved(text, today_at_clinic())
        and all(tracker.get_slot(slot) is None for slot in SIGN_QUESTION_SLOTS)
    )


def _check_facts(report: PatientReport) -> List[EventType]:
    """The time and trend the message gave, so the check does not ask them again."""
    facts = {WEEKS_SLOT: report.weeks_since_procedure, TREND_SLOT: report.pain_trend}
    return [SlotSet(slot, value) for slot, value in facts.items() if value is not None]
