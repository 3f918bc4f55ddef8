"""Privacy of health information: deletion on request, retention purge, and logs
without message text or slot values."""
from __future__ import annotations

import asyncio
import re
import sqlite3
import subprocess
import time
import uuid
import warnings

import pytest
import requests

from addons.stores.settings import store_settings
from addons.stores.tracker_store import tracker_store_from_settings
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from tests.production.socketio_client import WidgetClient
from harness.production import new_sender, texts
from harness.processes import BIN, ROOT, project_env

DELETION_DONE = "I have deleted this conversation"
DAY = 86400


def stored_rows(server, sender):
    database = server.env["SQLITE_PATH"]
    with sqlite3.connect(database) as db:
        return db.execute("select count(*) from events where sender_id = ?", (sender,)).fetchone()[0]


def test_delete_my_conversation(sqlite_server):
    sender = new_sender()
    sqlite_server.say(sender, "my legs are numb and tingling")
    assert stored_rows(sqlite_server, sender) > 0
    replies = sqlite_server.say(sender, "delete my conversation")
    assert DELETION_DONE in texts(replies)
    assert stored_rows(sqlite_server, sender) == 0
    assert sqlite_server.tracker(sender)["slots"]["red_flags"] is None
    # A new conversation starts, with the notice about storage again.
    assert "stored for 30 days" in texts(sqlite_server.say(sender, "hello"))


def test_delete_my_conversation_during_the_symptom_check(sqlite_server):
    sender = new_sender()
    sqlite_server.say(sender, "/start_symptom_check")
    sqlite_server.say(sender, "8 weeks ago")
    replies = sqlite_server.say(sender, "/request_deletion")
    assert DELETION_DONE in texts(replies)
    assert stored_rows(sqlite_server, sender) == 0
    tracker = sqlite_server.tracker(sender)
    assert tracker["active_loop"] == {} and tracker["slots"]["weeks_since_procedure"] is None


# --- retention ---

def _conversation(sender: str, days_ago: float, domain: Domain) -> DialogueStateTracker:
    at = time.time() - days_ago * DAY
    events = [ActionExecuted("action_session_start", timestamp=at), SessionStarted(timestamp=at),
              SlotSet("red_flags", ["nerve_symptoms"], timestamp=at),
              ActionExecuted("action_listen", timestamp=at),
              UserUttered("my legs are numb", timestamp=at + 1)]
    return DialogueStateTracker.from_events(sender, events, domain.slots)


def _purge_case(env):
    """Conversations last active 45, 31 and 2 days ago, and one that began 45 days
    ago but is still going on: the purge keeps the last two."""
    with warnings.catch_warnings():  # Rasa warns about slot auto-fill for any domain
        warnings.simplefilter("ignore")
        domain = Domain.from_dict({"slots": {"red_flags": {"type": "list", "mappings": [{"type": "custom"}]}}})
    store = tracker_store_from_settings(store_settings(env), domain)
    run = uuid.uuid4().hex[:6]
    old, older, recent, ongoing = (f"{name}-{run}" for name in ("old", "older", "recent", "ongoing"))
    for sender, days in ((old, 31), (older, 45), (recent, 2), (ongoing, 45)):
        asyncio.run(store.save(_conversation(sender, days, domain)))
    tracker = _conversation(ongoing, 45, domain)
    tracker.update(UserUttered("still here", timestamp=time.time() - 60))
    asyncio.run(store.save(tracker))

    result = subprocess.run([str(BIN / "python"), "scripts/purge_conversations.py"], cwd=ROOT,
                            env=project_env(**env), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "deleted 2 conversation(s)" in result.stdout
    keys = set(asyncio.run(store.keys()))
    assert {old, older}.isdisjoint(keys) and {recent, ongoing} <= keys
    assert len(asyncio.run(store.retrieve(ongoing)).events) == 6


def test_purge_deletes_conversations_idle_longer_than_retention_sqlite(tmp_path):
    _purge_case({"SQLITE_PATH": str(tmp_path / "c.db")})


def test_purge_deletes_conversations_idle_longer_than_retention_postgresql(pg):
    _purge_case(pg.env())


# --- logs ---

SECRET_WORDS = ("zanzibar", "quokka")  # in message text only


def test_logs_hold_no_message_text_or_slot_values(sqlite_server, action_endpoint, artifacts):
    """Default log level; a conversation through REST and socketio that sets slots,
    a message over the limit, a failed turn and a deletion."""
    sender = new_sender()
    sqlite_server.say(sender, f"my legs are numb and tingling since {SECRET_WORDS[0]}")
    sqlite_server.say(sender, "/start_symptom_check")
    sqlite_server.say(sender, "8 weeks ago")
    sqlite_server.say(sender, f"{SECRET_WORDS[1]} " * 800)
    requests.post(f"{sqlite_server.url}/webhooks/rest/webhook",
                  json={"sender": sender, "message": {"text": SECRET_WORDS[0]}}, timeout=60)

    async def widget():
        async with WidgetClient(sqlite_server.url, server=sqlite_server) as client:
            await client.say(f"hello, thank you {SECRET_WORDS[1]}", timeout=30)
            await client.say("delete my conversation", stored=False)

    asyncio.run(widget())
    slots = sqlite_server.tracker(sender)["slots"]
    assert slots["red_flags"] == ["nerve_symptoms"] and slots["weeks_since_procedure"] == 8.0

    logs = sqlite_server.log.read_text(errors="replace") + (artifacts / "action-server.log").read_text()
    # Words of the messages, and the red_flags value (not the slot *name* sign_nerve_symptoms).
    words = SECRET_WORDS + ("numb", "tingling", "(?<!sign_)nerve_symptoms")
    found = [w for w in words if re.search(rf"\b{w}\b", logs, re.IGNORECASE)]
    assert not found, f"logs contain message text or slot values: {found}"
    assert not re.search(r"weeks_since_procedure\W+8", logs)


REDACTION_PROBE = """
import structlog
from addons.server import log_redaction
from rasa.utils.log_utils import configure_structlog
{register}
configure_structlog(20)
structlog.get_logger().error("rest.message.received.failure", text="my legs are numb quokka",
                             slot_values={{"red_flags": ["nerve_symptoms"]}})
"""


@pytest.mark.parametrize("register, leaks", [("log_redaction.register()", False), ("", True)])
def test_rasa_structured_logs_are_redacted(register, leaks):
    """Rasa logs a failed REST turn with its text at ERROR (rasa/core/channels/rest.py);
    with the plugin that the server registers, the text and slot values are replaced.
    Without it (second case) they would be logged: the probe can tell."""
    result = subprocess.run([str(BIN / "python"), "-c", REDACTION_PROBE.format(register=register)],
                            cwd=ROOT, env=project_env(), capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert "rest.message.received.failure" in output
    assert ("quokka" in output) is leaks and ("nerve_symptoms" in output) is leaks
    assert ("[redacted]" in output) is not leaks
