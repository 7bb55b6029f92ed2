"""Cross-article entity linking: the same actor named in several articles becomes one ``LinkedEntity``.

Each article's entity stage already gathers its own mentions under one canonical name. Across articles the names
still differ ("Putin" / "Vladimir Putin", "Assad" / "Bashar al-Assad", "Russian Federation" / "Russia"), so
entities are linked by keys: the normalized full name, a country's canonical name (resources/countries.tsv), and
for people the surname (without particles like "al-"), used only when it points at one person in the set.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..analysis.entities import INITIALS, INNER_POSSESSIVE, abbreviates
from ..model import Article, Entity, EntityKind
from ..resources import countries

__all__ = ["LinkedEntity", "entity_key", "link_entities", "name_key", "surname_of_key"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
#: Name particles that some outlets write and others drop ("Bashar al-Assad" / "Bashar Assad").
_PARTICLE = re.compile(r"^(?:al|el|ad|ash|as|at|ar|an|az|bin|ibn|abu|de|di|da|van|von|der|le|la)[-' ]", re.IGNORECASE)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "sheikh", "gen", "president", "king"})


def name_key(name: str) -> str:
    """Matching key of a name: accents, apostrophes, a leading 'the' and a possessive removed, case folded."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _POSSESSIVE.sub("", " ".join(text.split()))
    if text.lower().startswith("the "):
        text = text[4:]
    return text.casefold().strip(" .,;:")


