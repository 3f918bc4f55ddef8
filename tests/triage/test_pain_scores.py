"""Pain scores compared in one message: the numbers say which way the pain went."""
import pytest

from actions.triage.answers import pain_trend
from actions.triage.detection import red_flags_in_message
from actions.triage.pain_scores import lone_score, pain_score_trend, previous_pain_score, rose_since, trend_across_messages
from tests.support.turns import read_turn


@pytest.mark.parametrize(
    "text, trend",
    [
        ("pain is about 2 out of 10 now, was 8 before the kyphoplasty", "better"),
        ("pain 8/10 today, last week it was 3/10", "worse"),
        ("my pain went from 3/10 to 8/10 overnight", "worse"),
        ("from 8 to 2 out of 10", "better"),
        ("now 2/10 but was 9/10 before the op", "better"),
        ("pain score now 6, was 2 yesterday", "worse"),
        ("pain was 5 now 5", "same"),
        # no comparison of scores: weeks, doses, one score alone
        ("the kyphoplasty was 8 weeks ago, now 2 weeks of physio done, pain ok", None),
        ("i take 2 tablets now for the pain, was 4 before", None),
        ("the pain is 7 out of 10", None),
        ("it was 3 weeks and now 7 weeks", None),  # durations, not scores
        # ratings said with when each was, no scale named
        ("was 3 last time, now 7", "worse"),
        ("about a 2 now, was an 8", "better"),
        ("was a 4 yesterday, a 5 today", "same"),  # one point is a day's wander
        # an undated score written before the one said to be now was the earlier one
        ("relief for weeks, nrs down to 2 by the end of october. now it's 8/10", "worse"),
        ("pain 3/10 at the start of the week then 7/10 tonight", "worse"),
        ("vas 7 went down to 3 with the new patches", "better"),
        ("it was a 4 to begin with, it has gone up to a 9", "worse"),
        ("i take 2 down to 1 tablet at night", None),  # doses, not scores
        # a score after "then" follows the one before it
        ("it was an 8 at the start of the month, then a 7", "same"),
        ("a 7 two weeks ago, then a 4", "better"),
    ],
)
def test_pain_score_trend(text, trend):
    assert pain_score_trend(text) == trend


def test_falling_scores_answer_the_trend_question_whatever_the_intent_guessed():
    assert pain_trend("report_pain_worse", "about 2 out of 10 now, was 8") == "better"


def test_falling_scores_contradict_a_guess_that_the_pain_got_worse():
    text = "pain is about 2 out of 10 now, was 8 before the kyphoplasty"
    assert red_flags_in_message("report_pain_worse", [], text=text) == frozenset()


def test_rising_scores_report_the_sign_whatever_the_intent():
    text = "pain 8/10 today, last week it was 3/10"
    assert red_flags_in_message("report_persistent_pain", [], text=text) == {"pain_worse"}


def test_falling_scores_do_not_hide_another_sign():
    text = "pain 2/10 now, was 8, but my legs are numb"
    entities = [{"entity": "symptom", "value": "nerve_symptoms", "role": "affirmed"}]
    assert red_flags_in_message("report_pain_worse", entities, text=text) == {"nerve_symptoms"}


@pytest.mark.parametrize(
    "earlier_message, message, rose",
    [
        # a rating that opens the message, said with when it is
        ("it was about a 2 last week", "7 today", True),
        ("pain was a 3 on monday", "better. 6 this morning", True),
        ("it was a 6 yesterday", "4 today", False),
        # counts, doses and times are not ratings
        ("pain was a 2 on monday", "i take 2 now", False),
        ("pain was a 2 on monday", "walked 6 miles today", False),
    ],
)
def test_a_rating_said_with_when_is_compared_with_the_last_one(earlier_message, message, rose):
    assert rose_since(previous_pain_score([earlier_message]), message) is rose


@pytest.mark.parametrize(
    "text, trend",
    [
        # ratings said in words, as dictation writes them
        ("pain was eight yesterday, now it's three", "better"),
        ("was a two last time, now a seven", "worse"),
        # "one" is mostly not a number
        ("one of my legs aches, it was a six last week", None),
    ],
)
def test_ratings_said_in_words(text, trend):
    assert pain_score_trend(text) == trend


def test_a_falling_series_told_in_words_is_no_worse_whatever_the_intent_guessed():
    earlier = ["my pain was a seven on saturday", "down to a five sunday"]
    reading = read_turn("and this morning it's a three, walked round the garden", earlier, "report_pain_worse")
    assert reading.reported == frozenset()


def test_the_earlier_score_told_after_the_current_one_is_a_rise():
    # "8" alone, then what it was before; nothing else in the words says worse
    assert read_turn("was a 2 last wk", ["8"], "report_persistent_pain", sign_scores={}).reported == {"pain_worse"}
    assert trend_across_messages(None, "was a 2 last wk", previous_bare=8) == "worse"


def test_a_number_alone_is_no_score_for_what_comes_after_it_when_the_words_say_no_change():
    # "6" may answer "how many weeks ago?": "same really, now an 8" is no rise from it
    assert trend_across_messages(None, "same really, it's an 8 now", previous_bare=6) is None


def test_numbers_alone_then_a_higher_one_now_is_a_rise():
    # replies to a check-in's 0-10 question: "2", then "7 now"
    assert trend_across_messages(None, "7 now", previous_bare=2) == "worse"
    assert read_turn("9 today, could hardly get out of bed", ["4"], "report_persistent_pain",
                     sign_scores={}).reported == {"pain_worse"}
    assert trend_across_messages(None, "3 now", previous_bare=4) is None


@pytest.mark.parametrize(
    "text, lone",
    [
        ("mum's pain was a 7 the week after", True),
        ("pain was a 7 wk 1", True),  # a 7 in week one, not seven weeks
        ("it's about a six today", True),
        # words of change, the other score garbled by dictation or left out
        ("it went from a to to a nine overnight", False),
        ("shot up to an 8 this morning", False),
        ("no score here at all", False),
    ],
)
def test_a_lone_score_says_no_direction_unless_told_as_a_change(text, lone):
    assert lone_score(text) is lone
