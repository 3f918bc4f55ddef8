"""Shared bases for our Rasa plug-ins that have nothing to learn.

- ConfigOnlyComponent: an NLU component built from its config alone (no training,
  nothing stored in the model).
- MessageByMessage: a ConfigOnlyComponent that reads or amends each parsed message
  on its own (`process_message`) and leaves the training data as it is.
- RuleOfThumbPolicy: a dialogue policy whose next action is a pure function of the
  tracker, predicted with certainty and marked *no-user*. Rasa 3.6's ensemble
  (DefaultPolicyPredictionEnsemble._pick_best_policy) lets a no-user prediction win
  over every normal one regardless of priority, and RulePolicy marks "continue the
  active form" as no-user; so ours are marked no-user too and then win on priority.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


class ConfigOnlyComponent(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ConfigOnlyComponent":
        return cls(config)

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.component_config = config


class MessageByMessage(ConfigOnlyComponent):
    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # training examples carry nothing for it to add

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self.process_message(message)
        return messages

    def process_message(self, message: Message) -> None:
        raise NotImplementedError


class RuleOfThumbPolicy(Policy):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "RuleOfThumbPolicy":
        return cls(config, model_storage, resource, execution_context)

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource  # nothing to learn: the rule is the model

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        action = self.next_action(tracker)
        if action is None:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)

    def next_action(self, tracker: DialogueStateTracker) -> Optional[Text]:
        """The action to run now, or None to leave the turn to the other policies."""
        raise NotImplementedError
