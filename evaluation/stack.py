"""One assistant's serving stack on loopback: the Rasa server (REST channel, HTTP
API for /model/parse) and its action server, started together, measured, stopped."""
from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

import psutil

from evaluation.load_client import first_answer, healthy, loopback_url
from harness.processes import free_port, project_env

BIN = Path(sys.executable).parent
START_TIMEOUT_S = 300


@dataclass
class Assistant:
    name: str
    project: Path  # the folder both servers run in (config, actions/ package)
    model: Path
    script: List[str]  # one conversation, turn by turn
    first_message: str  # the cold-start message


@dataclass
class ColdStart:
    rasa_answered_s: float  # process start -> first answered message
    actions_ready_s: float  # process start -> action server answers /health
    total_s: float  # both: the stack serves a patient


class Stack:
    def __init__(self, assistant: Assistant, logs: Path):
        self.assistant = assistant
        self.logs = logs
        self.rasa_port = free_port()
        self.action_port = free_port()
        self.processes: Dict[str, subprocess.Popen] = {}

    def _endpoints(self) -> Path:
        """Both assistants get the same endpoints: only the action server's address
        (the stock assistant never calls it: its domain has no custom action)."""
        path = self.logs / f"{self.assistant.name}-endpoints.yml"
        path.write_text(f'action_endpoint:\n  url: "{loopback_url(self.action_port, "/webhook")}"\n')
        return path

    def _credentials(self) -> Path:
        """Both assistants answer on the REST channel only. The project's own
        credentials.yml has no REST channel (the public server must not offer one,
        docs/deployment.md), so without this file nothing would ever answer."""
        path = self.logs / f"{self.assistant.name}-credentials.yml"
        path.write_text("rest:\n")
        return path

    def _spawn(self, role: str, args: List[str]) -> None:
        log = open(self.logs / f"{self.assistant.name}-{role}.log", "ab")
        self.processes[role] = subprocess.Popen(
            args, cwd=self.assistant.project, stdout=log, stderr=subprocess.STDOUT,
            env=project_env(PYTHONPATH=str(self.assistant.project)),
        )
        log.close()

    def start(self) -> ColdStart:
        """Starts both processes at the same moment, as `make serve` does, and times
        them until the stack has answered a first message."""
        self.logs.mkdir(parents=True, exist_ok=True)
        endpoints = self._endpoints()
        began = time.monotonic()
        self._spawn("actions", [str(BIN / "rasa"), "run", "actions", "--port", str(self.action_port),
                                "--actions", "actions"])
        self._spawn("rasa", [str(BIN / "rasa"), "run", "--model", str(self.assistant.model),
                             "--port", str(self.rasa_port), "--interface", "127.0.0.1",
                             "--enable-api", "--endpoints", str(endpoints),
                             "--credentials", str(self._credentials())])

        def alive(role: str):
            return lambda: self.processes[role].poll() is None

        async def both():
            return await asyncio.gather(
                first_answer(self.rasa_port, self.assistant.first_message, START_TIMEOUT_S, alive("rasa")),
                healthy(self.action_port, START_TIMEOUT_S, alive("actions")))

        try:
            answered, actions_ready = asyncio.run(both())
        except BaseException:
            self.stop()
            raise
        for role, ready in (("rasa", answered), ("actions", actions_ready)):
            if ready is None:
                log = (self.logs / f"{self.assistant.name}-{role}.log").read_text()[-3000:]
                self.stop()
                raise RuntimeError(f"{self.assistant.name}: the {role} server never answered:\n{log}")
        return ColdStart(answered - began, actions_ready - began, max(answered, actions_ready) - began)

    def _tree(self, role: str) -> List[psutil.Process]:
        try:
            process = psutil.Process(self.processes[role].pid)
            return [process, *process.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def rss_mb(self) -> Dict[str, float]:
        """Resident memory of each server (with any child process), and the stack."""
        out = {}
        for role in self.processes:
            total = 0
            for process in self._tree(role):
                try:
                    total += process.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
            out[role] = total / 2**20
        out["stack"] = sum(out.values())
        return out

    def cpu_s(self) -> Dict[str, float]:
        """CPU seconds (user + system) spent so far by each server."""
        out = {}
        for role in self.processes:
            out[role] = 0.0
            for process in self._tree(role):
                try:
                    times = process.cpu_times()
                    out[role] += times.user + times.system
                except psutil.NoSuchProcess:
                    pass
        return out

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()

    def __enter__(self) -> "Stack":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
