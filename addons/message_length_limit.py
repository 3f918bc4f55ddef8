"""MessageLengthLimit: the documented limit on what one message may hold.

First component of the NLU pipeline. A message longer than `max_characters` is cut
to that length before any other component reads it, and marked in its parse data
(`message_too_long`: its length and the limit) so that the MessageLengthPolicy
answers it politely. Why: Rasa 3.6 hands the whole text to DIET, whose attention
over a 100,000-character message asked TensorFlow for tens of gigabytes and failed
the turn after four minutes (measured). The warning-sign check still reads the
first `max_characters`, so a warning sign at the start of a long message is escalated.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.message_too_long import TOO_LONG_KEY
from addons.base import ConfigOnlyComponent



@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class MessageLengthLimit(ConfigOnlyComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"max_characters": 2000}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.max_characters = int(config["max_characters"])

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if len(text) > self.max_characters:
                message.set(TEXT, text[: self.max_characters])
                message.set(
                    TOO_LONG_KEY,
                    {"length": len(text), "max_characters": self.max_characters},
                    add_to_output=True,
                )
        return messages
