"""Triage safety on every vignette set (tests/vignettes/, written for testing, never
used for training), through the whole assistant: NLU, red-flag policy, custom actions.

- The project's own set (vignettes.yml, written by the team): every warning sign and
  every emergency caught, false alarms at most 5%.
- Each blind red-team round (redteam/roundN/, written by people who never saw the
  code, data or tests): scored once on first sight, before any change made for it
  (reports/redteam/roundN-first-sight.md), against the Safety issue's targets
  (evaluation/metrics.py BLIND_TARGETS). From then on it is a regression set: no
  figure may fall below what main measured when the round last landed
  (redteam/floors.yml, raised whenever a change improves it). The figures and the
  targets they still miss are printed with the test report.

Conversations type their answers: when the assistant asks a confirming question, the
vignette's own `confirm_reply` is typed back (evaluation/vignettes.py).
"""
import json

import pytest

import yaml

from evaluation.metrics import BLIND_TARGETS, floor_targets, target_misses, triage_safety
from evaluation.vignettes import load_vignettes, run_vignettes
from tests.conftest import FIGURES
from harness.processes import ROOT

pytestmark = pytest.mark.slow
FOLDER = ROOT / "tests" / "vignettes"
OWN_SET = FOLDER / "vignettes.yml"
ROUNDS = sorted(p for p in (FOLDER / "redteam").glob("round*") if p.is_dir())
OWN_TARGETS = {"red_flag_sensitivity": 1.0, "emergency_sensitivity": 1.0, "false_alarm_rate": 0.05}
FLOORS = yaml.safe_load((FOLDER / "redteam" / "floors.yml").read_text(encoding="utf-8"))


def run_set(conversation, artifacts, name, paths):
    vignettes = [v for path in paths for v in load_vignettes(path)]
    rows = run_vignettes(conversation, vignettes)
    safety = triage_safety(rows)
    (artifacts / f"vignettes-{name}.json").write_text(json.dumps(
        {key: {"value": rate.value, "cases": rate.cases} for key, rate in safety.items()}, indent=1, default=str))
    FIGURES[f"Triage vignettes: {name}"] = [f"{rate.name} {rate}" for rate in safety.values()] + [
        f"  {key}: {case['id']} -> {case['level']} {case['flags']}: {' | '.join(case['turns'])!r}"
        for key, rate in safety.items() if key != "benign_confirmation_rate" for case in rate.cases]
    return safety


def test_own_vignettes(conversation, artifacts):
    safety = run_set(conversation, artifacts, "own", [OWN_SET])
    assert not target_misses(safety, OWN_TARGETS), target_misses(safety, OWN_TARGETS)


@pytest.mark.parametrize("round_folder", ROUNDS, ids=[p.name for p in ROUNDS])
def test_red_team_round(conversation, artifacts, round_folder):
    safety = run_set(conversation, artifacts, round_folder.name, sorted(round_folder.glob("*.yml")))
    FIGURES[f"Triage vignettes: {round_folder.name}"].append(
        "  blind targets still missed: " + ("; ".join(target_misses(safety, BLIND_TARGETS)) or "none"))
    floors = floor_targets(FLOORS[round_folder.name])
    assert not target_misses(safety, floors), target_misses(safety, floors)


def test_there_are_red_team_rounds():
    assert len(ROUNDS) >= 1, "no blind red-team set under tests/vignettes/redteam/"


def test_every_round_has_floors_for_every_figure():
    for round_folder in ROUNDS:
        assert set(FLOORS.get(round_folder.name, {})) == set(BLIND_TARGETS), round_folder.name
