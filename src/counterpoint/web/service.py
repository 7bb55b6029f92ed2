"""What the web app does, apart from HTTP: ingest what a user gave, analyze it once, compare, keep it in the library.

The pages and the REST API both call these functions, so they give the same results and the same JSON as the
Python API and the CLI. spaCy's pipeline object is not safe to run from several threads at once, so every
analysis and comparison runs under one lock; the server stays responsive because it calls these from a thread pool.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from pydantic import BaseModel, ConfigDict, Field

from ..analysis.nlp import within_limit
from ..analysis.pipeline import analyzer_id, run_pipeline
from ..comparison.compare import comparison_id
from ..errors import CounterpointError, Errors, InputError
from ..ingest import FOLDER_SUFFIXES, IngestOptions, read_sources, read_text, suffix_kind
from ..ingest.build import article_id
from ..ingest.dates import parse_date
from ..ingest.detect import check_size, decode, sniff
from ..ingest.feed import read_feed
from ..ingest.html import article_from_html
from ..ingest.records import read_records
from ..model import Article, Comparison, Grouping
from .store import Store

__all__ = [
    "ANALYSIS_LOCK",
    "MAX_COMPARED",
    "ArticleInput",
    "CompareRequest",
    "IngestRequest",
    "InputErrors",
    "Library",
    "Refused",
    "Upload",
]

#: Most articles one comparison request may hold (a story of more is ingested as a job).
MAX_COMPARED = 20
#: One analysis at a time in this process (spaCy pipelines are not thread-safe for parallel calls).
ANALYSIS_LOCK = threading.Lock()


class ArticleInput(BaseModel):
    """One article to analyze: exactly one of `text`, `url` or `html`, with optional metadata that wins over
    whatever the source says."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="The article's text.")
    url: str | None = Field(default=None, description="An http(s) URL to fetch (private addresses are refused).")
    html: str | None = Field(default=None, description="The article's HTML page.")
    outlet: str | None = Field(default=None, description="The outlet's name.")
    published: str | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    title: str | None = Field(default=None, description="The headline.")


class CompareRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleInput] = Field(description="Two or more articles to compare.")


class IngestRequest(BaseModel):
    """One source of many articles, ingested as a background job."""

    model_config = ConfigDict(extra="forbid")

    records: str | None = Field(default=None, description='JSON-lines text: one {"text"|"html", ...} per line.')
    url: str | None = Field(default=None, description="A feed (RSS/Atom) or page URL to fetch.")
    folder: str | None = Field(default=None, description="A folder on the server holding .txt/.html/.jsonl files.")


@dataclass
class Upload:
    """A file a user uploaded through a form."""

    name: str
    data: bytes




class Refused(CounterpointError):
    """A request this server will not do for anyone who can reach it (403), unlike bad input (422)."""


