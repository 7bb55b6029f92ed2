"""Shared fixtures: the spaCy pipeline (loaded once) and the bundled example articles."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WORLD_ISRAEL_NEWS = EXAMPLES / "world_israel_news_2019.txt"
PRESS_TV = EXAMPLES / "press_tv_2018.txt"


@pytest.fixture(scope="session")
def nlp():
    from counterpoint.analysis.nlp import load_nlp

    return load_nlp()
