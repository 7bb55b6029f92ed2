"""Grouping scorers: ECB+ documents back into their events, NeuS/AllSides pieces back into their stories.

- ``ecbplus`` (``ecbplus/documents/<topic><ecb|ecbplus>/*.json``): 982 documents, 43 topics, each topic two
  look-alike events (86 in all; the folder name is the event). The data has no split, so one is made by topic:
  odd topic numbers are ``train`` (tune), even ones ``dev`` (report). The documents of a split are grouped
  together and our stories are scored against the gold events (a seminal event with all its coverage, set apart
  from a look-alike one with other actors, is what we call a story): B-cubed precision, recall and F1 and the
  adjusted Rand index. ``event_b3_f1`` scores our events (inside stories) against the same gold.
- ``neus`` (``neus_allsides/data/naacl2022_lrc_roundup_random_order_probe/{train,val}.source``): each line holds
  one story told by three outlets (left, center, right). ``dev`` is the val file (307 stories); ``train`` is the
  first 300 lines of the train file. All pieces of a split are pooled and our events (one news item told by
  several outlets) scored against the lines: B-cubed P/R/F1 and ARI; ``story_b3_f1`` scores our stories.

Both read the data at run time (nothing is copied) and raise DataMissing when it is absent.
``python -m eval.grouping --compare`` measures TF-IDF + entities + time against dense embeddings on both.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from counterpoint.comparison.features import ArticleFeatures, article_features, quick_analysis
from counterpoint.comparison.group import DEFAULT, GroupParams, group_features
from counterpoint.model import Article

from .data import DataMissing, dataset

__all__ = ["b_cubed", "score_ecbplus", "score_neus", "labelled", "evaluate"]


@dataclass(frozen=True)
class Labelled:
    """Articles (ingested text only) with their gold cluster labels."""

    articles: tuple[Article, ...]
    gold: tuple[str, ...]


def b_cubed(gold: Sequence[str], predicted: Sequence[int | str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998): per item, the overlap of its gold and predicted
    clusters over each, averaged over items."""
    by_gold: dict[str, set[int]] = {}
    by_predicted: dict[int | str, set[int]] = {}
    for index, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        by_gold.setdefault(g, set()).add(index)
        by_predicted.setdefault(p, set()).add(index)
    precision = recall = 0.0
    for g, p in zip(gold, predicted, strict=True):
        shared = len(by_gold[g] & by_predicted[p])
        precision += shared / len(by_predicted[p])
        recall += shared / len(by_gold[g])
    n = len(gold) or 1
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"b3_precision": precision, "b3_recall": recall, "b3_f1": f1}


