"""`make bench`: how fast the assistant answers and what it costs to run, side by
side with the stock assistant of `rasa init` (same Rasa), in one run: training time,
model size, cold start, resident memory, turn latency over the REST channel at 1, 10
and 50 concurrent conversations, NLU parsing alone. Report: reports/bench/latest/.

Environment: BENCH_TRAIN=0 reuses models/kyphoplasty-assistant.tar.gz instead of
training ours (no training figures then; the stock assistant is always trained),
BENCH_COLD_ROUNDS (default 3), BENCH_ROUNDS (rounds per concurrency level, each a
fixed number of whole conversations per assistant; default 4).
"""
from __future__ import annotations

import asyncio
import os
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from tqdm import tqdm

from evaluation import plots
from evaluation.load_client import LoadResult, actions_run, converse, parse_messages, run_conversations
from evaluation.metrics import median, percentile, ratio
from evaluation.report import ROOT, SCRATCH, machine, machine_lines, num, previous_summary, publish, staging, table
from evaluation.stack import Assistant, ColdStart, Stack
from evaluation.training import TrainingRun, create_stock_project, train

KIND = "bench"
OURS, STOCK = "this assistant", "stock rasa init"
# A patient's conversation: a greeting (custom session start: clinic details and
# disclaimer), a symptom, a warning sign (escalated by a custom action), thanks.
OURS_SCRIPT = ["hello", "my back still hurts three months after kyphoplasty",
               "my legs are numb and tingling", "thank you"]
# The moodbot's own conversation (rasa init's data: greet, mood_unhappy, affirm, goodbye).
STOCK_SCRIPT = ["hello", "I am very sad", "yes", "goodbye"]
LEVELS = (1, 10, 50)
# Whole conversations per worker and round: concurrency x conversations x 4 turns.
CONVERSATIONS_PER_WORKER = {1: 3, 10: 1, 50: 1}
RUN_DEADLINE_S = 300
TRAINING_TARGET_S = 300
P95_TARGET_RATIO = 1.5
WARMUP_CONVERSATIONS = 3
PARSES_PER_ROUND = 40


@dataclass
class Side:
    assistant: Assistant
    training: Optional[TrainingRun] = None
    cold: List[ColdStart] = field(default_factory=list)
    rss_warm: Dict[str, float] = field(default_factory=dict)
    rss_after_load: Dict[str, float] = field(default_factory=dict)
    parse_ms: List[float] = field(default_factory=list)
    load: Dict[int, List[LoadResult]] = field(default_factory=dict)
    cpu_s: Dict[int, Dict[str, float]] = field(default_factory=dict)  # level -> server -> s
    profile: Dict[str, Any] = field(default_factory=dict)
    actions: List[str] = field(default_factory=list)

    def latencies(self, level: int) -> List[float]:
        return [ms for run in self.load.get(level, []) for ms in run.latencies_ms]

    def p(self, level: int, q: float) -> Optional[float]:
        values = self.latencies(level)
        return percentile(values, q) if values else None

    def cold_median(self, attribute: str = "total_s") -> Optional[float]:
        return median([getattr(c, attribute) for c in self.cold]) if self.cold else None


def log(message: str) -> None:
    tqdm.write(f"[bench] {message}")


def prepare(raw, train_ours: bool) -> Dict[str, Side]:
    stock_dir = create_stock_project(raw / "stock-assistant")
    models = raw / "models"
    sides = {}
    if train_ours:
        log("training this assistant from an empty cache (about 5 minutes)...")
        ours_training = train(ROOT, models, "ours", raw / "train-ours.log")
        ours_model = ours_training.model
    else:
        ours_training, ours_model = None, ROOT / os.environ.get("MODEL", "models/kyphoplasty-assistant.tar.gz")
    log("training the stock assistant from an empty cache...")
    stock_training = train(stock_dir, models, "stock", raw / "train-stock.log")
    sides[OURS] = Side(Assistant(OURS.replace(" ", "-"), ROOT, ours_model, OURS_SCRIPT, OURS_SCRIPT[0]),
                       ours_training)
    sides[STOCK] = Side(Assistant("stock", stock_dir, stock_training.model, STOCK_SCRIPT, STOCK_SCRIPT[0]),
                        stock_training)
    return sides


