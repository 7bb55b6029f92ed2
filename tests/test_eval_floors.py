"""Quality gate: every score in eval/floors.json must stay at or above its floor.

One test per floor key. The scorers read ../shared/eval (or $COUNTERPOINT_EVAL_DATA) at run time; when it is
absent, as on a user's machine, the tests skip. Scorers cache their analysis, so all keys cost one run.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # eval/ is a top-level package beside src/, not installed
    sys.path.insert(0, str(REPO))

from eval.data import DataMissing  # noqa: E402
from eval.run import SCORERS  # noqa: E402

FLOORS: dict[str, float] = json.loads((REPO / "eval" / "floors.json").read_text(encoding="utf-8"))


@cache
def _scores(name: str) -> dict[str, float] | str:
    """A scorer's numbers, or the reason it cannot run here."""
    split, scorer = SCORERS[name]
    try:
        return scorer(split)
    except DataMissing as missing:
        return str(missing)


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_score_at_or_above_floor(key: str) -> None:
    name, _, metric = key.partition(".")
    assert name in SCORERS, f"floor {key} names no scorer"
    scores = _scores(name)
    if isinstance(scores, str):
        pytest.skip(scores)
    assert metric in scores, f"{name} no longer reports {metric}"
    assert scores[metric] >= FLOORS[key], f"{key} = {scores[metric]:.4f}, floor {FLOORS[key]}"
