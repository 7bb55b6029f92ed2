"""What the text and Markdown views show of an article, computed once so both say the same."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..analysis.word_tagger import ANALYZER_MARK
from ..ingest.dates import full_dates_in
from ..model import Article, Attribution, Entity, TimeExpression, claims_of_attributions, reported_through

__all__ = [
    "ArticleView", "NO_CLAIM", "NamingRow", "PERSUASION_NOTE", "TAGGER_NOTE", "SourcedClaim", "date_line", "persuasion_note", "short",
    "view", "wording_line",
]

#: What a persuasive passage is, said wherever passages are listed: a model's chance, not a finding of fact.
PERSUASION_NOTE = (
    "Sentences a learned model calls likely to use a propaganda technique (doubt, fear, exaggeration, ...), with"
    " its chance and the words that weighed most; in reported speech, the words reported. On held-apart news,"
    " annotators had marked about half of the sentences it calls, against a quarter of all sentences."
)
#: The same, when the word-piece tagger found them (``--tagger``): phrases, with no cue words of their own.
TAGGER_NOTE = (
    "Phrases a learned word-piece tagger marks as likely propaganda (any technique), with their words' mean chance."
    " On held-apart news, its spans matched the annotators' in part (SI F1 0.39)."
)


def persuasion_note(article: Article) -> str:
    """Which note fits the article's passages: the tagger's or the sentence model's."""
    return TAGGER_NOTE if (article.analyzer or "").endswith(ANALYZER_MARK) else PERSUASION_NOTE


@dataclass
class NamingRow:
    """How the article names one actor: its labels beyond the bare name, descriptors and tone, as words."""

    name: str
    labels: list[str]  # "the Tel Aviv regime (metonym)"
    descriptors: list[str]  # "brutal −0.9"
    tone: str  # "−0.70 from: terror, proxy" or ""


#: The certainty column of a row whose content is what the source acts on, refers to or takes a stance to ("praised
#: [the plan]"): a thing, not a statement, so no claim of ours rests on it.
NO_CLAIM = "— (no claim)"


@dataclass
class SourcedClaim:
    source: str  # the source's words, with its kind: "a Russian source (anonymous)"
    cue: str
    content: str
    certainty: str
    hedges: list[str]
    via: str | None


@dataclass
class ArticleView:
    title: str
    outlet: str
    date: str
    byline: str | None
    removed: int
    entities: list[tuple[Entity, int, list[str]]]  # entity, mention count, distinct surface forms
    times: list[TimeExpression]
    attributions: list[SourcedClaim]
    own_voice: list[tuple[str, str, list[str]]]  # the outlet's own claims that are not plainly asserted
    profile: list[str]  # readable lines
    chains: list[str]
    naming: list[NamingRow] = field(default_factory=list)
    loaded: list[tuple[str, str, str]] = field(default_factory=list)  # words, category, who it is aimed at
    persuasion: list[tuple[str, float, str]] = field(default_factory=list)  # passage (short), chance, its cue words


def wording_line(article: Article) -> str:
    """How heavily an article's wording leans, in one line to set beside another's: its loaded terms per 1,000
    words by category, and the share of its sentences that hold a persuasive passage (sentences, not passages: one
    reporting two speakers may hold two, and the tagger's phrases are parts of sentences)."""
    words = max(len(article.text.split()), 1)
    terms = article.loaded_terms
    by_category = Counter(term.category for term in terms)
    kinds = ", ".join(f"{count} {category}" for category, count in by_category.most_common())
    sentences = len(article.sentences)
    passages = sum(any(s.start <= p.start < s.end for p in article.persuasive_passages) for s in article.sentences)
    share = f" ({passages / sentences:.0%})" if sentences else ""
    return (
        f"{len(terms)} loaded terms, {1000 * len(terms) / words:.1f} per 1,000 words" + (f" ({kinds})" if kinds else "")
        + f"; {passages} of {sentences} sentences persuasive passages{share}"
    )


