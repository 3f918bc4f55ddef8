"""One message read by actions/triage/detection.py as the policy reads it: after the
conversation's earlier messages and with its slots, without a trained model."""
from typing import Any, Iterable, Mapping, Optional

from actions.triage.detection import MessageFacts, MessageReading, read_message, turn_context


def read_turn(text: str, earlier: Iterable[str] = (), intent: Optional[str] = None,
              slots: Optional[Mapping[str, Any]] = None, entities: Iterable[Mapping[str, Any]] = (),
              sign_scores: Optional[Mapping[str, float]] = None) -> MessageReading:
    """`earlier`: the user messages before `text`, oldest first. `sign_scores`: the
    detector's reading ({} = it ran and saw nothing; None = no detector, the
    classifier's pick counts)."""
    context = turn_context((slots or {}).get, False, list(reversed(list(earlier))))
    ranking = {intent: 1.0} if intent else {}
    return read_message(MessageFacts(intent, ranking, list(entities), sign_scores, text), context)
