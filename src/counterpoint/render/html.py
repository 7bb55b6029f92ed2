"""The comparison as one self-contained HTML file: the articles side by side with their spans highlighted, and
every finding linked to the words it rests on in every article.

Article text and metadata are untrusted. Jinja2 escapes everything it prints, no attribute or URL is ever built from
article data, and a Content-Security-Policy admits only the report's own inline style and script (by hash), so
nothing that slipped into the page could run even if escaping failed somewhere.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup

from ..comparison.summary import NO_CONFLICTS_NOTE, NO_SHARED_NOTE, display_names
from ..errors import CounterpointError, Errors
from ..model import Article, ClaimRef, Comparison, Source, SourcingProfile, Span
from .summary import date_line, persuasion_note, short, tagger_note, wording_line

__all__ = ["render_comparison_html", "Mark", "Link", "segment_tokens"]

_QUOTE = 90
# Nesting order when two marks cover exactly the same words: the lower rank is the outer element.
_RANK = {
    "claim": 0,
    "said": 1,
    "source": 2,
    "cue": 2,
    "label": 3,
    "desc": 4,
    "loaded": 4,
    "time": 4,
    "hedge": 5,
    "vague": 5,
    "evidence": 6,
}


@dataclass
class Mark:
    """A highlighted stretch of one article's text, with the id findings link to."""

    start: int
    end: int
    id: str
    kind: str
    classes: str = ""
    title: str = ""


@dataclass
class Link:
    """A finding's pointer to one span: the anchor id, which article, and the words (shortened)."""

    id: str
    article: str
    text: str


@dataclass
class _Finding:
    links: list[Link] = field(default_factory=list)

    @property
    def marks(self) -> str:
        return " ".join(dict.fromkeys(link.id for link in self.links))


class _Anchors:
    """Every span one article shows, under a stable id ('a1-c3': article 1, claim 3). A finding's link goes to the
    mark over exactly its words; when no highlighted span covers them, an evidence mark is made for them."""

    def __init__(self, article: Article, prefix: str, name: str) -> None:
        self.article = article
        self.prefix = prefix
        self.name = name
        self.marks: list[Mark] = []
        self._by_range: dict[tuple[int, int], list[Mark]] = defaultdict(list)
        self._evidence = 0
        self._names = 0

    def _check(self, span: Span) -> bool:
        """True when the span can be shown; a span that does not match the text means a corrupt comparison."""
        text = self.article.text
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
            raise CounterpointError(
                Errors.E070.format(article=self.article.id, start=span.start, end=span.end, text=short(span.text, 40))
            )
        return span.end > span.start

    def add(self, span: Span, local: str, kind: str, classes: str = "", title: str = "") -> str | None:
        if not self._check(span):
            return None
        mark = Mark(span.start, span.end, f"{self.prefix}-{local}", kind, f"m m-{kind} {classes}".strip(), title)
        self.marks.append(mark)
        self._by_range[(span.start, span.end)].append(mark)
        return mark.id

    def name_mark(self, span: Span, entity: str, what: str, polarity: float | None = None) -> None:
        """Mark a label (or, with a polarity, a descriptor) of an entity, once per stretch of words."""
        kind = "label" if polarity is None else "desc"
        if not self._check(span) or any(m.kind == kind for m in self._by_range.get((span.start, span.end), [])):
            return
        self._names += 1
        title = f"{entity}: {what}" if polarity is None else f"{entity}: '{what}' ({polarity:+.2f})"
        self.add(span, f"n{self._names}", kind, what if polarity is None else "", title)

    def link(self, span: Span, prefer: str | None = None) -> Link | None:
        """A link to the span: to the mark over exactly these words (of kind ``prefer`` when there is one)."""
        if not self._check(span):
            return None
        same = self._by_range.get((span.start, span.end), [])
        chosen = next((m for m in same if m.kind == prefer), same[0] if same else None)
        if chosen is None:
            self._evidence += 1
            mark_id = self.add(span, f"x{self._evidence}", "evidence", title="evidence for a finding")
        else:
            mark_id = chosen.id
        return Link(mark_id, self.name, short(span.text, _QUOTE))


