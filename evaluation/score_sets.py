"""Score vignette sets and labelled utterances against the trained assistant, one
figure table per file, with every miss listed: how a new blind red-team set is scored
on first sight, before anything is changed for it.

    python -m evaluation.score_sets tests/vignettes/redteam/round1/*.yml [--json out.json]
        [--ablate no-patterns|no-detector|patterns-only]

Each file holds `vignettes:` (evaluation/vignettes.py) and may hold `utterances:`
(text + intent), scored for intent macro-F1 against the TF-IDF baseline trained on the
same data/nlu/.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any, Dict, List

import yaml

from evaluation import baseline
from evaluation.ablation import ABLATIONS, ablate
from evaluation.metrics import BLIND_TARGETS, classify, target_misses, triage_safety
from evaluation.nlu_data import Example, load_examples
from evaluation.quiet import quiet_rasa
from evaluation.report import ROOT
from evaluation.vignettes import load_vignettes, run_vignettes


def load_utterances(path: Path) -> List[Example]:
    rows = yaml.safe_load(path.read_text()).get("utterances") or []
    return [Example(r["text"], r["intent"]) for r in rows]


def describe(rows: List[Dict[str, Any]]) -> List[str]:
    safety = triage_safety(rows)
    lines = [f"  {rate.name}: {rate}" for rate in safety.values()]
    for name, rate in safety.items():
        for case in rate.cases:
            turns = " | ".join(case["turns"])
            lines.append(f"    [{name}] {case['id']} ({case['expected']} {case.get('sign') or ''}) "
                         f"-> {case['level']} {case.get('flags')}: {turns!r}")
    misses = target_misses(safety, BLIND_TARGETS)
    lines.append("  targets: " + ("all met" if not misses else "MISSED: " + "; ".join(misses)))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "kyphoplasty-assistant.tar.gz")
    parser.add_argument("--ablate", choices=sorted(ABLATIONS),
                        help="score without one layer of the sign evidence (evaluation/ablation.py)")
    args = parser.parse_args()
    quiet_rasa()

    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    from harness.conversation import Conversation
    from harness.processes import action_server

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    scratch = ROOT / "tests" / "artifacts"
    scratch.mkdir(parents=True, exist_ok=True)
    results: Dict[str, Any] = {}
    all_rows: List[Dict[str, Any]] = []
    all_utterances: List[Example] = []
    with action_server(scratch) as endpoint:
        agent = Agent.load(str(args.model), action_endpoint=EndpointConfig(url=endpoint))
        if args.ablate:
            ablate(agent, args.ablate)
        for path in args.files:
            rows = run_vignettes(lambda: Conversation(agent, loop), load_vignettes(path))
            utterances = load_utterances(path)
            parsed = [loop.run_until_complete(agent.parse_message(u.text)) for u in utterances]
            results[str(path)] = {"rows": rows, "predicted": [p["intent"]["name"] for p in parsed]}
            all_rows += rows
            all_utterances += utterances
            print(f"\n== {path} ({len(rows)} vignettes)")
            print("\n".join(describe(rows)), flush=True)
    print(f"\n== all {len(args.files)} files ({len(all_rows)} vignettes)")
    print("\n".join(line for line in describe(all_rows) if not line.startswith("    [")))
    if all_utterances:
        truth = [u.intent for u in all_utterances]
        predicted = [p for r in results.values() for p in r["predicted"]]
        base_model = baseline.train(load_examples(ROOT / "data" / "nlu"))
        base = [intent for intent, _ in baseline.predict(base_model, [u.text for u in all_utterances])]
        ours, theirs = classify(truth, predicted), classify(truth, base)
        print(f"\n== utterances ({len(truth)}): intent macro-F1 {ours.macro_f1:.3f} "
              f"(accuracy {ours.accuracy:.3f}); TF-IDF baseline {theirs.macro_f1:.3f} ({theirs.accuracy:.3f})")
        for u, p in zip(all_utterances, predicted, strict=True):
            if u.intent != p:
                print(f"    {u.intent} -> {p}: {u.text!r}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    loop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