@lru_cache(maxsize=4)
def _ecbplus(split: str) -> Labelled:
    folder = dataset("ecbplus") / "documents"
    if not folder.is_dir():
        raise DataMissing(f"ecbplus: no documents folder at {folder}")
    parity = 1 if split == "train" else 0
    articles, gold = [], []
    for sub in sorted(folder.iterdir(), key=lambda p: (int(re.match(r"\d+", p.name).group()), p.name)):  # type: ignore[union-attr]
        if int(re.match(r"\d+", sub.name).group()) % 2 != parity:  # type: ignore[union-attr]
            continue
        for path in sorted(sub.glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            title, body = (record.get("title") or "").strip(), (record.get("text") or "").strip()
            text = f"{title}\n{body}" if body else title  # 61 documents hold their one sentence in the title only
            articles.append(Article(id=path.stem, text=text, title=title or None))
            gold.append(sub.name)
    if not articles:
        raise DataMissing(f"ecbplus: no documents under {folder}")
    return Labelled(tuple(articles), tuple(gold))


_NEUS_PIECE = re.compile(r"^\s*TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<body>.*)$", re.DOTALL)


@lru_cache(maxsize=4)
def _neus(split: str) -> Labelled:
    name = "val" if split == "dev" else "train"
    path = dataset("neus_allsides") / "data" / "naacl2022_lrc_roundup_random_order_probe" / f"{name}.source"
    if not path.is_file():
        raise DataMissing(f"neus: no {name}.source at {path.parent}")
    articles, gold = [], []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if split == "train" and number >= 300:
                break
            for side, piece in enumerate(line.rstrip("\n").split(" [SEP] ")):
                match = _NEUS_PIECE.match(piece)
                if not match:
                    continue
                title, body = match["title"].strip(), match["body"].strip()
                text = f"{title}\n{body}".strip()
                if text:
                    articles.append(Article(id=f"{name}{number}-{side}", text=text, title=title or None))
                    gold.append(str(number))
    return Labelled(tuple(articles), tuple(gold))


def labelled(name: str, split: str) -> Labelled:
    return _ecbplus(split) if name == "ecbplus" else _neus(split)


@lru_cache(maxsize=8)
def _features(name: str, split: str) -> tuple[ArticleFeatures, ...]:
    """The quick analysis of a split, once per process: it is the slow part, and tuning reuses it."""
    articles = labelled(name, split).articles
    return tuple(article_features(a) for a in quick_analysis(articles, max_chars=DEFAULT.read_chars))


#: Which level of our grouping each data set's gold matches. ECB+ gold "events" are seminal events with all their
#: coverage (an arrest, then the court hearing days later), apart from a look-alike event with other actors: what
#: we call a story. A NeuS line is one news item told by three outlets: what we call an event.
LEVEL = {"ecbplus": "story", "neus": "event"}


def evaluate(name: str, split: str, params: GroupParams = DEFAULT) -> dict[str, float]:
    """Group a split and score it at the level its gold matches (``LEVEL``); the other level is reported too."""
    from sklearn.metrics import adjusted_rand_score

    data = labelled(name, split)
    features = [replace_features(f) for f in _features(name, split)]
    stories = group_features(features, params)
    story_of = [0] * len(features)
    event_of = [0] * len(features)
    event_number = 0
    for s, events in enumerate(stories):
        for event in events:
            for index in event:
                story_of[index], event_of[index] = s, event_number
            event_number += 1
    level, other = (story_of, event_of) if LEVEL[name] == "story" else (event_of, story_of)
    other_name = "event" if LEVEL[name] == "story" else "story"
    scores = b_cubed(data.gold, level)
    scores["ari"] = float(adjusted_rand_score(data.gold, level))
    scores[f"{other_name}_b3_f1"] = b_cubed(data.gold, other)["b3_f1"]
    scores["clusters"] = len(set(level))
    scores["gold_clusters"] = len(set(data.gold))
    scores["documents"] = len(features)
    return scores


def replace_features(feature: ArticleFeatures) -> ArticleFeatures:
    """A copy whose mutable parts can be rewritten (grouping unifies entity keys in place)."""
    return replace(feature, entities=dict(feature.entities), names=dict(feature.names), places=set(feature.places))


def score_ecbplus(split: str = "dev") -> dict[str, float]:
    return evaluate("ecbplus", split)


def score_neus(split: str = "dev") -> dict[str, float]:
    return evaluate("neus", split)


def _best_on_train(candidates: list[GroupParams]) -> tuple[GroupParams, float]:
    """The candidate with the best mean primary B-cubed F1 over both train splits (dev is never looked at)."""
    scored = []
    for params in candidates:
        mean = (evaluate("ecbplus", "train", params)["b3_f1"] + evaluate("neus", "train", params)["b3_f1"]) / 2
        scored.append((mean, params))
    mean, params = max(scored, key=lambda item: item[0])
    return params, mean


def _tune() -> None:
    """The grids the shipped defaults were chosen from (train splits only): first the TF-IDF weights, thresholds
    and occasion penalty without embeddings; then, with those weight and penalty, the share of lead embeddings
    and the thresholds (0.15, 0.6, 0.8 won: mean train B-cubed F1 0.939 against 0.930 without embeddings)."""
    grid = [
        replace(
            DEFAULT,
            text_weight=w,
            entity_weight=round(1 - w, 2),
            dense_weight=0.0,
            story_threshold=ts,
            event_threshold=te,
            occasion_penalty=pen,
        )  # fmt: skip
        for w in (0.8, 0.9, 0.95)
        for ts in (0.5, 0.55, 0.6)
        for te in (0.75, 0.8, 0.85)
        for pen in (0.0, 0.1, 0.2)
    ]
    params, mean = _best_on_train(grid)
    print(f"best on train without embeddings (mean b3_f1 {mean:.4f}): {params}")
    grid = [
        replace(
            params,
            text_weight=round(params.text_weight - dense, 2),
            dense_weight=dense,
            story_threshold=ts,
            event_threshold=te,
        )  # fmt: skip
        for dense in (0.0, 0.15, 0.3)
        for ts in (0.5, 0.55, 0.6)
        for te in (0.7, 0.75, 0.8)
    ]
    params, mean = _best_on_train(grid)
    print(f"best on train with a share of embeddings (mean b3_f1 {mean:.4f}): {params}")


#: The defaults before lead embeddings joined (chosen on train by the first grid of ``_tune``).
TFIDF_ONLY = replace(DEFAULT, text_weight=0.9, dense_weight=0.0, story_threshold=0.55)


def _compare() -> None:
    """TF-IDF + entities + time, the shipped mix with lead embeddings, and dense sentence embeddings of the lead
    alone, each with its thresholds chosen on train (dense: raw cosine or locally scaled), scored on both dev splits."""
    dense_grid = [
        replace(
            DEFAULT,
            text_weight=0.0,
            entity_weight=0.0,
            dense_weight=1.0,
            story_threshold=t,
            event_threshold=t,
            occasion_penalty=0.0,
            scale_floor=floor,
            min_similarity=0.0,
        )  # fmt: skip
        for floor, thresholds in ((1.0, (0.45, 0.5, 0.55, 0.6, 0.65, 0.7)), (0.1, (0.7, 0.8, 0.9, 1.0, 1.1)))
        for t in thresholds
    ]
    dense, _ = _best_on_train(dense_grid)
    for name in ("ecbplus", "neus"):
        for label, params in (("tfidf+entities+time", TFIDF_ONLY), ("shipped (+15% dense)", DEFAULT), ("dense", dense)):
            started = time.perf_counter()
            scores = evaluate(name, "dev", params)
            print(f"{name:8} {label:20} b3_f1={scores['b3_f1']:.4f} ari={scores['ari']:.4f} "
                  f"clusters={scores['clusters']} ({time.perf_counter() - started:.1f}s)")  # fmt: skip
    print(f"dense thresholds (chosen on train): {dense}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m eval.grouping")
    parser.add_argument("--compare", action="store_true", help="measure TF-IDF+entities+time against embeddings")
    parser.add_argument("--tune", action="store_true", help="search the thresholds on the train splits")
    args = parser.parse_args()
    if args.tune:
        _tune()
    if args.compare:
        _compare()
