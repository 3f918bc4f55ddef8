"""Reading answers in the symptom check: yes/no, trend, time since the procedure."""
from datetime import date

import pytest

from actions.triage.answers import pain_trend, read_check_answer, stated_trend, yes_no
from actions.triage.detection import turn_context
from actions.triage.time_since import weeks_since

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.mark.parametrize(
    "intent, text, expected",
    [
        ("affirm", "/affirm", True), ("deny", "/deny", False),
        (None, "yeah", True), (None, "yes i do", True), (None, "a little", True),
        (None, "kinda", True), (None, "i think so", True),
        (None, "nope", False), (None, "not really", False), (None, "no i dont", False),
        (None, "none of those", False), (None, "i havent", False),
        (None, "not sure", None), (None, "maybe", None), (None, "i dont know", None),
        (None, "what do you mean", None), (None, "", None),
        # a question asked back holds yes-like words but answers nothing
        ("ask_what_to_do", "is that the right sort of progress or should it have gone by now?", None),
        ("faq", "should i be doing some stretches as well?", None),
        (None, "do I? yes i think so", True),
        # the same, after the words people open with
        ("ask_what_to_do", "Please what should I do?", None), (None, "ok so is that bad?", None),
        (None, "sorry, how can I do that?", None), (None, "yes I do", True), (None, "I do, since Monday", True),
    ],
)
def test_yes_no(intent, text, expected):
    assert yes_no(intent, text) is expected


@pytest.mark.parametrize(
    "intent, text, expected",
    [
        ("report_pain_improving", "/report_pain_improving", "better"),
        ("report_pain_not_improving", "", "same"),
        ("report_pain_worse", "", "worse"),
        # the classifier's "worse", against words that deny any change
        ("report_pain_worse", "About the same. Sore after walking but no worse than before", "same"),
        ("report_pain_worse", "no better, if anything worse", "worse"),
        # an appointment to come back is not the pain coming back
        ("report_pain_worse", "the doctor says come back in 3 months. Pain's about the same", "same"),
        ("report_pain_worse", "it was better but it's come back this week", "worse"),
        (None, "its getting worse", "worse"),
        # a denied change is no change
        (None, "hasn't shifted since week three, not worse, just there", "same"),
        (None, "it doesn't get any worse and doesn't get better", "same"),
        (None, "no worse than last month", "same"),
        (None, "a bit better i guess", "better"),
        (None, "about the same", "same"),
        (None, "not better at all", "same"),
        (None, "no change really", "same"),
        (None, "hmm", None),
        # in the languages patients mix into English
        (None, "sigue igual, ni mejor ni peor", "same"), (None, "dard waisa hi hai", "same"),
        (None, "ganun pa rin po", "same"), (None, "está peor que antes", "worse"),
        (None, "ab behtar hai", "better"), (None, "jest lepiej", "better"),
        # a denied change, said every way, is no change; a change beside it still counts
        (None, "not worse, still the same old ache", "same"),
        (None, "it hasn't really got better or worse", "same"),
        (None, "never really eased off tbh", "same"), (None, "stuck on a 6 for weeks", "same"),
        (None, "it isn't any better", "same"), (None, "couldn't be better!", "better"),
        (None, "it's not the same, it's worse", "worse"),
        # a dose increased is not the pain increasing
        (None, "they increased her patches and it's about the same", "same"),
        (None, "the pain has increased since friday", "worse"),
        (None, "the bone scan showed increased uptake, pain about the same", "same"),
    ],
)
def test_pain_trend(intent, text, expected):
    assert pain_trend(intent, text) == expected


@pytest.mark.parametrize(
    "intent, text, earlier, expected",
    [
        # the intent alone, as a from_intent mapping would read it
        ("report_pain_worse", "it's worse since the weekend", [], "worse"),
        ("report_pain_not_improving", "still no better", [], "same"),
        ("faq", "can I drive yet?", [], None),
        # scores in the message outrank the intent the classifier guessed
        ("report_pain_worse", "pain went from a 7 down to a 4 🙌", [], "better"),
        ("report_pain_worse", "was a 7 at christmas then a 6", [], "same"),
        # a score compared with the one an earlier message gave
        ("report_muscle_ache", "today it's about a 2, just stiff", ["pain score was a 6 last wk"], "better"),
        ("greet", "now an 8, can barely sit", ["it was a 3 on monday"], "worse"),
        # words that deny a change outrank the classifier's "worse" for them
        ("report_pain_worse", "it's not got better or worse, same dull ache since the op", [], "same"),
        ("report_pain_worse", "worse at night than in the day", [], "worse"),
        # no scores and no trend intent: nothing is said about the trend
        ("report_muscle_ache", "a bit stiff getting out of the car", ["it was a 5 yesterday"], None),
    ],
)
def test_stated_trend(intent, text, earlier, expected):
    context = turn_context(lambda slot: None, False, earlier)  # as the action reads the tracker
    assert stated_trend(intent, text, context.previous_pain_score, context.previous_bare_score) == expected


