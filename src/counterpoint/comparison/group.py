"""Group many articles into stories and, inside each story, events.

Similarity is TF-IDF over the words (headline counted twice) plus TF-IDF over the actors each article names,
as Miranda et al. 2018 found best for news event clustering (TF-IDF with entities and time 92.7 vs dense
embeddings 74.8 F1), with a small share of dense MiniLM embeddings of the lead. Measured here (each method's
weights and thresholds chosen on the train splits, scored on dev): dense embeddings alone lose (B-cubed F1 0.874
vs 0.928 on ECB+, 0.847 vs 0.900 on NeuS/AllSides; ``python -m eval.grouping --compare``), but 15% of them beside
TF-IDF win (ECB+ 0.930, NeuS 0.920): they join pieces of one story told in other words (AllSides' left and right
outlets), where TF-IDF alone splits them. Similarities
are locally scaled (see ``local_scaling``); stories are average-linkage clusters over them, and events split a
story where the articles are less alike or their main events fall on different occasions (dates, weekdays,
places). Fewer than ``SMALL`` articles are grouped by their pairwise relations instead (``relate``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np

from ..model import Article, Grouping, Story
from .compare import distinct_ids
from .features import ArticleFeatures, article_features, quick_analysis, unify_keys

__all__ = [
    "GroupParams",
    "DEFAULT",
    "group_articles",
    "group_features",
    "similarity_matrix",
    "local_scaling",
    "different_occasions",
    "cluster",
    "SMALL",
]

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class GroupParams:
    """The knobs of grouping. Defaults were chosen on the train halves of ECB+ and NeuS (eval/grouping.py)."""

    text_weight: float = 0.75  # TF-IDF over headline (counted twice) and body
    entity_weight: float = 0.1  # TF-IDF over the actors named
    dense_weight: float = 0.15  # sentence embeddings of the lead (alone they score lower; as a share, higher)
    neighbours: int = 2  # local scaling: each article's similarity to its k-th nearest neighbour sets its scale
    scale_floor: float = 0.1  # ... but never below this
    min_similarity: float = 0.1  # below this raw similarity two articles count as unlike, whatever the scaling
    story_threshold: float = 0.6  # scaled average similarity at which clusters merge into one story
    event_threshold: float = 0.8  # ... into one event, inside a story
    max_event_gap_days: int = 3  # main events dated further apart are different occasions
    occasion_penalty: float = 0.1  # subtracted from the event similarity of articles on different occasions
    read_chars: int | None = 1000  # names and times are read from this many characters at the start of each text

    def describe(self) -> str:
        parts = ", ".join(f"{k}={v}" for k, v in asdict(self).items())
        mix = " + ".join(
            name
            for name, weight in (
                ("TF-IDF text", self.text_weight),
                ("entity", self.entity_weight),
                ("lead-embedding", self.dense_weight),
            )
            if weight
        )
        return f"average-linkage clustering over locally scaled {mix} similarity ({parts})"


DEFAULT = GroupParams()


def _tfidf(documents: list[str], **options) -> np.ndarray:  # noqa: ANN003
    """Row-normalized TF-IDF cosine similarities of the documents."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not any(d.strip() for d in documents):
        return np.zeros((len(documents), len(documents)))
    vectorizer = TfidfVectorizer(sublinear_tf=True, dtype=np.float32, **options)
    try:
        matrix = vectorizer.fit_transform(documents)
    except ValueError:  # every word a stop word
        return np.zeros((len(documents), len(documents)))
    return (matrix @ matrix.T).toarray()


def similarity_matrix(features: list[ArticleFeatures], params: GroupParams = DEFAULT) -> np.ndarray:
    """Pairwise cosine similarity (0..1): the weighted mix of text, actor and (optionally) dense similarities."""
    total = params.text_weight + params.entity_weight + params.dense_weight
    similarity = np.zeros((len(features), len(features)), dtype=np.float64)
    if params.text_weight:
        # Words in over half the articles say little about which story one belongs to, but only a large set
        # shows which words those are: with a handful of articles every shared word counts.
        max_df = 0.5 if len(features) >= 20 else 1.0
        texts = [f"{f.headline}\n{f.text}" for f in features]
        similarity += params.text_weight * _tfidf(texts, stop_words="english", max_df=max_df)
    if params.entity_weight:
        entity_docs = [f.entity_tokens() for f in features]
        similarity += params.entity_weight * _tfidf(entity_docs, token_pattern=r"\S+", lowercase=False)
    if params.dense_weight:
        from .relate import subject_similarities

        similarity += params.dense_weight * subject_similarities(features)
    similarity /= total or 1.0
    np.fill_diagonal(similarity, 1.0)
    return similarity


def local_scaling(similarity: np.ndarray, neighbours: int, floor: float, minimum: float = 0.0) -> np.ndarray:
    """Similarity divided by the geometric mean of both articles' similarity to their k-th nearest neighbour.

    Why: how alike two reports of one story look depends on the kind of writing (a wire story and a rewrite of
    it share most words; an opinion piece and a news report of the same event few). Scaling by each article's
    own neighbourhood puts both on one scale, so one threshold serves both (it raised B-cubed F1 on the train
    halves of ECB+ from 0.88 to 0.93 and of NeuS from 0.86 to 0.90).
    """
    n = similarity.shape[0]
    off = similarity.copy()
    np.fill_diagonal(off, 0.0)
    kth = np.full(n, floor) if n <= neighbours else np.partition(off, n - neighbours, axis=1)[:, n - neighbours]
    kth = np.maximum(kth, floor)
    scaled = off / np.sqrt(np.outer(kth, kth))
    scaled[off < minimum] = 0.0
    np.fill_diagonal(scaled, 0.0)
    return scaled


