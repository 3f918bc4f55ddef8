"""`make eval`: how well the assistant understands patients and how safe its triage
is, with a TF-IDF baseline beside it, in one Markdown report (reports/eval/latest/).

Environment: EVAL_CV_FOLDS (default 5), EVAL_CV_EPOCHS (default: the epochs of
config.yml), EVAL_CV=0 to skip cross-validation, EVAL_VIGNETTES (default
tests/vignettes/vignettes.yml), MODEL (default models/kyphoplasty-assistant.tar.gz).
"""
from __future__ import annotations

import asyncio
from dataclasses import asdict
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import yaml

from evaluation import baseline, plots
from evaluation.metrics import (TRIAGE_LEVELS, Classification, Rate, classify, level_confusion,
                                recognised_within, triage_safety)
from evaluation.nlu_data import load_examples
from evaluation.nlu_eval import CrossValidation, Prediction, baseline_predictions, cross_validate, faq_answer_accuracy, parse_all
from evaluation.report import ROOT, machine, machine_lines, num, pct, previous_summary, publish, staging, table, delta
from evaluation.quiet import quiet_rasa
from evaluation.vignettes import load_vignettes, run_vignettes

KIND = "eval"
TIMES: Dict[str, float] = {}


@contextmanager
def timed(stage: str) -> Iterator[None]:
    print(f"[eval] {stage}...", flush=True)
    start = time.monotonic()
    yield
    TIMES[stage] = time.monotonic() - start
    print(f"[eval] {stage}: {TIMES[stage]:.0f} s", flush=True)


def score(rows: List[Prediction]) -> Classification:
    return classify([r.intent for r in rows], [r.predicted for r in rows])


def red_flags_heard(rows: List[Prediction]) -> Rate:
    from actions.triage.detection import RED_FLAG_INTENTS

    return recognised_within([asdict(r) for r in rows], RED_FLAG_INTENTS, "red-flag examples heard as a red flag")


def assistant_run(model: Path, test_examples, vignettes, scratch: Path):
    """The test split through the trained model's NLU, and the vignettes through the
    whole assistant with its action server."""
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    from harness.conversation import Conversation
    from harness.processes import action_server

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        with action_server(scratch) as endpoint:
            with timed("load the trained assistant"):
                agent = Agent.load(str(model), action_endpoint=EndpointConfig(url=endpoint))
            with timed("parse the test split"):
                predictions = parse_all(agent, loop, test_examples)
            rows = None
            if vignettes is not None:
                with timed("run the triage vignettes"):
                    rows = run_vignettes(lambda: Conversation(agent, loop), vignettes)
        return predictions, rows
    finally:
        loop.close()


