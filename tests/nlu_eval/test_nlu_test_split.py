"""The held-out NLU test split (tests/nlu/, never used for training).

Thresholds from the Foundation issue: intent macro-F1 >= 0.95, and every red-flag
example recognised as a red-flag intent (which red flag may differ: the red-flag
policy treats them alike, but missing one would miss a warning sign).
The intent is the whole NLU pipeline's: the DIET classifier's guess, replaced by
addons/warning_sign_intent.py when the spaCy patterns found a sign affirmed that
the guess missed.
"""
import json

import pytest
from sklearn.metrics import classification_report, f1_score

from actions.triage.detection import RED_FLAG_INTENTS
from tests.conftest import FIGURES
from harness.processes import ROOT

pytestmark = pytest.mark.slow
MIN_MACRO_F1 = 0.95


@pytest.fixture(scope="module")
def predictions(agent, event_loop_for_agent):
    from rasa.shared.nlu.training_data.loading import load_data

    examples = load_data(str(ROOT / "tests" / "nlu")).intent_examples
    assert len(examples) > 200, "the test split is missing or too small"
    rows = []
    for example in examples:
        parsed = event_loop_for_agent.run_until_complete(agent.parse_message(example.get("text")))
        selected = parsed.get("response_selector", {}).get("faq", {}).get("response", {})
        rows.append({
            "text": example.get("text"),
            "intent": example.get("intent"),
            "predicted": parsed["intent"]["name"],
            "confidence": parsed["intent"]["confidence"],
            "response_key": example.get("intent_response_key"),
            "predicted_response_key": selected.get("intent_response_key"),
        })
    return rows


def test_intent_macro_f1(predictions, artifacts):
    truth = [r["intent"] for r in predictions]
    predicted = [r["predicted"] for r in predictions]
    labels = sorted(set(truth))
    macro_f1 = f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)
    accuracy = sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth)
    faq = [r for r in predictions if r["intent"] == "faq"]
    faq_accuracy = sum(r["response_key"] == r["predicted_response_key"] for r in faq) / max(len(faq), 1)
    report = classification_report(truth, predicted, labels=labels, zero_division=0, digits=3)
    errors = [r for r in predictions if r["intent"] != r["predicted"]]
    (artifacts / "nlu_test_split.json").write_text(json.dumps(
        {"macro_f1": macro_f1, "accuracy": accuracy, "faq_key_accuracy": faq_accuracy,
         "examples": len(predictions), "errors": errors}, indent=2))
    FIGURES["NLU test split"] = [
        f"examples {len(predictions)}  intent accuracy {accuracy:.3f}  macro-F1 {macro_f1:.3f} "
        f"(threshold {MIN_MACRO_F1})  FAQ answer accuracy {faq_accuracy:.3f}",
        f"misclassified: {len(errors)} (tests/artifacts/nlu_test_split.json)",
    ]
    assert macro_f1 >= MIN_MACRO_F1, report


def test_every_red_flag_example_is_recognised_as_a_red_flag(predictions):
    missed = [
        f"{r['text']!r}: {r['intent']} -> {r['predicted']}"
        for r in predictions
        if r["intent"] in RED_FLAG_INTENTS and r["predicted"] not in RED_FLAG_INTENTS
    ]
    total = sum(r["intent"] in RED_FLAG_INTENTS for r in predictions)
    FIGURES.setdefault("NLU test split", []).append(
        f"red-flag examples recognised as red flags: {total - len(missed)}/{total}"
    )
    assert not missed, "\n".join(missed)
