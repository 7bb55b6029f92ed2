"""Framing scorers: loaded language against SemEval-2020 Task 11 (``ptc``) and biased wording against BABE (``babe``).

- ``ptc`` (Propaganda Techniques Corpus, read from ``../shared/eval/semeval2020_task11_ptc``): our
  ``loaded_terms`` and ``persuasive_passages`` as propaganda spans (``terms_si_*`` and ``passages_si_*``: each
  alone; ``passage_sentence_*``: passages as sentence calls, a sentence counting as marked when any gold span
  overlaps it; ``heldout_*``: the same on the held-apart train slice, which neither model was fitted or tuned
  on). ``si_*`` is the task's span-identification metric on ``dev`` against the
  gold spans of the dev template (techniques unknown there, all 14 techniques count): a predicted span s earns
  |s∩t|/|s| precision credit and |s∩t|/|t| recall credit for every gold span t it overlaps, summed over all
  articles and divided by the number of predicted and gold spans; overlapping spans are merged first on both
  sides. ``loaded_language_*`` and ``name_calling_*`` use the same metric per technique on the slice of
  ``train`` held apart (article id divisible by 5): terms of category ``label`` against Name_Calling,Labeling,
  the other categories against Loaded_Language. The learned tagger is fitted on the rest of train
  (``eval/train_loaded.py``); nothing is tuned on the held-apart slice or on dev. Every metric also comes as
  ``lexicon_*``: the same parse with the shipped lexicon alone (no tagger). ``tagger_si_*`` is SI with the
  propaganda tagger on (``--tagger``: loaded terms and the tagger's spans, ``eval/train_propaganda.py``, fitted on
  the train articles not held apart, its threshold chosen on the held-apart slice); ``tagger_spans_si_*`` its spans
  alone; ``heldout_tagger_*`` the same on the held-apart slice.
- ``babe`` (BABE SG2 expert labels, ``../shared/eval/babe_mbic``; all 3,673 sentences with a majority label):
  ``lexicon_macro_f1`` / ``shipped_macro_f1`` call a sentence biased when it holds at least one loaded term
  (lexicon alone / as shipped); no training, so no folds needed. ``learned_macro_f1`` is logistic regression
  over TF-IDF words and bigrams plus our loaded-term counts, 5-fold stratified cross-validation (seed 0), mean
  over folds: what a learned sentence model adds (evaluation only; it does not ship). ``passages_macro_f1``
  calls a sentence biased when it is a persuasive passage (the PTC-trained model, never fitted on BABE: a test
  of how far it carries to another annotation of slant). With
  ``COUNTERPOINT_BABE_EMBED=1`` it also reports ``embedding_macro_f1``: the bundled MiniLM sentence embedding
  plus the counts (minutes on 2 cores, so not in CI); with ``COUNTERPOINT_BABE_FINETUNE=1``, ``finetuned_macro_f1``:
  the bundled MiniLM adapted as a classifier on each fold (``eval/babe_finetune.py``; evaluation only, see there why
  it does not ship). ``tagger_macro_f1`` calls a sentence biased when the propaganda tagger (trained on PTC, never
  on BABE) finds a span in it. ``word_*`` / ``lexicon_word_*``: words of our loaded terms
  against the words annotators marked biased, pooled over all sentences.
"""

from __future__ import annotations

import ast
import csv
import os
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from counterpoint.analysis.casing import parse_pairs
from counterpoint.analysis.loaded import find_loaded_terms
from counterpoint.analysis.nlp import load_nlp
from counterpoint.analysis.pipeline import annotate
from counterpoint.analysis.propaganda import find_spans
from counterpoint.model import Article

from .attribution import prf
from .data import DataMissing, dataset

__all__ = [
    "PtcArticle",
    "ptc_articles",
    "merge",
    "si_prf",
    "predicted_spans",
    "score_ptc",
    "babe_rows",
    "score_babe",
]

