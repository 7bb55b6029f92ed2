"""run_pipeline parses the next batch in a second thread while it analyzes one: same findings, same order, the
input read one batch ahead, failures after what came before."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterpoint.analysis.pipeline import run_pipeline
from counterpoint.model import Article

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _articles() -> list[Article]:
    paragraphs = [
        p.strip()
        for path in sorted(EXAMPLES.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 12
    ]
    return [Article(id=f"p{i}", text=text) for i, text in enumerate(paragraphs[:7])]


def _findings(article: Article) -> dict:
    return article.model_dump(mode="json", exclude={"analyzer"})


def test_batches_give_the_findings_of_one_article_at_a_time(nlp):
    articles = _articles()
    assert len(articles) == 7
    together = list(run_pipeline([a.model_copy(deep=True) for a in articles], batch_size=2))
    assert [a.id for a in together] == [a.id for a in articles]
    alone = [next(run_pipeline([a.model_copy(deep=True)])) for a in articles]
    assert [_findings(a) for a in together] == [_findings(a) for a in alone]
    assert any(a.attributions for a in together)


def test_input_is_read_one_batch_ahead(nlp):
    pulled = []

    def source():
        for article in _articles():
            pulled.append(article.id)
            yield article

    analyzed = run_pipeline(source(), batch_size=2)
    first = next(analyzed)
    assert first.id == "p0" and len(pulled) == 4  # this batch and the next
    assert next(analyzed).id == "p1" and len(pulled) == 4  # the second article of a batch reads nothing more
    assert [a.id for a in analyzed] == ["p2", "p3", "p4", "p5", "p6"]


def test_a_failing_input_fails_after_the_articles_read_before_it(nlp):
    def source():
        yield from _articles()[:3]
        raise OSError("feed went away")

    analyzed = run_pipeline(source(), batch_size=2)
    assert [next(analyzed).id, next(analyzed).id] == ["p0", "p1"]
    with pytest.raises(OSError, match="feed went away"):
        next(analyzed)
