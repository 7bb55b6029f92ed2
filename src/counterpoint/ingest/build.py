"""Assemble an `Article`: metadata precedence and ids in one place, so every source kind agrees.

Precedence: the user's options > page or record metadata > what cleaning found in the text > the URL's domain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from counterpoint.errors import Errors, InputError
from counterpoint.ingest.detect import check_language
from counterpoint.model import Article, RemovedLine

if TYPE_CHECKING:
    from counterpoint.ingest import IngestOptions

__all__ = ["Meta", "article_id", "domain_of", "make_article"]


@dataclass
class Meta:
    """One layer of metadata; empty fields fall through to the next layer."""

    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None


def article_id(text: str) -> str:
    """Deterministic id from the final text: "a" + 15 hex digits of its SHA-256."""
    return "a" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:15]


def domain_of(url: str | None) -> str | None:
    """The host of a URL without "www." ("https://www.presstv.ir/x" -> "presstv.ir"); no invented names."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return re.sub(r"^www\d*\.", "", host) if host else None


def merge(layers: list[Meta]) -> Meta:
    """First non-empty value of each field, in layer order."""
    merged = Meta()
    for item in fields(Meta):
        for layer in layers:
            value = getattr(layer, item.name)
            if value is not None and value != "":
                setattr(merged, item.name, value.strip() if isinstance(value, str) else value)
                break
    return merged


def make_article(
    text: str,
    options: IngestOptions,
    *,
    source: str,
    layers: list[Meta],
    removed: list[RemovedLine] | None = None,
    id: str | None = None,
) -> Article:
    """Build the Article after checking there is text left (E024) and that it is English (E007)."""
    if not text.strip():
        raise InputError(Errors.E024.format(source=source), source)
    language = check_language(text, source) if options.check_language else "en"
    meta = merge([Meta(options.title, None, options.outlet, options.published), *layers])
    return Article(
        id=id if id is not None else article_id(text),
        source=source,
        url=meta.url,
        outlet=meta.outlet or domain_of(meta.url),
        title=meta.title,
        byline=meta.byline,
        published=meta.published,
        language=language,
        text=text,
        removed=removed or [],
    )
