"""NLU examples as plain rows, read with Rasa's own loader so that every format the
lead uses in data/nlu and tests/nlu (YAML, retrieval intents) is read as Rasa reads it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional


@dataclass(frozen=True)
class Example:
    text: str
    intent: str  # "faq" for every FAQ question, as the intent classifier sees it
    response_key: Optional[str] = None  # "faq/warning_signs": which answer is expected

    @property
    def full_label(self) -> str:
        return self.response_key or self.intent


def load_examples(path: Path) -> List[Example]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [
        Example(m.get("text"), m.get("intent"), m.get("intent_response_key"))
        for m in data.intent_examples
    ]
