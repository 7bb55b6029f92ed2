"""JSON straight from the data model: one article as an object, several as a list; JSONL a line each."""

from __future__ import annotations

import json

from ..model import Article

__all__ = ["render_json", "render_jsonl"]


def render_json(articles: list[Article]) -> str:
    if len(articles) == 1:
        return articles[0].model_dump_json(indent=2)
    return json.dumps([a.model_dump(mode="json") for a in articles], indent=2, ensure_ascii=False)


def render_jsonl(articles: list[Article]) -> str:
    return "".join(a.model_dump_json() + "\n" for a in articles)
