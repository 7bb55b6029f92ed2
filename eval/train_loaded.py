"""Train the shipped loaded-language tagger (``src/counterpoint/resources/loaded_model.tsv``) on SemEval-2020 Task 11.

    python -m eval.train_loaded            # fit on the train articles not held apart, write the weights
    python -m eval.train_loaded --check    # only report cross-validated scores, write nothing

Two logistic regressions over cheap per-token features (word, lemma, tag, entity type, shape, the neighbouring
words, our lexicon's category, inside quotation marks) tag the tokens of Loaded_Language and of
Name_Calling,Labeling spans. Features are keyed by spaCy's string hashes so that ``analyze`` scores a document
with a few vectorized look-ups (``counterpoint.analysis.loaded``). Data: ``train-fit`` only (train articles whose
id is not divisible by 5); the decoding thresholds are chosen by 3-fold cross-validation inside it. The
held-apart slice and dev are never read here. The written file holds weights, not text from the data set.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from counterpoint.analysis.loaded import MODEL_PATH, TABLES, dense_features, token_keys  # noqa: E402
from counterpoint.analysis.nlp import load_nlp  # noqa: E402
from eval.framing import LOADED, NAME_CALLING, ptc_articles, si_prf  # noqa: E402

__all__ = ["main"]

#: Features seen fewer times than this in the training tokens are dropped (keeps the file small).
MIN_COUNT = 3
#: Weights smaller than this are left out of the file (it stays under 2 MB; their share of a score is small).
MIN_WEIGHT = 0.08
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
TECHNIQUES = {"loaded": LOADED, "label": NAME_CALLING}


def _parse(split: str):  # noqa: ANN202 - (ids, docs, gold)
    nlp = load_nlp()
    articles = ptc_articles(split)
    docs = list(nlp.pipe((text for _, text, _ in articles), batch_size=16))
    return [a for a, _, _ in articles], docs, [g for _, _, g in articles]


def _token_labels(doc, gold, technique: str) -> np.ndarray:  # noqa: ANN001
    inside = np.zeros(len(doc), dtype=bool)
    starts = np.array([t.idx for t in doc])
    ends = starts + np.array([len(t.text) for t in doc])
    for name, start, end in gold:
        if name == technique:
            inside |= (starts < end) & (ends > start)
    return inside


def _design(docs, columns: dict[tuple[int, int], int] | None = None):  # noqa: ANN001, ANN202
    """Sparse one-hot design matrix of the hashed features plus the dense ones."""
    from scipy.sparse import csr_matrix, hstack

    keys = [token_keys(doc) for doc in docs]  # per doc: (n_tokens, n_tables) uint64
    if columns is None:
        counts: Counter[tuple[int, int]] = Counter()
        for k in keys:
            for table in range(k.shape[1]):
                counts.update((table, int(h)) for h in k[:, table])
        columns = {}
        for feature, count in counts.items():
            if count >= MIN_COUNT and feature[1] != 0:
                columns[feature] = len(columns)
    rows, cols = [], []
    offset = 0
    for k in keys:
        for i in range(k.shape[0]):
            for table in range(k.shape[1]):
                col = columns.get((table, int(k[i, table])))
                if col is not None:
                    rows.append(offset + i)
                    cols.append(col)
        offset += k.shape[0]
    sparse = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(offset, len(columns)))
    dense = np.vstack([dense_features(doc) for doc in docs]).astype(np.float32)
    return hstack([sparse, csr_matrix(dense)]).tocsr(), columns


def _fit(x, y):  # noqa: ANN001, ANN202
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=0.5, max_iter=300, solver="liblinear", class_weight={0: 1.0, 1: 3.0})
    model.fit(x, y)
    return model


def _spans(doc, probability: np.ndarray, threshold: float) -> list[tuple[int, int]]:  # noqa: ANN001
    from counterpoint.analysis.loaded import decode_runs

    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in decode_runs(doc, probability, threshold)]


def cross_validate(ids, docs, gold, folds: int = 3) -> dict[str, tuple[float, float]]:  # noqa: ANN001
    """Best threshold and its SI F1 per category, by ``folds``-fold cross-validation on the fit articles."""
    chosen = {}
    for category, technique in TECHNIQUES.items():
        per_threshold = {t: ({}, {}) for t in THRESHOLDS}  # predicted, gold by article
        for fold in range(folds):
            fit = [i for i in range(len(docs)) if i % folds != fold]
            held = [i for i in range(len(docs)) if i % folds == fold]
            x, columns = _design([docs[i] for i in fit])
            y = np.concatenate([_token_labels(docs[i], gold[i], technique) for i in fit])
            model = _fit(x, y)
            for i in held:
                xi, _ = _design([docs[i]], columns)
                probability = model.predict_proba(xi)[:, 1]
                for threshold, (predicted, golden) in per_threshold.items():
                    predicted[ids[i]] = _spans(docs[i], probability, threshold)
                    golden[ids[i]] = [(s, e) for name, s, e in gold[i] if name == technique]
        results = {t: si_prf(p, g)["f1"] for t, (p, g) in per_threshold.items()}
        best = max(results, key=results.get)
        print(category, {t: round(f, 4) for t, f in results.items()})
        chosen[category] = (best, results[best])
    return chosen


def _export(models: dict[str, object], columns: dict[tuple[int, int], int], thresholds: dict[str, float], vocab) -> str:  # noqa: ANN001
    lines = [
        "# Loaded-language tagger weights (logistic regression per token), trained by eval/train_loaded.py on the",
        "# SemEval-2020 Task 11 train articles not held apart. Weights only: feature values are single words, lemmas,",
        "# tags, entity kinds, shapes, dependency labels and suffixes seen at least 3 times there, for a token, the words",
        "# two either side and its head (a vocabulary, no sentence or span of the data set).",
        "# Columns (tab-separated): category (loaded | label) | feature table | feature value | weight.",
        "# Table 'bias' holds the intercept, 'threshold' the decoding threshold; 'dense' the fixed features.",
    ]
    from counterpoint.analysis.loaded import DENSE

    n_sparse = len(columns)
    for category, model in models.items():
        weights = model.coef_[0]
        lines.append(f"{category}\tbias\t-\t{model.intercept_[0]:.4f}")
        lines.append(f"{category}\tthreshold\t-\t{thresholds[category]:.2f}")
        for (table, key), col in sorted(columns.items(), key=lambda kv: kv[1]):
            weight = weights[col]
            if abs(weight) >= MIN_WEIGHT:
                try:
                    value = vocab.strings[key]
                except KeyError:
                    continue
                if "\t" in value or "\n" in value:
                    continue
                lines.append(f"{category}\t{TABLES[table]}\t{value}\t{weight:.3f}")
        for j, name in enumerate(DENSE):
            lines.append(f"{category}\tdense\t{name}\t{weights[n_sparse + j]:.4f}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.train_loaded", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report cross-validated scores only")
    args = parser.parse_args(argv)
    ids, docs, gold = _parse("train-fit")
    chosen = cross_validate(ids, docs, gold)
    print("chosen thresholds (3-fold CV on train-fit):", chosen)
    if args.check:
        return 0
    x, columns = _design(docs)
    models = {}
    for category, technique in TECHNIQUES.items():
        y = np.concatenate([_token_labels(doc, g, technique) for doc, g in zip(docs, gold, strict=True)])
        models[category] = _fit(x, y)
    text = _export(models, columns, {c: t for c, (t, _) in chosen.items()}, load_nlp().vocab)
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({len(text.encode()) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
