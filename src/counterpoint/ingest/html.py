"""HTML to an Article: trafilatura finds the article body and its metadata; clean.py trims what it lets through.

Offsets of removed lines index the text trafilatura extracted (the HTML itself is not what anyone reads).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import lxml.html
import trafilatura
from lxml import etree

from counterpoint.errors import Errors, InputError
from counterpoint.ingest.build import Meta
from counterpoint.ingest.dates import try_parse_date
from counterpoint.ingest.text import article_from_text
from counterpoint.model import Article

if TYPE_CHECKING:
    from counterpoint.ingest import IngestOptions

__all__ = ["article_from_html", "html_to_text"]

_MIN_WORDS = 8  # below this a fallback text is a menu or a label, not an article
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
    "blockquote", "header", "footer", "figure", "figcaption", "pre", "dd", "dt", "hr", "main", "aside",
}  # fmt: skip
_DROP_TAGS = ("script", "style", "noscript", "template", "head", "nav", "iframe", "svg", "form", "button")


def article_from_html(
    html: str,
    options: IngestOptions,
    *,
    source: str,
    url: str | None = None,
    layers: list[Meta] | None = None,
    id: str | None = None,
) -> Article:
    """Extract the article from an HTML page or fragment (E008 when there is none).

    `url` is where the page was fetched (it outranks the page's own canonical URL); `layers` is metadata that
    outranks the page's (a feed item's title and date).
    """
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        # Dates from the page's markup only: a date found anywhere in the text may be a caption's or a quote's.
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    page = Meta(url=url)
    if document is not None:
        sitename = document.sitename
        page = Meta(
            title=document.title,
            byline=document.author,
            # A "sitename" that is just a host name is trafilatura's guess from the URL: let cleaning outrank it.
            outlet=sitename if sitename and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", sitename) else None,
            published=try_parse_date(document.date) if document.date else None,
            url=url or document.url,
        )
    if len(text.split()) < _MIN_WORDS:
        text = html_to_text(html)
    if len(text.split()) < _MIN_WORDS:
        raise InputError(Errors.E008.format(source=source), source)
    if page.title and not options.keep_text and not text.startswith(page.title):
        text = page.title + "\n" + text
    return article_from_text(text, options, source=source, layers=[*(layers or []), page], id=id)


def html_to_text(html: str) -> str:
    """All visible text of an HTML fragment, one line per block element (for fragments trafilatura skips)."""
    if not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_DROP_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
