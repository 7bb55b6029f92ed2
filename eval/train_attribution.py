"""Train the shipped cue model (``src/counterpoint/resources/attribution_model.tsv``) on PolNeAR train.

    python -m eval.train_attribution            # fit, choose the threshold, write the weights
    python -m eval.train_attribution --check    # only report the held-apart scores, write nothing

Every verb that governs something attributable is a candidate (``attribution._verb_candidates``); a logistic
regression over its features (lemma, what it governs, its dependency, who its subject is, our report-verb
lists) says whether PolNeAR marks it as a cue. Data: PolNeAR train only. The weights are fitted on the train
articles not held apart (CRC-32 of the name not divisible by 5); the regularization and the decision threshold
are chosen by attribution F1 (the ``attribution`` scorer's definition) on the held-apart fifth, then the model is
refitted on all of train with them. Dev is never read here. The file holds weights over single words and tags,
no text of the data set.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from collections import Counter
from pathlib import Path
from unittest import mock

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from counterpoint.analysis import attribution  # noqa: E402
from counterpoint.analysis.casing import parse_pairs  # noqa: E402
from counterpoint.analysis.entities import find_entities  # noqa: E402
from counterpoint.analysis.nlp import load_nlp  # noqa: E402
from counterpoint.model import Article  # noqa: E402
from eval.attribution import attribution_counts, prf  # noqa: E402
from eval.data import PolnearDoc, read_polnear  # noqa: E402

__all__ = ["attribution_prf", "fit_weights", "main"]

MODEL_PATH = Path(attribution.__file__).resolve().parent.parent / "resources" / attribution.MODEL_NAME
#: Features seen fewer times than this among the candidates are dropped (keeps the file small and general).
MIN_COUNT = 3
REGULARIZATION = (0.1, 0.3, 1.0)
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55)
#: Held-apart F1 differences smaller than this are ties (a handful of attributions in the held-apart fifth).
TIE = 0.0005


def _held_apart(doc: PolnearDoc) -> bool:
    return zlib.crc32(doc.name.encode()) % 5 == 0


def _prepared(docs: tuple[PolnearDoc, ...]) -> list[tuple[PolnearDoc, object, Article]]:
    nlp = load_nlp()
    prepared = []
    for parsed, doc in parse_pairs(nlp, ((d.text, d) for d in docs), batch_size=16):  # as analysis parses
        article = Article(id=doc.name, source=str(doc.ann_path), text=doc.text)
        article.entities = find_entities(parsed)  # sources are typed from them; nothing else is needed
        prepared.append((doc, parsed, article))
    return prepared


def _candidates(prepared) -> tuple[list[list[str]], np.ndarray, np.ndarray]:  # noqa: ANN001
    """Features, label (the verb overlaps a gold cue) and article index of every candidate."""
    features, labels, owners = [], [], []
    for index, (doc, parsed, _) in enumerate(prepared):
        quotes = attribution._quoted_ranges(doc.text)
        for draft, found in attribution._verb_candidates(parsed, quotes, doc.text):
            cue = parsed[draft.cue[0] : draft.cue[1]]
            gold = any(c.overlap(cue.start_char, cue.end_char) for a in doc.attributions for c in a.cues)
            features.append(found)
            labels.append(gold)
            owners.append(index)
    return features, np.array(labels), np.array(owners)


def fit_weights(features: list[list[str]], labels: np.ndarray, regularization: float) -> dict[str, float]:
    """Logistic regression (no intercept: features carry a "bias") over features seen ``MIN_COUNT`` times or
    more; the weights by feature name."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for row in features for f in row)
    vectorizer = DictVectorizer()
    design = vectorizer.fit_transform([{f: 1 for f in row if counts[f] >= MIN_COUNT} for row in features])
    model = LogisticRegression(C=regularization, max_iter=3000, fit_intercept=False).fit(design, labels)
    return {name: float(w) for name, w in zip(vectorizer.feature_names_, model.coef_[0], strict=True) if w}


def attribution_prf(prepared) -> tuple[float, float, float]:  # noqa: ANN001
    """Attribution P/R/F1 (the ``attribution`` scorer's matching) of ``find_attributions`` as it stands now."""
    for _, parsed, article in prepared:
        article.attributions = attribution.find_attributions(parsed, article)
    return prf(*attribution_counts((doc, article) for doc, _, article in prepared))


def _attribution_f1(prepared, weights: dict[str, float], threshold: float) -> tuple[float, float, float]:  # noqa: ANN001
    with mock.patch.object(attribution, "cue_model", lambda: attribution.CueModel(weights, threshold)):
        return attribution_prf(prepared)


def _write(weights: dict[str, float], threshold: float, regularization: float) -> None:
    lines = [
        "# Attribution cue model (logistic regression over a verb's features), trained by eval/train_attribution.py",
        "# on PolNeAR train. Weights only: feature values are single lemmas, tags and dependency labels seen at least",
        f"# {MIN_COUNT} times among the candidate verbs there (a vocabulary, no sentence of the data set).",
        f"# Columns (tab-separated): feature | weight. 'threshold' is the decision threshold; C = {regularization}.",
        f"threshold\t{threshold}",
    ]
    lines += [f"{name}\t{weight:.5f}" for name, weight in sorted(weights.items()) if abs(weight) >= 1e-4]
    MODEL_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report held-apart scores only; write nothing")
    args = parser.parse_args(argv)
    prepared = _prepared(read_polnear("train"))
    features, labels, owners = _candidates(prepared)
    held = np.array([_held_apart(doc) for doc, _, _ in prepared])
    fit_rows = np.flatnonzero(~held[owners])
    held_docs = [p for p, h in zip(prepared, held, strict=True) if h]
    print(f"candidates {len(features)}, cues {int(labels.sum())}, held-apart articles {len(held_docs)}")
    results = []
    for regularization in REGULARIZATION:
        weights = fit_weights([features[i] for i in fit_rows], labels[fit_rows], regularization)
        for threshold in THRESHOLDS:
            p, r, f = _attribution_f1(held_docs, weights, threshold)
            print(f"C={regularization} threshold={threshold}: held-apart attribution P {p:.4f} R {r:.4f} F1 {f:.4f}")
            results.append((f, regularization, threshold))
    # Within TIE of the best F1, the highest threshold wins: a wrong attribution costs a reader more than a missing one
    near = [r for r in results if r[0] >= max(results)[0] - TIE]
    f, regularization, threshold = max(near, key=lambda r: (r[2], r[0]))
    print(f"chosen: C={regularization} threshold={threshold} (held-apart F1 {f:.4f})")
    if not args.check:
        _write(fit_weights(features, labels, regularization), threshold, regularization)
        print(f"wrote {MODEL_PATH.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
