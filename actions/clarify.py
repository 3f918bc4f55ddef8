"""action_clarify: the assistant is not sure what was meant, and offers the most
likely topics as buttons.

A possible warning sign never gets here: the RedFlagPolicy asks its own confirming
question first (actions/confirm_sign.py), whose typed answer it reads.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.content import labels

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
