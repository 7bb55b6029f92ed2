"""Attribution scorer on PolNeAR: source, cue and content spans, and whole attributions.

- Span scores per role (``source``, ``cue``, ``content``): precision, recall and F1, *exact* (same start and end
  after trimming edge punctuation and space) and *overlap* (at least one character in common), each gold span and
  each predicted span matched at most once.
- ``attribution_f1``: a predicted attribution matches a gold one when their contents have character Jaccard
  >= 0.5 and, if the gold has a source, our source overlaps it. One-to-one, greedy by Jaccard.

PolNeAR is univocal (a token belongs to at most one attribution), so nested attributions are never gold: only
our outermost attributions (``via`` is null) are scored.

``human_attribution_f1`` and ``untuned_*`` (``agreement``): how far PolNeAR's own annotators agree with one another
under the same match, on the articles the corpus had annotated by several of them, and how far we agree with each.

``tagger_attribution_*``: the same match with the word-piece taggers on (``--tagger``), which add the reports the
attribution tagger reads and the rules miss (``counterpoint.analysis.attribution_tagger``).

Gold contents may be discontinuous (fragments); their characters are the union of the fragments.
Tune on ``train``, report on ``dev``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from counterpoint.model import Article

from .analysis import analyzed_polnear
from .data import PolnearDoc, read_polnear

__all__ = ["score", "attribution_counts", "match_attributions", "outermost", "prf"]

_EDGE = " \t\n.,;:\"'“”‘’()"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _chars(fragments: Iterable[tuple[int, int]]) -> set[int]:
    return {i for s, e in fragments for i in range(s, e)}


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _span_matches(text: str, gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> tuple[int, int]:
    """(exact, overlap) one-to-one match counts."""
    gold_t = [_trim(text, s, e) for s, e in gold]
    pred_t = [_trim(text, s, e) for s, e in predicted]
    exact = len(set(gold_t) & set(pred_t))
    used: set[int] = set()
    overlap = 0
    for gs, ge in gold_t:
        for j, (ps, pe) in enumerate(pred_t):
            if j not in used and ps < ge and gs < pe:
                used.add(j)
                overlap += 1
                break
    return exact, overlap


#: A report as the match sees it: the characters of its content, and where its source is (no ranges: no source).
Report = tuple[set[int], tuple[tuple[int, int], ...]]


def gold_reports(doc: PolnearDoc) -> list[Report]:
    """An annotation's reports that have a content, each with every fragment of its sources."""
    return [
        (_chars(f for span in gold.contents for f in span.fragments), tuple(f for s in gold.sources for f in s.fragments))
        for gold in doc.attributions
        if gold.contents
    ]


def article_reports(article: Article) -> list[Report]:
    """Our reports: content and continuation as one, and the source's range when there is one."""
    reports = []
    for ours in article.attributions:
        parts = [ours.content] + ([ours.continuation] if ours.continuation else [])
        source = ((ours.source.start, ours.source.end),) if ours.source else ()
        reports.append((_chars((part.start, part.end) for part in parts), source))
    return reports


def count_matches(gold: list[Report], predicted: list[Report]) -> int:
    """One-to-one matches, greedy by Jaccard: contents with character Jaccard >= 0.5 and, when the gold report has a
    source, a predicted source overlapping it."""
    candidates = []
    for gi, (gold_content, gold_sources) in enumerate(gold):
        if not gold_content:
            continue
        for pi, (content, sources) in enumerate(predicted):
            jaccard = len(gold_content & content) / len(gold_content | content)
            if jaccard < 0.5:
                continue
            if gold_sources and not any(s < ge and gs < e for gs, ge in gold_sources for s, e in sources):
                continue
            candidates.append((jaccard, gi, pi))
    used_gold: set[int] = set()
    used_ours: set[int] = set()
    matched = 0
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_gold and pi not in used_ours:
            used_gold.add(gi)
            used_ours.add(pi)
            matched += 1
    return matched


def match_attributions(doc: PolnearDoc, article: Article) -> int:
    """How many of our attributions match a gold one (content Jaccard >= 0.5 and overlapping sources)."""
    return count_matches(gold_reports(doc), article_reports(article))


def outermost(article: Article) -> Article:
    return article.model_copy(update={"attributions": [a for a in article.attributions if a.via is None]})


def attribution_counts(pairs: Iterable[tuple[PolnearDoc, Article]]) -> tuple[int, int, int]:
    """(matched, predicted, gold) attributions: our outermost ones against each document's gold."""
    matched = predicted = gold = 0
    for doc, article in pairs:
        ours = outermost(article)
        matched += match_attributions(doc, ours)
        predicted += len(ours.attributions)
        gold += sum(1 for a in doc.attributions if a.contents)
    return matched, predicted, gold


