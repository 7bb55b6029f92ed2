"""The attribution tagger: reports decoded from word-piece chances, only what the rules miss added, and the shipped
model on invented text (off by default, on with the taggers' switch)."""

from __future__ import annotations

import re

import numpy as np

import counterpoint
from counterpoint.analysis import attribution_tagger
from counterpoint.analysis.attribution_tagger import Tagged, decode, missed_by
from counterpoint.analysis.word_tagger import runs, tokenizer

THRESHOLDS = {"cue": 0.5, "source": 0.5, "content": 0.5, "start": 0.5}


def _pieces(text: str, marked: dict[str, list[str]]) -> list[tuple[tuple[int, int], np.ndarray]]:
    """Word pieces of the text with chance 0.9 for each role whose phrases cover them (``start`` marks the first
    piece of each content phrase), 0.1 otherwise: what a confident tagger would give."""
    covered = {role: [(m.start(), m.end()) for phrase in phrases for m in re.finditer(re.escape(phrase), text)]
               for role, phrases in marked.items()}
    pieces = []
    for start, end in tokenizer().encode(text).offsets[1:-1]:
        chances = np.full(4, 0.1)
        for i, role in enumerate(attribution_tagger.ROLES[:3]):
            if any(s <= start and end <= e for s, e in covered.get(role, [])):
                chances[i] = 0.9
        if any(s == start for s, _ in covered.get("content", [])):
            chances[3] = 0.9
        pieces.append(((start, end), chances))
    return pieces


def _text(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span is not None else None


def test_runs_join_pieces_a_space_apart_and_split_where_a_new_content_starts():
    text = "the port will close the ferry will stop"
    pieces = _pieces(text, {"content": ["the port will close", "the ferry will stop"]})
    found = runs(pieces, 2, 0.5, 3, 0.5)
    assert [text[s:e] for s, e, _ in found] == ["the port will close", "the ferry will stop"]
    assert [text[s:e] for s, e, _ in runs(pieces, 2, 0.5)] == ["the port will close the ferry will stop"]


def test_each_content_goes_to_the_nearest_cue_on_its_line_and_a_cue_takes_its_source():
    text = (
        "Dockers have voiced anger over the new rota, and Maria Lopez backs the strike.\n"
        "The harbour will stay shut all week."
    )
    pieces = _pieces(text, {
        "cue": ["voiced anger over", "backs"],
        "source": ["Dockers", "Maria Lopez"],
        "content": ["the new rota", "the strike", "The harbour will stay shut all week"],
    })
    found = decode(text, pieces, THRESHOLDS)
    assert [(_text(text, t.source), _text(text, t.cue), [_text(text, c) for c in t.contents]) for t in found] == [
        ("Dockers", "voiced anger over", ["the new rota"]),
        ("Maria Lopez", "backs", ["the strike"]),
    ]  # the second line's content has no cue on its line: no report


def test_a_cue_with_no_content_is_no_report():
    text = "Tom Bradley said nothing more."
    assert decode(text, _pieces(text, {"cue": ["said"], "source": ["Tom Bradley"]}), THRESHOLDS) == []


def test_only_reports_the_rules_do_not_touch_are_added():
    text = 'Dockers backed the strike, Maria Lopez said.'
    rules = counterpoint.analyze(text).attributions
    assert [(a.cue.text, a.content.text) for a in rules] == [("said", "Dockers backed the strike")]
    inside = Tagged(cue=(8, 14), contents=((15, 25),), source=(0, 7), chance=0.9)  # "backed" within the rules' content
    apart = Tagged(cue=(100, 105), contents=((106, 120),), source=None, chance=0.9)
    assert missed_by([inside, apart], rules) == [apart]


def test_the_shipped_tagger_adds_a_report_the_rules_miss_only_when_asked_for(monkeypatch):
    text = "Maria Lopez did not respond to questions about the ferry contract."
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "0")
    assert counterpoint.analyze(text).attributions == []  # no verb of saying the rules know
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "1")
    article = counterpoint.analyze(text)
    (found,) = article.attributions
    assert found.found_by == "tagger" and 0 < found.confidence <= 1
    assert (found.source.text, found.cue.text, found.content.text) == (
        "Maria Lopez", "did not respond to questions about", "the ferry contract"
    )
    assert found.source.kind == "person" and found.source.name == "Maria Lopez"
    for span in (found.source, found.cue, found.content):
        assert text[span.start : span.end] == span.text
    assert found.content_type == "object"  # no verb: what she did not answer about, not a claim of hers
    assert [(c.text, c.attribution) for c in article.claims] == [(text, None)]


