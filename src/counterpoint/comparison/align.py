"""Claims lined up across articles: which say the same thing, which only one article makes (omission elsewhere).

Two claims match on meaning and on what they are about: the cosine of their sentence embeddings, raised when
they name the same actors (entities linked across the articles) and the same numbers, dates and places, lowered
when they name none in common. A group holds at most one claim per article; its score is its weakest pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from ..model import Article, ClaimGroup, ClaimRef
from .entities import LinkedEntity

__all__ = [
    "MATCH_THRESHOLD",
    "ClaimInfo",
    "claim_infos",
    "agreement",
    "match_scores",
    "align_claims",
    "with_enclosing",
    "ref",
    "numbers_in",
]

#: Shortest claims worth lining up (characters): "he said" alone says nothing.
MIN_CLAIM_CHARS = 25
#: A pair of claims at or above this score says the same thing. Set by hand, stricter than FNC-1 suggests: on its
#: train half the best threshold for 'agree' is 0.52 (eval/stance.py), but FNC-1's classes are topic-level, and
#: at 0.52 any two claims on one subject line up. No public data here has claim-level alignment gold.
MATCH_THRESHOLD = 0.72
#: ... and their wording alone must be at least this close (embedding cosine): in articles on one storyline nearly
#: every claim names the same actors, so agreement on names must not carry a match. Chosen on Emergent train
#: (``python -m eval.matching --sweep``: a headline against its own claim and against the nearest other claim) as
#: the lowest gate whose precision reaches 0.94 (0.65 gave 0.90): a shared claim that is not one misleads more than
#: a missed one. Emergent's other claims are other rumours; two reports of one storyline hold claims far more alike
#: (different ones reach cosines of 0.72-0.75), so precision there is lower than the 0.94 measured.
MIN_COSINE = 0.75
#: Weight of the agreement on actors, places, numbers and dates against the embedding cosine in the match score.
AGREEMENT_WEIGHT = 0.3

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 200,
    "thousand": 1000, "thousands": 2000, "million": 1_000_000, "millions": 2_000_000, "billion": 1_000_000_000,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(hundred|thousand|million|billion))?(?![\w])"
    r"|\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


@dataclass
class NumberMention:
    """A number as written in a claim: its value and its character span in the article."""

    value: float
    start: int
    end: int
    is_year: bool


def numbers_in(text: str, offset: int = 0) -> list[NumberMention]:
    """Numbers written in digits or words ('12', '1,200', 'fifteen', '3 million'), with article offsets."""
    found = []
    for match in _NUMBER.finditer(text):
        if match.group(1):
            value = float(match.group(1).replace(",", ""))
            if match.group(2):
                value *= _SCALES[match.group(2).lower()]
            is_year = match.group(2) is None and "," not in match.group(1) and 1900 <= value <= 2100
            is_year = is_year and "." not in match.group(1)
        else:
            value, is_year = float(_NUMBER_WORDS[match.group(3).lower()]), False
        found.append(NumberMention(value, offset + match.start(), offset + match.end(), is_year))
    return found


@dataclass
class ClaimInfo:
    """What the matcher needs of one claim: where it is, what it names, and its embedding."""

    article: str
    index: int
    start: int
    end: int
    text: str
    certainty: str
    actors: set[str] = field(default_factory=set)  # keys of linked entities ("L3") it mentions
    places: set[str] = field(default_factory=set)
    numbers: list[NumberMention] = field(default_factory=list)
    times: dict[str, tuple[int, int]] = field(default_factory=dict)  # ISO value -> span
    vector: np.ndarray | None = None


def ref(article: Article, info: ClaimInfo) -> ClaimRef:
    """The claim as a span in its article."""
    return ClaimRef(article=article.id, claim=info.index, start=info.start, end=info.end, text=info.text)


def claim_infos(articles: list[Article], linked: list[LinkedEntity]) -> dict[str, list[ClaimInfo]]:
    """Per article id, its claims (long enough to say something) with the linked actors, numbers and times in them."""
    key_of: dict[tuple[str, str], str] = {}
    for number, item in enumerate(linked):
        for article_id, entity_id in item.entities.items():
            key_of[(article_id, entity_id)] = f"L{number}"
    infos: dict[str, list[ClaimInfo]] = {}
    for article in articles:
        mentions = sorted(
            (mention.start, mention.end, entity.id, entity.kind)
            for entity in article.entities
            for mention in entity.mentions
        )
        rows = []
        for index, claim in enumerate(article.claims):
            if claim.end - claim.start < MIN_CLAIM_CHARS:
                continue
            info = ClaimInfo(article.id, index, claim.start, claim.end, claim.text, claim.certainty)
            for start, end, entity_id, kind in mentions:
                if start >= claim.start and end <= claim.end:
                    key = key_of.get((article.id, entity_id), f"{article.id}:{entity_id}")
                    info.actors.add(key)
                    if kind == "place":
                        info.places.add(key)
            info.numbers = numbers_in(claim.text, claim.start)
            for time in article.times:
                if time.value and time.start >= claim.start and time.end <= claim.end:
                    info.times.setdefault(time.value, (time.start, time.end))
            rows.append(info)
        infos[article.id] = rows
    return infos


def _overlap(a: set, b: set) -> float | None:
    """Share of the smaller set found in the other; None when neither side has any (no evidence either way)."""
    if not a and not b:
        return None
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def agreement(a: ClaimInfo, b: ClaimInfo) -> float:
    """How far two claims agree on what they name (0..1): the mean overlap of their linked actors, places, numbers
    and dates, over those that either names; 0.5 when neither names anything."""
    linked_a = {k for k in a.actors if k.startswith("L")}
    linked_b = {k for k in b.actors if k.startswith("L")}
    parts = [
        _overlap(linked_a, linked_b),
        _overlap({k for k in a.places if k.startswith("L")}, {k for k in b.places if k.startswith("L")}),
        _overlap({n.value for n in a.numbers}, {n.value for n in b.numbers}),
        _overlap(set(a.times), set(b.times)),
    ]
    known = [p for p in parts if p is not None]
    return sum(known) / len(known) if known else 0.5


def match_scores(a: list[ClaimInfo], b: list[ClaimInfo]) -> np.ndarray:
    """Match score of every claim of one article with every claim of another (rows a, columns b), 0..1: the
    embedding cosine, weighted with the claims' agreement on actors, places, numbers and dates."""
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    cosine = np.stack([x.vector for x in a]) @ np.stack([y.vector for y in b]).T
    agreed = np.array([[agreement(x, y) for y in b] for x in a], dtype=np.float32)
    score = (1 - AGREEMENT_WEIGHT) * np.clip(cosine, 0.0, 1.0) + AGREEMENT_WEIGHT * agreed
    return np.clip(score, 0.0, 1.0)


