"""Naming contrasts: how differently the articles refer to the same actor, strongest contrasts first.

An actor's labels in each article (names, metonyms like 'Tel Aviv', epithets like 'Syrian dictator', appositive
and copula phrases), its descriptors and its tone come from the analysis (``Entity.labels``, ``descriptors``,
``tone``); where the analysis left labels empty, the entity's mentions stand in for them. The contrast is the
weighted Jaccard distance between the label sets (plain names and demonyms weigh little, characterizing labels
a lot) combined with the gap in tone. An actor only one article names is listed too when that article
characterizes it (a label other than its name, or a descriptor): the others' silence is itself a contrast; its
score is half the weight of its characterizing labels plus half the strength of its tone, and such actors come
after those two or more articles name.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Article, Descriptor, Entity, Label, LabelKind, NamingContrast
from ..resources import countries
from .entities import LinkedEntity, name_key

__all__ = ["naming_contrasts", "labels_of"]

_FROM_MENTION: dict[str, LabelKind] = {
    "name": "name",
    "role_name": "role",
    "role": "role",
    "descriptor": "epithet",
    "demonym": "demonym",
    "metonym": "metonym",
}
#: How much a label counts in the contrast: saying 'Israel' or 'Israeli' tells little, a title a bit more,
#: 'the regime' a lot.
_NAME_WEIGHT, _ROLE_WEIGHT, _LABEL_WEIGHT = 0.25, 0.5, 1.0
_LABEL_SHARE = 0.6
_TONE_SHARE = 0.4
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@cache
def _country_words() -> frozenset[str]:
    """Country names, aliases and demonyms, lower-cased: a title's nationality ('Israeli Prime Minister') is not
    a characterization."""
    return frozenset(name_key(n) for c in countries() for n in (c.name, *c.aliases, *c.demonyms))


def labels_of(entity: Entity) -> list[Label]:
    """The entity's labels, once per distinct wording; its mentions when the analysis gave no labels."""
    labels = entity.labels or [
        Label(start=m.start, end=m.end, text=m.text, kind=_FROM_MENTION.get(m.kind, "name")) for m in entity.mentions
    ]
    seen, unique = set(), []
    for label in labels:
        wording = name_key(label.text)
        if wording not in seen:
            seen.add(wording)
            unique.append(label)
    return unique


def _form(label: Label, entity_name: str) -> str:
    """What a label says about the actor, without its name and nationality words: plain names and demonyms all say
    the same ('=name'); 'Israeli Prime Minister Benjamin Netanyahu' -> 'prime minister'; 'Syrian regime' ->
    'regime'; 'the Tel Aviv regime' -> 'tel aviv regime'."""
    name_words = set(name_key(entity_name).split())
    words = [_POSSESSIVE.sub("", w) for w in name_key(label.text).split()]
    kept = [w for w in words if w not in name_words and w not in _country_words()]
    return " ".join(kept) or "=name"


def _weights(labels: list[Label], entity_name: str) -> dict[str, float]:
    weights: dict[str, float] = {}
    for label in labels:
        form = _form(label, entity_name)
        weight = _NAME_WEIGHT if form == "=name" else _ROLE_WEIGHT if label.kind == "role" else _LABEL_WEIGHT
        weights[form] = max(weights.get(form, 0.0), weight)
    return weights


def _label_distance(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted Jaccard distance of two label sets (0 = worded alike, 1 = nothing in common)."""
    union = set(a) | set(b)
    total = sum(max(a.get(f, 0.0), b.get(f, 0.0)) for f in union)
    shared = sum(min(a.get(f, 0.0), b.get(f, 0.0)) for f in union)
    return 1.0 - shared / total if total else 0.0


def _tone(entity: Entity) -> float | None:
    if entity.tone is not None:
        return entity.tone.score
    polarities = [d.polarity for d in entity.descriptors] + [label.polarity for label in entity.labels if label.polarity]
    return sum(polarities) / len(polarities) if polarities else None


def _characterized(entity: Entity, labels: list[Label]) -> bool:
    return bool(entity.descriptors) or any(_form(label, entity.name) != "=name" for label in labels)


def naming_contrasts(articles: list[Article], linked: list[LinkedEntity]) -> list[NamingContrast]:
    """One contrast per actor named in two or more articles (plus characterized actors only one names), strongest
    first."""
    by_id = {article.id: article for article in articles}
    shared, single = [], []
    linked_nodes = {(a, e) for item in linked for a, e in item.entities.items()}
    for item in linked:
        entities = {a: next(e for e in by_id[a].entities if e.id == eid) for a, eid in item.entities.items()}
        labels = {a: labels_of(e) for a, e in entities.items()}
        descriptors: dict[str, list[Descriptor]] = {a: list(e.descriptors) for a, e in entities.items()}
        tone = {a: _tone(e) for a, e in entities.items()}
        ids = list(entities)
        weights = {a: _weights(labels[a], item.name) for a in ids}
        distances = [_label_distance(weights[x], weights[y]) for i, x in enumerate(ids) for y in ids[i + 1 :]]
        gaps = [abs(tone[x] - tone[y]) / 2 for i, x in enumerate(ids) for y in ids[i + 1 :] if None not in (tone[x], tone[y])]
        label_part = max(distances) if distances else 0.0
        contrast = (_LABEL_SHARE * label_part + _TONE_SHARE * max(gaps)) if gaps else label_part
        shared.append(
            NamingContrast(
                entity=item.name,
                entities=dict(item.entities),
                labels=labels,
                descriptors=descriptors,
                tone=tone,
                contrast=round(min(1.0, contrast), 3),
            )
        )
    for article in articles if len(articles) > 1 else []:
        for entity in article.entities:
            if (article.id, entity.id) in linked_nodes or entity.kind not in {"person", "organization", "group"}:
                continue
            labels = labels_of(entity)
            if not _characterized(entity, labels):
                continue
            weights = _weights(labels, entity.name)
            characterizing = sum(w for f, w in weights.items() if f != "=name") / sum(weights.values())
            tone = _tone(entity)
            single.append(
                NamingContrast(
                    entity=entity.name,
                    entities={article.id: entity.id},
                    labels={article.id: labels},
                    descriptors={article.id: list(entity.descriptors)},
                    tone={article.id: tone},
                    contrast=round(0.5 * characterizing + 0.5 * abs(tone or 0.0), 3),
                )
            )
    shared.sort(key=lambda c: (-c.contrast, c.entity))
    single.sort(key=lambda c: (-c.contrast, c.entity))
    return shared + single
