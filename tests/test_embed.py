"""The numpy encoder must give the reference (sentence-transformers) vectors for the same bundled model."""

from __future__ import annotations

import numpy as np

from counterpoint.comparison.embed import DIMENSIONS, embed

SENTENCES = [
    "Israeli Prime Minister Benjamin Netanyahu met Russian President Vladimir Putin in Sochi on Thursday.",
    "The two leaders discussed Iran's military presence in Syria.",
    "Heavy rain flooded the streets of Paris overnight, and the metro was closed.",
    "Ok.",
    "word " * 400,  # longer than the model's 256 tokens: truncated the same way by both
]


def test_numpy_encoder_matches_sentence_transformers() -> None:
    ours = embed(SENTENCES, backend="numpy")
    reference = embed(SENTENCES, backend="sentence-transformers")
    assert ours.shape == reference.shape == (len(SENTENCES), DIMENSIONS)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert (ours * reference).sum(axis=1).min() > 0.9999


def test_similar_sentences_score_higher_than_unrelated_ones() -> None:
    vectors = embed(SENTENCES[:3])
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2] + 0.2
    assert embed([]).shape == (0, DIMENSIONS)
