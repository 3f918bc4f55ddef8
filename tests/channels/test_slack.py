"""Slack: signed Events API and interactivity requests in, Web API calls out."""
from __future__ import annotations

import hashlib
import hmac
import json
import time
from urllib.parse import urlencode

import pytest
import requests

from tests.support.responses import opening
from tests.support.stack import SECRETS

pytestmark = pytest.mark.slow

BOT_USER = "UBOT0001"


def event(user: str, channel: str, text: str) -> dict:
    ts = f"{time.time():.6f}"
    return {
        "token": "unused", "team_id": "T0001", "api_app_id": "A0001", "type": "event_callback",
        "event_id": f"Ev{user}{ts}", "event_time": int(time.time()), "authorizations": [{"user_id": BOT_USER}],
        "event": {"type": "message", "channel_type": "im", "channel": channel, "user": user,
                  "text": text, "ts": ts, "event_ts": ts},
    }


def signed_headers(body: bytes, timestamp: int = None, secret: str = SECRETS["SLACK_SIGNING_SECRET"]) -> dict:
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}


def post(stack, body: bytes, content_type: str = "application/json", headers: dict = None) -> requests.Response:
    headers = signed_headers(body) if headers is None else headers
    return requests.post(stack.webhook("slack"), data=body, headers=dict(headers, **{"Content-Type": content_type}), timeout=60)


def message(stack, user: str, channel: str, text: str) -> requests.Response:
    return post(stack, json.dumps(event(user, channel, text)).encode())


def posted_to(channel: str):
    return lambda call: call.platform == "slack" and call.path.endswith("/chat.postMessage") and call.fields.get("channel") == channel


def said(calls) -> str:
    return "\n".join(call.fields.get("text", "") for call in calls)


def test_direct_message_gets_the_disclaimer_with_buttons(stack):
    assert message(stack, "U0000001", "D0000001", "hello").status_code == 200
    calls = stack.apis.wait_for(posted_to("D0000001"), count=2)
    assert "not medical advice" in said(calls)
    blocks = [json.loads(c.fields["blocks"]) if isinstance(c.fields["blocks"], str) else c.fields["blocks"]
              for c in calls if c.fields.get("blocks")]
    values = [e["value"] for block in blocks for part in block if part["type"] == "actions" for e in part["elements"]]
    assert "/start_symptom_check" in values
    assert calls[0].headers["Authorization"] == f"Bearer {SECRETS['SLACK_BOT_TOKEN']}"


def test_warning_sign_gets_the_urgent_advice(stack):
    message(stack, "U0000002", "D0000002", "my legs are numb and tingling")
    text = said(stack.apis.wait_for(posted_to("D0000002"), count=2))
    assert "Please contact your doctor today" in text and "(555) 010-0199" in text
    assert "triage_banner" not in json.dumps([c.fields for c in stack.apis.matching(posted_to("D0000002"))])


def test_button_click_is_answered(stack):
    payload = {
        "type": "block_actions", "user": {"id": "U0000003"}, "channel": {"id": "D0000003"},
        "message": {"ts": f"{time.time():.6f}"}, "actions": [{"type": "button", "value": "/faq/warning_signs"}],
    }
    body = urlencode({"payload": json.dumps(payload)}).encode()
    assert post(stack, body, "application/x-www-form-urlencoded").status_code == 200
    assert opening("utter_faq/warning_signs") in said(stack.apis.wait_for(posted_to("D0000003")))


def test_url_verification_echoes_the_challenge(stack):
    body = json.dumps({"token": "unused", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", "type": "url_verification"}).encode()
    response = post(stack, body)
    assert response.status_code == 200
    assert response.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


@pytest.mark.parametrize(
    "user, kind",
    [("U0000011", "missing"), ("U0000012", "wrong secret"), ("U0000013", "replayed ten minutes later")],
)
def test_unsigned_request_is_refused_and_reaches_no_conversation(stack, user, kind):
    channel = "D" + user[1:]
    body = json.dumps(event(user, channel, "my legs are numb and tingling")).encode()
    headers = {
        "missing": {},
        "wrong secret": signed_headers(body, secret="someone-else"),
        "replayed ten minutes later": signed_headers(body, timestamp=int(time.time()) - 600),
    }[kind]
    assert post(stack, body, headers=headers).status_code == 403
    time.sleep(1)
    assert not stack.apis.matching(posted_to(channel))
    message(stack, user, channel, "hello")
    assert "not medical advice" in said(stack.apis.wait_for(posted_to(channel), count=2))
