"""The web app and REST API (counterpoint serve), driven in-process with FastAPI's TestClient: no network.

One library (a SQLite file under tmp) is shared by most tests so the two example articles are analyzed once.
"""

from __future__ import annotations

import json
import time

import httpx
import pytest
from conftest import PRESS_TV, WORLD_ISRAEL_NEWS
from fastapi.testclient import TestClient

import counterpoint
from counterpoint import _api
from counterpoint.ingest import url as url_module
from counterpoint.web import create_app

BASE = "http://127.0.0.1:8000"
WIN_TEXT = WORLD_ISRAEL_NEWS.read_text(encoding="utf-8")
PTV_TEXT = PRESS_TV.read_text(encoding="utf-8")
SCRIPT = "<script>alert('xss')</script>"
ONERROR = '<img src=x onerror="alert(1)">'


def opening(text: str, words: int) -> str:
    """The first lines of an article, at least `words` words: short articles keep the comparisons cheap."""
    lines, count = [], 0
    for line in text.splitlines():
        lines.append(line)
        count += len(line.split())
        if count >= words:
            break
    return "\n".join(lines)


WIN_SHORT = opening(WIN_TEXT, 90)
PTV_SHORT = opening(PTV_TEXT, 90)


def client_for(app) -> TestClient:
    return TestClient(app, base_url=BASE)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return tmp_path_factory.mktemp("web") / "library.sqlite3"


@pytest.fixture(scope="module")
def app(db):
    return create_app(db)


@pytest.fixture(scope="module")
def client(app):
    return client_for(app)


@pytest.fixture(scope="module")
def compared(client):
    """The two example articles compared through the API, as JSON."""
    response = client.post("/api/v1/compare", json={"articles": [{"text": WIN_TEXT}, {"text": PTV_TEXT}]})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture
def count_compares(monkeypatch):
    """How many times the comparison itself runs (the Python API's compare is what the app calls)."""
    calls = []
    real = _api.compare

    def counting(items, **kwargs):
        calls.append(len(list(items)) if not isinstance(items, list) else len(items))
        return real(items, **kwargs)

    monkeypatch.setattr(_api, "compare", counting)
    return calls


def test_compare_returns_the_same_json_as_the_python_api(compared):
    expected = counterpoint.compare([WIN_TEXT, PTV_TEXT])
    assert compared["id"] == expected.id
    assert compared == json.loads(expected.model_dump_json())
    relations = {pair["relation"] for pair in compared["pairs"]}
    assert relations <= {"same_event", "same_storyline", "unrelated"} and relations


def test_analyze_returns_the_article_json_and_stores_it_once(client, app):
    before = app.state.store.count_articles()
    first = client.post("/api/v1/analyze", json={"text": WIN_TEXT})
    assert first.status_code == 200, first.text
    article = first.json()
    assert article["outlet"] == "World Israel News"
    assert any(e["name"] == "Vladimir Putin" for e in article["entities"])
    for claim in article["claims"]:
        assert article["text"][claim["start"] : claim["end"]] == claim["text"]
    analyzed, reused = app.state.library.stats["analyzed"], app.state.library.stats["reused"]
    again = client.post("/api/v1/analyze", json={"text": WIN_TEXT})
    assert again.json() == article
    assert app.state.library.stats["analyzed"] == analyzed  # the stored analysis was reused
    assert app.state.library.stats["reused"] == reused + 1
    assert article["analyzer"].startswith("counterpoint ")
    stale = counterpoint.Article.model_validate({**article, "analyzer": "counterpoint 0.0.1; an older analysis"})
    app.state.store.put_article(stale)  # as a library kept from before an upgrade holds it
    refreshed = client.post("/api/v1/analyze", json={"text": WIN_TEXT})
    assert refreshed.json() == article  # analyzed again, not served stale
    assert app.state.library.stats["analyzed"] == analyzed + 1
    listed = client.get("/api/v1/articles", params={"limit": 500}).json()["articles"]
    assert [row["id"] for row in listed].count(article["id"]) == 1
    assert app.state.store.count_articles() <= before + 1
    fetched = client.get(f"/api/v1/articles/{article['id']}")
    assert fetched.json() == article


