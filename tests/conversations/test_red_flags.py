"""Warning signs are escalated in the same reply, wherever the conversation is; talk
about a sign that is not the patient's (negated, hypothetical, resolved, someone
else's) is not.

Runs the trained model end to end: spaCy pipeline, NLU, RedFlagPolicy, action server.
"""
import pytest

pytestmark = pytest.mark.slow

URGENT_REPORTS = {
    "pain_worse": "it was so much better after the kyphoplasty but now the pain came back suddenly and its worse",
    "pain_spreading": "the pain is spreading down into my left leg now",
    "nerve_symptoms": "my legs feel numb and tingly since yesterday",
    "posture_change": "my husband says im more hunched over than last month, my posture is getting worse",
    "infection_signs": "i have a fever and the spot where they did the procedure is red",
}
EMERGENCY_REPORTS = {
    "bladder_bowel_control": "i wet myself this morning and couldnt control it",
    "saddle_numbness": "my groin and inner thighs feel numb",
    "sudden_weakness": "i suddenly cant stand up, my legs gave out",
    "chest_pain": "i have chest pain",
    "shortness_of_breath": "i cant breathe properly, really short of breath",
    "coughing_blood": "i am coughing up blood",
}


ALL_REPORTS = {**URGENT_REPORTS, **EMERGENCY_REPORTS}
# The same signs in a caregiver's voice: they count for the patient.
CAREGIVER_REPORTS = {
    "pain_worse": "my dad had kyphoplasty last month, he was doing well but since yesterday his back pain is suddenly much worse",
    "pain_spreading": "my wife had her kyphoplasty 4 weeks ago and now the pain is spreading down into her legs",
    "nerve_symptoms": "my mother had kyphoplasty and now her legs are numb",
    "posture_change": "i look after my nan since her kyphoplasty and she is getting more hunched every week",
    "infection_signs": "my husband had his kyphoplasty last week and tonight he has a fever and chills",
    "bladder_bowel_control": "my mum had kyphoplasty 2 weeks ago and today she wet herself and couldnt control it",
    "saddle_numbness": "my husband had the procedure on monday and now his groin feels numb",
    "sudden_weakness": "my dad had kyphoplasty and he suddenly cant stand up, his legs just gave way",
    "chest_pain": "my mother had kyphoplasty this morning and now she has chest pain",
    "shortness_of_breath": "my wife had her kyphoplasty yesterday and she is really short of breath",
    "coughing_blood": "my father had kyphoplasty on friday and he is coughing up blood",
}
# Talk about each sign that reports nothing for the patient.
NEGATED_REPORTS = {
    "pain_worse": "the pain hasnt got any worse, its slowly easing",
    "pain_spreading": "the pain hasnt spread to my legs, its just in the one spot",
    "nerve_symptoms": "no numbness or tingling at all",
    "posture_change": "my posture hasnt changed, no new hunch",
    "infection_signs": "no fever or chills and the site isnt red",
    "bladder_bowel_control": "no problems with my bladder or bowels",
    "saddle_numbness": "no numbness in my groin",
    "sudden_weakness": "no weakness, i can stand and walk fine",
    "chest_pain": "i dont have any chest pain",
    "shortness_of_breath": "no shortness of breath",
    "coughing_blood": "im not coughing up blood or anything like that",
}
HYPOTHETICAL_REPORTS = {
    "pain_worse": "what should i do if the pain comes back suddenly?",
    "pain_spreading": "should i worry if the pain spreads into my legs?",
    "nerve_symptoms": "what if my legs go numb?",
    "posture_change": "what if i notice a new hunch later on?",
    "infection_signs": "should i worry if i get a fever?",
    "bladder_bowel_control": "what if i lose control of my bladder?",
    "saddle_numbness": "what if i get numbness in my groin?",
    "sudden_weakness": "what if i suddenly cant stand up?",
    "chest_pain": "what should i do if i get chest pain?",
    "shortness_of_breath": "what if i get short of breath?",
    "coughing_blood": "what if i start coughing up blood?",
}
EMERGENCY_SIGNS = set(EMERGENCY_REPORTS)


def level_of(sign):
    return "emergency" if sign in EMERGENCY_SIGNS else "urgent"


def assert_escalated(chat, sign, level):
    assert "action_escalate_red_flags" in chat.actions
    assert chat.slot("triage_level") == level
    assert sign in chat.slot("red_flags")
    assert chat.slot("triage_reasons")
    banner = [c for c in chat.custom if c.get("type") == "triage_banner"]
    assert banner and banner[0]["level"] == level
    if level == "emergency":
        assert "911" in chat.text  # the emergency number from clinic.yml
    else:
        assert "(555) 010-0199" in chat.text  # the clinic's phone from clinic.yml


