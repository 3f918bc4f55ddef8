"""action_read_pain_trend: the custom slot mapping of `pain_trend` (domain.yml).

Rasa runs it on every user message (action_extract_slots). It replaces three
`from_intent` mappings, which set the trend from the classifier's guess alone: a
message whose pain scores fell ("a 6 a month ago, then a 5" ... "now like a 3") was
recorded as "worse", and "worse" is the article's first warning sign. The reading
itself is pure Python: actions/triage/answers.py, stated_trend.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.answers import TREND_SLOT, stated_trend
from actions.triage_state import context_of_latest_message


class ActionReadPainTrend(Action):
    def name(self) -> Text:
        return "action_read_pain_trend"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        message = tracker.latest_message or {}
        context = context_of_latest_message(tracker)
        trend = stated_trend((message.get("intent") or {}).get("name"), message.get("text"),
                             context.previous_pain_score, context.previous_bare_score)
        # No SlotSet when the message says nothing about the trend: what an earlier
        # message said stays.
        return [SlotSet(TREND_SLOT, trend)] if trend else []
