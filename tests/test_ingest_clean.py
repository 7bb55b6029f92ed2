"""Cleaning rules, each on hand-written lines, and the two seed articles end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counterpoint.ingest import IngestOptions, read_sources, read_text
from counterpoint.ingest.clean import (
    clean_text,
    copyright_owner,
    is_caption,
    is_copyright,
    is_credit,
    is_mirror_notice,
    is_navigation,
    is_promo,
    is_share_prompt,
    is_url,
    looks_like_headline,
    parse_byline,
    parse_date_line,
    split_lines,
)
from counterpoint.model import Article

EXAMPLES = Path(__file__).parents[1] / "examples"
SEEDS = Path(__file__).parents[2] / "shared" / "seeds"


def seed(example_name: str, seed_name: str) -> Path:
    path = EXAMPLES / example_name
    if not path.exists():
        path = SEEDS / seed_name
    if not path.exists():
        pytest.skip(f"seed article {example_name} not found")
    return path


def only_article(source: str | Path, options: IngestOptions | None = None) -> Article:
    results = list(read_sources([str(source)], options))
    assert len(results) == 1
    assert isinstance(results[0], Article), results[0]
    return results[0]


def assert_offsets(raw: str, article_or_removed) -> None:
    removed = article_or_removed.removed if isinstance(article_or_removed, Article) else article_or_removed
    for line in removed:
        assert raw[line.start : line.end] == line.text
        assert raw.count("\n", 0, line.start) + 1 == line.line


# ------------------------------------------------------------------ one rule at a time


@pytest.mark.parametrize(
    "line",
    ["News \u00a0 / \u00a0 Syria", "Home > World > Middle East", "Sport » Football » Premier League",
     "Business | Markets | Asia", "Skip to main content", "Menu"],
)  # fmt: skip
def test_navigation_lines(line: str) -> None:
    assert is_navigation(line)


@pytest.mark.parametrize(
    "line",
    ["Officials said the talks in Geneva / Vienna would resume.", "Israel / Palestine: what the vote means for peace talks",
     "The ratio was 3 / 4 of the vote.", "World"],
)  # fmt: skip
def test_not_navigation(line: str) -> None:
    assert not is_navigation(line)


@pytest.mark.parametrize(
    "line",
    ["SHARE THIS ARTICLE", "Share on Facebook", "Share this story", "Click to share on Twitter (Opens in new window)",
     "Follow us on Twitter", "Like us on Facebook", "Tweet", "Facebook Twitter WhatsApp Email",
     "Subscribe to our daily newsletter", "Print this article"],
)  # fmt: skip
def test_share_prompts(line: str) -> None:
    assert is_share_prompt(line)


@pytest.mark.parametrize(
    "line",
    ["Shares in the company fell by 4 percent on Monday.", "He did not share the minister's view.",
     "Twitter said it had suspended the accounts."],
)  # fmt: skip
def test_not_share_prompts(line: str) -> None:
    assert not is_share_prompt(line)


def test_mirror_notice() -> None:
    assert is_mirror_notice("Harbor Radio's website can also be accessed at the following alternate addresses:")
    assert is_mirror_notice("This site may also be reached via the following mirror domains:")
    assert not is_mirror_notice("The ministry's website was down for most of Tuesday.")


@pytest.mark.parametrize(
    "line",
    ["Protesters gather outside the parliament building in the capital on March 3. (Photo by Reuters)",
     "Firefighters work at the scene of the blaze on Sunday. (Photo: AFP)",
     "A view of the port at dusk. (File photo)",
     "Delegates arrive for the summit in the old town hall. Image: Getty Images",
     "File photo: the minister speaks to reporters in 2019.",
     "The new bridge under construction (AFP photo)"],
)  # fmt: skip
def test_captions(line: str) -> None:
    assert is_caption(line)


def test_not_caption() -> None:
    assert not is_caption("The minister (pictured) said the plan would cost 2 billion dollars.")
    assert not is_caption("He said the photographs had been taken in May.")


@pytest.mark.parametrize(
    "line",
    ["Photo by Lena Marsh", "Photo credit: Getty Images", "Credit: John Smith/AP", "Image: Reuters",
     "Editing by Paul Grant", "(Reporting by Ana Ruiz; Editing by Tom Hale)", "Courtesy of the city archive"],
)  # fmt: skip
def test_credits(line: str) -> None:
    assert is_credit(line)


def test_not_credit() -> None:
    assert not is_credit("Photographers were kept away from the site.")
    assert not is_credit("Imagine a city without cars, the mayor said.")
    assert not is_credit("Photos by amateur photographers flooded social media on Monday.")
    assert not is_credit("Courtesy calls were made to the families of the victims.")


@pytest.mark.parametrize(
    "line",
    ["Advertisement", "READ MORE: Council approves new ferry route", "Related Articles", "Also read: Dam report"],
)
def test_promo_lines(line: str) -> None:
    assert is_promo(line)


@pytest.mark.parametrize("line", ["Related talks will follow next week.", "Read the full report here, he said."])
def test_not_promo_lines(line: str) -> None:
    assert not is_promo(line)


@pytest.mark.parametrize(
    "line", ["www.example.co.uk", "https://news.example.org/world/2020/05/story-1", "example.com",
             "www.example.com, www.example.net", "<http://example.org/a?b=c>"]
)  # fmt: skip
def test_url_lines(line: str) -> None:
    assert is_url(line)


@pytest.mark.parametrize("line", ["Visit www.example.com for details.", "U.S.", "Mr. Smith", "3.5"])
def test_not_url_lines(line: str) -> None:
    assert not is_url(line)


def test_copyright_footer() -> None:
    assert is_copyright("© 2020 Harbor Radio. All rights reserved.")
    assert is_copyright("Copyright 2019 Example Wire")
    assert is_copyright("All rights reserved.")
    assert not is_copyright("The copyright dispute went to court in 2015, and the judge ruled for the author.")
    assert copyright_owner("© 2020 Harbor Radio. All rights reserved.") == "Harbor Radio"
    assert copyright_owner("Copyright © 2011-2019 The Example Times, Inc.") == "The Example Times"
    assert copyright_owner("All rights reserved.") is None


@pytest.mark.parametrize(
    ("line", "name", "date"),
    [("By Jane Doe", "Jane Doe", None), ("By Jane Doe, Reuters", "Jane Doe, Reuters", None),
     ("BY JOHN Q. PUBLIC", "JOHN Q. PUBLIC", None), ("By Harbor Radio Staff", "Harbor Radio Staff", None),
     ("By Ali Karimi and Sara de la Cruz", "Ali Karimi and Sara de la Cruz", None),
     ("By Jane Doe | July 11, 2018", "Jane Doe", dt.date(2018, 7, 11)),
     ("Written by Piet van der Berg", "Piet van der Berg", None)],
)  # fmt: skip
def test_bylines(line: str, name: str, date: dt.date | None) -> None:
    assert parse_byline(line) == (name, date)


@pytest.mark.parametrize(
    "line", ["By Thursday, the troops had left the town.", "By the end of the year", "By contrast, exports rose."]
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_staff_byline_names_the_outlet() -> None:
    result = clean_text("A headline about the harbor\nBy Harbor Radio Staff\nThe harbor reopened on Monday.\n")
    assert result.byline == "Harbor Radio Staff"
    assert result.outlet == "Harbor Radio"
    result = clean_text("A headline about the harbor\nBy Jane Doe\nThe harbor reopened on Monday.\n")
    assert result.byline == "Jane Doe"
    assert result.outlet is None


@pytest.mark.parametrize(
    ("line", "date"),
    [("Published: July 11, 2018", dt.date(2018, 7, 11)), ("Wednesday, July 11, 2018 10:45 AM", dt.date(2018, 7, 11)),
     ("Updated on 2020-02-03", dt.date(2020, 2, 3)), ("11 Jul 2018 | 08:00 GMT", dt.date(2018, 7, 11)),
     ("Posted: March 2019", None)],
)  # fmt: skip
def test_date_lines(line: str, date: dt.date | None) -> None:
    assert parse_date_line(line) == (True, date)


@pytest.mark.parametrize("line", ["July 11, 2018 was a hot day.", "2015", "In May 2018, talks resumed.", "Published"])
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line)[0] is False


def test_headline_shape() -> None:
    assert looks_like_headline("Harbor council approves new ferry route")
    assert looks_like_headline("Will the ferry ever run?")
    assert not looks_like_headline("The council approved the route on Tuesday.")
    assert not looks_like_headline("Word")


# ------------------------------------------------------------------ the whole pass

RAW = """Home > Local > Transport
Harbor council approves new ferry route

