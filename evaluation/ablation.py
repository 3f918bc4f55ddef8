"""What each layer of the warning-sign evidence adds: the same trained assistant, with
one layer's output taken out of every parsed message before the dialogue sees it.

    python -m evaluation.score_sets --ablate no-patterns tests/vignettes/redteam/round6/*.yml

The product has no switch for this: the layers are removed here, in the evaluation,
from the parse data the NLU pipeline returned (the policy and the actions read only
that), so what is scored is the shipped model minus one kind of evidence.

- no-patterns: the spaCy patterns and their ConText assertions (symptom entities);
- no-detector: the learned multi-label sign detector (addons/sign_detector.py); the
  intent classifier's pick then counts alone, as in a model trained without it;
- patterns-only: neither the detector nor the intent classifier's confidence in a
  warning-sign intent (the intent name still steers the dialogue).
"""
from __future__ import annotations

from typing import Any, Callable, Dict

from actions.triage.detection import SIGN_SCORE_PIECES_KEY, SIGN_SCORES_KEY, SYMPTOM_ENTITY, intent_for_sign
from actions.triage.rules import SIGNS_BY_KEY

SIGN_INTENTS = frozenset(intent_for_sign(sign) for sign in SIGNS_BY_KEY)


def _without_patterns(parse: Dict[str, Any]) -> None:
    parse["entities"] = [e for e in parse.get("entities") or () if e.get("entity") != SYMPTOM_ENTITY]


def _without_detector(parse: Dict[str, Any]) -> None:
    parse.pop(SIGN_SCORES_KEY, None)
    parse.pop(SIGN_SCORE_PIECES_KEY, None)


def _patterns_only(parse: Dict[str, Any]) -> None:
    _without_detector(parse)
    parse["intent_ranking"] = [r for r in parse.get("intent_ranking") or () if r.get("name") not in SIGN_INTENTS]
    intent = parse.get("intent") or {}
    if intent.get("name") in SIGN_INTENTS:
        parse["intent"] = {**intent, "confidence": 0.0}  # the name still picks the dialogue's path


ABLATIONS: Dict[str, Callable[[Dict[str, Any]], None]] = {
    "no-patterns": _without_patterns,
    "no-detector": _without_detector,
    "patterns-only": _patterns_only,
}


def ablate(agent: Any, name: str) -> None:
    """Make `agent` drop one layer from every message it parses (Rasa 3.6's
    MessageProcessor.parse_message is the one place a user message is parsed)."""
    remove = ABLATIONS[name]
    processor = agent.processor
    parse_message = processor.parse_message

    async def parse_without_layer(message: Any, *args: Any, **kwargs: Any) -> Dict[str, Any]:
        parse = await parse_message(message, *args, **kwargs)
        remove(parse)
        return parse

    processor.parse_message = parse_without_layer
