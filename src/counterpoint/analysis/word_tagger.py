"""Word-piece taggers on the bundled MiniLM encoder: its tokenizer, text cut into encoder-sized chunks, and the
encoder with trained low-rank updates merged into its weights and an output layer over every word piece.

Two taggers use it, both off unless asked for (they run the encoder over the whole article, which costs far more
than the rest of the analysis): the propaganda-span tagger (``propaganda``) and the attribution tagger
(``attribution_tagger``). Each is a ``.safetensors`` file of updates trained by a script in ``eval/``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["ANALYZER_MARK", "ENV", "MAX_PIECES", "AdaptedTagger", "chunks", "enabled", "lines", "runs", "tokenizer"]

#: The switch that turns the taggers on (``--tagger`` sets it), and what the analyzer id ends in while they are.
ENV = "COUNTERPOINT_TAGGER"
ANALYZER_MARK = "; MiniLM taggers"

#: Word pieces per chunk, [CLS] and [SEP] included; a longer text is read in several chunks.
MAX_PIECES = 128
_LOCK = threading.Lock()


def enabled() -> bool:
    """Whether the taggers are asked for (``COUNTERPOINT_TAGGER`` set to 1, true or yes)."""
    return os.environ.get(ENV, "").strip().lower() in {"1", "true", "yes"}


@lru_cache(maxsize=1)
def tokenizer():  # noqa: ANN201
    """The encoder's own word-piece tokenizer, without truncation: long texts are chunked instead."""
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
    """A text as chunks of at most ``MAX_PIECES`` pieces: (ids with [CLS] and [SEP], character ranges of the
    pieces between them, shifted by ``offset``)."""
    encoding = tokenizer.encode(text)
    ids, offsets = encoding.ids, encoding.offsets
    body = range(1, len(ids) - 1)
    found = []
    for first in range(0, len(body), MAX_PIECES - 2):
        part = body[first : first + MAX_PIECES - 2]
        found.append(([ids[0], *(ids[i] for i in part), ids[-1]], [(offset + offsets[i][0], offset + offsets[i][1]) for i in part]))
    return found


class AdaptedTagger:
    """The package's encoder with a file's trained updates merged into its weights, and the file's output layer
    (one output per word piece, or several: ``head.weight`` is a vector or a matrix). Whatever else the file holds
    (a threshold, say) is in ``settings``."""

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load_file

        from ..comparison.embed import NumpyMiniLM, model_path

        self.encoder = NumpyMiniLM(model_path())  # its own copy: the updates must not reach the embeddings
        trained = load_file(str(path))
        scale = float(trained.pop("scale")[0])
        self.head_weight = np.atleast_2d(trained.pop("head.weight"))  # (outputs, hidden)
        self.head_bias = np.atleast_1d(trained.pop("head.bias"))
        weights = self.encoder.weights
        for name in [n for n in trained if n.endswith(".A")]:
            layer = name[: -len(".A")]
            delta = scale * (trained.pop(layer + ".B") @ trained.pop(name))  # (out, in), as torch stores a weight
            weights[layer + ".weight"] = np.ascontiguousarray(weights[layer + ".weight"] + delta.T.astype(np.float32))
        for name in [n for n in trained if "LayerNorm" in n]:
            weights[name] = trained.pop(name)
        self.settings = trained

    def chances(self, text: str, ranges: list[tuple[int, int]], batch_size: int = 32) -> list[tuple[tuple[int, int], np.ndarray]]:
        """Each word piece of the given ranges of the text with the chance of each output (an array)."""
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
            logits = hidden @ self.head_weight.T + self.head_bias
            chances = 1.0 / (1.0 + np.exp(-logits))
            for row, (_, offsets) in enumerate(batch):
                found.extend(zip(offsets, chances[row, 1 : 1 + len(offsets)], strict=True))
        return found


def runs(pieces: list[tuple[tuple[int, int], np.ndarray]], role: int, threshold: float,
         start_role: int | None = None, start_threshold: float = 0.5, seed: float = 0.0) -> list[tuple[int, int, float]]:
    """Runs of pieces whose chance for ``role`` is at or above the threshold, as (start, end, mean chance): pieces a
    space apart join; a piece below ends a run, and so does one ``start_role`` marks as the first of a new one. With
    ``seed``, only runs with a piece at or above it are kept (a confident word, and the likely words beside it)."""
    found: list[tuple[int, int, float]] = []
    run: list[float] = []
    run_start = run_end = 0
    for (start, end), chances in pieces:
        opens = start_role is not None and chances[start_role] >= start_threshold
        if chances[role] >= threshold and run and start - run_end <= 1 and not opens:
            run.append(float(chances[role]))
            run_end = end
            continue
        if run:
            found.append((run_start, run_end, float(np.mean(run))))
            run = []
        if chances[role] >= threshold:
            run, run_start, run_end = [float(chances[role])], start, end
    if run:
        found.append((run_start, run_end, float(np.mean(run))))
    return [f for f in found if not seed or _seeded(pieces, f, role, seed)]


def _seeded(pieces: list[tuple[tuple[int, int], np.ndarray]], run: tuple[int, int, float], role: int, seed: float) -> bool:
    return any(run[0] <= start and end <= run[1] and chances[role] >= seed for (start, end), chances in pieces)
