"""The REST channel, and CORS on the Rasa server: only the clinic's web origins."""
from __future__ import annotations

import uuid

import pytest
import requests

pytestmark = pytest.mark.slow

EVIL = "http://evil.example"


def rest(stack, sender: str, message: str, origin: str = None) -> requests.Response:
    headers = {"Origin": origin} if origin else {}
    return requests.post(f"{stack.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, headers=headers, timeout=60)


def test_rest_channel_answers_with_text_buttons_and_the_banner(stack):
    sender = uuid.uuid4().hex
    replies = rest(stack, sender, "my legs are numb and tingling").json()
    assert all(r["recipient_id"] == sender for r in replies)
    assert any("not medical advice" in r.get("text", "") for r in replies)
    assert any("Please contact your doctor today" in r.get("text", "") for r in replies)
    assert {"type": "triage_banner", "level": "urgent", "title": "Contact your doctor today: (555) 010-0199",
            "phone": "(555) 010-0199"} in [r.get("custom") for r in replies]


@pytest.mark.parametrize("path", ["/webhooks/rest/webhook", "/"])
def test_cors_preflight_allows_only_the_clinic_page(stack, path):
    def preflight(origin):
        return requests.options(
            stack.rasa_url + path, timeout=10,
            headers={"Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
        )

    page = f"http://localhost:{stack.web_port}"
    assert preflight(page).headers.get("Access-Control-Allow-Origin") == page
    assert "Access-Control-Allow-Origin" not in preflight(EVIL).headers


def test_a_foreign_page_gets_no_cors_permission(stack):
    response = rest(stack, uuid.uuid4().hex, "/greet", origin=EVIL)
    assert "Access-Control-Allow-Origin" not in response.headers
