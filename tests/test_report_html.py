"""The HTML comparison report: every link lands on a highlighted span over exactly its words, article text is
inert, and (in a real headless Chromium) evidence links work and nothing from an article runs."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import PRESS_TV, WORLD_ISRAEL_NEWS

import counterpoint
from counterpoint.errors import CounterpointError
from counterpoint.model import Comparison, Evidence
from counterpoint.render.html import Mark, render_comparison_html, segment_tokens

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

HOSTILE_TEXT = (
    "Russia warned Israel on Monday against new strikes in Syria, officials said. "
    "<script>window.__pwned = 1; alert(1)</script> "
    'According to the ministry, Netanyahu told Putin that <img src=x onerror="window.__pwned = 2; alert(2)"> '
    "the meeting in Moscow was important. The Israeli air force reportedly struck Syrian army positions near Damascus."
)
HOSTILE_OUTLET = "<script>window.__pwned = 3</script>Evil & Co"


class _Report(HTMLParser):
    """What a reader of the page can follow: ids, links, and for each mark the text under all its fragments."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.marks_wanted: set[str] = set()
        self.classes: dict[str, set[str]] = {}  # mark id -> classes
        self.mark_text: dict[str, str] = {}
        self.article_texts: list[str] = []
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self._stack: list[str | None] = []  # data-mark of each open span inside an article text
        self._in_text = False
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        self.tags.append(tag)
        if "id" in attr:
            self.ids.append(attr["id"])
        if tag == "a" and attr.get("href"):
            self.hrefs.append(attr["href"])
        if attr.get("data-marks"):
            self.marks_wanted.update(attr["data-marks"].split())
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag == "div" and attr.get("class") == "article-text":
            self._in_text = True
            self.article_texts.append("")
        elif self._in_text and tag == "span":
            mark = attr.get("data-mark")
            self._stack.append(mark)
            if mark:
                self.classes.setdefault(mark, set()).update((attr.get("class") or "").split())
                self.mark_text.setdefault(mark, "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if self._in_text and tag == "span":
            self._stack.pop()
        elif self._in_text and tag == "div":
            self._in_text = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        if self._in_text:
            self.article_texts[-1] += data
            for mark in self._stack:
                if mark:
                    self.mark_text[mark] += data


def _parse(html: str) -> _Report:
    parser = _Report()
    parser.feed(html)
    parser.close()
    return parser


#: A third report of our own, restating two of the World Israel News claims in other words, so the report has
#: shared claims to colour and link (the two examples, on two different occasions, share none).
RESTATEMENT = (
    "Russian President Vladimir Putin told Israeli Prime Minister Benjamin Netanyahu that Moscow would not allow "
    "Israel to harm the forces or the weapons of Syrian President Bashar Assad, a Russian source said.\n"
    "Russia blocked several important Israeli air strikes in Syria, the source said."
)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    third = counterpoint.analyze(RESTATEMENT, outlet="Test Wire")
    return counterpoint.compare([WORLD_ISRAEL_NEWS, PRESS_TV, third])


@pytest.fixture(scope="module")
def report(comparison: Comparison) -> str:
    return render_comparison_html(comparison)


@pytest.fixture(scope="module")
def hostile_report() -> str:
    hostile = counterpoint.analyze(HOSTILE_TEXT, outlet=HOSTILE_OUTLET, title="<img src=x onerror=alert(3)>")
    return render_comparison_html(counterpoint.compare([hostile, PRESS_TV]))


# --- without a browser ---------------------------------------------------------------------------------------


def test_every_link_and_finding_points_at_a_span_that_exists(report: str) -> None:
    page = _parse(report)
    assert len(page.ids) == len(set(page.ids)), "ids must be unique"
    targets = [href[1:] for href in page.hrefs]
    assert targets and all(href.startswith("#") for href in page.hrefs), "links stay inside the page"
    assert set(targets) <= set(page.ids)
    assert page.marks_wanted and page.marks_wanted <= set(page.mark_text)


def test_article_text_is_shown_whole_and_each_mark_covers_exactly_its_words(
    report: str, comparison: Comparison
) -> None:
    page = _parse(report)
    assert page.article_texts == [article.text for article in comparison.articles]
    for number, article in enumerate(comparison.articles, start=1):
        for index, claim in enumerate(article.claims):
            assert page.mark_text[f"a{number}-c{index}"] == claim.text
        for index, attribution in enumerate(article.attributions):
            assert page.mark_text[f"a{number}-a{index}-cue"] == attribution.cue.text
            if attribution.source is not None:
                assert page.mark_text[f"a{number}-a{index}-src"] == attribution.source.text


def test_claims_are_coloured_by_alignment_status(report: str, comparison: Comparison) -> None:
    page = _parse(report)
    prefix = {article.id: f"a{n}" for n, article in enumerate(comparison.articles, start=1)}
    alignment = comparison.claims
    assert alignment.shared, "the examples share claims"
    for group in alignment.shared:
        for ref in group.members:
            assert "st-shared" in page.classes[f"{prefix[ref.article]}-c{ref.claim}"]
    for conflict in alignment.conflicts:
        for ref in (conflict.a, conflict.b):
            assert "st-conflict" in page.classes[f"{prefix[ref.article]}-c{ref.claim}"]
    for article_id, refs in alignment.unique.items():
        for ref in refs:
            assert "st-unique" in page.classes[f"{prefix[article_id]}-c{ref.claim}"]


def test_the_labels_each_article_gives_an_actor_are_highlighted(report: str, comparison: Comparison) -> None:
    page = _parse(report)
    prefix = {article.id: f"a{n}" for n, article in enumerate(comparison.articles, start=1)}
    wanted = {
        (prefix[article_id], label.text)
        for contrast in comparison.naming
        for article_id, labels in contrast.labels.items()
        for label in labels
    }
    shown = {
        (mark.split("-")[0], page.mark_text[mark]) for mark, classes in page.classes.items() if "m-label" in classes
    }
    assert wanted and wanted <= shown


def test_each_finding_links_to_its_evidence_in_every_article_concerned(report: str, comparison: Comparison) -> None:
    section = report.split('id="shared"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r"<tr data-marks=\"([^\"]*)\">", section)
    assert len(rows) == len(comparison.claims.shared)
    for row, group in zip(rows, comparison.claims.shared, strict=True):
        assert {mark.split("-")[0] for mark in row.split()} == {
            f"a{[a.id for a in comparison.articles].index(ref.article) + 1}" for ref in group.members
        }
    summary = report.split('id="summary"', 1)[1].split("</section>", 1)[0]
    assert summary.count("<li data-marks=") == len(comparison.summary)


def test_persuasive_passages_are_listed_with_their_chance_and_link_to_their_words(
    report: str, comparison: Comparison
) -> None:
    page = _parse(report)
    marked = set(page.mark_text.values())
    passages = [p for article in comparison.articles for p in article.persuasive_passages]
    assert passages and "<h4>Persuasive passages</h4>" in report and "annotators had marked" in report
    for passage in passages:
        assert f'<span class="tag">chance {passage.confidence:.2f}</span>' in report
        assert passage.text in marked
    listed = report[report.index('<ul class="passages">') :]
    cue_links = re.findall(r'<a class="ev" href="#([^"]+)">([^<“]+)</a>', listed[: listed.index("</ul>")])
    assert cue_links and all(page.mark_text[mark] == words for mark, words in cue_links)


def test_overlapping_spans_nest_and_a_crossing_span_is_split() -> None:
    text = "Russia warned Israel"
    outer = Mark(0, 13, "a1-c0", "claim")
    crossing = Mark(7, 20, "a1-a0-said", "said")
    inner = Mark(0, 6, "a1-a0-src", "source")
    tokens = segment_tokens(text, [crossing, outer, inner])
    depth, firsts, rebuilt = 0, [], ""
    for kind, value, first in tokens:
        if kind == "open":
            depth += 1
            firsts.append((value.id, first))
        elif kind == "close":
            depth -= 1
            assert depth >= 0
        else:
            rebuilt += value
    assert depth == 0 and rebuilt == text
    assert [mark for mark, first in firsts if first] == ["a1-c0", "a1-a0-src", "a1-a0-said"]
    assert firsts.count(("a1-a0-said", False)) == 1, "the crossing span continues in a second fragment"


def test_article_text_and_metadata_appear_only_escaped(hostile_report: str) -> None:
    page = _parse(hostile_report)
    assert page.tags.count("script") == 1 and "img" not in page.tags
    assert "&lt;script&gt;window.__pwned = 1" in hostile_report
    assert "&lt;img src=x onerror=" in hostile_report
    assert "&lt;script&gt;window.__pwned = 3&lt;/script&gt;Evil &amp; Co" in hostile_report
    assert "__pwned" not in page.scripts[0]
    assert any("<script>window.__pwned = 1" in text for text in page.article_texts), "shown as text, not dropped"


def test_the_page_is_self_contained_and_its_policy_admits_only_its_own_script(report: str) -> None:
    page = _parse(report)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//|javascript:|data:)""", report, re.I)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', report).group(1)
    policy = policy.replace("&#39;", "'")
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy and "default-src 'none'" in policy


def test_a_span_that_does_not_match_the_text_is_refused(comparison: Comparison) -> None:
    article = comparison.articles[0]
    wrong = Evidence(start=0, end=5, text="xxxxx", article=article.id)
    summary = comparison.summary[0].model_copy(update={"evidence": [wrong]})
    corrupt = comparison.model_copy(update={"summary": [summary]})
    with pytest.raises(CounterpointError, match="does not match the article text"):
        render_comparison_html(corrupt)


# --- in a real headless Chromium -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must run the browser tests (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium to run the browser tests (see DEVELOPERS.md)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots land in <pytest basetemp>/report_html0/ (kept after the run for a look)."""
    return tmp_path_factory.mktemp("report_html")


def _open(browser, html: str, path: Path, width: int = 1400):  # noqa: ANN001, ANN202
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.resolve().as_uri())
    return page, dialogs


def test_report_in_chromium_highlights_spans_and_evidence_links_reach_them(
    browser,
    report: str,
    comparison: Comparison,
    artifacts: Path,  # noqa: ANN001
) -> None:
    page, dialogs = _open(browser, report, artifacts / "report.html")
    assert page.evaluate("document.documentElement.dataset.js") == "on", "the report's own script runs"
    assert page.locator(".article-text .m-claim.st-shared").count() >= len(comparison.claims.shared)
    assert page.locator(".article-text .m-source").count() > 0 and page.locator(".article-text .m-label").count() > 0
    links = page.locator("a.ev")
    assert links.count() > 0
    missing = page.evaluate(
        "[...document.querySelectorAll('a.ev')].map(a => a.getAttribute('href').slice(1))"
        ".filter(id => !document.getElementById(id))"
    )
    assert missing == []
    page.screenshot(path=str(artifacts / "report.png"), full_page=True)

    link = page.locator("#conflicts a.ev, #shared a.ev").last
    target = link.get_attribute("href")[1:]
    link.click()
    assert page.evaluate("location.hash") == f"#{target}"
    span = page.locator(f"[id='{target}']")
    assert span.evaluate("el => el.matches(':target') && el.classList.contains('hl')")
    box = span.bounding_box()
    assert box is not None and box["y"] + box["height"] > 0 and box["y"] < 900, "the span was scrolled into view"
    assert page.locator(f"[data-mark='{target}'].hl").count() == page.locator(f"[data-mark='{target}']").count()
    assert dialogs == []
    page.close()


def test_evidence_links_mark_their_span_without_javascript(browser, report: str, artifacts: Path) -> None:  # noqa: ANN001
    path = artifacts / "nojs.html"
    path.write_text(report, encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(path.resolve().as_uri())
    link = page.locator("#conflicts a.ev, #summary a.ev").first
    target = link.get_attribute("href")[1:]
    link.click()
    span = page.locator(f"[id='{target}']")
    marked, scripted = span.evaluate("el => [el.matches(':target'), document.documentElement.dataset.js || null]")
    assert marked and scripted is None
    assert span.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 212, 0)", "the focus colour"
    context.close()


def test_columns_stack_on_a_narrow_screen(browser, report: str, artifacts: Path) -> None:  # noqa: ANN001
    page, _ = _open(browser, report, artifacts / "narrow.html", width=600)
    first, second = (page.locator("#articles article.column").nth(n).bounding_box() for n in (0, 1))
    assert first["x"] == second["x"] and second["y"] >= first["y"] + first["height"]
    page.close()


def test_an_article_with_script_runs_nothing(browser, hostile_report: str, artifacts: Path) -> None:  # noqa: ANN001
    page, dialogs = _open(browser, hostile_report, artifacts / "hostile.html")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.dataset.js") == "on", "scripts are enabled, ours ran"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert "<script>window.__pwned = 1" in page.locator("#articles").inner_text()
    page.screenshot(path=str(artifacts / "hostile.png"), full_page=True)
    page.close()


def test_the_policy_stops_markup_that_escaped_escaping(browser, report: str, artifacts: Path) -> None:  # noqa: ANN001
    """Defence in depth: even raw markup spliced into the page (as an escaping bug would) cannot run."""
    injected = '<script>window.__pwned = "script"; alert(1)</script><img src=x onerror="window.__pwned = \'img\'">'
    page, dialogs = _open(browser, report.replace("<body>", "<body>" + injected, 1), artifacts / "injected.html")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.dataset.js") == "on"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    page.close()


def test_an_undated_article_shows_the_date_it_cites_not_a_guessed_range() -> None:
    """The guess from the text's own dates is weak (eval/dating.py): the header quotes the date the text cites."""
    undated = counterpoint.analyze(
        "Protesters marched in Lima yesterday, police said.\nPeru last saw protests this large in November 2020."
    )
    assert undated.published is None and undated.estimated_date is not None
    html = render_comparison_html(counterpoint.compare([undated, PRESS_TV]))
    assert "the latest date the text cites is “November 2020”" in html
    assert "2020-11-01" not in html.split("<body", 1)[1].split("article-text", 1)[0]


def test_a_quotation_carried_on_is_highlighted_as_said_and_shown_in_text() -> None:
    first = '"We will hold the line," Mayor Anna Reyes said on Monday. "The river will not take this town."'
    second = "Mayor Anna Reyes said on Monday that the town would be evacuated before the river rose."
    comparison = counterpoint.compare([first, second])
    page = render_comparison_html(comparison)
    assert re.search(r'id="[^"]*-a0-said-on"', page), "the continuation has no mark"
    from counterpoint.render.text import render_text

    text = render_text([comparison.articles[0]], color=False, width=400)
    assert '"We will hold the line," … "The river will not take this town."' in text