def test_reopening_and_resubmitting_a_comparison_does_not_recompute(client, compared, count_compares):
    again = client.post("/api/v1/compare", json={"articles": [{"text": WIN_TEXT}, {"text": PTV_TEXT}]})
    assert again.json() == compared
    assert client.get(f"/api/v1/comparisons/{compared['id']}").json() == compared
    page = client.get(f"/comparisons/{compared['id']}")
    assert page.status_code == 200 and compared["id"] in page.text
    assert count_compares == []
    short = {"articles": [{"text": WIN_SHORT}, {"text": PTV_SHORT, "published": "2018-07-11"}]}
    changed = client.post("/api/v1/compare", json=short)
    assert changed.status_code == 200 and changed.json()["id"] != compared["id"]
    assert client.post("/api/v1/compare", json=short).json() == changed.json()
    assert count_compares == [2]  # new inputs, new comparison: computed once


def test_a_comparison_made_by_another_analyzer_is_made_again(client, app, compared, count_compares):
    from counterpoint.model import Comparison

    stale = Comparison.model_validate(compared)
    for article in stale.articles:
        article.analyzer = "counterpoint 0.0.1; an older analysis"
    app.state.store.put_comparison(stale)  # as a library kept from before an upgrade holds it
    again = client.post("/api/v1/compare", json={"articles": [{"text": WIN_TEXT}, {"text": PTV_TEXT}]})
    assert count_compares == [2] and again.json() == compared
    assert client.post("/api/v1/compare", json={"articles": [{"text": WIN_TEXT}, {"text": PTV_TEXT}]}).json() == compared
    assert count_compares == [2]  # stored again, now by this analyzer: reused


def test_library_lists_and_searches_by_title_outlet_and_entity(client, compared):
    def ids(**params):
        return {row["id"] for row in client.get("/api/v1/articles", params={"limit": 500, **params}).json()["articles"]}

    win, ptv = (article["id"] for article in compared["articles"])
    assert {win, ptv} <= ids(q="putin")  # entity words, prefix and case-insensitive
    assert ptv in ids(q="strikes Syrian")  # title words
    assert ids(outlet="press tv") & {win, ptv} == {ptv}
    assert ids(q="World Israel") & {win, ptv} == {win}
    assert {win, ptv} <= ids(entity="Vladimir Putin")
    assert ids(q="zzzyqx") == set()
    assert ids(q='"unbalanced (quote*') == set()  # search syntax in user input does not break the query
    comparisons = client.get("/api/v1/comparisons", params={"q": "press"}).json()["comparisons"]
    assert compared["id"] in [c["id"] for c in comparisons]
    page = client.get("/library", params={"q": "netanyahu"})
    assert page.status_code == 200
    assert "Netanyahu sets off to Russia after Israel strikes Syrian army positions" in page.text
    assert f"/comparisons/{compared['id']}" in page.text


def test_compare_form_redirects_to_a_stable_comparison_page(client, compared):
    form = {"text_1": WIN_TEXT, "text_2": "", "outlet_2": "", "text_3": "", "outlet_3": "", "published_3": ""}
    files = {"file_2": ("press_tv.txt", PTV_TEXT.encode("utf-8"), "text/plain")}
    response = client.post("/compare", data=form, files=files, follow_redirects=False)
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert location.startswith("/comparisons/c")
    page = client.get(location)
    assert page.status_code == 200
    assert "World Israel News" in page.text and "Press TV" in page.text
    assert client.get(location).text == page.text


