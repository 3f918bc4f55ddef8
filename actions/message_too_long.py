"""action_message_too_long: the polite reply to a message over the length limit.

Predicted by addons/message_length_policy.py; the limit comes from the NLU component
that read the message (config.yml, MessageLengthLimit.max_characters), so the reply
always names the limit in force.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

# The parse-data key addons/message_length_limit.py sets on a message it cut.
TOO_LONG_KEY = "message_too_long"


class ActionMessageTooLong(Action):
    def name(self) -> Text:
        return "action_message_too_long"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        say_if_message_was_cut(dispatcher, tracker)
        return []


def say_if_message_was_cut(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Tell the patient their message was too long to read whole, if it was cut.
    Also said after an escalation (actions/escalate_red_flags.py)."""
    marker = (tracker.latest_message or {}).get(TOO_LONG_KEY)
    if not marker:
        return False
    limit = marker.get("max_characters")
    dispatcher.utter_message(
        response="utter_message_too_long",
        max_characters=f"{limit:,}" if isinstance(limit, int) else "a few hundred",
    )
    return True
