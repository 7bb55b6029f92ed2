"""Per-article features shared by `relate` (pairs) and `group` (many articles): the text to weigh, the actors
with their weights, and where and when the article's main event happens, each with the span it rests on.

The main event is what the lead reports: the first dated time expression in the headline and opening sentences
("Thursday's meeting", "on Wednesday") and the first place named after a preposition there ("in Sochi",
"headed to Moscow"). A weekday alone still tells two occasions apart (a Thursday is not a Wednesday) when its
week is unknown.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..analysis.entities import ENTITY_KINDS
from ..model import Article, Entity, Mention, Sentence, Span, TimeExpression
from .entities import entity_key, name_key, surname_of_key

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ArticleFeatures",
    "MainEvent",
    "article_features",
    "quick_analysis",
    "unify_keys",
    "weighted_overlap",
    "LEAD_SENTENCES",
    "WEEKDAYS",
]

#: How many sentences (headline included) count as the lead, where the main event is reported.
LEAD_SENTENCES = 4
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|at|to|near|outside|from|into|visit(?:ed|ing|s)?|toward|towards)\s+(?:the\s+)?$"
)
_DAY_GRANULARITIES = frozenset({"day"})
_COARSE = frozenset({"week", "month", "season", "quarter", "year"})


@dataclass
class MainEvent:
    """When and where the article's main event happens, as far as its lead says; None where it does not."""

    time: TimeExpression | None = None  # the time expression the date rests on
    earliest: dt.date | None = None
    latest: dt.date | None = None
    estimated: bool = False  # the date rests on an estimated anchor, or on the publication date alone
    guessed: bool = False  # the date rests on a publication date guessed from the text (weak: eval/dating.py)
    weekday: int | None = None  # 0 = Monday, from the words ("Thursday") or the resolved day
    weekday_span: Span | None = None
    place: str | None = None  # canonical name of the place entity
    place_key: str | None = None
    place_span: Span | None = None

    @property
    def dated(self) -> bool:
        return self.earliest is not None

    def date_label(self) -> str | None:
        """The date as a reader would write it: '2018-05-09', '2018-05', or a range."""
        if self.earliest is None or self.latest is None:
            return None
        if self.time is not None and self.time.value and not self.time.value.startswith("P"):
            label = self.time.value
        elif self.earliest == self.latest:
            label = self.earliest.isoformat()
        else:
            label = f"{self.earliest.isoformat()}..{self.latest.isoformat()}"
        return label + (" (estimated)" if self.estimated else "")


@dataclass
class ArticleFeatures:
    """What relating and grouping read from one analyzed article."""

    article_id: str
    label: str  # how reasons name the article: its outlet, else its headline, else its id
    text: str  # headline and body, for TF-IDF
    headline: str  # the title, else the first sentence (weighed twice in TF-IDF)
    lead: str  # headline and opening sentences, for embeddings
    entities: dict[str, float] = field(default_factory=dict)  # entity key -> weight (log mentions, +1 in the lead)
    names: dict[str, str] = field(default_factory=dict)  # entity key -> canonical name
    places: set[str] = field(default_factory=set)  # entity keys of places
    people: set[str] = field(default_factory=set)  # keys of people named in full (two words or more)
    main: MainEvent = field(default_factory=MainEvent)

    def entity_tokens(self) -> str:
        """The entity keys as one pseudo-document (each repeated by weight) for a TF-IDF over actors."""
        words = []
        for key, weight in self.entities.items():
            token = re.sub(r"\W+", "_", key)
            words += [token] * max(1, round(weight * 2))
        return " ".join(words)


def _lead_end(article: Article) -> int:
    if not article.sentences:
        return min(len(article.text), 600)
    index = min(LEAD_SENTENCES, len(article.sentences)) - 1
    return article.sentences[index].end


