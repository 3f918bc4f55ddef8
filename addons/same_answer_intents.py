"""SameAnswerIntents: no clarifying question when the classifier hesitates only
between intents that get the same answer.

Runs after the FallbackClassifier. "We've been told my dad needs a vertebroplasty at
a different level, we'd like another opinion" scored ask_second_opinion 0.49 and
advised_another_procedure 0.44: below the fallback threshold each, so the patient
was asked to rephrase, though every second-opinion intent runs the same action,
which reads the reason from the words (actions/triage/opinion_reasons.py). When the
fallback fired, the top intent belongs to a configured group, and the group's
intents together reach the threshold, the top intent is restored with the group's
confidence.

Never when a warning-sign intent is a plausible reading: the clarifying question
(actions/clarify.py) is how such a message is confirmed, so that fallback stays.
"""
from __future__ import annotations

from typing import Any, Dict, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message

from actions.triage.detection import PLAUSIBLE_SIGN_CONFIDENCE, RED_FLAG_INTENTS
from addons.base import MessageByMessage


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class SameAnswerIntents(MessageByMessage):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"threshold": 0.5, "groups": []}

    def process_message(self, message: Message) -> None:
        if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) != DEFAULT_NLU_FALLBACK_INTENT_NAME:
            return
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                   if r.get(INTENT_NAME_KEY) != DEFAULT_NLU_FALLBACK_INTENT_NAME]
        if not ranking or any(
            r[INTENT_NAME_KEY] in RED_FLAG_INTENTS and r[PREDICTED_CONFIDENCE_KEY] >= PLAUSIBLE_SIGN_CONFIDENCE
            for r in ranking
        ):
            return
        top = ranking[0]
        group = next((set(g) for g in self.component_config["groups"] if top[INTENT_NAME_KEY] in g), None)
        if group is None:
            return
        together = sum(r[PREDICTED_CONFIDENCE_KEY] for r in ranking if r[INTENT_NAME_KEY] in group)
        if together < self.component_config["threshold"]:
            return
        message.set(INTENT, {INTENT_NAME_KEY: top[INTENT_NAME_KEY], PREDICTED_CONFIDENCE_KEY: together},
                    add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
