"""The web app: server-rendered pages for people and a REST API under /api/v1, both over the same Library.

Pages: `/` (compare form), `/comparisons/{id}`, `/library`, `/articles/{id}`, `/stories` (ingest many),
`/jobs/{id}`, `/stories/{id}`. API: `/api/v1/...`, documented at `/docs`. Blocking work (ingest, analysis,
comparison, SQLite) runs in Starlette's thread pool, so one long analysis does not stop pages from loading.
Jinja2 autoescapes every template: article text and metadata are untrusted and are never marked safe.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import httpx
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from .. import __version__
from ..errors import CounterpointError, Errors, InputError
from ..model import Article, Comparison
from .jobs import JobRunner
from .security import TOKEN_COOKIE, RequestGuard, is_loopback
from .service import ArticleInput, CompareRequest, IngestRequest, InputErrors, Library, Refused, Upload
from .store import JobRow, Store, default_db_path, library_id

__all__ = ["create_app"]

log = logging.getLogger("counterpoint.web")

_TEMPLATES = Path(__file__).parent / "templates"
_MAX_SLOTS = 10
_FORM_FIELDS = ("text", "url", "outlet", "published", "title")
#: The app's own pages have no scripts at all: a second line of defence behind autoescaping.
_PAGE_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)


def create_app(
    db: str | Path | None = None,
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    token: str | None = None,
    max_bytes: int = 5_000_000,
    allow_private: bool = False,
    transport: httpx.BaseTransport | None = None,
    model: str | None = None,
    folder_root: str | Path | None = None,
) -> FastAPI:
    """Build the app over the library at `db` (default: the user's data directory).

    `host` is the address the server binds: off loopback, writes need `token` (and are refused without one).
    `max_bytes` caps every request body and every fetched page; `allow_private` lets URL fetches reach private
    and loopback addresses; `transport` replaces the network (tests). Folder ingest reads only below
    `folder_root` when it is given; without it, any folder on a loopback-bound server and none on another (a
    token holder must not be able to read the server's files through the library)."""
    store = Store(db or default_db_path())
    store.fail_unfinished_jobs()
    library = Library(
        store,
        max_bytes=max_bytes,
        allow_private=allow_private,
        transport=transport,
        model=model,
        folder_root=Path(folder_root) if folder_root is not None else None,
        any_folder=is_loopback(host),
    )
    jobs = JobRunner(library)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.shutdown(wait=False)

    app = FastAPI(
        title="Counterpoint",
        version=__version__,
        description="Compare how news outlets tell the same story. The same JSON as the `counterpoint` CLI.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    _docs(app)
    app.state.store = store
    app.state.library = library
    app.state.jobs = jobs
    app.state.token = token
    app.state.local = is_loopback(host)
    app.add_middleware(RequestGuard, max_bytes=max_bytes, host=host, port=port, token=token)
    env = _environment()

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("title", "Counterpoint")
        html = env.get_template(name).render(request=request, local=app.state.local, **context)
        return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": _PAGE_POLICY})

    @app.exception_handler(InputErrors)
    async def input_errors(request: Request, error: InputErrors) -> Response:
        lines = [{"source": e.source, "message": str(e)} for e in error.errors]
        return JSONResponse({"detail": str(error), "errors": lines}, status_code=422)

    @app.exception_handler(Refused)
    async def refused(request: Request, error: Refused) -> Response:
        return JSONResponse({"detail": str(error), "errors": [{"source": None, "message": str(error)}]}, 403)

    @app.exception_handler(CounterpointError)
    async def counterpoint_error(request: Request, error: CounterpointError) -> Response:
        """A bad input is the client's (422); any other error Counterpoint raises (no spaCy model, a stored
        comparison that does not render) is the server's, and a client must not be told to change its request."""
        status = 422 if isinstance(error, InputError) else 500
        if status == 500:
            log.error("%s %s: %s", request.method, request.url.path, error)
        return JSONResponse({"detail": str(error), "errors": [{"source": None, "message": str(error)}]}, status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        """FastAPI's own list of problems, in the shape of every other error here: one `detail` sentence and
        one line per problem, each naming the field."""
        lines = []
        for problem in error.errors():
            loc = [str(part) for part in problem.get("loc", ())]
            json_error = problem.get("type") == "json_invalid"  # its loc is ("body", character offset)
            where = "body" if json_error else ".".join(loc[1:] if loc[:1] == ["body"] else loc) or "body"
            lines.append({"source": where, "message": f"{where}: {problem.get('msg', 'invalid')}"})
        return JSONResponse({"detail": "; ".join(line["message"] for line in lines), "errors": lines}, 422)

    # --- REST API -----------------------------------------------------------------------------------------------

    @app.post("/api/v1/analyze", tags=["api"], responses={200: {"model": Article}})
    def api_analyze(item: ArticleInput) -> Response:
        """Analyze one article (text, URL or HTML); the same JSON as `counterpoint analyze -f json`."""
        return _json(library.analyze(item).model_dump_json())

    @app.post("/api/v1/compare", tags=["api"], responses={200: {"model": Comparison}})
    def api_compare(request: CompareRequest) -> Response:
        """Compare two or more articles; the same JSON as `counterpoint compare -f json`, with its `id`. The
        same inputs again return the stored comparison."""
        return _json(library.compare(request.articles).model_dump_json())

    @app.get("/api/v1/articles", tags=["api"])
    def api_articles(
        q: Annotated[str | None, Query(description="Words of the title, outlet or entity names.")] = None,
        outlet: str | None = None,
        entity: Annotated[str | None, Query(description="An entity's canonical name, exactly.")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """The library's articles, newest first, searchable; `total` counts all that match, for paging."""
        rows = store.list_articles(q, outlet=outlet, entity=entity, limit=limit, offset=offset)
        return {
            "articles": [asdict(row) for row in rows],
            "total": store.count_articles(q, outlet=outlet, entity=entity),
        }

    @app.get("/api/v1/articles/{article_id}", tags=["api"], responses={200: {"model": Article}})
    def api_article(article_id: str) -> Response:
        article = store.get_article(article_id)
        if article is None:
            raise HTTPException(404, Errors.E086.format(kind="article", id=article_id))
        return _json(article.model_dump_json())

    @app.get("/api/v1/comparisons", tags=["api"])
    def api_comparisons(
        q: str | None = None, limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Annotated[int, Query(ge=0)] = 0
    ) -> dict[str, Any]:
        return {"comparisons": [asdict(row) for row in store.list_comparisons(q, limit=limit, offset=offset)]}

    @app.get("/api/v1/comparisons/{comparison_id}", tags=["api"], responses={200: {"model": Comparison}})
    def api_comparison(comparison_id: str) -> Response:
        """A stored comparison, exactly as it was computed (never recomputed)."""
        comparison = store.get_comparison(comparison_id)
        if comparison is None:
            raise HTTPException(404, Errors.E086.format(kind="comparison", id=comparison_id))
        return _json(comparison.model_dump_json())

    @app.post("/api/v1/ingest", tags=["api"], status_code=202)
    def api_ingest(request: IngestRequest) -> dict[str, Any]:
        """Start a background job over many articles (JSONL text, a feed URL, or a folder on the server); poll
        `GET /api/v1/jobs/{id}` for progress. Articles are grouped into stories and each story is compared."""
        kind, description, stream = library.sources_for(request)
        job_id = jobs.submit(kind, description, stream)
        return _job_json(store.get_job(job_id))  # type: ignore[arg-type]

    @app.get("/api/v1/jobs/{job_id}", tags=["api"])
    def api_job(job_id: str) -> dict[str, Any]:
        job = store.get_job(job_id)
        if job is None:
            raise HTTPException(404, Errors.E086.format(kind="job", id=job_id))
        return _job_json(job)

    @app.get("/api/v1/stories/{story_id}", tags=["api"])
    def api_story(story_id: str) -> dict[str, Any]:
        found = store.get_story(story_id)
        if found is None:
            raise HTTPException(404, Errors.E086.format(kind="story", id=story_id))
        row, story = found
        return {**asdict(row), "events": story.events}

    # --- pages --------------------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, n: int = 2) -> HTMLResponse:
        slots = max(2, min(n, _MAX_SLOTS))
        return page(request, "index.html", slots=[{} for _ in range(slots)], errors=[], max_slots=_MAX_SLOTS)

    @app.post("/compare", include_in_schema=False)
    async def compare_form(request: Request) -> Response:
        form = await request.form(max_files=_MAX_SLOTS, max_fields=200, max_part_size=max_bytes)
        slots, inputs, uploads = await _read_slots(form)
        try:
            comparison = await run_in_threadpool(library.compare, inputs, uploads)
        except InputErrors as error:
            return page(
                request, "index.html", 422, slots=slots, errors=[str(e) for e in error.errors], max_slots=_MAX_SLOTS
            )
        except CounterpointError as error:
            status = 422 if isinstance(error, InputError) else 500  # as for the API: not every error is the input's
            return page(request, "index.html", status, slots=slots, errors=[str(error)], max_slots=_MAX_SLOTS)
        return RedirectResponse(f"/comparisons/{comparison.id}", status_code=303)

    @app.get("/comparisons/{comparison_id}", response_class=HTMLResponse, include_in_schema=False)
    def comparison_page(request: Request, comparison_id: str) -> HTMLResponse:
        comparison = store.get_comparison(comparison_id)
        if comparison is None:
            return _not_found(request, "comparison", comparison_id)
        nav = _nav(env, comparison, local=app.state.local, story=None)
        return HTMLResponse(_report_page(comparison, nav))

    @app.get("/library", response_class=HTMLResponse, include_in_schema=False)
    def library_page(
        request: Request, q: str | None = None, outlet: str | None = None, entity: str | None = None
    ) -> HTMLResponse:
        articles = store.list_articles(q, outlet=outlet, entity=entity, limit=200)
        comparisons = store.list_comparisons(q, limit=100) if not (outlet or entity) else []
        return page(
            request,
            "library.html",
            articles=articles,
            comparisons=comparisons,
            q=q or "",
            outlet=outlet or "",
            entity=entity or "",
            total=store.count_articles(q, outlet=outlet, entity=entity),
            stories=store.list_stories(limit=100),
            title="Library",
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        article = store.get_article(article_id)
        if article is None:
            return _not_found(request, "article", article_id)
        return page(
            request, "article.html", article=article, marked=_marked_text(article), title=article.title or article.id
        )

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request) -> HTMLResponse:
        return page(
            request,
            "stories.html",
            jobs=store.list_jobs(),
            stories=store.list_stories(limit=100),
            errors=[],
            title="Stories",
        )

    @app.post("/stories", include_in_schema=False)
    async def stories_form(request: Request) -> Response:
        form = await request.form(max_files=1, max_fields=20, max_part_size=max_bytes)
        upload = await _upload(form.get("file"))
        ingest = IngestRequest(url=_field(form, "url"), folder=_field(form, "folder"))
        try:
            kind, description, stream = await run_in_threadpool(library.sources_for, ingest, upload)
        except (InputErrors, Refused) as error:
            return page(
                request,
                "stories.html",
                403 if isinstance(error, Refused) else 422,
                jobs=store.list_jobs(),
                stories=store.list_stories(limit=100),
                errors=[str(e) for e in error.errors] if isinstance(error, InputErrors) else [str(error)],
                title="Stories",
            )
        job_id = jobs.submit(kind, description, stream)
        return RedirectResponse(f"/jobs/{job_id}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: str) -> HTMLResponse:
        job = store.get_job(job_id)
        if job is None:
            return _not_found(request, "job", job_id)
        return page(request, "job.html", job=job, title=f"Job {job.id}")

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        found = store.get_story(story_id)
        if found is None:
            return _not_found(request, "story", story_id)
        row, _story = found
        comparison = store.get_comparison(row.comparison) if row.comparison else None
        articles = [a for a in (store.get_article(i) for i in row.articles) if a is not None]
        if comparison is not None:
            nav = _nav(env, comparison, local=app.state.local, story=row, articles=articles)
            return HTMLResponse(_report_page(comparison, nav))
        return page(request, "story.html", story=row, articles=articles, title=row.title or "Story")

    @app.get("/token", response_class=HTMLResponse, include_in_schema=False)
    def token_page(request: Request) -> HTMLResponse:
        return page(request, "token.html", error=None, title="Token")

    @app.post("/token", include_in_schema=False)
    async def token_form(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=5)
        given = str(form.get("token") or "")
        guard = RequestGuard(app, max_bytes=max_bytes, host=host, port=port, token=token)
        if token is None or not guard.token_ok({"authorization": f"Bearer {given}"}):
            return page(request, "token.html", 401, error=Errors.E084, title="Token")
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(TOKEN_COOKIE, given, httponly=True, samesite="strict")
        return response

    def _not_found(request: Request, kind: str, item_id: str) -> HTMLResponse:
        return page(request, "error.html", 404, message=Errors.E086.format(kind=kind, id=item_id), title="Not found")

    return app


def _docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the swagger-ui-bundle package when it is installed, so the docs work offline and
    the browser fetches nothing from a CDN; without it, FastAPI's default page (which loads Swagger UI from one)."""
    from fastapi.openapi.docs import get_swagger_ui_html

    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        swagger_ui_path = None
    assets: dict[str, str] = {}
    if swagger_ui_path is not None:
        from starlette.staticfiles import StaticFiles

        app.mount("/static/swagger", StaticFiles(directory=swagger_ui_path), name="swagger")
        assets = {
            "swagger_js_url": "/static/swagger/swagger-ui-bundle.js",
            "swagger_css_url": "/static/swagger/swagger-ui.css",
            "swagger_favicon_url": "/static/swagger/favicon-32x32.png",
        }

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="Counterpoint API", **assets)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(_TEMPLATES),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Only http(s) addresses become links: a stored URL is untrusted, and "javascript:..." would run on click.
    env.tests["web_url"] = lambda value: isinstance(value, str) and re.match(r"(?i)https?://", value) is not None
    return env


def _json(body: str) -> Response:
    return Response(body, media_type="application/json")


def _job_json(job: JobRow) -> dict[str, Any]:
    return asdict(job)


def _field(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) and value.strip() else None


async def _upload(value: object) -> Upload | None:
    if isinstance(value, UploadFile) and value.filename:
        data = await value.read()
        return Upload(Path(value.filename).name, data) if data or value.filename else None
    return None


async def _read_slots(form: Any) -> tuple[list[dict[str, str]], list[ArticleInput], dict[int, Upload]]:
    """The compare form's article slots: values to show again on error, inputs, and uploads by 1-based index.
    Slots left wholly empty are skipped, so two filled slots of five are a comparison of two."""
    indices = sorted({int(m.group(1)) for key in form for m in [re.fullmatch(r"\w+_(\d+)", key)] if m})
    slots: list[dict[str, str]] = []
    inputs: list[ArticleInput] = []
    uploads: dict[int, Upload] = {}
    for index in indices[:_MAX_SLOTS]:
        values = {name: str(form.get(f"{name}_{index}") or "") for name in _FORM_FIELDS}
        upload = await _upload(form.get(f"file_{index}"))
        slots.append(values)
        if not (values["text"].strip() or values["url"].strip() or upload):
            continue
        inputs.append(
            ArticleInput(
                text=values["text"] or None,
                url=values["url"] or None,
                outlet=values["outlet"] or None,
                published=values["published"] or None,
                title=values["title"] or None,
            )
        )
        if upload is not None:
            uploads[len(inputs)] = upload
    while len(slots) < 2:
        slots.append({})
    return slots, inputs, uploads


def _nav(env: Environment, comparison: Comparison, **context: Any) -> str:
    """The app's navigation above a comparison report, linking each article's page in the library."""
    ids = {article.id for article in comparison.articles}
    return env.get_template("report_nav.html").render(comparison=comparison, ids=ids, library_id=library_id, **context)


def _report_page(comparison: Comparison, nav: str) -> str:
    """The comparison's own HTML report (render/html.py), the same file `counterpoint compare -f html` writes,
    with the app's navigation put in at the top of its body. The report keeps its Content-Security-Policy; the
    navigation is rendered by an autoescaping template, and article text cannot forge a `<body` tag before it
    (the report escapes it)."""
    from ..render.html import render_comparison_html

    document = render_comparison_html(comparison)
    opening = re.search(r"<body\b[^>]*>", document, flags=re.I)
    if opening is None:
        return nav + document
    return document[: opening.end()] + nav + document[opening.end() :]


def _marked_text(article: Article) -> list[tuple[str, str | None]]:
    """The article text cut into (piece, certainty-or-None) so the page can highlight claims; the template
    escapes every piece."""
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for claim in sorted(article.claims, key=lambda c: (c.start, -c.end)):
        if claim.start < position:
            continue  # nested claims: the outer one is highlighted
        pieces.append((article.text[position : claim.start], None))
        pieces.append((article.text[claim.start : claim.end], claim.certainty))
        position = claim.end
    pieces.append((article.text[position:], None))
    return [piece for piece in pieces if piece[0]]
