#!/usr/bin/env python
"""A bounded load test on loopback: N conversations at once for a fixed time.

  make load                           (LOAD_CONVERSATIONS=40, LOAD_SECONDS=60)
  python scripts/load_test.py --conversations 10 --seconds 20 [--replicas 2]

Starts its own stack on free loopback ports (action server, and one Rasa server
with SQLite, or --replicas N sharing PostgreSQL and Redis), runs scripted patient
conversations through it until the time is up (each turn waits for its reply), and
reports turn latency (p50/p95), throughput and errors. It stops by itself.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Sequence

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# One patient's visit: the disclaimer, a full symptom check, a warning sign, the
# summary and an education answer. Then the next conversation starts.
SCRIPT = (
    "hello", "/start_symptom_check", "8 weeks ago", "/deny", "/deny", "/deny", "/deny",
    "/deny", "/deny", "/deny", "my legs are numb and tingling", "/request_summary",
    "/faq/warning_signs",
)
TURN_TIMEOUT = 60


@dataclass
class LoadResult:
    conversations: int
    seconds: float
    latencies: List[float] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)

    def percentile(self, q: int) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[q - 1]

    def lines(self) -> List[str]:
        return [
            f"{self.conversations} concurrent conversations for {self.seconds:.0f} s: "
            f"{len(self.latencies)} turns, {len(self.latencies) / self.seconds:.1f} turns/s",
            f"turn latency p50 {self.percentile(50) * 1000:.0f} ms, p95 {self.percentile(95) * 1000:.0f} ms, "
            f"max {max(self.latencies, default=0) * 1000:.0f} ms; errors {len(self.errors)}"
            + (f" (first: {self.errors[0]})" if self.errors else ""),
        ]


async def run_load(urls: Sequence[str], conversations: int, seconds: float,
                   script: Sequence[str] = SCRIPT) -> LoadResult:
    result = LoadResult(conversations, seconds)
    deadline = time.monotonic() + seconds
    max_turns = int(conversations * seconds * 20)  # bounded in count as well as time

    async def patient(index: int, session: aiohttp.ClientSession) -> None:
        turn = 0
        while time.monotonic() < deadline and len(result.latencies) + len(result.errors) < max_turns:
            if turn % len(script) == 0:
                sender = f"load-{index}-{uuid.uuid4().hex[:8]}"
            url = f"{urls[turn % len(urls)]}/webhooks/rest/webhook"
            started = time.monotonic()
            try:
                async with session.post(url, json={"sender": sender, "message": script[turn % len(script)]}) as r:
                    replies = await r.json() if r.status == 200 else None
                    if r.status != 200:
                        result.errors.append(f"HTTP {r.status}")
                    elif not replies:
                        result.errors.append(f"no reply to {script[turn % len(script)]!r}")
                    else:
                        result.latencies.append(time.monotonic() - started)
            except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                result.errors.append(type(error).__name__)
            turn += 1

    timeout = aiohttp.ClientTimeout(total=TURN_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=0)) as session:
        started = time.monotonic()
        await asyncio.gather(*(patient(i, session) for i in range(conversations)))
        result.seconds = time.monotonic() - started
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--replicas", type=int, default=1, help=">1: PostgreSQL + Redis")
    args = parser.parse_args()

    from harness.production import RasaServer, credentials_file, postgres, redis_server
    from harness.processes import action_server

    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        folder = Path(tmp)
        action_url = stack.enter_context(action_server(folder))
        env = {"ALLOW_REST_CHANNEL": "true", "SQLITE_PATH": str(folder / "load.db")}
        if args.replicas > 1:
            env.update(stack.enter_context(postgres(folder / "pg")).env())
            env.update(stack.enter_context(redis_server(folder / "redis")).env())
        servers = [RasaServer(folder, action_url, name=f"rasa-{i}", credentials=credentials_file(folder), env=env)
                   for i in range(args.replicas)]
        for server in servers:
            stack.callback(server.stop)
            server.start()
        print(f"load: stack up ({args.replicas} Rasa server(s)); running...", flush=True)
        result = asyncio.run(run_load([s.url for s in servers], args.conversations, args.seconds))
    for line in result.lines():
        print(f"load: {line}")
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
