"""A socketio client as the website widget talks to Rasa (session persistence on).

HTTP long-polling transport: python-engineio's websocket client needs a newer
aiohttp (ClientWSTimeout) than the one Rasa 3.6 pins."""
from __future__ import annotations

import asyncio
import uuid
from typing import Any, Dict, List, Optional

import socketio


class WidgetClient:
    """`server` (a harness.production.RasaServer) lets `say` wait until the turn
    is stored, however slow the machine, instead of guessing from silence."""

    def __init__(self, url: str, session_id: Optional[str] = None, server: Any = None):
        self.url = url
        self.session_id = session_id or uuid.uuid4().hex
        self.server = server
        self.client = socketio.AsyncClient(reconnection=False)
        self.received: List[Dict[str, Any]] = []
        self.client.on("bot_uttered", self._on_bot)

    async def _on_bot(self, data: Dict[str, Any]) -> None:
        self.received.append(data)

    async def __aenter__(self) -> "WidgetClient":
        confirmed = asyncio.get_running_loop().create_future()
        self.client.on("session_confirm", lambda *_: confirmed.done() or confirmed.set_result(True))
        await self.client.connect(self.url, transports=["polling"], socketio_path="/socket.io")
        await self.client.emit("session_request", {"session_id": self.session_id})
        await asyncio.wait_for(confirmed, 10)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.client.disconnect()

    async def emit_raw(self, event: str, data: Any) -> None:
        await self.client.emit(event, data)

    async def _turns_stored(self) -> int:
        """Messages stored with their turn finished (-1 while a turn is running)."""
        tracker = await asyncio.to_thread(self.server.tracker, self.session_id)
        events = tracker["events"]
        users = sum(1 for e in events if e["event"] == "user")
        finished = bool(events) and events[-1]["event"] == "action" and events[-1]["name"] == "action_listen"
        return users if finished or not users else -1

    async def say(self, text: str, timeout: float = 120, stored: bool = True) -> str:
        """Sends a message; returns the text of its replies. `stored=False`: the turn
        leaves nothing stored (a deletion), so wait for the replies only."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        start = len(self.received)
        track = self.server is not None and stored
        before = await self._turns_stored() if track else 0
        await self.client.emit("user_uttered", {"message": text, "session_id": self.session_id})
        while loop.time() < deadline:
            await asyncio.sleep(0.2)
            if track and await self._turns_stored() == before + 1:
                break
            if not track and len(self.received) > start:
                break
        seen = -1  # replies are emitted before the turn is stored: let them arrive
        while len(self.received) != seen and loop.time() < deadline:
            seen = len(self.received)
            await asyncio.sleep(0.5 if track else 1.5)
        return "\n".join(r.get("text") or "" for r in self.received[start:])
