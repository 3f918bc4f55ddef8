"""SecondOpinionIntent: a message that states one of the article's second-opinion
reasons gets that reason's intent.

"The surgeon has suggested a revision because the cement didn't fill the bone. Before
I sign anything I'd like another opinion" is a second-opinion question whatever the
classifier guessed ("faq": revision is also an education topic). The reason cues of
actions/triage/opinion_reasons.py need both parts of a reason in the words (an advice
*and* another procedure; imaging *and* a disagreement), so they are a plainer reading
than the classifier's guess. Runs after WarningSignIntent: a warning-sign intent is
never replaced (the red-flag policy answers it first anyway), nor a second-opinion
intent the classifier chose. A message that gives the fourth reason itself (several
weeks, and no better) asks for the second-opinion answer.
"""
from __future__ import annotations

from datetime import date

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.triage.detection import RED_FLAG_INTENTS, intent_for_sign
from actions.triage.opinion_reasons import INTENT_OF_REASON, SECOND_OPINION_INTENTS, stated_reasons, states_not_improved
from actions.triage.rules import SECOND_OPINION_REASONS
from addons.base import MessageByMessage


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SecondOpinionIntent(MessageByMessage):
    def process_message(self, message: Message) -> None:
        guessed = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        text = message.get(TEXT) or ""
        if guessed in SECOND_OPINION_INTENTS:
            return
        if guessed in RED_FLAG_INTENTS and not (
                guessed == intent_for_sign("pain_worse") and states_not_improved(text, date.today())):
            # A "worse" guess about words that say several weeks with no change and
            # nothing worse ("hasn't really got better or worse") is not kept.
            return
        reasons = stated_reasons(text)
        reason = next((r.key for r in SECOND_OPINION_REASONS if r.key in reasons), None)
        if reason is not None:
            intent = INTENT_OF_REASON[reason]
        elif states_not_improved(text, date.today()):
            # several weeks and no better, said in the message: the second-opinion
            # answer in this reply (action_second_opinion reads the time and trend)
            intent = "ask_second_opinion"
        else:
            return
        chosen = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen], add_to_output=True)
