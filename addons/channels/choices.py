"""Buttons on channels that show only text: a numbered list, and replies to it.

A turn's buttons (from every message of the turn, each option once) become one
numbered list at the end of the turn's text. A reply of "2", or of an option's
title ("yes", "No", "check my symptoms"), is read as that option's payload.

What was offered is read from the conversation's tracker (the assistant's messages
since the user's last one), not kept in the process: any replica sharing the
tracker store reads the same list.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Text

import yaml
from rasa.shared.core.events import BotUttered, UserUttered

Button = Dict[Text, Any]


@lru_cache(maxsize=1)
def wording() -> Dict[str, str]:
    return yaml.safe_load((Path(__file__).with_name("wording.yml")).read_text(encoding="utf-8"))


def merge_buttons(groups: Iterable[Optional[List[Button]]]) -> List[Button]:
    """Every option once, in the order first offered."""
    merged: List[Button] = []
    seen = set()
    for buttons in groups:
        for button in buttons or []:
            payload = button.get("payload")
            if payload and payload not in seen:
                seen.add(payload)
                merged.append(button)
    return merged


def numbered_list(buttons: List[Button]) -> str:
    text = wording()
    lines = [text["choice_line"].format(number=i, title=b.get("title", b["payload"])) for i, b in enumerate(buttons, 1)]
    return "\n".join([text["choices_intro"], *lines])


def offered_buttons(events: Iterable[Any]) -> List[Button]:
    """The options of the assistant's messages after the user's last message."""
    since_last_user: List[Any] = []
    for event in events:
        if isinstance(event, UserUttered):
            since_last_user = []
        elif isinstance(event, BotUttered):
            since_last_user.append(event)
    return merge_buttons(e.data.get("buttons") for e in since_last_user)


def _normalised(text: str) -> str:
    return re.sub(r"[^\w\s]", "", text).strip().casefold()


def chosen_payload(reply: Optional[str], buttons: List[Button]) -> Optional[str]:
    """The payload the reply picks from the list, or None (then it is read as text)."""
    if not reply or not buttons:
        return None
    answer = _normalised(reply)
    if answer.isdigit():
        number = int(answer)
        return buttons[number - 1]["payload"] if 1 <= number <= len(buttons) else None
    titles = [_normalised(str(b.get("title", ""))) for b in buttons]
    if answer in titles:
        return buttons[titles.index(answer)]["payload"]
    # "yes" for "Yes, check my symptoms": a one-word reply matching the first word
    # of exactly one option.
    if " " not in answer:
        matches = [i for i, title in enumerate(titles) if title.split(" ")[0] == answer]
        if len(matches) == 1:
            return buttons[matches[0]]["payload"]
    return None


async def resolve_reply(agent: Any, sender_id: Text, text: Optional[str]) -> Optional[str]:
    """The text to hand to the assistant: a picked option's payload, else the text."""
    if not text or agent is None or agent.tracker_store is None:
        return text
    tracker = await agent.tracker_store.retrieve(sender_id)
    if tracker is None:
        return text
    return chosen_payload(text, offered_buttons(tracker.events)) or text