def test_bad_inputs_are_reported_one_line_each(client):
    response = client.post(
        "/api/v1/compare",
        json={"articles": [{"text": "   "}, {"text": WIN_TEXT, "url": "https://example.org/a"}, {"published": "soon"}]},
    )
    assert response.status_code == 422
    lines = [e["message"] for e in response.json()["errors"]]
    assert len(lines) == 3
    assert "article 2" in lines[1] and "text and url" in lines[1]
    many = client.post("/api/v1/compare", json={"articles": [{"text": f"Article {n}."} for n in range(21)]})
    assert many.status_code == 422 and "at most 20 articles" in many.json()["detail"]
    one = client.post("/api/v1/compare", json={"articles": [{"text": WIN_TEXT}]})
    assert one.status_code == 422 and "at least two" in one.json()["detail"]
    form = client.post("/compare", data={"text_1": WIN_TEXT, "text_2": ""})
    assert form.status_code == 422 and "at least two articles" in form.text
    assert WIN_TEXT[:40] in form.text  # what was pasted is kept in the form


def test_private_and_loopback_urls_are_refused(client):
    for url in ("http://127.0.0.1:8000/", "http://10.1.2.3/news", "http://[::1]/", "http://169.254.169.254/latest"):
        response = client.post("/api/v1/analyze", json={"url": url})
        assert response.status_code == 422, url
        assert "refused to fetch" in response.json()["detail"], response.text


def test_public_urls_are_fetched_through_the_ingest_layer(tmp_path, monkeypatch):
    monkeypatch.setattr(url_module, "resolve_host", lambda host: ["93.184.216.34"])
    page = f"<html><head><title>Talks</title></head><body><article><p>{PTV_TEXT}</p></article></body></html>"
    transport = httpx.MockTransport(lambda request: httpx.Response(200, html=page))
    client = client_for(create_app(tmp_path / "url.sqlite3", transport=transport))
    response = client.post("/api/v1/analyze", json={"url": "https://news.example/story", "outlet": "Example"})
    assert response.status_code == 200, response.text
    assert response.json()["url"] == "https://news.example/story"
    assert response.json()["outlet"] == "Example"


def test_html_is_read_as_a_page(client):
    paragraphs = "".join(f"<p>{line}</p>" for line in PTV_SHORT.splitlines() if line.strip())
    page = f"<html><head><title>Talks in Moscow</title></head><body><nav>Home | World</nav><article>{paragraphs}</article></body></html>"
    response = client.post("/api/v1/analyze", json={"html": page})
    assert response.status_code == 200, response.text
    article = response.json()
    assert article["source"] == "html" and "<p>" not in article["text"]
    assert "Netanyahu has traveled to Russia" in article["text"]


def test_request_size_limit_gives_413(tmp_path):
    client = client_for(create_app(tmp_path / "small.sqlite3", max_bytes=2_000))
    response = client.post("/api/v1/analyze", json={"text": WIN_TEXT})
    assert response.status_code == 413
    assert "2,000-byte limit" in response.json()["detail"]
    upload = client.post("/compare", files={"file_1": ("big.txt", b"word " * 1000, "text/plain")})
    assert upload.status_code == 413


