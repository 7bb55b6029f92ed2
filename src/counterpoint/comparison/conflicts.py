"""Conflicting claims, found structurally: no trustworthy inference (NLI) model installs offline.

Two claims conflict when they match closely otherwise (same actors, similar words) and their main predicates
agree, yet they differ in one of: polarity (one asserts what the other denies or negates), a number counting the
same thing ('12 killed' / '15 killed'), a date of the same granularity, the place of the event, or the actor doing
it (different grammatical subjects of the same verb). Each side's differing words are returned as spans.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from ..analysis.nlp import load_nlp
from ..model import Article, Conflict, Span
from .align import ClaimInfo, NumberMention, ref

__all__ = ["CONFLICT_THRESHOLD", "conflict_pairs", "find_conflicts", "role_reversals"]

#: Two claims must match at least this well (align.match_scores) before a difference counts as a conflict; tuned
#: as FNC-1's 'disagree' threshold on the train half (eval/stance.py).
CONFLICT_THRESHOLD = 0.65
#: ... and at least this well for a differing actor, date or place (which more often means a different event);
#: set by hand, above the shared-claim threshold, for want of claim-level gold.
STRICT_THRESHOLD = 0.75
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor", "none"})
_DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "dispute", "rebut", "contradict"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Clauses through which the main predicate's act continues ('threatened to shoot down X', 'was prepared to...').
_CHAINED = frozenset({"xcomp", "ccomp", "acomp"})
#: Who is acted on: objects, the subject of a passive, and objects of prepositions that aim an act ('fired on X').
_PATIENTS = frozenset({"dobj", "obj", "dative", "nsubjpass"})
#: Prepositions that aim an act at someone. Not 'with', 'between' (talks with X are talks with both: a pair that
#: swaps them says the same) nor places and times ('in Moscow', 'on Monday' names no entity acted on).
_AIMING = frozenset({"on", "at", "against", "upon", "onto", "into", "toward", "towards"})
_DIRECTIVE_MODALS = frozenset({"should", "must", "ought", "shall"})
_LIGHT_CONTEXT = frozenset({"be", "have", "do", "at", "least", "about", "some", "more", "than", "of", "the", "a"})


@dataclass
class _Parsed:
    info: ClaimInfo
    doc: Doc

    def span(self, article: Article, token_or_start: Token | int, end: int | None = None) -> Span:
        """An article span from a token of the claim's parse (or claim-relative character offsets)."""
        if isinstance(token_or_start, Token):
            start, end = token_or_start.idx, token_or_start.idx + len(token_or_start.text)
        else:
            start = token_or_start
        return article.span(self.info.start + start, self.info.start + (end or start))


def _root(doc: Doc) -> Token:
    """The claim's main predicate: the root of its first sentence, or the first verb ('that X did Y' clauses)."""
    root = next(iter(doc.sents)).root
    if root.pos_ not in {"VERB", "AUX"}:
        root = next((t for t in doc if t.pos_ == "VERB"), root)
    return root


def _negation(parsed: _Parsed) -> Token | None:
    """The word that negates or denies the main predicate, if any."""
    root = _root(parsed.doc)
    if any(child.dep_ == "aux" and child.lower_ in _DIRECTIVE_MODALS for child in root.children):
        return None  # 'should not strike' is advice or a demand, not a denial that anything happened
    for child in root.children:
        if child.dep_ == "neg" or child.lower_ in _NEGATIONS and child.dep_ in {"det", "advmod"}:
            return child
    if root.lemma_.lower() in _DENIAL_VERBS:
        return root
    return None


def _denied_predicate(parsed: _Parsed) -> Token:
    """What is negated or denied: the main verb, or what a denial verb governs ('denied shelling' -> shell)."""
    root = _root(parsed.doc)
    if root.lemma_.lower() in _DENIAL_VERBS:
        governed = next((t for t in root.children if t.dep_ in {"xcomp", "ccomp", "dobj"} and t.pos_ == "VERB"), None)
        return governed or root
    return root


