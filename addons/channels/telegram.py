"""Telegram, with the webhook's secret token checked and a start-up that cannot fail.

Differences from Rasa 3.6's TelegramInput, each a gap there:
- Telegram sends the secret token given to setWebhook in the
  `X-Telegram-Bot-Api-Secret-Token` header; a request without the right token gets
  403 and reaches no conversation. (Rasa checks nothing: its per-message getMe
  call only checks that our own token belongs to the configured bot name.)
- The webhook is registered after the server has started, and a failure is logged.
  Rasa registers it while building its routes (`asyncio.run(set_webhook(...))` in
  get_output_channel), so an unreachable Telegram stops the whole server.
- A button press is acknowledged (answerCallbackQuery), so the button stops
  spinning; buttons are stacked one per row, long titles stay readable; the
  triage banner payload is dropped (its advice is in the text).
- Telegram's "/start" (the first message of every chat) opens the conversation
  as a greeting instead of being read as an unknown intent.
- The API base URL can be configured (`api_base_url`), for a local fake in tests.
"""
from __future__ import annotations

import asyncio
import hmac
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from aiogram import Bot
from aiogram.bot.api import TELEGRAM_PRODUCTION, TelegramAPIServer
from aiogram.types import Update
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.telegram import TelegramInput, TelegramOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from addons.channels.settings import EnvironmentConfigured
from addons.channels.text_only import DropsTriageBanner

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
START_COMMAND, GREETING = "/start", "/greet"


class SecureTelegramOutput(DropsTriageBanner, TelegramOutput):
    def __init__(self, access_token: Text, api_base_url: Optional[Text] = None) -> None:
        server = TelegramAPIServer.from_base(api_base_url) if api_base_url else TELEGRAM_PRODUCTION
        Bot.__init__(self, access_token, server=server)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], button_type: Optional[Text] = "vertical", **kwargs: Any
    ) -> None:
        await super().send_text_with_buttons(recipient_id, text, buttons, button_type=button_type, **kwargs)


class SecureTelegramInput(EnvironmentConfigured, TelegramInput):
    """credentials.yml: access_token, secret_token, webhook_url, api_base_url (optional)."""

    REQUIRED = ("access_token", "secret_token", "webhook_url")
    SECRETS = ("access_token", "secret_token")

    CHANNEL = "telegram"

    @classmethod
    def from_settings(cls, values: Dict[Text, Any]) -> "SecureTelegramInput":
        return cls(values["access_token"], values["webhook_url"], values["secret_token"], values.get("api_base_url"))

    def __init__(self, access_token: Text, webhook_url: Text, secret_token: Text, api_base_url: Optional[Text] = None) -> None:
        super().__init__(access_token, None, webhook_url, debug_mode=False)
        self.secret_token = secret_token
        self.api_base_url = api_base_url
        self.output: Optional[SecureTelegramOutput] = None

    def get_output_channel(self) -> SecureTelegramOutput:
        if self.output is None:
            self.output = SecureTelegramOutput(self.access_token, self.api_base_url)
        return self.output

    async def register_webhook(self) -> None:
        try:
            # aiogram 2.15 predates setWebhook's secret_token: call the method directly.
            await self.get_output_channel().request("setWebhook", {"url": self.webhook_url, "secret_token": self.secret_token})
            logger.info("Telegram webhook registered: %s", self.webhook_url)
        except Exception as error:  # noqa: BLE001 (any failure: log it, keep serving)
            logger.warning("Telegram webhook not registered (%s); updates sent to it are still answered.", error)

    async def acknowledge(self, callback_query_id: Text) -> None:
        try:
            await self.get_output_channel().answer_callback_query(callback_query_id)
        except Exception as error:  # noqa: BLE001 (the answer matters more than the spinner)
            logger.warning("Telegram button press not acknowledged: %s", error)

    def is_from_telegram(self, request: Request) -> bool:
        token = request.headers.get(SECRET_HEADER, "")
        return hmac.compare_digest(token.encode(), self.secret_token.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("telegram_webhook", __name__)
        out_channel = self.get_output_channel()

        @webhook.listener("after_server_start")
        async def set_webhook(_: Sanic, loop: asyncio.AbstractEventLoop) -> None:
            loop.create_task(self.register_webhook())

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            if not self.is_from_telegram(request):
                logger.warning("Telegram webhook: request without the secret token refused.")
                return response.text("forbidden", status=403)
            update = Update(**(request.json or {}))
            if update.callback_query:
                msg, text = update.callback_query.message, update.callback_query.data
                await self.acknowledge(update.callback_query.id)
            else:
                msg = update.message or update.edited_message
                text = msg.text if msg else None
            if not msg or not text:
                return response.text("success")  # stickers, photos, members joining...
            if text.split("@")[0] == START_COMMAND:
                text = GREETING
            await on_new_message(
                UserMessage(text, out_channel, msg.chat.id, input_channel=self.name(), metadata=self.get_metadata(request))
            )
            return response.text("success")

        return webhook
