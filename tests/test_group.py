"""Grouping articles into stories and events: the API, the clustering core, the renderers and the command."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import PRESS_TV, WORLD_ISRAEL_NEWS

import counterpoint
from counterpoint.cli import cli
from counterpoint.comparison.features import ArticleFeatures, MainEvent
from counterpoint.comparison.group import DEFAULT, cluster, different_occasions, group_features, local_scaling
from counterpoint.model import Article, Grouping
from counterpoint.render.grouping import render_grouping

FLOOD_TUESDAY_A = """Flooding forces thousands from homes in Porto Alegre
Heavy rain on Tuesday flooded large parts of Porto Alegre, forcing about 12,000 residents to leave their homes, \
the city's civil defence agency said. Mayor Sebastiao Melo said rescue teams had reached most stranded families."""

FLOOD_TUESDAY_B = """Thousands evacuated as Guaiba river bursts its banks in Porto Alegre
Rescuers in Porto Alegre spent Tuesday pulling families from flooded streets after torrential rain. About 12,000 \
people were evacuated, civil defence officials said, and Mayor Sebastiao Melo urged residents to move to shelters."""

FLOOD_SEPTEMBER = """Porto Alegre braces as Guaiba river floods riverside districts
Mayor Sebastiao Melo on Monday ordered the evacuation of riverside districts of Porto Alegre as heavy rain pushed \
the Guaiba river over flood level. Civil defence officials said about 3,000 residents had left their homes."""

CHESS = """Carlsen wins rapid chess title in Samarkand after tie-break
Norwegian grandmaster Magnus Carlsen won the rapid chess title in Samarkand on Sunday, beating Ian Nepomniachtchi \
in a tie-break. Carlsen said he enjoyed the faster format; the event drew players from 40 countries."""

CHESS_B = """Magnus Carlsen takes rapid crown in Samarkand
Magnus Carlsen beat Ian Nepomniachtchi in a tie-break on Sunday to win the world rapid chess title in Samarkand, \
Uzbekistan. The Norwegian grandmaster had skipped the classical championship this year."""


@pytest.fixture(scope="module")
def handwritten() -> list[Article]:
    return [
        Article(id="flood_a", text=FLOOD_TUESDAY_A, published=dt.date(2024, 5, 1), title="Flooding in Porto Alegre"),
        Article(id="chess_a", text=CHESS, published=dt.date(2023, 12, 31)),
        Article(id="flood_b", text=FLOOD_TUESDAY_B, published=dt.date(2024, 5, 1)),
        Article(id="flood_2023", text=FLOOD_SEPTEMBER, published=dt.date(2023, 9, 5)),
        Article(id="chess_b", text=CHESS_B, published=dt.date(2023, 12, 31)),
    ]


def test_two_stories_one_with_two_events(handwritten: list[Article]) -> None:
    grouping = counterpoint.group(handwritten)
    stories = {frozenset(story.articles): story for story in grouping.stories}
    assert set(stories) == {frozenset({"flood_a", "flood_b", "flood_2023"}), frozenset({"chess_a", "chess_b"})}
    floods = stories[frozenset({"flood_a", "flood_b", "flood_2023"})]
    assert sorted(map(sorted, floods.events)) == [["flood_2023"], ["flood_a", "flood_b"]]
    chess = stories[frozenset({"chess_a", "chess_b"})]
    assert [sorted(e) for e in chess.events] == [["chess_a", "chess_b"]]
    assert grouping.stories[0].articles[0] in {"flood_a", "flood_b", "flood_2023"}  # the largest story first
    assert grouping.titles["flood_a"] == "Flooding in Porto Alegre"


def test_examples_are_one_story_of_two_events() -> None:
    """The 2019 Sochi meeting and the 2018 Moscow trip: one storyline, two occasions (as relate_pairs says)."""
    grouping = counterpoint.group([WORLD_ISRAEL_NEWS, PRESS_TV])
    (story,) = grouping.stories
    assert len(story.articles) == 2
    assert len(story.events) == 2
    assert "each pair related" in grouping.method and "TF-IDF" not in grouping.method  # says how it was done


def _features(n: int) -> list[ArticleFeatures]:
    return [ArticleFeatures(article_id=str(i), label=str(i), text="", headline="", lead="") for i in range(n)]


