"""What the assistant says, read from data/responses/: tests recognise a reply by its
response's own opening line and buttons, so rewording the content does not break them."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List

import yaml

from harness.processes import ROOT


@lru_cache(maxsize=1)
def _responses() -> Dict[str, list]:
    merged: Dict[str, list] = {}
    for path in sorted((ROOT / "data" / "responses").glob("*.yml")):
        merged.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {})
    return merged


def opening(response: str) -> str:
    """The response's first line, up to its first {placeholder}."""
    return re.split(r"\{|\n", _responses()[response][0]["text"])[0].strip()


def buttons(response: str) -> List[dict]:
    return _responses()[response][0].get("buttons", [])
