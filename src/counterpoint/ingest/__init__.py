"""Ingest: turn files, URLs, feeds, JSON records and stdin into `Article`s (text + metadata, nothing analyzed).

Each source kind has its own module; this one decides which applies. A bad source gives an `InputError`
in the stream instead of an Article, so a batch goes on past it.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import httpx

from counterpoint.errors import Errors, InputError
from counterpoint.ingest.build import Meta
from counterpoint.ingest.dates import parse_date
from counterpoint.ingest.detect import Kind, check_size, decode, read_capped, sniff
from counterpoint.ingest.feed import read_feed
from counterpoint.ingest.html import article_from_html
from counterpoint.ingest.records import read_records
from counterpoint.ingest.text import article_from_text
from counterpoint.ingest.url import fetch
from counterpoint.model import Article

__all__ = ["FOLDER_SUFFIXES", "IngestOptions", "names_a_source", "read_sources", "read_text", "suffix_kind"]


@dataclass
class IngestOptions:
    """How to read sources. `outlet`, `published` and `title` override whatever the source says."""

    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    keep_text: bool = False  # analyze text exactly as given: no cleaning (metadata may still be detected)
    clean: bool = False  # also clean the text of JSON/JSONL records (taken as given by default)
    max_bytes: int = 5_000_000
    allow_private: bool = False
    timeout: float = 15.0
    max_redirects: int = 5
    transport: httpx.BaseTransport | None = None  # tests pass httpx.MockTransport
    check_language: bool = True
    stdin: BinaryIO | None = None  # for source "-"; default sys.stdin.buffer


_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}  # fmt: skip
#: The files a folder of articles stands for (in `group` and in the web app's folder ingest): articles and
#: records, not notes such as a README.md beside them.
FOLDER_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json", ".jsonl"})
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_FILE_SUFFIXES = {ext.lstrip(".") for ext in _EXTENSIONS} | {
    "csv", "tsv", "pdf", "doc", "docx", "rtf", "odt", "py", "log", "gz", "zip", "yaml", "yml", "toml", "ini",
}  # fmt: skip
_BARE_DOMAIN = re.compile(
    r"^(?:www\d*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?P<tld>[a-z]{2,24})(?::\d+)?(?:/\S*)?$", re.IGNORECASE
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)


def names_a_source(word: str) -> bool:
    """Whether one word without spaces names a source rather than being a text: '-', a URL, a path that exists or
    has a folder or a file suffix in it, a bare domain. "Seaquake" is a one-word headline; "notes.json" is a
    file, missing or not (so that it fails as one, "no such file", instead of being analyzed)."""
    if word == "-" or _SCHEME.match(word) or any(sign in word for sign in ("/", "\\", "~")):
        return True
    if "." in word and word.rpartition(".")[2].lower() in _FILE_SUFFIXES or _BARE_DOMAIN.match(word):
        return True
    try:
        return Path(word).exists()
    except OSError:  # longer than a file name can be
        return False


def read_sources(sources: Iterable[str], options: IngestOptions | None = None) -> Iterator[Article | InputError]:
    """Yield one Article per article found (a feed or JSONL gives many), or an InputError for a bad source, and go on."""
    options = options or IngestOptions()
    for source in sources:
        try:
            yield from _read_source(str(source), options)
        except InputError as error:
            yield error


def read_text(
    text: str, options: IngestOptions | None = None, *, source: str | None = None, **metadata: Any
) -> Article:
    """Ingest a string of article text (cleaned unless keep_text) -- used by counterpoint.analyze("...text...").

    `metadata` may give title, byline, outlet, url and published (a date or a date string); options outrank it.
    """
    options = options or IngestOptions()
    label = source or "text"
    unknown = set(metadata) - {"title", "byline", "outlet", "url", "published"}
    if unknown:
        raise TypeError(f"read_text() got unexpected metadata: {', '.join(sorted(unknown))}")
    published = metadata.get("published")
    if isinstance(published, str):
        metadata["published"] = parse_date(published)
    elif isinstance(published, dt.datetime):
        metadata["published"] = published.date()
    check_size(len(text.encode("utf-8", errors="surrogatepass")), options.max_bytes, label)
    if not text.strip():
        raise InputError(Errors.E003.format(source=label), label)
    return article_from_text(text, options, source=label, layers=[Meta(**metadata)])


def _read_source(source: str, options: IngestOptions) -> Iterator[Article | InputError]:
    if source == "-":
        data = read_capped(options.stdin or sys.stdin.buffer, options.max_bytes, "stdin")
        yield from _from_bytes(data, options, source="stdin", kind=sniff(data) or "text")
    elif _SCHEME.match(source):
        if not source.lower().startswith(("http://", "https://")):
            raise InputError(Errors.E015.format(source=source), source)
        page = fetch(source, options, source=source)
        kind = _web_kind(page.content_type, sniff(page.data))
        yield from _from_bytes(page.data, options, source=source, kind=kind, url=page.url, charset=page.charset)
    else:
        path = Path(source)
        data = _read_file(path, source, options)
        yield from _from_bytes(data, options, source=source, kind=_file_kind(path, sniff(data)))


def _read_file(path: Path, source: str, options: IngestOptions) -> bytes:
    try:
        if path.is_dir():
            raise InputError(Errors.E002.format(path=source), source)
        if not path.exists():
            match = _BARE_DOMAIN.match(source)
            if match and match.group("tld").lower() not in _FILE_SUFFIXES:
                raise InputError(Errors.E021.format(source=source, value=source), source)
            raise InputError(Errors.E001.format(path=source), source)
        check_size(path.stat().st_size, options.max_bytes, source)
        with path.open("rb") as stream:  # read capped too: a file may grow, or be a pipe
            return read_capped(stream, options.max_bytes, source)
    except OSError as error:
        raise InputError(Errors.E026.format(source=source, reason=error.strerror or error), source) from None


def suffix_kind(name: str) -> Kind | None:
    """What a file name's extension says it holds ("text", "html", "json", "jsonl", "feed"), or None: one table
    for files on disk and files uploaded to the web app."""
    return _EXTENSIONS.get(Path(name).suffix.lower())


def _file_kind(path: Path, sniffed: Kind | None) -> Kind:
    """The extension decides, except that content which plainly is a feed or HTML is read as such."""
    kind = suffix_kind(path.name)
    if kind in ("json", "jsonl", "html"):
        return kind
    if kind == "feed":
        return "html" if sniffed == "html" else "feed"
    if sniffed in ("feed", "html"):
        return sniffed
    if kind is None and sniffed in ("json", "jsonl"):
        return sniffed
    return "text"


def _web_kind(content_type: str, sniffed: Kind | None) -> Kind:
    """Content sniffing wins over a server's content type only between feed and HTML (servers mislabel both)."""
    if sniffed in ("feed", "html"):
        return sniffed
    if content_type in ("application/json",) and sniffed in ("json", "jsonl"):
        return sniffed
    if content_type in ("application/x-ndjson", "application/jsonl"):
        return "jsonl"
    if content_type.endswith(("rss+xml", "atom+xml", "/xml")):
        return "feed"
    if content_type.startswith("text/plain"):
        return "text"
    return "html"


def _from_bytes(
    data: bytes,
    options: IngestOptions,
    *,
    source: str,
    kind: Kind,
    url: str | None = None,
    charset: str | None = None,
) -> Iterator[Article | InputError]:
    if kind == "feed":
        decode(data, source)  # refuse empty or binary input with the same errors as other kinds
        yield from read_feed(data, options, source=source, url=url)
        return
    if kind == "html" and charset is None and (declared := _META_CHARSET.search(data[:4096])):
        charset = declared.group(1).decode("ascii", errors="replace")
    text = decode(data, source, charset)
    if kind == "html":
        yield article_from_html(text, options, source=source, url=url)
    elif kind in ("json", "jsonl"):
        yield from read_records(text, options, source=source, kind=kind)
    else:
        yield article_from_text(text, options, source=source, layers=[Meta(url=url)])
