"""Plain text (a .txt file, stdin, a string) to an Article: cleaned, or kept exactly as given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counterpoint.ingest.build import Meta, make_article
from counterpoint.ingest.clean import clean_text
from counterpoint.model import Article

if TYPE_CHECKING:
    from counterpoint.ingest import IngestOptions

__all__ = ["article_from_text"]


def article_from_text(
    raw: str,
    options: IngestOptions,
    *,
    source: str,
    layers: list[Meta] | None = None,
    clean: bool = True,
    id: str | None = None,
) -> Article:
    """Clean `raw` (unless keep_text or not `clean`) and build the Article.

    `layers` is metadata that outranks what cleaning finds (page or record metadata). With keep_text the text
    is `raw` unchanged, so analysis offsets index the input; metadata is still read from it.
    """
    cleaned = clean_text(raw)
    found = Meta(cleaned.title, cleaned.byline, cleaned.outlet, cleaned.published)
    if options.keep_text or not clean:
        text, removed = raw, []
    else:
        text, removed = cleaned.text, cleaned.removed
    return make_article(text, options, source=source, layers=[*(layers or []), found], removed=removed, id=id)
