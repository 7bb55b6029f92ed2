"""The local library: analyzed articles, comparisons, stories and ingest jobs in one SQLite file.

Local-first, datasette-style: one table per model kind holding the pydantic model's JSON as the body, plus indexed
columns (title, outlet, entity names) for listing and search, with an FTS5 index when SQLite has it. The JSON body
is the same JSON the CLI prints, so what is stored is exactly what was shown: reopening never recomputes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CounterpointError, Errors
from ..model import Article, Comparison, Story

__all__ = ["ArticleRow", "ComparisonRow", "JobRow", "Store", "StoryRow", "default_db_path"]

_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    title TEXT, outlet TEXT, published TEXT, url TEXT, source TEXT,
    lead TEXT NOT NULL DEFAULT '',
    entities TEXT NOT NULL DEFAULT '',
    words INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE INDEX IF NOT EXISTS articles_created ON articles(created);
CREATE TABLE IF NOT EXISTS article_entities (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (article, name)
);
CREATE INDEX IF NOT EXISTS article_entities_name ON article_entities(name);
CREATE TABLE IF NOT EXISTS comparisons (
    id TEXT PRIMARY KEY,
    title TEXT,
    created TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS comparison_articles (
    comparison TEXT NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
    article TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (comparison, article)
);
CREATE INDEX IF NOT EXISTS comparison_articles_article ON comparison_articles(article);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    phase TEXT NOT NULL DEFAULT '',
    total INTEGER,
    done INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    message TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS job_errors (
    job TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source TEXT,
    message TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS job_errors_job ON job_errors(job);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    job TEXT REFERENCES jobs(id) ON DELETE SET NULL,
    title TEXT,
    articles TEXT NOT NULL,
    comparison TEXT,
    created TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_job ON stories(job);
"""
_FTS = "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(id UNINDEXED, title, outlet, entities)"


def default_db_path() -> Path:
    """Where the library lives unless --db says otherwise: the user's data directory (platformdirs)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("counterpoint")) / "library.sqlite3"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def entity_names(article: Article) -> list[str]:
    """The canonical names of the article's entities, most mentioned first (what the library indexes)."""
    ranked = sorted(article.entities, key=lambda entity: -len(entity.mentions))
    seen: dict[str, None] = {}
    for entity in ranked:
        seen.setdefault(entity.name, None)
    return list(seen)


def library_id(article_id: str, ids: set[str]) -> str:
    """The library's id of an article of a comparison whose `ids` are these: a second copy of one article is
    renamed "<id>-2" inside the comparison (compare's distinct_ids) but stored once, under "<id>"."""
    base, _, copy = article_id.rpartition("-")
    return base if copy.isdigit() and base in ids else article_id


