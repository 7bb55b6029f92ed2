"""Claim matching: does the embedding gate of claim alignment (``align.MIN_COSINE``) pass restatements of a
claim and stop claims on other matters?

- ``claimmatch`` (Emergent, its own train / test files; ``dev`` here is its test file): each article headline
  restates, reports or denies one tracked claim (a rumour). A headline counts as found when the cosine of its
  embedding with its own claim reaches the gate (recall). For precision, each headline is also set against the
  nearest claim that is not its own (the hardest negative the data offers): a pass there is a false match.
  No data here has claim-level alignment gold for two articles on one storyline, whose different claims look
  far more alike than Emergent's different rumours: precision on those is lower than measured here.

``python -m eval.matching --sweep`` prints recall and precision on train over a range of gates: how the
shipped gate was chosen (the lowest at which train precision reaches 0.94).
"""

from __future__ import annotations

import argparse
import csv
from functools import lru_cache

import numpy as np

from counterpoint.comparison.align import MIN_COSINE
from counterpoint.comparison.embed import embed

from .data import dataset

__all__ = ["score", "gate_scores"]


@lru_cache(maxsize=2)
def _cosines(split: str) -> tuple[np.ndarray, np.ndarray]:
    """Per headline: the cosine with its own claim, and with the nearest other claim."""
    name = "train" if split == "train" else "test"
    path = dataset("emergent") / "emergent" / f"url-versions-2015-06-14-clean-{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["articleHeadline"].strip()]
    claims = sorted({row["claimHeadline"] for row in rows})
    index = {claim: n for n, claim in enumerate(claims)}
    similarity = embed([row["articleHeadline"] for row in rows]) @ embed(claims).T
    own_column = np.array([index[row["claimHeadline"]] for row in rows])
    own = similarity[np.arange(len(rows)), own_column]
    similarity[np.arange(len(rows)), own_column] = -1.0
    return own, similarity.max(axis=1)


def gate_scores(split: str, gate: float) -> dict[str, float]:
    own, other = _cosines(split)
    found, false = int((own >= gate).sum()), int((other >= gate).sum())
    recall = found / len(own)
    precision = found / (found + false) if found + false else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "headlines": len(own), "gate": gate}


def score(split: str = "dev") -> dict[str, float]:
    return gate_scores(split, MIN_COSINE)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m eval.matching")
    parser.add_argument("--sweep", action="store_true", help="recall and precision on train over a range of gates")
    args = parser.parse_args()
    if args.sweep:
        for gate in np.arange(0.55, 0.86, 0.05):
            s = gate_scores("train", round(float(gate), 2))
            print(f"gate {s['gate']:.2f}  precision {s['precision']:.3f}  recall {s['recall']:.3f}  f1 {s['f1']:.3f}")
    else:
        print(score("dev"))
