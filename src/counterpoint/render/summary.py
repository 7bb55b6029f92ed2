"""What the text and Markdown views show of an article, computed once so both say the same."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Entity, TimeExpression

__all__ = ["ArticleView", "view"]


@dataclass
class ArticleView:
    title: str
    outlet: str
    date: str
    byline: str | None
    removed: int
    entities: list[tuple[Entity, int, list[str]]]  # entity, mention count, distinct surface forms
    times: list[TimeExpression]


def view(article: Article, max_entities: int = 25) -> ArticleView:
    if article.published:
        date = article.published.isoformat()
    elif article.estimated_date:
        first, last = article.estimated_date
        date = f"unknown (estimated {first.isoformat()} to {last.isoformat()} from dates in the text)"
    else:
        date = "unknown"
    ranked = sorted(article.entities, key=lambda e: (-len(e.mentions), e.mentions[0].start))
    entities = []
    for entity in ranked[:max_entities]:
        forms = list(dict.fromkeys(m.text for m in entity.mentions))
        entities.append((entity, len(entity.mentions), forms))
    return ArticleView(
        title=article.title or "(untitled)",
        outlet=article.outlet or "unknown outlet",
        date=date,
        byline=article.byline,
        removed=len(article.removed),
        entities=entities,
        times=article.times,
    )