By Harbor Radio Staff
Published: March 4, 2021

The harbor council voted on Tuesday to approve a ferry route to Westmere.
Crowds wait at the old pier on Tuesday evening. (Photo by Lena Marsh)
Council chair Ines Falk said the service would start in June.

Share on Facebook
www.harbor-radio.example
Harbor Radio News App
"""


def test_clean_pass_on_hand_written_page() -> None:
    result = clean_text(RAW)
    assert result.text == (
        "Harbor council approves new ferry route\n"
        "The harbor council voted on Tuesday to approve a ferry route to Westmere.\n"
        "Council chair Ines Falk said the service would start in June."
    )
    assert [(r.line, r.rule) for r in result.removed] == [
        (1, "navigation"), (4, "byline"), (5, "date"), (8, "caption"), (11, "share_prompt"), (12, "url"),
        (13, "footer"),
    ]  # fmt: skip
    assert result.title == "Harbor council approves new ferry route"
    assert result.outlet == "Harbor Radio"
    assert result.published == dt.date(2021, 3, 4)
    assert result.dateline == "Published: March 4, 2021"
    assert_offsets(RAW, result.removed)


def test_trailing_footer_only_after_the_body() -> None:
    raw = "Short label\nThe council met on Tuesday and approved the plan.\nIt will cost 2 million.\nApp Store\nRSS\n"
    result = clean_text(raw)
    assert [r.text for r in result.removed if r.rule == "footer"] == ["App Store", "RSS"]
    assert result.text.startswith("Short label\n")  # a short line before the body is not a footer


def test_crlf_offsets_and_line_numbers() -> None:
    raw = "Ferry route approved\r\n\r\nSHARE THIS ARTICLE\r\nThe council voted on Tuesday.\r\n"
    result = clean_text(raw)
    assert result.text == "Ferry route approved\nThe council voted on Tuesday."
    assert [(r.line, r.text) for r in result.removed] == [(3, "SHARE THIS ARTICLE")]
    assert_offsets(raw, result.removed)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    raw = (
        "Council approves the ferry route\n\n"
        "The harbor council voted on Tuesday to approve a ferry route linking the\n"
        "old pier with the island of Westmere, ending a dispute that had dragged on\n"
        "for almost three years. Council chair Ines Falk said the service would\n"
        "start in June.\n\n"
        "Opponents said they would appeal to the regional planning board before\n"
        "the summer, and asked the council to publish the full cost estimates.\n"
    )
    paragraphs = clean_text(raw).text.split("\n")
    assert paragraphs == [
        "Council approves the ferry route",
        "The harbor council voted on Tuesday to approve a ferry route linking the old pier with the island of "
        "Westmere, ending a dispute that had dragged on for almost three years. Council chair Ines Falk said the "
        "service would start in June.",
        "Opponents said they would appeal to the regional planning board before the summer, and asked the council "
        "to publish the full cost estimates.",
    ]


def test_lowercase_continuation_joined_but_whole_paragraphs_kept() -> None:
    raw = "The minister said the talks, which began in\nMay, would go on. He left.\nLater he returned.\n"
    assert clean_text(raw).text == raw.rstrip("\n")  # next line starts uppercase: cannot tell, kept apart
    raw = "The minister said the talks, which began\nin May, would go on.\nLater he returned.\n"
    assert clean_text(raw).text == "The minister said the talks, which began in May, would go on.\nLater he returned."


def test_split_lines_only_on_line_breaks() -> None:
    lines = split_lines("a\u2028b\r\nc\rd")
    assert [line.text for line in lines] == ["a\u2028b", "c", "d"]


# ------------------------------------------------------------------ the seeds


def test_seed_world_israel_news() -> None:
    path = seed("world_israel_news_2019.txt", "000_bda30f4987e89b21.txt")
    raw = path.read_text(encoding="utf-8")
    article = only_article(path)
    assert article.outlet == "World Israel News"
    assert article.byline == "World Israel News Staff"
    assert "By World Israel News Staff" not in article.text
    assert [(r.rule, r.text) for r in article.removed] == [("byline", "By World Israel News Staff")]
    assert article.title is None  # the first line is a sentence-long standfirst, not a headline
    assert article.text.startswith("On the heels of Thursday’s meeting between Netanyahu and Putin")
    assert article.text.endswith("to attack [Israel].”")
    assert len(article.text.split("\n")) == 14
    assert article.language == "en"
    assert article.id.startswith("a") and len(article.id) == 16
    assert_offsets(raw, article)


def test_seed_press_tv() -> None:
    path = seed("press_tv_2018.txt", "002_a2d4a3dabc279455.txt")
    raw = path.read_text(encoding="utf-8")
    article = only_article(path)
    assert article.outlet == "Press TV"
    assert article.title == "Netanyahu sets off to Russia after Israel strikes Syrian army positions"
    rules = {r.rule: r.text for r in article.removed}
    assert rules["navigation"] == "News \u00a0 / \u00a0 Syria"
    assert rules["caption"].endswith("(Photo by AFP)")
    assert rules["mirror_notice"].endswith("can also be accessed at the following alternate addresses:")
    assert rules["url"] == "www.presstv.co.uk"
    assert rules["share_prompt"] == "SHARE THIS ARTICLE"
    assert rules["footer"] == "Press TV News Roku"
    assert len(article.removed) == 6
    paragraphs = article.text.split("\n")
    assert paragraphs[0] == article.title
    assert paragraphs[1].startswith("Israel’s Prime Minister Benjamin Netanyahu has traveled to Russia")
    assert paragraphs[-1].startswith("Ya'alon said the Israeli air force was prepared")
    assert len(paragraphs) == 11
    for paragraph in paragraphs:  # body paragraphs intact: each is a whole line of the input
        assert paragraph in raw.split("\n")
    assert_offsets(raw, article)


def test_seed_keep_text_is_identical() -> None:
    path = seed("press_tv_2018.txt", "002_a2d4a3dabc279455.txt")
    raw = path.read_text(encoding="utf-8")
    article = only_article(path, IngestOptions(keep_text=True))
    assert article.text == raw
    assert article.removed == []
    assert article.outlet == "Press TV"  # metadata still detected


def test_ids_are_deterministic_and_follow_the_text() -> None:
    one = read_text("The council voted on Tuesday to approve the ferry route.")
    two = read_text("The council voted on Tuesday to approve the ferry route.")
    other = read_text("The council voted on Wednesday to approve the ferry route.")
    assert one.id == two.id != other.id