def _claim_status(comparison: Comparison) -> dict[tuple[str, int], list[str]]:
    """Per claim, every alignment it takes part in: a claim can be shared with one article and conflict with
    another (the conflict is what its colour shows)."""
    status: dict[tuple[str, int], list[str]] = defaultdict(list)
    for article_id, refs in comparison.claims.unique.items():
        for ref in refs:
            status[(article_id, ref.claim)].append("unique")
    for group in comparison.claims.shared:
        for ref in group.members:
            status[(ref.article, ref.claim)].append("shared")
    for conflict in comparison.claims.conflicts:
        for ref in (conflict.a, conflict.b):
            status[(ref.article, ref.claim)].append("conflict")
    return status


def _source_title(source: Source | None) -> str:
    if source is None:
        return "no source given"
    name = f" = {source.name}" if source.name and source.name != source.text else ""
    through = f", through {source.through}" if source.through else ""
    guess = f" (resolved to {source.antecedent.text}, an inference)" if source.antecedent else ""
    return f"source ({source.kind}){name}{through}{guess}"


def _article_marks(article: Article, anchors: _Anchors, status: dict[tuple[str, int], list[str]]) -> None:
    """Register the spans highlighted in an article's text: claims (by alignment status and certainty), attributions
    (source, cue, what is said), loaded terms, entity labels and descriptors, times, hedges and vague words."""
    for index, claim in enumerate(article.claims):
        states = list(dict.fromkeys(status.get((article.id, index)) or ["other"]))
        hedges = f" ({', '.join(h.text for h in claim.hedges)})" if claim.hedges else ""
        said = "the outlet's own voice" if claim.attribution is None else f"attribution {claim.attribution}"
        title = f"claim {index}: {' and '.join(states)}; {claim.certainty}{hedges}; {said}"
        classes = " ".join(f"st-{state}" for state in states)
        anchors.add(claim, f"c{index}", "claim", f"{classes} cert-{claim.certainty}", title)
    for index, attribution in enumerate(article.attributions):
        source = attribution.source
        if source is not None:
            anchors.add(source, f"a{index}-src", "source", source.kind, _source_title(source))
        found_by = f"; {note}" if (note := tagger_note(attribution)) else ""
        anchors.add(attribution.cue, f"a{index}-cue", "cue", title=f"reporting cue ({attribution.kind}{found_by})")
        anchors.add(attribution.content, f"a{index}-said", "said", title=f"what is attributed ({attribution.kind})")
        if attribution.continuation is not None:
            anchors.add(attribution.continuation, f"a{index}-said-on", "said", title="what is attributed, continued")
    for index, term in enumerate(article.loaded_terms):
        anchors.add(term, f"l{index}", "loaded", term.category, f"loaded wording: {term.category}")
    for entity in article.entities:
        for label in entity.labels:
            anchors.name_mark(label, entity.name, label.kind)
        for descriptor in entity.descriptors:
            anchors.name_mark(descriptor, entity.name, descriptor.word, descriptor.polarity)
    for index, time in enumerate(article.times):
        estimated = " estimated" if time.estimated else ""
        title = f"time: {time.value or 'unresolved'}" + (
            " (an estimate: rests on an estimated date)" if time.estimated else ""
        )
        anchors.add(time, f"t{index}", "time", estimated.strip(), title)
    for index, claim in enumerate(article.claims):
        for number, hedge in enumerate(claim.hedges):
            anchors.add(hedge, f"c{index}-h{number}", "hedge", title=f"sets the certainty: {claim.certainty}")
        for number, vague in enumerate(claim.vague):
            anchors.add(vague, f"c{index}-v{number}", "vague", title="vague wording")


