"""Where a cold start goes, in one fresh process: importing Rasa, loading each
component of the model (time and resident memory it adds), and the first answers.
    python -m evaluation.profile_load MODEL OUT.json [ACTION_ENDPOINT_URL]
Run by `make bench` for both assistants, from each assistant's own folder."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import psutil

PROCESS = psutil.Process()


def rss_mb() -> float:
    return PROCESS.memory_info().rss / 2**20


def main(model: str, out: str, action_endpoint: str = "") -> None:
    steps = []
    started, rss_start = time.monotonic(), rss_mb()

    def step(name: str, began: float, rss_before: float) -> None:
        steps.append({"step": name, "seconds": time.monotonic() - began, "rss_added_mb": rss_mb() - rss_before})

    began, rss = time.monotonic(), rss_mb()
    import asyncio

    from rasa.core.agent import Agent
    from rasa.engine import graph
    from rasa.utils.endpoints import EndpointConfig

    from evaluation.quiet import quiet_rasa

    quiet_rasa()
    step("import Rasa (TensorFlow, Sanic, ...)", began, rss)

    nodes = []
    original = graph.GraphNode._load_component

    def timed_load(self, **kwargs):
        node_began, node_rss = time.monotonic(), rss_mb()
        original(self, **kwargs)
        nodes.append({"step": f"{self._node_name} ({self._component_class.__name__})",
                      "seconds": time.monotonic() - node_began, "rss_added_mb": rss_mb() - node_rss})

    graph.GraphNode._load_component = timed_load
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    began, rss = time.monotonic(), rss_mb()
    endpoint = EndpointConfig(url=action_endpoint) if action_endpoint else None
    agent = Agent.load(model, action_endpoint=endpoint)
    load = {"step": "load the model", "seconds": time.monotonic() - began, "rss_added_mb": rss_mb() - rss}
    node_seconds = sum(n["seconds"] for n in nodes)
    node_rss = sum(n["rss_added_mb"] for n in nodes)
    steps.append(load)
    steps += sorted(nodes, key=lambda n: -n["seconds"])
    steps.append({"step": "  rest of model loading (unpacking, domain, graph, imports of plug-ins)",
                  "seconds": load["seconds"] - node_seconds, "rss_added_mb": load["rss_added_mb"] - node_rss})
    for i, label in enumerate(("first message (TensorFlow traces its graphs)", "second message")):
        began, rss = time.monotonic(), rss_mb()
        loop.run_until_complete(agent.handle_text("hello", sender_id=f"profile-{i}"))
        step(label, began, rss)
    Path(out).write_text(json.dumps({
        "steps": steps, "total_seconds": time.monotonic() - started,
        "rss_mb": rss_mb(), "rss_at_start_mb": rss_start}, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