def main() -> int:
    quiet_rasa()
    info = machine()
    model = ROOT / os.environ.get("MODEL", "models/kyphoplasty-assistant.tar.gz")
    vignette_path = ROOT / os.environ.get("EVAL_VIGNETTES", "tests/vignettes/vignettes.yml")
    folds = int(os.environ.get("EVAL_CV_FOLDS", "5"))
    cv_epochs = int(os.environ["EVAL_CV_EPOCHS"]) if os.environ.get("EVAL_CV_EPOCHS") else None
    run_cv = os.environ.get("EVAL_CV", "1") != "0"
    if not model.exists():
        print(f"{model} is missing: run `make train`", file=sys.stderr)
        return 2
    folder = staging(KIND)
    scratch = folder.parent / f"{KIND}-raw"
    scratch.mkdir(exist_ok=True)
    previous = previous_summary(KIND)

    train_examples = load_examples(ROOT / "data" / "nlu")
    test_examples = load_examples(ROOT / "tests" / "nlu")
    vignettes = load_vignettes(vignette_path) if vignette_path.exists() else None

    rasa_test, vignette_rows = assistant_run(model, test_examples, vignettes, scratch)
    with timed("train and score the baseline"):
        baseline_model = baseline.train(train_examples)
        base_test = baseline_predictions(baseline_model, test_examples)
    cv: Optional[CrossValidation] = None
    if run_cv:
        config = yaml.safe_load((ROOT / "config.yml").read_text())
        with timed(f"{folds}-fold cross-validation"):
            cv = cross_validate(config, ROOT / "data" / "nlu", folds, cv_epochs)

    results = {"rasa_test": score(rasa_test), "baseline_test": score(base_test)}
    if cv:
        results.update(rasa_cv=score(cv.rasa), baseline_cv=score(cv.baseline))
    pictures = {
        "rasa_test": plots.confusion_matrix(results["rasa_test"], "Assistant NLU, held-out test split",
                                            folder / "confusion-test-split.png"),
        "baseline_test": plots.confusion_matrix(results["baseline_test"], "TF-IDF baseline, held-out test split",
                                                folder / "confusion-test-split-baseline.png"),
    }
    if cv:
        pictures["rasa_cv"] = plots.confusion_matrix(
            results["rasa_cv"], f"Assistant NLU, {folds}-fold cross-validation on the training data",
            folder / "confusion-cross-validation.png")
    safety = triage_safety(vignette_rows) if vignette_rows is not None else None

    summary = headline(results, rasa_test, base_test, cv, safety)
    markdown = render(info, summary, previous, results, rasa_test, base_test, cv, safety, vignette_rows,
                      vignette_path, pictures, baseline.chosen_c(baseline_model), len(train_examples),
                      cv_epochs)
    (folder / "README.md").write_text(markdown)
    latest = publish(KIND, folder, {**summary, "date": info["date"], "commit": info["commit"]})
    print(f"[eval] report: {latest.relative_to(ROOT)}/README.md")
    for name, value in summary.items():
        print(f"  {name}: {value}")
    return 0


def headline(results, rasa_test, base_test, cv, safety) -> Dict[str, Any]:
    out: Dict[str, Any] = {
        "test_red_flags_heard": red_flags_heard(rasa_test).value,
        "baseline_test_red_flags_heard": red_flags_heard(base_test).value,
        "test_accuracy": results["rasa_test"].accuracy,
        "test_macro_f1": results["rasa_test"].macro_f1,
        "test_faq_answer_accuracy": faq_answer_accuracy(rasa_test),
        "baseline_test_accuracy": results["baseline_test"].accuracy,
        "baseline_test_macro_f1": results["baseline_test"].macro_f1,
        "baseline_test_faq_answer_accuracy": faq_answer_accuracy(base_test),
    }
    if cv:
        out.update(cv_accuracy=results["rasa_cv"].accuracy, cv_macro_f1=results["rasa_cv"].macro_f1,
                   cv_faq_answer_accuracy=faq_answer_accuracy(cv.rasa),
                   baseline_cv_accuracy=results["baseline_cv"].accuracy,
                   baseline_cv_macro_f1=results["baseline_cv"].macro_f1,
                   baseline_cv_faq_answer_accuracy=faq_answer_accuracy(cv.baseline))
    if safety:
        out.update({name: rate.value for name, rate in safety.items()})
    return out


HEADLINE_ROWS = [
    # (name in the summary, label, baseline's name or None, is a rate shown in %)
    ("test_accuracy", "Test split: intent accuracy", "baseline_test_accuracy", False),
    ("test_macro_f1", "Test split: intent macro-F1", "baseline_test_macro_f1", False),
    ("test_faq_answer_accuracy", "Test split: FAQ answer accuracy", "baseline_test_faq_answer_accuracy", False),
    ("test_red_flags_heard", "Test split: red-flag examples heard as a red flag", "baseline_test_red_flags_heard", True),
    ("cv_accuracy", "Cross-validation: intent accuracy", "baseline_cv_accuracy", False),
    ("cv_macro_f1", "Cross-validation: intent macro-F1", "baseline_cv_macro_f1", False),
    ("cv_faq_answer_accuracy", "Cross-validation: FAQ answer accuracy", "baseline_cv_faq_answer_accuracy", False),
    ("red_flag_sensitivity", "Triage: red-flag sensitivity", None, True),
    ("emergency_sensitivity", "Triage: emergency sensitivity", None, True),
    ("false_alarm_rate", "Triage: false-alarm rate", None, True),
    ("second_opinion_accuracy", "Triage: second-opinion accuracy", None, True),
]


