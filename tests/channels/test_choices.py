"""Buttons on text-only channels: the numbered list, and what a reply picks."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from addons.channels.choices import chosen_payload, numbered_list, offered_buttons
from addons.channels.twilio import MAX_BODY, message_bodies

YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
TOPICS = [
    {"title": "Check my symptoms", "payload": "/start_symptom_check"},
    {"title": "Why do I still have pain?", "payload": "/faq/why_pain_persists"},
    {"title": "Warning signs", "payload": "/faq/warning_signs"},
]


def test_options_become_a_numbered_list():
    assert numbered_list(YES_NO) == "Reply with a number:\n1. Yes\n2. No"


@pytest.mark.parametrize(
    "reply, buttons, payload",
    [
        ("1", YES_NO, "/affirm"),
        (" 2. ", YES_NO, "/deny"),
        ("yes", YES_NO, "/affirm"),
        ("No!", YES_NO, "/deny"),
        ("warning signs", TOPICS, "/faq/warning_signs"),
        ("yes", [{"title": "Yes, check my symptoms", "payload": "/start_symptom_check"}, {"title": "No, thanks", "payload": "/thank"}], "/start_symptom_check"),
        # Not a choice: read as what the patient wrote.
        ("3", YES_NO, None),
        ("0", YES_NO, None),
        ("8 weeks", TOPICS, None),
        ("my legs are numb", YES_NO, None),
        ("1", [], None),
    ],
)
def test_a_reply_picks_an_option_only_when_it_clearly_does(reply, buttons, payload):
    assert chosen_payload(reply, buttons) == payload


def test_the_options_offered_are_those_of_the_last_turn_each_once():
    events = [
        UserUttered("hello"),
        BotUttered("disclaimer", {"buttons": TOPICS}),
        UserUttered("1"),
        ActionExecuted("utter_x"),
        BotUttered("That advice stands.", {}),
        BotUttered("Numbness?", {"buttons": YES_NO}),
        BotUttered("Or?", {"buttons": [YES_NO[0], {"title": "Not sure", "payload": "/deny"}]}),
    ]
    assert offered_buttons(events) == YES_NO
    assert offered_buttons(events + [UserUttered("no")]) == []


def test_a_turn_is_one_message_with_the_list_last_and_long_texts_are_split():
    assert message_bodies(["Hello.", "Pick one."], YES_NO) == ["Hello.\n\nPick one.\n\nReply with a number:\n1. Yes\n2. No"]
    long = ["a" * 1000, "b" * 1000]
    bodies = message_bodies(long, YES_NO)
    assert len(bodies) == 2 and all(len(b) <= MAX_BODY for b in bodies)
    assert bodies[-1].endswith("2. No")
