"""RedFlagPolicy: the safety net that escalates a warning sign on every turn.

Whatever the intent and whatever is active (the symptom check form, a FAQ answer, a
second-opinion question), a user message that reports a warning sign for the patient
is answered first by `action_escalate_red_flags`, in the same reply. The decision is
a pure function of the latest message (actions/triage/detection.py), so it does not
depend on any story or rule being learned, and the action applies the same function.

Priority: it must outrank RulePolicy. RulePolicy marks "continue the active form"
as a *no-user* prediction, which Rasa 3.6's ensemble lets win over every normal
prediction regardless of priority (DefaultPolicyPredictionEnsemble._pick_best_policy),
so our predictions are marked no-user too and then win on priority.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME, REQUESTED_SLOT
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from actions.triage.detection import CAREGIVER, red_flags_in_message

ESCALATION_ACTION = "action_escalate_red_flags"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class RedFlagPolicy(Policy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 7}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "RedFlagPolicy":
        return cls(config, model_storage, resource, execution_context)

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        # Nothing to learn: the rules table is the model.
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        action = self._next_action(tracker)
        probabilities = self._default_predictions(domain)
        if action is None:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)

    @staticmethod
    def _next_action(tracker: DialogueStateTracker) -> Optional[Text]:
        latest_action = tracker.latest_action_name
        if latest_action == ESCALATION_ACTION:
            # An active form resumes (RulePolicy predicts it); otherwise we wait
            # for the patient, rather than let a learned policy guess what follows.
            return None if tracker.active_loop_name else ACTION_LISTEN_NAME
        if latest_action != ACTION_LISTEN_NAME:
            return None
        message = tracker.latest_message
        if message is None:
            return None
        flags = red_flags_in_message(
            intent=(message.intent or {}).get(INTENT_NAME_KEY),
            entities=message.entities or [],
            requested_slot=tracker.get_slot(REQUESTED_SLOT) if tracker.active_loop_name else None,
            caregiver=tracker.get_slot("reporter") == CAREGIVER,
            text=message.text,
        )
        return ESCALATION_ACTION if flags else None