def test_writes_need_the_token_when_bound_elsewhere(tmp_path):
    app = create_app(tmp_path / "shared.sqlite3", host="0.0.0.0", token="s3cret-token")
    client = TestClient(app, base_url="http://192.168.1.20:8000")
    body = {"articles": [{"text": "Too short."}]}
    assert client.post("/api/v1/compare", json=body).status_code == 401
    assert client.post("/api/v1/compare", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    allowed = client.post("/api/v1/compare", json=body, headers={"Authorization": "Bearer s3cret-token"})
    assert allowed.status_code == 422  # past the guard: refused for its content, not for the token
    assert client.get("/api/v1/articles").status_code == 200  # reading needs no token
    assert client.post("/compare", data={"text_1": "x"}).status_code == 401
    login = client.post("/token", data={"token": "s3cret-token"}, follow_redirects=False)
    assert login.status_code == 303
    assert client.post("/compare", data={"text_1": "x"}).status_code == 422  # the cookie carries the token
    read_only = TestClient(create_app(tmp_path / "open.sqlite3", host="0.0.0.0"), base_url="http://10.0.0.2")
    refused = read_only.post("/api/v1/compare", json=body)
    assert refused.status_code == 403 and "read-only" in refused.json()["detail"]


def test_foreign_hosts_and_cross_site_posts_are_refused(client):
    assert client.get("/library", headers={"Host": "attacker.example"}).status_code == 421
    cross = client.post("/compare", data={"text_1": "x"}, headers={"Origin": "https://attacker.example"})
    assert cross.status_code == 403
    same = client.post("/compare", data={"text_1": "x"}, headers={"Origin": BASE})
    assert same.status_code == 422


def test_script_and_onerror_payloads_are_escaped_in_every_page(client):
    hostile = f"{SCRIPT}\n{PTV_SHORT}\nThe minister said {ONERROR} was a lie."
    response = client.post(
        "/api/v1/compare",
        json={"articles": [{"text": WIN_SHORT}, {"text": hostile, "outlet": ONERROR, "title": SCRIPT}]},
    )
    assert response.status_code == 200, response.text
    comparison = response.json()
    hostile_id = comparison["articles"][1]["id"]
    pages = [
        f"/comparisons/{comparison['id']}",
        f"/articles/{hostile_id}",
        "/library",
        "/library?q=alert",
    ]
    for path in pages:
        html = client.get(path).text
        assert "<script>alert" not in html, path
        assert "<img src=x onerror" not in html, path
    article_response = client.get(f"/articles/{hostile_id}")
    article_page = article_response.text
    assert "&lt;script&gt;alert(" in article_page and "onerror=&#34;alert(1)&#34;" in article_page
    assert "script-src" not in article_response.headers["content-security-policy"]  # no script may run there
    assert client.get(f"/api/v1/articles/{hostile_id}").headers["x-content-type-options"] == "nosniff"
    form = client.post("/compare", data={"text_1": hostile, "outlet_1": ONERROR}).text
    assert "<script>alert" not in form and "<img src=x onerror" not in form


def test_ingest_job_runs_to_completion_with_progress(client, app, monkeypatch):
    records = [
        {"text": WIN_SHORT},
        {"title": "no text here"},
        {"text": PTV_SHORT, "published": "2018-07-11"},
    ]
    seen: list[int] = []
    update = app.state.store.update_job

    def recording(job_id, **values):
        if "done" in values:
            seen.append(values["done"])
        update(job_id, **values)

    monkeypatch.setattr(app.state.store, "update_job", recording)
    monkeypatch.setattr(app.state.library, "batch_size", 1)
    started = client.post("/api/v1/ingest", json={"records": "\n".join(json.dumps(r) for r in records)})
    assert started.status_code == 202, started.text
    job = started.json()
    deadline = time.monotonic() + 120
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.2)
        job = client.get(f"/api/v1/jobs/{job['id']}").json()
    assert job["status"] == "done", job
    assert (job["total"], job["done"], job["failed"]) == (2, 2, 1)
    assert seen == [0, 1, 2]  # progress reported per batch
    assert len(job["errors"]) == 1 and "line 2" in job["errors"][0]["message"]
    grouped = sorted(article for story in job["stories"] for article in story["articles"])
    assert len(grouped) == 2
    page = client.get(f"/jobs/{job['id']}").text
    assert "<progress" in page and "line 2" in page
    for story in job["stories"]:
        story_page = client.get(f"/stories/{story['id']}")
        assert story_page.status_code == 200
        if story["comparison"]:
            assert f"/comparisons/{story['comparison']}" in story_page.text


def test_ingest_needs_exactly_one_source_and_an_existing_folder(client, tmp_path):
    assert client.post("/api/v1/ingest", json={}).status_code == 422
    both = client.post("/api/v1/ingest", json={"records": "{}", "folder": str(tmp_path)})
    assert both.status_code == 422
    missing = client.post("/api/v1/ingest", json={"folder": str(tmp_path / "nope")})
    assert missing.status_code == 422 and "not a folder" in missing.json()["detail"]
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    empty = client.post("/stories", data={"folder": str(tmp_path)})
    assert empty.status_code == 422 and "no .txt, .html" in empty.text