def render(info, summary, previous, results, rasa_test, base_test, cv, safety, vignette_rows,
           vignette_path, pictures, chosen_c, n_train, cv_epochs) -> str:
    fmt = lambda v, rate: pct(v) if rate else num(v)  # noqa: E731
    rows = []
    for name, label, base, rate in HEADLINE_ROWS:
        if name not in summary:
            continue
        value = str(safety[name]) if safety and name in safety else fmt(summary[name], rate)
        rows.append([label, value,
                     fmt(summary.get(base), rate) if base else "",
                     fmt(previous.get(name), rate), delta(summary[name], previous.get(name))])
    md = ["# Evaluation: understanding and safety\n", machine_lines(info),
          f"- Data: {n_train} training examples (`data/nlu/`), {results['rasa_test'].examples} held-out "
          f"test examples (`tests/nlu/`), model `{os.environ.get('MODEL', 'models/kyphoplasty-assistant.tar.gz')}`\n",
          "- Regenerate: `make eval` (previous report: [../previous/README.md](../previous/README.md))\n",
          "\n## Summary\n\n",
          table(["figure", "assistant", "TF-IDF baseline",
                 f"previous report ({previous.get('date', 'none')})", "change"], rows)]
    md.append(nlu_section("NLU on the held-out test split", results["rasa_test"], results["baseline_test"],
                          rasa_test, pictures, "rasa_test"))
    heard = red_flags_heard(rasa_test)
    md.append(f"\n**Red-flag examples heard as a red flag** (any of the red-flag intents: the red-flag "
              f"policy treats them alike): assistant {heard}, baseline {red_flags_heard(base_test)}.\n\n")
    if heard.cases:
        md.append(table(["missed warning sign", "intent", "predicted"],
                        [[r["text"], r["intent"], r["predicted"]] for r in heard.cases]))
    md.append(f"\n![Baseline confusion matrix]({pictures['baseline_test'].name})\n")
    if cv:
        epochs = f"{cv_epochs} epochs for DIET and the response selector (config.yml has more; "\
                 "set EVAL_CV_EPOCHS to change)" if cv_epochs else "the epochs of config.yml"
        md.append(
            f"\n## {cv.folds}-fold cross-validation on the training data\n\n"
            f"What `rasa test nlu --cross-validation` does: the NLU pipeline of `config.yml` only "
            f"(no dialogue policies) trained {cv.folds} times with {epochs}, on Rasa's own stratified "
            f"folds (seeded), each fold scored on the examples it did not see, like the test split "
            f"(a fallback counts as a miss). The baseline is trained and scored on the same folds. "
            f"Took {sum(cv.fold_seconds) / 60:.1f} minutes "
            f"({', '.join(f'{s:.0f}' for s in cv.fold_seconds)} s per fold, training included; a fold "
            f"trained before on the same data and config is restored from Rasa's training cache, "
            f"`.rasa/cache`, in seconds).\n")
        md.append(nlu_section(None, results["rasa_cv"], results["baseline_cv"], cv.rasa, pictures, "rasa_cv"))
    md.append(
        "\n## The baseline\n\n"
        "TF-IDF of words and word pairs (sublinear term frequency) with a logistic regression "
        "(scikit-learn), trained on the same `data/nlu/` examples with each FAQ answer as its own "
        f"class, so it answers both questions the assistant answers. Regularisation C = {chosen_c:g}, "
        "chosen by 3-fold cross-validation on the training data only (grid "
        f"{', '.join(f'{c:g}' for c in baseline.C_GRID)}). No fallback: it always guesses.\n")
    md.append(triage_section(safety, vignette_rows, vignette_path))
    md.append("\n## Run times\n\n" + table(["stage", "seconds"], [[k, f"{v:.0f}"] for k, v in TIMES.items()]))
    return "".join(md)