def cold_starts(sides: Dict[str, Side], rounds: int, logs) -> None:
    """Alternating, and swapping which goes first each round, so that a busy moment
    of the shared machine does not fall on one assistant only."""
    names = list(sides)
    for i in tqdm(range(rounds), desc="cold starts", unit="round"):
        for name in (names if i % 2 == 0 else names[::-1]):
            with Stack(sides[name].assistant, logs) as stack:
                sides[name].cold.append(stack.start())
            log(f"cold start {name}: {sides[name].cold[-1].total_s:.1f} s")


def serve_and_load(sides: Dict[str, Side], rounds: int, logs) -> None:
    """Both stacks up at once; every measurement alternates between them."""
    stacks = {name: Stack(side.assistant, logs) for name, side in sides.items()}
    try:
        for stack in stacks.values():
            stack.start()
        parse_texts = OURS_SCRIPT + STOCK_SCRIPT
        for name, stack in stacks.items():
            side = sides[name]
            for i in range(WARMUP_CONVERSATIONS):
                asyncio.run(converse(stack.rasa_port, f"warmup-{i}", side.assistant.script))
            asyncio.run(parse_messages(stack.rasa_port, parse_texts, 60))
            side.actions = asyncio.run(actions_run(stack.rasa_port, "warmup-0"))
        time.sleep(2)  # let the servers settle before reading their memory
        for name, stack in stacks.items():
            sides[name].rss_warm = stack.rss_mb()
        for _ in range(rounds):
            for name, stack in stacks.items():
                texts = (parse_texts * PARSES_PER_ROUND)[:PARSES_PER_ROUND]
                sides[name].parse_ms += asyncio.run(parse_messages(stack.rasa_port, texts, RUN_DEADLINE_S))
        planned = sum(level * CONVERSATIONS_PER_WORKER[level] * len(side.assistant.script) * rounds
                      for level in LEVELS for side in sides.values())
        with tqdm(total=planned, desc="turns", unit="turn", mininterval=2) as bar:
            for level in LEVELS:
                for i in range(rounds):
                    order = list(stacks) if i % 2 == 0 else list(stacks)[::-1]
                    for name in order:
                        stack, side = stacks[name], sides[name]
                        cpu_before = stack.cpu_s()
                        result = asyncio.run(run_conversations(
                            stack.rasa_port, side.assistant.script, level, CONVERSATIONS_PER_WORKER[level],
                            RUN_DEADLINE_S, on_turn=lambda: bar.update(1)))
                        spent = side.cpu_s.setdefault(level, {})
                        for role, seconds in stack.cpu_s().items():
                            spent[role] = spent.get(role, 0.0) + seconds - cpu_before[role]
                        side.load.setdefault(level, []).append(result)
                        rss = stack.rss_mb()
                        side.rss_after_load = {k: max(v, side.rss_after_load.get(k, 0.0)) for k, v in rss.items()}
                log(" | ".join(f"{name} c={level}: p95 {sides[name].p(level, 95):.0f} ms"
                               for name in stacks if sides[name].latencies(level)))
    finally:
        for stack in stacks.values():
            stack.stop()


def profile_load(assistant: Assistant, raw) -> Dict[str, Any]:
    """evaluation.profile_load in a fresh process, in the assistant's own folder (ours
    with its action server, which its first answer needs)."""
    import json
    import subprocess
    from contextlib import nullcontext

    from harness.processes import action_server, project_env

    out = raw / f"profile-{assistant.name}.json"
    needs_actions = assistant.project == ROOT
    with (action_server(raw / "logs") if needs_actions else nullcontext("")) as endpoint:
        with open(raw / "logs" / f"profile-{assistant.name}.log", "wb") as log:
            subprocess.run(
                [sys.executable, "-m", "evaluation.profile_load", str(assistant.model), str(out), endpoint],
                cwd=assistant.project, stdout=log, stderr=subprocess.STDOUT, check=True,
                env=project_env(PYTHONPATH=os.pathsep.join(dict.fromkeys([str(ROOT), str(assistant.project)]))))
    return json.loads(out.read_text())


