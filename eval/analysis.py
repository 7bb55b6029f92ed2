"""Our pipeline's output on an evaluation split, computed once per process (scorers and tests share it)."""

from __future__ import annotations

import os
from functools import lru_cache
from unittest import mock

from counterpoint.analysis.pipeline import run_pipeline
from counterpoint.analysis.word_tagger import ENV as TAGGER_ENV
from counterpoint.model import Article

from .data import PolnearDoc, read_polnear

__all__ = ["analyzed_polnear"]


@lru_cache(maxsize=4)
def analyzed_polnear(split: str = "dev", tagged: bool = False) -> tuple[tuple[PolnearDoc, Article], ...]:
    """Each PolNeAR article of the split beside our analysis of it (text and publication date as given), as shipped
    or, with ``tagged``, with the word-piece taggers on (``--tagger``).

    Cached because analysis is the slow part and every scorer on PolNeAR needs the same output.
    """
    docs = read_polnear(split)
    articles = (Article(id=doc.name, source=str(doc.ann_path), text=doc.text, published=doc.published) for doc in docs)
    with mock.patch.dict(os.environ, {TAGGER_ENV: "1" if tagged else "0"}):
        pairs = tuple(zip(docs, run_pipeline(articles), strict=True))
    for doc, article in pairs:
        if article.text != doc.text:  # every gold offset would be wrong
            raise RuntimeError(f"{doc.name}: the pipeline changed the article text")
    return pairs
