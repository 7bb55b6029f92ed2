"""Attributions the rules miss, read by a word-piece tagger (off unless asked for, as the propaganda tagger is).

The rules of ``attribution`` find a report from its cue and the parse; PolNeAR marks far more kinds of cue than
they know ("has faced criticism", "is deeply divided over", "voters who back him"). This tagger reads each line of
the article with the bundled MiniLM encoder, adapted on PolNeAR train (``eval/train_attribution_tagger.py``; the
updates in ``resources/attribution_tagger.safetensors``), and gives every word piece four chances: inside a cue,
inside a source, inside a content, and first of a content. Runs of pieces over the trained thresholds are cues,
sources and contents (a cue's run reaches over likely pieces beside its confident ones); each content goes to the nearest cue on its line, each cue takes the nearest source there.

What the rules did not find is added: a tagged report whose cue or content overlaps any report of the rules is
dropped. Where the two read the same cue and disagree only on where its content ends, the tagger's bounds replace
the rules' when the words they disagree on are ones the tagger is clear about (``better_contents``): the parse
often runs a content on into a clause of its own ("vowed to do better [in the wake of their defeat]") or stops it
short. Where the two read the same cue and the tagger does not believe in the parse's speaker, or the parse has
none ("Asked about the contract, Lopez declined to comment" gives "Asked" no subject), a source the tagger is clear
about replaces it (``better_sources``), with its chance; a report whose cue the tagger all but rules out is
dropped (``doubted``). Off by default for its cost (the encoder over every line);
``--tagger`` or ``COUNTERPOINT_TAGGER=1`` turns it on.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..model import Article, Attribution
from .word_tagger import AdaptedTagger, lines, runs

__all__ = [
    "CUE_EXTENT", "DOUBT_BELOW", "EXTEND_ABOVE", "MODEL_PATH", "ROLES", "SOURCE_KEEP_BELOW", "SOURCE_TAKE_ABOVE",
    "TRIM_BELOW", "Reading", "Tagged", "better_contents", "better_sources", "content_chance", "decode", "doubted",
    "missed_by", "read",
]

MODEL_PATH = Path(__file__).resolve().parent.parent / "resources" / "attribution_tagger.safetensors"
#: The tagger's outputs per word piece, in order.
ROLES = ("cue", "source", "content", "start")
#: A cue is a run of pieces at or above this chance that holds one at or above the trained cue threshold: "has
#: faced criticism" rather than its most confident word alone.
CUE_EXTENT = 0.5
#: Where the rules and the tagger read the same cue, the tagger's content replaces the rules' when the words only
#: the rules' holds have a mean content chance below ``TRIM_BELOW``, or, the rules' holding no word the tagger's
#: lacks, when the words only the tagger's holds have one above ``EXTEND_ABOVE``. Chosen on the held-apart fifth of
#: PolNeAR train: of the 292 reports where one reading's content matches an annotator's and the other's does not,
#: they switch 58, 44 of them to the matching one (``eval/train_attribution_tagger.py`` prints the grid).
TRIM_BELOW = 0.3
EXTEND_ABOVE = 0.9
#: Where the rules and the tagger read the same cue but not the same source, the tagger's source replaces the
#: rules' when the tagger gives the rules' source (or, the rules naming none, nothing) a mean source chance below
#: ``SOURCE_KEEP_BELOW`` and its own one of at least ``SOURCE_TAKE_ABOVE``: the parse loses a speaker it misreads
#: ("Lopez has a habit of blaming ...", the gerund left without a subject) or takes the wrong noun for one. Chosen
#: on the held-apart fifth of PolNeAR train: attribution F1 with the tagger 0.7122 -> 0.7196 as
#: ``eval/train_attribution_tagger.py`` reckons it (it prints the grid; 116 reports take every source it proposes),
#: 0.7132 -> 0.7193 as the analysis runs, which names no bracket or dash and no one asked a question a source (89
#: reports).
SOURCE_KEEP_BELOW = 0.1
SOURCE_TAKE_ABOVE = 0.5
#: A report of the rules whose cue the tagger gives a mean cue chance below this is dropped: the parse offers
#: every verb with an object or a clause ("drew a large crowd in Dover"), and the cue
#: model lets some through that no annotator would mark. Chosen on the held-apart fifth of PolNeAR train:
#: attribution F1 with the tagger 0.7193 -> 0.7233 as ``eval/train_attribution_tagger.py`` prints it; 0.7193 ->
#: 0.7218 as the analysis runs, which keeps a verb of saying or thinking whatever the tagger says (``attribution``)
#: and, as ``doubted`` does, every report inside another's words.
DOUBT_BELOW = 0.05


@dataclass(frozen=True)
class Tagged:
    """One report as the tagger reads it: character ranges, contents in text order (at most two, either side of a
    cue that interrupts them), and the cue's mean chance."""

    cue: tuple[int, int]
    contents: tuple[tuple[int, int], ...]
    source: tuple[int, int] | None
    chance: float


