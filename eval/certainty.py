"""Certainty scorers: hedged sentences (CoNLL-2010 Wikipedia weasels) and headline stance (Emergent).

- ``weasel`` (CoNLL-2010 balanced subset, ``-1`` = uncertain): ``hedged_*`` counts a sentence as uncertain when
  any of our claims in it is ``hedged``; ``weasel_*`` when it is hedged or has vague words (``claim.vague``:
  "some", "critics", "it is argued"), which is what this data marks. F1 of the uncertain class, and accuracy. The file has no split, so one is made:
  rows with an even index are ``train`` (tune), odd ones ``dev`` (report).
- ``emergent`` (Emergent, its own train / test files; ``dev`` here is its test file): a headline's stance to its
  claim from our certainty alone. ``observing`` when the headline's main claim, or a hedged description inside
  it ("arrest of woman who may be X's wife"), is reported or hedged (it attributes or distances; a claim attributed through a cue that vouches for it, "confirms", "reveals", is
  asserted and does not count), ``against`` when it is denied or the headline negates what the claim does not,
  else ``for``. Accuracy and macro-F1.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import lru_cache

from counterpoint.analysis.pipeline import run_pipeline
from counterpoint.model import Article

from .data import dataset

__all__ = ["score_weasel", "score_emergent"]

_NEGATIONS = frozenset({"not", "no", "n't", "never", "hoax", "fake", "false", "denies", "denied", "debunked", "myth"})


def _analyze(texts: Iterable[str]) -> list[Article]:
    return list(run_pipeline(Article(id=f"s{i}", text=text) for i, text in enumerate(texts)))


@lru_cache(maxsize=2)
def _weasel_rows(split: str) -> tuple[tuple[bool, str], ...]:
    path = dataset("conll2010_wikiweasel") / "uncertainty-conll2010.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [(label.strip() == "-1", text) for label, text in csv.reader(handle)]
    parity = 0 if split == "train" else 1
    return tuple(row for i, row in enumerate(rows) if i % 2 == parity and row[1].strip())


def _f1(rows, articles, predict) -> dict[str, float]:  # noqa: ANN001
    tp = fp = fn = correct = 0
    for (uncertain, _), article in zip(rows, articles, strict=True):
        predicted = predict(article)
        tp += predicted and uncertain
        fp += predicted and not uncertain
        fn += uncertain and not predicted
        correct += predicted == uncertain
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r, "accuracy": correct / len(rows)}


def score_weasel(split: str = "dev") -> dict[str, float]:
    rows = _weasel_rows(split)
    articles = _analyze(text for _, text in rows)
    hedged = _f1(rows, articles, lambda a: any(c.certainty == "hedged" for c in a.claims))
    weasel = _f1(rows, articles, lambda a: any(c.certainty == "hedged" or c.vague for c in a.claims))
    scores = {f"hedged_{k}": v for k, v in hedged.items()}
    scores.update({f"weasel_{k}": v for k, v in weasel.items()})
    scores["sentences"] = len(rows)
    return scores


def _stance(headline: Article, claim: str) -> str:
    claims = sorted(headline.claims, key=lambda c: c.end - c.start, reverse=True)
    certainty = claims[0].certainty if claims else "asserted"
    if any(c.certainty == "denied" for c in claims):
        return "against"
    words = {w.strip(".,'\"").lower() for w in headline.text.replace("n't", " n't").split()}
    claim_words = {w.strip(".,'\"").lower() for w in claim.replace("n't", " n't").split()}
    if (words & _NEGATIONS) - claim_words:
        return "against"
    if certainty in {"reported", "hedged", "conditional"} or any(
        c.certainty == "hedged" and claims[0].start <= c.start and c.end <= claims[0].end for c in claims[1:]
    ) or any(
        c.attribution is not None and c.certainty != "asserted" for c in claims
    ):
        return "observing"
    return "for"


def score_emergent(split: str = "dev") -> dict[str, float]:
    name = "train" if split == "train" else "test"
    path = dataset("emergent") / "emergent" / f"url-versions-2015-06-14-clean-{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["articleHeadline"].strip()]
    headlines = _analyze(row["articleHeadline"] for row in rows)
    gold = [row["articleHeadlineStance"] for row in rows]
    predicted = [_stance(h, row["claimHeadline"]) for h, row in zip(headlines, rows, strict=True)]
    labels = sorted(set(gold))
    f1s = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        n_pred, n_gold = predicted.count(label), gold.count(label)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    return {"accuracy": accuracy, "macro_f1": sum(f1s) / len(f1s), "headlines": len(gold)}
