"""The attribution match that every PolNeAR score rests on, for our reports and an annotator's alike."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # eval/ is a top-level package beside src/, not installed
    sys.path.insert(0, str(REPO))

from eval.attribution import _between_annotators, _by_article, count_matches, gold_reports  # noqa: E402
from eval.data import DataMissing, read_polnear  # noqa: E402


def _content(start: int, end: int) -> set[int]:
    return set(range(start, end))


def test_contents_must_share_half_their_characters() -> None:
    gold = [(_content(0, 10), ())]
    assert count_matches(gold, [(_content(0, 5), ())]) == 1  # Jaccard 5/10
    assert count_matches(gold, [(_content(0, 4), ())]) == 0  # 4/10
    assert count_matches(gold, [(_content(5, 20), ())]) == 0  # 5/20


def test_a_gold_source_needs_an_overlapping_source() -> None:
    with_source = [(_content(20, 40), ((0, 8),))]
    assert count_matches(with_source, [(_content(20, 40), ())]) == 0
    assert count_matches(with_source, [(_content(20, 40), ((9, 12),))]) == 0
    assert count_matches(with_source, [(_content(20, 40), ((6, 12),))]) == 1
    # a gold report without a source takes a predicted one with or without
    assert count_matches([(_content(20, 40), ())], [(_content(20, 40), ((0, 8),))]) == 1


def test_each_report_matches_once_best_first() -> None:
    gold = [(_content(0, 10), ()), (_content(0, 12), ())]
    predicted = [(_content(0, 10), ())]
    assert count_matches(gold, predicted) == 1
    assert count_matches(gold, predicted + predicted) == 2


def test_an_annotation_agrees_with_itself_and_less_with_another_annotator() -> None:
    try:
        articles = _by_article(read_polnear("annotator-training", all_annotators=True))
    except DataMissing as missing:
        pytest.skip(str(missing))
    readings = next(iter(articles.values()))
    reports = gold_reports(readings[0])
    assert reports and count_matches(reports, reports) == len(reports)
    matched, predicted, gold = _between_annotators([readings[:2]])
    assert predicted == gold == len(reports) + len(gold_reports(readings[1]))
    assert 0 < matched < gold  # two people read one article alike in part