def test_a_tagged_report_is_marked_as_the_taggers_in_the_text_view(monkeypatch):
    from click.testing import CliRunner

    from counterpoint.cli import cli

    monkeypatch.setenv("COUNTERPOINT_TAGGER", "0")  # restored after: the switch writes os.environ
    text = "Maria Lopez did not respond to questions about the ferry contract."
    result = CliRunner().invoke(cli, ["analyze", "--tagger", "--format", "text", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert "(found by the tagger, chance 0." in result.output


def test_a_tagged_report_is_marked_as_the_taggers_in_the_html_report(monkeypatch):
    from counterpoint.render.html import render_comparison_html

    monkeypatch.setenv("COUNTERPOINT_TAGGER", "1")
    comparison = counterpoint.compare([
        "Maria Lopez did not respond to questions about the ferry contract.",
        "The ferry contract was signed in May, Tom Bradley said.",
    ])
    page = render_comparison_html(comparison)
    assert "reporting cue (indirect; found by the tagger, chance 0." in page


def _reading(text: str, marked: dict[str, list[str]], content_chance: dict[str, float]) -> attribution_tagger.Reading:
    """A reading of the text as ``_pieces`` gives it, with the content chance of each phrase in ``content_chance``
    set as given, and its reports decoded."""
    pieces = _pieces(text, marked)
    for phrase, chance in content_chance.items():
        start = text.index(phrase)
        for (s, e), chances in pieces:
            if start <= s and e <= start + len(phrase):
                chances[2] = chance
    return attribution_tagger.Reading(reports=decode(text, pieces, THRESHOLDS), pieces=pieces)


def test_the_tagger_bounds_a_content_on_the_same_cue_only_where_it_is_clear():
    text = "The mayor vowed to reopen the pier in the wake of the storm."
    rules = counterpoint.analyze(text).attributions
    assert [(a.cue.text, a.content.text) for a in rules] == [("vowed", "to reopen the pier in the wake of the storm")]
    marked = {"cue": ["vowed"], "source": ["The mayor"], "content": ["to reopen the pier"]}
    clear = _reading(text, marked, {"in the wake of the storm": 0.1})
    assert [_text(text, t.contents[0]) for t in attribution_tagger.better_contents(clear, rules).values()] == ["to reopen the pier"]
    # the words the two disagree on are ones the tagger half believes are content: the rules' bounds stay
    unsure = _reading(text, marked, {"in the wake of the storm": 0.45})
    assert attribution_tagger.better_contents(unsure, rules) == {}
    # another cue: not the same report, whatever the tagger's content
    other = _reading(text, {**marked, "cue": ["reopen"]}, {"in the wake of the storm": 0.1})
    assert attribution_tagger.better_contents(other, rules) == {}


def test_the_shipped_tagger_ends_a_content_the_parse_runs_on(monkeypatch):
    text = "Dockers have blamed the new rota for the delays and for pushing up fares, with no sign that it has saved money."
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "0")
    (rules,) = counterpoint.analyze(text).attributions
    assert rules.content.text.endswith("with no sign that it has saved money")
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "1")
    (bounded,) = counterpoint.analyze(text).attributions
    assert (bounded.source.text, bounded.cue.text) == (rules.source.text, rules.cue.text)
    assert bounded.content.text == "the new rota for the delays and for pushing up fares"
    assert bounded.found_by == "rules+tagger" and 0.5 < bounded.confidence <= 1
    from counterpoint.render.summary import tagger_note

    assert tagger_note(bounded).startswith("content bounded by the tagger, chance 0.")
    assert tagger_note(rules) == ""


def test_a_tagged_cue_that_is_a_verb_takes_its_subject_from_the_parse():
    from counterpoint.analysis.attribution import _span_of, _subject_of_a_tagged_cue
    from counterpoint.analysis.nlp import load_nlp

    text = "Many older dockers in the town overwhelmingly support the strike."
    doc = load_nlp()(text)
    cue = doc.char_span(text.index("overwhelmingly"), text.index(" the strike"))
    content = (text.index("the strike"), len(text) - 1)
    assert _span_of(_subject_of_a_tagged_cue(cue, (content,))).text == "Many older dockers in the town"
    # a subject inside the content is what is said, not who says it; a noun cue has no subject of its own
    assert _subject_of_a_tagged_cue(cue, ((0, len(text) - 1),)) is None
    noun = load_nlp()("Their support for the strike grew.")
    assert _subject_of_a_tagged_cue(noun[1:2], ((17, 27),)) is None


