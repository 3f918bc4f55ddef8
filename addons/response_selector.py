"""ResponseSelector that also understands FAQ button payloads such as
"/faq/warning_signs".

Upstream behaviour (Rasa 3.6): a payload is only unpacked by RegexMessageHandler when
the text after "/" is a domain intent, and "faq/warning_signs" is not (only "faq"
is), so the payload went through NLU as text and the answer was a guess. Here a
payload naming a known response key selects that answer with full confidence.
"""
from __future__ import annotations

import re
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data import util
from rasa.shared.nlu.training_data.message import Message

PAYLOAD = re.compile(r"^/(?P<intent>[a-z_]+)/(?P<key>[a-z0-9_]+)$")


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class PayloadAwareResponseSelector(ResponseSelector):
    def process(self, messages: List[Message]) -> List[Message]:
        messages = super().process(messages)
        for message in messages:
            self._apply_payload(message)
        return messages

    def _apply_payload(self, message: Message) -> None:
        match = PAYLOAD.match((message.get(TEXT) or "").strip())
        if not match or match["intent"] != self.retrieval_intent:
            return
        intent_response_key = f"{match['intent']}/{match['key']}"
        utter_action = util.intent_response_key_to_template_key(intent_response_key)
        responses = self.responses.get(utter_action)
        if not responses:
            return  # unknown key: leave the NLU's reading in place
        intent = {INTENT_NAME_KEY: self.retrieval_intent, PREDICTED_CONFIDENCE_KEY: 1.0}
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
        prediction = {
            "response": {
                "responses": responses,
                PREDICTED_CONFIDENCE_KEY: 1.0,
                INTENT_RESPONSE_KEY: intent_response_key,
                "utter_action": utter_action,
            },
            "ranking": [{INTENT_RESPONSE_KEY: intent_response_key, PREDICTED_CONFIDENCE_KEY: 1.0}],
        }
        self._set_message_property(message, prediction, self.retrieval_intent)
