"""The production stack, started once per test session and shared by the tests."""
from __future__ import annotations

import secrets

import pytest

from harness.production import RasaServer, credentials_file, postgres, redis_server


@pytest.fixture(scope="session")
def stack_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("production")


@pytest.fixture(scope="session")
def sqlite_server(stack_folder, action_endpoint):
    """The default deployment (SQLite), with the test channels (REST and socketio)
    and the API on with a token."""
    folder = stack_folder / "sqlite"
    server = RasaServer(
        folder, action_endpoint, name="rasa-sqlite", credentials=credentials_file(stack_folder),
        env={"SQLITE_PATH": str(folder / "conversations.db"), "ALLOW_REST_CHANNEL": "true",
             "RASA_JWT_SECRET": secrets.token_hex(16)},
    )
    yield server.start()
    server.stop()


@pytest.fixture(scope="session")
def pg(stack_folder):
    with postgres(stack_folder / "postgres") as server:
        yield server


@pytest.fixture(scope="session")
def redis(stack_folder):
    with redis_server(stack_folder / "redis") as server:
        yield server


@pytest.fixture(scope="session")
def replicas(stack_folder, action_endpoint, pg, redis):
    """Two Rasa replicas sharing PostgreSQL and Redis. A lock lifetime of 20 s
    instead of 60 (it bounds one turn; addons/stores/lock_store.py), so that a
    replica killed mid-turn blocks its conversation for 20 s only."""
    env = {**pg.env(), **redis.env(), "ALLOW_REST_CHANNEL": "true", "TICKET_LOCK_LIFETIME": "20"}
    creds = credentials_file(stack_folder)
    servers = [RasaServer(stack_folder / "replicas", action_endpoint, name=f"replica-{i}",
                          credentials=creds, env=env) for i in (1, 2)]
    try:
        for server in servers:
            server.start()
        yield servers
    finally:
        for server in servers:
            server.stop()
