"""Bad request bodies get a 400 with a reason, before any handler runs.

Rasa 3.6's REST channel and HTTP API read `request.json` without checking it: a
JSON array, null or a string as body, or a number where text belongs, made them
answer 500 (AttributeError/TypeError in the handler) or answer 200 with no reply
after the turn failed; a REST body without "sender" joined one shared conversation
called "default". This request middleware checks every JSON body sent to the
Rasa server: it must parse, and be an object (an events list for tracker/events);
the fields the REST channel and the API read must have the right type; a
conversation id must fit the tracker store (255 characters).
Bodies that are not JSON (e.g. Twilio's form posts) are left to their channel.
"""
from __future__ import annotations

import json
import re
from typing import Any, Dict, Optional, Tuple

from sanic import Sanic, response
from sanic.request import Request

MAX_CONVERSATION_ID = 255  # rasa.core.tracker_store.SQLTrackerStore.SQLEvent.sender_id

# path -> (required text fields, optional text fields)
TEXT_FIELDS: Dict[str, Tuple[Tuple[str, ...], Tuple[str, ...]]] = {
    r"/webhooks/rest/webhook": (("sender", "message"), ()),
    r"/conversations/[^/]+/messages": (("text", "sender"), ()),
    r"/conversations/[^/]+/trigger_intent": (("name",), ("output_channel",)),
    r"/conversations/[^/]+/execute": (("name",), ()),
    r"/model/parse": (("text",), ("message_id",)),
}
EXECUTE_PATH = re.compile(r"/conversations/[^/]+/execute")
LISTS_ALLOWED = re.compile(r"/conversations/[^/]+/tracker/events")
CONVERSATION_PATH = re.compile(r"/conversations/([^/]+)/")


def problem(request: Request) -> Optional[str]:
    if request.route is None:  # no such route: Sanic answers 404 (the body is not read)
        return None
    path = request.path
    conversation = CONVERSATION_PATH.match(path)
    if conversation and len(conversation.group(1)) > MAX_CONVERSATION_ID:
        return f"a conversation id has at most {MAX_CONVERSATION_ID} characters"
    if request.method not in ("POST", "PUT", "PATCH") or "json" not in (request.content_type or ""):
        return None
    try:
        body: Any = json.loads(request.body or b"")
    except ValueError:  # also a body that is not UTF-8
        return "the body is not valid JSON"
    if isinstance(body, list) and LISTS_ALLOWED.fullmatch(path):
        return None
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    for pattern, (required, optional) in TEXT_FIELDS.items():
        if re.fullmatch(pattern, path):
            return _field_problem(body, required, optional) or _action_problem(request, body)
    return None


def _action_problem(request: Request, body: Dict[str, Any]) -> Optional[str]:
    """/execute with an action the domain does not have made Rasa answer 500."""
    if not EXECUTE_PATH.fullmatch(request.path):
        return None
    agent = getattr(request.app.ctx, "agent", None)
    domain = getattr(agent, "domain", None)
    if domain is not None and body["name"] not in domain.action_names_or_texts:
        return "no such action"
    return None


def _field_problem(body: Dict[str, Any], required: Tuple[str, ...], optional: Tuple[str, ...]) -> Optional[str]:
    for name in required + optional:
        if name not in body and name in optional:
            continue
        value = body.get(name)
        if not isinstance(value, str):
            return f'"{name}" must be text'
        if name == "sender" and not 0 < len(value) <= MAX_CONVERSATION_ID:
            return f'"sender" has 1 to {MAX_CONVERSATION_ID} characters'
    return None


async def reject_bad_bodies(request: Request) -> Optional[response.HTTPResponse]:
    reason = problem(request)
    if reason:
        return response.json(
            {"status": "failure", "reason": "BadRequest", "message": reason, "code": 400}, status=400
        )
    return None


def install(app: Sanic) -> Sanic:
    app.register_middleware(reject_bad_bodies, "request")
    return app
