"""The load client: loopback only, bounded in turns and time, measures each turn."""
import asyncio
import time

import pytest
from aiohttp import web

from evaluation.load_client import require_loopback, run_conversations
from harness.processes import free_port


@pytest.mark.parametrize("url", ["http://127.0.0.1:5005/x", "http://localhost:5005/x", "http://[::1]:5005/x",
                                 "http://127.8.0.1/x"])
def test_loopback_is_allowed(url):
    require_loopback(url)


@pytest.mark.parametrize("url", ["http://10.0.0.5:5005/x", "http://192.168.1.2/x", "http://example.com/x",
                                 "http://8.8.8.8/x"])
def test_anything_else_is_refused(url):
    with pytest.raises(ValueError, match="loopback only"):
        require_loopback(url)


async def with_fake_rest_channel(delay_s, body, run):
    """A stand-in for Rasa's REST channel on loopback, recording what it received."""
    received = []

    async def webhook(request):
        received.append(await request.json())
        await asyncio.sleep(delay_s)
        return web.json_response(body)

    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        return await run(port), received
    finally:
        await runner.cleanup()


def test_each_worker_holds_whole_conversations_and_every_turn_is_timed():
    script = ["hello", "my legs are numb"]
    result, received = asyncio.run(with_fake_rest_channel(
        0.02, [{"text": "hi"}], lambda port: run_conversations(port, script, 3, 2, deadline_s=30)))
    assert result.turns == len(received) == 3 * 2 * len(script)
    assert result.errors == result.silent == 0 and not result.stopped_by_deadline
    # Each turn includes the server's 20 ms; allow 1 ms because the event loop's timer
    # can fire a fraction of a millisecond early on this VM (19.87 ms measured once).
    assert min(result.latencies_ms) >= 20 - 1
    senders = {}
    for message in received:
        senders.setdefault(message["sender"], []).append(message["message"])
    assert len(senders) == 6 and all(said == script for said in senders.values())


def test_the_deadline_stops_a_slow_run_and_says_so():
    began = time.monotonic()
    result, _ = asyncio.run(with_fake_rest_channel(
        0.3, [{"text": "hi"}], lambda port: run_conversations(port, ["a", "b"], 2, 100, deadline_s=1)))
    assert time.monotonic() - began < 5
    assert result.stopped_by_deadline and 0 < result.turns < 400


def test_a_silent_answer_is_counted():
    result, _ = asyncio.run(with_fake_rest_channel(
        0, [], lambda port: run_conversations(port, ["a"], 1, 2, deadline_s=30)))
    assert result.silent == 2 and result.turns == 2
