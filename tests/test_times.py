"""Time expressions: each shape on hand-written sentences with a fixed publication date, the two example
articles, and the unknown-publication-date estimate."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import PRESS_TV, WORLD_ISRAEL_NEWS

import counterpoint
from counterpoint.analysis.times import estimate_date_range, find_times

FRI = dt.date(2019, 9, 13)  # a Friday
D = dt.date


def check_spans(doc, times):
    """Every span indexes the text; sorted; no overlaps."""
    for t in times:
        assert doc.text[t.start : t.end] == t.text
    for a, b in zip(times, times[1:], strict=False):
        assert a.end <= b.start, (a.text, b.text)


def run(nlp, text, published=FRI):
    doc = nlp(text)
    times, estimate = find_times(doc, published)
    check_spans(doc, times)
    return times, estimate


def find(nlp, text, published=FRI):
    return {t.text: t for t in run(nlp, text, published)[0]}


def one(nlp, text, published=FRI):
    times = run(nlp, text, published)[0]
    assert len(times) == 1, [t.text for t in times]
    return times[0]


# ---------------------------------------------------------------------------------------------- absolute dates
@pytest.mark.parametrize(
    ("sentence", "span", "value", "granularity", "earliest", "latest"),
    [
        ("The deal was signed on May 9, 2018, in Moscow.", "May 9, 2018", "2018-05-09", "day", D(2018, 5, 9), None),
        ("It was renewed on 12 March 2019 by the council.", "12 March 2019", "2019-03-12", "day", None, None),
        ("Officials met on 2019-08-30 in Geneva.", "2019-08-30", "2019-08-30", "day", None, None),
        ("Officials met again on 9/5/2019 in Geneva.", "9/5/2019", "2019-09-05", "day", None, None),
        (
            "Troops have been deployed since September 2015.",
            "September 2015",
            "2015-09",
            "month",
            D(2015, 9, 1),
            D(2015, 9, 30),
        ),
        ("The law passed in 2015 after a long debate.", "2015", "2015", "year", D(2015, 1, 1), D(2015, 12, 31)),
        ("He recalled the 2016 election campaign.", "2016", "2016", "year", None, None),
        (
            "Prices rose in the summer of 2010 and fell later.",
            "the summer of 2010",
            "2010-SU",
            "season",
            D(2010, 6, 1),
            D(2010, 8, 31),
        ),
        (
            "Growth slowed in the third quarter of 2018, the bank said.",
            "third quarter of 2018",
            "2018-Q3",
            "quarter",
            D(2018, 7, 1),
            D(2018, 9, 30),
        ),
        ("The city was rebuilt in the 1990s.", "1990s", "199", "decade", D(1990, 1, 1), D(1999, 12, 31)),
        ("The 21st century began quietly.", "21st century", "20", "century", D(2000, 1, 1), D(2099, 12, 31)),
        (
            "The festival ran on September 16-19, 2016.",
            "September 16-19, 2016",
            "2016-09-16/2016-09-19",
            "day",
            D(2016, 9, 16),
            D(2016, 9, 19),
        ),
    ],
)
def test_absolute_shapes(nlp, sentence, span, value, granularity, earliest, latest):
    t = find(nlp, sentence)[span]
    assert (t.value, t.granularity, t.kind, t.anchor, t.estimated) == (value, granularity, "absolute", None, False)
    if earliest:
        assert t.earliest == earliest
    if latest:
        assert t.latest == latest


def test_rare_shape_falls_back_to_dateparser(nlp):
    t = one(nlp, "They met on 09.05.2018 in Paris.")
    assert (t.text, t.value, t.granularity, t.kind) == ("09.05.2018", "2018-09-05", "day", "absolute")


def test_seasons_and_holidays_follow_tense(nlp):
    times = find(nlp, "By summer, the troops will leave. Last winter was cold. It snowed at Christmas 2016.")
    assert times["summer"].value == "2020-SU"
    assert (times["Last winter"].value, times["Last winter"].latest) == ("2018-WI", D(2019, 2, 28))
    assert times["Christmas 2016"].value == "2016-12-25"


def test_since_keeps_the_preposition_out_of_the_span(nlp):
    t = one(nlp, "Moscow has backed the government since September 2015 at its request.")
    assert t.text == "September 2015" and t.value == "2015-09"


def test_position_modifiers_narrow_the_range_but_keep_the_value(nlp):
    times = find(nlp, "Work began in early 2015 and the plant opened in mid-1990s style.")
    early = times["early 2015"]
    assert early.value == "2015" and early.earliest == D(2015, 1, 1) and early.latest < D(2015, 6, 1)


# ---------------------------------------------------------------------------------------------- months, weekdays
def test_bare_month_is_the_most_recent_past_one(nlp):
    t = one(nlp, "In February, the minister resigned.", D(2018, 7, 11))
    assert (t.value, t.kind, t.anchor) == ("2018-02", "relative", "published")
    assert one(nlp, "He resigned in October.", D(2018, 7, 11)).value == "2017-10"


def test_bare_month_in_a_future_clause_looks_ahead(nlp):
    assert one(nlp, "She will visit Paris in October.", D(2018, 7, 11)).value == "2018-10"


def test_month_day_modifying_a_noun_takes_the_nearest(nlp):
    t = one(nlp, "The result of the Nov. 8 county vote may matter a lot.", D(2016, 9, 19))
    assert t.text == "Nov. 8" and t.value == "2016-11-08"


def test_may_as_modal_or_name_is_not_a_month(nlp):
    assert run(nlp, "Theresa May said she may resign.")[0] == []
    t = one(nlp, "The vote took place in May.")
    assert t.value == "2019-05"


def test_weekdays_follow_the_news_convention(nlp):
    times = find(nlp, "He spoke on Thursday night. On Friday he flew home. He returns next Thursday.")
    assert times["Thursday night"].value == "2019-09-12"
    assert times["Friday"].value == "2019-09-13"  # the publication day itself
    assert times["next Thursday"].value == "2019-09-19"
    assert one(nlp, "The ministers will meet on Monday.").value == "2019-09-16"


# ---------------------------------------------------------------------------------------------- relative to published
@pytest.mark.parametrize(
    ("sentence", "span", "value", "granularity"),
    [
        ("Markets fell yesterday.", "yesterday", "2019-09-12", "day"),
        ("Markets rose today.", "today", "2019-09-13", "day"),
        ("The talks resume tomorrow.", "tomorrow", "2019-09-14", "day"),
        ("Shots were heard last night.", "last night", "2019-09-12", "day"),
        ("The council met this week.", "this week", "2019-W37", "week"),
        ("The council did not meet last week.", "last week", "2019-W36", "week"),
        ("Prices fell last month.", "last month", "2019-08", "month"),
        ("Earlier this month, prices rose.", "Earlier this month", "2019-09", "month"),
        ("Last year was bad.", "Last year", "2018", "year"),
        ("Next year will be better.", "Next year", "2020", "year"),
        ("He resigned two weeks ago.", "two weeks ago", "2019-W35", "week"),
        ("He resigned three days ago.", "three days ago", "2019-09-10", "day"),
        ("The report was published in August.", "August", "2019-08", "month"),
    ],
)
def test_relative_to_published(nlp, sentence, span, value, granularity):
    t = find(nlp, sentence)[span]
    assert (t.value, t.granularity, t.kind, t.anchor) == (value, granularity, "relative", "published")


def test_week_and_month_ranges(nlp):
    times = find(nlp, "The council met this week. Earlier this month, prices rose.")
    assert (times["this week"].earliest, times["this week"].latest) == (D(2019, 9, 9), D(2019, 9, 15))
    earlier = times["Earlier this month"]
    assert (earlier.earliest, earlier.latest) == (D(2019, 9, 1), FRI)  # "earlier": not after publication


# ---------------------------------------------------------------------------------------------- previous anchor
def test_offsets_resolve_against_the_previous_time(nlp):
    times = run(
        nlp, "The minister spoke on Monday. A day earlier, rebels attacked. Three days later, the truce failed."
    )[0]
    assert [(t.text, t.value, t.anchor) for t in times] == [
        ("Monday", "2019-09-09", "published"),
        ("A day earlier", "2019-09-08", "previous"),
        ("Three days later", "2019-09-11", "previous"),
    ]


def test_the_day_before_and_the_next_day(nlp):
    before = find(nlp, "The summit opened on May 9, 2018. The day before, police closed roads.")["The day before"]
    assert (before.value, before.anchor) == ("2018-05-08", "previous")
    after = find(nlp, "The summit opened on May 9, 2018. The next day it rained.")["The next day"]
    assert (after.value, after.anchor) == ("2018-05-10", "previous")


def test_offsets_chain_from_the_latest_resolved_time(nlp):
    times = run(nlp, "Talks began on May 9, 2018. Two days later, they stalled. A day later, they collapsed.")[0]
    assert [t.value for t in times] == ["2018-05-09", "2018-05-11", "2018-05-12"]


def test_offset_without_a_previous_time_uses_published(nlp):
    t = one(nlp, "A day earlier, rebels attacked the town.")
    assert (t.value, t.anchor) == ("2019-09-12", "published")


def test_offset_coarser_than_its_anchor_keeps_only_the_range(nlp):
    times = find(nlp, "Russia halted an attack in August. It stopped another strike a week later.")
    later = times["a week later"]
    assert later.value is None and later.anchor == "previous"
    assert (later.earliest, later.latest) == (D(2019, 8, 8), D(2019, 9, 7))


# ---------------------------------------------------------------------------------------------- durations
@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("He served for three years in the army.", "three years", "P3Y"),
        ("The talks lasted 48 hours.", "48 hours", "PT48H"),
        ("She spent seven and a half years abroad.", "seven and a half years", "P7.5Y"),
        ("The vote came three days before the deadline.", "three days", "P3D"),
        ("It happened just days before the vote.", "days", None),
        ("They signed a 10-year deal.", "10-year", "P10Y"),
    ],
)
def test_durations(nlp, sentence, span, value):
    t = find(nlp, sentence)[span]
    assert (t.value, t.kind) == (value, "duration")


def test_bounded_duration_reaches_back_from_published(nlp):
    t = find(nlp, "Over the past decade, crime fell.")["the past decade"]
    assert (t.value, t.kind, t.anchor) == ("P10Y", "duration", "published")
    assert (t.earliest, t.latest) == (D(2009, 9, 14), FRI)


# ---------------------------------------------------------------------------------------------- false positives
@pytest.mark.parametrize(
    "sentence",
    [
        "The 55-year-old senator, 55 years old, flew F-16s.",
        "Fifteen Russians died in that incident.",
        "The company has 2000 employees and 1500 cars.",
        "USA Today reported the story first.",
        "The board meets every three months.",
        "Prices are reviewed daily and annually.",
    ],
)
def test_not_times(nlp, sentence):
    assert run(nlp, sentence)[0] == []


# ---------------------------------------------------------------------------------------------- the examples
def test_press_tv_2018(nlp):
    doc = nlp(PRESS_TV.read_text(encoding="utf-8"))
    times, estimate = find_times(doc, D(2018, 7, 11))
    check_spans(doc, times)
    assert estimate is None
    got = {t.text: t for t in times}
    assert (got["May 9, 2018"].value, got["May 9, 2018"].kind) == ("2018-05-09", "absolute")
    assert got["September 2015"].value == "2015-09"
    assert got["Wednesday"].value == "2018-07-11"
    assert (got["A day earlier"].value, got["A day earlier"].anchor) == ("2018-07-10", "previous")
    assert got["February"].value == "2018-02"
    assert got["2015"].value == "2015"
    assert got["Earlier in the week"].value == "2018-W28"
    assert "F-16s" not in got and not any("16" in t.text for t in times)


def test_world_israel_news_2019(nlp):
    doc = nlp(WORLD_ISRAEL_NEWS.read_text(encoding="utf-8"))
    times, _ = find_times(doc, D(2019, 9, 13))
    check_spans(doc, times)
    thursdays = [t for t in times if t.text == "Thursday"]
    assert len(thursdays) == 3 and {t.value for t in thursdays} == {"2019-09-12"}
    got = {t.text: t for t in times}
    assert got["August"].value == "2019-08"
    assert (got["last year"].value, got["last year"].granularity) == ("2018", "year")
    assert got["this week"].value == "2019-W37"
    assert not any("Fifteen" in t.text for t in times)


# ---------------------------------------------------------------------------------------------- unknown published
def test_unknown_published_date_is_estimated_and_marked(nlp):
    doc = nlp(PRESS_TV.read_text(encoding="utf-8"))
    times, estimate = find_times(doc, None)
    check_spans(doc, times)
    assert estimate == (D(2018, 5, 9), D(2018, 6, 8))
    assert estimate_date_range(doc) == estimate
    got = {t.text: t for t in times}
    wednesday = got["Wednesday"]
    assert (wednesday.anchor, wednesday.estimated, wednesday.value) == ("estimate", True, "2018-05-09")
    earlier = got["A day earlier"]
    assert (earlier.anchor, earlier.estimated, earlier.value) == ("previous", True, "2018-05-08")
    absolute = got["May 9, 2018"]
    assert (absolute.anchor, absolute.estimated) == (None, False)


def test_estimate_from_years_only_and_from_nothing(nlp):
    times, estimate = run(nlp, "The plant opened in 2009 and closed in 2014. It reopened last year.", None)
    assert estimate == (D(2014, 1, 1), D(2014, 12, 31))
    last_year = next(t for t in times if t.text == "last year")
    assert (last_year.value, last_year.anchor, last_year.estimated) == ("2013", "estimate", True)
    times, estimate = run(nlp, "He resigned on Thursday.", None)
    assert estimate is None
    assert [(t.text, t.value, t.anchor) for t in times] == [("Thursday", None, None)]


def test_estimate_ignores_future_dates(nlp):
    times, estimate = run(nlp, "The rules changed on March 3, 2017. The minister will retire in June 2030.", None)
    assert estimate == (D(2017, 3, 3), D(2017, 4, 2))


def test_text_argument_must_match_the_doc(nlp):
    doc = nlp("Markets fell yesterday.")
    assert find_times(doc, FRI, text=doc.text)[0][0].value == "2019-09-12"
    with pytest.raises(ValueError):
        find_times(doc, FRI, text="Something else entirely.")


def test_an_undated_pages_photo_caption_dates_it():
    """A photo is no later than the report it illustrates: its date is evidence for when an undated page was
    written, and the date line says where the guess comes from."""
    from counterpoint.render.summary import date_line

    text = (
        "Port workers strike over pay\n\n"
        "Dockers gather at the harbour gate at dawn, June 4, 2021. (Photo by Reuters)\n\n"
        "Dock workers walked out on Friday after talks on pay collapsed, the union said. "
        "The port closed in March 2019 for repairs.\n"
    )
    article = counterpoint.analyze(text)
    assert article.published is None and [r.rule for r in article.removed] == ["caption"]
    assert article.estimated_date[0] == dt.date(2021, 6, 4)
    friday = next(t for t in article.times if t.text == "Friday")
    assert friday.estimated and friday.value == "2021-06-04"
    assert date_line(article).startswith("unknown; the latest date a caption removed from the text (line 3) cites is 2021-06-04")
    # without the caption the text's own dates are all there is
    bare = counterpoint.analyze(text.replace("Dockers gather at the harbour gate at dawn, June 4, 2021. (Photo by Reuters)\n\n", ""))
    assert bare.estimated_date[0] == dt.date(2019, 3, 1)
