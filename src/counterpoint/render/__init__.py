"""Renderers: the same findings for a terminal, Markdown and JSON. Article text is untrusted: each escapes it."""

from __future__ import annotations

from .json import render_json, render_jsonl
from .markdown import render_markdown
from .text import render_text

__all__ = ["COMPARISON_FORMATS", "FORMATS", "render", "render_comparison"]

FORMATS = ("text", "json", "jsonl", "md")
COMPARISON_FORMATS = ("text", "md", "json", "html")


def render(articles: list, fmt: str, *, color: bool = False) -> str:  # noqa: ANN001
    """Render analyzed articles in one of FORMATS."""
    if fmt == "json":
        return render_json(articles)
    if fmt == "jsonl":
        return render_jsonl(articles)
    if fmt == "md":
        return render_markdown(articles)
    return render_text(articles, color=color)


def render_comparison(comparison, fmt: str, *, color: bool = False) -> str:  # noqa: ANN001
    """Render a Comparison in one of COMPARISON_FORMATS (html: a self-contained page)."""
    if fmt == "json":
        return comparison.model_dump_json(indent=2) + "\n"
    if fmt == "md":
        from .compare_markdown import render_comparison_markdown

        return render_comparison_markdown(comparison)
    if fmt == "html":
        from .html import render_comparison_html

        return render_comparison_html(comparison)
    if fmt == "text":
        from .compare_text import render_comparison_text

        return render_comparison_text(comparison, color=color)
    from ..errors import Errors, InputError

    raise InputError(Errors.E051.format(format=fmt, formats=", ".join(COMPARISON_FORMATS)))
