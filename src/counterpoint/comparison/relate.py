"""How two articles relate: the same event, the same storyline (same actors and subject, another occasion), or
unrelated, with the evidence and plain reasons for the call.

Relatedness rests on subject similarity (sentence embeddings of the headline and lead) and on the weighted overlap
of the actors both name. Related articles are then told apart by their main events (see ``features``): dates
more than a couple of days apart, different weekdays, or different places mean different occasions; the same
date (or, lacking dates, a near-identical lead) means the same event. Unknown dates are said so in the reasons.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from ..model import Article, PairRelation, Relation, RelationEvidence
from .entities import LinkedEntity, link_entities
from .features import WEEKDAYS, ArticleFeatures, MainEvent, article_features, unify_keys, weighted_overlap

__all__ = ["relate_pairs", "relate_features", "subject_similarities", "THRESHOLDS"]

#: Decision thresholds, set by hand (not fitted to any evaluation data); the small-set path of `group` uses them.
THRESHOLDS = {
    "related_subject": 0.62,  # subject similarity alone that makes two articles related
    "related_subject_with_actors": 0.40,  # ... when they also share actors (entity overlap below)
    "related_actors": 0.15,
    "same_event_subject": 0.72,  # undated leads this alike report the same event
    "same_event_days": 2,  # main events at most this many days apart can be one event
}


def subject_similarities(features: list[ArticleFeatures]) -> np.ndarray:
    """Cosine similarities of the articles' leads (headline and opening sentences), clipped to 0..1."""
    from .embed import embed

    vectors = embed([f.lead for f in features])
    return np.clip(vectors @ vectors.T, 0.0, 1.0)


def _gap_days(a: MainEvent, b: MainEvent) -> int | None:
    """Days between the two main events; None when either date is unknown or rests on a publication date guessed
    from the text (a weak guess: eval/dating.py), which must not make two reports of one event look years apart.
    A known publication date still counts."""
    if a.earliest is None or b.earliest is None or a.latest is None or b.latest is None or a.guessed or b.guessed:
        return None
    if a.latest < b.earliest:
        return (b.earliest - a.latest).days
    if b.latest < a.earliest:
        return (a.earliest - b.latest).days
    return 0


def _describe_gap(days: int) -> str:
    if days >= 330:
        years = round(days / 365.25)
        return "about a year" if years <= 1 else f"about {years} years"
    if days >= 45:
        return f"about {round(days / 30.4)} months"
    return f"{days} days"


def _date_reason(label: str, main: MainEvent) -> str | None:
    if main.dated:
        return None
    if main.weekday is not None:
        return f"The date of {label}'s main event is unknown beyond the weekday ({WEEKDAYS[main.weekday].title()})."
    return f"The date of {label}'s main event is unknown."


def relate_features(
    fa: ArticleFeatures, fb: ArticleFeatures, subject: float, shared_entities: list[str]
) -> tuple[Relation, float, RelationEvidence]:
    """The call for one pair from its features and subject similarity; ``shared_entities`` are display names."""
    limits = THRESHOLDS
    overlap = weighted_overlap(fa.entities, fb.entities)
    score = round(0.6 * subject + 0.4 * overlap, 4)
    a, b = fa.main, fb.main
    gap = _gap_days(a, b)
    dates = {fa.article_id: [a.date_label()] if a.dated else [], fb.article_id: [b.date_label()] if b.dated else []}
    shared_places = sorted(fa.names[k] for k in fa.places & fb.places)
    reasons: list[str] = []
    related = subject >= limits["related_subject"] or (
        subject >= limits["related_subject_with_actors"] and overlap >= limits["related_actors"]
    )
    if shared_entities:
        reasons.append(f"Both name {_join(shared_entities[:6])}.")
    else:
        reasons.append("They name no actor in common.")
    reasons.append(f"Their subjects are {_strength(subject)} alike (similarity {subject:.2f}).")
    if not related:
        return "unrelated", score, _evidence(shared_entities, shared_places, dates, gap, subject, overlap, reasons)

    different: list[str] = []
    same: list[str] = []
    if gap is not None:
        if gap > limits["same_event_days"]:
            different.append(
                f"Their main events are {_describe_gap(gap)} apart ({a.date_label()} vs {b.date_label()})."
            )
        elif a.earliest == a.latest and b.earliest == b.latest:
            same.append(f"Their main events fall on the same dates ({a.date_label()} and {b.date_label()}).")
    weekdays_differ = a.weekday is not None and b.weekday is not None and a.weekday != b.weekday
    if weekdays_differ and not same and (gap is None or gap > 0):
        different.append(
            f"Their main events fall on different weekdays ({WEEKDAYS[a.weekday].title()} vs "
            f"{WEEKDAYS[b.weekday].title()})."
        )
    if a.place_key and b.place_key:
        if a.place_key != b.place_key:
            different.append(f"Their main events take place in different places ({a.place} vs {b.place}).")
        else:
            same.append(f"Both place the main event in {a.place}.")
    for label, main in ((fa.label, a), (fb.label, b)):
        if (reason := _date_reason(label, main)) is not None:
            reasons.append(reason)
    relation: Relation
    if different and not (same and len(same) > len(different)):
        relation = "same_storyline"
        reasons += different + ["Same actors and subject on a different occasion: the same storyline."]
    elif same or subject >= limits["same_event_subject"]:
        relation = "same_event"
        reasons += same or ["With no dates or places that differ, their leads are alike enough to be one event."]
    else:
        relation = "same_storyline"
        reasons.append("Related, but not alike enough to call one event without dates or places that agree.")
    return relation, score, _evidence(shared_entities, shared_places, dates, gap, subject, overlap, reasons)


def _evidence(
    shared: list[str],
    places: list[str],
    dates: dict,
    gap: int | None,
    subject: float,
    overlap: float,
    reasons: list[str],
) -> RelationEvidence:
    return RelationEvidence(
        shared_entities=shared,
        shared_places=places,
        dates=dates,
        date_gap_days=gap,
        subject_similarity=round(float(subject), 4),
        entity_overlap=round(float(overlap), 4),
        reasons=reasons,
    )


def _strength(similarity: float) -> str:
    if similarity >= 0.75:
        return "closely"
    if similarity >= 0.5:
        return "fairly"
    if similarity >= 0.3:
        return "somewhat"
    return "hardly"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def relate_pairs(articles: list[Article], linked: list[LinkedEntity] | None = None) -> list[PairRelation]:
    """Every pair of the (analyzed) articles, in input order: its relation, score and evidence. ``linked``: the
    articles' entities linked across them, when the caller has them already."""
    if len(articles) < 2:
        return []
    features = [article_features(article) for article in articles]
    unify_keys(features)
    similarity = subject_similarities(features)
    linked = link_entities(articles) if linked is None else linked
    pairs = []
    for i, j in combinations(range(len(articles)), 2):
        a_id, b_id = articles[i].id, articles[j].id
        shared = [item.name for item in linked if a_id in item.entities and b_id in item.entities]
        relation, score, evidence = relate_features(features[i], features[j], float(similarity[i, j]), shared)
        pairs.append(PairRelation(a=a_id, b=b_id, relation=relation, score=score, evidence=evidence))
    return pairs
