"""Counterpoint: see how different outlets tell the same story.

    >>> import counterpoint
    >>> article = counterpoint.analyze("examples/press_tv_2018.txt")
    >>> [e.name for e in article.entities][:3]

The API functions are imported on first use, so ``counterpoint schema`` and the data model load without spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import CounterpointError, InputError
from .model import Article

if TYPE_CHECKING:
    from ._api import analyze, analyze_many, compare, group

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_many", "compare", "group", "Article", "CounterpointError", "InputError", "__version__"]


def __getattr__(name: str):  # noqa: ANN202 - PEP 562 lazy import
    if name in {"analyze", "analyze_many", "compare", "group"}:
        from . import _api

        return getattr(_api, name)
    raise AttributeError(f"module 'counterpoint' has no attribute {name!r}")
