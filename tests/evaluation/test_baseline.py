"""The TF-IDF baseline learns from examples and answers with intent and FAQ answer."""
from evaluation import baseline
from evaluation.nlu_data import Example

GREETINGS = ["hello there", "hi", "good morning", "hey", "hello", "hi there", "good evening"]
PAIN = ["my back hurts", "the pain is worse", "my back pain is bad", "it hurts more",
        "back pain again", "pain in my back", "the back hurts a lot"]
WARNING = ["what are the warning signs", "which signs are warning signs", "tell me the warning signs",
           "warning signs please", "signs to worry about", "what signs should worry me", "list the warning signs"]
CEMENT = ["is the cement safe", "what is the cement made of", "can the cement leak", "cement questions",
          "tell me about the cement", "does the cement last", "the cement in my spine"]


def examples():
    return ([Example(t, "greet") for t in GREETINGS] + [Example(t, "report_pain_worse") for t in PAIN]
            + [Example(t, "faq", "faq/warning_signs") for t in WARNING]
            + [Example(t, "faq", "faq/cement") for t in CEMENT])


def test_baseline_predicts_intents_and_faq_answers():
    model = baseline.train(examples())
    predictions = baseline.predict(model, ["hello friend", "my back hurts so much", "warning signs?",
                                           "is cement safe"])
    assert predictions == [("greet", "greet"), ("report_pain_worse", "report_pain_worse"),
                           ("faq", "faq/warning_signs"), ("faq", "faq/cement")]
    assert baseline.chosen_c(model) in baseline.C_GRID