@pytest.mark.parametrize(
    "text, weeks",
    [
        ("3 weeks", 3.0), ("6 wks ago", 6.0), ("about two months", 8.7),
        ("a month and a half ago", 6.5), ("10 days", 1.4), ("since March 2", 38.1),
        ("on 11/2", 3.1), ("last tuesday", 1.0), ("yesterday", 0.1), ("six weeks", 6.0),
        ("a couple of weeks", 2.0), ("the kypho was on the 3rd of november", 3.0),
        ("in december", 51.1),
        ("3wks", 3.0), ("one and a half weeks", 1.5),
        ("dunno", None), ("it may hurt", None), ("", None),
        # "and" is not a number word followed by the unit "d(ay)"
        ("i wet myself and couldnt stop it", None), ("and then it hurt", None),
        # in the languages patients mix into English
        ("hace dos meses", 8.7), ("fue hace seis semanas", 6.0), ("un mes y medio", 6.5),
        ("teen hafte pehle", 3.0), ("operation ko 2 mahine ho gaye", 8.7), ("limang linggo na po", 5.0),
        ("apat na linggo na", 4.0), ("sześć tygodni temu", 6.0), ("il y a quatre semaines", 4.0),
        ("faz cinco semanas", 5.0), ("bốn tuần trước", 4.0),
        # Hindi numbers that are English words count only before a Hindi unit
        ("i do weeks of physio", None), ("teen weeks", None),
        # care-note shorthand: weeks over 52, months over 12 and days over 7
        ("now 5/52 post kyphoplasty", 5.0), ("4/12 post-op", 17.3), ("3/7 post procedure", 0.4),
        # a pain score is not a date
        ("kyphoplasty, pain 6/10", None), ("pain 3-4/10 since the op", None),
    ],
)
def test_weeks_since(text, weeks):
    assert weeks_since(text, TODAY) == weeks


def test_read_check_answer_takes_the_requested_answer_and_volunteered_signs():
    values = read_check_answer("pain_trend", None, "about the same, and my legs tingle",
                               {"sign_nerve_symptoms": "affirmed"}, TODAY)
    assert values == {"pain_trend": "same", "sign_nerve_symptoms": True}


def test_read_check_answer_reads_time_when_the_procedure_is_mentioned():
    values = read_check_answer(None, "report_persistent_pain",
                               "had my kyphoplasty 8 weeks ago and it still hurts", {}, TODAY)
    assert values == {"weeks_since_procedure": 8.0}


@pytest.mark.parametrize("text, weeks", [
    ("3 months on and still the same pain, not worse, not better", 13.0),
    ("8 weeks out and no better", 8.0),
    ("6 wks post and its not improving", 6.0),
    ("two weeks in and it isnt getting better", 2.0),
    # "it's been ...", "... now": the time since, said without naming the procedure
    ("its been 2 months n honestly no better", 8.7),
    ("It is 7 weeks now. The pain has not reduced at all, it is just the same", 7.0),
    # opening with when it was, after the procedure came up earlier
    ("it was 10 weeks ago on monday. no better, the same every day", 10.0),
    ("so about eight weeks now and it's the same ache as ever, not better", 8.0),
])
def test_the_message_that_starts_the_check_answers_time_and_trend(text, weeks):
    """"3 months on and still the same": neither question is asked again."""
    values = read_check_answer(None, "report_pain_not_improving", text, {}, TODAY)
    assert values == {"weeks_since_procedure": weeks, "pain_trend": "same"}


def test_a_duration_that_is_not_time_since_the_procedure_is_not_read():
    assert read_check_answer(None, "report_pain_not_improving",
                             "ive had back pain for 3 months and its not improving", {}, TODAY) == {
        "pain_trend": "same"}
    assert read_check_answer(None, "report_persistent_pain", "it hurts 3 days in a row", {}, TODAY) == {}
    assert read_check_answer(None, "report_pain_not_improving",
                             "it's been sore for six weeks now and no better", {}, TODAY) == {"pain_trend": "same"}


def test_read_check_answer_never_guesses():
    assert read_check_answer("weeks_since_procedure", None, "a while", {}, TODAY) == {}
    assert read_check_answer("sign_posture_change", None, "what?", {}, TODAY) == {}


def test_denied_sign_entity_answers_its_question():
    values = read_check_answer("sign_infection_signs", "report_infection_signs", "no fever",
                               {"sign_infection_signs": "negated"}, TODAY)
    assert values == {"sign_infection_signs": False}
