"""What a patient types after the assistant asked or advised something: answers in
free text, follow-up questions, and signs said while answering another question.
These are the four defects of the Safety issue, each typed as a patient types it.

Runs the trained model end to end: spaCy pipeline, NLU, RedFlagPolicy, action server.
"""
import pytest

pytestmark = pytest.mark.slow

CLINIC_PHONE = "(555) 010-0199"  # clinic.yml
EMERGENCY_NUMBER = "911"


# --- 1. A typed answer to the assistant's own confirming question counts -------------

NEIGHBOURS_SIGN = "my neighbour says her legs went numb this morning"


@pytest.mark.parametrize("answer", ["yes", "yes she is", "yep thats her", "that's right, she had the kyphoplasty"])
def test_typed_yes_to_is_it_the_patient_escalates(conversation, answer):
    chat = conversation().say(NEIGHBOURS_SIGN)
    assert "utter_confirm_whose_sign" in chat.responses
    assert chat.slot("triage_level") is None
    chat.say(answer)
    assert "action_escalate_red_flags" in chat.actions
    assert chat.slot("triage_level") == "urgent"
    assert "nerve_symptoms" in chat.slot("red_flags")
    assert CLINIC_PHONE in chat.text


def test_a_description_of_the_sign_answers_the_question_and_is_not_asked_again(conversation):
    chat = conversation().say(NEIGHBOURS_SIGN)
    chat.say("her legs are completely numb now and she can feel pins and needles")
    assert chat.slot("triage_level") == "urgent"
    assert "utter_confirm_whose_sign" not in chat.responses


@pytest.mark.parametrize("answer", ["no", "no, she's never had the operation", "not at all"])
def test_typed_no_is_acknowledged_without_an_alarm(conversation, answer):
    chat = conversation().say(NEIGHBOURS_SIGN)
    chat.say(answer)
    assert "action_escalate_red_flags" not in chat.actions
    assert chat.slot("triage_level") is None
    assert "utter_sign_not_confirmed" in chat.responses
    chat.say("thanks")  # the question is over: nothing is read as its answer any more
    assert chat.slot("triage_level") is None


def test_the_confirming_question_is_never_asked_twice(conversation):
    chat = conversation().say(NEIGHBOURS_SIGN)
    chat.say("hmm")
    # no answer either way: the safe advice, said as such, never the question again
    assert "utter_confirmation_unclear" in chat.responses
    assert chat.slot("triage_level") == "urgent"
    assert "utter_confirm_whose_sign" not in chat.responses


def test_a_close_relatives_sign_is_the_patients_without_a_question(conversation):
    # written to a kyphoplasty clinic, "my sister" with a sign is the patient unless the
    # message says otherwise (she lives abroad, never had the operation, a story)
    chat = conversation().say("my sister says her legs went numb this morning")
    assert chat.slot("triage_level") == "urgent"
    assert "utter_confirm_whose_sign" not in chat.responses


# --- 2. The classifier's guess alone raises no alarm -----------------------------------

@pytest.mark.parametrize("text", [
    "sorry, typo, that was meant for my daughter",
    "slept like a log last night, a bit sore but better every day",
    "hi is this the pharmacy? i wanted to order a repeat prescription",
    "walked to the end of the garden and back today without my stick!",
])
def test_messages_with_nothing_alarming_in_their_words_raise_no_alarm(conversation, text):
    chat = conversation().say(text)
    assert chat.slot("triage_level") not in ("urgent", "emergency")
    assert not [c for c in chat.custom if c.get("type") == "triage_banner"]


# --- 3. "What should I do?" after an outcome gets that outcome again ---------------------

@pytest.mark.parametrize("question", ["what should I do?", "so what do we do now", "what should she do?",
                                      "can it wait until monday?"])
def test_what_to_do_after_an_urgent_escalation_repeats_the_advice(conversation, question):
    chat = conversation().say("my legs have been tingling and numb since yesterday")
    assert chat.slot("triage_level") == "urgent"
    chat.say(question)
    assert "utter_escalate_urgent" in chat.responses
    assert CLINIC_PHONE in chat.text
    assert "utter_faq" not in chat.actions


def test_what_to_do_after_an_emergency_gives_the_emergency_number_again(conversation):
    chat = conversation().say("i have crushing chest pain")
    assert chat.slot("triage_level") == "emergency"
    chat.say("what should i do")
    assert "utter_escalate_emergency" in chat.responses
    assert EMERGENCY_NUMBER in chat.text


def test_what_to_do_before_any_outcome_invites_a_description(conversation):
    chat = conversation().say("what should i do?")
    assert "utter_what_to_do_no_outcome" in chat.responses
    assert chat.slot("triage_level") is None


# --- 4. A sign said while answering a form question is not dropped -----------------------

def test_a_sign_given_with_the_answer_to_how_long_ago_is_escalated_and_the_answer_kept(conversation):
    chat = conversation().say("check my symptoms")
    assert chat.active_form == "symptom_check_form"
    chat.say("About five weeks. I've been running hot and cold since last night")
    assert chat.slot("weeks_since_procedure") == 5.0
    assert chat.slot("triage_level") == "urgent"
    assert "infection_signs" in chat.slot("red_flags")


def test_a_sign_given_with_the_answer_to_the_trend_question_is_escalated(conversation):
    chat = conversation().say("check my symptoms")
    chat.say("6 weeks ago")
    chat.say("about the same really, but my left foot has gone numb")
    assert chat.slot("pain_trend") == "same"
    assert chat.slot("triage_level") == "urgent"
    assert "nerve_symptoms" in chat.slot("red_flags")


# --- Pain told as numbers across turns ------------------------------------------------------

def test_a_pain_score_that_rises_across_messages_is_the_articles_first_sign(conversation):
    chat = conversation().say("it was a 3 last week")
    assert chat.slot("triage_level") not in ("urgent", "emergency")
    chat.say("now it's a 9")
    assert chat.slot("triage_level") == "urgent"
    assert "pain_worse" in chat.slot("red_flags")


def test_a_pain_score_that_falls_across_messages_is_no_alarm(conversation):
    chat = conversation().say("pain was a 7 the week after the op")
    chat.say("it's a 3 now")
    assert chat.slot("triage_level") not in ("urgent", "emergency")


@pytest.mark.parametrize("turns", [
    # falling scores, told one at a time, with an emoji or wording the classifier may
    # read as "worse": the numbers decide the trend the symptom check records
    ["pain diary 📉 it was a 7 a fortnight ago, then a 6", "about a 4 now. 9 weeks since my kyphoplasty, just stiff first thing"],
    ["scores going the right way: was an 8 at christmas", "today a 5. it's been 10 weeks since the op"],
])
def test_scores_that_fall_are_recorded_as_no_worse_whatever_the_intent(conversation, turns):
    chat = conversation()
    for turn in turns:
        chat.say(turn)
    assert chat.slot("pain_trend") != "worse"
    assert chat.slot("triage_level") not in ("urgent", "emergency")
    assert "pain_worse" not in (chat.slot("red_flags") or [])