def short(text: str, limit: int = 150) -> str:
    """One line, cut with an ellipsis past ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def date_line(article: Article) -> str:
    """The publication date, or what little the text says of it. The estimate from the text's own dates is a
    weak guess (on PolNeAR dev its range held the real date for 8% of articles: eval/dating.py), so it is
    shown as the latest date the text cites, in its own words, not as a date range."""
    if article.published:
        return article.published.isoformat()
    if article.estimated_date:
        first, _ = article.estimated_date
        cited = next(
            (t for t in article.times if t.kind == "absolute" and t.earliest == first and t.anchor is None), None
        )
        if cited is not None:
            return f"unknown; the latest date the text cites is “{cited.text}” (a weak guess at when it was written)"
        caption = next((line for line in article.removed if line.rule == "caption" and first in full_dates_in(line.text)), None)
        where = f"a caption removed from the text (line {caption.line})" if caption is not None else "the page"
        return f"unknown; the latest date {where} cites is {first.isoformat()} (a weak guess at when it was written)"
    return "unknown"


def view(article: Article, max_entities: int = 25) -> ArticleView:
    date = date_line(article)
    ranked = sorted(article.entities, key=lambda e: (-len(e.mentions), e.mentions[0].start))
    entities = []
    for entity in ranked[:max_entities]:
        forms = list(dict.fromkeys(m.text for m in entity.mentions))
        entities.append((entity, len(entity.mentions), forms))
    return ArticleView(
        attributions=_attributions(article),
        own_voice=[
            (c.text, c.certainty, [h.text for h in c.hedges])
            for c in article.claims
            if c.attribution is None and c.certainty != "asserted"
        ],
        profile=_profile(article),
        chains=[" ← ".join(chain) for chain in (article.sourcing.chains if article.sourcing else [])],
        title=article.title or "(untitled)",
        outlet=article.outlet or "unknown outlet",
        date=date,
        byline=article.byline,
        removed=len(article.removed),
        entities=entities,
        times=article.times,
        naming=_naming(article),
        loaded=_loaded(article),
        persuasion=[
            (short(p.text), p.confidence, ", ".join(c.text for c in p.cues)) for p in article.persuasive_passages
        ],
    )


def _naming(article: Article) -> list[NamingRow]:
    """Entities the article names with more than a bare name, or gives a tone, most described first."""
    rows = []
    for entity in article.entities:
        labels = list(dict.fromkeys(f"{label.text} ({label.kind})" for label in entity.labels if label.kind != "name"))
        descriptors = list(dict.fromkeys(f"{d.word} {d.polarity:+.1f}" for d in entity.descriptors))
        tone = ""
        if entity.tone is not None:
            tone = f"{entity.tone.score:+.2f} from: " + ", ".join(dict.fromkeys(s.text for s in entity.tone.evidence))
        if labels or descriptors or tone:
            rows.append(NamingRow(entity.name, labels, descriptors, tone))
    rows.sort(key=lambda row: -(len(row.labels) + len(row.descriptors) + bool(row.tone)))
    return rows


def _loaded(article: Article) -> list[tuple[str, str, str]]:
    """Loaded terms as (words, category, target name); a tagger finding says so, with its confidence."""
    names = {entity.id: entity.name for entity in article.entities}
    rows = []
    for term in article.loaded_terms:
        category = term.category
        if term.found_by == "tagger" and term.confidence is not None:
            category += f" (learned tagger, {term.confidence:.2f})"
        rows.append((term.text, category, names.get(term.target or "", "")))
    return rows


def _source_words(article: Article, index: int | None) -> str:
    if index is None:
        return ""
    source = article.attributions[index].source
    if source is None:
        return "(no source given)"
    if source.antecedent is not None:
        return f"{source.text} → {source.name or source.antecedent.text}, inferred ({source.kind})"
    named = f" = {source.name}" if source.name and source.name != source.text else ""
    return f"{source.text}{named} ({source.kind})"


def tagger_note(attribution: Attribution) -> str:
    """What the attribution tagger had to do with a report, with its chance: a reader weighs it less than the
    rules' reading of the parse ("" for the rules alone)."""
    notes = []
    if attribution.confidence is not None and attribution.found_by == "tagger":
        notes.append(f"found by the tagger, chance {attribution.confidence:.2f}")
    elif attribution.confidence is not None and attribution.found_by == "rules+tagger":
        notes.append(f"content bounded by the tagger, chance {attribution.confidence:.2f}")
    if attribution.source is not None and attribution.source.tagger_chance is not None:
        notes.append(f"source named by the tagger, chance {attribution.source.tagger_chance:.2f}")
    return "; ".join(notes)


def _attributions(article: Article) -> list[SourcedClaim]:
    by_attribution = claims_of_attributions(article.claims)
    rows = []
    for index, attribution in enumerate(article.attributions):
        claim = by_attribution.get(index)
        rows.append(
            SourcedClaim(
                source=_source_words(article, index),
                cue=attribution.cue.text + (f" ({note})" if (note := tagger_note(attribution)) else ""),
                content=attribution.content.text
                + (f" … {attribution.continuation.text}" if attribution.continuation is not None else ""),
                # what a source acts on ("praised [the plan]") is no claim, so it has no certainty to show
                certainty=claim.certainty if claim else NO_CLAIM,
                hedges=[h.text for h in claim.hedges] if claim else [],
                via=_source_words(article, through) if (through := reported_through(article.attributions, index)) is not None else None,
            )
        )
    return rows


def _profile(article: Article) -> list[str]:
    profile = article.sourcing
    if profile is None:
        return []
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(profile.by_kind.items(), key=lambda kv: -kv[1]))
    acts = sum(a.content_type == "object" for a in article.attributions)
    lines = [
        f"{sum(profile.by_kind.values())} attributions ({kinds or 'none'})"
        + (f"; {acts} of them what a source acts on or refers to, not a claim" if acts else ""),
        f"{profile.claims} claims: {profile.attributed_share:.0%} attributed, "
        f"{profile.anonymous_share:.0%} on anonymous sources, {profile.hedged_share:.0%} hedged",
    ]
    if profile.media:
        lines.append("relies on other media: " + "; ".join(profile.media))
    for index, attribution in enumerate(article.attributions):
        if attribution.corroboration is not None:
            lines.append(
                f"claims corroboration (unverified): {_source_words(article, index)} says it "
                f"{attribution.corroboration.text}"
            )
    return lines
