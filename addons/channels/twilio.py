"""SMS and WhatsApp through Twilio, with signed webhooks and numbered options.

Differences from Rasa 3.6's TwilioInput, each a gap there:
- The `X-Twilio-Signature` header is validated (Rasa accepts any POST): a request
  with a bad or missing signature gets 403 and reaches no conversation. Twilio
  signs the URL it calls, so the public webhook URL is configured (`webhook_url`).
- Buttons become one numbered list per turn (choices.py), and a reply of "1" or
  "yes" picks the option; the triage banner payload is dropped (its advice is in
  the text).
- Messages go out through Twilio's async client; Rasa's output calls the blocking
  client from the event loop, stalling every conversation while Twilio answers.
- The API base URL can be configured (`api_base_url`), for a local fake in tests.
WhatsApp is the same connector with `whatsapp:` addresses, on its own webhook.
"""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple
from urllib.parse import parse_qs

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.twilio import TwilioInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from addons.channels.choices import Button, merge_buttons, numbered_list, resolve_reply
from addons.channels.settings import EnvironmentConfigured
from addons.channels.text_only import is_triage_banner

logger = logging.getLogger(__name__)

# Twilio's limit for one message body (longer texts are split at paragraphs).
MAX_BODY = 1600


def message_bodies(texts: List[str], buttons: List[Button]) -> List[str]:
    """The turn's texts and its numbered options, packed into as few bodies as fit."""
    paragraphs = [p.strip() for t in texts for p in t.strip().split("\n\n") if p.strip()]
    if buttons:
        paragraphs.append(numbered_list(buttons))
    bodies: List[str] = []
    for paragraph in paragraphs:
        if bodies and len(bodies[-1]) + 2 + len(paragraph) <= MAX_BODY:
            bodies[-1] += "\n\n" + paragraph
        else:
            bodies.extend(paragraph[i : i + MAX_BODY] for i in range(0, len(paragraph), MAX_BODY))
    return bodies


class TwilioTextOutput(OutputChannel):
    """Sends through Twilio's Messages API. With `per_turn`, collects the turn's
    messages and sends them on flush(), as one text with one list of options."""

    @classmethod
    def name(cls) -> Text:
        return "twilio"

    def __init__(
        self, account_sid: str, auth_token: str, twilio_number: str, api_base_url: Optional[str] = None, per_turn: bool = False
    ) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.twilio_number = twilio_number
        self.api_base_url = api_base_url
        self.turn: Optional[List[Tuple[str, str, List[Button]]]] = [] if per_turn else None

    async def _create(self, **fields: Any) -> None:
        client = Client(self.account_sid, self.auth_token, http_client=AsyncTwilioHttpClient(pool_connections=False))
        if self.api_base_url:
            client.api.base_url = self.api_base_url.rstrip("/")
        fields.setdefault("from_", self.twilio_number)
        try:
            await client.messages.create_async(**fields)
        except TwilioRestException as error:
            logger.error("Twilio did not accept a message to %s: %s", fields.get("to"), error.msg)

    async def _say(self, recipient_id: Text, text: Text, buttons: List[Button]) -> None:
        if self.turn is not None:
            self.turn.append((recipient_id, text, buttons))
            return
        for body in message_bodies([text], buttons):
            await self._create(to=recipient_id, body=body)

    async def flush(self) -> None:
        turn, self.turn = self.turn or [], []
        for recipient in dict.fromkeys(r for r, _, _ in turn):
            mine = [(text, buttons) for r, text, buttons in turn if r == recipient]
            options = merge_buttons(buttons for _, buttons in mine)
            for body in message_bodies([text for text, _ in mine], options):
                await self._create(to=recipient, body=body)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._say(recipient_id, text, [])

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await self._say(recipient_id, text, buttons)

    async def send_quick_replies(
        self, recipient_id: Text, text: Text, quick_replies: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await self._say(recipient_id, text, quick_replies)

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self._create(to=recipient_id, media_url=[image])

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        if is_triage_banner(json_message):
            return  # the text of the same reply carries the advice
        # Anything else is Twilio message fields, as in Rasa's TwilioOutput.
        await self._create(**dict({"to": recipient_id}, **json_message))


class SecureTwilioInput(EnvironmentConfigured, TwilioInput):
    """SMS. credentials.yml: account_sid, auth_token, twilio_number, webhook_url,
    api_base_url (optional)."""

    REQUIRED = ("account_sid", "auth_token", "twilio_number", "webhook_url")
    SECRETS = ("auth_token",)
    ADDRESS_PREFIX = ""

    CHANNEL = "twilio"

    @classmethod
    def from_settings(cls, values: Dict[Text, Any]) -> "SecureTwilioInput":
        return cls(
            values["account_sid"], values["auth_token"], values["twilio_number"],
            values["webhook_url"], values.get("api_base_url"),
        )

    def __init__(
        self, account_sid: str, auth_token: str, twilio_number: str, webhook_url: str, api_base_url: Optional[str] = None
    ) -> None:
        if not twilio_number.startswith(self.ADDRESS_PREFIX):
            twilio_number = self.ADDRESS_PREFIX + twilio_number
        super().__init__(account_sid, auth_token, twilio_number, debug_mode=False)
        self.webhook_url = webhook_url
        self.api_base_url = api_base_url
        self.validator = RequestValidator(auth_token)

    def get_output_channel(self, per_turn: bool = False) -> TwilioTextOutput:
        return TwilioTextOutput(self.account_sid, self.auth_token, self.twilio_number, self.api_base_url, per_turn)

    def is_signed_by_twilio(self, request: Request, fields: Dict[str, str]) -> bool:
        signature = request.headers.get("X-Twilio-Signature", "")
        return bool(signature) and self.validator.validate(self.webhook_url, fields, signature)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"{self.name()}_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            # Twilio signs every field it posts, the empty ones too (FromCity=),
            # which Sanic 21's request.form leaves out.
            form = parse_qs(request.body.decode("utf-8"), keep_blank_values=True)
            fields = {key: values[0] for key, values in form.items()}
            if not self.is_signed_by_twilio(request, fields):
                logger.warning("%s webhook: request without a valid X-Twilio-Signature refused.", self.name())
                return response.text("invalid signature", status=403)
            sender, text = fields.get("From"), fields.get("Body")
            if not sender or not text:
                return response.text("", status=204)  # e.g. a picture without words
            text = await resolve_reply(getattr(request.app.ctx, "agent", None), sender, text)
            output = self.get_output_channel(per_turn=True)
            try:
                await on_new_message(
                    UserMessage(text, output, sender, input_channel=self.name(), metadata=self.get_metadata(request))
                )
            finally:
                await output.flush()
            return response.text("", status=204)

        return webhook


class SecureTwilioWhatsAppInput(SecureTwilioInput):
    """WhatsApp through Twilio: the same, with `whatsapp:` addresses."""

    ADDRESS_PREFIX = "whatsapp:"

    CHANNEL = "twilio_whatsapp"
