"""action_delete_conversation: the patient asked us to delete this conversation.

The action only confirms, and ends the symptom check if one is running. The deletion
itself is done by the tracker store (addons/stores/), when it saves the turn this
action ran in: it drops every stored event of the conversation instead of saving.
Why there: the Rasa server writes the whole turn back after the action, so a
deletion done here, on the action server, would be undone by that write.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

ACTION_NAME = "action_delete_conversation"


class ActionDeleteConversation(Action):
    def name(self) -> Text:
        return ACTION_NAME

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_deletion_done")
        # A symptom check in progress ends with the conversation.
        return [ActiveLoop(None), SlotSet("requested_slot", None)]
