"""Facebook Messenger, with unsigned requests refused (403) and a configurable API.

Differences from Rasa 3.6's FacebookInput:
- Rasa checks the request's signature but answers a bad one with 200 "not
  validated", which tells nobody anything is wrong; here it is 403. The
  `X-Hub-Signature-256` header (HMAC-SHA256, what Meta recommends) is checked when
  present, else `X-Hub-Signature` (SHA1), compared in constant time.
- More than three buttons: Rasa drops them all and sends the bare text; here they
  become quick replies (Messenger's button template holds three).
- The triage banner payload is dropped (its advice is in the text); Rasa would
  send it to the Send API as a message, which Messenger rejects.
- The Graph API base URL can be configured (`api_base_url`), for a local fake.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from fbmessenger import DEFAULT_API_VERSION, MessengerClient
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.facebook import FacebookInput, Messenger, MessengerBot
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from addons.channels.settings import EnvironmentConfigured
from addons.channels.text_only import DropsTriageBanner

logger = logging.getLogger(__name__)

BUTTON_TEMPLATE_LIMIT = 3


class ClinicMessengerBot(DropsTriageBanner, MessengerBot):
    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        if len(buttons) > BUTTON_TEMPLATE_LIMIT:
            await self.send_quick_replies(recipient_id, text, buttons, **kwargs)
        else:
            await super().send_text_with_buttons(recipient_id, text, buttons, **kwargs)


def messenger_client(page_access_token: Text, api_base_url: Optional[Text]) -> MessengerClient:
    client = MessengerClient(page_access_token)
    if api_base_url:
        client.graph_url = f"{api_base_url.rstrip('/')}/v{DEFAULT_API_VERSION}"
    return client


class ClinicMessenger(Messenger):
    def __init__(self, page_access_token: Text, on_new_message: Callable, api_base_url: Optional[Text]) -> None:
        super().__init__(page_access_token, on_new_message)
        self.client = messenger_client(page_access_token, api_base_url)

    async def _handle_user_message(self, text: Text, sender_id: Text, metadata: Optional[Dict[Text, Any]]) -> None:
        out_channel = ClinicMessengerBot(self.client)
        await out_channel.send_action(sender_id, sender_action="mark_seen")
        await out_channel.send_action(sender_id, sender_action="typing_on")
        try:
            await self.on_new_message(
                UserMessage(text, out_channel, sender_id, input_channel=self.name(), metadata=metadata)
            )
        except Exception:  # noqa: BLE001 (as upstream: a 500 would make Meta resend the message)
            logger.exception("Messenger message from %s could not be handled.", sender_id)
        finally:
            await out_channel.send_action(sender_id, sender_action="typing_off")


def signature_is_valid(app_secret: Text, body: bytes, headers: Any) -> bool:
    for header, digest in (("X-Hub-Signature-256", hashlib.sha256), ("X-Hub-Signature", hashlib.sha1)):
        signature = headers.get(header)
        if signature:
            method, _, received = signature.partition("=")
            expected = hmac.new(app_secret.encode(), body, digest).hexdigest()
            return method == digest().name and hmac.compare_digest(received, expected)
    return False


class SecureFacebookInput(EnvironmentConfigured, FacebookInput):
    """credentials.yml: verify, secret, page-access-token, api_base_url (optional)."""

    REQUIRED = ("verify", "secret", "page-access-token")
    SECRETS = ("verify", "secret", "page-access-token")

    CHANNEL = "facebook"

    @classmethod
    def from_settings(cls, values: Dict[Text, Any]) -> "SecureFacebookInput":
        channel = cls(values["verify"], values["secret"], values["page-access-token"])
        channel.api_base_url = values.get("api_base_url")
        return channel

    api_base_url: Optional[Text] = None

    def get_output_channel(self) -> ClinicMessengerBot:
        return ClinicMessengerBot(messenger_client(self.fb_access_token, self.api_base_url))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("fb_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["GET"])
        async def token_verification(request: Request) -> HTTPResponse:
            # Meta's one-off check when the webhook is registered.
            token = request.args.get("hub.verify_token") or ""
            if hmac.compare_digest(token.encode(), self.fb_verify.encode()):
                return response.text(request.args.get("hub.challenge") or "")
            return response.text("invalid verify token", status=403)

        @webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            if not signature_is_valid(self.fb_secret, request.body, request.headers):
                logger.warning("Messenger webhook: request without a valid signature refused.")
                return response.text("invalid signature", status=403)
            messenger = ClinicMessenger(self.fb_access_token, on_new_message, self.api_base_url)
            await messenger.handle(request.json, self.get_metadata(request))
            return response.text("success")

        return webhook
