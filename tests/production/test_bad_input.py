"""Bad input: a clear reply or a 4xx, never a 500, a crash or a lost conversation.

WEBHOOKS is the table of HTTP endpoints that take input: the REST channel (test
configuration) and Rasa's HTTP API. The messaging channel connectors
(addons/channels/) add a row each, with their own valid body; the bad bodies apply
to all. socketio, the widget's channel, has its own tests below.
"""
from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass
from typing import Any, Dict

import aiohttp
import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.production.socketio_client import WidgetClient
from harness.production import new_sender, texts, turn_shape, user_texts


@dataclass(frozen=True)
class Webhook:
    name: str
    path: str  # {sender}: the conversation
    api: bool = False  # Rasa's HTTP API: needs the token


WEBHOOKS = [
    Webhook("rest channel", "/webhooks/rest/webhook"),
    Webhook("api: add message", "/conversations/{sender}/messages", api=True),
    Webhook("api: append events", "/conversations/{sender}/tracker/events", api=True),
    Webhook("api: trigger intent", "/conversations/{sender}/trigger_intent", api=True),
    Webhook("api: execute action", "/conversations/{sender}/execute", api=True),
    Webhook("api: parse", "/model/parse", api=True),
]

BAD_BODIES: Dict[str, Any] = {
    "malformed json": b'{"sender": "x", "message": ',
    "empty body": b"",
    "not utf-8": b"\xff\xfe\xfa",
    "json array": b"[1, 2]",
    "json null": b"null",
    "json string": b'"hello"',
    "json number": b"42",
    "empty object": {},
    "nulls": {"sender": None, "message": None, "text": None, "name": None, "event": None},
    "number sender": {"sender": 12345, "message": "hello"},
    "number message": {"sender": "{sender}", "message": 12345, "text": 12345},
    "object message": {"sender": "{sender}", "message": {"text": "hi"}, "text": {"text": "hi"}},
    "list message": {"sender": "{sender}", "message": ["hi"], "text": ["hi"]},
    "wrong event fields": {"event": "slot", "name": 5, "value": {"a": 1}, "timestamp": "yesterday"},
    "unknown event": {"event": "no_such_event"},
    "unknown action and intent": {"name": "action_no_such_thing", "intent": 5, "entities": "x"},
    "huge sender id": {"sender": "s" * 5000, "message": "hello"},
}


def _post(server, webhook: Webhook, sender: str, body: Any) -> requests.Response:
    if isinstance(body, dict):
        body = json.dumps(body).replace("{sender}", sender).encode()
    return requests.post(
        server.url + webhook.path.format(sender=sender), data=body,
        params={"token": server.token} if webhook.api else None,
        headers={"Content-Type": "application/json"}, timeout=60,
    )


@pytest.mark.parametrize("webhook", WEBHOOKS, ids=lambda w: w.name)
def test_bad_bodies_get_a_4xx_or_a_reply_and_the_conversation_survives(sqlite_server, webhook):
    sender = new_sender()
    sqlite_server.say(sender, "my legs are numb and tingling")
    before = sqlite_server.tracker(sender)["events"]
    server_errors = {}
    for name, body in BAD_BODIES.items():
        response = _post(sqlite_server, webhook, sender, body)
        if response.status_code >= 500:
            server_errors[name] = response.status_code
    assert not server_errors, f"server errors for: {server_errors}"
    assert sqlite_server.process.poll() is None
    tracker = sqlite_server.tracker(sender)
    assert tracker["events"][: len(before)] == before, "no stored event may be lost or changed"
    assert tracker["slots"]["red_flags"] == ["nerve_symptoms"]
    assert "(555) 010-0199" in texts(sqlite_server.say(sender, "/request_clinic_contact"))


# --- messages: generated ones, through the REST channel ---

NASTY = [
    "", " ", "\n\t  \n", "🙂", "🔥🔥🔥 back 😭", "ألم شديد في الظهر", "כאב גב חזק",
    "<script>alert('x')</script>", "<b>bold</b><img src=x onerror=alert(1)>", "&lt;&gt;&amp;",
    "/no_such_intent", "/faq/no_such_topic", "/affirm{\"x\": ", "/", "//", "/start_symptom_check{\"a\":[1,2",
    "\u202eevil\u202c", "\x00\x01\x02", "x" * 100_000, "my legs are numb 😭 <b>help</b>",
]
MESSAGES = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=400),
    st.builds(lambda a, b: a + b, st.sampled_from(["<i>", "\u200f", "🔥", "/", " "]), st.text(max_size=80)),
)


def _assert_no_markup_echoed(said: str, message: str) -> None:
    for tag in re.findall(r"<\s*\w+", message):
        assert tag not in said, "the bot never repeats markup from a message"