PtcArticle = tuple[str, str, list[tuple[str, int, int]]]  # id, text, gold (technique, start, end)
LOADED = "Loaded_Language"
NAME_CALLING = "Name_Calling,Labeling"
#: A train article is held apart (never fitted or tuned on) when its numeric id is divisible by this.
HELD_APART_MODULUS = 5


def _ptc_root() -> Path:
    return dataset("semeval2020_task11_ptc") / "datasets"


def _labels(path: Path) -> dict[str, list[tuple[str, int, int]]]:
    gold: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 4:
            gold[cells[0]].append((cells[1], int(cells[2]), int(cells[3])))
    return gold


@lru_cache(maxsize=4)
def ptc_articles(split: str) -> tuple[PtcArticle, ...]:
    """Articles with gold spans: ``dev`` (template spans, technique '?'), ``train``, ``train-fit``, ``train-heldout``."""
    root = _ptc_root()
    if split == "dev":
        folder, labels = root / "dev-articles", root / "dev-task-TC-template.out"
    else:
        folder, labels = root / "train-articles", root / "train-task2-TC.labels"
    if not folder.is_dir() or not labels.is_file():
        raise DataMissing(f"semeval2020_task11_ptc: no {split} articles or labels under {root}")
    gold = _labels(labels)
    articles = []
    for path in sorted(folder.glob("article*.txt")):
        article_id = path.stem.removeprefix("article")
        held = int(article_id) % HELD_APART_MODULUS == 0
        if (split == "train-fit" and held) or (split == "train-heldout" and not held):
            continue
        text = path.read_text(encoding="utf-8")
        articles.append((article_id, text, gold.get(article_id, [])))
    return tuple(articles)


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined into one (the SI metric scores merged spans)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif end > start:
            merged.append((start, end))
    return merged


def si_prf(predicted: dict[str, list[tuple[int, int]]], gold: dict[str, list[tuple[int, int]]]) -> dict[str, float]:
    """The SemEval-2020 Task 11 SI metric: partial credit for overlap, summed over articles."""
    precision_credit = recall_credit = 0.0
    n_predicted = n_gold = 0
    for article_id in set(predicted) | set(gold):
        ours, theirs = merge(predicted.get(article_id, [])), merge(gold.get(article_id, []))
        n_predicted += len(ours)
        n_gold += len(theirs)
        for s_start, s_end in ours:
            for g_start, g_end in theirs:
                overlap = min(s_end, g_end) - max(s_start, g_start)
                if overlap > 0:
                    precision_credit += overlap / (s_end - s_start)
                    recall_credit += overlap / (g_end - g_start)
    precision = precision_credit / n_predicted if n_predicted else 0.0
    recall = recall_credit / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _analyze(items: Iterable[tuple[str, str]]) -> tuple[list[Article], list[Article]]:
    """Each text analyzed as shipped, and a copy whose loaded terms come from the lexicon alone (same parse)."""
    nlp = load_nlp()
    shipped, lexicon_only = [], []
    pairs = ((text, Article(id=article_id, text=text)) for article_id, text in items)
    for doc, article in parse_pairs(nlp, pairs, batch_size=32):
        annotate(doc, article)
        shipped.append(article)
        plain = article.model_copy()
        plain.loaded_terms = find_loaded_terms(doc, article, use_tagger=False)
        lexicon_only.append(plain)
    return shipped, lexicon_only


def predicted_spans(
    articles: list[Article], categories: set[str] | None = None, *, terms: bool = True, passages: bool = False
) -> dict[str, list[tuple[int, int]]]:
    """Per article id, our loaded terms (unless ``terms`` is false; optionally only some categories) and with
    ``passages`` our persuasive passages."""
    return {
        a.id: [(t.start, t.end) for t in a.loaded_terms if terms and (categories is None or t.category in categories)]
        + ([(p.start, p.end) for p in a.persuasive_passages] if passages else [])
        for a in articles
    }


def _prefixed(prefix: str, scores: dict[str, float]) -> dict[str, float]:
    return {f"{prefix}_{key}": round(value, 4) for key, value in scores.items()}


