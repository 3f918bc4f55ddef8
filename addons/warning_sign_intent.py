"""WarningSignIntent: a message that plainly reports a warning sign gets its intent.

Runs after the DIET classifier and before the FallbackClassifier. When the spaCy
pipeline found a warning sign affirmed for the patient (or pain scores that rise),
and the classifier's guess is not a warning-sign intent at all ("faq", "deny",
"nlu_fallback"...) or is that sign's intent with low confidence, the intent becomes
the warning-sign intent for that sign, with full confidence: a rule matched the
patient's words, where the classifier guessed.

This changes no escalation (the RedFlagPolicy reads the same entities through
actions/triage/detection.py); it keeps the intent, and everything keyed on it
(rules, analytics, the clarifying question, the NLU test split), consistent with
what the patient said. A warning-sign intent the classifier chose is never replaced:
it may name a second sign the patterns did not see.
"""
from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from actions.triage.detection import (
    RED_FLAG_INTENTS,
    intent_for_signs,
    red_flags_in_message,
    same_sign,
)
from addons.base import MessageByMessage


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class WarningSignIntent(MessageByMessage):
    def process_message(self, message: Message) -> None:
        guessed = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        flags = red_flags_in_message(None, message.get(ENTITIES) or [], text=message.get(TEXT))
        intent = intent_for_signs(guessed, flags)
        sign = RED_FLAG_INTENTS.get(intent or "")
        if sign is None or not any(same_sign(flag, sign) for flag in flags):
            return  # nothing reported, or the classifier's own warning-sign guess
        chosen = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
        message.set(INTENT, chosen, add_to_output=True)
        # Like Rasa's own "/intent" payloads: one intent, certain. Keeping the
        # classifier's ranking would let a confident wrong guess make the
        # FallbackClassifier call the message ambiguous.
        message.set(INTENT_RANKING_KEY, [chosen], add_to_output=True)