def _assert_clear_reply(replies, message: str) -> None:
    assert replies, f"no reply to {message[:60]!r}"
    _assert_no_markup_echoed(texts(replies), message)


@pytest.fixture(scope="module")
def generated_conversation(sqlite_server):
    sender = new_sender()
    sqlite_server.say(sender, "/start_symptom_check")
    return sender, []


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(message=MESSAGES)
def test_any_message_gets_a_clear_reply(sqlite_server, generated_conversation, message):
    sender, sent = generated_conversation
    _assert_clear_reply(sqlite_server.say(sender, message), message)
    sent.append(message)


def test_the_generated_conversation_is_intact(sqlite_server, generated_conversation):
    sender, sent = generated_conversation
    assert len(sent) >= 20
    tracker = sqlite_server.tracker(sender)
    assert len(user_texts(tracker)) == len(sent) + 1
    assert re.fullmatch(r"(ub+l)+", turn_shape(tracker["events"]).lstrip("bl"))
    assert tracker["slots"]["clinic_phone"] == "(555) 010-0199"


def test_a_long_message_gets_the_documented_limit_and_keeps_the_check_going(sqlite_server):
    sender = new_sender()
    sqlite_server.say(sender, "/start_symptom_check")
    replies = sqlite_server.say(sender, "my back " * 20_000)
    assert "up to 2,000 characters" in texts(replies)
    assert "911" in texts(replies)
    assert sqlite_server.tracker(sender)["active_loop"]["name"] == "symptom_check_form"
    sqlite_server.say(sender, "8 weeks ago")
    assert sqlite_server.tracker(sender)["slots"]["weeks_since_procedure"] == 8.0


def test_a_warning_sign_in_a_long_message_is_still_escalated(sqlite_server):
    replies = sqlite_server.say(new_sender(), "i have chest pain. " + "and my back hurts. " * 6000)
    assert "911" in texts(replies)
    assert "call" in texts(replies).lower()
    # and the patient learns that the rest of the message was not read
    assert "up to 2,000 characters" in texts(replies)


def test_a_burst_of_messages_in_one_conversation(sqlite_server):
    sender = new_sender()
    sqlite_server.say(sender, "hello")

    async def burst():
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=300)) as session:
            async def post(i):
                async with session.post(f"{sqlite_server.url}/webhooks/rest/webhook",
                                        json={"sender": sender, "message": "/faq/warning_signs"}) as r:
                    return r.status, await r.json()
            return await asyncio.gather(*(post(i) for i in range(20)))

    results = asyncio.run(burst())
    assert all(status == 200 and replies for status, replies in results)
    tracker = sqlite_server.tracker(sender)
    assert len(user_texts(tracker)) == 21
    shape = turn_shape(tracker["events"])
    burst_turns = shape[shape.index("u", shape.index("u") + 1):]  # after "hello"
    assert re.fullmatch(r"(ub+l){20}", burst_turns), "each message handled whole, one at a time"


# --- socketio, the widget's channel ---

SOCKETIO_BAD_EVENTS = [
    ("user_uttered", None), ("user_uttered", "text"), ("user_uttered", 42), ("user_uttered", [1, 2]),
    ("user_uttered", {}), ("user_uttered", {"message": None}), ("user_uttered", {"message": 5}),
    ("user_uttered", {"message": {"text": "hi"}}), ("user_uttered", {"message": "hi", "session_id": None}),
    ("user_uttered", {"message": "hi", "session_id": 5}), ("session_request", "not a dict"),
    ("session_request", [1]), ("no_such_event", {"message": "hi"}),
]


def test_socketio_bad_events_leave_the_conversation_intact(sqlite_server):
    async def talk():
        async with WidgetClient(sqlite_server.url, server=sqlite_server) as client:
            await client.say("hello")
            for event, data in SOCKETIO_BAD_EVENTS:
                await client.emit_raw(event, data)
            contact = await client.say("/request_clinic_contact")
            return client.session_id, contact

    session_id, contact = asyncio.run(talk())
    assert sqlite_server.process.poll() is None
    assert "(555) 010-0199" in contact
    assert user_texts(sqlite_server.tracker(session_id)) == ["hello", "/request_clinic_contact"]


@pytest.mark.parametrize("message", NASTY, ids=lambda m: repr(m[:12]))
def test_socketio_nasty_message_gets_a_reply(sqlite_server, message):
    """Each in a conversation of its own, through the widget's channel."""
    async def talk():
        async with WidgetClient(sqlite_server.url, server=sqlite_server) as client:
            return client.session_id, await client.say(message)

    session_id, reply = asyncio.run(talk())
    assert "Hi, I'm" in reply and reply.count("\n") >= 3, "the disclaimer and an answer"
    _assert_no_markup_echoed(reply, message)
    assert user_texts(sqlite_server.tracker(session_id)) == [message.strip()]  # Rasa strips white space
