"""Twilio SMS and WhatsApp: Twilio's signed form posts in, Messages API calls out."""
from __future__ import annotations

import base64
import itertools
import time

import pytest
import requests
from twilio.request_validator import RequestValidator

from addons.channels.choices import numbered_list
from tests.support.responses import buttons, opening
from tests.support.stack import SECRETS

pytestmark = pytest.mark.slow

_sids = itertools.count(1)
SMS_NUMBER = SECRETS["TWILIO_SMS_NUMBER"]
WHATSAPP_NUMBER = SECRETS["TWILIO_WHATSAPP_NUMBER"]


def inbound(sender: str, to: str, body: str) -> dict:
    """The form fields Twilio posts for an incoming message."""
    sid = f"SM{next(_sids):032d}"
    return {
        "ToCountry": "US", "ToState": "NY", "SmsMessageSid": sid, "NumMedia": "0", "ToCity": "",
        "FromZip": "", "SmsSid": sid, "FromState": "NY", "SmsStatus": "received", "FromCity": "",
        "Body": body, "FromCountry": "US", "To": to, "ToZip": "", "NumSegments": "1",
        "MessageSid": sid, "AccountSid": SECRETS["TWILIO_ACCOUNT_SID"], "From": sender, "ApiVersion": "2010-04-01",
    }


def post(stack, channel: str, fields: dict, signature: str = "computed", signed_url: str = "") -> requests.Response:
    url = stack.webhook(channel)
    headers = {}
    if signature == "computed":
        signature = RequestValidator(SECRETS["TWILIO_AUTH_TOKEN"]).compute_signature(signed_url or url, fields)
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    return requests.post(url, data=fields, headers=headers, timeout=60)


def sms(stack, sender: str, body: str) -> requests.Response:
    return post(stack, "twilio", inbound(sender, SMS_NUMBER, body))


def sent_to(recipient: str):
    return lambda call: call.platform == "twilio" and call.path.endswith("/Messages.json") and call.fields.get("To") == recipient


def reply(stack, recipient: str, after: int) -> str:
    """The one message sent to `recipient` after its first `after` messages."""
    calls = stack.apis.wait_for(sent_to(recipient), count=after + 1)
    assert len(calls) == after + 1, "one text message per turn"
    return calls[-1].fields["Body"]


def test_first_sms_gets_the_disclaimer_and_numbered_options_in_one_message(stack):
    patient = "+15557000001"
    assert sms(stack, patient, "hello").status_code == 204
    calls = stack.apis.wait_for(sent_to(patient))
    assert len(calls) == 1
    call = calls[0]
    assert call.fields["From"] == SMS_NUMBER
    assert call.path == f"/2010-04-01/Accounts/{SECRETS['TWILIO_ACCOUNT_SID']}/Messages.json"
    credentials = f"{SECRETS['TWILIO_ACCOUNT_SID']}:{SECRETS['TWILIO_AUTH_TOKEN']}".encode()
    assert call.headers["Authorization"] == "Basic " + base64.b64encode(credentials).decode()
    body = call.fields["Body"]
    assert "not medical advice" in body
    assert "Reply with a number:\n1. Check my symptoms\n2. Why do I still have pain?" in body


def test_numbers_and_yes_pick_options_through_the_symptom_check(stack):
    patient = "+15557000002"
    sms(stack, patient, "hi")
    greeting = reply(stack, patient, after=0)
    start = [b["title"] for b in buttons("utter_session_disclaimer")].index("Check my symptoms") + 1
    assert f"{start}. Check my symptoms" in greeting
    sms(stack, patient, str(start))
    assert opening("utter_ask_weeks_since_procedure") in reply(stack, patient, after=1)
    sms(stack, patient, "8 weeks")
    trend = reply(stack, patient, after=2)
    assert trend.endswith(numbered_list(buttons("utter_ask_pain_trend")))
    same = [b["payload"] for b in buttons("utter_ask_pain_trend")].index("/report_pain_not_improving") + 1
    sms(stack, patient, str(same))
    emergency_question = reply(stack, patient, after=3)
    assert opening("utter_ask_sign_emergency") in emergency_question
    assert emergency_question.endswith("1. Yes\n2. No")
    sms(stack, patient, "yes")
    escalated = reply(stack, patient, after=4)
    assert "EMERGENCY" in escalated and "911" in escalated


def test_warning_sign_by_sms_gets_the_urgent_advice_as_text(stack):
    patient = "+15557000003"
    sms(stack, patient, "my legs are numb and tingling")
    body = reply(stack, patient, after=0)
    assert "Please contact your doctor today" in body
    assert "(555) 010-0199" in body
    assert "triage_banner" not in body


def test_whatsapp_replies_from_the_whatsapp_number_to_the_sender(stack):
    patient = "whatsapp:+15557000004"
    response = post(stack, "twilio_whatsapp", inbound(patient, f"whatsapp:{WHATSAPP_NUMBER}", "i have chest pain"))
    assert response.status_code == 204
    call = stack.apis.wait_for(sent_to(patient))[0]
    assert call.fields["From"] == f"whatsapp:{WHATSAPP_NUMBER}"
    assert "EMERGENCY" in call.fields["Body"] and "911" in call.fields["Body"]


@pytest.mark.parametrize(
    "patient, signature, signed_url",
    [
        ("+15557000011", None, ""),  # missing
        ("+15557000012", "bm90IGEgc2lnbmF0dXJl", ""),  # wrong
        ("+15557000013", "computed", "https://attacker.example/webhooks/twilio/webhook"),  # signed for another URL
    ],
)
def test_unsigned_sms_is_refused_and_reaches_no_conversation(stack, patient, signature, signed_url):
    fields = inbound(patient, SMS_NUMBER, "my legs are numb and tingling")
    assert post(stack, "twilio", fields, signature, signed_url).status_code == 403
    time.sleep(1)
    assert not stack.apis.matching(sent_to(patient))
    sms(stack, patient, "hello")
    assert "not medical advice" in reply(stack, patient, after=0)