def _main_time(article: Article, lead_end: int) -> MainEvent:
    main = MainEvent()
    lead_times = [t for t in article.times if t.start < lead_end and t.kind != "duration"]
    for time in lead_times:
        if main.weekday is None and (match := _WEEKDAY.search(time.text)):
            main.weekday = WEEKDAYS.index(match.group(1).lower())
            main.weekday_span = article.span(time.start + match.start(1), time.start + match.end(1))
    dated = [t for t in lead_times if t.earliest is not None and t.latest is not None]
    chosen = next((t for t in dated if t.granularity in _DAY_GRANULARITIES), None)
    chosen = chosen or next((t for t in dated if t.granularity in _COARSE), None)
    if chosen is not None:
        main.time, main.earliest, main.latest = chosen, chosen.earliest, chosen.latest
        main.guessed = chosen.estimated or chosen.anchor == "estimate"
        main.estimated = main.guessed
        if (
            main.weekday is None
            and chosen.earliest == chosen.latest
            and chosen.earliest is not None
            and not main.guessed
        ):
            main.weekday = chosen.earliest.weekday()
            main.weekday_span = article.span(chosen.start, chosen.end)
    elif article.published is not None and main.weekday is None:
        # News reports what happened in the last day or two: the publication date bounds the event.
        main.earliest, main.latest = article.published - dt.timedelta(days=2), article.published
        main.estimated = True
    return main


def _main_place(article: Article, lead_end: int, main: MainEvent) -> None:
    candidates = []
    for entity in article.entities:
        if entity.kind != "place":
            continue
        key = entity_key(entity)
        if key.startswith("country:"):
            continue  # a country is too broad to tell two occasions apart
        for mention in entity.mentions:
            if mention.start < lead_end and mention.kind == "name":
                before = article.text[max(0, mention.start - 24) : mention.start]
                if _PLACE_PREPOSITION.search(before):
                    candidates.append((mention.start, entity.name, key, mention))
    if candidates:
        _, main.place, main.place_key, mention = min(candidates, key=lambda c: c[0])
        main.place_span = article.span(mention.start, mention.end)


def article_features(article: Article) -> ArticleFeatures:
    """Features of one analyzed article (its sentences, entities and times must be filled)."""
    lead_end = _lead_end(article)
    title = article.title or ""
    body = article.text
    text = body if title and body.startswith(title) else f"{title}\n{body}".strip()
    lead = article.text[:lead_end]
    if title and not lead.startswith(title):
        lead = f"{title}\n{lead}"
    weights: Counter[str] = Counter()
    names: dict[str, str] = {}
    places: set[str] = set()
    people: set[str] = set()
    for entity in article.entities:
        if not entity.mentions:
            continue
        key = entity_key(entity)
        if entity.kind == "person" and len(key.split()) > 1:
            people.add(key)
        in_lead = any(m.start < lead_end for m in entity.mentions)
        weights[key] += math.log1p(len(entity.mentions)) + (1.0 if in_lead else 0.0)
        if key not in names or len(entity.name) > len(names[key]):
            names[key] = entity.name
        if entity.kind == "place":
            places.add(key)
    main = _main_time(article, lead_end)
    _main_place(article, lead_end, main)
    return ArticleFeatures(
        article_id=article.id,
        label=article.outlet or (f"“{title[:60]}”" if title else article.id),
        text=text,
        headline=title or (article.sentences[0].text if article.sentences else ""),
        lead=lead,
        entities=dict(weights),
        names=names,
        places=places,
        people=people,
        main=main,
    )


