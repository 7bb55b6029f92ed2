"""Train the shipped persuasive-passage model (``src/counterpoint/resources/persuasion_model.tsv``) on SemEval-2020
Task 11.

    python -m eval.train_persuasion            # fit on the train articles not held apart, write the weights
    python -m eval.train_persuasion --check    # only report cross-validated scores, write nothing

One logistic regression over the presence features of a sentence (``counterpoint.analysis.persuasion``) predicts
whether annotators marked any propaganda technique in it. Data: ``train-fit`` only (train articles whose id is not
divisible by 5). The regularisation C and the decision threshold are chosen by the task's SI F1 (a passage is the
whole sentence) in 3-fold cross-validation inside train-fit; the held-apart slice and dev are never read here.
The written file holds one weight per feature seen in at least 3 train-fit sentences (single words, lemmas and
word pairs with names replaced by their kind, lexicon categories, entity kinds, pronouns, a length bucket, the
first-line, "!" and quotation flags), no sentence or span of the data set.
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

from counterpoint.analysis.nlp import load_nlp  # noqa: E402
from counterpoint.analysis.persuasion import MODEL_PATH, document_sentences  # noqa: E402
from eval.framing import ptc_articles, si_prf  # noqa: E402

__all__ = ["main"]

#: Features seen in fewer training sentences than this are dropped (keeps the file small and the model general).
MIN_COUNT = 3
C_VALUES = (1.0, 3.0, 10.0)
THRESHOLDS = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
FOLDS = 3

Row = tuple[str, tuple[int, int], set[str], bool]  # article id, sentence (start, end), features, marked


def _rows(split: str) -> tuple[list[Row], dict[str, list[tuple[int, int]]]]:
    """Every sentence of the split with its features and whether a gold span (any technique) overlaps it."""
    nlp = load_nlp()
    articles = ptc_articles(split)
    rows: list[Row] = []
    gold = {}
    for (article_id, _, spans), doc in zip(articles, nlp.pipe((t for _, t, _ in articles), batch_size=16), strict=True):
        gold[article_id] = [(s, e) for _, s, e in spans]
        for sentence in document_sentences(doc, doc.text):
            start, end = sentence.span.start_char, sentence.span.end_char
            marked = any(s < end and e > start for s, e in gold[article_id])
            rows.append((article_id, (start, end), sentence.features, marked))
    return rows, gold


def _vocabulary(rows: list[Row]) -> dict[str, int]:
    counts = Counter(f for _, _, features, _ in rows for f in features)
    kept = sorted(f for f, n in counts.items() if n >= MIN_COUNT and not any(c.isspace() and c != " " for c in f))
    return {f: i for i, f in enumerate(kept)}


def _design(rows: list[Row], vocabulary: dict[str, int]):  # noqa: ANN202 - scipy sparse matrix
    """Presence of each known feature, each row L2-normalised (as ``PassageModel.probability`` computes it)."""
    from scipy.sparse import csr_matrix

    data, indices, indptr = [], [], [0]
    for _, _, features, _ in rows:
        columns = sorted(vocabulary[f] for f in features if f in vocabulary)
        indices += columns
        data += [1.0 / np.sqrt(len(columns))] * len(columns) if columns else []
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary)), dtype=np.float64)


def _fit(x, y: np.ndarray, c: float):  # noqa: ANN001, ANN202
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=2000, solver="liblinear", class_weight="balanced").fit(x, y)


def _si_f1(rows: list[Row], probability: np.ndarray, threshold: float, gold: dict[str, list[tuple[int, int]]]) -> float:
    predicted: dict[str, list[tuple[int, int]]] = {article_id: [] for article_id, _, _, _ in rows}
    for (article_id, span, _, _), p in zip(rows, probability, strict=True):
        if p >= threshold:
            predicted[article_id].append(span)
    return si_prf(predicted, {a: gold[a] for a in predicted})["f1"]


def cross_validate(rows: list[Row], gold: dict[str, list[tuple[int, int]]]) -> tuple[float, float, float]:
    """(C, threshold, SI F1) with the best mean SI F1 over ``FOLDS`` folds of whole articles."""
    articles = sorted({article_id for article_id, _, _, _ in rows})
    fold_of = {article_id: i % FOLDS for i, article_id in enumerate(articles)}
    results: dict[tuple[float, float], list[float]] = {}
    for fold in range(FOLDS):
        fit = [r for r in rows if fold_of[r[0]] != fold]
        held = [r for r in rows if fold_of[r[0]] == fold]
        vocabulary = _vocabulary(fit)
        x, y = _design(fit, vocabulary), np.array([r[3] for r in fit])
        for c in C_VALUES:
            probability = _fit(x, y, c).predict_proba(_design(held, vocabulary))[:, 1]
            for threshold in THRESHOLDS:
                results.setdefault((c, threshold), []).append(_si_f1(held, probability, threshold, gold))
    means = {key: float(np.mean(scores)) for key, scores in results.items()}
    for (c, threshold), f1 in sorted(means.items()):
        print(f"C={c:<5} threshold={threshold:.2f}  SI F1 {f1:.4f}")
    (c, threshold), f1 = max(means.items(), key=lambda kv: kv[1])
    return c, threshold, f1


def _export(model, vocabulary: dict[str, int], threshold: float) -> str:  # noqa: ANN001
    lines = [
        "# Persuasive-passage sentence model (logistic regression), trained by eval/train_persuasion.py on the",
        "# SemEval-2020 Task 11 train articles not held apart: the chance that annotators marked a propaganda technique",
        "# in a sentence. Weights only: each feature seen in at least 3 training sentences (a word, lemma or word pair,",
        "# names replaced by their kind; lexicon categories, entity kinds, pronouns, length, first line, '!' and quotes)",
        "# with its weight; no sentence or span of the data set.",
        "# Columns (tab-separated): feature | weight. '@bias' is the intercept, '@threshold' the decision threshold.",
        f"@bias\t{model.intercept_[0]:.4f}",
        f"@threshold\t{threshold:.2f}",
    ]
    weights = model.coef_[0]
    lines += [f"{feature}\t{weights[i]:.4f}" for feature, i in vocabulary.items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.train_persuasion", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report cross-validated scores only")
    args = parser.parse_args(argv)
    rows, gold = _rows("train-fit")
    c, threshold, f1 = cross_validate(rows, gold)
    print(f"chosen (3-fold CV on train-fit): C={c}, threshold={threshold}, SI F1 {f1:.4f}")
    if args.check:
        return 0
    vocabulary = _vocabulary(rows)
    model = _fit(_design(rows, vocabulary), np.array([r[3] for r in rows]), c)
    text = _export(model, vocabulary, threshold)
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({len(text.encode()) / 1e6:.2f} MB, {len(vocabulary)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
