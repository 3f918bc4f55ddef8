"""A message that takes back the one before it withdraws the signs that message raised,
and only a correction does: playing a sign down withdraws nothing."""
import pytest

from actions.triage.corrections import takes_back_previous_message
from actions.triage.detection import reported_at_turn
from tests.support.turns import read_turn


@pytest.mark.parametrize(
    "text, takes_back",
    [
        ("oh no, wrong number, so sorry!!", True),
        ("sorry that wasn't meant for you, it was for my sister", True),
        ("ignore that, sent it to the wrong chat", True),
        ("autocorrect again, i meant my foot is sore", True),
        ("typo, sorry", True),
        ("no wait, that was last year", True),
        # playing it down, asking, adding: nothing is taken back
        ("ignore me, it's probably nothing", False),
        ("never mind, I'm just being silly", False),
        ("I meant to ask, is swimming ok?", False),
        ("what should I do?", False),
        ("thanks", False),
    ],
)
def test_what_takes_the_previous_message_back(text, takes_back):
    assert takes_back_previous_message(text) is takes_back


def reading(text, earlier, raised, intent="deny", turn=None, entities=()):
    """read_message for `text`, after `earlier` user messages (oldest first), the
    `turn`-th of which (the last, unless said) raised `raised`."""
    slots = {"signs_reported_at_turn": reported_at_turn(turn or len(earlier), raised), "red_flags": sorted(raised)}
    return read_turn(text, earlier, intent, slots, entities)


def test_a_correction_withdraws_what_the_previous_message_raised():
    result = reading("wrong chat sorry", ["my legs have gone numb"], {"nerve_symptoms"})
    assert result.withdrawn == {"nerve_symptoms"}
    assert result.reported == frozenset()


def test_only_the_message_just_before_is_taken_back():
    result = reading("typo sorry", ["my legs have gone numb", "can I swim?"], {"nerve_symptoms"}, turn=1)
    assert result.withdrawn == frozenset()


def test_playing_an_emergency_down_withdraws_nothing():
    result = reading("ah ignore me, probably indigestion", ["my chest is really tight"], {"chest_pain"})
    assert result.withdrawn == frozenset()


def test_a_correction_that_reports_a_sign_is_a_report():
    entities = [{"entity": "symptom", "value": "chest_pain", "role": "affirmed"}]
    result = reading("sorry typo, I meant my chest is tight", ["my foot is numb"], {"nerve_symptoms"},
                     intent="report_emergency", entities=entities)
    assert result.withdrawn == frozenset()
    assert "chest_pain" in result.reported
