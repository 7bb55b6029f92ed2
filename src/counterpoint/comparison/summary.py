"""The summary a person reads first: 3-7 plain sentences, each generated from one finding of the comparison and
pointing to the spans that finding rests on in every article concerned. Nothing is said that no finding shows."""

from __future__ import annotations

import re

from ..model import (
    Article,
    ClaimAlignment,
    Evidence,
    NamingContrast,
    PairRelation,
    SourcingSide,
    Span,
    SummarySentence,
)

__all__ = ["MAX_SENTENCES", "display_names", "summarize", "NO_CONFLICTS_NOTE", "NO_SHARED_NOTE"]

#: What the reports say when no claim is shared or in conflict: what was measured, not that the articles agree
#: or share nothing (matching asks for close wording; conflicts are found structurally).
NO_SHARED_NOTE = (
    "No claim in one article matches a claim in another (matching asks for close wording: the same claim worded"
    " quite differently can be missed)."
)
NO_CONFLICTS_NOTE = (
    "No conflicting claims found (conflicts are found structurally: numbers, dates, places, actors, denials)."
)

MAX_SENTENCES = 7
_QUOTE_CHARS = 90
_VERSUS = re.compile(r"\(([^()]+?) vs ([^()]+?)\)")
_RELATION_WORDS = {
    "same_event": "report the same event",
    "same_storyline": "follow the same storyline but report different events",
    "unrelated": "appear to tell unrelated stories",
}


def display_names(articles: list[Article]) -> dict[str, str]:
    """A name per article id for sentences: its outlet (or title, or id), made unique when two coincide."""
    names = {a.id: a.outlet or a.title or a.id for a in articles}
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name] = counts.get(name, 0) + 1
    return {i: (f"{n} ({i})" if counts[n] > 1 else n) for i, n in names.items()}


def _quote(text: str, limit: int = _QUOTE_CHARS) -> str:
    text = " ".join(text.split()).strip("“”\"' ")
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1].rstrip()}…”"


def _evidence(article_id: str, span: Span) -> Evidence:
    return Evidence(article=article_id, start=span.start, end=span.end, text=span.text)