def _gap(a: tuple[int, int, float] | tuple[int, int], b: tuple[int, int, float] | tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def decode(text: str, pieces: list[tuple[tuple[int, int], np.ndarray]], thresholds: dict[str, float]) -> list[Tagged]:
    """Reports from word-piece chances: each content run goes to the nearest cue run on its line (a cue with none
    is no report), each cue takes the nearest source run on its line."""
    pieces = sorted(pieces, key=lambda piece: piece[0])
    starts = [start for start, _ in lines(text)]

    def line_of(position: int) -> int:  # every run lies within a line: the last line starting at or before it
        return bisect_right(starts, position) - 1

    cues = [c for c in runs(pieces, 0, min(CUE_EXTENT, thresholds["cue"]), seed=thresholds["cue"]) if any(ch.isalnum() or ch == ":" for ch in text[c[0] : c[1]])]
    contents = [
        c for c in runs(pieces, 2, thresholds["content"], 3, thresholds["start"])
        if sum(ch.isalnum() for ch in text[c[0] : c[1]]) >= 2
    ]
    sources = runs(pieces, 1, thresholds["source"])
    cue_lines = [line_of(c[0]) for c in cues]
    assigned: dict[int, list[tuple[int, int, float]]] = {}
    for content in contents:
        line = line_of(content[0])
        nearest = min(((_gap(content, cue), i) for i, cue in enumerate(cues) if cue_lines[i] == line), default=None)
        if nearest is not None:
            assigned.setdefault(nearest[1], []).append(content)
    found = []
    for i, parts in sorted(assigned.items()):
        cue = cues[i]
        nearest_parts = sorted(sorted(parts, key=lambda part: _gap(part, cue))[:2])
        source = min(((_gap(s, cue), s) for s in sources if line_of(s[0]) == cue_lines[i]), default=None)
        found.append(Tagged(
            cue=(cue[0], cue[1]),
            contents=tuple((p[0], p[1]) for p in nearest_parts),
            source=(source[1][0], source[1][1]) if source is not None else None,
            chance=cue[2],
        ))
    return found


def missed_by(tagged: list[Tagged], attributions: list[Attribution]) -> list[Tagged]:
    """The tagged reports no attribution of the rules touches: neither cue nor content overlaps any of theirs."""
    theirs = [(a.cue.start, a.cue.end) for a in attributions]
    theirs += [(part.start, part.end) for a in attributions for part in (a.content, a.continuation) if part is not None]

    def touches(span: tuple[int, int]) -> bool:
        return any(max(span[0], start) < min(span[1], end) for start, end in theirs)

    return [t for t in tagged if not touches(t.cue) and not any(touches(part) for part in t.contents)]


Pieces = list[tuple[tuple[int, int], np.ndarray]]


@dataclass(frozen=True)
class Reading:
    """The tagger's reading of an article: its reports, and every word piece with its chances."""

    reports: list[Tagged]
    pieces: Pieces


def _mean_chance(pieces: Pieces, characters: set[int], role: int) -> float | None:
    found = [float(chance[role]) for (start, end), chance in pieces if any(i in characters for i in range(start, end))]
    return sum(found) / len(found) if found else None


def _characters(ranges: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> set[int]:
    return {i for start, end in ranges for i in range(start, end)}


def content_chance(reading: Reading, tagged: Tagged) -> float | None:
    """The mean content chance of the word pieces of a tagged report's contents."""
    return _mean_chance(reading.pieces, _characters(tagged.contents), ROLES.index("content"))


def better_contents(reading: Reading, attributions: list[Attribution]) -> dict[int, Tagged]:
    """The reports of the rules (by index) whose content the tagger bounds better: a tagged report that touches
    that one report alone, on the same cue, and disagrees with it where the tagger is clear (``TRIM_BELOW``,
    ``EXTEND_ABOVE``)."""
    content = ROLES.index("content")
    better = {}
    for tagged in reading.reports:
        touched = [i for i, a in enumerate(attributions) if not missed_by([tagged], [a])]
        if len(touched) != 1:
            continue
        theirs = attributions[touched[0]]
        if not _same_cue(tagged, theirs):
            continue
        their_words = _characters([(part.start, part.end) for part in (theirs.content, theirs.continuation) if part])
        our_words = _characters(tagged.contents)
        only_theirs = _mean_chance(reading.pieces, their_words - our_words, content)
        only_ours = _mean_chance(reading.pieces, our_words - their_words, content)
        if (only_theirs is not None and only_theirs < TRIM_BELOW) or (
            only_theirs is None and only_ours is not None and only_ours > EXTEND_ABOVE
        ):
            better[touched[0]] = tagged
    return better


def _same_cue(tagged: Tagged, attribution: Attribution) -> bool:
    return max(tagged.cue[0], attribution.cue.start) < min(tagged.cue[1], attribution.cue.end)


def doubted(reading: Reading, attributions: list[Attribution]) -> set[int]:
    """The reports of the rules (by index) whose cue the tagger all but rules out (``DOUBT_BELOW``). Never one
    reported inside another's words ('Lopez said: "I am confident that ..."'): PolNeAR, which the tagger learned
    from, marks no report inside another, so the tagger has no say on them."""
    cue = ROLES.index("cue")
    said = [(i, part.start, part.end) for i, a in enumerate(attributions) for part in (a.content, a.continuation) if part]
    found = set()
    for index, attribution in enumerate(attributions):
        if any(i != index and start <= attribution.cue.start and attribution.cue.end <= end for i, start, end in said):
            continue
        chance = _mean_chance(reading.pieces, set(range(attribution.cue.start, attribution.cue.end)), cue)
        if chance is not None and chance < DOUBT_BELOW:
            found.add(index)
    return found


def better_sources(reading: Reading, attributions: list[Attribution]) -> dict[int, tuple[tuple[int, int], float]]:
    """The reports of the rules (by index) whose source the tagger reads better on the same cue, with its mean
    chance: a source outside the report's content that the tagger is clear about, where it is not about the rules'
    one (``SOURCE_KEEP_BELOW``, ``SOURCE_TAKE_ABOVE``)."""
    source = ROLES.index("source")
    better = {}
    for index, attribution in enumerate(attributions):
        tagged = next((t for t in reading.reports if _same_cue(t, attribution)), None)
        if tagged is None or tagged.source is None:
            continue
        start, end = tagged.source
        theirs = attribution.source
        if theirs is not None and theirs.start < end and start < theirs.end:
            continue  # the same source, however bounded
        parts = [(part.start, part.end) for part in (attribution.content, attribution.continuation) if part]
        if any(s < end and start < e for s, e in parts):
            continue
        their_chance = _mean_chance(reading.pieces, set(range(theirs.start, theirs.end)), source) if theirs else None
        our_chance = _mean_chance(reading.pieces, set(range(start, end)), source)
        if (their_chance or 0.0) < SOURCE_KEEP_BELOW and our_chance is not None and our_chance >= SOURCE_TAKE_ABOVE:
            better[index] = ((start, end), our_chance)
    return better


@lru_cache(maxsize=1)
def _tagger() -> AdaptedTagger:
    return AdaptedTagger(MODEL_PATH)


def thresholds() -> dict[str, float]:
    """The decision thresholds chosen in training, by role."""
    values = _tagger().settings["thresholds"]
    return dict(zip(ROLES, (float(v) for v in values), strict=True))


def read(article: Article) -> Reading:
    """The article as the tagger reads it, line by line."""
    ranges = list(lines(article.text))
    if not ranges:
        return Reading(reports=[], pieces=[])
    pieces = _tagger().chances(article.text, ranges)
    return Reading(reports=decode(article.text, pieces, thresholds()), pieces=pieces)