class InputErrors(CounterpointError):
    """Some of the inputs of one request were bad; each has its own line."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


@dataclass
class _Given:
    """An article input after validation: what to read, and the metadata to put on it."""

    index: int
    text: str | None = None
    url: str | None = None
    html: str | None = None
    upload: Upload | None = None
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None


@dataclass
class Library:
    """The app's work: ingest, analyze (once per article), compare (once per set of articles), store."""

    store: Store
    max_bytes: int = 5_000_000
    allow_private: bool = False
    transport: httpx.BaseTransport | None = None  # tests pass httpx.MockTransport; None means the network
    model: str | None = None
    batch_size: int = 8
    #: Folder ingest: only below `folder_root` when it is set; otherwise anywhere if `any_folder` (a server bound
    #: to loopback, whose users are on this machine), or nowhere.
    folder_root: Path | None = None
    any_folder: bool = True
    #: Counts of articles analyzed, analyses reused from the library, and comparisons computed (for tests/logs).
    stats: dict[str, int] = field(default_factory=lambda: {"analyzed": 0, "reused": 0, "compared": 0})

    def options(self, **metadata: object) -> IngestOptions:
        return IngestOptions(
            max_bytes=self.max_bytes, allow_private=self.allow_private, transport=self.transport, **metadata
        )

    # --- reading ----------------------------------------------------------------------------------------------

    def validate(self, inputs: list[ArticleInput], uploads: dict[int, Upload] | None = None) -> list[_Given]:
        """Check each input names exactly one source and a valid date; collect every problem, not just the first."""
        uploads = uploads or {}
        given: list[_Given] = []
        errors: list[InputError] = []
        for index, item in enumerate(inputs, start=1):
            sources = {
                name: getattr(item, name) for name in ("text", "url", "html") if (getattr(item, name) or "").strip()
            }
            upload = uploads.get(index)
            if upload is not None:
                sources["file"] = upload.name
            if not sources:
                errors.append(InputError(Errors.E080.format(index=index), f"article {index}"))
                continue
            if len(sources) > 1:
                errors.append(
                    InputError(Errors.E081.format(index=index, given=" and ".join(sources)), f"article {index}")
                )
                continue
            try:
                published = parse_date(item.published.strip()) if (item.published or "").strip() else None
                if "url" in sources:
                    _web_url(item.url.strip())  # type: ignore[union-attr]
            except InputError as error:
                errors.append(InputError(f"article {index}: {error}", f"article {index}"))
                continue
            given.append(
                _Given(
                    index,
                    text=item.text if "text" in sources else None,
                    url=item.url.strip() if "url" in sources and item.url else None,
                    html=item.html if "html" in sources else None,
                    upload=upload,
                    outlet=(item.outlet or "").strip() or None,
                    published=published,
                    title=(item.title or "").strip() or None,
                )
            )
        if errors:
            raise InputErrors(errors)
        return given

    def read(self, given: list[_Given]) -> list[Article]:
        """Ingest every input (no analysis yet); all bad inputs are reported together."""
        articles: list[Article] = []
        errors: list[InputError] = []
        for item in given:
            options = self.options(outlet=item.outlet, published=item.published, title=item.title)
            try:
                article = within_limit(self._read_one(item, options))
            except InputError as error:
                article = error
            if isinstance(article, InputError):
                errors.append(article)
            else:
                articles.append(article)
        if errors:
            raise InputErrors(errors)
        return articles

    def _read_one(self, item: _Given, options: IngestOptions) -> Article:
        """Text is read as `counterpoint.analyze(text)` reads it (source "text"), so the JSON is the same;
        errors name the article's place in the request."""
        try:
            if item.text is not None:
                return read_text(item.text, options, source="text")
            if item.html is not None:
                check_size(len(item.html.encode("utf-8", errors="replace")), options.max_bytes, "html")
                return article_from_html(item.html, options, source="html")
        except InputError as error:
            label = f"article {item.index}"
            raise InputError(f"{label}: {error}", label) from None
        if item.upload is not None:
            return read_upload(item.upload, options)
        results = list(read_sources([item.url or ""], options))
        for result in results:
            if isinstance(result, InputError):
                raise result
        if len(results) != 1:
            raise InputError(Errors.E028.format(source=item.url, count=len(results)), item.url)
        return results[0]  # type: ignore[return-value]

    # --- analysis ---------------------------------------------------------------------------------------------

    def analyze_articles(self, articles: list[Article]) -> list[Article]:
        """Analyze ingested articles, reusing the library's copy of any article already analyzed with the same
        text and metadata (the id is a hash of the text); store what is new."""
        result: list[Article | None] = []
        todo: list[tuple[int, Article]] = []
        analyzer = analyzer_id(self.model)
        for position, article in enumerate(map(_content_keyed, articles)):
            stored = self.store.get_article(article.id)
            if stored is not None and _same_input(stored, article) and stored.analyzer == analyzer:
                self.stats["reused"] += 1
                result.append(stored)
            else:
                result.append(None)
                todo.append((position, article))
        if todo:
            with ANALYSIS_LOCK:
                analyzed = list(run_pipeline((a for _, a in todo), model=self.model, batch_size=self.batch_size))
            for (position, _), article in zip(todo, analyzed, strict=True):
                self.stats["analyzed"] += 1
                self.store.put_article(article)
                result[position] = article
        return [article for article in result if article is not None]

    def analyze(self, item: ArticleInput, upload: Upload | None = None) -> Article:
        given = self.validate([item], {1: upload} if upload else None)
        return self.analyze_articles(self.read(given))[0]

    def compare(self, inputs: list[ArticleInput], uploads: dict[int, Upload] | None = None) -> Comparison:
        """Compare two or more inputs; the same inputs again return the stored comparison, not a new one."""
        if len(inputs) > MAX_COMPARED:  # every pair is compared: the work grows with the square of the count
            raise InputErrors([InputError(Errors.E096.format(limit=MAX_COMPARED, count=len(inputs)))])
        given = self.validate(inputs, uploads)
        if len(given) < 2:
            raise InputErrors([InputError(Errors.E082.format(count=len(given)))])
        return self.compare_articles(self.analyze_articles(self.read(given)))

    def compare_articles(self, articles: list[Article]) -> Comparison:
        from .. import _api

        stored = self.store.get_comparison(comparison_id(articles))  # the id compare() gives these inputs
        analyzer = analyzer_id(self.model)
        if stored is not None and all(a.analyzer == analyzer for a in stored.articles):
            return stored  # made by this analyzer: the same findings (one made by another is made again)
        with ANALYSIS_LOCK:
            comparison = _api.compare(articles, model=self.model)
        self.stats["compared"] += 1
        self.store.put_comparison(comparison)
        return comparison

    def group(self, articles: list[Article]) -> Grouping:
        from .. import _api

        with ANALYSIS_LOCK:
            return _api.group(articles, model=self.model)

    # --- many articles (jobs) ---------------------------------------------------------------------------------

    def sources_for(self, request: IngestRequest, upload: Upload | None = None) -> tuple[str, str, Iterator]:
        """(kind, description, stream of Article | InputError) for one ingest request; raises InputErrors when the
        request names no source, several, or a folder that is not there."""
        given = {name: value for name, value in request.model_dump().items() if value and str(value).strip()}
        if upload is not None:
            given["upload"] = upload.name
        if len(given) != 1:
            raise InputErrors([InputError(Errors.E088)])
        options = self.options()
        if upload is not None:
            return "upload", upload.name, read_many_upload(upload, options)
        if request.records:
            return "records", "JSONL records", read_records(request.records, options, source="records", kind="jsonl")
        if request.url:
            try:
                url = _web_url(request.url.strip())
            except InputError as error:
                raise InputErrors([error]) from None
            return "url", url, read_sources([url], options)
        folder = self._folder(request.folder.strip())  # type: ignore[union-attr]
        if not folder.is_dir():
            raise InputErrors([InputError(Errors.E087.format(path=request.folder), request.folder)])
        files = sorted(
            p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES and self._inside_root(p)
        )
        if not files:
            raise InputErrors([InputError(Errors.E092.format(path=request.folder), request.folder)])
        return "folder", str(folder), read_sources([str(p) for p in files], options)

    def _folder(self, given: str) -> Path:
        """The folder a request names, if this server may read it: below `folder_root` when one is set (a relative
        name is taken from there; symlinks and ".." cannot leave it), anywhere when `any_folder`, else refused."""
        if self.folder_root is None:
            if not self.any_folder:
                raise Refused(Errors.E097)
            return Path(given).expanduser()
        root = self.folder_root.resolve()
        folder = (root / Path(given).expanduser()).resolve()
        if not folder.is_relative_to(root):
            raise Refused(Errors.E098.format(path=given, root=root))
        return folder

    def _inside_root(self, path: Path) -> bool:
        return self.folder_root is None or path.resolve().is_relative_to(self.folder_root.resolve())


