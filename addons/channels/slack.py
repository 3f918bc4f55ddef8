"""Slack, with unsigned requests refused (403) and a configurable API.

Rasa 3.6's SlackInput checks `X-Slack-Signature` (HMAC-SHA256 of the body and a
timestamp under five minutes old) and answers a bad one with 400; here the same
check answers 403 before any of Rasa's handling. The URL verification challenge is
answered as {"challenge": ...}, the form Slack documents (Rasa sends a bare JSON
string). The triage banner payload is dropped (its advice is in the text; Rasa
would post the payload's fields to chat.postMessage). The Web API base URL can be
configured (`api_base_url`), for a local fake in tests.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from addons.channels.settings import EnvironmentConfigured, as_flag
from addons.channels.text_only import DropsTriageBanner

logger = logging.getLogger(__name__)


class ClinicSlackBot(DropsTriageBanner, SlackBot):
    def __init__(self, token: Text, slack_channel: Optional[Text] = None, thread_id: Optional[Text] = None,
                 proxy: Optional[Text] = None, api_base_url: Optional[Text] = None) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        if api_base_url:
            self.client.base_url = api_base_url.rstrip("/") + "/"


class SecureSlackInput(EnvironmentConfigured, SlackInput):
    """credentials.yml: slack_token, slack_signing_secret, slack_channel (optional),
    use_threads, conversation_granularity, api_base_url (optional)."""

    REQUIRED = ("slack_token", "slack_signing_secret")
    SECRETS = ("slack_token", "slack_signing_secret")

    CHANNEL = "slack"

    @classmethod
    def from_settings(cls, values: Dict[Text, Any]) -> "SecureSlackInput":
        channel = cls(
            values["slack_token"],
            slack_channel=values.get("slack_channel"),
            slack_retry_reason_header="x-slack-retry-reason",
            slack_retry_number_header="x-slack-retry-num",
            use_threads=as_flag(values.get("use_threads", False)),
            slack_signing_secret=values["slack_signing_secret"],
            conversation_granularity=values.get("conversation_granularity", "sender"),
        )
        channel.api_base_url = values.get("api_base_url")
        return channel

    api_base_url: Optional[Text] = None

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> ClinicSlackBot:
        return ClinicSlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_base_url)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)

        @webhook.middleware("request")
        async def refuse_unsigned(request: Request) -> Optional[HTTPResponse]:
            if not request.path.rstrip("/").endswith("/webhook"):
                return None
            if not self.is_request_from_slack_authentic(request):
                logger.warning("Slack webhook: request without a valid X-Slack-Signature refused.")
                return response.text("invalid signature", status=403)
            if request.headers.get("content-type") == "application/json":
                event = json.loads(request.body or b"{}")
                if event.get("type") == "url_verification":
                    return response.json({"challenge": event.get("challenge")})
            return None

        return webhook
