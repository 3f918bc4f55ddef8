"""action_second_opinion: the article's second-opinion criteria, met or asked about.

Records the reason (feeling unheard, unclear imaging, another procedure advised),
raises the level to at least `second_opinion`, and explains who can give one. For
another procedure it also explains revision and that bone health comes first.
Supportive: a second opinion is presented as normal, never as distrust.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.rules import PatientReport, assess
from actions.triage_state import record_triage

# intent -> (reason key in the rules table, responses to say)
SECOND_OPINION_INTENTS = {
    "feel_unheard": ("unheard", ["utter_second_opinion_unheard"]),
    "imaging_unclear": ("imaging_unclear", ["utter_second_opinion_imaging"]),
    "advised_another_procedure": (
        "advised_another_procedure",
        ["utter_second_opinion_procedure", "utter_revision_explained"],
    ),
}


class ActionSecondOpinion(Action):
    def name(self) -> Text:
        return "action_second_opinion"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        if intent not in SECOND_OPINION_INTENTS:
            # "Should I get a second opinion?": walk through the criteria.
            dispatcher.utter_message(response="utter_second_opinion_criteria")
            return []
        reason, responses = SECOND_OPINION_INTENTS[intent]
        for response in responses:
            dispatcher.utter_message(response=response)
        dispatcher.utter_message(response="utter_second_opinion_who")
        outcome = assess(PatientReport(second_opinion_reasons=frozenset({reason})))
        return record_triage(
            tracker,
            outcome.level,
            reasons=outcome.reasons,
            second_opinion_reasons=outcome.second_opinion_reasons,
        )
