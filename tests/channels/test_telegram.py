"""Telegram: real Update payloads in, Bot API calls out (captured by the local fake)."""
from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time

import pytest
import requests

from addons.channels.telegram import SecureTelegramInput
from harness.processes import free_port
from tests.support.responses import opening
from tests.support.stack import SECRETS

pytestmark = pytest.mark.slow

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_update_ids = itertools.count(5000)


def chat(chat_id: int) -> dict:
    return {"id": chat_id, "type": "private", "first_name": "Pat"}


def text_update(chat_id: int, text: str) -> dict:
    return {
        "update_id": next(_update_ids),
        "message": {
            "message_id": next(_update_ids), "date": int(time.time()), "chat": chat(chat_id),
            "from": {"id": chat_id, "is_bot": False, "first_name": "Pat"}, "text": text,
        },
    }


def button_update(chat_id: int, data: str) -> dict:
    return {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": f"cb{chat_id}", "chat_instance": "1", "data": data,
            "from": {"id": chat_id, "is_bot": False, "first_name": "Pat"},
            "message": {"message_id": 1, "date": int(time.time()), "chat": chat(chat_id), "text": "options"},
        },
    }


def post(stack, update: dict, secret: str = SECRETS["TELEGRAM_SECRET_TOKEN"]) -> requests.Response:
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    return requests.post(stack.webhook("telegram"), json=update, headers=headers, timeout=60)


def sent_to(chat_id: int):
    return lambda call: call.platform == "telegram" and call.path.endswith("/sendMessage") and str(call.fields.get("chat_id")) == str(chat_id)


def texts(calls) -> str:
    return "\n".join(call.fields.get("text", "") for call in calls)


def test_start_opens_the_conversation_with_the_disclaimer_and_buttons(stack):
    assert post(stack, text_update(7001, "/start")).status_code == 200
    replies = stack.apis.wait_for(sent_to(7001), count=2)
    assert "not medical advice" in texts(replies)
    # The Bot API takes reply_markup as a JSON-encoded form field.
    keyboards = [json.loads(call.fields["reply_markup"]) for call in replies if "reply_markup" in call.fields]
    buttons = [b for keyboard in keyboards for row in keyboard["inline_keyboard"] for b in row]
    assert {"text": "Check my symptoms", "callback_data": "/start_symptom_check"} in buttons
    # One button per row, so long titles stay readable on a phone.
    assert all(len(row) == 1 for keyboard in keyboards for row in keyboard["inline_keyboard"])


def test_warning_sign_gets_the_urgent_advice_and_no_raw_payload(stack):
    post(stack, text_update(7002, "my legs are numb and tingling"))
    replies = stack.apis.wait_for(sent_to(7002), count=2)
    said = texts(replies)
    assert "Please contact your doctor today" in said
    assert "(555) 010-0199" in said
    assert "triage_banner" not in said


def test_button_press_is_answered_and_acknowledged(stack):
    post(stack, button_update(7003, "/faq/warning_signs"))
    replies = stack.apis.wait_for(sent_to(7003))
    assert opening("utter_faq/warning_signs") in texts(replies)
    acknowledged = stack.apis.matching(
        lambda call: call.path.endswith("/answerCallbackQuery") and call.fields.get("callback_query_id") == "cb7003"
    )
    assert acknowledged


@pytest.mark.parametrize("secret, chat_id", [(None, 7011), ("", 7012), ("not-the-secret", 7013)])
def test_request_without_the_secret_token_is_refused_and_reaches_no_conversation(stack, secret, chat_id):
    assert post(stack, text_update(chat_id, "my legs are numb and tingling"), secret=secret).status_code == 403
    time.sleep(1)
    assert not stack.apis.matching(sent_to(chat_id))
    # The chat's first genuine message still opens a new conversation.
    post(stack, text_update(chat_id, "hello"))
    assert "not medical advice" in texts(stack.apis.wait_for(sent_to(chat_id), count=2))


def test_webhook_is_registered_with_the_secret_token_at_start_up(stack):
    calls = stack.apis.wait_for(lambda call: call.path.endswith("/setWebhook"))
    assert calls[0].fields["url"] == stack.webhook("telegram")
    assert calls[0].fields["secret_token"] == SECRETS["TELEGRAM_SECRET_TOKEN"]
    assert SECRETS["TELEGRAM_ACCESS_TOKEN"] in calls[0].path  # the bot's own token, in the API path


def test_an_unreachable_telegram_does_not_stop_the_server(caplog):
    """Rasa 3.6 sets the webhook while building its routes and raises when it cannot."""
    closed = f"http://127.0.0.1:{free_port()}"
    channel = SecureTelegramInput(SECRETS["TELEGRAM_ACCESS_TOKEN"], "https://clinic.example/webhooks/telegram/webhook",
                                  SECRETS["TELEGRAM_SECRET_TOKEN"], api_base_url=closed)
    channel.blueprint(lambda message: None)  # the routes are built without calling Telegram

    async def start_up():
        await channel.register_webhook()
        await channel.get_output_channel().session.close()

    loop = asyncio.new_event_loop()
    with caplog.at_level(logging.WARNING, logger="addons.channels.telegram"):
        loop.run_until_complete(start_up())
    loop.close()
    assert "Telegram webhook not registered" in caplog.text
