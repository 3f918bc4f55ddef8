"""Talk to the trained assistant in-process, as a patient would, and look at what it
said and which slots it set."""
from __future__ import annotations

import asyncio
import uuid
from typing import Any, Dict, List, Optional

from rasa.core.agent import Agent


class Conversation:
    def __init__(self, agent: Agent, loop: asyncio.AbstractEventLoop, sender_id: Optional[str] = None):
        self.agent = agent
        self.loop = loop
        self.sender_id = sender_id or f"test-{uuid.uuid4().hex[:12]}"
        self.replies: List[Dict[str, Any]] = []  # of the latest turn

    def say(self, text: str) -> "Conversation":
        self.replies = self.loop.run_until_complete(
            self.agent.handle_text(text, sender_id=self.sender_id)
        ) or []
        return self

    @property
    def text(self) -> str:
        """Everything the bot said in the latest turn, as one string."""
        return "\n".join(r.get("text") or "" for r in self.replies)

    @property
    def buttons(self) -> List[Dict[str, str]]:
        return [b for r in self.replies for b in (r.get("buttons") or [])]

    @property
    def responses(self) -> List[str]:
        """Names of the responses said in the latest turn ("utter_escalate_urgent")."""
        return [name for event in self._latest_turn("bot") if (name := (event.metadata or {}).get("utter_action"))]

    @property
    def custom(self) -> List[Dict[str, Any]]:
        return [r["custom"] for r in self.replies if r.get("custom")]

    def slot(self, name: str) -> Any:
        tracker = self.loop.run_until_complete(self.agent.tracker_store.retrieve(self.sender_id))
        return tracker.get_slot(name) if tracker else None

    def tracker(self):
        return self.loop.run_until_complete(self.agent.tracker_store.retrieve(self.sender_id))

    @property
    def active_form(self) -> Optional[str]:
        # Rasa core's tracker holds a TrackerActiveLoop object, not a dict.
        return self.tracker().active_loop_name

    @property
    def actions(self) -> List[str]:
        """Actions run in the latest turn (after the latest user message)."""
        return [event.action_name for event in self._latest_turn("action")]

    def _latest_turn(self, type_name: str) -> list:
        """Events of one type after the latest user message, in order."""
        events = []
        for event in reversed(self.tracker().events):
            if event.type_name == "user":
                break
            if event.type_name == type_name:
                events.append(event)
        return list(reversed(events))
