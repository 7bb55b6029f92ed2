"""JSON and JSON-lines records to Articles: one bad record is reported (E017-E019) and the rest still read.

A record is ``{"id", "text" or "html", "title", "outlet", "url", "published", "byline"}``; all but the text
are optional. Record text is taken as given (it was prepared by someone) unless options.clean asks otherwise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from counterpoint.errors import Errors, InputError
from counterpoint.ingest.build import Meta
from counterpoint.ingest.dates import parse_date
from counterpoint.ingest.html import article_from_html
from counterpoint.ingest.text import article_from_text
from counterpoint.model import Article

if TYPE_CHECKING:
    from counterpoint.ingest import IngestOptions

__all__ = ["read_records"]

_STRING_FIELDS = ("text", "html", "title", "outlet", "url", "byline", "author", "published", "date")
_ALIASES = {"author": "byline", "date": "published"}  # common names for the same fields


def read_records(
    raw: str, options: IngestOptions, *, source: str, kind: Literal["json", "jsonl"]
) -> Iterator[Article | InputError]:
    """Yield an Article per record of a JSON document (object or list) or JSON-lines text, or an error."""
    items = _json_items(raw, source) if kind == "json" else _jsonl_items(raw, source)
    for line, label, item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield _article(item, options, source=source, line=line, label=label)
        except InputError as error:
            yield error


Item = tuple[int, str, "dict[str, Any] | InputError"]


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def _json_items(raw: str, source: str) -> Iterator[Item]:
    """The records of one JSON document, each with the line it starts on."""
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as error:
        yield error.lineno, source, InputError(Errors.E017.format(source=source, line=error.lineno, reason=error.msg))
        return
    start = len(raw) - len(raw.lstrip())
    line = raw.count("\n", 0, start) + 1
    if isinstance(value, dict):
        yield line, source, value
        return
    if not isinstance(value, list):
        yield line, source, InputError(Errors.E027.format(source=source, kind=_kind(value)), source)
        return
    decoder = json.JSONDecoder()
    pos = start + 1  # just past "["
    for element in value:
        skip = re.compile(r"[\s,]*").match(raw, pos)
        assert skip is not None  # the pattern matches the empty string
        line += raw.count("\n", pos, skip.end())
        _, end = decoder.raw_decode(raw, skip.end())
        label = f"{source}:line {line}"
        if isinstance(element, dict):
            yield line, label, element
        else:
            reason = f"got {_kind(element)}"
            yield line, label, InputError(Errors.E017.format(source=source, line=line, reason=reason), label)
        line += raw.count("\n", skip.end(), end)
        pos = end


def _jsonl_items(raw: str, source: str) -> Iterator[Item]:
    """One record per non-blank line."""
    for number, text in enumerate(raw.split("\n"), start=1):
        if not text.strip():
            continue
        label = f"{source}:line {number}"
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            yield number, label, InputError(Errors.E017.format(source=source, line=number, reason=error.msg), label)
            continue
        if not isinstance(value, dict):
            reason = f"got {_kind(value)}"
            yield number, label, InputError(Errors.E017.format(source=source, line=number, reason=reason), label)
            continue
        yield number, label, value


def _article(record: dict[str, Any], options: IngestOptions, *, source: str, line: int, label: str) -> Article:
    def problem(name: str, what: str) -> InputError:
        return InputError(Errors.E019.format(source=source, line=line, field=name, problem=what), label)

    fields: dict[str, str] = {}
    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise problem(name, f"must be a string, not {_kind(value)}")
        fields.setdefault(_ALIASES.get(name, name), value)
    record_id = record.get("id")
    if record_id is not None and (isinstance(record_id, bool) or not isinstance(record_id, str | int)):
        raise problem("id", f"must be a string, not {_kind(record_id)}")
    text, html = fields.get("text", ""), fields.get("html", "")
    if not text.strip() and not html.strip():
        raise InputError(Errors.E018.format(source=source, line=line), label)
    published = None
    if fields.get("published", "").strip():
        try:
            published = parse_date(fields["published"])
        except InputError:
            raise problem("published", f"is not an absolute date: {fields['published']!r} (use YYYY-MM-DD)") from None
    meta = Meta(fields.get("title"), fields.get("byline"), fields.get("outlet"), published, fields.get("url"))
    given_id = str(record_id) if record_id is not None else None
    if text.strip():
        return article_from_text(text, options, source=label, layers=[meta], clean=options.clean, id=given_id)
    return article_from_html(html, options, source=label, url=fields.get("url"), layers=[meta], id=given_id)
