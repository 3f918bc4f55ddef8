"""A small bounded load test against the default stack (SQLite); `make load` runs
bigger ones. Its figures are printed at the end of the test run."""
import asyncio

from scripts.load_test import run_load
from tests.conftest import FIGURES


def test_ten_conversations_for_twenty_seconds_without_errors(sqlite_server):
    result = asyncio.run(run_load([sqlite_server.url], conversations=10, seconds=20))
    FIGURES.setdefault("load (make test)", []).extend(result.lines())
    assert not result.errors, result.errors[:5]
    assert len(result.latencies) >= 20
