"""Facebook Messenger: signed webhook entries in, Send API calls out."""
from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest
import requests

from tests.support.fake_apis import text_of
from tests.support.responses import opening
from tests.support.stack import SECRETS

pytestmark = pytest.mark.slow

PAGE_ID = "1122334455"


def entry(psid: str, event: dict) -> bytes:
    now = int(time.time() * 1000)
    messaging = dict({"sender": {"id": psid}, "recipient": {"id": PAGE_ID}, "timestamp": now}, **event)
    return json.dumps({"object": "page", "entry": [{"id": PAGE_ID, "time": now, "messaging": [messaging]}]}).encode()


def text_message(psid: str, text: str) -> bytes:
    return entry(psid, {"message": {"mid": f"m_{psid}_{time.time()}", "text": text}})


def signature(body: bytes, digest=hashlib.sha256, secret: str = SECRETS["FACEBOOK_APP_SECRET"]) -> str:
    return f"{digest().name}=" + hmac.new(secret.encode(), body, digest).hexdigest()


def post(stack, body: bytes, headers: dict = None) -> requests.Response:
    if headers is None:
        headers = {"X-Hub-Signature-256": signature(body), "X-Hub-Signature": signature(body, hashlib.sha1)}
    return requests.post(stack.webhook("facebook"), data=body, headers=dict(headers, **{"Content-Type": "application/json"}), timeout=60)


def messages_to(psid: str):
    return lambda call: (
        call.platform == "facebook" and call.path.endswith("/me/messages")
        and call.fields.get("recipient", {}).get("id") == psid and "message" in call.fields
    )


def said(calls) -> str:
    return "\n".join(text_of(call) for call in calls)


def test_first_message_gets_the_disclaimer_with_buttons(stack):
    psid = "2000000001"
    assert post(stack, text_message(psid, "hello")).status_code == 200
    calls = stack.apis.wait_for(messages_to(psid), count=2)
    assert "not medical advice" in said(calls)
    templates = [c.fields["message"]["attachment"]["payload"] for c in calls if "attachment" in c.fields["message"]]
    buttons = [button for template in templates for button in template["buttons"]]
    assert {"type": "postback", "title": "Check my symptoms", "payload": "/start_symptom_check"} in buttons
    assert calls[0].fields["messaging_type"] == "RESPONSE"
    assert calls[0].headers.get("Content-Type", "").startswith("application/json")


def test_warning_sign_gets_the_urgent_advice(stack):
    psid = "2000000002"
    post(stack, text_message(psid, "my legs are numb and tingling"))
    text = said(stack.apis.wait_for(messages_to(psid), count=2))
    assert "Please contact your doctor today" in text and "(555) 010-0199" in text
    assert "triage_banner" not in json.dumps([c.fields for c in stack.apis.matching(messages_to(psid))])


def test_button_postback_and_quick_reply_are_answered(stack):
    psid = "2000000003"
    post(stack, entry(psid, {"postback": {"title": "Warning signs", "payload": "/faq/warning_signs"}}))
    first = stack.apis.wait_for(messages_to(psid))
    assert opening("utter_faq/warning_signs") in said(first)
    quick = {"message": {"mid": "m_q", "text": "Check my symptoms", "quick_reply": {"payload": "/start_symptom_check"}}}
    post(stack, entry(psid, quick))
    later = stack.apis.wait_for(messages_to(psid), count=len(first) + 1)
    assert opening("utter_ask_weeks_since_procedure") in said(later[len(first):])


def test_sha1_signature_alone_is_accepted(stack):
    psid = "2000000004"
    body = text_message(psid, "hello")
    assert post(stack, body, {"X-Hub-Signature": signature(body, hashlib.sha1)}).status_code == 200
    assert stack.apis.wait_for(messages_to(psid))


@pytest.mark.parametrize(
    "psid, headers",
    [
        ("2000000011", {}),
        ("2000000012", {"X-Hub-Signature-256": "sha256=" + "0" * 64}),
        ("2000000013", "signed with another secret"),
    ],
)
def test_unsigned_request_is_refused_and_reaches_no_conversation(stack, psid, headers):
    body = text_message(psid, "my legs are numb and tingling")
    if isinstance(headers, str):
        headers = {"X-Hub-Signature-256": signature(body, secret="someone-else")}
    assert post(stack, body, headers).status_code == 403
    time.sleep(1)
    # Not even a "typing" indicator went out.
    assert not stack.apis.matching(lambda call: call.platform == "facebook" and call.fields.get("recipient", {}).get("id") == psid)
    post(stack, text_message(psid, "hello"))
    assert "not medical advice" in said(stack.apis.wait_for(messages_to(psid), count=2))


def test_webhook_verification_needs_the_verify_token(stack):
    params = {"hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": SECRETS["FACEBOOK_VERIFY_TOKEN"]}
    ok = requests.get(stack.webhook("facebook"), params=params, timeout=10)
    assert (ok.status_code, ok.text) == (200, "1158201444")
    wrong = requests.get(stack.webhook("facebook"), params=dict(params, **{"hub.verify_token": "guess"}), timeout=10)
    assert wrong.status_code == 403 and "1158201444" not in wrong.text
