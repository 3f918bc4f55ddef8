"""action_visit_summary: what to bring to the appointment.

Time since the procedure, the pain trend, warning signs reported and denied, the
outcome and why, and the questions the article says doctors review.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.content import labels
from actions.triage.rules import EMERGENCY_GROUP_KEY
from actions.triage_state import patient_report, sign_labels


def _weeks_label(weeks: Any) -> str:
    text = labels()
    if weeks is None:
        return text["not_known"]
    if weeks < 1:
        return text["days"]
    if round(weeks) == 1:
        return text["weeks_one"]
    return text["weeks"].format(weeks=int(round(weeks)))


def summary_fields(tracker: Tracker) -> Dict[str, str]:
    text = labels()
    report = patient_report(tracker)
    level = tracker.get_slot("triage_level")
    reasons = tracker.get_slot("triage_reasons") or []
    # The group question ("any of the emergency signs?") is not named when a
    # specific emergency sign was reported.
    reported = sorted(report.affirmed_signs - {EMERGENCY_GROUP_KEY}) or sorted(report.affirmed_signs)
    return {
        "weeks": _weeks_label(report.weeks_since_procedure),
        "trend": text["pain_trend"].get(report.pain_trend or "unknown"),
        "reported": sign_labels(reported) or text["none"],
        "denied": sign_labels(sorted(report.denied_signs)) or text["none"],
        "outcome": text["outcome"][level] if level else text["not_assessed"],
        "reasons": text["list_separator"].join(reasons) or text["not_known"],
    }


def utter_visit_summary(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    dispatcher.utter_message(response="utter_visit_summary", **summary_fields(tracker))


class ActionVisitSummary(Action):
    def name(self) -> Text:
        return "action_visit_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        utter_visit_summary(dispatcher, tracker)
        return []
