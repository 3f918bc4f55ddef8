"""RedFlagPolicy: the safety net that escalates a warning sign on every turn.

Whatever the intent and whatever is active (the symptom check form, a FAQ answer, a
second-opinion question), a user message that reports a warning sign for the patient
is answered first by `action_escalate_red_flags`, in the same reply. A message that
only hints at one (weak or conflicting evidence, actions/triage/evidence.py) gets one
confirming question, `action_confirm_sign`; the reply to it, typed or tapped, is
read on the next turn: yes escalates, no is acknowledged (`action_sign_not_confirmed`),
anything else escalates (the question is never asked twice). A message that takes
back the one before ("wrong number, sorry") withdraws the signs it raised
(`action_withdraw_signs`). The decision is a pure
function of the latest message and the question pending (actions/triage/detection.py),
so it does not depend on any story or rule being learned, and the actions apply the
same function.

Priority: it must outrank RulePolicy, including RulePolicy's "continue the active
form" (why that takes a no-user prediction: addons/base.py).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.base import RuleOfThumbPolicy
from actions.triage.detection import (
    CONFIRM_ACTION,
    ESCALATION_ACTION,
    NOT_CONFIRMED_ACTION,
    WITHDRAW_ACTION,
    MessageFacts,
    read_message,
    turn_context,
)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class RedFlagPolicy(RuleOfThumbPolicy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 7}

    def next_action(self, tracker: DialogueStateTracker) -> Optional[Text]:
        latest_action = tracker.latest_action_name
        if latest_action in (ESCALATION_ACTION, NOT_CONFIRMED_ACTION, WITHDRAW_ACTION):
            # An active form resumes (RulePolicy predicts it); otherwise we wait
            # for the patient, rather than let a learned policy guess what follows.
            return None if tracker.active_loop_name else ACTION_LISTEN_NAME
        if latest_action == CONFIRM_ACTION:
            return ACTION_LISTEN_NAME  # the question waits for its answer, form or not
        if latest_action != ACTION_LISTEN_NAME or tracker.latest_message is None:
            return None
        earlier = [e.text for e in reversed(tracker.events) if isinstance(e, UserUttered)][1:]
        context = turn_context(tracker.get_slot, bool(tracker.active_loop_name), earlier)
        reading = read_message(MessageFacts.from_parse_data(tracker.latest_message.parse_data), context)
        if reading.reported:
            return ESCALATION_ACTION
        if reading.withdrawn:
            return WITHDRAW_ACTION
        if reading.confirmation is False:
            return NOT_CONFIRMED_ACTION
        if reading.to_confirm:
            return CONFIRM_ACTION
        return None