def training_section(sides: Dict[str, Side]) -> str:
    """Per-component training time (Rasa's training log, 1 s resolution)."""
    runs = {name: side.training for name, side in sides.items() if side.training}
    if not runs:
        return ""
    md = ["\n## Where training time goes\n\n"
          "Seconds per component, from the training log of each `rasa train` above "
          "(components under 1 s are left out; the rest is reading data, the domain and "
          "packing the model).\n\n"]
    for name, run in runs.items():
        rows = [[component, f"{seconds:.0f}"] for component, seconds in run.components if seconds >= 1]
        rows.append(["everything else", f"{run.wall_s - sum(s for _, s in run.components):.0f}"])
        md.append(f"**{name}**: {run.wall_s:.0f} s wall, {run.cpu_s:.0f} s CPU\n\n")
        md.append(table(["component", "seconds"], rows) + "\n")
    return "".join(md)


def profile_section(sides: Dict[str, Side]) -> str:
    md = ["\n## Where a cold start and the memory go\n\n"
          "`evaluation/profile_load.py`, one fresh process per assistant, after the measurements "
          "above: importing Rasa, then each component of the model as Rasa loads it (time, and "
          "resident memory it adds), then the first two answers. Components that take under 0.05 s "
          "and 1 MiB are left out.\n\n"]
    for name, side in sides.items():
        if not side.profile:
            continue
        rows = [[step["step"], f"{step['seconds']:.2f}", f"{step['rss_added_mb']:.0f}"]
                for step in side.profile["steps"]
                if step["seconds"] >= 0.05 or step["rss_added_mb"] >= 1]
        md.append(f"**{name}**: {side.profile['total_seconds']:.1f} s in all, "
                  f"{side.profile['rss_mb']:.0f} MiB resident at the end\n\n")
        md.append(table(["step", "seconds", "MiB added"], rows) + "\n")
    return "".join(md)


def main() -> int:
    info = machine()
    train_ours = os.environ.get("BENCH_TRAIN", "1") != "0"
    cold_rounds = int(os.environ.get("BENCH_COLD_ROUNDS", "3"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "4"))
    folder = staging(KIND)
    raw = SCRATCH / f"{KIND}-raw"
    raw.mkdir(parents=True, exist_ok=True)
    logs = raw / "logs"
    logs.mkdir(exist_ok=True)
    previous = previous_summary(KIND)
    times: Dict[str, float] = {}

    began = time.monotonic()
    sides = prepare(raw, train_ours)
    times["training both"] = time.monotonic() - began
    began = time.monotonic()
    cold_starts(sides, cold_rounds, logs)
    times["cold starts"] = time.monotonic() - began
    began = time.monotonic()
    serve_and_load(sides, rounds, logs)
    times["memory, NLU parsing, load"] = time.monotonic() - began
    began = time.monotonic()
    for side in tqdm(sides.values(), desc="load profiles", unit="assistant"):
        side.profile = profile_load(side.assistant, raw)
    times["load profiles"] = time.monotonic() - began

    ours, stock = sides[OURS], sides[STOCK]
    picture = plots.latency_by_concurrency(
        {name: {level: {"p50": side.p(level, 50), "p95": side.p(level, 95)} for level in LEVELS
                if side.latencies(level)} for name, side in sides.items()},
        folder / "latency-by-concurrency.png",
        floors={name: median(side.parse_ms) for name, side in sides.items() if side.parse_ms})
    summary = headline(ours, stock)
    (folder / "README.md").write_text(render(info, sides, summary, previous, picture.name, times,
                                             cold_rounds, rounds))
    latest = publish(KIND, folder, {**summary, "date": info["date"], "commit": info["commit"],
                                    "machine": f"{info['cpu']}, {info['cores']} cores"})
    print(f"[bench] report: {latest.relative_to(ROOT)}/README.md")
    for name, value in summary.items():
        print(f"  {name}: {value}")
    return 0


