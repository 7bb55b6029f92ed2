"""RSS and Atom feeds to Articles: one per item, from the item's page when it can be fetched.

feedparser only ever parses bytes we already hold (given a string it may open files or URLs itself).
A feed item's summary is usually a teaser, so for a feed read from the web each item's page is fetched
(through url.py, with the same host checks) and its summary is only the fallback.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from xml.sax import SAXParseException

import feedparser

from counterpoint.errors import Errors, InputError
from counterpoint.ingest.build import Meta
from counterpoint.ingest.detect import decode
from counterpoint.ingest.html import article_from_html, html_to_text
from counterpoint.ingest.text import article_from_text
from counterpoint.ingest.url import fetch
from counterpoint.model import Article

if TYPE_CHECKING:
    from counterpoint.ingest import IngestOptions

__all__ = ["read_feed"]


def read_feed(
    data: bytes, options: IngestOptions, *, source: str, url: str | None = None
) -> Iterator[Article | InputError]:
    """Yield an Article (or an InputError) per item. E010 if unparsable, E009 if it has no items."""
    headers = {"content-location": url} if url else {}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            reason = _reason(parsed["bozo_exception"])
            raise InputError(Errors.E010.format(source=source, reason=reason), source)
        if not parsed.get("version"):
            raise InputError(Errors.E010.format(source=source, reason="not RSS or Atom"), source)
        raise InputError(Errors.E009.format(source=source), source)
    outlet = _outlet((parsed.get("feed") or {}).get("title") or "")
    for number, entry in enumerate(entries, start=1):
        try:
            yield _item(entry, number, options, source=source, outlet=outlet, from_web=url is not None)
        except InputError as error:
            yield error


def _item(
    entry: Any, number: int, options: IngestOptions, *, source: str, outlet: str | None, from_web: bool
) -> Article:
    link = entry.get("link") or ""
    link = link if link.lower().startswith(("http://", "https://")) else None  # not an Atom id like urn:uuid:...
    label = link if from_web and link else f"{source}:item {number}"
    item = Meta(
        title=entry.get("title") or None,
        byline=entry.get("author") or None,
        published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        outlet=outlet,
        url=link,
    )
    if from_web and link:
        try:
            page = fetch(link, options, source=label)
            html = decode(page.data, label, page.charset)
            return article_from_html(html, options, source=label, url=page.url, layers=[item])
        except InputError:
            pass  # the item's own content below; if it has none, that error is the one to report
    content = _content(entry)
    if not content.strip():
        raise InputError(Errors.E008.format(source=label), label)
    text = html_to_text(content) if "<" in content else content
    if item.title and not options.keep_text and not text.startswith(item.title):
        text = item.title + "\n" + text
    return article_from_text(text, options, source=label, layers=[item])


def _reason(error: Exception) -> str:
    """One line about why the XML is bad, without the parser's "<unknown>:1:2:" prefix."""
    if isinstance(error, SAXParseException):
        return str(error.getMessage())  # its line numbers count a declaration feedparser may add
    return (str(error).splitlines() or ["malformed XML"])[0]


def _outlet(feed_title: str) -> str | None:
    """The outlet a feed's title names: "Example News - World" -> "Example News" (the part before a section)."""
    name = re.split(r"\s+[-|:–—»]\s+|:\s+", feed_title.strip(), maxsplit=1)[0].strip()
    return name or None


def _content(entry: Any) -> str:
    """The fullest body an item carries: content:encoded / atom:content, else the summary."""
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def _date(parsed: time.struct_time | None) -> dt.date | None:
    if not parsed:
        return None
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None
