"""Which warning signs one message reports: intent + entities with assertion roles."""
import pytest

from actions.triage.detection import (
    red_flags_in_message,
    sign_slot_roles,
    unconfirmed_sign_mentions,
)


def sym(sign, role="affirmed"):
    return {"entity": "symptom", "value": sign, "role": role}


CAREGIVER = {"entity": "reporter", "value": "caregiver"}


@pytest.mark.parametrize(
    "intent, entities, expected",
    [
        # intent alone (vague wording the ruler did not mark)
        ("report_nerve_symptoms", [], {"nerve_symptoms"}),
        ("report_infection_signs", [], {"infection_signs"}),
        ("report_emergency", [], {"emergency_sign"}),
        # the entity names the specific emergency sign
        ("report_emergency", [sym("chest_pain")], {"chest_pain"}),
        # negated / hypothetical / resolved / someone else's: no alarm
        ("report_infection_signs", [sym("infection_signs", "negated"), sym("nerve_symptoms", "negated")], set()),
        ("report_infection_signs", [sym("infection_signs", "hypothetical")], set()),
        ("faq", [sym("infection_signs", "hypothetical")], set()),
        ("report_nerve_symptoms", [sym("nerve_symptoms", "historical")], set()),
        ("report_nerve_symptoms", [sym("nerve_symptoms", "other_person")], set()),
        ("report_emergency", [sym("chest_pain", "negated")], set()),
        # "no fever, but pins and needles in my shin"
        ("report_infection_signs", [sym("infection_signs", "negated"), sym("nerve_symptoms")], {"nerve_symptoms"}),
        ("report_nerve_symptoms", [sym("infection_signs", "negated"), sym("nerve_symptoms")], {"nerve_symptoms"}),
        # an affirmed sign counts whatever the intent
        ("faq", [sym("nerve_symptoms")], {"nerve_symptoms"}),
        ("greet", [sym("shortness_of_breath")], {"shortness_of_breath"}),
        ("report_muscle_ache", [sym("muscle_ache")], set()),
        ("report_muscle_ache", [], set()),
        # several at once
        ("report_nerve_symptoms", [sym("nerve_symptoms"), sym("saddle_numbness")], {"nerve_symptoms", "saddle_numbness"}),
        # caregiver voice in the message: the pipeline read the relative's sign as
        # affirmed, and someone else's (a friend of theirs) stays someone else's
        ("report_nerve_symptoms", [sym("nerve_symptoms"), CAREGIVER], {"nerve_symptoms"}),
        ("report_nerve_symptoms", [sym("nerve_symptoms", "other_person"), CAREGIVER], set()),
    ],
)
def test_flags_from_intent_and_entities(intent, entities, expected):
    assert red_flags_in_message(intent, entities) == frozenset(expected)


def test_caregiver_known_from_an_earlier_turn():
    entities = [sym("infection_signs", "other_person")]
    assert red_flags_in_message("report_infection_signs", entities) == frozenset()
    assert red_flags_in_message("report_infection_signs", entities, caregiver=True) == {"infection_signs"}


@pytest.mark.parametrize(
    "requested, intent, text, expected",
    [
        ("sign_nerve_symptoms", "affirm", "yes", {"nerve_symptoms"}),
        ("sign_nerve_symptoms", "nlu_fallback", "a little bit", {"nerve_symptoms"}),
        ("sign_emergency", "affirm", "yes", {"emergency_sign"}),
        ("sign_nerve_symptoms", "deny", "no", set()),
        ("sign_emergency", "affirm", "/", set()),  # punctuation says nothing
        ("sign_emergency", "affirm", "??", set()),
        ("sign_nerve_symptoms", "nlu_fallback", "not really", set()),
        ("sign_nerve_symptoms", "nlu_fallback", "not sure", set()),
        ("weeks_since_procedure", "affirm", "yes", set()),
        ("pain_trend", "report_pain_worse", "getting worse", {"pain_worse"}),
        ("pain_trend", "nlu_fallback", "worse i think", {"pain_worse"}),
        ("pain_trend", "report_pain_improving", "better", set()),
        # a plain answer outranks an intent-only guess...
        ("weeks_since_procedure", "report_pain_worse", "it was last friday", set()),
        ("sign_posture_change", "report_emergency", "nope", set()),
        ("weeks_since_procedure", "report_emergency", "i really cant remember", set()),
        # ...but not a message that answers nothing
        ("weeks_since_procedure", "report_emergency", "i wet myself and couldnt stop it", {"emergency_sign"}),
    ],
)
def test_answers_to_the_symptom_check(requested, intent, text, expected):
    assert red_flags_in_message(intent, [], requested_slot=requested, text=text) == frozenset(expected)


def test_yes_to_a_sign_question_is_not_taken_when_the_sign_itself_is_denied():
    entities = [sym("nerve_symptoms", "negated")]
    assert red_flags_in_message("affirm", entities, "sign_nerve_symptoms", text="yes no numbness") == frozenset()


def test_unconfirmed_mentions_keep_their_role():
    mentions = unconfirmed_sign_mentions("faq", [sym("infection_signs", "hypothetical"), sym("chest_pain")])
    assert mentions == {"infection_signs": "hypothetical"}


def test_sign_slot_roles_affirmed_wins():
    roles = sign_slot_roles([sym("nerve_symptoms", "negated"), sym("nerve_symptoms"), sym("chest_pain", "negated")])
    assert roles == {"sign_nerve_symptoms": "affirmed", "sign_emergency": "negated"}


@pytest.mark.parametrize(
    "guessed, flags, intent",
    [
        ("faq", {"nerve_symptoms"}, "report_nerve_symptoms"),
        ("deny", {"infection_signs", "pain_worse"}, "report_pain_worse"),  # the article's order
        ("faq", {"nerve_symptoms", "chest_pain"}, "report_emergency"),  # emergency first
        ("nlu_fallback", {"emergency_sign"}, "report_emergency"),
        # a warning-sign intent the classifier chose stays: it may name another sign
        ("report_pain_spreading", {"nerve_symptoms"}, "report_pain_spreading"),
        ("faq", set(), "faq"),
    ],
)
def test_intent_for_signs(guessed, flags, intent):
    from actions.triage.detection import intent_for_signs

    assert intent_for_signs(guessed, flags) == intent


def test_a_look_alike_finding_explains_an_intent_only_guess():
    bruise = {"entity": "symptom", "value": "bruising", "role": "affirmed"}
    text = "bit of bruising around the injection site, its going yellow now"
    assert red_flags_in_message("report_infection_signs", [bruise], text=text) == frozenset()
    # but a word for the sign itself still counts
    red = {"entity": "symptom", "value": "infection_signs", "role": "affirmed"}
    assert red_flags_in_message("report_infection_signs", [bruise, red], text="bruised and red") == {"infection_signs"}