def test_the_tagger_names_a_source_on_the_same_cue_only_where_it_is_clear(monkeypatch):
    text = "The mayor signed the order. Maria Lopez has a habit of blaming the council for the delays."
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "0")
    rules = counterpoint.analyze(text).attributions
    railing = next(i for i, a in enumerate(rules) if a.cue.text == "blaming")
    assert rules[railing].source is None  # the parse leaves the gerund without a subject
    marked = {"cue": ["blaming"], "source": ["Maria Lopez"], "content": ["the council for the delays"]}
    clear = _reading(text, marked, {})
    found = attribution_tagger.better_sources(clear, rules)
    assert [(i, _text(text, span), round(chance, 2)) for i, (span, chance) in found.items()] == [
        (railing, "Maria Lopez", 0.9)
    ]
    # a tagger half sure of its source leaves the rules' reading as it is
    for (start, end), chances in clear.pieces:
        if text.index("Maria Lopez") <= start < end <= text.index(" has a habit"):
            chances[1] = 0.45
    assert attribution_tagger.better_sources(clear, rules) == {}
    # a source inside what is said is no source of it
    inside = _reading(text, {**marked, "source": ["council"]}, {})
    assert attribution_tagger.better_sources(inside, rules) == {}


def test_the_shipped_tagger_names_the_speaker_the_parse_leaves_out(monkeypatch):
    from counterpoint.render.summary import tagger_note

    text = "Maria Lopez has a habit of blaming the council for the harbour's troubles."
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "0")
    (rules,) = counterpoint.analyze(text).attributions
    assert (rules.source, rules.cue.text) == (None, "blaming")  # the gerund has no subject in the parse
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "1")
    (tagged,) = counterpoint.analyze(text).attributions
    assert (tagged.source.text, tagged.source.kind, tagged.cue.text) == ("Maria Lopez", "person", "blaming")
    assert tagged.content.text == rules.content.text and 0.5 <= tagged.source.tagger_chance <= 1
    assert "source named by the tagger, chance 0." in tagger_note(tagged)


def test_the_tagger_names_no_one_the_source_of_a_question_put_to_them(monkeypatch):
    text = "The mayor signed the order on Monday. Asked about the ferry contract, Maria Lopez declined to comment."
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "1")
    (asked,) = [a for a in counterpoint.analyze(text).attributions if a.cue.text == "Asked about"]
    assert asked.source is None  # she is asked; who asks is not said (the tagger, fitted on PolNeAR, would name her)


def test_a_report_of_the_rules_whose_cue_the_tagger_rules_out_is_dropped(monkeypatch):
    text = "Maria Lopez drew a large crowd in Dover."
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "0")
    rules = counterpoint.analyze(text).attributions
    assert [a.cue.text for a in rules] == ["drew"]  # with the tagger off: the cue model lets the verb through
    marked = {"source": ["Maria Lopez"], "content": ["a large crowd in Dover"]}
    reading = _reading(text, marked, {})
    for (start, _), chances in reading.pieces:
        if start == text.index("drew"):
            chances[0] = 0.01
    assert attribution_tagger.doubted(reading, rules) == {0}
    for (start, _), chances in reading.pieces:
        if start == text.index("drew"):
            chances[0] = 0.1  # unlikely, but not ruled out: kept
    assert attribution_tagger.doubted(reading, rules) == set()


def test_the_shipped_tagger_drops_an_act_the_rules_took_for_a_report(monkeypatch):
    text = "Maria Lopez drew a large crowd in Dover. She said the ferry will run again."
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "0")
    assert [a.cue.text for a in counterpoint.analyze(text).attributions] == ["drew", "said"]
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "1")
    assert [a.cue.text for a in counterpoint.analyze(text).attributions] == ["said"]


def test_the_tagger_drops_no_verb_of_saying_or_thinking_and_no_report_inside_another(monkeypatch):
    from counterpoint.analysis.attribution import _doubted_by_the_tagger
    from counterpoint.analysis.nlp import load_nlp

    monkeypatch.setenv("COUNTERPOINT_TAGGER", "0")
    for text, cue in (("Seventy percent of dockers believe the ferry will run.", "believe"), ("Maria Lopez drew a crowd.", "drew")):
        rules = counterpoint.analyze(text).attributions
        reading = _reading(text, {"content": [rules[0].content.text]}, {})
        for (start, _), chances in reading.pieces:
            if start == text.index(cue):
                chances[0] = 0.01
        assert attribution_tagger.doubted(reading, rules) == {0}
        # a verb of saying or thinking reports whatever the annotators the tagger learned from passed over
        assert _doubted_by_the_tagger(load_nlp()(text), rules, reading) == (set() if cue == "believe" else {0})
    # PolNeAR marks no report inside another's words, so the shipped tagger gives their cues no chance; kept
    text = "Maria Lopez told reporters: “I am quite sure that the ferry will run again.”"
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "1")
    found = counterpoint.analyze(text).attributions
    assert [(a.cue.text, a.via) for a in found] == [("told", None), ("am quite sure", 0)]
    assert attribution_tagger.doubted(attribution_tagger.read(counterpoint.analyze(text)), found) == set()