def different_occasions(features: list[ArticleFeatures], max_days: int) -> np.ndarray:
    """True where two articles' main events are on different occasions: dated (not guessed) more than
    ``max_days`` apart, or on different weekdays (when the dates do not show the same day), or in different named
    places."""
    n = len(features)
    if n == 0:
        return np.zeros((0, 0), dtype=bool)
    earliest = np.array([f.main.earliest.toordinal() if f.main.earliest else 0 for f in features], dtype=np.int64)
    latest = np.array([f.main.latest.toordinal() if f.main.latest else 0 for f in features], dtype=np.int64)
    # A date resting on an estimated publication date is a weak guess (eval/dating.py): it sets no gap.
    dated = (earliest > 0) & ~np.array([f.main.guessed for f in features], dtype=bool)
    both_dated = dated[:, None] & dated[None, :]
    gap = np.maximum(earliest[:, None] - latest[None, :], earliest[None, :] - latest[:, None])
    apart = (gap > max_days) & both_dated
    weekday = np.array([-1 if f.main.weekday is None else f.main.weekday for f in features])
    known = weekday >= 0
    apart |= known[:, None] & known[None, :] & (weekday[:, None] != weekday[None, :]) & ~(both_dated & (gap <= 0))
    places = [f.main.place_key for f in features]
    codes = {key: i for i, key in enumerate(sorted({p for p in places if p}))}
    place = np.array([codes[p] if p else -1 for p in places])
    has_place = place >= 0
    apart |= has_place[:, None] & has_place[None, :] & (place[:, None] != place[None, :])
    return apart


def cluster(similarity: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage clusters: groups whose mean pairwise similarity is at least ``threshold``."""
    n = similarity.shape[0]
    if n <= 1:
        return np.zeros(n, dtype=int)
    from sklearn.cluster import AgglomerativeClustering

    ceiling = max(float(similarity.max()), threshold) + 1e-6
    distance = ceiling - similarity
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=ceiling - threshold
    )
    return model.fit_predict(distance)


def _ordered(labels: np.ndarray) -> list[list[int]]:
    """Members per cluster, clusters in order of their first member."""
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(index)
    return list(groups.values())


#: Below this many articles, grouping follows the pairwise relations instead of clustering TF-IDF similarity.
SMALL = 20


def _relation_matrices(features: list[ArticleFeatures]) -> tuple[np.ndarray, np.ndarray]:
    """1 where a pair is related (any relation but unrelated), resp. the same event; else 0."""
    from .relate import relate_features, subject_similarities

    n = len(features)
    related, same_event = np.eye(n), np.eye(n)
    if n < 2:
        return related, same_event
    subject = subject_similarities(features)
    for i in range(n):
        for j in range(i + 1, n):
            relation, _, _ = relate_features(features[i], features[j], float(subject[i, j]), [])
            related[i, j] = related[j, i] = relation != "unrelated"
            same_event[i, j] = same_event[j, i] = relation == "same_event"
    return related, same_event


def group_features(features: list[ArticleFeatures], params: GroupParams = DEFAULT) -> list[list[list[int]]]:
    """Stories as lists of events, each event a list of article indices (the core, for scorers and tuning).

    Fewer than ``SMALL`` articles are grouped by their pairwise relations (``relate``): too few to learn which
    words are common (TF-IDF) or what a near neighbour looks like (local scaling), and cheap to relate pair by pair.
    """
    unify_keys(features)
    if len(features) < SMALL:
        similarity, event_similarity = _relation_matrices(features)
        story_threshold = event_threshold = 0.5  # the majority of pairs must be related (same event)
    else:
        similarity = local_scaling(
            similarity_matrix(features, params), params.neighbours, params.scale_floor, params.min_similarity
        )
        event_similarity = similarity - params.occasion_penalty * different_occasions(
            features, params.max_event_gap_days
        )
        story_threshold, event_threshold = params.story_threshold, params.event_threshold
    stories = _ordered(cluster(similarity, story_threshold))
    result = []
    for members in stories:
        index = np.array(members)
        labels = cluster(event_similarity[np.ix_(index, index)], event_threshold)
        result.append([[members[i] for i in event] for event in _ordered(labels)])
    result.sort(key=lambda story: (-sum(len(e) for e in story), min(min(e) for e in story)))
    return result


def _story_id(article_ids: list[str]) -> str:
    return "s" + hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()[:10]


def group_articles(
    articles: Sequence[Article],
    *,
    params: GroupParams = DEFAULT,
    progress: Progress | None = None,
    model: str | None = None,
    n_process: int = 1,
) -> Grouping:
    """Stories and their events. Articles not yet analyzed get the quick analysis grouping needs (entities and
    times); ``progress(done, total)`` is called as each is read. A repeated id (the same text given twice) gets
    a suffix ('-2'), so every article is placed once."""
    total = len(articles)
    analyzed: list[Article] = []
    unique = distinct_ids(list(articles))
    for article in quick_analysis(unique, model=model, n_process=n_process, max_chars=params.read_chars):
        analyzed.append(article)
        if progress is not None:
            progress(len(analyzed), total)
    features = [article_features(article) for article in analyzed]
    stories = []
    for events in group_features(features, params):
        ids = [analyzed[i].id for event in events for i in event]
        stories.append(Story(id=_story_id(ids), articles=ids, events=[[analyzed[i].id for i in e] for e in events]))
    titles = {a.id: " ".join((a.title or a.source or a.id).split()) for a in analyzed}
    method = (
        f"fewer than {SMALL} articles: each pair related as in compare (same event / same storyline / unrelated), "
        "stories and events where most pairs agree"
        if len(analyzed) < SMALL
        else params.describe()
    )
    return Grouping(stories=stories, method=method, titles=titles)
