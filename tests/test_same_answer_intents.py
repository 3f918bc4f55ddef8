"""SameAnswerIntents: a fallback only between intents that get the same answer is
undone; a fallback that may hide a warning sign never is."""
from rasa.shared.nlu.training_data.message import Message

from addons.same_answer_intents import SameAnswerIntents

SECOND_OPINION = ["ask_second_opinion", "feel_unheard", "imaging_unclear", "advised_another_procedure"]


def after_fallback(*ranked):
    """A message the FallbackClassifier marked unclear, with the classifier's ranking."""
    ranking = [{"name": "nlu_fallback", "confidence": 0.5}] + [
        {"name": name, "confidence": confidence} for name, confidence in ranked]
    message = Message(data={"text": "...", "intent": {"name": "nlu_fallback", "confidence": 0.5},
                            "intent_ranking": ranking})
    SameAnswerIntents({"threshold": 0.5, "groups": [SECOND_OPINION]}).process([message])
    return message


def test_hesitating_between_two_second_opinion_intents_is_a_second_opinion_message():
    message = after_fallback(("ask_second_opinion", 0.49), ("advised_another_procedure", 0.44), ("greet", 0.01))
    assert message.get("intent")["name"] == "ask_second_opinion"
    assert round(message.get("intent")["confidence"], 2) == 0.93
    assert [r["name"] for r in message.get("intent_ranking")] == [
        "ask_second_opinion", "advised_another_procedure", "greet"]


def test_a_group_that_together_stays_unsure_keeps_the_clarifying_question():
    message = after_fallback(("ask_second_opinion", 0.3), ("faq", 0.28), ("feel_unheard", 0.1))
    assert message.get("intent")["name"] == "nlu_fallback"


def test_a_plausible_warning_sign_keeps_the_clarifying_question():
    message = after_fallback(("ask_second_opinion", 0.4), ("report_nerve_symptoms", 0.25), ("feel_unheard", 0.3))
    assert message.get("intent")["name"] == "nlu_fallback"


def test_a_top_intent_outside_every_group_is_left_alone():
    message = after_fallback(("faq", 0.45), ("ask_second_opinion", 0.3), ("feel_unheard", 0.25))
    assert message.get("intent")["name"] == "nlu_fallback"


def test_a_confident_intent_is_never_touched():
    message = Message(data={"text": "...", "intent": {"name": "greet", "confidence": 0.9},
                            "intent_ranking": [{"name": "greet", "confidence": 0.9}]})
    SameAnswerIntents({"threshold": 0.5, "groups": [SECOND_OPINION]}).process([message])
    assert message.get("intent") == {"name": "greet", "confidence": 0.9}
