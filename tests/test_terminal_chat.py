"""`make chat`: the terminal conversation, driven through a real pseudo-terminal.

Runs the command `make chat` runs (scripts/with_action_server.sh +
addons/server/terminal.py), on a free action-server port, and checks what a newcomer
sees: nothing but the conversation (no warnings, no payload dumps), the disclaimer,
buttons as a numbered list that a typed number picks, an education answer, and a
polite out-of-scope reply; and that the action server it started is stopped when
the chat ends.
"""
import os
import pty
import re
import select
import subprocess
import time
import urllib.request

import pytest

from addons.server.terminal import render
from harness.processes import BIN, MODEL, ROOT, free_port, project_env

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
READY = r"You: \s*$"  # the bot has finished and waits for the patient


class Terminal:
    def __init__(self, args, env):
        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(args, cwd=ROOT, env=env, stdin=slave, stdout=slave, stderr=slave,
                                        start_new_session=True)
        os.close(slave)
        self.screen = ""

    def read_until(self, pattern, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, self.screen):
                return self.screen
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if ready:
                try:
                    self.screen += ANSI.sub("", os.read(self.master, 65536).decode("utf-8", "replace"))
                except OSError:
                    break
        raise AssertionError(f"{pattern!r} not seen within {timeout}s; screen ends with:\n{self.screen[-3000:]}")

    def say(self, text, expect, timeout=60):
        """Type a message once the chat waits for one; return what the bot said."""
        self.read_until(READY, timeout)
        self.screen = ""
        os.write(self.master, text.encode() + b"\r")
        return self.read_until(expect, timeout)

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        os.close(self.master)


def test_a_turn_shows_its_text_and_buttons_as_a_numbered_list_and_drops_the_banner():
    replies = [
        {"text": "Please call 911 now."},
        {"custom": {"type": "triage_banner", "level": "emergency"}},
        {"text": "What would you like to do next?", "buttons": [
            {"title": "Check my symptoms", "payload": "/start_symptom_check"},
            {"title": "Talk to the clinic", "payload": "/request_clinic_contact"}]},
    ]
    assert render(replies) == ("Please call 911 now.\nWhat would you like to do next?\n"
                               "Reply with a number:\n1. Check my symptoms\n2. Talk to the clinic")


@pytest.mark.slow
def test_terminal_chat_shows_only_the_conversation_and_cleans_up(tmp_path):
    port = free_port()
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://localhost:{port}/webhook"\n')
    env = project_env(ACTION_PORT=str(port), ACTION_LOG=str(tmp_path / "actions.log"))
    terminal = Terminal(
        ["scripts/with_action_server.sh", str(BIN / "python"), "-m", "addons.server.terminal",
         "--model", str(MODEL), "--endpoints", str(endpoints)],
        env,
    )
    try:
        start = terminal.read_until(r"Type /stop to leave\.[\s\S]*" + READY, timeout=240)
        assert not re.search(r"Warning|warn\(|Custom json|tensorflow|INFO", start), start
        hello = terminal.say("hello", r"not medical advice[\s\S]*Check my symptoms[\s\S]*" + READY)
        assert "Custom json" not in hello
        number = re.search(r"(\d+)\. Check my symptoms", hello).group(1)
        terminal.say(number, r"How long ago|right now")  # the typed number picks the option
        terminal.say("why do i still have back pain after kyphoplasty?", r"several causes")
        terminal.say("what's the weather like tomorrow?", r"only help with back pain")
        terminal.read_until(READY, 60)
        os.write(terminal.master, b"/stop\r")
        terminal.process.wait(timeout=60)
    finally:
        terminal.close()
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
