"""The website widget's channel: Rasa 3.6's socket.io connector, with three fixes.

1. Origins. Rasa 3.6 creates its AsyncServer with `cors_allowed_origins=[]`, which
   turns python-engineio's origin check off: any web page could open a socket to
   the assistant. Here only the clinic's origins are accepted (origins.py); a
   connection from another origin is refused before any session starts.
2. Session persistence. Rasa 3.6 calls `sio.enter_room(...)` without awaiting it.
   From python-socketio 5.10 on, AsyncServer.enter_room is a coroutine, so the
   socket never joins its session's room and every reply is lost. requirements.in
   keeps 5.9.0; this connector awaits the call when it is a coroutine, so an upgrade
   does not silently break the widget.
   python-engineio then answers CORS for the socket's HTTP (polling) requests
   itself; Sanic-CORS (`rasa run --cors`, same origins) is told to leave those
   requests alone, or each response would carry the header twice and browsers
   would refuse it.
3. Custom payloads. Rasa 3.6's SocketIOOutput.send_custom_json passes the payload
   as keyword arguments to `sio.emit` (`emit(event, **payload)`), so a payload such
   as the triage banner {"type": ..., "level": ...} raises TypeError and the reply
   is lost. It is sent as a message {"custom": payload}, as the REST channel does.
"""
from __future__ import annotations

import inspect
import json
import logging
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic_cors.core import SANIC_CORS_EVALUATED
from socketio import AsyncServer

from addons.channels.origins import allowed_web_origins

logger = logging.getLogger(__name__)

# rasa-webchat keeps the session id the server confirmed (a uuid4 hex); anything
# else gets a new session rather than becoming a tracker's sender id.
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class ClinicSocketBlueprint(SocketBlueprint):
    def register(self, app: Sanic, options: Dict[Text, Any]) -> None:
        super().register(app, options)
        path = self.ctx.socketio_path

        @app.middleware("request")
        async def leave_cors_to_engineio(request: Request) -> None:
            if request.path.startswith(path):
                setattr(request.ctx, SANIC_CORS_EVALUATED, "1")


class ClinicSocketIOOutput(SocketIOOutput):
    async def _send_message(self, socket_id: Text, response: Any) -> None:
        # rasa-webchat renders text as Markdown, where a single line break is a
        # space: the responses' lines (the disclaimer's three points) would run
        # together. Two trailing spaces make Markdown keep the break.
        if isinstance(response.get("text"), str):
            response = dict(response, text=response["text"].replace("\n", "  \n"))
        await super()._send_message(socket_id, response)

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class ClinicSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "ClinicSocketIOInput":
        channel = super().from_credentials(credentials)
        channel.allowed_origins = allowed_web_origins()
        logger.info("Website widget channel accepts the origins: %s", " ".join(channel.allowed_origins))
        return channel

    allowed_origins: List[str] = []

    def get_output_channel(self) -> Optional[ClinicSocketIOOutput]:
        if self.sio is None:
            return super().get_output_channel()  # warns, as upstream does
        return ClinicSocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=self.allowed_origins)
        webhook = ClinicSocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            if not self.jwt_key:
                return True
            token = (auth or {}).get("token")
            return bool(token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            data = data if isinstance(data, dict) else {}
            if not SESSION_ID.match(str(data.get("session_id") or "")):
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, data["session_id"], namespace=self.namespace)
                if inspect.isawaitable(joined):  # python-socketio >= 5.10
                    await joined
            await sio.emit("session_confirm", data["session_id"], room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Dict) -> None:
            if self.session_persistence:
                if not data.get("session_id"):
                    logger.warning("A widget message without a session_id was ignored.")
                    return
                sender_id = data["session_id"]
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            output = ClinicSocketIOOutput(sio, self.bot_message_evt)
            await on_new_message(
                UserMessage(data.get("message", ""), output, sender_id, input_channel=self.name(), metadata=metadata)
            )

        return webhook