def _polarity(article_a: Article, a: _Parsed, article_b: Article, b: _Parsed) -> tuple | None:
    """One side denies or negates what the other asserts (the same predicate)."""
    denied_a = a.info.certainty == "denied" or _negation(a) is not None
    denied_b = b.info.certainty == "denied" or _negation(b) is not None
    if denied_a == denied_b:
        return None
    denier, asserter = (a, b) if denied_a else (b, a)
    predicate = _denied_predicate(denier).lemma_.lower()
    asserted = next((t for t in asserter.doc if t.lemma_.lower() == predicate and t.pos_ in {"VERB", "AUX"}), None)
    if asserted is None or predicate in {"be", "have", "do", "say"}:
        return None  # they deny and assert different things
    article_d, article_s = (article_a, article_b) if denied_a else (article_b, article_a)
    cue = _negation(denier)
    cue_span = denier.span(article_d, cue) if cue is not None else None
    if cue_span is None:
        hedges = article_d.claims[denier.info.index].hedges
        cue_span = hedges[0] if hedges else article_d.span(denier.info.start, denier.info.end)
    root_span = asserter.span(article_s, asserted)
    values = (cue_span, root_span) if denied_a else (root_span, cue_span)
    return "polarity", *values, f"one asserts it ('{root_span.text}'), the other denies it ('{cue_span.text}')"


def _number_context(doc: Doc, number: NumberMention, offset: int) -> set[str]:
    """Lemmas the number attaches to ('12 people were killed' -> people, kill), to tell what it counts."""
    start = number.start - offset
    token = next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)
    if token is None:
        return set()
    words = {token.head.lemma_.lower(), token.head.head.lemma_.lower()}
    if token.i + 1 < len(doc):
        words.add(doc[token.i + 1].lemma_.lower())
    return {w for w in words if w.isalpha() and w not in _LIGHT_CONTEXT}


def _number(article_a: Article, a: _Parsed, article_b: Article, b: _Parsed) -> tuple | None:
    """The same thing counted differently."""
    counts_a = [n for n in a.info.numbers if not n.is_year]
    counts_b = [n for n in b.info.numbers if not n.is_year]
    for x in counts_a:
        context_x = _number_context(a.doc, x, a.info.start) - {str(int(x.value))}
        for y in counts_b:
            if x.value == y.value or not context_x & _number_context(b.doc, y, b.info.start):
                continue
            if any(n.value == y.value for n in counts_a) or any(n.value == x.value for n in counts_b):
                continue  # both numbers occur on both sides: different counts, not a disagreement
            span_a, span_b = article_a.span(x.start, x.end), article_b.span(y.start, y.end)
            what = sorted(context_x & _number_context(b.doc, y, b.info.start))[0]
            return "number", span_a, span_b, f"{span_a.text} vs {span_b.text} ({what})"
    return None


def _date(article_a: Article, a: _Parsed, article_b: Article, b: _Parsed) -> tuple | None:
    """The same event dated differently (same granularity, different values, neither date on the other side)."""
    for value_a, (start_a, end_a) in a.info.times.items():
        for value_b, (start_b, end_b) in b.info.times.items():
            if value_a == value_b or len(value_a) != len(value_b) or value_a.startswith("P"):
                continue
            if value_a in b.info.times or value_b in a.info.times:
                continue
            span_a, span_b = article_a.span(start_a, end_a), article_b.span(start_b, end_b)
            return "date", span_a, span_b, f"{span_a.text} ({value_a}) vs {span_b.text} ({value_b})"
    return None


def _entity_token_key(parsed: _Parsed, token: Token, keys: dict[tuple[int, int], str]) -> str | None:
    position = parsed.info.start + token.idx
    for (start, end), key in keys.items():
        if start <= position < end:
            return key
    return None


def _mention_keys(article: Article, info: ClaimInfo, key_of: dict[tuple[str, str], str]) -> dict[tuple[int, int], str]:
    keys = {}
    for entity in article.entities:
        key = key_of.get((article.id, entity.id), f"{article.id}:{entity.id}")
        for mention in entity.mentions:
            if mention.start >= info.start and mention.end <= info.end:
                keys[(mention.start, mention.end)] = key
    return keys


def _place(article_a: Article, a: _Parsed, article_b: Article, b: _Parsed, key_of: dict) -> tuple | None:
    """The same thing happening in different places: each side's place (object of the same preposition) is absent
    from the other side."""
    keys_a, keys_b = _mention_keys(article_a, a.info, key_of), _mention_keys(article_b, b.info, key_of)

    def located(parsed: _Parsed, keys: dict) -> dict[str, tuple[str, Token]]:
        found = {}
        for token in parsed.doc:
            if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in {"in", "at", "near", "on"}:
                key = _entity_token_key(parsed, token, keys)
                if key in parsed.info.places:
                    found.setdefault(key, (token.head.lower_, token))
        return found

    places_a, places_b = located(a, keys_a), located(b, keys_b)
    for key_a, (prep_a, token_a) in places_a.items():
        for key_b, (prep_b, token_b) in places_b.items():
            if key_a == key_b or prep_a != prep_b or key_a in b.info.places or key_b in a.info.places:
                continue
            span_a, span_b = a.span(article_a, token_a), b.span(article_b, token_b)
            return "place", span_a, span_b, f"{prep_a} {span_a.text} vs {prep_b} {span_b.text}"
    return None


