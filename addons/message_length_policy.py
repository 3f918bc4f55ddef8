"""MessageLengthPolicy: a message over the length limit gets a polite reply.

The NLU component MessageLengthLimit marks such a message; this policy then runs
`action_message_too_long` (which says the limit and how to reach the clinic) and
waits for the patient, whatever is active, winning over RulePolicy's "continue the
active form" (addons/base.py); its priority (6.5) stays below the RedFlagPolicy (7), so a warning sign
in the part that was read is escalated first, and the escalation then says the
length notice itself (actions/escalate_red_flags.py).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.trackers import DialogueStateTracker

from addons.base import RuleOfThumbPolicy
from addons.message_length_limit import TOO_LONG_KEY

REPLY_ACTION = "action_message_too_long"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class MessageLengthPolicy(RuleOfThumbPolicy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 6.5}

    def next_action(self, tracker: DialogueStateTracker) -> Optional[Text]:
        latest_action = tracker.latest_action_name
        if latest_action == REPLY_ACTION:
            return ACTION_LISTEN_NAME
        message = tracker.latest_message
        if latest_action == ACTION_LISTEN_NAME and message and message.parse_data.get(TOO_LONG_KEY):
            return REPLY_ACTION
        return None
