"""What channels without a banner do with the assistant's triage banner payload.

The replies that carry a `triage_banner` custom payload say the same in their text
(data/responses/triage.yml), so a text channel drops the payload. Sent as it is,
Rasa 3.6's connectors would pass it to the platform's API as message fields:
Twilio's client raises on the unknown keyword arguments, Messenger and Slack reject
the message.
"""
from __future__ import annotations

from typing import Any, Dict


def is_triage_banner(payload: Any) -> bool:
    return isinstance(payload, dict) and payload.get("type") == "triage_banner"


class DropsTriageBanner:
    """Mixin for an OutputChannel whose text already carries the banner's advice."""

    async def send_custom_json(self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any) -> None:
        if is_triage_banner(json_message):
            return
        await super().send_custom_json(recipient_id, json_message, **kwargs)  # type: ignore[misc]