def test_jsonl_upload_on_the_stories_page_becomes_a_job(client):
    lines = [json.dumps({"text": WIN_TEXT, "url": "javascript:alert(1)"}), "not json at all"]
    upload = {"file": ("batch.jsonl", "\n".join(lines).encode("utf-8"), "application/x-ndjson")}
    response = client.post("/stories", files=upload, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/jobs/j")
    job_id = response.headers["location"].rsplit("/", 1)[1]
    deadline = time.monotonic() + 120
    job = client.get(f"/api/v1/jobs/{job_id}").json()
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.2)
        job = client.get(f"/api/v1/jobs/{job_id}").json()
    assert job["status"] == "done", job
    assert (job["done"], job["failed"]) == (1, 1)
    assert "batch.jsonl line 2" in job["errors"][0]["message"]
    [story] = job["stories"]
    [article_id] = story["articles"]
    assert client.get(f"/api/v1/articles/{article_id}").json()["text"] == WIN_TEXT  # records are taken as given
    assert "One article only" in client.get(f"/stories/{story['id']}").text
    article_page = client.get(f"/articles/{article_id}").text
    assert "javascript:alert(1)" in article_page and 'href="javascript:' not in article_page  # shown, never linked


def test_restarting_keeps_the_library(db, compared, count_compares):
    restarted = client_for(create_app(db))
    assert restarted.get(f"/api/v1/comparisons/{compared['id']}").json() == compared
    ids = {row["id"] for row in restarted.get("/api/v1/articles", params={"limit": 500}).json()["articles"]}
    assert {article["id"] for article in compared["articles"]} <= ids
    assert restarted.get(f"/comparisons/{compared['id']}").status_code == 200
    assert count_compares == []


def test_unknown_ids_give_404(client):
    assert client.get("/api/v1/comparisons/cnope").status_code == 404
    assert client.get("/api/v1/articles/anope").status_code == 404
    assert client.get("/api/v1/jobs/jnope").status_code == 404
    assert client.get("/comparisons/cnope").status_code == 404


def test_openapi_documents_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/analyze", "/api/v1/compare", "/api/v1/articles", "/api/v1/articles/{article_id}",
                 "/api/v1/comparisons/{comparison_id}", "/api/v1/ingest", "/api/v1/jobs/{job_id}"):  # fmt: skip
        assert path in paths
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text
    try:
        import swagger_ui_bundle  # noqa: F401
    except ImportError:
        return
    assert "cdn." not in docs.text  # served from the installed bundle: works offline
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


def test_serve_reports_an_unusable_database_in_one_line(tmp_path):
    from click.testing import CliRunner

    from counterpoint.cli import cli

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve", "--db", str(blocker / "library.sqlite3")])
    assert result.exit_code == 1
    assert "cannot open the library database" in result.output and len(result.output.strip().splitlines()) == 1


def test_uploaded_feeds_and_records_are_read_item_by_item():
    from counterpoint.ingest import IngestOptions
    from counterpoint.web.service import Upload, read_many_upload

    items = "".join(
        f"<item><title>Item {n}</title><description>{text}</description></item>"
        for n, text in enumerate((WIN_SHORT.replace("&", "and"), "", PTV_SHORT.replace("&", "and")), start=1)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'
    results = list(read_many_upload(Upload("wire.xml", feed.encode("utf-8")), IngestOptions()))
    assert [type(r).__name__ for r in results] == ["Article", "InputError", "Article"]
    assert results[0].title == "Item 1" and "Sochi" in results[0].text
    assert "wire.xml:item 2" in str(results[1])
    [refused] = list(read_many_upload(Upload("table.csv", b"a,b\n1,2\n"), IngestOptions()))
    assert "table.csv" in str(refused) and ".jsonl" in str(refused)


def wait_for(client: TestClient, job: dict) -> dict:
    deadline = time.monotonic() + 120
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.2)
        job = client.get(f"/api/v1/jobs/{job['id']}").json()
    return job


