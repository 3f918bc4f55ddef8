"""The triage table: every row, and the combinations a clinician would check."""
import pytest

from actions.triage.rules import (
    EMERGENCY_GROUP_KEY,
    SECOND_OPINION_AFTER_WEEKS,
    SECOND_OPINION_REASONS,
    SIGNS_BY_KEY,
    WARNING_SIGNS,
    PatientReport,
    TriageLevel,
    assess,
    highest,
)

from pathlib import Path

ARTICLE = (Path(__file__).parents[2] / "docs" / "source-article.txt").read_text(encoding="utf-8")

URGENT_SIGNS = ["pain_worse", "pain_spreading", "nerve_symptoms", "posture_change", "infection_signs"]
EMERGENCY_SIGNS = [
    "bladder_bowel_control", "saddle_numbness", "sudden_weakness",
    "chest_pain", "shortness_of_breath", "coughing_blood", EMERGENCY_GROUP_KEY,
]


def report(**kwargs):
    for key in ("affirmed_signs", "denied_signs", "second_opinion_reasons"):
        if key in kwargs:
            kwargs[key] = frozenset(kwargs[key])
    return PatientReport(**kwargs)


@pytest.mark.parametrize("sign", URGENT_SIGNS)
def test_each_article_warning_sign_is_urgent(sign):
    outcome = assess(report(affirmed_signs={sign}))
    assert outcome.level is TriageLevel.URGENT
    assert outcome.red_flags == (sign,)
    assert SIGNS_BY_KEY[sign].label in outcome.reasons[0]


@pytest.mark.parametrize("sign", EMERGENCY_SIGNS)
def test_each_emergency_sign_is_emergency(sign):
    outcome = assess(report(affirmed_signs={sign}))
    assert outcome.level is TriageLevel.EMERGENCY
    assert outcome.red_flags == (sign,)


def test_table_marks_exactly_the_emergency_tier_as_beyond_the_article():
    beyond = {s.key for s in WARNING_SIGNS if s.beyond_article}
    assert beyond == set(EMERGENCY_SIGNS) - {EMERGENCY_GROUP_KEY}
    assert {s.key for s in WARNING_SIGNS if not s.beyond_article} == set(URGENT_SIGNS)


def test_article_rows_quote_the_article_verbatim():
    for sign in WARNING_SIGNS:
        if not sign.beyond_article:
            assert sign.source in ARTICLE, sign.key
    for reason in SECOND_OPINION_REASONS:
        assert reason.source in ARTICLE, reason.key


def test_several_signs_most_serious_first():
    outcome = assess(report(affirmed_signs={"nerve_symptoms", "chest_pain", "infection_signs"}))
    assert outcome.level is TriageLevel.EMERGENCY
    assert outcome.red_flags[0] == "chest_pain"
    assert set(outcome.red_flags) == {"nerve_symptoms", "chest_pain", "infection_signs"}
    assert len(outcome.reasons) == 3


def test_sign_plus_second_opinion_reasons_stays_urgent_and_keeps_both_reasons():
    outcome = assess(report(affirmed_signs={"posture_change"}, second_opinion_reasons={"unheard"}))
    assert outcome.level is TriageLevel.URGENT
    assert outcome.second_opinion_reasons == ("unheard",)
    assert any("unheard" in r for r in outcome.reasons)


def test_denied_signs_do_not_raise_the_level():
    outcome = assess(report(denied_signs=set(URGENT_SIGNS), weeks_since_procedure=2, pain_trend="better"))
    assert outcome.level is TriageLevel.ROUTINE
    assert outcome.red_flags == ()


@pytest.mark.parametrize("reason", ["unheard", "imaging_unclear", "advised_another_procedure"])
def test_each_second_opinion_reason(reason):
    outcome = assess(report(second_opinion_reasons={reason}))
    assert outcome.level is TriageLevel.SECOND_OPINION
    assert outcome.second_opinion_reasons == (reason,)


@pytest.mark.parametrize(
    "weeks, trend, level",
    [
        (SECOND_OPINION_AFTER_WEEKS, "same", TriageLevel.SECOND_OPINION),
        (SECOND_OPINION_AFTER_WEEKS + 6, "same", TriageLevel.SECOND_OPINION),
        (SECOND_OPINION_AFTER_WEEKS - 1, "same", TriageLevel.ROUTINE),
        (SECOND_OPINION_AFTER_WEEKS + 6, "better", TriageLevel.ROUTINE),
        (2, "better", TriageLevel.ROUTINE),
        (None, "same", TriageLevel.ROUTINE),
        (2, "worse", TriageLevel.URGENT),
        (SECOND_OPINION_AFTER_WEEKS + 1, "worse", TriageLevel.URGENT),
    ],
)
def test_time_and_trend(weeks, trend, level):
    outcome = assess(report(weeks_since_procedure=weeks, pain_trend=trend))
    assert outcome.level is level


def test_not_improving_after_threshold_is_the_not_improved_reason():
    outcome = assess(report(weeks_since_procedure=10, pain_trend="same"))
    assert outcome.second_opinion_reasons == ("not_improved",)


def test_worsening_pain_is_the_articles_first_sign():
    outcome = assess(report(weeks_since_procedure=3, pain_trend="worse"))
    assert outcome.red_flags == ("pain_worse",)


def test_routine_reason_says_it_is_expected():
    outcome = assess(report(weeks_since_procedure=2, pain_trend="better"))
    assert outcome.level is TriageLevel.ROUTINE
    assert "expected" in outcome.reasons[-1]


def test_level_never_goes_down():
    assert highest([TriageLevel.URGENT, TriageLevel.ROUTINE]) is TriageLevel.URGENT
    assert highest([None, TriageLevel.SECOND_OPINION]) is TriageLevel.SECOND_OPINION
    assert highest([None, None]) is None
    assert TriageLevel.from_slot("urgent") is TriageLevel.URGENT
    assert TriageLevel.EMERGENCY.slot_value == "emergency"
