"""Triage vignettes (tests/vignettes/*.yml): conversations with the whole assistant
(NLU, red-flag policy, custom actions on a real action server), each compared with the
level a clinician expects.

A vignette is one message (`text`) or several (`turns`), typed one after another
whatever the assistant answers in between, as a patient does. When the assistant asks
one of its confirming questions ("do you have this now?"), the vignette's
`confirm_reply` is typed back, once per conversation: the safety figures allow one
confirming answer, and count separately what was caught in the same reply.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, List

import yaml

from actions.triage.detection import CONFIRMING_RESPONSES
from evaluation.metrics import ALARM_LEVELS, TRIAGE_LEVELS

# The assistant's confirming questions: a reply that contains one of these responses
# asks the patient whether a warning sign is theirs, now. The last two are the
# questions of earlier versions, kept so that a set can be scored on the code it
# first met.
CONFIRMING_QUESTIONS = frozenset(CONFIRMING_RESPONSES) | {
    "utter_sign_mention_other_person",
    "utter_clarify_possible_sign",
}
# Typed back when a vignette written before confirming answers existed gets a question.
DEFAULT_CONFIRM_REPLY = {True: "yes", False: "no"}


def load_vignettes(path: Path) -> List[Dict[str, Any]]:
    vignettes = yaml.safe_load(path.read_text())["vignettes"]
    for v in vignettes:
        missing = {"id", "expected"} - set(v)
        if not (v.get("text") or v.get("turns")):
            missing.add("text")
        if missing:
            raise ValueError(f"{path}: vignette {v.get('id', '?')} lacks {sorted(missing)}")
        if v["expected"] not in TRIAGE_LEVELS:
            raise ValueError(f"{path}: vignette {v['id']}: expected must be one of {TRIAGE_LEVELS}")
        v.setdefault("turns", [v.get("text")])
        v.setdefault("text", "\n".join(v["turns"]))
        v.setdefault("file", path.name)
    return vignettes


def run_vignette(chat, vignette: Dict[str, Any]) -> Dict[str, Any]:
    """chat: a harness.conversation.Conversation of its own."""
    alarm = vignette["expected"] in ALARM_LEVELS
    sign_turn = int(vignette.get("sign_turn") or 1)
    confirm_reply = vignette.get("confirm_reply") or DEFAULT_CONFIRM_REPLY[alarm]
    asked_at = None
    level_at_sign = None
    transcript: List[Dict[str, Any]] = []
    for number, turn in enumerate(vignette["turns"], start=1):
        chat.say(turn)
        transcript.append({"user": turn, "bot": chat.responses})
        if number == sign_turn:
            level_at_sign = chat.slot("triage_level")
        if asked_at is None and CONFIRMING_QUESTIONS & set(chat.responses):
            asked_at = number
            chat.say(confirm_reply)
            transcript.append({"user": confirm_reply, "bot": chat.responses})
    return {
        **vignette,
        "level": chat.slot("triage_level"),
        "level_at_sign": level_at_sign,
        "asked": asked_at is not None,
        "flags": chat.slot("red_flags") or [],
        "transcript": transcript,
    }


def run_vignettes(start_conversation: Callable[[], Any], vignettes: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """start_conversation() -> a harness.conversation.Conversation."""
    return [run_vignette(start_conversation(), vignette) for vignette in vignettes]
