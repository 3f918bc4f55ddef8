"""The running product for the widget and channel tests, started once per session.

`scripts/serve.sh` (what `make serve` runs) starts the action server, the Rasa
server with credentials.yml, and the demo page, on free loopback ports. Every
messaging channel is enabled with test secrets, and its API base URL points at a
local fake (fake_apis.py), so what the assistant sends can be read back.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator

import pytest

from tests.support.fake_apis import FakeApis
from harness.processes import MODEL, ROOT, free_port, project_env, wait_for_http

# Test secrets only: they are the values the test requests are signed with.
SECRETS = {
    "TELEGRAM_ACCESS_TOKEN": "123456789:TEST-telegram-token",
    "TELEGRAM_SECRET_TOKEN": "test-telegram-secret-token",
    "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
    "TWILIO_AUTH_TOKEN": "test-twilio-auth-token",
    "TWILIO_SMS_NUMBER": "+15550100100",
    "TWILIO_WHATSAPP_NUMBER": "+15550100101",
    "FACEBOOK_VERIFY_TOKEN": "test-facebook-verify-token",
    "FACEBOOK_APP_SECRET": "test-facebook-app-secret",
    "FACEBOOK_PAGE_ACCESS_TOKEN": "test-facebook-page-token",
    "SLACK_BOT_TOKEN": "xoxb-test-slack-token",
    "SLACK_SIGNING_SECRET": "test-slack-signing-secret",
}


@dataclass
class Stack:
    rasa_url: str
    page_url: str
    web_port: int
    apis: FakeApis
    log: Path
    env: Dict[str, str] = field(default_factory=dict)

    def webhook(self, channel: str) -> str:
        return f"{self.rasa_url}/webhooks/{channel}/webhook"


def _stop(process: subprocess.Popen) -> None:
    # serve.sh runs in its own process group: stop the scripts and every server.
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


@pytest.fixture(scope="session")
def stack(artifacts: Path) -> Iterator[Stack]:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` (make test does it first)")
    apis = FakeApis()
    rasa_port, action_port, web_port = free_port(), free_port(), free_port()
    rasa_url = f"http://127.0.0.1:{rasa_port}"
    log_dir = artifacts / "stack"
    log_dir.mkdir(parents=True, exist_ok=True)
    endpoints = log_dir / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    # The repository's channels plus REST, which the public deployment leaves out
    # (anyone could post as any sender id): the tests use it to talk plainly.
    credentials = log_dir / "credentials.yml"
    credentials.write_text((ROOT / "credentials.yml").read_text() + "\nrest:\n")
    env = dict(
        SECRETS,
        RASA_PORT=str(rasa_port), ACTION_PORT=str(action_port), WEB_PORT=str(web_port),
        ENDPOINTS=str(endpoints), CREDENTIALS=str(credentials), ALLOW_REST_CHANNEL="true", LOG_DIR=str(log_dir),
        TELEGRAM_WEBHOOK_URL=f"{rasa_url}/webhooks/telegram/webhook",
        TWILIO_SMS_WEBHOOK_URL=f"{rasa_url}/webhooks/twilio/webhook",
        TWILIO_WHATSAPP_WEBHOOK_URL=f"{rasa_url}/webhooks/twilio_whatsapp/webhook",
        TELEGRAM_API_BASE_URL=apis.base_url("telegram"),
        TWILIO_API_BASE_URL=apis.base_url("twilio"),
        FACEBOOK_API_BASE_URL=apis.base_url("facebook"),
        SLACK_API_BASE_URL=apis.base_url("slack"),
    )
    for name in ("CLINIC_WEB_ORIGINS", "RASA_PUBLIC_URL", "SLACK_CHANNEL"):
        env[name] = ""
    log = log_dir / "serve.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            ["scripts/serve.sh"], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            env=project_env(**env), start_new_session=True,
        )
    try:
        wait_for_http(f"{rasa_url}/", process, 300, log)
        wait_for_http(f"http://127.0.0.1:{web_port}/health", process, 30, log)
        yield Stack(rasa_url, f"http://localhost:{web_port}/", web_port, apis, log, env)
    finally:
        _stop(process)
        apis.close()


def wait_for_log(log: Path, text: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        content = log.read_text(errors="replace")
        if text in content:
            return content
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not in {log} within {timeout}s")
