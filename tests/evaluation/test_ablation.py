"""The ablation study takes one layer of evidence out of what the dialogue reads, and
nothing else: a layer left in must reach the policy as the NLU returned it."""
import asyncio

from actions.triage.detection import MessageFacts, read_message
from evaluation.ablation import ablate


def parse():
    return {
        "text": "my legs have gone numb",
        "intent": {"name": "report_nerve_symptoms", "confidence": 0.9},
        "intent_ranking": [{"name": "report_nerve_symptoms", "confidence": 0.9}, {"name": "faq", "confidence": 0.1}],
        "entities": [
            {"entity": "symptom", "value": "nerve_symptoms", "role": "affirmed", "start": 3, "end": 22},
            {"entity": "reporter", "value": "caregiver", "start": 0, "end": 22},
        ],
        "sign_scores": {"nerve_symptoms": 0.95},
        "sign_score_pieces": [{"start": 0, "end": 22, "scores": {"nerve_symptoms": 0.95}}],
    }


class FakeProcessor:  # stands in for Rasa's MessageProcessor: parse_message only
    async def parse_message(self, message):
        return parse()


class FakeAgent:
    def __init__(self):
        self.processor = FakeProcessor()


def parsed_without(layer):
    agent = FakeAgent()
    ablate(agent, layer)
    return asyncio.run(agent.processor.parse_message("my legs have gone numb"))


def test_without_patterns_the_sign_comes_from_the_learned_layers_alone():
    result = parsed_without("no-patterns")
    assert [e["entity"] for e in result["entities"]] == ["reporter"]
    assert result["sign_scores"] == {"nerve_symptoms": 0.95}
    facts = MessageFacts.from_parse_data(result)
    assert read_message(facts).reported == {"nerve_symptoms"}


def test_patterns_only_keeps_the_patterns_and_drops_both_learned_readings():
    result = parsed_without("patterns-only")
    assert "sign_scores" not in result and "sign_score_pieces" not in result
    assert [r["name"] for r in result["intent_ranking"]] == ["faq"]
    assert [e["value"] for e in result["entities"] if e["entity"] == "symptom"] == ["nerve_symptoms"]
    nothing_but_intent = {**result, "entities": []}
    assert not read_message(MessageFacts.from_parse_data(nothing_but_intent)).reported
