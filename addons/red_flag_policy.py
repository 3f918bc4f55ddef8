"""RedFlagPolicy: the safety net that escalates a warning sign on every turn.

Whatever the intent and whatever is active (the symptom check form, a FAQ answer, a
second-opinion question), a user message that reports a warning sign for the patient
is answered first by `action_escalate_red_flags`, in the same reply. The decision is
a pure function of the latest message (actions/triage/detection.py), so it does not
depend on any story or rule being learned, and the action applies the same function.

Priority: it must outrank RulePolicy, including RulePolicy's "continue the active
form" (why that takes a no-user prediction: addons/base.py).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME, REQUESTED_SLOT
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from addons.base import RuleOfThumbPolicy
from actions.triage.detection import CAREGIVER, red_flags_in_message

ESCALATION_ACTION = "action_escalate_red_flags"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class RedFlagPolicy(RuleOfThumbPolicy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 7}

    def next_action(self, tracker: DialogueStateTracker) -> Optional[Text]:
        latest_action = tracker.latest_action_name
        if latest_action == ESCALATION_ACTION:
            # An active form resumes (RulePolicy predicts it); otherwise we wait
            # for the patient, rather than let a learned policy guess what follows.
            return None if tracker.active_loop_name else ACTION_LISTEN_NAME
        if latest_action != ACTION_LISTEN_NAME:
            return None
        message = tracker.latest_message
        if message is None:
            return None
        flags = red_flags_in_message(
            intent=(message.intent or {}).get(INTENT_NAME_KEY),
            entities=message.entities or [],
            requested_slot=tracker.get_slot(REQUESTED_SLOT) if tracker.active_loop_name else None,
            caregiver=tracker.get_slot("reporter") == CAREGIVER,
            text=message.text,
        )
        return ESCALATION_ACTION if flags else None