def _surname(name: str) -> str | None:
    """The last word of a person's name without a particle ("Bashar al-Assad" -> "assad")."""
    words = [w for w in name_key(name).replace(".", " ").split() if w not in _HONORIFICS]
    if not words:
        return None
    last = _PARTICLE.sub("", words[-1])
    return last or None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Every name, alias and demonym of a country -> its canonical name."""
    table = {}
    for country in countries():
        for name in (country.name, *country.aliases, *country.demonyms):
            table[name_key(name)] = country.name
    return table


def entity_key(entity: Entity) -> str:
    """The key two articles' entities must share to be the same actor (before surname linking). The kind is left
    out except for countries: one article's tagger may call "Porto Alegre" a person and another's a place."""
    key = name_key(entity.name)
    if entity.kind != "person":
        country = _country_names().get(key)
        if country:
            return "country:" + name_key(country)
        key = INNER_POSSESSIVE.sub("", key)  # "Ohio's Supreme Court" is "the Ohio Supreme Court"
    return "name:" + " ".join(_PARTICLE.sub("", w) for w in key.split())


def surname_of_key(key: str) -> str | None:
    """The surname a one-word key may stand for ("name:putin" -> "putin"); None for other keys."""
    if not key.startswith("name:"):
        return None
    return _surname(key[len("name:") :])


def _initials(key: str) -> tuple[str, list[str]]:
    """The first name's initial and the middle names' initials of a full-name key ("name:henry t.r. walsh" -> ("h",
    ["t", "r"]); "name:henry thomas richard walsh" -> the same)."""
    words = key[len("name:") :].split()
    middle = [part[:1] for word in words[1:-1] for part in word.split(".") if part]
    return words[0][:1], middle


def _same_initials(a: str, b: str) -> bool:
    """Whether two full names of one surname may be one person: the same first initial, and the same middle
    initials or none on one side."""
    (first_a, middle_a), (first_b, middle_b) = _initials(a), _initials(b)
    return first_a == first_b and (middle_a == middle_b or not middle_a or not middle_b)


@dataclass
class LinkedEntity:
    """One actor across articles: its fullest name, its kind, and per article id the id of its entity there."""

    name: str
    kind: EntityKind
    entities: dict[str, str] = field(default_factory=dict)
    mentions: int = 0  # total mentions across the articles, for ordering

    @property
    def articles(self) -> list[str]:
        return list(self.entities)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, node: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a


def _link_initials(entities: dict[tuple[str, str], Entity], union: _Union) -> None:
    """One organization under its initials and its name across articles: those written with the same initials
    ("HSA"), and a name those initials abbreviate when it is the only such name in the set."""
    by_initials: dict[str, list[tuple[str, str]]] = defaultdict(list)
    named: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for node, entity in entities.items():
        if entity.kind == "person":
            continue
        for written in {m.text for m in entity.mentions} | {entity.name}:
            if INITIALS.fullmatch(written):
                by_initials[written].append(node)
        if " " in entity.name:
            named[name_key(entity.name)].append(node)
    for short, nodes in by_initials.items():
        fulls = [key for key, holders in named.items() if abbreviates(short, entities[holders[0]].name)]
        if len(fulls) == 1:
            nodes = nodes + named[fulls[0]]
        for node in nodes[1:]:
            union.union(nodes[0], node)


def link_entities(articles: list[Article], *, min_articles: int = 2) -> list[LinkedEntity]:
    """Actors that appear in at least ``min_articles`` of the articles, most widely covered first.

    A one-word person name ("Putin") is linked to the full name sharing its surname only when exactly one such
    full name occurs in the set; two different Assads stay apart rather than be guessed.
    """
    union = _Union()
    entities: dict[tuple[str, str], Entity] = {}
    by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for entity in article.entities:
            node = (article.id, entity.id)
            entities[node] = entity
            union.find(node)
            key = entity_key(entity)
            by_key[key].append(node)
            if entity.kind == "person" and len(key.split()) > 1 and not key.startswith("country:"):
                surname = _surname(entity.name)
                if surname:
                    full_by_surname[surname].add(key)
    for nodes in by_key.values():
        for node in nodes[1:]:
            union.union(nodes[0], node)
    for key, nodes in by_key.items():
        if not key.startswith("name:") or len(key.split()) != 1:
            continue
        fulls = full_by_surname.get(surname_of_key(key) or "", set())
        if len(fulls) == 1:
            union.union(by_key[next(iter(fulls))][0], nodes[0])
    # Full names of one surname ("Bashar Assad" / "Bashar al-Assad" is already one key; "B. Assad" / "Bashar Assad";
    # "Henry T.R. Walsh" / "Henry Thomas Richard Walsh" / "Henry Walsh") are linked when their initials agree, and a
    # name without middle names only when it fits one person of the set ("Henry Walsh" beside both "Henry T.R.
    # Walsh" and "Henry R. Walsh" stays apart, and links neither).
    for fulls in full_by_surname.values():
        names = sorted(fulls)
        fits = {a: [b for b in names if b != a and _same_initials(a, b)] for a in names}
        unsure = {a for a in names if any(not _same_initials(b, c) for b in fits[a] for c in fits[a] if b < c)}
        for a in names:
            for b in fits[a]:
                if a not in unsure and b not in unsure:
                    union.union(by_key[a][0], by_key[b][0])
    _link_initials(entities, union)

    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for node in entities:
        groups[union.find(node)].append(node)
    linked = []
    for nodes in groups.values():
        per_article: dict[str, Entity] = {}
        for article_id, _ in nodes:
            candidates = [entities[n] for n in nodes if n[0] == article_id]
            per_article[article_id] = max(candidates, key=lambda e: len(e.mentions))
        if len(per_article) < min_articles:
            continue
        members = [entities[n] for n in nodes]
        kinds = Counter(e.kind for e in members)
        name = max(members, key=lambda e: (len(e.name.split()), len(e.mentions), e.name)).name
        linked.append(
            LinkedEntity(
                name=name,
                kind=kinds.most_common(1)[0][0],
                entities={article_id: entity.id for article_id, entity in per_article.items()},
                mentions=sum(len(e.mentions) for e in members),
            )
        )
    linked.sort(key=lambda item: (-len(item.entities), -item.mentions, item.name))
    return linked
