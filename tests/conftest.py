"""Shared fixtures: the trained model, a running action server, and conversations."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

# Sanic inserts `filterwarnings("once", category=DeprecationWarning)` in front of
# every filter when first imported. Imported inside a test, that overrides the
# project's filters (pyproject.toml) for that test; imported here, at collection,
# it sits below the filters pytest applies to each test.
import sanic  # noqa: F401,E402

from harness.processes import MODEL, ROOT, action_server
from tests.support.stack import stack  # noqa: F401 (the served product, for tests/web and tests/channels)

ARTIFACTS = ROOT / "tests" / "artifacts"
FIGURES: dict = {}  # name -> lines, printed at the end of the run


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def action_endpoint(artifacts):
    with action_server(artifacts) as url:
        yield url


@pytest.fixture(scope="session")
def event_loop_for_agent():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def agent(action_endpoint, event_loop_for_agent):
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` (make test does it first)")
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    asyncio.set_event_loop(event_loop_for_agent)
    return Agent.load(str(MODEL), action_endpoint=EndpointConfig(url=action_endpoint))


@pytest.fixture(scope="session")
def conversation(agent, event_loop_for_agent):
    from harness.conversation import Conversation

    def start(sender_id=None):
        return Conversation(agent, event_loop_for_agent, sender_id)

    return start


# What needs the trained model or starts servers and browsers: a test that uses one of
# these is slow whatever its file says, so `pytest -m "not slow"` (make check) runs
# in about a minute with neither.
SLOW_FIXTURES = frozenset({"agent", "conversation", "action_endpoint", "stack", "browser", "screenshots",
                           "sqlite_server", "pg", "redis", "replicas", "stack_folder"})


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def pytest_terminal_summary(terminalreporter):
    for name, lines in FIGURES.items():
        terminalreporter.section(name)
        for line in lines:
            terminalreporter.write_line(line)
