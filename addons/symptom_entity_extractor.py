"""SymptomEntityExtractor: symptom entities with their assertion role, for the dialogue.

Reads the spaCy doc that SpacyNLP already made (our pipeline from nlp/, which marks
symptoms and runs medspaCy ConText) and emits one `symptom` entity per mention:
value = canonical sign key (actions/triage/rules.py), role = affirmed | negated |
hypothetical | historical | other_person. A caregiver describing the patient also
yields a `reporter: caregiver` entity, which fills the `reporter` slot.

It is not registered with `model_from="SpacyNLP"`: it needs no model of its own, and
that registration would make Rasa pass a `model` argument to `process`.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

# Importing nlp.components imports medspaCy and registers our spaCy factories.
# Rasa imports this module before SpacyNLP calls spacy.load, which otherwise fails
# with "Can't find factory for 'medspacy_context'".
import nlp.components  # noqa: F401
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.utils.spacy_utils import SpacyNLP
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.triage.detection import CAREGIVER, REPORTER_ENTITY, SYMPTOM_ENTITY
from addons.base import MessageByMessage


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class SymptomEntityExtractor(MessageByMessage, EntityExtractorMixin):
    @classmethod
    def required_components(cls) -> List[type]:
        return [SpacyNLP]

    def process_message(self, message: Message) -> None:
        doc = message.get(SPACY_DOCS[TEXT])
        if doc is not None:
            found = self.add_extractor_name(entities_from_doc(doc))
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)


def entities_from_doc(doc: Any) -> List[Dict[Text, Any]]:
    entities: List[Dict[Text, Any]] = [
        {
            "entity": SYMPTOM_ENTITY,
            "value": mention["sign"],
            "role": mention["role"],
            "start": mention["start"],
            "end": mention["end"],
            "confidence_entity": 1.0,
        }
        for mention in doc._.symptom_mentions
    ]
    if doc._.caregiver_voice:
        entities.append(
            {
                "entity": REPORTER_ENTITY,
                "value": CAREGIVER,
                "start": 0,
                "end": len(doc.text),
                "confidence_entity": 1.0,
            }
        )
    return entities