@pytest.mark.parametrize("sign, text", URGENT_REPORTS.items())
def test_urgent_sign_at_the_start(conversation, sign, text):
    chat = conversation().say(text)
    assert_escalated(chat, sign, "urgent")


@pytest.mark.parametrize("sign, text", EMERGENCY_REPORTS.items())
def test_emergency_sign_at_the_start(conversation, sign, text):
    chat = conversation().say(text)
    assert_escalated(chat, sign, "emergency")
    assert "emergency" in chat.text.lower()


@pytest.mark.parametrize("sign, text", list(URGENT_REPORTS.items()) + list(EMERGENCY_REPORTS.items()))
def test_sign_in_the_middle_of_the_symptom_check(conversation, sign, text):
    chat = conversation().say("check my symptoms")
    assert chat.active_form == "symptom_check_form"
    chat.say("about 3 weeks ago")
    chat.say(text)
    level = "emergency" if sign in EMERGENCY_REPORTS else "urgent"
    assert_escalated(chat, sign, level)
    if level == "emergency":
        assert chat.active_form is None  # nothing between the patient and the phone
    else:
        assert chat.active_form == "symptom_check_form"


@pytest.mark.parametrize("sign, text", ALL_REPORTS.items())
def test_sign_right_after_a_faq_answer(conversation, sign, text):
    chat = conversation().say("what is kyphoplasty exactly?")
    assert "utter_faq" in chat.actions
    chat.say(text)
    assert_escalated(chat, sign, level_of(sign))


@pytest.mark.parametrize("sign, text", CAREGIVER_REPORTS.items())
def test_caregiver_voice_counts_for_the_patient(conversation, sign, text):
    chat = conversation().say(text)
    assert_escalated(chat, sign, level_of(sign))


@pytest.mark.parametrize("sign, text", list(NEGATED_REPORTS.items()) + list(HYPOTHETICAL_REPORTS.items()))
def test_negated_or_hypothetical_sign_is_not_an_alarm(conversation, sign, text):
    chat = conversation().say(text)
    assert "action_escalate_red_flags" not in chat.actions
    assert chat.slot("triage_level") in (None, "routine", "second_opinion")
    assert not chat.slot("red_flags")
    assert not chat.custom  # no alarm banner


@pytest.mark.parametrize(
    "text",
    [
        "no fever, no numbness, just sore",
        "should i worry if i get a fever?",
        "what if my legs go numb?",
        "i had a fever last week but its gone now",
        "my friend had numbness after her surgery",
        "i dont have any tingling or weakness",
    ],
)
def test_talk_about_a_sign_is_not_an_alarm(conversation, text):
    chat = conversation().say(text)
    assert "action_escalate_red_flags" not in chat.actions
    assert chat.slot("triage_level") in (None, "routine", "second_opinion")
    assert not chat.slot("red_flags")
    assert not chat.custom


def test_denied_sign_with_a_real_one_escalates_the_real_one(conversation):
    chat = conversation().say("no fever, but pins and needles in my shin")
    assert_escalated(chat, "nerve_symptoms", "urgent")
    assert "infection_signs" not in chat.slot("red_flags")


def test_level_never_goes_down(conversation):
    chat = conversation().say(URGENT_REPORTS["nerve_symptoms"])
    assert chat.slot("triage_level") == "urgent"
    chat.say("actually it is getting better now")
    chat.say("thanks")
    assert chat.slot("triage_level") == "urgent"
    assert "nerve_symptoms" in chat.slot("red_flags")


def test_a_message_sent_by_mistake_is_taken_back_and_the_advice_still_given(conversation):
    chat = conversation().say("my legs have gone numb and tingly since this morning")
    assert chat.slot("triage_level") == "urgent"
    chat.say("oh sorry, wrong chat! that was meant for my sister")
    assert "set that aside" in chat.text
    assert "contact their doctor today" in chat.text
    assert chat.slot("triage_level") is None
    assert chat.slot("red_flags") == []


def test_an_emergency_taken_back_still_shows_the_emergency_number(conversation):
    chat = conversation().say("i have chest pain")
    assert chat.slot("triage_level") == "emergency"
    chat.say("wrong number, so sorry")
    assert "call 911" in chat.text
    assert chat.slot("triage_level") is None


def test_playing_a_sign_down_takes_nothing_back(conversation):
    chat = conversation().say("my chest feels really tight")
    chat.say("ah ignore me, it's probably just indigestion")
    assert chat.slot("triage_level") == "emergency"
    assert "set that aside" not in chat.text
