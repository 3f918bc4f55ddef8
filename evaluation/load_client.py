"""A bounded load client for Rasa's REST channel: N concurrent workers, each holding
a fixed number of whole conversations, turn by turn, until done or a deadline.

It only ever talks to loopback (127.0.0.1), it sends at most `turns` messages, and it
stops by itself at `deadline_s`."""
from __future__ import annotations

import asyncio
import ipaddress
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence
from urllib.parse import urlparse

REQUEST_TIMEOUT_S = 120


def loopback_url(port: int, path: str) -> str:
    return f"http://127.0.0.1:{port}{path}"


def require_loopback(url: str) -> None:
    host = urlparse(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"the load client talks to loopback only, not {host!r}")


@dataclass
class LoadResult:
    concurrency: int
    latencies_ms: List[float] = field(default_factory=list)
    errors: int = 0  # HTTP errors, timeouts, refused connections
    silent: int = 0  # answered 200 with no message at all
    wall_s: float = 0.0
    stopped_by_deadline: bool = False

    @property
    def turns(self) -> int:
        return len(self.latencies_ms)


async def _post(session, url: str, payload: dict):
    async with session.post(url, json=payload) as response:
        body = await response.json(content_type=None)
        return response.status, body


async def run_conversations(
    port: int,
    script: Sequence[str],
    concurrency: int,
    conversations_per_worker: int,
    deadline_s: float,
    on_turn: Optional[Callable[[], None]] = None,
    sender_prefix: str = "bench",
) -> LoadResult:
    """`concurrency` workers, each holding `conversations_per_worker` whole
    conversations one after the other: a new sender saying `script` turn by turn,
    waiting for each answer. At most concurrency x conversations x len(script) turns."""
    import aiohttp

    url = loopback_url(port, "/webhooks/rest/webhook")
    require_loopback(url)
    result = LoadResult(concurrency)
    started = time.monotonic()
    deadline = started + deadline_s

    async def conversation_worker(session) -> None:
        for _ in range(conversations_per_worker):
            sender = f"{sender_prefix}-{uuid.uuid4().hex[:12]}"
            for text in script:
                if time.monotonic() > deadline:
                    result.stopped_by_deadline = True
                    return
                begin = time.perf_counter()
                try:
                    status, body = await _post(session, url, {"sender": sender, "message": text})
                except (aiohttp.ClientError, asyncio.TimeoutError):
                    result.errors += 1
                    break  # this conversation is broken: start the next one
                elapsed = (time.perf_counter() - begin) * 1000
                if status != 200:
                    result.errors += 1
                    break
                result.latencies_ms.append(elapsed)
                if not body:
                    result.silent += 1
                if on_turn:
                    on_turn()

    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        await asyncio.gather(*(conversation_worker(session) for _ in range(concurrency)))
    result.wall_s = time.monotonic() - started
    return result


async def parse_messages(port: int, texts: Sequence[str], deadline_s: float) -> List[float]:
    """NLU alone: /model/parse (needs `rasa run --enable-api`), one at a time;
    the floor a turn cannot beat. Returns milliseconds per parse."""
    import aiohttp

    url = loopback_url(port, "/model/parse")
    require_loopback(url)
    deadline = time.monotonic() + deadline_s
    times: List[float] = []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)) as session:
        for text in texts:
            if time.monotonic() > deadline:
                break
            begin = time.perf_counter()
            status, _ = await _post(session, url, {"text": text})
            if status == 200:
                times.append((time.perf_counter() - begin) * 1000)
    return times


async def first_answer(port: int, text: str, deadline_s: float, alive: Callable[[], bool]) -> Optional[float]:
    """Monotonic time at which the REST channel first answers `text`, polling until
    the server listens; None if the deadline passes or the server died."""
    import aiohttp

    url = loopback_url(port, "/webhooks/rest/webhook")
    require_loopback(url)
    deadline = time.monotonic() + deadline_s
    sender = f"cold-{uuid.uuid4().hex[:12]}"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)) as session:
        while time.monotonic() < deadline and alive():
            try:
                status, body = await _post(session, url, {"sender": sender, "message": text})
                if status == 200 and body:
                    return time.monotonic()
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            await asyncio.sleep(0.05)
    return None


async def healthy(port: int, deadline_s: float, alive: Callable[[], bool]) -> Optional[float]:
    """Monotonic time at which GET /health first answers 200 (the action server)."""
    import aiohttp

    url = loopback_url(port, "/health")
    require_loopback(url)
    deadline = time.monotonic() + deadline_s
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        while time.monotonic() < deadline and alive():
            try:
                async with session.get(url) as response:
                    if response.status == 200:
                        return time.monotonic()
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            await asyncio.sleep(0.05)
    return None


async def converse(port: int, sender: str, script: Sequence[str]) -> List[list]:
    """One conversation, turn by turn; the replies of each turn."""
    import aiohttp

    url = loopback_url(port, "/webhooks/rest/webhook")
    require_loopback(url)
    replies = []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)) as session:
        for text in script:
            status, body = await _post(session, url, {"sender": sender, "message": text})
            if status != 200:
                raise RuntimeError(f"{url} answered {status} to {text!r}: {body}")
            replies.append(body)
    return replies


async def actions_run(port: int, sender: str) -> List[str]:
    """Names of the actions a conversation ran (Rasa's HTTP API, --enable-api)."""
    import aiohttp

    url = loopback_url(port, f"/conversations/{sender}/tracker")
    require_loopback(url)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)) as session:
        async with session.get(url) as response:
            tracker = await response.json(content_type=None)
    return [e["name"] for e in tracker.get("events", []) if e.get("event") == "action"]
