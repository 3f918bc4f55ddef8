"""SignDetector: a second, independent learned reading of which warning signs a
message describes.

The patterns (nlp/) are precise but know only the words someone wrote down, and the
intent classifier must pick one label for the whole message. This detector is a
multi-label classifier: one calibrated logistic regression per warning sign over the
message's words, spelling and meaning (addons/text_features.py), trained from the
same data/nlu/ examples: each warning-sign intent's examples are that sign's
positives, everything else (the denials, questions and look-alikes of the other
intents included) its negatives. It scores every sentence of a message on its own as
well as the whole message, so a sign buried in the third sentence of a long message,
or after the answer to a question ("About five weeks. I've been running hot and
cold since last night"), is scored like a short report of it.

Its probabilities are calibrated on data each logistic regression did not train on
(CalibratedClassifierCV, sigmoid, 3 folds), so the thresholds of the evidence table
(actions/triage/evidence.py) mean the same thing after every retraining.

Output: `sign_scores` {sign: probability} (the highest over the message and its
sentences), in the parse data the red-flag policy and the actions read. It decides
nothing itself.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.triage.detection import RED_FLAG_INTENTS, SIGN_SCORE_PIECES_KEY, SIGN_SCORES_KEY
from addons import skops_storage
from addons.text_features import TRUSTED_TYPES, TextFeatures, texts_of
from nlp.sentence_encoder import DEFAULT_PATH

MODEL_FILE = "sign_detector.skops"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SignDetector(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # embedding_weight: the meaning's share beside words and spelling (each of the
        # three has length 1 before weighting); 3 caught the most lay phrasings of the
        # held-out split without raising its false alarms (docs/safety.md).
        return {"C": 10.0, "random_seed": 42, "encoder_path": str(DEFAULT_PATH), "embedding_weight": 3.0}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "skops"]

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 stored: Optional[Tuple[Any, list]] = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        vectorizers, self.classifiers = stored if stored else (None, [])
        self.features = TextFeatures(self.config["encoder_path"], self.config["embedding_weight"], vectorizers)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SignDetector":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "SignDetector":
        # Without its model the detector adds no evidence (the patterns and the intent
        # classifier still decide): logged as an error, a degraded safety net.
        stored = skops_storage.load(model_storage, resource, MODEL_FILE, TRUSTED_TYPES, cls.__name__)
        return cls(config, model_storage, resource, stored)

    def train(self, training_data: TrainingData) -> Resource:
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.linear_model import LogisticRegression

        examples = training_data.intent_examples
        texts = texts_of(examples)
        labels = [RED_FLAG_INTENTS.get(example.get(INTENT)) for example in examples]
        features = self.features.fit(texts).transform(texts)
        self.classifiers = []
        for sign in sorted({label for label in labels if label}):
            logistic = LogisticRegression(C=self.config["C"], class_weight="balanced", max_iter=2000,
                                          random_state=self.config["random_seed"])
            calibrated = CalibratedClassifierCV(logistic, method="sigmoid", cv=3)
            calibrated.fit(features, [int(label == sign) for label in labels])
            self.classifiers.append((sign, calibrated))
        skops_storage.save(self._model_storage, self._resource, MODEL_FILE,
                           (self.features.vectorizers, self.classifiers))
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if self.classifiers and text.strip():
                pieces = self.piece_scores(text, message.get(SPACY_DOCS[TEXT]))
                message.set(SIGN_SCORES_KEY, highest(pieces), add_to_output=True)
                message.set(SIGN_SCORE_PIECES_KEY, pieces, add_to_output=True)
        return messages

    def piece_scores(self, text: str, doc: Optional[Any] = None) -> List[Dict[str, Any]]:
        """The probabilities of the whole message and of each sentence, with where
        each piece is in the text: the triage reads which words a score rests on
        (actions/triage/detection.py), as a denial in one sentence says nothing of
        the next."""
        spans = [(0, len(text))] + [(s.start_char, s.end_char) for s in (doc.sents if doc is not None else ())
                                    if s.text.strip() and (s.start_char, s.end_char) != (0, len(text))]
        features = self.features.transform([text[start:end] for start, end in spans])
        probabilities = {sign: classifier.predict_proba(features)[:, 1] for sign, classifier in self.classifiers}
        return [{"start": start, "end": end,
                 "scores": {sign: round(float(p[i]), 4) for sign, p in probabilities.items()}}
                for i, (start, end) in enumerate(spans)]


def highest(pieces: List[Dict[str, Any]]) -> Dict[str, float]:
    """Each sign's highest probability over the pieces."""
    signs = pieces[0]["scores"] if pieces else {}
    return {sign: max(piece["scores"][sign] for piece in pieces) for sign in signs}
