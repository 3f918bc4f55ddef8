"""The default deployment keeps every conversation in SQLite across a restart."""
from __future__ import annotations

from harness.production import RasaServer, credentials_file, new_sender, texts, user_texts


def test_a_restarted_server_continues_the_conversation(stack_folder, action_endpoint):
    folder = stack_folder / "restart"
    database = folder / "data" / "chats.db"  # SQLITE_PATH: any location
    server = RasaServer(folder, action_endpoint, name="rasa-restart", credentials=credentials_file(stack_folder),
                        env={"SQLITE_PATH": str(database), "ALLOW_REST_CHANNEL": "true"})
    sender = new_sender()
    try:
        server.start()
        server.say(sender, "/start_symptom_check")
        server.say(sender, "8 weeks ago")
        assert server.tracker(sender)["slots"]["weeks_since_procedure"] == 8.0
        server.stop()
        assert database.exists()

        server.start()
        replies = server.say(sender, "my legs are numb and tingling")
        tracker = server.tracker(sender)
    finally:
        server.stop()
    assert "Hi, I'm" not in texts(replies), "a restart must not start a new conversation"
    assert tracker["slots"]["weeks_since_procedure"] == 8.0
    assert tracker["slots"]["triage_level"] == "urgent"
    assert user_texts(tracker) == ["/start_symptom_check", "8 weeks ago", "my legs are numb and tingling"]