def nlu_section(title, rasa: Classification, base: Classification, rows: List[Prediction], pictures, key) -> str:
    md = [f"\n## {title}\n\n" if title else "",
          f"Assistant: accuracy **{rasa.accuracy:.3f}**, macro-F1 **{rasa.macro_f1:.3f}**, "
          f"FAQ answer accuracy {num(faq_answer_accuracy(rows))}. "
          f"Baseline: accuracy {base.accuracy:.3f}, macro-F1 {base.macro_f1:.3f}.\n\n",
          f"![Confusion matrix]({pictures[key].name})\n\n"]
    md.append(table(
        ["intent", "examples", "precision", "recall", "F1", "baseline F1"],
        [[s.label, s.support, num(s.precision), num(s.recall), num(s.f1), num(base.scores(s.label).f1)]
         for s in rasa.per_label]))
    errors = [r for r in rows if r.intent != r.predicted]
    fallbacks = sum(r.predicted == "nlu_fallback" for r in errors)
    md.append(f"\n{len(errors)} misclassified, of which {fallbacks} fell back (`nlu_fallback`: the assistant "
              f"asks the patient to rephrase or choose) and {len(errors) - fallbacks} were taken for another "
              "intent.\n")
    md.append(f"\n<details><summary>{len(errors)} misclassified examples</summary>\n\n")
    md.append(table(["text", "intent", "predicted", "confidence"],
                    [[r.text, r.intent, r.predicted, num(r.confidence, 2)] for r in errors]))
    md.append("\n</details>\n")
    return "".join(md)


def triage_section(safety, rows, path: Path) -> str:
    md = ["\n## Triage safety on the vignettes\n\n"]
    if safety is None:
        md.append(f"`{path.relative_to(ROOT)}` is not in this checkout: no triage figures. "
                  "Its format: `vignettes: [{id, text, expected}]`, expected one of "
                  f"{', '.join(TRIAGE_LEVELS)}.\n")
        return "".join(md)
    md.append(
        f"{len(rows)} vignettes from `{path.relative_to(ROOT)}` (written for testing, never trained on), "
        "each the first message of a new conversation with the whole assistant (NLU, red-flag "
        "policy, custom actions on a real action server); the level reached is the `triage_level` "
        "slot (none when unset).\n\n"
        "- **Red-flag sensitivity**: expected urgent or emergency, reached urgent or emergency.\n"
        "- **Emergency sensitivity**: expected emergency, reached emergency.\n"
        "- **False-alarm rate**: expected none, routine or second_opinion, reached urgent or emergency.\n"
        "- **Second-opinion accuracy**: expected second_opinion, reached second_opinion.\n\n")
    md.append(table(["figure", "value (count)", "cases listed below"],
                    [[rate.name, str(rate), len(rate.cases)] for rate in safety.values()]))
    for rate in safety.values():
        if rate.cases:
            kind = "false alarms" if rate.name == "false-alarm rate" else "misses"
            md.append(f"\n**{rate.name}: {kind}**\n\n")
            md.append(table(["id", "text", "expected", "reached", "red flags"],
                            [[r["id"], r["text"], r["expected"], r["level"], ", ".join(r["flags"])]
                             for r in rate.cases]))
    confusion = level_confusion(rows)
    md.append("\n**Expected level (rows) against the level reached (columns)**\n\n")
    md.append(table(["expected \\ reached", *TRIAGE_LEVELS],
                    [[e, *[confusion[e][r] or "" for r in TRIAGE_LEVELS]] for e in TRIAGE_LEVELS]))
    return "".join(md)


if __name__ == "__main__":
    sys.exit(main())
