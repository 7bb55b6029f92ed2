"""Sourcing side by side: per article, who its attributions rest on, the chains from the outlet to each original
source, and its sourcing profile (shares of attributed, anonymous and hedged claims)."""

from __future__ import annotations

from ..model import Article, Source, SourcingSide

__all__ = ["sourcing_sides"]


def _sources(article: Article) -> list[Source]:
    """Each source once, in order of first appearance (the same entity, or words and kind, counted once; a
    source resolved to one named before, "the source" to "a Russian source", is that one)."""
    seen, sources = set(), []
    for attribution in article.attributions:
        source = attribution.source
        if source is None:
            continue
        words = source.antecedent.text if source.antecedent is not None else source.text
        key = (source.kind, source.entity or " ".join(words.lower().split()))
        if key not in seen:
            seen.add(key)
            sources.append(source)
    return sources


def sourcing_sides(articles: list[Article]) -> list[SourcingSide]:
    """One side per article, in the order given."""
    return [
        SourcingSide(
            article=article.id,
            sources=_sources(article),
            chains=[list(chain) for chain in article.sourcing.chains] if article.sourcing else [],
            profile=article.sourcing,
        )
        for article in articles
    ]
