"""Rasa 3.6 checks every action server response with `jsonschema.validate()`
(rasa/core/actions/action.py, RemoteAction._validate_action_result), which first
re-validates Rasa's own large events schema against the JSON-Schema meta-schema, on
every call: about 50 ms of CPU per custom action on a 2-core machine, most of a turn
(make bench, reports/bench/). Same schema, same check, same error: the validator is
built and the schema checked once."""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

_validator: Optional[Any] = None


def _action_response_validator():
    global _validator
    if _validator is None:
        schema = RemoteAction.action_response_format_spec()
        cls = validator_for(schema)
        cls.check_schema(schema)
        _validator = cls(schema)
    return _validator


def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    error = best_match(_action_response_validator().iter_errors(result))
    if error is None:
        return True
    assert isinstance(error, ValidationError)
    error.message += (
        ". Failed to validate Action server response from API, make sure your response "
        "from the Action endpoint is valid. For more information about the format "
        f"visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


RemoteAction._validate_action_result = validate_action_result
