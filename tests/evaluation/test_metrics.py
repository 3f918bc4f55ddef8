"""The arithmetic behind the evaluation and benchmark reports."""
import random

import numpy as np
import pytest
from sklearn.metrics import f1_score, precision_score, recall_score

from evaluation.metrics import classify, level_confusion, percentile, ratio, triage_safety


@pytest.mark.parametrize("p, expected", [(0, 1.0), (50, 2.5), (100, 4.0), (25, 1.75), (95, 3.85)])
def test_percentile_interpolates_between_ranks(p, expected):
    assert percentile([4, 1, 3, 2], p) == pytest.approx(expected)


def test_percentile_agrees_with_numpy_on_latency_like_samples():
    rng = random.Random(7)
    samples = [rng.lognormvariate(4, 0.8) for _ in range(333)]
    for p in (50, 95, 99):
        assert percentile(samples, p) == pytest.approx(np.percentile(samples, p))


def test_percentile_refuses_nonsense():
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_ratio_is_ours_over_stock_and_none_without_both():
    assert ratio(150.0, 100.0) == pytest.approx(1.5)
    assert ratio(None, 100.0) is None
    assert ratio(1.0, None) is None
    assert ratio(1.0, 0.0) is None


def test_classification_matches_scikit_learn_macro_over_true_labels():
    truth = ["greet", "greet", "faq", "faq", "faq", "stop", "stop"]
    predicted = ["greet", "faq", "faq", "faq", "nlu_fallback", "stop", "greet"]
    result = classify(truth, predicted)
    labels = sorted(set(truth))
    assert result.accuracy == pytest.approx(4 / 7)
    assert result.macro_f1 == pytest.approx(f1_score(truth, predicted, labels=labels, average="macro"))
    for label in labels:
        scores = result.scores(label)
        assert scores.precision == pytest.approx(precision_score(truth, predicted, labels=[label], average="macro"))
        assert scores.recall == pytest.approx(recall_score(truth, predicted, labels=[label], average="macro"))
    assert result.scores("faq").support == 3


def test_confusion_rows_are_true_labels_and_predicted_only_labels_come_last():
    result = classify(["a", "a", "b"], ["a", "nlu_fallback", "a"])
    assert result.labels == ["a", "b", "nlu_fallback"]
    assert result.confusion == [[1, 0, 1], [1, 0, 0], [0, 0, 0]]


VIGNETTES = [
    {"id": "e1", "expected": "emergency", "level": "emergency"},
    {"id": "e2", "expected": "emergency", "level": "urgent"},  # under-triaged, still escalated
    {"id": "u1", "expected": "urgent", "level": "urgent"},
    {"id": "u2", "expected": "urgent", "level": None},  # a missed warning sign
    {"id": "n1", "expected": "none", "level": None},
    {"id": "n2", "expected": "none", "level": "urgent"},  # false alarm
    {"id": "r1", "expected": "routine", "level": "routine"},
    {"id": "s1", "expected": "second_opinion", "level": "second_opinion"},
    {"id": "s2", "expected": "second_opinion", "level": "emergency"},  # false alarm and a miss
]


def test_triage_safety_counts_and_lists_the_cases_behind_each_rate():
    safety = triage_safety(VIGNETTES)
    red = safety["red_flag_sensitivity"]
    assert (red.hits, red.total) == (3, 4)
    assert [r["id"] for r in red.cases] == ["u2"]
    emergency = safety["emergency_sensitivity"]
    assert (emergency.hits, emergency.total) == (1, 2)
    assert [r["id"] for r in emergency.cases] == ["e2"]
    alarms = safety["false_alarm_rate"]
    assert (alarms.hits, alarms.total) == (2, 5)
    assert [r["id"] for r in alarms.cases] == ["n2", "s2"]
    opinion = safety["second_opinion_accuracy"]
    assert (opinion.hits, opinion.total) == (1, 2)
    assert str(opinion) == "50.0% (1/2)"


def test_no_level_counts_as_none_and_unknown_levels_are_refused():
    table = level_confusion(VIGNETTES)
    assert table["urgent"]["none"] == 1
    assert table["none"]["none"] == 1
    with pytest.raises(ValueError):
        triage_safety([{"id": "x", "expected": "soon", "level": None}])


def test_a_rate_without_cases_says_so():
    safety = triage_safety([{"id": "n", "expected": "none", "level": None}])
    assert safety["emergency_sensitivity"].value is None
    assert "n/a" in str(safety["emergency_sensitivity"])


def test_a_red_flag_heard_as_another_red_flag_counts_as_recognised():
    from evaluation.metrics import recognised_within

    rows = [{"intent": "report_emergency", "predicted": "report_nerve_symptoms", "text": "a"},
            {"intent": "report_pain_worse", "predicted": "nlu_fallback", "text": "b"},
            {"intent": "greet", "predicted": "report_pain_worse", "text": "c"}]
    rate = recognised_within(rows, {"report_emergency", "report_nerve_symptoms", "report_pain_worse"}, "red flags")
    assert (rate.hits, rate.total) == (1, 2)
    assert [r["text"] for r in rate.cases] == ["b"]


def test_a_sign_caught_only_after_a_confirming_answer_is_not_a_same_reply_catch():
    rows = [
        {"id": "a", "expected": "urgent", "level": "urgent", "level_at_sign": None, "asked": True},
        {"id": "b", "expected": "emergency", "level": "emergency", "level_at_sign": "emergency"},
        {"id": "c", "expected": "none", "level": None, "asked": True},  # asked, then no alarm
        {"id": "d", "expected": "none", "level": None, "asked": False},
    ]
    safety = triage_safety(rows)
    assert (safety["red_flag_sensitivity"].hits, safety["red_flag_sensitivity"].total) == (2, 2)
    same = safety["same_reply_sensitivity"]
    assert (same.hits, same.total) == (1, 2)
    assert [r["id"] for r in same.cases] == ["a"]
    asked = safety["benign_confirmation_rate"]
    assert (asked.hits, asked.total) == (1, 2)
    assert [r["id"] for r in asked.cases] == ["c"]


def test_target_misses_names_each_figure_on_the_wrong_side_of_its_target():
    from evaluation.metrics import BLIND_TARGETS, target_misses

    rows = [{"id": f"u{i}", "expected": "urgent", "level": "urgent"} for i in range(99)]
    rows += [{"id": "missed", "expected": "urgent", "level": None}]
    rows += [{"id": f"n{i}", "expected": "none", "level": None} for i in range(19)]
    rows += [{"id": "alarm", "expected": "none", "level": "urgent"}]
    misses = target_misses(triage_safety(rows), BLIND_TARGETS)
    # 99/100 caught meets 99%; 1/20 false alarms meets 5%; no emergency or opinion to judge
    assert misses == []
    rows += [{"id": "alarm2", "expected": "none", "level": "emergency"}]
    misses = target_misses(triage_safety(rows), BLIND_TARGETS)
    assert len(misses) == 1 and misses[0].startswith("false-alarm rate 9.5% (2/21)")
