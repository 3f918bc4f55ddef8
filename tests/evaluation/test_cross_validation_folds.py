"""The baseline is cross-validated on the very folds Rasa draws, and the epochs of a
cheaper cross-validation are changed only where a component trains for epochs."""
import numpy as np

from evaluation.nlu_eval import fold_indices, with_epochs


def training_data():
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData

    intents = ["greet"] * 7 + ["stop"] * 6 + ["faq"] * 8
    keys = [None] * 13 + ["faq/cement"] * 4 + ["faq/signs"] * 4
    return TrainingData([
        Message(data={"text": f"example {i}", "intent": intent,
                      **({"intent_response_key": key} if key else {})})
        for i, (intent, key) in enumerate(zip(intents, keys, strict=True))
    ])


def test_fold_indices_are_the_folds_rasa_generates_after_seeding():
    data = training_data()
    from rasa.nlu.test import generate_folds

    ours = fold_indices(data, 3, seed=42)
    np.random.seed(42)
    texts = [m.get("text") for m in data.intent_examples]
    theirs = [[texts.index(m.get("text")) for m in test.intent_examples] for _, test in generate_folds(3, data)]
    assert [sorted(f) for f in ours] == [sorted(f) for f in theirs]
    assert sorted(i for fold in ours for i in fold) == list(range(len(texts)))


def test_with_epochs_changes_only_components_that_train_for_epochs():
    config = {"pipeline": [{"name": "SpacyNLP"}, {"name": "DIETClassifier", "epochs": 80},
                           {"name": "ResponseSelector", "epochs": 80}], "policies": [{"name": "TEDPolicy", "epochs": 40}]}
    cheaper = with_epochs(config, 20)
    assert [c.get("epochs") for c in cheaper["pipeline"]] == [None, 20, 20]
    assert cheaper["policies"][0]["epochs"] == 40
    assert config["pipeline"][1]["epochs"] == 80  # the original is untouched
    assert with_epochs(config, None) == config