def _actor(article_a: Article, a: _Parsed, article_b: Article, b: _Parsed, key_of: dict) -> tuple | None:
    """The same act done by different actors: the same main verb with subjects that are different entities."""
    root_a, root_b = _root(a.doc), _root(b.doc)
    if root_a.lemma_.lower() != root_b.lemma_.lower() or root_a.pos_ != "VERB":
        return None
    subject_a = next((t for t in root_a.children if t.dep_ in _SUBJECTS), None)
    subject_b = next((t for t in root_b.children if t.dep_ in _SUBJECTS), None)
    if subject_a is None or subject_b is None or subject_a.dep_ != subject_b.dep_:
        return None
    key_a = _entity_token_key(a, subject_a, _mention_keys(article_a, a.info, key_of))
    key_b = _entity_token_key(b, subject_b, _mention_keys(article_b, b.info, key_of))
    if key_a is None or key_b is None or key_a == key_b or key_a in b.info.actors or key_b in a.info.actors:
        return None
    span_a = a.span(article_a, subject_a.left_edge.idx, subject_a.right_edge.idx + len(subject_a.right_edge.text))
    span_b = b.span(article_b, subject_b.left_edge.idx, subject_b.right_edge.idx + len(subject_b.right_edge.text))
    return "actor", span_a, span_b, f"{span_a.text} vs {span_b.text} as who {root_a.lemma_.lower()}"


def _roles(parsed: _Parsed, keys: dict[tuple[int, int], str]) -> tuple[set[str], set[str]]:
    """The entities doing the claim's main act and those it is done to ('Russia threatened to shoot down Israeli
    jets': {Russia}, {Israel}), as linked-entity keys; a passive's 'by' phrase is the doer."""
    root = _root(parsed.doc)
    predicates = [root]
    for token in predicates:
        predicates += [child for child in token.children if child.dep_ in _CHAINED and child.pos_ in {"VERB", "AUX", "ADJ"}]
    doers: set[str] = set()
    done_to: set[str] = set()

    def keys_in(token: Token) -> set[str]:
        """Entities in the phrase the token heads, without its prepositional phrases other than 'of' ('talks
        with Israel' is done to no one; 'the jets of Israel' are Israel's)."""
        found, stack = set(), [token]
        while stack:
            current = stack.pop()
            if (key := _entity_token_key(parsed, current, keys)) is not None:
                found.add(key)
            stack += [c for c in current.children if c.dep_ != "prep" or c.lower_ == "of"]
        return found

    for predicate in predicates:
        for child in predicate.children:
            if child.dep_ == "nsubj":
                doers |= keys_in(child)
            elif child.dep_ == "agent":
                doers |= {key for grandchild in child.children for key in keys_in(grandchild)}
            elif child.dep_ in _PATIENTS:
                done_to |= keys_in(child)
            elif child.dep_ == "prep" and child.lower_ in _AIMING:
                done_to |= {key for grandchild in child.children if grandchild.dep_ == "pobj" for key in keys_in(grandchild)}
    return doers - done_to, done_to - doers


def _candidates(
    infos: dict[str, list[ClaimInfo]], scores: dict[tuple[str, str], np.ndarray], threshold: float
) -> list[tuple[float, ClaimInfo, ClaimInfo]]:
    """Claim pairs of different articles matching at least ``threshold``, closest first."""
    candidates = [
        (float(matrix[i, j]), infos[id_a][i], infos[id_b][j])
        for (id_a, id_b), matrix in scores.items()
        for i, j in zip(*np.nonzero(matrix >= threshold), strict=True)
    ]
    return sorted(candidates, key=lambda c: (-c[0], c[1].article, c[1].index, c[2].index))


def _parsed(
    candidates: list[tuple[float, ClaimInfo, ClaimInfo]], parses: dict[tuple[str, int], Doc] | None, model: str | None
) -> dict[tuple[str, int], Doc]:
    """Parses of the candidates' claims by (article id, claim index), added to ``parses`` (a cache) when given."""
    docs = {} if parses is None else parses
    needed = {(x.article, x.index): x for _, a, b in candidates for x in (a, b) if (x.article, x.index) not in docs}
    if needed:
        docs.update(zip(needed, load_nlp(model).pipe((i.text for i in needed.values()), disable=["ner"]), strict=True))
    return docs