@dataclass
class ArticleRow:
    """An article as the library lists it: metadata and top entities, without the body."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    entities: list[str]
    words: int
    created: str
    lead: str = ""  # the text's opening words, shown when there is no title


@dataclass
class ComparisonRow:
    id: str
    title: str | None
    created: str
    articles: list[ArticleRow] = field(default_factory=list)


@dataclass
class JobError:
    source: str | None
    message: str


@dataclass
class StoryRow:
    id: str
    job: str | None
    title: str | None
    articles: list[str]
    comparison: str | None
    created: str


@dataclass
class JobRow:
    """A background ingest job and its progress, as `GET /jobs/{id}` reports it."""

    id: str
    kind: str
    description: str
    status: str  # queued, running, done, failed
    phase: str
    total: int | None
    done: int
    failed: int
    message: str | None
    created: str
    updated: str
    errors: list[JobError] = field(default_factory=list)
    stories: list[StoryRow] = field(default_factory=list)


def _fts_query(query: str) -> str:
    """Each word of free user input as a quoted prefix term: FTS5 syntax in the input cannot break the query."""
    words = re.findall(r"\w+", query)
    return " ".join(f'"{word}"*' for word in words)


class Store:
    """The library in one SQLite file; safe to share between the server's threads (one connection, one lock)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._lock = threading.RLock()
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.executescript(_SCHEMA)
            self.fts = self._create_fts()
            self._db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        except (OSError, sqlite3.Error) as error:
            raise CounterpointError(Errors.E093.format(path=path, reason=error)) from None

    def _create_fts(self) -> bool:
        try:
            self._db.execute(_FTS)
        except sqlite3.OperationalError:  # SQLite built without FTS5: search falls back to LIKE
            return False
        return True

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- articles ---------------------------------------------------------------------------------------------

    def put_article(self, article: Article) -> bool:
        """Store an analyzed article (keyed by its content id); True when it was new. A second copy replaces the
        first, so the same text submitted twice is stored once, with the latest metadata."""
        names = entity_names(article)
        row = (
            article.title,
            article.outlet,
            article.published.isoformat() if article.published else None,
            article.url,
            article.source,
            _lead(article.text),
            "\n".join(names),
            len(article.text.split()),
            article.model_dump_json(),
        )
        with self._lock, self._db:
            self._db.execute("BEGIN")
            new = self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone() is None
            if new:
                self._db.execute(
                    "INSERT INTO articles (title, outlet, published, url, source, lead, entities, words, body, id, created)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*row, article.id, _now()),
                )
            else:
                self._db.execute(
                    "UPDATE articles SET title = ?, outlet = ?, published = ?, url = ?, source = ?, lead = ?, entities = ?,"
                    " words = ?, body = ? WHERE id = ?",
                    (*row, article.id),
                )
            self._db.execute("DELETE FROM article_entities WHERE article = ?", (article.id,))
            self._db.executemany(
                "INSERT OR IGNORE INTO article_entities (article, name) VALUES (?, ?)",
                [(article.id, name) for name in names],
            )
            if self.fts:
                self._db.execute("DELETE FROM articles_fts WHERE id = ?", (article.id,))
                self._db.execute(
                    "INSERT INTO articles_fts (id, title, outlet, entities) VALUES (?, ?, ?, ?)",
                    (article.id, article.title or "", article.outlet or "", " ".join(names)),
                )
        return new

    def get_article(self, article_id: str) -> Article | None:
        with self._lock:
            row = self._db.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.model_validate_json(row["body"]) if row else None

    def count_articles(self, query: str | None = None, *, outlet: str | None = None, entity: str | None = None) -> int:
        """How many articles `list_articles` with the same filters would list without a limit (for paging)."""
        where, params = self._article_filters(query, outlet, entity)
        sql = "SELECT count(*) FROM articles" + (" WHERE " + " AND ".join(where) if where else "")
        with self._lock:
            return self._db.execute(sql, params).fetchone()[0]

    def list_articles(
        self,
        query: str | None = None,
        *,
        outlet: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[ArticleRow]:
        """Newest first; `query` matches words of the title, outlet or entity names (prefixes too); `outlet` and
        `entity` filter exactly (case-insensitive)."""
        where, params = self._article_filters(query, outlet, entity)
        sql = (
            "SELECT id, title, outlet, published, url, entities, words, created, lead FROM articles"
            f"{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY created DESC, rowid DESC LIMIT ? OFFSET ?"
        )
        with self._lock:
            rows = self._db.execute(sql, (*params, limit, offset)).fetchall()
        return [_article_row(row) for row in rows]

    def _article_filters(self, query: str | None, outlet: str | None, entity: str | None) -> tuple[list[str], list]:
        where: list[str] = []
        params: list = []
        if query and query.strip():
            terms = _fts_query(query)
            if self.fts and terms:
                where.append("id IN (SELECT id FROM articles_fts WHERE articles_fts MATCH ?)")
                params.append(terms)
            else:
                for word in re.findall(r"\w+", query) or [query.strip()]:
                    where.append("(title LIKE ? OR outlet LIKE ? OR entities LIKE ?)")
                    params += [f"%{word}%"] * 3
        if outlet:
            where.append("outlet = ? COLLATE NOCASE")
            params.append(outlet)
        if entity:
            where.append("id IN (SELECT article FROM article_entities WHERE name = ?)")
            params.append(entity)
        return where, params

    # --- comparisons ------------------------------------------------------------------------------------------

    def put_comparison(self, comparison: Comparison) -> None:
        """Store a comparison whole (it carries its articles) and each of its articles on its own."""
        title = " / ".join(a.title or a.outlet or a.id for a in comparison.articles)
        ids = {article.id for article in comparison.articles}
        for article in comparison.articles:
            if library_id(article.id, ids) == article.id:  # not a second copy renamed inside the comparison
                self.put_article(article)
        with self._lock, self._db:
            self._db.execute("BEGIN")
            self._db.execute(
                "INSERT INTO comparisons (id, title, created, body) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET title = excluded.title, body = excluded.body",
                (comparison.id, title, _now(), comparison.model_dump_json()),
            )
            self._db.execute("DELETE FROM comparison_articles WHERE comparison = ?", (comparison.id,))
            self._db.executemany(
                "INSERT OR IGNORE INTO comparison_articles (comparison, article, position) VALUES (?, ?, ?)",
                [(comparison.id, a.id, i) for i, a in enumerate(comparison.articles)],
            )

    def get_comparison(self, comparison_id: str) -> Comparison | None:
        with self._lock:
            row = self._db.execute("SELECT body FROM comparisons WHERE id = ?", (comparison_id,)).fetchone()
        return Comparison.model_validate_json(row["body"]) if row else None

    def list_comparisons(self, query: str | None = None, *, limit: int = 50, offset: int = 0) -> list[ComparisonRow]:
        """Newest first; `query` matches comparisons any of whose articles match (title, outlet, entities)."""
        where, params = self._article_filters(query, None, None)
        sql = "SELECT id, title, created FROM comparisons"
        if where:
            sql += (
                " WHERE id IN (SELECT comparison FROM comparison_articles WHERE article IN"
                f" (SELECT id FROM articles WHERE {' AND '.join(where)}))"
            )
        sql += " ORDER BY created DESC, rowid DESC LIMIT ? OFFSET ?"
        with self._lock:
            rows = self._db.execute(sql, (*params, limit, offset)).fetchall()
            result = []
            for row in rows:
                members = self._db.execute(
                    "SELECT a.id, a.title, a.outlet, a.published, a.url, a.entities, a.words, a.created, a.lead"
                    " FROM comparison_articles c JOIN articles a ON a.id = c.article"
                    " WHERE c.comparison = ? ORDER BY c.position",
                    (row["id"],),
                ).fetchall()
                result.append(
                    ComparisonRow(row["id"], row["title"], row["created"], [_article_row(m) for m in members])
                )
        return result

    # --- jobs -------------------------------------------------------------------------------------------------

    def create_job(self, kind: str, description: str) -> str:
        job_id = "j" + uuid.uuid4().hex[:15]
        now = _now()
        with self._lock:
            self._db.execute(
                "INSERT INTO jobs (id, kind, description, status, created, updated) VALUES (?, ?, ?, 'queued', ?, ?)",
                (job_id, kind, description, now, now),
            )
        return job_id

    def update_job(self, job_id: str, **values: object) -> None:
        """Set some of status, phase, total, done, failed, message."""
        allowed = {"status", "phase", "total", "done", "failed", "message"}
        if set(values) - allowed:
            raise TypeError(f"unknown job fields: {sorted(set(values) - allowed)}")
        assignments = ", ".join(f"{name} = ?" for name in values)
        with self._lock:
            self._db.execute(
                f"UPDATE jobs SET {assignments}, updated = ? WHERE id = ?", (*values.values(), _now(), job_id)
            )

    def add_job_error(self, job_id: str, source: str | None, message: str) -> None:
        """One line per bad source; the job goes on."""
        with self._lock, self._db:
            self._db.execute("BEGIN")
            position = self._db.execute("SELECT count(*) FROM job_errors WHERE job = ?", (job_id,)).fetchone()[0]
            self._db.execute(
                "INSERT INTO job_errors (job, position, source, message) VALUES (?, ?, ?, ?)",
                (job_id, position, source, message),
            )
            self._db.execute("UPDATE jobs SET failed = failed + 1, updated = ? WHERE id = ?", (_now(), job_id))

    def get_job(self, job_id: str) -> JobRow | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                return None
            errors = self._db.execute(
                "SELECT source, message FROM job_errors WHERE job = ? ORDER BY position", (job_id,)
            ).fetchall()
        job = JobRow(**{key: row[key] for key in row.keys()})  # noqa: SIM118 - sqlite3.Row is not a mapping
        job.errors = [JobError(e["source"], e["message"]) for e in errors]
        job.stories = self.list_stories(job=job_id)
        return job

    def list_jobs(self, limit: int = 20) -> list[JobRow]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM jobs ORDER BY created DESC, rowid DESC LIMIT ?", (limit,)).fetchall()
        return [JobRow(**{key: row[key] for key in row.keys()}) for row in rows]  # noqa: SIM118

    def fail_unfinished_jobs(self) -> int:
        """Jobs left queued or running by a server that stopped cannot resume: mark them failed, saying why."""
        with self._lock:
            cursor = self._db.execute(
                "UPDATE jobs SET status = 'failed', message = ?, updated = ? WHERE status IN ('queued', 'running')",
                ("the server stopped before the job finished; submit it again", _now()),
            )
        return cursor.rowcount

    # --- stories ----------------------------------------------------------------------------------------------

    def put_story(self, story: Story, *, job: str | None, title: str | None, comparison: str | None) -> str:
        """Store a story found by grouping; its id is made unique across jobs."""
        story_id = f"{job}-{story.id}" if job else story.id
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO stories (id, job, title, articles, comparison, created, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (story_id, job, title, json.dumps(story.articles), comparison, _now(), story.model_dump_json()),
            )
        return story_id

    def get_story(self, story_id: str) -> tuple[StoryRow, Story] | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        return _story_row(row), Story.model_validate_json(row["body"])

    def list_stories(self, *, job: str | None = None, limit: int = 200) -> list[StoryRow]:
        sql = "SELECT * FROM stories" + (" WHERE job = ?" if job else "") + " ORDER BY created DESC, rowid LIMIT ?"
        with self._lock:
            rows = self._db.execute(sql, (job, limit) if job else (limit,)).fetchall()
        return [_story_row(row) for row in rows]


def _article_row(row: sqlite3.Row) -> ArticleRow:
    entities = [name for name in (row["entities"] or "").split("\n") if name]
    return ArticleRow(
        row["id"],
        row["title"],
        row["outlet"],
        row["published"],
        row["url"],
        entities,
        row["words"],
        row["created"],
        row["lead"],
    )


def _lead(text: str, limit: int = 100) -> str:
    words = " ".join(text.split()[:40])
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def _story_row(row: sqlite3.Row) -> StoryRow:
    return StoryRow(row["id"], row["job"], row["title"], json.loads(row["articles"]), row["comparison"], row["created"])
