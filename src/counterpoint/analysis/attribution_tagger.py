"""Attributions the rules miss, read by a word-piece tagger (off unless asked for, as the propaganda tagger is).

The rules of ``attribution`` find a report from its cue and the parse; PolNeAR marks far more kinds of cue than
they know ("has faced criticism", "is deeply divided over", "voters who back him"). This tagger reads each line of
the article with the bundled MiniLM encoder, adapted on PolNeAR train (``eval/train_attribution_tagger.py``; the
updates in ``resources/attribution_tagger.safetensors``), and gives every word piece four chances: inside a cue,
inside a source, inside a content, and first of a content. Runs of pieces over the trained thresholds are cues,
sources and contents (a cue's run reaches over likely pieces beside its confident ones); each content goes to the nearest cue on its line, each cue takes the nearest source there.

Only what the rules did not find is added: a tagged report whose cue or content overlaps any report of the rules
is dropped, so the tagger adds recall and never rewrites a finding the rules can explain by the parse. Off by
default for its cost (the encoder over every line); ``--tagger`` or ``COUNTERPOINT_TAGGER=1`` turns it on.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..model import Article, Attribution
from .word_tagger import AdaptedTagger, lines, runs

__all__ = ["CUE_EXTENT", "MODEL_PATH", "ROLES", "Tagged", "decode", "missed_by", "tagged_reports"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "resources" / "attribution_tagger.safetensors"
#: The tagger's outputs per word piece, in order.
ROLES = ("cue", "source", "content", "start")
#: A cue is a run of pieces at or above this chance that holds one at or above the trained cue threshold: "has
#: faced criticism" rather than its most confident word alone.
CUE_EXTENT = 0.5


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


@lru_cache(maxsize=1)
def _tagger() -> AdaptedTagger:
    return AdaptedTagger(MODEL_PATH)


def thresholds() -> dict[str, float]:
    """The decision thresholds chosen in training, by role."""
    values = _tagger().settings["thresholds"]
    return dict(zip(ROLES, (float(v) for v in values), strict=True))


def tagged_reports(article: Article) -> list[Tagged]:
    """The article's reports as the tagger reads them, line by line."""
    ranges = list(lines(article.text))
    if not ranges:
        return []
    return decode(article.text, _tagger().chances(article.text, ranges), thresholds())
