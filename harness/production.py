"""The production stack on loopback, for the tests and scripts/load_test.py: PostgreSQL and Redis as the tests'
own processes (data in a temporary folder), Rasa servers started the way
scripts/serve.sh starts them (`python -m addons.server run`), and a client."""
from __future__ import annotations

import glob
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import requests
import yaml

from harness.processes import BIN, MODEL, ROOT, free_port, project_env, wait_for_http

# Channels for the tests: REST (a request gets the whole turn back) and the
# widget's socket.io channel as deployed (addons/channels/socketio.py).
# Not the public configuration: REST needs ALLOW_REST_CHANNEL=true.
TEST_CHANNELS = {
    "rest": None,
    "addons.channels.socketio.ClinicSocketIOInput": {
        "user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered",
        "session_persistence": True, "metadata_key": "customData",
    },
}


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `make servers`")
    return found[-1]


@dataclass
class Postgres:
    port: int
    password: str
    database: str = "rasa"
    user: str = "rasa"

    def env(self) -> Dict[str, str]:
        return dict(
            TRACKER_STORE="postgresql", PGHOST="127.0.0.1", PGPORT=str(self.port),
            PGDATABASE=self.database, PGUSER=self.user, PGPASSWORD=self.password,
        )


@contextmanager
def postgres(folder: Path) -> Iterator[Postgres]:
    """A PostgreSQL server of our own; as root, it runs as the `postgres` user
    (PostgreSQL refuses to run as root)."""
    folder.mkdir(parents=True, exist_ok=True)
    run_as = {"user": "postgres"} if os.geteuid() == 0 else {}
    # Its own folder: pytest's temporary folders are closed to other users.
    own = Path(tempfile.mkdtemp(prefix="kypho-pg-"))
    if run_as:
        shutil.chown(own, "postgres")
    pg = Postgres(port=free_port(), password=secrets.token_hex(12))
    pwfile = own / "pw"
    pwfile.write_text(pg.password)
    if run_as:
        shutil.chown(pwfile, "postgres")
    data = own / "data"
    subprocess.run(
        [_pg_bin("initdb"), "-D", str(data), "-U", pg.user, f"--pwfile={pwfile}",
         "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8"],
        check=True, capture_output=True, **run_as,
    )
    log = open(folder / "postgres.log", "wb")
    process = subprocess.Popen(
        [_pg_bin("postgres"), "-D", str(data), "-p", str(pg.port), "-k", str(own),
         "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200"],
        stdout=log, stderr=subprocess.STDOUT, **run_as,
    )
    try:
        env = {**os.environ, **pg.env(), "PGDATABASE": "postgres"}
        deadline = time.monotonic() + 60
        while subprocess.run([_pg_bin("pg_isready"), "-h", "127.0.0.1", "-p", str(pg.port)],
                             capture_output=True).returncode != 0:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError((folder / "postgres.log").read_text()[-2000:])
            time.sleep(0.2)
        subprocess.run([_pg_bin("createdb"), pg.database], env=env, check=True, capture_output=True)
        yield pg
    finally:
        process.send_signal(signal.SIGINT)  # fast shutdown
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        shutil.rmtree(own, ignore_errors=True)


@dataclass
class Redis:
    port: int
    password: str

    def env(self) -> Dict[str, str]:
        return dict(LOCK_STORE="redis", REDIS_HOST="127.0.0.1", REDIS_PORT=str(self.port),
                    REDIS_PASSWORD=self.password)


@contextmanager
def redis_server(folder: Path) -> Iterator[Redis]:
    folder.mkdir(parents=True, exist_ok=True)
    server = Redis(port=free_port(), password=secrets.token_hex(12))
    binary = shutil.which("redis-server")
    if not binary:
        raise RuntimeError("Redis is not installed: run `make servers`")
    config = folder / "redis.conf"  # the password stays out of the command line
    config.write_text(
        f"port {server.port}\nbind 127.0.0.1\nsave \"\"\nappendonly no\ndir {folder}\n"
        f"requirepass {server.password}\n"
    )
    log = open(folder / "redis.log", "wb")
    process = subprocess.Popen([binary, str(config)], stdout=log, stderr=subprocess.STDOUT)
    try:
        import redis

        client = redis.Redis(host="127.0.0.1", port=server.port, password=server.password)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def endpoints_file(folder: Path, action_url: str) -> Path:
    """The project's endpoints.yml with the test's action server."""
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    endpoints["action_endpoint"]["url"] = action_url
    path = folder / "endpoints.yml"
    path.write_text(yaml.safe_dump(endpoints))
    return path


def credentials_file(folder: Path) -> Path:
    path = folder / "credentials.yml"
    path.write_text(yaml.safe_dump(TEST_CHANNELS))
    return path


@dataclass
class RasaServer:
    """One Rasa server (a replica), started as scripts/serve.sh starts it."""

    folder: Path
    action_url: str
    env: Dict[str, str]
    name: str = "rasa"
    port: int = field(default_factory=free_port)
    token: str = field(default_factory=lambda: secrets.token_hex(16))
    credentials: Optional[Path] = None
    process: Optional[subprocess.Popen] = None
    starts: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.folder / f"{self.name}.log"

    def start(self, timeout: float = 240) -> "RasaServer":
        self.folder.mkdir(parents=True, exist_ok=True)
        args = [str(BIN / "python"), "-m", "addons.server", "run", "--model", str(MODEL),
                "--port", str(self.port), "--interface", "127.0.0.1",
                "--endpoints", str(endpoints_file(self.folder, self.action_url))]
        if self.credentials:
            args += ["--credentials", str(self.credentials)]
        env = project_env(RASA_API="on", RASA_API_TOKEN=self.token, **self.env)
        self.starts += 1
        with open(self.log, "ab") as out:
            out.write(f"\n--- start {self.starts} ---\n".encode())
            self.process = subprocess.Popen(args, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
        wait_for_http(f"{self.url}/", self.process, timeout, self.log)
        # "/" answers before the model is loaded; /status answers after.
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.log.read_text()[-3000:])
            try:
                if requests.get(f"{self.url}/status", params={"token": self.token}, timeout=5).ok:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not load its model:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def kill(self) -> None:
        """As a crash would: SIGKILL, no clean-up."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    # --- the REST channel (test configuration only) ---
    def say(self, sender: str, text: Any, timeout: float = 120) -> List[Dict[str, Any]]:
        response = requests.post(f"{self.url}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": text}, timeout=timeout)
        response.raise_for_status()
        return response.json()

    # --- Rasa's HTTP API, with the token ---
    def tracker(self, sender: str) -> Dict[str, Any]:
        response = requests.get(f"{self.url}/conversations/{sender}/tracker",
                                params={"token": self.token}, timeout=30)
        response.raise_for_status()
        return response.json()


def new_sender() -> str:
    return f"prod-{uuid.uuid4().hex[:12]}"


def texts(replies: List[Dict[str, Any]]) -> str:
    return "\n".join(r.get("text") or "" for r in replies)


def user_texts(tracker: Dict[str, Any]) -> List[str]:
    return [e.get("text") for e in tracker["events"] if e["event"] == "user"]


def turn_shape(events: List[Dict[str, Any]]) -> str:
    """u = user message, b = bot message, l = listening again: one whole turn is u b+ l."""
    shape = ""
    for event in events:
        if event["event"] == "user":
            shape += "u"
        elif event["event"] == "bot":
            shape += "b"
        elif event["event"] == "action" and event.get("name") == "action_listen":
            shape += "l"
    return shape
