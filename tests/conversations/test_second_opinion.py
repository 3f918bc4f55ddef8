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
