"""action_clarify: the assistant is not sure what was meant.

If the most likely reading is a warning sign, it asks the patient to confirm it
(one tap reports it and escalates): guessing would either miss a warning sign or
raise a false alarm. Otherwise it offers the most likely topics as buttons.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.content import labels
from actions.triage.detection import PLAUSIBLE_SIGN_CONFIDENCE, RED_FLAG_INTENTS, report_payload
from actions.triage.rules import SIGNS_BY_KEY

MAX_TOPICS = 3


def _ranking(tracker: Tracker) -> List[Dict[str, Any]]:
    ranking = (tracker.latest_message or {}).get("intent_ranking") or []
    return [r for r in ranking if r.get("name") not in ("nlu_fallback", None)]


def _faq_payload(tracker: Tracker) -> Optional[str]:
    selector = (tracker.latest_message or {}).get("response_selector", {}).get("faq", {})
    key = (selector.get("response") or {}).get("intent_response_key")
    return f"/{key}" if key else None


class ActionClarify(Action):
    def name(self) -> Text:
        return "action_clarify"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        ranking = _ranking(tracker)
        top = ranking[0] if ranking else {}
        sign = RED_FLAG_INTENTS.get(top.get("name", ""))
        if sign and top.get("confidence", 0) >= PLAUSIBLE_SIGN_CONFIDENCE:
            dispatcher.utter_message(
                response="utter_clarify_possible_sign",
                sign_label=SIGNS_BY_KEY[sign].label,
                buttons=[
                    {"title": "Yes, I have this now", "payload": report_payload(sign)},
                    {"title": "No", "payload": "/deny"},
                ],
            )
            return []
        titles = labels()["clarify_titles"]
        buttons = []
        for candidate in ranking:
            name = candidate.get("name")
            payload = _faq_payload(tracker) if name == "faq" else f"/{name}"
            if name in titles and payload:
                buttons.append({"title": titles[name], "payload": payload})
            if len(buttons) == MAX_TOPICS:
                break
        buttons = buttons or labels()["fallback_buttons"]
        dispatcher.utter_message(response="utter_clarify", buttons=buttons)
        return []
