"""Locked-down endpoints: no REST channel and no API on the public start-up; the
API needs a token or JWT; one conversation cannot be read from another."""
from __future__ import annotations

import asyncio
import subprocess

import jwt
import pytest
import requests
import yaml

from addons.server.server_args import OPEN_CHANNELS
from tests.production.socketio_client import WidgetClient
from harness.processes import BIN, MODEL, ROOT, free_port, project_env, wait_for_http


@pytest.mark.slow  # starts a Rasa server on the trained model
def test_public_start_up_offers_neither_rest_nor_the_api(tmp_path):
    """`python -m addons.server run` as scripts/serve.sh runs it, without RASA_API.
    The routes exist as soon as the server answers (before the model is loaded)."""
    port = free_port()
    log = tmp_path / "public.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [str(BIN / "python"), "-m", "addons.server", "run", "--model", str(MODEL), "--port", str(port),
             "--interface", "127.0.0.1", "--endpoints", "endpoints.yml"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            env=project_env(TRACKER_STORE="memory", RASA_API="", RASA_API_TOKEN="", ALLOW_REST_CHANNEL=""))
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for_http(f"{url}/", process, 120, log)
        rest = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": "a", "message": "hi"}, timeout=10)
        api = requests.get(f"{url}/conversations/a/tracker", timeout=10)
        status = requests.get(f"{url}/status", timeout=10)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert (rest.status_code, api.status_code, status.status_code) == (404, 404, 404)


def test_the_repository_credentials_list_no_open_channel():
    credentials = ROOT / "credentials.yml"
    if not credentials.exists():
        pytest.skip("no credentials.yml: the public start-up serves no channel")
    channels = set(yaml.safe_load(credentials.read_text()) or {})
    assert not channels.intersection(OPEN_CHANNELS)


def test_api_needs_the_token_or_a_jwt(sqlite_server):
    url = f"{sqlite_server.url}/conversations/someone/tracker"
    assert requests.get(url, timeout=10).status_code == 401
    assert requests.get(url, params={"token": "wrong"}, timeout=10).status_code == 401
    forged = jwt.encode({"user": {"username": "x", "role": "admin"}}, "a-forged-key-that-is-not-the-server-secret", algorithm="HS256")
    assert requests.get(url, headers={"Authorization": f"Bearer {forged}"}, timeout=10).status_code == 401
    good = jwt.encode({"user": {"username": "x", "role": "admin"}}, sqlite_server.env["RASA_JWT_SECRET"],
                      algorithm="HS256")
    assert requests.get(url, headers={"Authorization": f"Bearer {good}"}, timeout=10).status_code == 200
    assert requests.get(url, params={"token": sqlite_server.token}, timeout=10).status_code == 200


def test_another_session_cannot_read_a_conversation(sqlite_server):
    """Through the widget's channel, a second visitor asking for the summary gets
    their own (empty) one, and the API will not show the first one's tracker."""
    async def talk():
        async with WidgetClient(sqlite_server.url, server=sqlite_server) as patient:
            await patient.say("my legs are numb and tingling")
            await patient.say("/start_symptom_check")
            await patient.say("8 weeks ago")
            summary = await patient.say("/request_summary")
            async with WidgetClient(sqlite_server.url, server=sqlite_server) as other:
                other_summary = await other.say("/request_summary")
            return patient.session_id, summary, other_summary

    patient_id, summary, other_summary = asyncio.run(talk())
    assert "Time since kyphoplasty: about 8 weeks" in summary
    assert "numbness, tingling or weakness" in summary
    assert "Summary for your appointment" in other_summary
    assert "numbness" not in other_summary and "8 weeks" not in other_summary
    assert "Time since kyphoplasty: not known" in other_summary
    tracker_url = f"{sqlite_server.url}/conversations/{patient_id}/tracker"
    assert requests.get(tracker_url, timeout=10).status_code == 401
    assert requests.get(tracker_url, params={"token": sqlite_server.token}, timeout=10).json()[
        "slots"]["weeks_since_procedure"] == 8.0