def _content_keyed(article: Article) -> Article:
    """The article under its content id. The library keys articles by id, and a JSONL record keeps its own
    ("1", "2", ... in every file): kept, one file's record 1 would replace another's, and an id with "/" or "?"
    would make a page that cannot be opened. A text's hash names it the same wherever it came from."""
    content = article_id(article.text)
    return article if article.id == content else article.model_copy(update={"id": content})


def _web_url(url: str) -> str:
    """`url` if it is an http(s) URL (E015). The ingest layer reads any other string as a path on this machine,
    or "-" as stdin: from a web request that would hand out the server's files or block a worker forever."""
    if not re.match(r"(?i)https?://", url):
        raise InputError(Errors.E015.format(source=url), url)
    return url


def _same_input(stored: Article, fresh: Article) -> bool:
    """An article analyzed before can be reused when nothing the analysis reads differs (the text is the same
    by id; the publication date anchors relative times; the rest is shown and searched) and the same analyzer
    made it (checked beside this)."""
    keys = ("text", "published", "outlet", "title", "url", "byline")
    return all(getattr(stored, key) == getattr(fresh, key) for key in keys)


def read_upload(upload: Upload, options: IngestOptions) -> Article:
    """One uploaded .txt or .html file to an Article (E089 for other kinds)."""
    kind = suffix_kind(upload.name)
    check_size(len(upload.data), options.max_bytes, upload.name)
    if kind == "html" or (kind != "text" and sniff(upload.data) == "html"):
        return article_from_html(decode(upload.data, upload.name), options, source=upload.name)
    if kind == "text":
        text = decode(upload.data, upload.name)
        return read_text(text, options, source=upload.name)
    raise InputError(Errors.E089.format(name=upload.name), upload.name)


def read_many_upload(upload: Upload, options: IngestOptions) -> Iterator[Article | InputError]:
    """An uploaded JSONL/JSON file or feed to Articles (errors in the stream, so a job goes on past them)."""
    kind = suffix_kind(upload.name)
    try:
        check_size(len(upload.data), options.max_bytes, upload.name)
        sniffed = sniff(upload.data)
        if kind == "feed" or sniffed == "feed":
            decode(upload.data, upload.name)
            yield from read_feed(upload.data, options, source=upload.name)
        elif kind in ("json", "jsonl") or sniffed in ("json", "jsonl"):
            text = decode(upload.data, upload.name)
            records = kind if kind in ("json", "jsonl") else sniffed
            yield from read_records(text, options, source=upload.name, kind=records)  # type: ignore[arg-type]
        else:
            raise InputError(Errors.E094.format(name=upload.name), upload.name)
    except InputError as error:
        yield error
