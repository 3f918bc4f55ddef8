"""The evidence table (actions/triage/evidence.py) applied to one message: patterns,
intent and the learned sign detector, and the confirming question's answer."""
import pytest

from actions.triage.detection import MessageFacts, TurnContext, read_message


def sym(sign, role="affirmed"):
    return {"entity": "symptom", "value": sign, "role": role}


def facts(intent=None, confidence=0.9, scores=None, entities=(), text="some words"):
    ranking = {intent: confidence} if intent else {}
    return MessageFacts(intent, ranking, list(entities), scores if scores is not None else {}, text)


@pytest.mark.parametrize(
    "message, reported, to_confirm",
    [
        # the classifier's pick, backed by the words
        (facts("report_nerve_symptoms", 0.9, {"nerve_symptoms": 0.6}), {"nerve_symptoms"}, None),
        # the classifier's pick with nothing in the words behind it: no alarm, no question
        (facts("report_pain_worse", 0.95, {"pain_worse": 0.02}), set(), None),
        # a hint in the words: one question
        (facts("report_infection_signs", 0.7, {"infection_signs": 0.15}), set(), "infection_signs"),
        # the detector alone
        (facts("faq", 0.8, {"nerve_symptoms": 0.95}), {"nerve_symptoms"}, None),
        (facts("faq", 0.8, {"nerve_symptoms": 0.6}), set(), "nerve_symptoms"),
        (facts("faq", 0.8, {"nerve_symptoms": 0.3}), set(), None),
        # the emergency group: the most serious weak sign is the one asked about
        (facts("faq", 0.8, {"emergency_sign": 0.6, "nerve_symptoms": 0.7}), set(), "emergency_sign"),
        # patterns: affirmed reports whatever the learned readings say...
        (facts("greet", 0.9, {}, [sym("chest_pain")]), {"chest_pain"}, None),
        # ...and a denial outranks them ("no numbness at all")
        (facts("report_nerve_symptoms", 0.9, {"nerve_symptoms": 0.97}, [sym("nerve_symptoms", "negated")]), set(), None),
        # a look-alike explains a guess ("bruising going yellow")
        (facts("report_infection_signs", 0.9, {"infection_signs": 0.7}, [sym("bruising")]), set(), None),
    ],
)
def test_evidence_table(message, reported, to_confirm):
    reading = read_message(message)
    assert reading.reported == frozenset(reported)
    assert reading.to_confirm == to_confirm


def test_a_button_reports_its_sign_without_any_other_evidence():
    message = MessageFacts("report_nerve_symptoms", {"report_nerve_symptoms": 1.0}, [], {}, "/report_nerve_symptoms")
    assert read_message(message).reported == {"nerve_symptoms"}


def test_a_plain_answer_to_the_form_is_not_a_report_but_a_sign_said_with_it_is():
    context = TurnContext(requested_slot="weeks_since_procedure")
    answer = facts("report_infection_signs", 0.9, {"infection_signs": 0.05}, text="about five weeks")
    assert read_message(answer, context).reported == frozenset()
    with_sign = facts("inform_time_since_procedure", 0.9, {"infection_signs": 0.93},
                      text="About five weeks. I've been shivery and hot since last night")
    assert read_message(with_sign, context).reported == {"infection_signs"}


@pytest.mark.parametrize(
    "reply, intent, entities, confirmed, reported",
    [
        ("yes", "affirm", [], True, {"nerve_symptoms"}),
        ("yes i do", "affirm", [], True, {"nerve_symptoms"}),
        ("yep", "nlu_fallback", [], True, {"nerve_symptoms"}),
        ("that's right, both feet", "nlu_fallback", [], True, {"nerve_symptoms"}),
        # a description of the sign is a yes: the question is not asked again
        ("my toes have gone numb since last night", "report_nerve_symptoms", [sym("nerve_symptoms")], True,
         {"nerve_symptoms"}),
        ("no", "deny", [], False, set()),
        ("no, that was my sister", "deny", [], False, set()),
        ("not at all", "nlu_fallback", [], False, set()),
        # neither: the safe advice, never the question again
        ("hmm", "nlu_fallback", [], None, {"nerve_symptoms"}),
    ],
)
def test_the_answer_to_a_confirming_question_is_read_from_what_is_typed(reply, intent, entities, confirmed, reported):
    context = TurnContext(sign_to_confirm="nerve_symptoms")
    reading = read_message(facts(intent, 0.9, {}, entities, text=reply), context)
    assert reading.confirmation is confirmed
    assert reading.reported == frozenset(reported)
    assert reading.to_confirm is None
    assert reading.assumed == (confirmed is None)


def test_yes_to_a_confirming_question_is_not_taken_for_the_forms_pending_question():
    context = TurnContext(requested_slot="sign_posture_change", sign_to_confirm="infection_signs")
    assert read_message(facts("affirm", 1.0, {}, text="yes"), context).reported == {"infection_signs"}


@pytest.mark.parametrize(
    "previous, text, reported",
    [
        (3.0, "now a 9", {"pain_worse"}),
        (3.0, "its about a 7 today", {"pain_worse"}),
        (3.0, "a 4 today", set()),  # a point is a day's wander
        (8.0, "now a 3", set()),
        (None, "now a 9", set()),  # nothing to compare with
    ],
)
def test_pain_scores_compared_across_messages(previous, text, reported):
    context = TurnContext(previous_pain_score=previous)
    assert read_message(facts("inform_time_since_procedure", 0.6, {}, text=text), context).reported == frozenset(reported)