def test_a_url_field_never_reads_a_file_or_stdin_of_the_server(client, tmp_path):
    secret = tmp_path / "private-notes.txt"
    secret.write_text(PTV_SHORT, encoding="utf-8")
    for given in (str(secret), "-"):
        response = client.post("/api/v1/analyze", json={"url": given})
        assert response.status_code == 422, (given, response.text[:200])
        assert "only http and https URLs" in response.json()["detail"]
        assert "Netanyahu" not in response.text
        form = client.post("/compare", data={"url_1": given, "text_2": WIN_SHORT})
        assert form.status_code == 422 and "only http and https URLs" in form.text
    ingest = client.post("/api/v1/ingest", json={"url": str(secret)})
    assert ingest.status_code == 422 and "only http and https URLs" in ingest.json()["detail"]
    page = client.post("/stories", data={"url": str(secret)})
    assert page.status_code == 422 and "only http and https URLs" in page.text


def test_folder_ingest_off_loopback_needs_a_folder_root_and_stays_inside_it(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(PTV_SHORT, encoding="utf-8")
    token = {"Authorization": "Bearer s3cret-token"}
    shared = TestClient(
        create_app(tmp_path / "a.sqlite3", host="0.0.0.0", token="s3cret-token"), base_url="http://10.0.0.2"
    )
    refused = shared.post("/api/v1/ingest", json={"folder": str(outside)}, headers=token)
    assert refused.status_code == 403 and "upload the files instead" in refused.json()["detail"]
    page = shared.post("/stories", data={"folder": str(outside)}, headers=token)
    assert page.status_code == 403 and "upload the files instead" in page.text
    root = tmp_path / "root"
    (root / "wire").mkdir(parents=True)
    (root / "wire" / "leak.txt").symlink_to(outside / "secret.txt")
    (root / "escape").symlink_to(outside)
    app = create_app(tmp_path / "b.sqlite3", host="0.0.0.0", token="s3cret-token", folder_root=root)
    rooted = TestClient(app, base_url="http://10.0.0.2")
    for folder in (str(outside), "../outside", "escape"):
        response = rooted.post("/api/v1/ingest", json={"folder": folder}, headers=token)
        assert response.status_code == 403 and "outside the folder" in response.json()["detail"], folder
    linked = rooted.post("/api/v1/ingest", json={"folder": "wire"}, headers=token)
    assert linked.status_code == 422 and "no .txt, .html" in linked.json()["detail"]  # the symlink is not followed out
    (root / "wire" / "win.txt").write_text(WIN_SHORT, encoding="utf-8")
    job = wait_for(rooted, rooted.post("/api/v1/ingest", json={"folder": "wire"}, headers=token).json())
    assert job["status"] == "done" and (job["total"], job["failed"]) == (1, 0), job
    assert job["description"] == str((root / "wire").resolve())


def test_record_ids_do_not_replace_other_articles_or_break_their_pages(client):
    first = {"id": "1", "text": WIN_SHORT, "outlet": "Wire A"}
    second = [{"id": "1", "text": PTV_SHORT, "outlet": "Wire B"}, {"id": "x/../y?z", "text": WIN_SHORT + " Later."}]
    jobs = []
    for records in ([first], second):
        started = client.post("/api/v1/ingest", json={"records": "\n".join(json.dumps(r) for r in records)})
        jobs.append(wait_for(client, started.json()))
    texts = {}
    for job in jobs:
        assert job["status"] == "done" and job["failed"] == 0, job
        for story in job["stories"]:
            for article_id in story["articles"]:
                response = client.get(f"/api/v1/articles/{article_id}")
                assert response.status_code == 200, article_id
                assert client.get(f"/articles/{article_id}").status_code == 200
                texts[article_id] = response.json()["text"]
    assert sorted(texts.values()) == sorted([WIN_SHORT, PTV_SHORT, WIN_SHORT + " Later."])


def test_a_token_with_cookie_unsafe_characters_works_after_the_token_form(tmp_path):
    token = "b64/tok+en== with space"
    client = TestClient(create_app(tmp_path / "c.sqlite3", host="0.0.0.0", token=token), base_url="http://10.0.0.3")
    assert client.post("/compare", data={"text_1": "x"}).status_code == 401
    assert client.post("/token", data={"token": token}, follow_redirects=False).status_code == 303
    assert client.post("/compare", data={"text_1": "x"}).status_code == 422  # past the guard, with the cookie


def test_an_article_the_analysis_fails_on_is_one_error_line_and_the_job_goes_on(client, monkeypatch):
    from counterpoint.web import service

    real = service.run_pipeline

    def flaky(articles, **kwargs):
        articles = list(articles)
        if any("KABOOM" in article.text for article in articles):
            raise RuntimeError("the parser fell over")
        return real(articles, **kwargs)

    monkeypatch.setattr(service, "run_pipeline", flaky)
    records = [{"text": WIN_SHORT}, {"text": PTV_SHORT + "\nKABOOM, said the minister."}]
    started = client.post("/api/v1/ingest", json={"records": "\n".join(json.dumps(r) for r in records)})
    job = wait_for(client, started.json())
    assert job["status"] == "done", job
    assert (job["total"], job["done"], job["failed"]) == (2, 1, 1)
    [error] = job["errors"]
    assert "records:line 2" in error["message"] and "the parser fell over" in error["message"]
    assert len(job["stories"]) == 1


def test_errors_are_one_clear_message_with_the_right_status(client, tmp_path):
    invalid = client.post("/api/v1/analyze", json={"txt": "a typo in the field name"})
    assert invalid.status_code == 422
    assert invalid.json()["detail"] == "txt: Extra inputs are not permitted"
    assert invalid.json()["errors"] == [{"source": "txt", "message": "txt: Extra inputs are not permitted"}]
    broken = client.post("/api/v1/compare", content=b'{"articles": [', headers={"content-type": "application/json"})
    assert broken.status_code == 422 and broken.json()["detail"] == "body: JSON decode error"
    bad_limit = client.get("/api/v1/articles", params={"limit": 0})
    assert bad_limit.status_code == 422 and bad_limit.json()["detail"].startswith("query.limit: ")
    no_model = client_for(create_app(tmp_path / "m.sqlite3", model="counterpoint_no_such_pipeline"))
    response = no_model.post("/api/v1/analyze", json={"text": WIN_SHORT})
    assert response.status_code == 500  # the server's setup, not the request, is at fault
    assert "'counterpoint_no_such_pipeline' is not installed" in response.json()["detail"]


def test_the_total_counts_the_articles_that_match_not_the_whole_library(client, compared):
    assert client.get("/api/v1/articles", params={"q": "zzzyqx"}).json() == {"articles": [], "total": 0}
    everything = client.get("/api/v1/articles", params={"limit": 1}).json()["total"]
    press = client.get("/api/v1/articles", params={"outlet": "press tv", "limit": 500}).json()
    assert 1 <= press["total"] == len(press["articles"]) < everything
    assert "(0 shown of 0)" in client.get("/library", params={"q": "zzzyqx"}).text


def test_the_same_article_twice_in_a_comparison_is_stored_once_and_linked_to_its_page(client):
    response = client.post("/api/v1/compare", json={"articles": [{"text": WIN_SHORT}, {"text": WIN_SHORT}]})
    assert response.status_code == 200, response.text
    first, second = (article["id"] for article in response.json()["articles"])
    assert second == f"{first}-2"  # renamed inside the comparison
    assert client.get(f"/api/v1/articles/{second}").status_code == 404  # not a second library entry
    page = client.get(f"/comparisons/{response.json()['id']}").text
    nav = page[page.index('<nav aria-label="Counterpoint"') : page.index("</nav>")]
    assert f'href="/articles/{first}"' in nav and f"/articles/{second}" not in nav


def test_a_text_over_the_pipeline_limit_is_an_input_error_not_a_server_fault(client) -> None:
    """The web path checks length as the CLI and API do (E022): 422 with one clear line, never a 500."""
    response = client.post("/api/v1/analyze", json={"text": "Word of news. " * 80_000})
    assert response.status_code == 422, response.text
    assert "over the pipeline's limit" in response.json()["detail"]
