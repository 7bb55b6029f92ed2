"""The web app in a real browser: Debian's Chromium, driven by Playwright, against uvicorn on a free local port.

Pastes the two example articles into the compare form, submits, and checks the comparison page: the relation
between the articles, highlighted spans in their texts, and that evidence links land on a highlighted span. A
screenshot is kept at `<pytest basetemp>/web_browser/comparison.png` (e.g. /tmp/pytest-of-$USER/pytest-current/...).
Skipped when /usr/bin/chromium is missing, except in CI (env CI set), where that is a failure.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from conftest import PRESS_TV, WORLD_ISRAEL_NEWS

from counterpoint.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _require_browser() -> None:
    missing = None
    if not CHROMIUM.exists():
        missing = f"{CHROMIUM} is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright Python package is not installed"
    if missing and os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {missing}")
    if missing:
        pytest.skip(missing)


class Server:
    """uvicorn serving one app in a thread, on a port the OS picks."""

    def __init__(self, app) -> None:
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc_info) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def test_paste_two_articles_and_read_the_comparison(browser, tmp_path_factory):
    db = tmp_path_factory.mktemp("web_browser_db") / "library.sqlite3"
    shots = tmp_path_factory.getbasetemp() / "web_browser"
    shots.mkdir(exist_ok=True)
    win = WORLD_ISRAEL_NEWS.read_text(encoding="utf-8")
    ptv = PRESS_TV.read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    with Server(create_app(db)) as base:
        page.goto(base + "/")
        page.fill("#text_1", win)
        page.fill("#text_2", ptv)
        page.fill("#published_2", "2018-07-11")
        page.click("#compare-submit")
        page.wait_for_url("**/comparisons/c*", timeout=120_000)
        address = page.url
        comparison = page.request.get(base + "/api/v1/comparisons/" + address.rsplit("/", 1)[1]).json()
        expected = comparison["pairs"][0]["relation"]
        relation = page.locator("#pairs h3").first.inner_text()
        assert expected in relation or expected.replace("_", " ") in relation, (expected, relation)
        marks = page.locator("#articles span.m[id]")
        assert marks.count() > 10
        for index in range(min(marks.count(), 25)):
            text = " ".join(marks.nth(index).inner_text().split())
            assert text and (text in " ".join(win.split()) or text in " ".join(ptv.split())), text
        link = page.locator("a.ev").first
        target = link.get_attribute("href")
        assert target and target.startswith("#")
        link.click()
        assert page.locator(f"[id='{target[1:]}']").count() == 1
        assert page.locator("#app-nav").count() == 1  # the app's navigation on top of the report
        page.screenshot(path=str(shots / "comparison.png"), full_page=True)
        print(f"screenshot: {shots / 'comparison.png'}")
    assert (shots / "comparison.png").stat().st_size > 10_000
    with Server(create_app(db)) as base:  # a restarted server still has the comparison, at the same path
        path = address.split("/", 3)[3]
        page.goto(f"{base}/{path}")
        assert page.locator("#pairs h3").first.inner_text() == relation
        page.goto(base + "/library?q=Netanyahu")
        assert page.get_by_text("Netanyahu sets off to Russia after Israel strikes Syrian army positions").count() >= 1
    page.close()