def unify_keys(features: list[ArticleFeatures]) -> None:
    """Across a set of articles, a one-word name ("Putin") stands for the one person named in full whose surname
    it is ("Vladimir Putin"); keys are rewritten in place. A surname shared by two full names stays as it is."""
    by_surname: dict[str, set[str]] = {}
    for feature in features:
        for key in feature.people:
            if (surname := surname_of_key(key)) is not None:
                by_surname.setdefault(surname, set()).add(key)
    for feature in features:
        for key in [k for k in feature.entities if len(k.split()) == 1]:
            fulls = by_surname.get(surname_of_key(key) or "", set())
            if len(fulls) != 1:
                continue
            full = next(iter(fulls))
            feature.entities[full] = feature.entities.get(full, 0.0) + feature.entities.pop(key)
            feature.names.setdefault(full, feature.names.pop(key, full))
            if key in feature.places:
                feature.places.discard(key)


def weighted_overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted Jaccard of two weighted key sets: shared weight over total weight (0..1)."""
    keys = a.keys() | b.keys()
    top = sum(min(a.get(k, 0.0), b.get(k, 0.0)) for k in keys)
    bottom = sum(max(a.get(k, 0.0), b.get(k, 0.0)) for k in keys)
    return top / bottom if bottom else 0.0


_SENTENCE_BREAK = re.compile(r"\n+|(?:(?<=[.!?])|(?<=[.!?][\"”’)]))[ \t]+(?=[\"“‘(]?[A-Z0-9])")


def _rough_sentences(article: Article) -> list[Sentence]:
    """Sentence spans from line breaks and end punctuation: enough to find the lead without a parser."""
    sentences, start = [], 0
    text = article.text
    for match in [*_SENTENCE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            offset = start + piece.index(stripped)
            sentences.append(Sentence(start=offset, end=offset + len(stripped), text=stripped))
        if match:
            start = match.end()
    return sentences


def _named_entities(doc: Doc, article: Article) -> list[Entity]:
    """Entities straight from the recognizer's names, one per distinct name (the fallback of the quick analysis)."""
    by_key: dict[str, Entity] = {}
    for ent in doc.ents:
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None:
            continue
        mention = Mention(start=ent.start_char, end=ent.end_char, text=ent.text)
        key = f"{kind}:{name_key(ent.text)}"
        if key not in by_key:
            by_key[key] = Entity(id=f"e{len(by_key) + 1}", name=ent.text, kind=kind)
        by_key[key].mentions.append(mention)
    return list(by_key.values())


def quick_analysis(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    max_chars: int | None = None,
) -> Iterator[Article]:
    """Copies of ingested articles with just what grouping reads: entities, times and rough sentences.

    Why: grouping many articles needs no attributions or claims, and spaCy's named-entity recognizer alone runs
    about three times faster than the full pipeline (tagger and parser skipped); the entity and time stages give
    nearly the same output without the parse (only metonyms read the syntax). Articles that already carry
    entities are passed through unchanged. With ``max_chars`` only the beginning of each text is read for names
    and times (spans stay valid: they index the same text).
    """
    from ..analysis.entities import find_entities
    from ..analysis.nlp import load_nlp
    from ..analysis.times import caption_dates, find_times

    nlp = load_nlp(model)
    pending: list[Article] = []

    # Disabled per call, not with select_pipes: the pipeline is shared with threads that need all of it.
    disable = [name for name in nlp.pipe_names if name != "ner"]

    def flush() -> Iterator[Article]:
        texts = [a.text[:max_chars] if max_chars else a.text for a in pending]
        docs = nlp.pipe(texts, batch_size=batch_size, n_process=n_process, disable=disable)
        for doc, text, article in zip(docs, texts, pending, strict=True):
            copy = article.model_copy()
            copy.sentences = _rough_sentences(article)
            try:
                copy.entities = find_entities(doc)
            except IndexError:  # a rule read syntax the skipped parser would have given: names alone
                copy.entities = _named_entities(doc, article)
            copy.times, copy.estimated_date = find_times(
                doc, article.published, text=text, cited_elsewhere=caption_dates(article)
            )
            yield copy
        pending.clear()

    for article in articles:
        if article.entities:
            yield from flush()
            yield article
            continue
        pending.append(article)
        if len(pending) >= batch_size * 4:
            yield from flush()
    yield from flush()
