"""`make chat`: the terminal conversation, driven through a real pseudo-terminal.

Runs the command `make chat` runs (scripts/with_action_server.sh + `rasa shell`), on
a free action-server port, and checks what a newcomer sees: the disclaimer, an
education answer, and a polite out-of-scope reply; and that the action server it
started is stopped when the shell ends.
"""
import os
import pty
import re
import select
import subprocess
import time
import urllib.request

import pytest

from harness.processes import BIN, MODEL, ROOT, free_port, project_env

pytestmark = pytest.mark.slow
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PROMPT = r"Your input ->"
MENU = r"Type out your own message\.\.\."
READY = rf"({PROMPT}|{MENU})\s*$"  # the bot has finished and waits for the patient
UP = b"\x1b[A"


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
        """Type a message once the shell waits for one; return what the bot said."""
        ready = self.read_until(READY, timeout)
        if re.search(MENU + r"\s*$", ready):
            # The last reply had buttons: rasa shell shows them as a menu whose last
            # entry lets you type; the up arrow wraps round to it.
            self.screen = ""
            os.write(self.master, UP + b"\r")
            self.read_until(PROMPT + r"\s*$", 20)
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


def test_terminal_chat_answers_and_cleans_up(tmp_path):
    port = free_port()
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://localhost:{port}/webhook"\n')
    env = project_env(ACTION_PORT=str(port), ACTION_LOG=str(tmp_path / "actions.log"))
    terminal = Terminal(
        ["scripts/with_action_server.sh", str(BIN / "rasa"), "shell", "--model", str(MODEL),
         "--endpoints", str(endpoints)],
        env,
    )
    try:
        terminal.read_until(r"Bot loaded[\s\S]*" + READY, timeout=240)
        terminal.say("hello", r"not medical advice[\s\S]*Check my symptoms")
        terminal.say("why do i still have back pain after kyphoplasty?", r"several causes")
        terminal.say("what's the weather like tomorrow?", r"only help with back pain")
        terminal.say("/stop", r"/stop")  # the shell exits
        terminal.process.wait(timeout=60)
    finally:
        terminal.close()
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