def role_reversals(
    articles: list[Article],
    infos: dict[str, list[ClaimInfo]],
    scores: dict[tuple[str, str], np.ndarray],
    key_of: dict[tuple[str, str], str],
    *,
    threshold: float = CONFLICT_THRESHOLD,
    model: str | None = None,
    parses: dict[tuple[str, int], Doc] | None = None,
) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    """Pairs of claims worded alike whose actors swap places ('Israel was ready to shoot down Russia's jet' /
    'Russia threatened to shoot down Israel's jets'): different claims, so never lined up as one. Both ways round,
    like conflict_pairs."""
    by_id = {article.id: article for article in articles}
    candidates = _candidates(infos, scores, threshold)
    docs = _parsed(candidates, parses, model)
    reversed_pairs = set()
    for _, x, y in candidates:
        a, b = _Parsed(x, docs[(x.article, x.index)]), _Parsed(y, docs[(y.article, y.index)])
        doers_a, done_to_a = _roles(a, _mention_keys(by_id[x.article], x, key_of))
        doers_b, done_to_b = _roles(b, _mention_keys(by_id[y.article], y, key_of))
        if doers_a & done_to_b and done_to_a & doers_b and not doers_a & doers_b:
            # A claim nested in one of them ('to shoot down Israeli jets' in 'Russia threatened to...') is that
            # claim's act too, with the doer named outside it: kept apart as well.
            for inner_x in _within(x, infos[x.article]):
                for inner_y in _within(y, infos[y.article]):
                    pair = ((inner_x.article, inner_x.index), (inner_y.article, inner_y.index))
                    reversed_pairs |= {pair, pair[::-1]}
    return reversed_pairs


def _within(outer: ClaimInfo, rows: list[ClaimInfo]) -> list[ClaimInfo]:
    """The claim and the claims of its article inside it."""
    return [info for info in rows if outer.start <= info.start and info.end <= outer.end]


def find_conflicts(
    articles: list[Article],
    infos: dict[str, list[ClaimInfo]],
    scores: dict[tuple[str, str], np.ndarray],
    key_of: dict[tuple[str, str], str],
    *,
    threshold: float = CONFLICT_THRESHOLD,
    model: str | None = None,
    parses: dict[tuple[str, int], Doc] | None = None,
) -> list[Conflict]:
    """Conflicts between claims of different articles, closest matches first; nested claims of one article give
    one conflict, not two. ``parses`` caches claim parses by (article id, claim index) across calls."""
    by_id = {article.id: article for article in articles}
    candidates = _candidates(infos, scores, threshold)
    if not candidates:
        return []
    docs = _parsed(candidates, parses, model)
    conflicts: list[Conflict] = []
    seen: list[tuple[ClaimInfo, ClaimInfo, str]] = []
    for score, x, y in candidates:
        a, b = _Parsed(x, docs[(x.article, x.index)]), _Parsed(y, docs[(y.article, y.index)])
        article_a, article_b = by_id[x.article], by_id[y.article]
        found = _polarity(article_a, a, article_b, b) or _number(article_a, a, article_b, b)
        if found is None and score >= STRICT_THRESHOLD:
            found = (
                _actor(article_a, a, article_b, b, key_of)
                or _date(article_a, a, article_b, b)
                or _place(article_a, a, article_b, b, key_of)
            )
        if found is None:
            continue
        kind, value_a, value_b, description = found
        if any(kind == k and _overlaps(x, p) and _overlaps(y, q) for p, q, k in seen):
            continue
        seen.append((x, y, kind))
        conflicts.append(
            Conflict(
                a=ref(article_a, x),
                b=ref(article_b, y),
                kind=kind,
                a_value=value_a,
                b_value=value_b,
                description=description,
                score=round(score, 3),
            )
        )
    return conflicts


def _overlaps(x: ClaimInfo, y: ClaimInfo) -> bool:
    return x.article == y.article and x.start < y.end and y.start < x.end


def conflict_pairs(conflicts: list[Conflict]) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    """The claim pairs in conflict, both ways round, so alignment does not group them as agreeing."""
    pairs = set()
    for conflict in conflicts:
        a, b = (conflict.a.article, conflict.a.claim), (conflict.b.article, conflict.b.claim)
        pairs |= {(a, b), (b, a)}
    return pairs

