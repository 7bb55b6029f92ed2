"""Renderers: the same findings for a terminal, Markdown and JSON. Article text is untrusted: each escapes it."""

from __future__ import annotations

from .json import render_json, render_jsonl
from .markdown import render_markdown
from .text import render_text

__all__ = ["FORMATS", "render"]

FORMATS = ("text", "json", "jsonl", "md")


def render(articles: list, fmt: str, *, color: bool = False) -> str:  # noqa: ANN001
    """Render analyzed articles in one of FORMATS."""
    if fmt == "json":
        return render_json(articles)
    if fmt == "jsonl":
        return render_jsonl(articles)
    if fmt == "md":
        return render_markdown(articles)
    return render_text(articles, color=color)