def _si_variants(prefix: str, articles: list[Article], gold: dict[str, list[tuple[int, int]]]) -> dict[str, float]:
    """SI as shipped (loaded terms and persuasive passages), and each of the two alone."""
    scores = _prefixed(prefix + "si", si_prf(predicted_spans(articles, passages=True), gold))
    scores.update(_prefixed(prefix + "terms_si", si_prf(predicted_spans(articles), gold)))
    scores.update(_prefixed(prefix + "passages_si", si_prf(predicted_spans(articles, terms=False, passages=True), gold)))
    scores.update(_prefixed(prefix + "passage_sentence", _sentence_prf(articles, gold)))
    return scores


def _tagger_variants(prefix: str, articles: list[Article], gold: dict[str, list[tuple[int, int]]]) -> dict[str, float]:
    """SI with the propaganda tagger on (``--tagger``: loaded terms and the tagger's spans), and its spans alone."""
    spans = {a.id: [(p.start, p.end) for p in find_spans(a)] for a in articles}
    terms = predicted_spans(articles)
    scores = _prefixed(prefix + "tagger_si", si_prf({a: terms.get(a, []) + spans[a] for a in spans}, gold))
    scores.update(_prefixed(prefix + "tagger_spans_si", si_prf(spans, gold)))
    return scores


def _sentence_prf(articles: list[Article], gold: dict[str, list[tuple[int, int]]]) -> dict[str, float]:
    """Passages as sentence calls: a sentence is called when a passage overlaps it, marked when a gold span does."""
    flagged = marked = both = 0
    for article in articles:
        spans = gold.get(article.id, [])
        called = [(p.start, p.end) for p in article.persuasive_passages]
        for sentence in article.sentences:
            hit = any(s < sentence.end and e > sentence.start for s, e in spans)
            call = any(s < sentence.end and e > sentence.start for s, e in called)
            flagged += call
            marked += hit
            both += call and hit
    precision, recall, f1 = prf(both, flagged, marked)
    return {"precision": precision, "recall": recall, "f1": f1}


def score_ptc(split: str = "dev") -> dict[str, float]:
    """SI P/R/F1 on dev; per-technique span F1 on the held-apart train slice (see the module docstring)."""
    dev = ptc_articles(split)
    shipped, lexicon_only = _analyze((a, t) for a, t, _ in dev)
    gold = {a: [(s, e) for _, s, e in spans] for a, _, spans in dev}
    scores = _si_variants("", shipped, gold)
    scores.update(_prefixed("lexicon_si", si_prf(predicted_spans(lexicon_only), gold)))
    scores.update(_tagger_variants("", shipped, gold))
    held = ptc_articles("train-heldout")
    shipped, lexicon_only = _analyze((a, t) for a, t, _ in held)
    held_gold = {a: [(s, e) for _, s, e in spans] for a, _, spans in held}
    scores.update(_si_variants("heldout_", shipped, held_gold))
    scores.update(_tagger_variants("heldout_", shipped, held_gold))
    for prefix, technique, categories in (
        ("loaded_language", LOADED, {"loaded", "intensifier", "euphemism", "scare_quotes"}),
        ("name_calling", NAME_CALLING, {"label"}),
    ):
        gold = {a: [(s, e) for name, s, e in spans if name == technique] for a, _, spans in held}
        scores.update(_prefixed(prefix, si_prf(predicted_spans(shipped, categories), gold)))
        scores.update(_prefixed("lexicon_" + prefix, si_prf(predicted_spans(lexicon_only, categories), gold)))
    return scores


# --- BABE ------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def babe_rows() -> tuple[tuple[str, bool, frozenset[str]], ...]:
    """BABE SG2 sentences with an expert majority: (text, biased, words marked biased, lower-cased)."""
    path = dataset("babe_mbic") / "data" / "final_labels_SG2.csv"
    if not path.is_file():
        raise DataMissing(f"babe_mbic: no {path.name} at {path.parent}")
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["label_bias"] not in {"Biased", "Non-biased"}:
                continue
            try:
                words = ast.literal_eval(row["biased_words"] or "[]")
            except (ValueError, SyntaxError):
                words = []
            marked = frozenset(w.lower() for phrase in words for w in str(phrase).split())
            rows.append((row["text"], row["label_bias"] == "Biased", marked))
    return tuple(rows)


