"""Triage vignettes (tests/vignettes/vignettes.yml: id, text, expected): each is the
first message of a new conversation with the whole assistant (NLU, red-flag policy,
custom actions on a real action server); the level it reaches is the triage_level slot."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

import yaml

from evaluation.metrics import TRIAGE_LEVELS


def load_vignettes(path: Path) -> List[Dict[str, Any]]:
    vignettes = yaml.safe_load(path.read_text())["vignettes"]
    for v in vignettes:
        missing = {"id", "text", "expected"} - set(v)
        if missing:
            raise ValueError(f"{path}: vignette {v.get('id', '?')} lacks {sorted(missing)}")
        if v["expected"] not in TRIAGE_LEVELS:
            raise ValueError(f"{path}: vignette {v['id']}: expected must be one of {TRIAGE_LEVELS}")
    return vignettes


def run_vignettes(start_conversation, vignettes: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """start_conversation() -> a tests.support.conversation.Conversation."""
    rows = []
    for vignette in vignettes:
        chat = start_conversation().say(vignette["text"])
        rows.append({**vignette, "level": chat.slot("triage_level"),
                     "flags": chat.slot("red_flags") or []})
    return rows
