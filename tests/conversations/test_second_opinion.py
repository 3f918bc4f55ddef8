"""Second opinion and revision: the article's criteria, supportive of the doctor."""
import pytest

pytestmark = pytest.mark.slow


def test_asking_about_a_second_opinion_walks_through_the_criteria(conversation):
    chat = conversation().say("should i get a second opinion?")
    assert "hasn't improved after several weeks" in chat.text
    assert {b["payload"] for b in chat.buttons} >= {"/feel_unheard", "/imaging_unclear", "/advised_another_procedure"}
    assert chat.slot("triage_level") is None


@pytest.mark.parametrize(
    "text, reason",
    [
        ("my doctor doesnt listen to me, i feel like nobody hears me", "unheard"),
        ("the radiologist and my surgeon said different things about my mri", "imaging_unclear"),
        ("they want to do another kyphoplasty on me but i want to be sure", "advised_another_procedure"),
    ],
)
def test_each_reason_raises_to_second_opinion_and_names_the_specialists(conversation, text, reason):
    chat = conversation().say(text)
    assert chat.slot("triage_level") == "second_opinion"
    assert reason in chat.slot("second_opinion_reasons")
    assert "spine specialist" in chat.text and "interventional radiologist" in chat.text
    assert "orthopedic surgeon" in chat.text


def test_revision_is_explained_with_bone_health_first(conversation):
    chat = conversation().say("my doctor says i need a revision procedure, is that right?")
    assert "bone health" in chat.text


def test_second_opinion_does_not_lower_an_urgent_level(conversation):
    chat = conversation().say("i have a fever and chills")
    chat.say("i feel like my doctor isnt listening to me")
    assert chat.slot("triage_level") == "urgent"


def test_a_request_that_gives_its_reason_is_answered_for_that_reason(conversation):
    """Asking *and* saying why: the answer speaks to the reason, not to every criterion."""
    chat = conversation().say(
        "can i get a second opinion? my consultant wants to operate again and i want to be sure its the right thing")
    assert chat.slot("triage_level") == "second_opinion"
    assert chat.slot("second_opinion_reasons") == ["advised_another_procedure"]
    assert "want to be sure before another procedure" in chat.text and "bone health" in chat.text
    assert "Does one of these fit you?" not in chat.text


def test_asking_after_the_check_found_no_improvement_names_that_reason(conversation):
    chat = conversation().say("check my symptoms")
    chat.say("10 weeks ago")
    chat.say("about the same")
    chat.say("should i get a second opinion?")
    assert "hasn't got better after several weeks. That is a good reason" in chat.text
    assert "not_improved" in chat.slot("second_opinion_reasons")


def test_not_improving_weeks_on_reaches_second_opinion_at_once_and_still_checks_signs(conversation):
    chat = conversation().say(
        "3 months on and still the same pain, not worse, not better. physio hasnt helped. should i see someone else?")
    assert chat.slot("weeks_since_procedure") == 13.0
    assert chat.slot("pain_trend") == "same"
    assert chat.slot("triage_level") == "second_opinion"
    # the answer in this reply, then the warning-sign questions: a sign would raise the level
    assert "utter_second_opinion_not_improved" in chat.responses
    assert chat.active_form == "symptom_check_form"
    first_question = chat.slot("requested_slot")
    assert first_question and first_question.startswith("sign_")
    chat.say("no, none of that")
    assert chat.slot(first_question) is False
    assert chat.slot("requested_slot") != first_question
    assert chat.slot("triage_level") == "second_opinion"


@pytest.mark.parametrize("text", [
    "10 wks since the kypho. no better. same as the first day",
    "had it done 2 months ago and honestly the pain hasn't changed one bit",
])
def test_several_weeks_and_no_better_in_one_message_gets_the_answer_in_that_reply(conversation, text):
    chat = conversation().say(text)
    assert chat.slot("triage_level") == "second_opinion"
    assert "utter_second_opinion_not_improved" in chat.responses
