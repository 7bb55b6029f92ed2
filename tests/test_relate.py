"""Relating article pairs (same event / same storyline / unrelated) and linking actors across articles."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import PRESS_TV, WORLD_ISRAEL_NEWS

import counterpoint
from counterpoint.comparison.entities import link_entities
from counterpoint.comparison.features import article_features
from counterpoint.comparison.relate import relate_pairs
from counterpoint.model import Article

FLOOD_A = """Flooding forces thousands from homes in Porto Alegre
Heavy rain on Tuesday flooded large parts of Porto Alegre, forcing about 12,000 residents to leave their homes, \
the city's civil defence agency said.
Mayor Sebastiao Melo said rescue teams had reached most of the stranded families by nightfall. The Guaiba river \
rose more than two metres in a day.
Schools in the city will stay closed until Friday, officials said."""

FLOOD_B = """Thousands evacuated as Guaiba river bursts its banks
Rescuers in Porto Alegre spent Tuesday pulling families from flooded streets after torrential rain sent the \
Guaiba river over its banks.
About 12,000 people were evacuated, according to civil defence officials. Mayor Sebastiao Melo urged residents of \
low-lying districts to move to shelters.
Forecasters expect more rain later this week."""

FLOOD_LAST_YEAR = """Porto Alegre braces as Guaiba river rises again
Mayor Sebastiao Melo on Monday ordered the evacuation of riverside districts of Porto Alegre as heavy rain pushed \
the Guaiba river towards flood level.
Civil defence officials said about 3,000 residents had left their homes. Rescue teams were placed on standby."""

CHESS = """Carlsen wins rapid title after tie-break
Norwegian grandmaster Magnus Carlsen won the rapid chess title in Samarkand on Sunday, beating Ian Nepomniachtchi \
in a tie-break.
Carlsen, who skipped the classical championship, said he enjoyed the faster format. The event drew players from \
40 countries."""


@pytest.fixture(scope="module")
def examples() -> list[Article]:
    return list(counterpoint.analyze_many([WORLD_ISRAEL_NEWS, PRESS_TV]))


@pytest.fixture(scope="module")
def handwritten() -> dict[str, Article]:
    items = [
        Article(id="flood_a", text=FLOOD_A, published=dt.date(2024, 5, 1)),
        Article(id="flood_b", text=FLOOD_B, published=dt.date(2024, 5, 1)),
        Article(id="flood_2023", text=FLOOD_LAST_YEAR, published=dt.date(2023, 9, 5)),
        Article(id="chess", text=CHESS, published=dt.date(2023, 12, 31)),
    ]
    return {article.id: article for article in counterpoint.analyze_many(items)}


def _pair(pairs, a: str, b: str):  # noqa: ANN001, ANN202
    return next(p for p in pairs if {p.a, p.b} == {a, b})


def test_examples_are_one_storyline_on_different_occasions(examples: list[Article]) -> None:
    """2019 Sochi meeting (a Thursday) vs 2018 Moscow trip (a Wednesday): same actors, different occasions."""
    (pair,) = relate_pairs(examples)
    assert pair.relation == "same_storyline"
    evidence = pair.evidence
    assert {"Benjamin Netanyahu", "Vladimir Putin", "Russia", "Israel", "Syria"} <= set(evidence.shared_entities)
    assert evidence.subject_similarity > 0.5
    reasons = " ".join(evidence.reasons)
    assert "Thursday vs Wednesday" in reasons
    assert "Sochi vs Moscow" in reasons
    # World Israel News gives no date for its Thursday: the reasons say so rather than guess one.
    win, press_tv = examples
    assert evidence.dates[win.id] == []
    assert "unknown beyond the weekday (Thursday)" in reasons


def test_main_event_rests_on_spans_of_the_lead(examples: list[Article]) -> None:
    win, press_tv = examples
    for article, place, weekday in ((win, "Sochi", "Thursday"), (press_tv, "Moscow", "Wednesday")):
        main = article_features(article).main
        assert main.place == place
        assert main.place_span is not None and article.text[main.place_span.start : main.place_span.end] == place
        assert main.weekday_span is not None and main.weekday_span.text == weekday
        assert article.text[main.weekday_span.start : main.weekday_span.end] == weekday


def test_two_reports_of_one_flood_are_the_same_event(handwritten: dict[str, Article]) -> None:
    pair = _pair(relate_pairs([handwritten["flood_a"], handwritten["flood_b"]]), "flood_a", "flood_b")
    assert pair.relation == "same_event"
    assert "Sebastiao Melo" in pair.evidence.shared_entities
    assert pair.evidence.date_gap_days == 0
    assert pair.evidence.dates["flood_a"] == pair.evidence.dates["flood_b"] == ["2024-04-30"]


def test_a_flood_a_year_earlier_is_the_same_storyline(handwritten: dict[str, Article]) -> None:
    pair = _pair(relate_pairs([handwritten["flood_a"], handwritten["flood_2023"]]), "flood_a", "flood_2023")
    assert pair.relation == "same_storyline"
    assert pair.evidence.date_gap_days is not None and pair.evidence.date_gap_days > 200
    assert any("apart" in reason for reason in pair.evidence.reasons)


def test_flood_and_chess_are_unrelated(handwritten: dict[str, Article]) -> None:
    pairs = relate_pairs([handwritten["flood_a"], handwritten["chess"]])
    (pair,) = pairs
    assert pair.relation == "unrelated"
    assert pair.evidence.shared_entities == []
    assert pair.score < 0.3


def test_link_entities_by_surname_and_particle() -> None:
    first = counterpoint.analyze("Syrian President Bashar al-Assad met Vladimir Putin in Sochi on Monday.")
    second = counterpoint.analyze("Putin praised Assad, and the Russian Federation pledged more aid to Damascus.")
    linked = {item.name: item for item in link_entities([first, second])}
    assert "Vladimir Putin" in linked
    assert set(linked["Vladimir Putin"].entities) == {first.id, second.id}
    assads = [item for item in linked.values() if "Assad" in item.name]
    assert len(assads) == 1 and assads[0].kind == "person"
    names = {article.id: {e.id: e.name for e in article.entities} for article in (first, second)}
    assert names[second.id][assads[0].entities[second.id]] == "Assad"


def test_estimated_dates_do_not_set_two_reports_of_one_event_years_apart() -> None:
    """Undated reports of one march: each "Tuesday" is resolved against a guess from an older date the text cites
    (November 2020, March 2023). Those guesses are weak (eval/dating.py), so no gap in years comes of them."""
    march = counterpoint.analyze(
        "Thousands of protesters marched through central Lima on Tuesday demanding the president's resignation.\n"
        "Peru last saw protests this large in November 2020, when two young men were killed."
    )
    other = counterpoint.analyze(
        "Protesters marched in Lima on Tuesday to demand that the president resign, police said.\n"
        "The demonstrators also denounced a pension law passed in March 2023."
    )
    assert march.estimated_date and other.estimated_date  # both undated, both guessed from the text
    (pair,) = counterpoint.compare([march, other]).pairs
    assert pair.relation == "same_event", pair.evidence.reasons
    assert not any("apart" in reason for reason in pair.evidence.reasons)


def test_known_publication_dates_years_apart_still_set_two_reports_apart() -> None:
    """Only dates guessed from the text are set aside: leads dated by their known publication dates four years
    apart are two occasions."""
    first = counterpoint.analyze(
        "Thousands of protesters marched through central Lima demanding the president's resignation.",
        published="2019-03-05",
    )
    second = counterpoint.analyze(
        "Protesters marched in Lima to demand that the president resign, police said.", published="2023-06-20"
    )
    (pair,) = counterpoint.compare([first, second]).pairs
    assert pair.relation == "same_storyline", pair.evidence.reasons
    assert any("4 years apart" in reason for reason in pair.evidence.reasons)


def test_a_weekday_worked_out_from_a_guessed_date_sets_nothing_apart() -> None:
    """'yesterday' resolved against a guess from an old date the text cites gives a weekday of that guess: it
    must not make two undated reports of one march fall on 'different weekdays'."""
    march = counterpoint.analyze(
        "Thousands of protesters marched through central Lima yesterday demanding the president's resignation.\n"
        "Peru last saw protests this large in November 2020, when two young men were killed."
    )
    other = counterpoint.analyze(
        "Protesters marched in Lima yesterday to demand that the president resign, police said.\n"
        "The demonstrators also denounced a pension law passed in March 2023."
    )
    (pair,) = counterpoint.compare([march, other]).pairs
    assert not any("weekday" in reason or "apart" in reason for reason in pair.evidence.reasons), pair.evidence
