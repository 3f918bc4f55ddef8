"""MessageLengthPolicy: a message over the length limit gets a polite reply.

The NLU component MessageLengthLimit marks such a message; this policy then runs
`action_message_too_long` (which says the limit and how to reach the clinic) and
waits for the patient, whatever is active. Like the RedFlagPolicy its predictions
are marked no-user, so that they win over RulePolicy's "continue the active form"
(priority 6); its priority (6.5) stays below the RedFlagPolicy (7), so a warning sign
in the part that was read is escalated first, and the escalation then says the
length notice itself (actions/escalate_red_flags.py).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from addons.message_length_limit import TOO_LONG_KEY

REPLY_ACTION = "action_message_too_long"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class MessageLengthPolicy(Policy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 6.5}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "MessageLengthPolicy":
        return cls(config, model_storage, resource, execution_context)

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        action = self._next_action(tracker)
        if action is None:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)

    @staticmethod
    def _next_action(tracker: DialogueStateTracker) -> Optional[Text]:
        latest_action = tracker.latest_action_name
        if latest_action == REPLY_ACTION:
            return ACTION_LISTEN_NAME
        message = tracker.latest_message
        if latest_action == ACTION_LISTEN_NAME and message and message.parse_data.get(TOO_LONG_KEY):
            return REPLY_ACTION
        return None