def segment_tokens(text: str, marks: list[Mark]) -> list[tuple[str, object, bool]]:
    """The text cut at every mark boundary into properly nested open/text/close tokens. A mark that crosses another
    is closed and reopened (its fragments share ``data-mark``); only its first fragment carries the id."""
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    order = {id(m): (m.start, -m.end, _RANK.get(m.kind, 9), n) for n, m in enumerate(marks)}
    starting: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks:
        starting[mark.start].append(mark)
    tokens: list[tuple[str, object, bool]] = []
    active: list[Mark] = []
    stack: list[Mark] = []
    opened: set[str] = set()
    for low, high in zip(bounds, bounds[1:], strict=False):
        active = [m for m in active if m.end > low] + starting.get(low, [])
        covering = sorted(active, key=lambda m: order[id(m)])
        keep = 0
        while keep < min(len(stack), len(covering)) and stack[keep] is covering[keep]:
            keep += 1
        while len(stack) > keep:
            stack.pop()
            tokens.append(("close", None, False))
        for mark in covering[keep:]:
            tokens.append(("open", mark, mark.id not in opened))
            opened.add(mark.id)
            stack.append(mark)
        tokens.append(("text", text[low:high], False))
    tokens.extend(("close", None, False) for _ in stack)
    return tokens


def _date_line(article: Article) -> tuple[str, bool]:
    return date_line(article), article.published is None


def _entity_link(anchors: _Anchors, name: str) -> Link | None:
    """The first mention of the entity of this canonical name, as evidence that the article names it."""
    for entity in anchors.article.entities:
        if entity.name == name and entity.mentions:
            return anchors.link(entity.mentions[0], prefer="label")
    return None


def _profile_lines(side_profile: SourcingProfile | None) -> list[str]:
    if side_profile is None:
        return []
    return [
        f"{side_profile.claims} claims; {side_profile.attributed_share:.0%} rest on a source, "
        f"{side_profile.anonymous_share:.0%} on anonymous sources, {side_profile.hedged_share:.0%} hedged",
        "attributions by source kind: "
        + (", ".join(f"{kind} {count}" for kind, count in side_profile.by_kind.items()) or "none"),
    ]


