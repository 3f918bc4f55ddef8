"""The basics a patient notices first: the disclaimer, answers, and polite limits."""
import pytest

pytestmark = pytest.mark.slow


def test_first_message_gets_the_disclaimer_once(conversation):
    chat = conversation().say("hi")
    assert "not medical advice" in chat.text
    assert "call 911" in chat.text  # the emergency number from clinic.yml
    assert "stored for 30 days" in chat.text
    chat.say("hello again")
    assert "not medical advice" not in chat.text


def test_faq_answer_with_next_steps(conversation):
    chat = conversation().say("why do i still have back pain after kyphoplasty?")
    assert "utter_faq" in chat.actions
    assert chat.buttons, "every answer offers a next step"


def test_out_of_scope_is_polite(conversation):
    chat = conversation().say("whats the weather going to be like tomorrow")
    assert "only help with back pain" in chat.text


def test_bot_challenge(conversation):
    chat = conversation().say("am i talking to a real person?")
    assert "automated assistant" in chat.text


def test_clinic_contact_comes_from_the_clinic_config(conversation):
    chat = conversation().say("what is the clinic phone number")
    assert "(555) 010-0199" in chat.text
    assert "Riverside Spine" in chat.text


def test_unclear_message_offers_choices(conversation):
    chat = conversation().say("blorf wibble")
    assert chat.buttons
    assert "action_escalate_red_flags" not in chat.actions