def _join(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _reason(pair: PairRelation) -> str:
    """The reason a reader needs first: what sets the two apart (place, date), else the verdict's own reason."""
    reasons = [r.rstrip(".") for r in pair.evidence.reasons]
    telling = [r for r in reasons[:-1] if "different" in r or "apart" in r or "same day" in r]
    chosen = telling[-1] if telling else (reasons[-1] if reasons else "")
    return chosen[:1].lower() + chosen[1:] if chosen else ""


def _relation(articles: list[Article], pairs: list[PairRelation], names: dict[str, str]) -> list[SummarySentence]:
    by_id = {a.id: a for a in articles}
    sentences = []
    for pair in pairs[:2]:
        reason = _reason(pair)
        evidence = []
        for article_id in (pair.a, pair.b):
            article = by_id[article_id]
            for shared in pair.evidence.shared_entities[:2]:
                entity = next((e for e in article.entities if e.name == shared and e.mentions), None)
                if entity is not None:
                    evidence.append(_evidence(article_id, entity.mentions[0]))
            versus = _VERSUS.search(reason)
            if versus:  # "(Sochi vs Moscow)": a's value first, b's second
                wanted = versus.group(1 if article_id == pair.a else 2).strip()
                named = [m for e in article.entities for m in e.mentions if m.text == wanted]
                evidence += [_evidence(article_id, m) for m in named[:1]]
            for value in pair.evidence.dates.get(article_id, [])[:1]:
                time = next((t for t in article.times if t.value and value.startswith(t.value)), None)
                if time is not None:
                    evidence.append(_evidence(article_id, time))
        if not {e.article for e in evidence} >= {pair.a, pair.b}:
            continue
        verb = _RELATION_WORDS.get(pair.relation, pair.relation.replace("_", " "))
        text = f"{names[pair.a]} and {names[pair.b]} {verb}" + (f": {reason}." if reason else ".")
        sentences.append(SummarySentence(text=text, evidence=evidence))
    return sentences


def _shared(claims: ClaimAlignment, names: dict[str, str], total: int) -> list[SummarySentence]:
    if not claims.shared:
        return []
    best = claims.shared[0]
    who = "" if total == 2 else f" (in {len(best.members)} of the {total} articles)"
    quotes = "; ".join(f"{names[m.article]}: {_quote(m.text)}" for m in best.members)
    count = len(claims.shared)
    weakest = min(group.score for group in claims.shared)
    text = (
        f"By wording and the actors, places, numbers and dates they name, the articles share {count} claim"
        f"{'s' if count > 1 else ''} ({_match_range(weakest, best.score)}); the closest{who}: {quotes}."
    )
    evidence = [_evidence(m.article, m) for group in claims.shared[:3] for m in group.members]
    return [SummarySentence(text=text, evidence=evidence)]


def _match_range(low: float, high: float) -> str:
    return f"match {high:.2f}" if f"{low:.2f}" == f"{high:.2f}" else f"match {low:.2f} to {high:.2f}"


def _conflicts(claims: ClaimAlignment, names: dict[str, str]) -> list[SummarySentence]:
    sentences = []
    for conflict in claims.conflicts[:2]:
        a_value = conflict.a_value or conflict.a
        b_value = conflict.b_value or conflict.b
        a_name, b_name = names[conflict.a.article], names[conflict.b.article]
        a_says, b_says = _quote(a_value.text, 60), _quote(b_value.text, 60)
        if conflict.kind == "polarity":
            # the description ends with the denying words: "..., the other denies it ('denied')"
            b_denies = conflict.description.endswith(f"('{b_value.text}')")
            denier, other = (b_name, a_name) if b_denies else (a_name, b_name)
            text = f"{denier} denies what {other} asserts: {a_name} has {a_says} where {b_name} has {b_says}."
        else:
            what = {"number": "numbers", "date": "dates", "place": "places", "actor": "actors"}[conflict.kind]
            text = f"They appear to give different {what}: {a_name} has {a_says} where {b_name} has {b_says}."
        evidence = [
            _evidence(conflict.a.article, a_value),
            _evidence(conflict.b.article, b_value),
            _evidence(conflict.a.article, conflict.a),
            _evidence(conflict.b.article, conflict.b),
        ]
        sentences.append(SummarySentence(text=text, evidence=evidence))
    return sentences


#: A label or descriptor this far from neutral (lexicon polarity) characterizes: "dictator", "resistance".
CHARGED = 0.25


def _charged(contrast: NamingContrast) -> bool:
    """Whether any article names the actor with charged words: only then is a naming difference worth a summary
    line ("U.S. states" beside "U.S." is not framing)."""
    spans = [*(x for labels in contrast.labels.values() for x in labels)]
    spans += [x for descriptors in contrast.descriptors.values() for x in descriptors]
    return any(abs(span.polarity) >= CHARGED for span in spans)


def _naming(naming: list[NamingContrast], names: dict[str, str]) -> list[SummarySentence]:
    sentences = []
    charged = [c for c in naming if _charged(c)]
    for contrast in [c for c in charged if len(c.labels) > 1 and c.contrast >= 0.3][:2]:
        parts, evidence = [], []
        for article_id, labels in contrast.labels.items():
            ranked = sorted(labels, key=lambda label: label.kind in {"name", "demonym"})[:3]
            parts.append(f"{names[article_id]} uses {', '.join(_quote(label.text, 50) for label in ranked)}")
            evidence += [_evidence(article_id, label) for label in ranked]
        sentences.append(
            SummarySentence(text=f"They name {contrast.entity} differently: {'; '.join(parts)}.", evidence=evidence)
        )
    single = next((c for c in charged if len(c.labels) == 1), None)
    if single is not None:
        article_id, labels = next(iter(single.labels.items()))
        characterizing = [label for label in labels if label.kind not in {"name", "demonym"}][:3] or labels[:1]
        said = ", ".join(_quote(label.text, 50) for label in characterizing)
        sentences.append(
            SummarySentence(
                text=f"Only {names[article_id]} names {single.entity}: {said}.",
                evidence=[_evidence(article_id, label) for label in characterizing],
            )
        )
    return sentences


def _sourcing(sides: list[SourcingSide], names: dict[str, str]) -> list[SummarySentence]:
    parts, evidence = [], []
    for side in sides:
        profile = side.profile
        if profile is None or not profile.claims:
            continue
        part = (
            f"{names[side.article]} attributes {profile.attributed_share:.0%} of its claims to a source, "
            f"{profile.anonymous_share:.0%} to anonymous ones"
        )
        if profile.media:
            part += f", and relies on {_join([_quote(m, 40) for m in profile.media[:3]])}"
        parts.append(part)
        ranked = sorted(side.sources, key=lambda s: {"anonymous": 0, "media": 1}.get(s.kind, 2))[:3]
        evidence += [_evidence(side.article, source) for source in ranked]
    if len(parts) < 2 or not evidence:
        return []
    return [SummarySentence(text="On sourcing, " + "; ".join(parts) + ".", evidence=evidence)]


def _omissions(claims: ClaimAlignment, names: dict[str, str]) -> list[SummarySentence]:
    parts, evidence = [], []
    for article_id, refs in claims.unique.items():
        if not refs:
            continue
        parts.append(
            f"only {names[article_id]} says {_quote(refs[0].text, 70)} ({len(refs)} such claim{'s' if len(refs) > 1 else ''} in all)"
        )
        evidence += [_evidence(article_id, ref) for ref in refs[:3]]
    if not parts:
        return []
    text = "What one article reports and another leaves out: " + "; ".join(parts) + "."
    return [SummarySentence(text=text, evidence=evidence)]


def summarize(
    articles: list[Article],
    pairs: list[PairRelation],
    claims: ClaimAlignment,
    naming: list[NamingContrast],
    sourcing: list[SourcingSide],
) -> list[SummarySentence]:
    """At most MAX_SENTENCES sentences: relation, shared claims, conflicts, naming, sourcing, omissions."""
    names = display_names(articles)
    relation, naming_sentences = _relation(articles, pairs, names), _naming(naming, names)
    first = (
        relation[:1]
        + _shared(claims, names, len(articles))
        + _conflicts(claims, names)
        + naming_sentences[:1]
        + _sourcing(sourcing, names)
        + _omissions(claims, names)
    )
    extra = relation[1:] + naming_sentences[1:]
    for sentence in first + extra:  # one span cited once per sentence
        unique = {(e.article, e.start, e.end): e for e in sentence.evidence}
        sentence.evidence = list(unique.values())
    return [s for s in first + extra if s.evidence][:MAX_SENTENCES]
