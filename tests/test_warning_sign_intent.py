"""WarningSignIntent: the intent follows a warning sign the patient plainly reported."""
from rasa.shared.nlu.training_data.message import Message

from addons.warning_sign_intent import WarningSignIntent


def parse(intent, entities, text="my legs are numb"):
    message = Message(data={
        "text": text,
        "intent": {"name": intent, "confidence": 0.41},
        "intent_ranking": [{"name": intent, "confidence": 0.41}, {"name": "report_nerve_symptoms", "confidence": 0.3}],
        "entities": entities,
    })
    WarningSignIntent({}).process([message])
    return message


def sign(value, role="affirmed"):
    return {"entity": "symptom", "value": value, "role": role}


def test_an_affirmed_sign_replaces_a_guess_that_is_not_a_warning_sign():
    message = parse("faq", [sign("nerve_symptoms")])
    assert message.get("intent") == {"name": "report_nerve_symptoms", "confidence": 1.0}
    assert message.get("intent_ranking") == [{"name": "report_nerve_symptoms", "confidence": 1.0}]


def test_a_denied_or_hypothetical_sign_changes_nothing():
    for role in ("negated", "hypothetical", "historical", "other_person"):
        assert parse("faq", [sign("nerve_symptoms", role)]).get("intent")["name"] == "faq"


def test_rising_pain_scores_read_as_pain_getting_worse():
    message = parse("report_pain_improving", [], text="my pain is climbing, was a 4 now an 8")
    assert message.get("intent")["name"] == "report_pain_worse"


def test_a_hesitant_guess_confirmed_by_the_words_gets_full_confidence():
    # below the FallbackClassifier's threshold it would otherwise become nlu_fallback
    message = parse("report_posture_change", [sign("posture_change")], text="i feel like i'm folding over")
    assert message.get("intent") == {"name": "report_posture_change", "confidence": 1.0}


def test_a_different_warning_sign_guess_is_left_as_it_was():
    message = parse("report_pain_spreading", [sign("nerve_symptoms")])
    assert message.get("intent") == {"name": "report_pain_spreading", "confidence": 0.41}
