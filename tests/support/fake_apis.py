"""A local stand-in for the messaging platforms' APIs, recording what the assistant sends.

One HTTP server on loopback answers, under a prefix per platform, the calls the
connectors make, with the platform's response shape:
  /telegram/bot<token>/<method>              Telegram Bot API
  /twilio/2010-04-01/Accounts/<sid>/Messages.json   Twilio Messages API
  /facebook/v<version>/me/messages           Messenger Send API
  /slack/api/<method>                        Slack Web API
Every request is kept (Call), so a test can wait for the reply meant for a recipient.
"""
from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional
from urllib.parse import parse_qs, urlsplit


@dataclass
class Call:
    platform: str
    path: str
    headers: Dict[str, str]
    fields: Dict[str, Any]  # JSON body, or form fields (first value of each)


_ids = itertools.count(1000)


def telegram_result(method: str, fields: Dict[str, Any]) -> Any:
    if method == "getMe":
        return {"id": 123456789, "is_bot": True, "first_name": "Clinic", "username": "clinic_test_bot"}
    if method.startswith("send"):
        chat_id = int(str(fields.get("chat_id", 0)))
        return {"message_id": next(_ids), "date": int(time.time()), "chat": {"id": chat_id, "type": "private"},
                "text": fields.get("text", "")}
    return True  # setWebhook, answerCallbackQuery, ...


def answer(platform: str, path: str, fields: Dict[str, Any]) -> tuple:
    if platform == "telegram":
        return 200, {"ok": True, "result": telegram_result(path.rsplit("/", 1)[-1], fields)}
    if platform == "twilio":
        return 201, {"sid": f"SM{next(_ids):032d}", "status": "queued", "to": fields.get("To"),
                     "from": fields.get("From"), "body": fields.get("Body"), "num_segments": "1"}
    if platform == "facebook":
        return 200, {"recipient_id": (fields.get("recipient") or {}).get("id"), "message_id": f"m_{next(_ids)}"}
    if platform == "slack":
        return 200, {"ok": True, "channel": fields.get("channel"), "ts": f"{time.time():.6f}"}
    return 404, {"error": "unknown platform"}


class FakeApis:
    def __init__(self) -> None:
        self.calls: List[Call] = []
        self._lock = threading.Lock()
        apis = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                parts = urlsplit(self.path)
                platform, _, rest = parts.path.lstrip("/").partition("/")
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fields = apis.parse(self.headers.get("Content-Type", ""), body, parts.query)
                with apis._lock:
                    apis.calls.append(Call(platform, "/" + rest, dict(self.headers), fields))
                status, payload = answer(platform, rest, fields)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST  # noqa: N815

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @staticmethod
    def parse(content_type: str, body: bytes, query: str) -> Dict[str, Any]:
        if "json" in content_type:
            return json.loads(body or b"{}")
        form = parse_qs(body.decode() or query)
        return {key: values[0] if len(values) == 1 else values for key, values in form.items()}

    def base_url(self, platform: str) -> str:
        return f"{self.url}/{platform}"

    def matching(self, test: Callable[[Call], bool]) -> List[Call]:
        with self._lock:
            return [call for call in self.calls if test(call)]

    def wait_for(self, test: Callable[[Call], bool], count: int = 1, timeout: float = 30, settle: float = 0.5) -> List[Call]:
        """The matching calls once at least `count` arrived and no more came for `settle` s."""
        deadline = time.monotonic() + timeout
        found: List[Call] = []
        while time.monotonic() < deadline:
            found = self.matching(test)
            if len(found) >= count:
                time.sleep(settle)
                again = self.matching(test)
                if len(again) == len(found):
                    return found
                continue
            time.sleep(0.1)
        raise AssertionError(f"expected {count} matching API call(s) within {timeout}s, got {len(found)}: {found}")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def text_of(call: Call) -> str:
    """The message text a call carries, whatever the platform."""
    fields = call.fields
    if call.platform == "twilio":
        return fields.get("Body", "")
    if call.platform == "facebook":
        message: Optional[dict] = fields.get("message") or {}
        return message.get("text") or (message.get("attachment") or {}).get("payload", {}).get("text", "")
    return fields.get("text", "")
