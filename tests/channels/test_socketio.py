"""The widget's socket.io channel, spoken to as rasa-webchat does (python-socketio client).

Covers what the browser tests cannot isolate: origins refused at the handshake,
a session that continues on a new socket (the enter_room fix), and the triage
banner payload arriving intact.
"""
from __future__ import annotations

import asyncio
import uuid
from typing import Any, Dict, List

import pytest
import requests
import socketio
import websockets

from addons.channels.socketio import ClinicSocketIOInput
from tests.support.responses import opening

pytestmark = pytest.mark.slow

EVIL = "http://evil.example"


def run(coroutine):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coroutine)
    finally:
        loop.close()


class Widget:
    """One browser tab's socket, as rasa-webchat uses it."""

    def __init__(self, stack, origin: str) -> None:
        self.url, self.origin = stack.rasa_url, origin
        self.client = socketio.AsyncClient(reconnection=False)
        self.received: List[Dict[str, Any]] = []
        self.confirmed = asyncio.Event()
        self.client.on("bot_uttered", self.received.append)
        self.client.on("session_confirm", lambda *_: self.confirmed.set())

    async def open(self, session_id: str) -> None:
        # Long-polling: python-engineio's websocket client needs a newer aiohttp
        # than Rasa 3.6 allows. The browser tests use websockets.
        await self.client.connect(self.url, headers={"Origin": self.origin}, transports=["polling"], socketio_path="/socket.io")
        await self.client.emit("session_request", {"session_id": session_id})
        await asyncio.wait_for(self.confirmed.wait(), 10)

    async def say(self, session_id: str, text: str, replies: int = 1) -> List[Dict[str, Any]]:
        start = len(self.received)
        await self.client.emit("user_uttered", {"message": text, "session_id": session_id, "customData": {"language": "en"}})
        for _ in range(600):
            if len(self.received) - start >= replies:
                await asyncio.sleep(1)  # the rest of the turn
                break
            await asyncio.sleep(0.1)
        return self.received[start:]


def texts(messages) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def websocket_handshake(stack, origin: str) -> str:
    """The first frame of a raw socket.io websocket, as a browser tab opens it."""
    url = stack.rasa_url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"

    async def handshake():
        async with websockets.connect(url, origin=origin, open_timeout=10) as socket:
            return await asyncio.wait_for(socket.recv(), 10)

    return run(handshake())


def test_a_foreign_origin_cannot_open_a_socket(stack):
    # Browsers apply no CORS to websockets: the server itself must refuse.
    with pytest.raises(websockets.exceptions.InvalidStatusCode) as refused:
        websocket_handshake(stack, EVIL)
    assert refused.value.status_code == 400
    assert websocket_handshake(stack, f"http://localhost:{stack.web_port}").startswith("0{")  # engine.io "open"

    async def attempt():
        await Widget(stack, EVIL).open(uuid.uuid4().hex)

    with pytest.raises(socketio.exceptions.ConnectionError):
        run(attempt())
    polling = requests.get(f"{stack.rasa_url}/socket.io/?EIO=4&transport=polling", headers={"Origin": EVIL}, timeout=10)
    assert polling.status_code == 400


def test_the_clinic_page_origin_gets_exactly_one_cors_header_on_polling(stack):
    origin = f"http://localhost:{stack.web_port}"
    polling = requests.get(f"{stack.rasa_url}/socket.io/?EIO=4&transport=polling", headers={"Origin": origin}, timeout=10)
    assert polling.status_code == 200
    assert polling.raw.headers.getlist("Access-Control-Allow-Origin") == [origin]


def test_a_session_continues_on_a_new_socket_and_the_banner_arrives_intact(stack):
    origin = f"http://127.0.0.1:{stack.web_port}"
    session = uuid.uuid4().hex

    async def conversation():
        first = Widget(stack, origin)
        await first.open(session)
        greeting = await first.say(session, "/greet", replies=2)
        warning = await first.say(session, "my legs are numb and tingling", replies=2)
        await first.client.disconnect()
        # A page reload: a new socket asks for the same session.
        second = Widget(stack, origin)
        await second.open(session)
        summary = await second.say(session, "/request_summary")
        await second.client.disconnect()
        return greeting, warning, summary

    greeting, warning, summary = run(conversation())
    assert "not medical advice" in texts(greeting)
    assert any(m.get("quick_replies") for m in greeting), "buttons reach the widget"
    banners = [m["custom"] for m in warning if "custom" in m]
    assert banners == [{"type": "triage_banner", "level": "urgent", "title": "Contact your doctor today: (555) 010-0199", "phone": "(555) 010-0199"}]
    assert "Please contact your doctor today" in texts(warning)
    # The reply reached the new socket, and it is the same conversation: the
    # sign reported before the reload is in the summary, with no new disclaimer.
    assert opening("utter_visit_summary") in texts(summary)
    assert "numbness" in texts(summary).lower()
    assert "not medical advice" not in texts(summary)


def test_session_request_awaits_enter_room_on_newer_python_socketio():
    """python-socketio >= 5.10 made enter_room a coroutine that Rasa 3.6 never awaits."""
    channel = ClinicSocketIOInput.from_credentials({"session_persistence": True})
    channel.blueprint(lambda message: None)
    joined, emitted = [], []

    async def enter_room(sid, room, namespace=None):  # the 5.10+ signature
        await asyncio.sleep(0)
        joined.append((sid, room))

    async def emit(event, data=None, **kwargs):
        emitted.append((event, data, kwargs.get("room")))

    channel.sio.enter_room, channel.sio.emit = enter_room, emit
    handler = channel.sio.handlers["/"]["session_request"]
    run(handler("sid-1", {"session_id": "a" * 32}))
    assert joined == [("sid-1", "a" * 32)]
    assert emitted == [("session_confirm", "a" * 32, "sid-1")]
    run(handler("sid-2", {"session_id": "../../not-an-id"}))
    assert joined[-1][1] != "../../not-an-id" and len(joined[-1][1]) == 32
