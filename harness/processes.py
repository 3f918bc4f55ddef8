"""Start and stop the project's processes for tests, on free loopback ports."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "kyphoplasty-assistant.tar.gz"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def project_env(**extra: str) -> dict:
    env = dict(os.environ)
    env.update(RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2", PYTHONPATH=str(ROOT))
    env.update(extra)
    return env


def wait_for_http(url: str, process: Optional[subprocess.Popen], timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{url}: process exited early:\n{log.read_text()[-3000:]}")
        try:
            with urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout}s:\n{log.read_text()[-3000:]}")


@contextmanager
def running(args: List[str], health_url: str, log: Path, timeout: float = 180, **env: str) -> Iterator[subprocess.Popen]:
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        process = subprocess.Popen(args, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=project_env(**env))
    try:
        wait_for_http(health_url, process, timeout, log)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def action_server(log_dir: Path, port: Optional[int] = None) -> Iterator[str]:
    """Yields the action endpoint URL."""
    port = port or free_port()
    args = [str(BIN / "rasa"), "run", "actions", "--port", str(port), "--actions", "actions"]
    with running(args, f"http://127.0.0.1:{port}/health", log_dir / "action-server.log"):
        yield f"http://127.0.0.1:{port}/webhook"