def test_falling_scores_across_messages_contradict_a_worse_guess():
    context = TurnContext(previous_pain_score=8.0)
    message = facts("report_pain_worse", 0.9, {"pain_worse": 0.5}, text="down to a 3 now")
    assert read_message(message, context).reported == frozenset()


def test_one_pain_score_on_its_own_says_no_direction():
    message = facts("report_pain_worse", 0.7, {"pain_worse": 0.6}, text="mum's pain was a 7 the week after")
    assert read_message(message).reported == frozenset()
    assert read_message(message).to_confirm is None
    sure = facts("report_pain_worse", 0.9, {"pain_worse": 0.95}, text="it's an 8 and so much worse since friday")
    assert read_message(sure).reported == {"pain_worse"}


# --- which words a detector score rests on -----------------------------------------------

TWO_SENTENCES = "My neighbour's legs went numb. I can't get up off the chair."


def pieces(whole, first, second):
    """The detector's scores for TWO_SENTENCES, whole message then each sentence."""
    return [{"start": 0, "end": len(TWO_SENTENCES), "scores": whole},
            {"start": 0, "end": 30, "scores": first},
            {"start": 31, "end": len(TWO_SENTENCES), "scores": second}]


def test_a_learned_reading_resting_on_someone_elses_words_is_not_the_patients():
    neighbours_numbness = dict(sym("nerve_symptoms", "other_person"), start=0, end=29)
    message = MessageFacts("report_emergency", {"report_emergency": 0.6}, [neighbours_numbness],
                           {"emergency_sign": 0.7}, TWO_SENTENCES,
                           pieces({"emergency_sign": 0.7}, {"emergency_sign": 0.7}, {"emergency_sign": 0.02}))
    reading = read_message(message)
    assert reading.reported == frozenset()
    # the neighbour's numbness is asked about (is it the patient's?), not an emergency
    assert reading.asks_whose and reading.to_confirm == "nerve_symptoms"


def test_the_same_reading_from_another_sentence_still_counts():
    neighbours_numbness = dict(sym("nerve_symptoms", "other_person"), start=0, end=29)
    message = MessageFacts("report_emergency", {"report_emergency": 0.6}, [neighbours_numbness],
                           {"emergency_sign": 0.8}, TWO_SENTENCES,
                           pieces({"emergency_sign": 0.7}, {"emergency_sign": 0.1}, {"emergency_sign": 0.8}))
    assert read_message(message).reported == {"emergency_sign"}


def test_a_plain_no_outweighs_a_learned_reading_of_the_sign_in_the_reply():
    context = TurnContext(sign_to_confirm="chest_pain")
    reply = MessageFacts("deny", {"deny": 0.4, "report_emergency": 0.3}, [], {"emergency_sign": 0.6},
                         "no, that was another resident with the chest pains")
    reading = read_message(reply, context)
    assert reading.confirmation is False
    assert reading.reported == frozenset()


@pytest.mark.parametrize("reported_before, reported", [
    (frozenset({"nerve_symptoms"}), {"saddle_numbness"}),
    # the area alone, with no numbness before it, is not a sign
    (frozenset(), frozenset()),
    (frozenset({"infection_signs"}), frozenset()),
])
def test_where_the_numbness_is_said_in_the_next_message(reported_before, reported):
    """"My thighs have gone numb" ... "the inside, right up near my privates"."""
    message = facts("out_of_scope", 0.6, {}, [{"entity": "symptom", "value": "saddle_area", "role": "affirmed"}],
                    text="the inside of them, right up near my privates")
    assert read_message(message, TurnContext(reported_before=reported_before)).reported == reported


@pytest.mark.parametrize("detector, reported", [
    (0.34, {"nerve_symptoms"}),  # split classifier, words say numbness: urgent
    (0.95, {"nerve_symptoms", "emergency_sign"}),  # the detector sure of the emergency
])
def test_a_classifier_split_between_the_patterns_sign_and_its_emergency_neighbour(detector, reported):
    facts = MessageFacts(
        "report_emergency", {"report_emergency": 0.48, "report_nerve_symptoms": 0.47},
        [{"entity": "symptom", "value": "nerve_symptoms", "role": "affirmed"}],
        {"emergency_sign": detector, "nerve_symptoms": 0.48},
        "my sister says her legs went numb this morning")
    assert read_message(facts, TurnContext(caregiver=True)).reported == reported


@pytest.mark.parametrize("text, reported", [
    ("three weeks now, pain same way, likkle ache inna mi back", frozenset()),
    ("about the same as last week, a dull ache, nothing sharp", frozenset()),
    # the same words beside "worse" say it is worse; better, then back, is the first sign
    ("it's not the same as before, it's much worse since sunday", {"pain_worse"}),
    ("it had got so much better, but since the weekend it's sharp again", {"pain_worse"}),
    ("after the op almost no pain. since sunday the pain return more strong", {"pain_worse"}),
])
def test_words_that_say_the_pain_is_no_worse_outweigh_a_learned_guess(text, reported):
    facts = MessageFacts("report_pain_worse", {"report_pain_worse": 0.35}, [], {"pain_worse": 0.69}, text)
    assert read_message(facts, TurnContext()).reported == reported
