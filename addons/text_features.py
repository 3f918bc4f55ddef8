"""What the learned components read from a message: its words, its spelling and its
meaning, side by side in one sparse row.

- words: TF-IDF of words and word pairs (sublinear term frequency);
- spelling: TF-IDF of character 2-5-grams within words, so "numbbness", "tingeling"
  and "feaver" land near the words they misspell;
- meaning: the sentence embedding of nlp/sentence_encoder.py (all-MiniLM-L6-v2), so
  "my plumbing's stopped" lands near "I can't pass urine" though no word is shared.

Shared by the intent classifier and the sign detector (addons/intent_classifier.py,
addons/sign_detector.py): each fits its own copy on the training examples. Only the
two vectorizers are stored with a trained model; the encoder's weights are read from
models/sentence_encoder/ (scripts/fetch_sentence_encoder.sh).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, List, Optional, Sequence

from nlp.sentence_encoder import shared_encoder

# skops refuses to load a stored model holding any other type (addons/skops_storage.py).
TRUSTED_TYPES = frozenset({
    "builtins.dict", "builtins.list", "numpy.float64", "numpy.int64", "numpy.ndarray",
    "scipy.sparse._csr.csr_matrix", "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
})


class TextFeatures:
    def __init__(self, encoder_path: Path, embedding_weight: float, vectorizers: Optional[Any] = None) -> None:
        self.encoder = shared_encoder(Path(encoder_path))
        self.embedding_weight = embedding_weight
        self.vectorizers = vectorizers  # sklearn FeatureUnion of the two TF-IDFs, once fitted

    def fit(self, texts: Sequence[str]) -> "TextFeatures":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion

        self.vectorizers = FeatureUnion([
            ("words", TfidfVectorizer(lowercase=True, ngram_range=(1, 2), sublinear_tf=True)),
            ("spelling", TfidfVectorizer(lowercase=True, analyzer="char_wb", ngram_range=(2, 5),
                                         sublinear_tf=True, min_df=2)),
        ]).fit(list(texts))
        return self

    def transform(self, texts: Sequence[str]) -> Any:
        from scipy.sparse import csr_matrix, hstack

        texts = [t or "" for t in texts]
        meaning = self.encoder.encode(texts) * self.embedding_weight
        return hstack([self.vectorizers.transform(texts), csr_matrix(meaning)]).tocsr()


def texts_of(examples: List[Any]) -> List[str]:
    from rasa.shared.nlu.constants import TEXT

    return [example.get(TEXT) or "" for example in examples]
