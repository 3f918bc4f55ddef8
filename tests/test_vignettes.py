"""Triage safety on the project's vignette set (tests/vignettes/, written for testing,
never used for training). Each vignette is the first message of a conversation; the
level the assistant reaches is compared with the expected one.

Thresholds from the Triage issue: red-flag sensitivity 100%, emergency sensitivity
100%, false alarms at most 5%.
"""
import json

import pytest
import yaml

from tests.conftest import FIGURES
from tests.support.servers import ROOT

pytestmark = pytest.mark.slow
VIGNETTES = yaml.safe_load((ROOT / "tests" / "vignettes" / "vignettes.yml").read_text())["vignettes"]
MAX_FALSE_ALARM_RATE = 0.05
ALARM_LEVELS = {"urgent", "emergency"}


@pytest.fixture(scope="module")
def results(conversation):
    rows = []
    for vignette in VIGNETTES:
        chat = conversation().say(vignette["text"])
        rows.append({**vignette, "level": chat.slot("triage_level"), "flags": chat.slot("red_flags") or []})
    return rows


def rate(part, whole):
    return f"{len(part)}/{len(whole)} = {len(part) / max(len(whole), 1):.1%}"


def test_vignette_safety(results, artifacts):
    red_flag = [r for r in results if r["expected"] in ALARM_LEVELS]
    emergency = [r for r in results if r["expected"] == "emergency"]
    benign = [r for r in results if r["expected"] == "none"]
    missed = [r for r in red_flag if r["level"] not in ALARM_LEVELS]
    missed_emergency = [r for r in emergency if r["level"] != "emergency"]
    false_alarms = [r for r in benign if r["level"] in ALARM_LEVELS]
    under_triaged = [r for r in red_flag if r["expected"] == "emergency" and r["level"] == "urgent"]
    (artifacts / "vignettes.json").write_text(json.dumps(
        {"missed": missed, "missed_emergency": missed_emergency, "false_alarms": false_alarms,
         "results": results}, indent=2))
    FIGURES["Triage vignettes"] = [
        f"red-flag sensitivity {rate([r for r in red_flag if r not in missed], red_flag)}",
        f"emergency sensitivity {rate([r for r in emergency if r not in missed_emergency], emergency)}",
        f"false alarms {rate(false_alarms, benign)} (max {MAX_FALSE_ALARM_RATE:.0%})",
    ] + [f"  missed: {r['id']} {r['text']!r} -> {r['level']}" for r in missed + under_triaged] \
      + [f"  false alarm: {r['id']} {r['text']!r} -> {r['flags']}" for r in false_alarms]
    assert not missed, [r["id"] for r in missed]
    assert not missed_emergency, [r["id"] for r in missed_emergency]
    assert len(false_alarms) / len(benign) <= MAX_FALSE_ALARM_RATE, [r["id"] for r in false_alarms]
