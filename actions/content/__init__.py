"""Short content labels used by the actions (labels.yml)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict

import yaml


@lru_cache(maxsize=1)
def labels() -> Dict[str, Any]:
    return yaml.safe_load((Path(__file__).parent / "labels.yml").read_text(encoding="utf-8"))