def _build(comparison: Comparison) -> dict:
    names = display_names(comparison.articles)
    anchors: dict[str, _Anchors] = {}
    for number, article in enumerate(comparison.articles, start=1):
        anchors[article.id] = _Anchors(article, f"a{number}", f"A{number} {names[article.id]}")

    def at(article_id: str) -> _Anchors:
        if article_id not in anchors:
            raise CounterpointError(Errors.E071.format(article=article_id))
        return anchors[article_id]

    status = _claim_status(comparison)
    for article in comparison.articles:
        _article_marks(article, anchors[article.id], status)
    for contrast in comparison.naming:  # the labels the comparison found, when the analysis did not keep them
        for article_id, labels in contrast.labels.items():
            for label in labels:
                at(article_id).name_mark(label, contrast.entity, label.kind)
        for article_id, descriptors in contrast.descriptors.items():
            for descriptor in descriptors:
                at(article_id).name_mark(descriptor, contrast.entity, descriptor.word, descriptor.polarity)

    def claim_link(ref: ClaimRef) -> Link | None:
        where = at(ref.article)
        if not 0 <= ref.claim < len(where.article.claims):
            return where.link(ref)
        claim = where.article.claims[ref.claim]
        if (claim.start, claim.end) == (ref.start, ref.end) and claim.end > claim.start:
            return Link(f"{where.prefix}-c{ref.claim}", where.name, short(ref.text, _QUOTE))
        return where.link(ref, prefer="claim")

    def finding(links: list[Link | None]) -> _Finding:
        return _Finding([link for link in links if link is not None])

    summary = [
        (sentence.text, finding([at(e.article).link(e) for e in sentence.evidence])) for sentence in comparison.summary
    ]

    pairs = []
    for pair in comparison.pairs:
        ev = pair.evidence
        entity_rows = [
            (name, finding([_entity_link(at(pair.a), name), _entity_link(at(pair.b), name)]))
            for name in ev.shared_entities
        ]
        dates = [(names.get(article_id, article_id), values) for article_id, values in ev.dates.items()]
        pairs.append(
            {
                "a": names.get(pair.a, pair.a),
                "b": names.get(pair.b, pair.b),
                "relation": pair.relation.replace("_", " "),
                "score": pair.score,
                "evidence": ev,
                "entities": entity_rows,
                "dates": dates,
            }
        )

    conflicts = []
    for conflict in comparison.claims.conflicts:
        values = finding(
            [
                at(conflict.a.article).link(conflict.a_value) if conflict.a_value else None,
                at(conflict.b.article).link(conflict.b_value) if conflict.b_value else None,
            ]
        )
        conflicts.append(
            {
                "conflict": conflict,
                "claims": finding([claim_link(conflict.a), claim_link(conflict.b)]),
                "differ": values,
            }
        )

    shared = [
        {
            "group": group,
            "claims": finding([claim_link(ref) for ref in group.members]),
            "missing": [names.get(m, m) for m in group.missing],
        }
        for group in comparison.claims.shared
    ]
    unique = [
        (names.get(article_id, article_id), [finding([claim_link(ref)]) for ref in refs])
        for article_id, refs in comparison.claims.unique.items()
    ]

    naming = []
    for contrast in comparison.naming:
        rows = []
        for article_id in contrast.entities:
            where = at(article_id)
            entity = next((e for e in where.article.entities if e.id == contrast.entities[article_id]), None)
            tone_spans = entity.tone.evidence if entity is not None and entity.tone is not None else []
            rows.append(
                {
                    "article": names.get(article_id, article_id),
                    "labels": finding(
                        [where.link(label, prefer="label") for label in contrast.labels.get(article_id, [])]
                    ),
                    "descriptors": finding(
                        [where.link(d, prefer="desc") for d in contrast.descriptors.get(article_id, [])]
                    ),
                    "tone": contrast.tone.get(article_id),
                    "tone_evidence": finding([where.link(span) for span in tone_spans]),
                }
            )
        naming.append({"contrast": contrast, "rows": rows})

    sourcing = []
    for side in comparison.sourcing:
        where = at(side.article)
        by_kind: dict[str, list[Link]] = defaultdict(list)
        for source in side.sources:
            link = where.link(source, prefer="source")
            if link is not None:
                by_kind[source.kind].append(link)
        chains = []
        for chain in side.chains:
            steps = []
            for position, step in enumerate(chain):
                match = next((s for s in side.sources if position and step in (s.text, s.name, s.through)), None)
                steps.append((step, where.link(match, prefer="source") if match is not None else None))
            chains.append(steps)
        sourcing.append(
            {
                "article": names.get(side.article, side.article),
                "profile": _profile_lines(side.profile),
                "by_kind": dict(by_kind),
                "chains": chains,
            }
        )

    loaded = [
        (
            anchors[a.id].name,
            wording_line(a),
            [(term.category, anchors[a.id].link(term, prefer="loaded")) for term in a.loaded_terms],
            [
                (f"{p.confidence:.2f}", anchors[a.id].link(p), [anchors[a.id].link(cue) for cue in p.cues])
                for p in a.persuasive_passages
            ],
        )
        for a in comparison.articles
    ]

    columns = []
    for article in comparison.articles:
        where = anchors[article.id]
        date, date_unsure = _date_line(article)
        columns.append(
            {
                "prefix": where.prefix,
                "name": names[article.id],
                "article": article,
                "date": date,
                "date_unsure": date_unsure,
                "certainty": Counter(claim.certainty for claim in article.claims).most_common(),
                "tokens": segment_tokens(article.text, where.marks),
            }
        )
    return {
        "comparison": comparison,
        "columns": columns,
        "summary": summary,
        "pairs": pairs,
        "conflicts": conflicts,
        "shared": shared,
        "unique": unique,
        "naming": naming,
        "sourcing": sourcing,
        "loaded": loaded,
        "persuasion_note": next((persuasion_note(a) for a in comparison.articles if a.persuasive_passages), ""),
    }


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("counterpoint.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _inline(name: str) -> tuple[Markup, str]:
    """An inline asset and its CSP hash source: the page admits exactly this text and nothing else."""
    text = resources.files("counterpoint.render").joinpath("templates", name).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def render_comparison_html(comparison: Comparison) -> str:
    """One self-contained HTML page (inline CSS and JS, no external resources) showing the comparison."""
    css, css_hash = _inline("report.css")
    js, js_hash = _inline("report.js")
    policy = (
        f"default-src 'none'; style-src {css_hash}; script-src {js_hash}; img-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    return (
        _environment()
        .get_template("report.html")
        .render(
            css=css,
            js=js,
            csp=policy,
            no_shared_note=NO_SHARED_NOTE,
            no_conflicts_note=NO_CONFLICTS_NOTE,
            **_build(comparison),
        )
    )