def _by_article(docs: Iterable[PolnearDoc]) -> dict[str, list[PolnearDoc]]:
    """Annotations grouped by article, only articles that more than one annotator annotated."""
    grouped: dict[str, list[PolnearDoc]] = {}
    for doc in docs:
        grouped.setdefault(doc.name, []).append(doc)
    return {name: readings for name, readings in grouped.items() if len(readings) > 1}


def _between_annotators(articles: Iterable[list[PolnearDoc]]) -> tuple[int, int, int]:
    """(matched, predicted, gold) over every ordered pair of two annotators of one article, one read as gold."""
    matched = predicted = gold = 0
    for readings in articles:
        reports = [gold_reports(doc) for doc in readings]
        for i, j in itertools.permutations(range(len(reports)), 2):
            matched += count_matches(reports[i], reports[j])
            predicted += len(reports[j])
            gold += len(reports[i])
    return matched, predicted, gold


def _against_annotators(articles: dict[str, list[PolnearDoc]], ours: dict[str, Article]) -> tuple[int, int, int]:
    """(matched, predicted, gold) of our outermost reports against every annotation of each article."""
    matched = predicted = gold = 0
    for name, readings in articles.items():
        reports = article_reports(outermost(ours[name]))
        for doc in readings:
            gold_side = gold_reports(doc)
            matched += count_matches(gold_side, reports)
            predicted += len(reports)
            gold += len(gold_side)
    return matched, predicted, gold


def agreement() -> dict[str, float]:
    """How far PolNeAR's annotators agree with one another under the same match, and how far we agree with them.

    ``human_attribution_f1``: every ordered pair of two annotators of the core articles annotated several times
    (train and dev). ``untuned_*``: the articles annotated several times that nothing here was fitted or tuned on
    (dev's, and the annotators' training articles): annotators against one another, and our analysis (as shipped,
    and with ``--tagger``) against each annotator. A goal above what annotators reach against one another asks
    the tool to agree with one annotator more than a second annotator does.
    """
    dev = read_polnear("dev", all_annotators=True)
    core = _by_article(read_polnear("train", all_annotators=True) + dev)
    untuned = _by_article(dev + read_polnear("annotator-training", all_annotators=True))
    scores: dict[str, float] = {}
    matched, predicted, gold = _between_annotators(core.values())
    scores.update(human_attribution_f1=prf(matched, predicted, gold)[2], human_articles=len(core))
    scores["untuned_human_attribution_f1"] = prf(*_between_annotators(untuned.values()))[2]
    for label, tagged in (("shipped", False), ("tagger", True)):
        ours = {
            article.id: article
            for split in ("dev", "annotator-training")
            for _, article in analyzed_polnear(split, tagged=tagged)
            if article.id in untuned
        }
        scores[f"untuned_{label}_attribution_f1"] = prf(*_against_annotators(untuned, ours))[2]
    scores["untuned_articles"] = len(untuned)
    return scores


def score(split: str = "dev") -> dict[str, float]:
    pairs = [(doc, outermost(article)) for doc, article in analyzed_polnear(split)]
    totals = {role: [0, 0, 0, 0] for role in ("source", "cue", "content")}  # exact, overlap, predicted, gold
    for doc, article in pairs:
        gold_spans = {
            "source": [(s.start, s.end) for a in doc.attributions for s in a.sources],
            "cue": [(s.start, s.end) for a in doc.attributions for s in a.cues],
            "content": [(s.start, s.end) for a in doc.attributions for s in a.contents],
        }
        ours = {
            "source": [(a.source.start, a.source.end) for a in article.attributions if a.source],
            "cue": [(a.cue.start, a.cue.end) for a in article.attributions],
            "content": [(a.content.start, a.content.end) for a in article.attributions],
        }
        for role in totals:
            exact, overlap = _span_matches(doc.text, gold_spans[role], ours[role])
            counts = totals[role]
            counts[0] += exact
            counts[1] += overlap
            counts[2] += len(ours[role])
            counts[3] += len(gold_spans[role])
    matched, predicted, gold = attribution_counts(pairs)
    scores: dict[str, float] = {}
    p, r, f = prf(matched, predicted, gold)
    scores.update(attribution_precision=p, attribution_recall=r, attribution_f1=f)
    for role, (exact, overlap, n_pred, n_gold) in totals.items():
        scores[f"{role}_exact_f1"] = prf(exact, n_pred, n_gold)[2]
        p, r, f = prf(overlap, n_pred, n_gold)
        scores.update({f"{role}_overlap_precision": p, f"{role}_overlap_recall": r, f"{role}_overlap_f1": f})
    scores.update(gold_attributions=gold, predicted_attributions=predicted, matched_attributions=matched)
    p, r, f = prf(*attribution_counts(analyzed_polnear(split, tagged=True)))
    scores.update(tagger_attribution_precision=p, tagger_attribution_recall=r, tagger_attribution_f1=f)
    scores.update(agreement())
    return scores
