"""Counterpoint: see how different outlets tell the same story.

    >>> import counterpoint
    >>> article = counterpoint.analyze("examples/press_tv_2018.txt")
    >>> [e.name for e in article.entities][:3]
"""

from __future__ import annotations

from ._api import analyze, analyze_many
from .errors import CounterpointError, InputError
from .model import Article

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_many", "Article", "CounterpointError", "InputError", "__version__"]
