"""Background ingest jobs: read many articles, analyze them, group them into stories, compare each story.

A single worker thread runs the jobs in order (analysis is serialized anyway); progress lives in the library
database, so `GET /jobs/{id}` and the job page read it from there and it survives a reload. A bad source is
recorded as one line and the job goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from ..analysis.nlp import within_limit
from ..errors import CounterpointError, Errors, InputError
from ..model import Article
from .service import Library

__all__ = ["JobRunner"]

log = logging.getLogger("counterpoint.web")


class JobRunner:
    """Runs ingest jobs one after another on a worker thread."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.store = library.store
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="counterpoint-job")
        self._closed = False

    def submit(self, kind: str, description: str, stream: Iterator[Article | InputError]) -> str:
        """Record a queued job and start it; returns the job id at once."""
        job_id = self.store.create_job(kind, description)
        if self._closed:
            self.store.update_job(job_id, status="failed", message=Errors.E095)
            return job_id
        self._executor.submit(self._run, job_id, stream)
        return job_id

    def shutdown(self, wait: bool = True) -> None:
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=True)

    def _run(self, job_id: str, stream: Iterator[Article | InputError]) -> None:
        store = self.store
        try:
            store.update_job(job_id, status="running", phase="reading")
            articles: list[Article] = []
            for item in stream:
                if isinstance(item, Article):
                    item = within_limit(item)
                if isinstance(item, InputError):
                    store.add_job_error(job_id, item.source, str(item))
                else:
                    articles.append(item)
            store.update_job(job_id, phase="analyzing", total=len(articles), done=0)
            analyzed: list[Article] = []
            size = self.library.batch_size  # the analysis lock is taken per batch: interactive requests get a turn
            for start in range(0, len(articles), size):
                analyzed.extend(self._analyze(job_id, articles[start : start + size]))
                store.update_job(job_id, done=len(analyzed))
            store.update_job(job_id, phase="grouping")
            if analyzed:
                self._stories(job_id, analyzed)
            store.update_job(job_id, status="done", phase="done")
        except Exception as error:  # a job must end with a status, whatever happened
            log.exception("job %s failed", job_id)
            store.update_job(job_id, status="failed", message=f"{type(error).__name__}: {error}")

    def _analyze(self, job_id: str, batch: list[Article]) -> list[Article]:
        """Analyze a batch; when it fails, each of its articles alone, so one article the analysis cannot handle
        is one error line, not the end of the job. A CounterpointError other than an input's (no model, say)
        would fail every article alike: it ends the job with its own message."""
        try:
            return self.library.analyze_articles(batch)
        except InputError as error:
            problem: Exception = error
        except CounterpointError:
            raise
        except Exception as error:
            problem = error
        if len(batch) > 1:
            return [done for article in batch for done in self._analyze(job_id, [article])]
        source = batch[0].source or batch[0].title or batch[0].id
        log.error("job %s: analysis failed for %s", job_id, source, exc_info=problem)
        self.store.add_job_error(job_id, source, f"{source}: analysis failed ({type(problem).__name__}: {problem})")
        return []

    def _stories(self, job_id: str, articles: list[Article]) -> None:
        """Group the job's articles into stories and compare the articles of each story that has two or more."""
        by_id = {article.id: article for article in articles}
        grouping = self.library.group(list(by_id.values()))
        self.store.update_job(job_id, phase=f"comparing {len(grouping.stories)} stories")
        for story in grouping.stories:
            members = [by_id[article_id] for article_id in story.articles if article_id in by_id]
            first = members[0] if members else None
            title = (first.title or first.outlet or first.id) if first else None
            comparison = None
            if len(members) >= 2:
                try:
                    comparison = self.library.compare_articles(members)
                except CounterpointError as error:  # one story that cannot be compared does not stop the rest
                    self.store.add_job_error(job_id, title, str(error))
            self.store.put_story(story, job=job_id, title=title, comparison=comparison.id if comparison else None)
