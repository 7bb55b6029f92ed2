"""The public Python API; the CLI and (later) the web app are thin skins over these functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .analysis.nlp import within_limit
from .analysis.pipeline import run_pipeline
from .errors import Errors, InputError
from .ingest import FOLDER_SUFFIXES, IngestOptions, names_a_source, read_sources, read_text
from .ingest.dates import parse_date
from .model import Article, Comparison, Grouping

__all__ = ["analyze", "analyze_many", "compare", "group", "load"]

Source = str | Path | Article


def _looks_like_source(value: str) -> bool:
    """A path, a URL, or '-' (one word that names a source, or a path that exists): anything else is article
    text. A missing path is still a source, so that it fails as one ("no such file") instead of being analyzed."""
    if value == "-" or value.startswith(("http://", "https://")):
        return True
    if "\n" in value or len(value) >= 4096:
        return False
    if " " not in value.strip():
        return names_a_source(value.strip())
    try:
        return Path(value).exists()
    except OSError:  # longer than a file name can be: it is text
        return False


def load(
    items: Iterable[Source], options: IngestOptions | None = None, *, sources_only: bool = False
) -> Iterator[Article | InputError]:
    """Ingest sources (paths, URLs, text, or ready Articles), yielding an InputError for each bad one.
    With ``sources_only`` every string is a path, URL or '-' (the command line never takes text)."""
    options = options or IngestOptions()
    for item in items:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, Path) or sources_only or _looks_like_source(item):
            yield from read_sources([str(item)], options)
        else:
            try:
                yield read_text(item, options, source="text")
            except InputError as error:
                yield error


def analyze_many(
    items: Iterable[Source],
    *,
    options: IngestOptions | None = None,
    on_error: Callable[[InputError], None] | None = None,
    model: str | None = None,
    batch_size: int = 32,
    sources_only: bool = False,
) -> Iterator[Article]:
    """Analyze many sources lazily, parsing in batches. A bad source raises InputError unless ``on_error``
    is given, in which case it is passed there and the batch goes on."""

    def good() -> Iterator[Article]:
        for item in load(items, options, sources_only=sources_only):
            if isinstance(item, Article):
                item = within_limit(item)
            if isinstance(item, InputError):
                if on_error is None:
                    raise item
                on_error(item)
            else:
                yield item

    yield from run_pipeline(good(), model=model, batch_size=batch_size)


def analyze(
    text_or_path: Source,
    *,
    outlet: str | None = None,
    published: dt.date | str | None = None,
    title: str | None = None,
    keep_text: bool = False,
    model: str | None = None,
) -> Article:
    """Analyze one article given as text, a path, a URL or an Article; metadata given here wins."""
    if isinstance(published, str):
        published = parse_date(published)
    options = IngestOptions(outlet=outlet, published=published, title=title, keep_text=keep_text)
    articles = list(analyze_many([text_or_path], options=options, model=model))
    if len(articles) != 1:
        raise InputError(Errors.E028.format(source=f"{text_or_path!s:.60}", count=len(articles)))
    return articles[0]


def compare(
    items: Iterable[Source],
    *,
    options: IngestOptions | None = None,
    on_error: Callable[[InputError], None] | None = None,
    model: str | None = None,
    sources_only: bool = False,
) -> Comparison:
    """Compare two or more articles given as sources (as ``analyze_many`` takes them) or Articles; analyzed
    Articles (with sentences) are used as they are. Raises InputError when fewer than two can be read."""
    from .comparison.compare import compare_articles

    articles: list[Article] = []
    waiting: list[Source] = []  # consecutive sources, analyzed as one batch so the order given is kept
    for item in [*items, None]:
        if item is None or isinstance(item, Article) and item.sentences:
            if waiting:
                articles += analyze_many(
                    waiting, options=options, on_error=on_error, model=model, sources_only=sources_only
                )
                waiting = []
            if item is not None:
                articles.append(item)
        else:
            waiting.append(item)
    return compare_articles(articles, model=model)


def _expand_folders(items: Iterable[Source], on_error: Callable[[InputError], None] | None) -> Iterator[Source]:
    """A folder stands for its article files (sorted, not recursive); an empty one is an input error."""
    for item in items:
        if isinstance(item, Article) or (isinstance(item, str) and not _looks_like_source(item)):
            yield item
            continue
        path = Path(item)
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if not is_dir:
            yield item
            continue
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES)
        if not files:
            error = InputError(Errors.E060.format(path=str(item)), str(item))
            if on_error is None:
                raise error
            on_error(error)
        yield from (str(f) for f in files)


def group(
    items: Iterable[Source],
    *,
    options: IngestOptions | None = None,
    on_error: Callable[[InputError], None] | None = None,
    model: str | None = None,
    sources_only: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Grouping:
    """Group articles (sources as ``analyze_many`` takes them, folders of article files, or Articles) into
    stories and events. Only what grouping needs is analyzed (names and times), so it is fast on many articles.
    A bad source raises InputError unless ``on_error`` is given; then it is reported and skipped."""
    from .comparison.group import group_articles

    articles: list[Article] = []
    for item in load(_expand_folders(items, on_error), options, sources_only=sources_only):
        if isinstance(item, Article):
            item = within_limit(item)
        if isinstance(item, InputError):
            if on_error is None:
                raise item
            on_error(item)
        else:
            articles.append(item)
    return group_articles(articles, progress=progress, model=model)
