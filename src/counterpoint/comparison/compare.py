"""Assemble a Comparison from analyzed articles: pairs, claims lined up, conflicts, naming, sourcing, summary."""

from __future__ import annotations

import hashlib
import json
from itertools import combinations

import numpy as np

from ..errors import Errors, InputError
from ..model import Article, ClaimAlignment, ClaimRef, Comparison
from .align import ClaimInfo, align_claims, claim_infos, match_scores, ref, with_enclosing
from .conflicts import conflict_pairs, find_conflicts, role_reversals
from .entities import link_entities
from .naming import naming_contrasts
from .relate import relate_pairs
from .sourcing import sourcing_sides
from .summary import summarize

__all__ = ["compare_articles", "comparison_id", "distinct_ids"]


def distinct_ids(articles: list[Article]) -> list[Article]:
    """The articles with ids unique inside the comparison: a repeated id gets a suffix ('-2', '-3')."""
    seen: dict[str, int] = {}
    result = []
    for article in articles:
        count = seen.get(article.id, 0) + 1
        seen[article.id] = count
        result.append(article if count == 1 else article.model_copy(update={"id": f"{article.id}-{count}"}))
    return result


def comparison_id(articles: list[Article]) -> str:
    """A content hash of what is compared (texts and metadata, in order): the same inputs give the same id."""
    digest = hashlib.sha256()
    for article in articles:
        meta = [article.outlet, article.title, article.published and article.published.isoformat(), article.url]
        digest.update(json.dumps([article.text, meta], ensure_ascii=False).encode("utf-8"))
        digest.update(b"\x00")
    return "c" + digest.hexdigest()[:15]


def _unique(
    articles: list[Article], infos: dict[str, list[ClaimInfo]], taken: set[tuple[str, int]]
) -> dict[str, list[ClaimRef]]:
    """Per article, claims no other article matches or contradicts; a claim inside another (or around one) that
    was taken counts as taken, and of nested leftovers only the outermost is listed."""
    unique = {}
    for article in articles:
        rows = infos[article.id]
        taken_here = [info for info in rows if (article.id, info.index) in taken]
        left = [
            info
            for info in rows
            if not any(info.start < t.end and t.start < info.end for t in taken_here)
        ]
        outermost = [
            info
            for info in left
            if not any(o is not info and o.start <= info.start and info.end <= o.end for o in left)
        ]
        unique[article.id] = [ref(article, info) for info in outermost]
    return unique


def compare_articles(articles: list[Article], *, model: str | None = None) -> Comparison:
    """Compare two or more analyzed articles. Raises InputError when fewer than two are given."""
    if len(articles) < 2:
        raise InputError(Errors.E050.format(count=len(articles)))
    articles = distinct_ids(list(articles))
    linked = link_entities(articles)
    key_of = {(a, e): f"L{n}" for n, item in enumerate(linked) for a, e in item.entities.items()}
    infos = claim_infos(articles, linked)
    everything = [info for article in articles for info in infos[article.id]]
    if everything:
        from .embed import embed

        vectors = embed([info.text for info in everything])
        for info, vector in zip(everything, vectors, strict=True):
            info.vector = vector
    scores: dict[tuple[str, str], np.ndarray] = {
        (a.id, b.id): match_scores(infos[a.id], infos[b.id]) for a, b in combinations(articles, 2)
    }
    parses: dict = {}  # claim parses shared by the conflict and role checks
    conflicts = find_conflicts(articles, infos, scores, key_of, model=model, parses=parses)
    apart = conflict_pairs(conflicts) | role_reversals(articles, infos, scores, key_of, model=model, parses=parses)
    apart = with_enclosing(apart, infos)
    groups, grouped = align_claims(articles, infos, scores, apart=apart)
    taken = grouped | {(c.a.article, c.a.claim) for c in conflicts} | {(c.b.article, c.b.claim) for c in conflicts}
    claims = ClaimAlignment(shared=groups, conflicts=conflicts, unique=_unique(articles, infos, taken))
    pairs = relate_pairs(articles, linked)
    naming = naming_contrasts(articles, linked)
    sourcing = sourcing_sides(articles)
    return Comparison(
        id=comparison_id(articles),
        articles=articles,
        pairs=pairs,
        claims=claims,
        naming=naming,
        sourcing=sourcing,
        summary=summarize(articles, pairs, claims, naming, sourcing),
    )
