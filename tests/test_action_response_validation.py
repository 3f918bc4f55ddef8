"""Rasa's check of action server responses, built once (addons/action_response_validation.py):
same verdicts and messages as Rasa's own, without re-checking the schema on every call."""
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

import addons  # noqa: F401  (applies the patch, as loading the model does)

VALID = {"events": [{"event": "slot", "name": "triage_level", "value": "urgent"}],
         "responses": [{"text": "Please call the clinic today."}]}


def test_a_valid_action_server_response_passes():
    assert RemoteAction("action_escalate_red_flags", None)._validate_action_result(VALID)


@pytest.mark.parametrize("response", [{"events": [{"event": "slot", "name": 3}]}, {"events": "nope"}])
def test_an_invalid_response_is_still_refused_with_rasa_message(response):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        RemoteAction("action_escalate_red_flags", None)._validate_action_result(response)


def test_loading_the_addons_replaces_rasa_per_call_schema_check():
    from addons.action_response_validation import validate_action_result

    assert RemoteAction._validate_action_result is validate_action_result