def _macro_f1(truth: list[bool], guess: list[bool]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(truth, guess, average="macro"))


def _lexicon_features(article: Article) -> list[float]:
    by_category: dict[str, float] = defaultdict(float)
    for term in article.loaded_terms:
        by_category[term.category] += 1
        by_category["negative"] += min(term.polarity, 0.0)
    categories = ("label", "loaded", "euphemism", "intensifier", "scare_quotes", "negative")
    return [by_category[c] for c in categories] + [float(bool(article.loaded_terms))]


def _word_prf(articles: list[Article], marked: list[frozenset[str]]) -> dict[str, float]:
    true_positive = predicted = gold = 0
    for article, words in zip(articles, marked, strict=True):
        ours = {w.lower().strip("“”\"'‘’") for t in article.loaded_terms for w in t.text.split()}
        true_positive += len(ours & words)
        predicted += len(ours)
        gold += len(words)
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score_babe(split: str = "cv5") -> dict[str, float]:
    """Sentence bias macro-F1 (lexicon alone; learned, 5-fold CV) and biased-word P/R/F1 (see the docstring)."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    rows = babe_rows()
    texts = [text for text, _, _ in rows]
    truth = [biased for _, biased, _ in rows]
    articles, lexicon_only = _analyze((f"b{i}", text) for i, text in enumerate(texts))
    scores = {"sentences": float(len(rows))}
    scores["lexicon_macro_f1"] = round(_macro_f1(truth, [bool(a.loaded_terms) for a in lexicon_only]), 4)
    scores["shipped_macro_f1"] = round(_macro_f1(truth, [bool(a.loaded_terms) for a in articles]), 4)
    scores["passages_macro_f1"] = round(_macro_f1(truth, [bool(a.persuasive_passages) for a in articles]), 4)
    lexical = csr_matrix(np.array([_lexicon_features(a) for a in articles]))
    labels = np.array(truth)
    embedded = None
    if os.environ.get("COUNTERPOINT_BABE_EMBED") == "1":  # slow (minutes on 2 cores): not run in CI
        from counterpoint.comparison.embed import embed

        embedded = csr_matrix(embed(texts))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    fold_scores: dict[str, list[float]] = defaultdict(list)
    for fit, held in folds.split(texts, labels):
        words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        fit_words = words.fit_transform([texts[i] for i in fit])
        held_words = words.transform([texts[i] for i in held])
        designs = {"learned": (hstack([fit_words, lexical[fit]]), hstack([held_words, lexical[held]]))}
        if embedded is not None:
            designs["embedding"] = (hstack([embedded[fit], lexical[fit]]), hstack([embedded[held], lexical[held]]))
        for name, (x_fit, x_held) in designs.items():
            model = LogisticRegression(C=4.0 if name == "learned" else 1.0, max_iter=2000, solver="liblinear")
            model.fit(x_fit.tocsr(), labels[fit])
            fold_scores[name].append(_macro_f1(list(labels[held]), list(model.predict(x_held.tocsr()))))
    for name, values in fold_scores.items():
        scores[f"{name}_macro_f1"] = round(float(np.mean(values)), 4)
    if os.environ.get("COUNTERPOINT_BABE_FINETUNE") == "1":  # about 30 minutes on 2 cores: not run in CI
        from .babe_finetune import finetuned_macro_f1

        splits = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(texts, labels))
        scores["finetuned_macro_f1"] = round(finetuned_macro_f1(texts, labels, splits, _macro_f1), 4)
    tagged = [bool(find_spans(a)) for a in articles]
    scores["tagger_macro_f1"] = round(_macro_f1(truth, tagged), 4)
    marked = [words for _, _, words in rows]
    scores.update(_prefixed("word", _word_prf(articles, marked)))
    scores.update(_prefixed("lexicon_word", _word_prf(lexicon_only, marked)))
    return scores
