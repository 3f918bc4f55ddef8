"""The numpy sentence encoder reproduces sentence-transformers' all-MiniLM-L6-v2
(reference embeddings in fixtures/, computed once with PyTorch), and its vectors
carry meaning: a lay phrase sits nearer its sign than an unrelated sentence."""
import json
from pathlib import Path

import numpy as np
import pytest

from nlp.sentence_encoder import DEFAULT_PATH, shared_encoder

REFERENCE = json.loads((Path(__file__).parent / "fixtures" / "sentence_encoder_reference.json").read_text())
pytestmark = pytest.mark.skipif(not (DEFAULT_PATH / "model.safetensors").exists(),
                                reason="run `make setup` first: the encoder's weights are fetched, not in git")


@pytest.fixture(scope="module")
def encoder():
    return shared_encoder()


def test_embeddings_match_sentence_transformers(encoder):
    vectors = encoder.encode(REFERENCE["texts"])
    assert vectors.shape == (len(REFERENCE["texts"]), 384)
    np.testing.assert_allclose(vectors[:, :16], REFERENCE["first16"], atol=2e-5)
    np.testing.assert_allclose(vectors @ vectors[0], REFERENCE["cosine_with_first"], atol=2e-5)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_batch_and_one_at_a_time_agree(encoder):
    texts = ["short", "a much longer message about the pain in my lower back since the op"]
    together = encoder._encode_uncached(texts, batch_size=8)
    alone = np.vstack([encoder._encode_uncached([t], batch_size=1) for t in texts])
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_meaning_not_spelling(encoder):
    weak, weather = encoder.encode(["my legs have gone weak and wobbly", "what will the weather be tomorrow"])
    lay = encoder.encode(["legs like jelly, he can't take his own weight"])[0]
    assert lay @ weak > lay @ weather + 0.2


def test_empty_and_very_long_texts_are_encoded(encoder):
    vectors = encoder.encode(["", "pain " * 2000])
    assert vectors.shape == (2, 384) and np.isfinite(vectors).all()