def figures(side: Side) -> Dict[str, Optional[float]]:
    out = {
        "training_s": side.training.wall_s if side.training else None,
        "training_cpu_s": side.training.cpu_s if side.training else None,
        "model_mb": side.assistant.model.stat().st_size / 2**20,
        "cold_start_s": side.cold_median(),
        "rss_stack_mb": side.rss_warm.get("stack"),
        "rss_rasa_mb": side.rss_warm.get("rasa"),
        "rss_actions_mb": side.rss_warm.get("actions"),
        "rss_stack_after_load_mb": side.rss_after_load.get("stack"),
        "nlu_parse_p50_ms": median(side.parse_ms) if side.parse_ms else None,
        "nlu_parse_p95_ms": percentile(side.parse_ms, 95) if side.parse_ms else None,
    }
    for level in LEVELS:
        out[f"p50_ms_c{level}"] = side.p(level, 50)
        out[f"p95_ms_c{level}"] = side.p(level, 95)
    return out


def headline(ours: Side, stock: Side) -> Dict[str, Any]:
    a, b = figures(ours), figures(stock)
    out: Dict[str, Any] = {}
    for key in a:
        out[f"ours_{key}"], out[f"stock_{key}"], out[f"ratio_{key}"] = a[key], b[key], ratio(a[key], b[key])
    return out


def met(ok: Optional[bool]) -> str:
    return "n/a" if ok is None else ("met" if ok else "**missed**")


