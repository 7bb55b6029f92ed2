"""End to end: the API and the CLI on the two example articles and on bad input in a batch."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import PRESS_TV, WORLD_ISRAEL_NEWS

import counterpoint
from counterpoint.cli import cli


def spans_of(article):
    yield from article.sentences
    yield from article.times
    for entity in article.entities:
        yield from entity.mentions


@pytest.fixture(scope="module")
def win():
    return counterpoint.analyze(WORLD_ISRAEL_NEWS)


@pytest.fixture(scope="module")
def ptv():
    return counterpoint.analyze(PRESS_TV, published="2018-07-11")


def test_world_israel_news_metadata_and_cleaning(win):
    assert win.outlet == "World Israel News"
    assert "World Israel News Staff" in (win.byline or "")
    assert "By World Israel News Staff" not in win.text
    assert any("By World Israel News Staff" in r.text for r in win.removed)
    assert win.text.startswith("On the heels of Thursday")


def test_press_tv_metadata_and_cleaning(ptv):
    assert ptv.outlet == "Press TV"
    assert ptv.title == "Netanyahu sets off to Russia after Israel strikes Syrian army positions"
    assert ptv.published.isoformat() == "2018-07-11"
    for junk in ("SHARE THIS ARTICLE", "www.presstv.co.uk", "(Photo by AFP)", "alternate addresses"):
        assert junk not in ptv.text
        assert any(junk in r.text for r in ptv.removed), junk
    raw = PRESS_TV.read_text(encoding="utf-8")
    for removed in ptv.removed:
        assert raw[removed.start : removed.end] == removed.text


def test_people_are_one_entity_with_all_mentions(win, ptv):
    putin = [e for e in win.entities if e.name == "Vladimir Putin"]
    assert len(putin) == 1 and putin[0].role == "Russian President"
    assert len(putin[0].mentions) == 8  # "Russian President Vladimir Putin" + seven "Putin"
    netanyahu = [e for e in ptv.entities if e.name == "Benjamin Netanyahu"]
    assert len(netanyahu) == 1
    assert [m.text for m in netanyahu[0].mentions].count("Netanyahu") == 4


def test_times_are_normalized(ptv, win):
    values = {t.text: t.value for t in ptv.times}
    assert any(v == "2015-09" for k, v in values.items() if "September 2015" in k)
    assert any(v == "2018-07-11" for k, v in values.items() if "Wednesday" in k)
    # World Israel News gives no date: relative times rest on an estimate and say so.
    assert win.published is None
    thursdays = [t for t in win.times if t.text.endswith("Thursday")]
    assert thursdays and all(t.estimated or t.value is None for t in thursdays)


def test_caption_date_found_when_text_is_kept():
    article = counterpoint.analyze(PRESS_TV, keep_text=True)
    assert article.text == PRESS_TV.read_text(encoding="utf-8")
    assert any(t.text.endswith("May 9, 2018") and t.value == "2018-05-09" for t in article.times)


def test_every_span_indexes_the_text(win, ptv):
    for article in (win, ptv):
        for span in spans_of(article):
            assert article.text[span.start : span.end] == span.text


def test_analyze_accepts_plain_text_and_metadata():
    article = counterpoint.analyze(
        "Chancellor Angela Merkel met reporters in Berlin on Tuesday. Merkel said talks would go on.",
        outlet="Example Wire",
        published="2020-03-05",
    )
    assert article.outlet == "Example Wire"
    merkel = [e for e in article.entities if e.name == "Angela Merkel"]
    assert merkel and len(merkel[0].mentions) == 2
    assert [t.value for t in article.times] == ["2020-03-03"]


def test_cli_json_for_a_batch_with_a_bad_source(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(cli, ["analyze", str(WORLD_ISRAEL_NEWS), str(empty), str(PRESS_TV), "-f", "json"])
    assert result.exit_code == 1
    articles = json.loads(result.stdout)
    assert [a["outlet"] for a in articles] == ["World Israel News", "Press TV"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("counterpoint: error:")]
    assert len(errors) == 1 and "empty" in errors[0]
    assert "Traceback" not in result.stderr


def test_cli_text_md_and_jsonl(tmp_path):
    runner = CliRunner()
    text = runner.invoke(cli, ["analyze", str(PRESS_TV)])
    assert text.exit_code == 0 and "Press TV" in text.stdout and "Benjamin Netanyahu" in text.stdout
    md = runner.invoke(cli, ["analyze", str(PRESS_TV), "-f", "md"])
    assert md.exit_code == 0 and md.stdout.startswith("# Netanyahu sets off")
    jsonl = runner.invoke(cli, ["analyze", str(WORLD_ISRAEL_NEWS), str(PRESS_TV), "-f", "jsonl"])
    lines = jsonl.stdout.splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["outlet"] == "Press TV"


def test_what_a_source_acts_on_is_shown_as_no_claim_not_as_reported():
    # "praised [the new ferry]": an act on an object, which makes no claim; "said ..." does, and is reported
    from counterpoint.render import render

    article = counterpoint.analyze("The mayor praised the new ferry. Her deputy said the old one was unsafe.")
    assert [a.content_type for a in article.attributions] == ["object", "proposition"]
    rows = [line for line in render([article], "md").splitlines() if line.startswith("| ") and "|---" not in line]
    assert "- 2 attributions (official 2); 1 of them what a source acts on or refers to, not a claim" in render([article], "md")
    praised, said = rows[-2:]
    assert "praised" in praised and "| — (no claim) |" in praised
    assert "said" in said and "| reported |" in said


def test_markdown_escapes_untrusted_text():
    article = counterpoint.analyze(
        "<script>alert(1)</script> Officials in Paris said on Monday that talks with Germany would resume.",
        keep_text=True,
    )
    from counterpoint.render import render

    rendered = render([article], "md")
    assert "<script>" not in rendered


def test_schema_is_generated_from_the_model():
    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.stdout)
    assert result.exit_code == 0
    assert {"id", "text", "entities", "times", "removed"} <= set(schema["properties"])


def test_api_treats_a_missing_path_as_a_source_not_as_text():
    with pytest.raises(counterpoint.InputError, match="no such file"):
        counterpoint.analyze("no/such/article.txt")


def test_cli_never_reads_an_argument_as_article_text():
    result = CliRunner().invoke(cli, ["analyze", "example.com", str(PRESS_TV), "-f", "jsonl"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "bare domain" in result.stderr


def test_markdown_escapes_a_hostile_record_id(tmp_path):
    record = {"id": "x` <img src=x onerror=alert(1)> `", "text": "Officials in Rome said on Monday that talks would resume."}
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record) + "\n")
    result = CliRunner().invoke(cli, ["analyze", str(path), "-f", "md"])
    assert result.exit_code == 0
    assert "<img" not in result.stdout


def test_api_reads_a_one_word_headline_as_text():
    assert counterpoint.analyze("Seaquake").text == "Seaquake"
    with pytest.raises(counterpoint.InputError, match="no such file"):
        counterpoint.analyze("headlines.csv")  # a file suffix: a missing file, not a word


def test_the_loaded_model_is_set_apart_from_the_garbage_collector(nlp):
    """``load_nlp`` freezes what is alive once the model is loaded: the collector's full passes then skip the
    model and the libraries imported with it (some 250,000 objects) while articles are analyzed."""
    import gc

    assert gc.get_freeze_count() > 10_000


def test_tables_stages_build_on_first_use_are_set_apart_too(nlp):
    """``run_pipeline`` analyses a small article before the first real one and freezes again: the word lists of
    title-case repair (tens of thousands of words) are then no longer walked by each full collection."""
    import gc

    from counterpoint.analysis import casing, pipeline

    assert pipeline._warmed(None) is nlp
    verbs = casing._word_index(nlp, "verb")  # built by the warm-up's title-case headline, not here
    assert len(verbs) > 1_000
    assert gc.is_tracked(verbs) and not any(o is verbs for o in gc.get_objects())