def _nested(x: ClaimInfo, y: ClaimInfo) -> bool:
    """One claim of an article inside another ('a source said that X' and 'that X'): one statement, counted once."""
    return x.article == y.article and (x.start <= y.start and y.end <= x.end or y.start <= x.start and x.end <= y.end)


def with_enclosing(apart: set[tuple[tuple[str, int], tuple[str, int]]], infos: dict[str, list[ClaimInfo]]) -> set:
    """Pairs kept apart, and with them each claim that holds one of the pair ("The ministry denied reports [that
    it had lost the files]" is no more shared with "The ministry lost the files" than the denied clause is)."""
    found = set(apart)
    by_key = {(info.article, info.index): info for rows in infos.values() for info in rows}
    for (a, i), (b, j) in apart:
        inner = by_key.get((a, i))
        if inner is None:
            continue
        for other in infos[a]:
            if other.index != i and other.start <= inner.start and inner.end <= other.end:
                found |= {((a, other.index), (b, j)), ((b, j), (a, other.index))}
    return found


def align_claims(
    articles: list[Article],
    infos: dict[str, list[ClaimInfo]],
    scores: dict[tuple[str, str], np.ndarray],
    *,
    threshold: float = MATCH_THRESHOLD,
    apart: set[tuple[tuple[str, int], tuple[str, int]]] | None = None,
) -> tuple[list[ClaimGroup], set[tuple[str, int]]]:
    """Groups of matching claims (best matches first, one claim per article per group, nested claims of one
    article counted once) and the set of (article, claim) that ended up in a group. Pairs in ``apart`` (claims
    in conflict) never join one group."""
    apart = apart or set()
    edges = []
    for (id_a, id_b), matrix in scores.items():
        for i, j in zip(*np.nonzero(matrix >= threshold), strict=True):
            x, y = infos[id_a][i], infos[id_b][j]
            if ((x.article, x.index), (y.article, y.index)) in apart:
                continue
            if x.vector is not None and y.vector is not None and float(x.vector @ y.vector) < MIN_COSINE:
                continue  # naming the same actors and places does not make up for saying something else
            edges.append((float(matrix[i, j]), x, y))
    edges.sort(key=lambda edge: (-edge[0], edge[1].article, edge[1].index, edge[2].index))
    group_of: dict[tuple[str, int], int] = {}
    groups: list[dict[str, ClaimInfo]] = []
    used: list[ClaimInfo] = []  # members so far, so a nested twin of a member does not start a second group

    def covered(info: ClaimInfo) -> bool:
        return any(_nested(info, other) for other in used if other.article == info.article)

    def fits(info: ClaimInfo, group: dict[str, ClaimInfo]) -> bool:
        key = (info.article, info.index)
        return info.article not in group and not covered(info) and all(
            (key, (m.article, m.index)) not in apart for m in group.values()
        )

    for _, x, y in edges:
        gx, gy = group_of.get((x.article, x.index)), group_of.get((y.article, y.index))
        if gx is None and gy is None:
            if covered(x) or covered(y):
                continue
            groups.append({x.article: x, y.article: y})
            group_of[(x.article, x.index)] = group_of[(y.article, y.index)] = len(groups) - 1
            used += [x, y]
        elif gy is None or gx is None:
            group, newcomer = (gx, y) if gy is None else (gy, x)
            if fits(newcomer, groups[group]):
                groups[group][newcomer.article] = newcomer
                group_of[(newcomer.article, newcomer.index)] = group
                used.append(newcomer)
    by_id = {article.id: article for article in articles}
    position = {(info.article, info.index): n for rows in infos.values() for n, info in enumerate(rows)}
    result = []
    for members in groups:
        weakest = 1.0
        for x, y in combinations(members.values(), 2):
            matrix = scores.get((x.article, y.article))
            if matrix is not None:
                value = matrix[position[(x.article, x.index)], position[(y.article, y.index)]]
            else:
                value = scores[(y.article, x.article)][position[(y.article, y.index)], position[(x.article, x.index)]]
            weakest = min(weakest, float(value))
        ordered = [members[a.id] for a in articles if a.id in members]
        result.append(
            ClaimGroup(
                members=[ref(by_id[m.article], m) for m in ordered],
                score=round(weakest, 3),
                missing=[a.id for a in articles if a.id not in members],
            )
        )
    result.sort(key=lambda g: (-len(g.members), -g.score))
    in_group = {(m.article, m.claim) for g in result for m in g.members}
    return result, in_group