def render(info, sides, s, previous, picture, times, cold_rounds, rounds) -> str:
    ours = sides[OURS]

    def row(label, key, unit, digits=1, target="", ok=None):
        prev = previous.get(f"ratio_{key}")
        def value(v):
            return "n/a" if v is None else f"{num(v, digits)} {unit}"

        return [label, value(s[f"ours_{key}"]), value(s[f"stock_{key}"]),
                num(s[f"ratio_{key}"], 2), num(prev, 2), target, met(ok) if target else ""]

    r = s.get
    targets = [
        row("Training time (wall, empty cache)", "training_s", "s", 0,
            f"ours < {TRAINING_TARGET_S} s on 2 cores",
            None if r("ours_training_s") is None else r("ours_training_s") < TRAINING_TARGET_S),
        row("Training CPU time (user + system)", "training_cpu_s", "s", 0),
        row("Model size", "model_mb", "MiB"),
        row(f"Cold start, median of {cold_rounds} (process start to first answer)", "cold_start_s", "s", 1,
            "ratio <= 1", None if r("ratio_cold_start_s") is None else r("ratio_cold_start_s") <= 1),
        row("Resident memory after warm-up: whole stack", "rss_stack_mb", "MiB", 0, "ratio <= 1",
            None if r("ratio_rss_stack_mb") is None else r("ratio_rss_stack_mb") <= 1),
        row("  of which the Rasa server", "rss_rasa_mb", "MiB", 0),
        row("  of which the action server", "rss_actions_mb", "MiB", 0),
        row("Resident memory, highest after load: whole stack", "rss_stack_after_load_mb", "MiB", 0),
        row("NLU parse alone (/model/parse), p50", "nlu_parse_p50_ms", "ms"),
        row("NLU parse alone (/model/parse), p95", "nlu_parse_p95_ms", "ms"),
    ]
    for level in LEVELS:
        targets.append(row(f"Turn latency p50, {level} concurrent", f"p50_ms_c{level}", "ms", 0))
        ok = None if r(f"ratio_p95_ms_c{level}") is None else r(f"ratio_p95_ms_c{level}") <= P95_TARGET_RATIO
        targets.append(row(f"Turn latency p95, {level} concurrent", f"p95_ms_c{level}", "ms", 0,
                           f"ratio <= {P95_TARGET_RATIO}" if level == 10 else "", ok if level == 10 else None))

    load_rows = []
    for level in LEVELS:
        for name, side in sides.items():
            runs = side.load.get(level, [])
            turns = sum(run.turns for run in runs)
            wall = sum(run.wall_s for run in runs)
            load_rows.append([
                level, name, turns, sum(run.errors for run in runs), sum(run.silent for run in runs),
                num(side.p(level, 50), 0), num(side.p(level, 95), 0),
                num(turns / wall if wall else None, 1),
                *[num(1000 * side.cpu_s.get(level, {}).get(role, 0) / turns if turns else None, 0)
                  for role in ("rasa", "actions")],
                "yes" if any(run.stopped_by_deadline for run in runs) else "no"])
    cold_rows = [[name, ", ".join(f"{c.total_s:.1f}" for c in side.cold),
                  num(side.cold_median("rasa_answered_s")), num(side.cold_median("actions_ready_s"))]
                 for name, side in sides.items()]
    custom = [a for a in ours.actions if a.startswith("action_") and a != "action_listen"]
    md = [
        "# Benchmark: speed and cost, side by side with the stock assistant\n\n", machine_lines(info),
        f"- Regenerate: `make bench` (previous report: [../previous/README.md](../previous/README.md), "
        f"taken {previous.get('date', 'never')})\n",
        f"- Run time: {', '.join(f'{k} {v / 60:.1f} min' for k, v in times.items())}\n",
        "\n## Figures and targets\n\n"
        "*This assistant* is the project as checked out; *stock rasa init* is the moodbot that "
        "`rasa init` creates (its files copied from the installed Rasa into a temporary folder, "
        "default pipeline and policies), trained and served by the same Rasa in the same run. "
        "Ratio = this assistant / stock.\n\n",
        table(["figure", OURS, STOCK, "ratio", "previous ratio", "target", ""], targets),
        f"\n![Turn latency against concurrency]({picture})\n",
        "\n## Turn latency over the REST channel\n\n"
        f"Each conversation is a new sender saying its script turn by turn, waiting for each answer "
        f"(`POST /webhooks/rest/webhook` on 127.0.0.1). This assistant: {OURS_SCRIPT}; it runs "
        f"{len(custom)} custom actions on its action server in one conversation ({', '.join(custom) or 'none'}). "
        f"Stock: {STOCK_SCRIPT} (no custom action). Each concurrency level runs {rounds} rounds per "
        "assistant, alternating which goes first; both stacks stay up side by side the whole time. "
        "CPU per turn counts the Rasa server and the action server.\n\n",
        table(["concurrent", "assistant", "turns", "errors", "silent", "p50 ms", "p95 ms", "turns/s",
               "CPU ms/turn: Rasa server", "CPU ms/turn: action server", "deadline hit"], load_rows),
        "\n## Cold start\n\n"
        "From starting both servers (Rasa server and action server, at once, as `make serve` does) "
        "to the first answer to \"hello\" over the REST channel with the action server answering its "
        f"health check. {cold_rounds} rounds, alternating which assistant goes first.\n\n",
        table(["assistant", "each round (s)", "Rasa server answered, median (s)",
               "action server ready, median (s)"], cold_rows),
        "\n## What is compared\n\n"
        "- **Memory** is the resident set (RSS) of the whole serving stack each assistant ships: the "
        "Rasa server plus the action server (`rasa init` also ships an `actions/` package and its "
        "server, even with no action in it). Taken after each stack answered "
        f"{WARMUP_CONVERSATIONS} conversations and a round of NLU parses, so lazy loading is done.\n"
        "- **Training** is `rasa train` (NLU and dialogue) with an empty training cache "
        "(`RASA_CACHE_DIRECTORY` in a fresh folder), one after the other, never at once.\n"
        "- **NLU parse alone** is `POST /model/parse` of the same messages (both scripts) on each "
        "server, one at a time: the floor a turn cannot beat (the dotted lines in the picture).\n"
        "- The load client is bounded: a fixed number of turns per level and a deadline per run "
        f"({RUN_DEADLINE_S} s), loopback only.\n",
    ]
    md.append(training_section(sides))
    md.append(profile_section(sides))
    if not ours.training:
        md.append("\n*Training was not measured in this run (BENCH_TRAIN=0): the served model is "
                  f"`{ours.assistant.model.relative_to(ROOT)}`.*\n")
    return "".join(md)


if __name__ == "__main__":
    sys.exit(main())
