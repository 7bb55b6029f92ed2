"""Dating an undated article: how often the range `analyze` estimates from the dates in the text (when no
publication date is known: see ``analysis.times.estimate_date_range``) holds the real publication date.

- ``dating`` (PolNeAR, whose metadata gives each article's publication date; ``train`` to tune, ``dev`` to
  report): each article is read as if undated. `estimated` = share of articles given an estimate;
  `covered` = share of those whose real date falls inside the range; `median_width_days` = the ranges' median
  width; `median_miss_days` = among the misses, the median distance from the range to the real date.
"""

from __future__ import annotations

import statistics
from functools import lru_cache

from counterpoint.analysis.nlp import load_nlp
from counterpoint.analysis.times import find_times

from .data import read_polnear

__all__ = ["score"]


@lru_cache(maxsize=2)
def _parsed(split: str) -> tuple:
    docs = [doc for doc in read_polnear(split) if doc.published is not None]
    return tuple(zip(docs, load_nlp().pipe(doc.text for doc in docs), strict=True))


def score(split: str = "dev") -> dict[str, float]:
    estimated, covered, widths, misses = 0, 0, [], []
    pairs = _parsed(split)
    for doc, parsed in pairs:
        _, estimate = find_times(parsed, None, text=doc.text)
        if estimate is None:
            continue
        estimated += 1
        low, high = estimate
        widths.append((high - low).days + 1)
        if low <= doc.published <= high:
            covered += 1
        else:
            misses.append(min(abs((doc.published - low).days), abs((doc.published - high).days)))
    return {
        "estimated": estimated / len(pairs) if pairs else 0.0,
        "covered": covered / estimated if estimated else 0.0,
        "median_width_days": float(statistics.median(widths)) if widths else 0.0,
        "median_miss_days": float(statistics.median(misses)) if misses else 0.0,
        "articles": len(pairs),
    }


if __name__ == "__main__":
    import sys

    print(score(sys.argv[1] if len(sys.argv) > 1 else "dev"))