def test_local_scaling_puts_loose_and_tight_clusters_on_one_scale() -> None:
    # Two pairs: one written alike (0.8), one loosely (0.3); everything else unlike (0.02).
    similarity = np.full((4, 4), 0.02)
    similarity[0, 1] = similarity[1, 0] = 0.8
    similarity[2, 3] = similarity[3, 2] = 0.3
    np.fill_diagonal(similarity, 1.0)
    assert len(set(cluster(similarity, 0.5).tolist())) == 3  # a raw threshold splits the loose pair
    scaled = local_scaling(similarity, neighbours=1, floor=0.1, minimum=0.1)
    labels = cluster(scaled, 0.55).tolist()
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]


def test_lone_unrelated_pair_stays_apart_under_local_scaling() -> None:
    similarity = np.array([[1.0, 0.05], [0.05, 1.0]])
    scaled = local_scaling(similarity, DEFAULT.neighbours, DEFAULT.scale_floor, DEFAULT.min_similarity)
    assert len(set(cluster(scaled, DEFAULT.story_threshold).tolist())) == 2


def test_different_occasions_from_dates_weekdays_and_places() -> None:
    features = _features(4)
    features[0].main = MainEvent(earliest=dt.date(2024, 4, 30), latest=dt.date(2024, 4, 30), weekday=1)
    features[1].main = MainEvent(earliest=dt.date(2024, 4, 30), latest=dt.date(2024, 4, 30), weekday=1)
    features[2].main = MainEvent(earliest=dt.date(2023, 9, 4), latest=dt.date(2023, 9, 4))
    features[3].main = MainEvent(weekday=3, place_key="name:sochi")
    apart = different_occasions(features, max_days=3)
    assert not apart[0, 1]
    assert apart[0, 2] and apart[2, 0]
    assert apart[0, 3]  # Tuesday vs Thursday
    assert not apart[2, 3]  # no weekday, no place on one side: nothing to tell them apart


def test_group_features_of_large_sets_uses_the_tfidf_path() -> None:
    """25 articles on five topics (five distinct vocabularies) come back as five stories."""
    topics = [
        "volcano eruption lava ash evacuation island",
        "election ballot vote parliament coalition party",
        "football match goal striker league stadium",
        "vaccine trial hospital patients doses virus",
        "bank interest rates inflation central lending",
    ]
    features = []
    for t, words in enumerate(topics):
        for k in range(5):
            text = f"{words} report{k} " * 3
            features.append(ArticleFeatures(article_id=f"{t}-{k}", label="", text=text, headline="", lead=text))
    stories = group_features(features)
    got = sorted(sorted(features[i].article_id[0] for event in story for i in event) for story in stories)
    assert got == [[str(t)] * 5 for t in range(5)]


def test_renderers_escape_titles() -> None:
    grouping = Grouping.model_validate(
        {
            "stories": [{"id": "s1", "articles": ["a", "b"], "events": [["a"], ["b"]]}],
            "titles": {"a": "[bold]*Breaking*[/bold] <script>x</script>", "b": "Plain"},
        }
    )
    text = render_grouping(grouping, "text")
    assert "[bold]*Breaking*[/bold]" in text and "event 2" in text
    markdown = render_grouping(grouping, "md")
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown and "\\*Breaking\\*" in markdown
    assert json.loads(render_grouping(grouping, "json"))["stories"][0]["events"] == [["a"], ["b"]]


def test_cli_groups_a_folder_and_reports_bad_sources(tmp_path) -> None:  # noqa: ANN001
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(FLOOD_TUESDAY_A, encoding="utf-8")
    (folder / "b.txt").write_text(FLOOD_TUESDAY_B, encoding="utf-8")
    (folder / "c.txt").write_text(CHESS, encoding="utf-8")
    (folder / "notes.csv").write_text("not an article", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["group", "-f", "json", str(folder), str(empty), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("counterpoint: error:")]
    assert len(errors) == 2 and "no .txt, .html" in errors[0] and "no such file" in errors[1]
    data = json.loads(result.stdout)
    assert sorted(len(story["articles"]) for story in data["stories"]) == [1, 2]
    assert all(set(story) == {"id", "articles", "events"} for story in data["stories"])
