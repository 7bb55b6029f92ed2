"""Persuasive passages: the learned sentence model on hand-written sentences, its spans and cues, its weights file
read exactly as training fitted it, and its place in the reports."""

from __future__ import annotations

import numpy as np
from conftest import PRESS_TV, WORLD_ISRAEL_NEWS

import counterpoint
from counterpoint.analysis.persuasion import MODEL_PATH, PassageModel, document_sentences, find_passages, passage_model
from counterpoint.render import render
from counterpoint.render.summary import wording_line

PLAIN = (
    "The council meeting is scheduled for 3 p.m. on Tuesday in the town hall. "
    "The report was published on Monday and runs to 40 pages."
)
LOADED = (
    "These ruthless thugs will stop at nothing to destroy our country, and only fools would still believe their lies! "
    "This disgraceful witch hunt is the greatest scandal in history and a shameful attack on every patriot."
)


def test_plain_reporting_is_not_a_passage_and_a_fear_appeal_is():
    assert counterpoint.analyze(PLAIN).persuasive_passages == []
    article = counterpoint.analyze(LOADED)
    assert [p.text for p in article.persuasive_passages] == [s.text for s in article.sentences]
    for passage in article.persuasive_passages:
        assert article.text[passage.start : passage.end] == passage.text
        assert passage_model().threshold <= passage.confidence <= 1.0
        assert passage.cues, "a passage shows the words it rests on"
        for cue in passage.cues:
            assert passage.start <= cue.start < cue.end <= passage.end
            assert article.text[cue.start : cue.end] == cue.text and cue.text.isalpha()


def test_in_reported_speech_the_passage_is_the_words_reported():
    """Annotators mark the persuading words, not who is quoted: a passage in a sentence that reports a source's
    words is those words (indirect or quoted), with only the cue words inside them; the chance is the sentence's."""
    text = (
        "Maria Lopez said these ruthless thugs would stop at nothing to destroy the harbour, and only fools would "
        'still believe their lies. "This disgraceful witch hunt is a shameful attack on every docker," Tom Bradley '
        "told reporters on Friday."
    )
    article = counterpoint.analyze(text)
    said = [a.content.text for a in article.attributions]
    assert [p.text for p in article.persuasive_passages] == said == [
        "these ruthless thugs would stop at nothing to destroy the harbour, and only fools would still believe their lies",
        '"This disgraceful witch hunt is a shameful attack on every docker,"',
    ]
    for passage in article.persuasive_passages:
        assert article.text[passage.start : passage.end] == passage.text
        assert passage.cues and all(passage.start <= c.start and c.end <= passage.end for c in passage.cues)
        assert "Lopez" not in passage.text and "reporters" not in passage.text
    both = counterpoint.analyze(
        "Maria Lopez said these ruthless thugs would destroy the harbour, while Tom Bradley said only fools would "
        "still believe their disgraceful lies."
    )
    assert len(both.persuasive_passages) == 2 and len(both.sentences) == 1
    assert wording_line(both).endswith("; 1 of 1 sentences persuasive passages (100%)")  # sentences, not passages


def test_names_count_only_by_their_kind(nlp):
    """The model learns wording, not topics: a name the parser sees as one is no feature, and swapping one name
    leaves the chance as it was. (A name the tagger misreads as a common word still is: "trump" is in the file.)"""
    model = passage_model()
    assert not {"w=putin", "w=obama", "w=syria", "w=netanyahu", "w=iran"} & set(model.weights)
    chances = []
    for name in ("Trump", "Smith"):
        [sentence] = document_sentences(nlp(f"{name}'s corrupt cronies are lying to you again."))
        chances.append(model.probability(sentence.features))
    assert chances[0] == chances[1] > model.threshold


def test_weights_file_is_read_as_training_fitted_it():
    """A model fitted and written by eval/train_persuasion.py gives, read back, sklearn's own probabilities."""
    from eval.train_persuasion import _design, _export, _fit, _vocabulary

    words = ["brutal", "thugs", "lies", "meeting", "report", "pages", "destroy", "town", "traitors", "budget"]
    rng = np.random.default_rng(0)
    rows = []
    for i in range(60):
        features = {f"w={w}" for w in rng.choice(words, size=4, replace=False)}
        marked = bool(features & {"w=brutal", "w=thugs", "w=lies", "w=destroy", "w=traitors"})
        rows.append(("a", (i, i + 1), features | {f"length={i % 3}"}, marked))
    vocabulary = _vocabulary(rows)
    model = _fit(_design(rows, vocabulary), np.array([r[3] for r in rows]), 3.0)
    read = PassageModel.from_text(_export(model, vocabulary, 0.55))
    expected = model.predict_proba(_design(rows, vocabulary))[:, 1]
    ours = [read.probability(features) for _, _, features, _ in rows]
    assert np.allclose(ours, expected, atol=1e-3)
    assert read.threshold == 0.55


def test_shipped_model_is_weights_only_and_small():
    assert MODEL_PATH.stat().st_size < 1_000_000
    for line in MODEL_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            feature, weight = line.rsplit("\t", 1)
            float(weight)
            assert feature.startswith("@") or feature.split("=", 1)[0] in {
                "w", "l", "b", "lex", "ent", "pron", "length", "first_line",
            } or feature in {"exclamation", "quotation"}  # fmt: skip


def test_example_articles_have_passages_with_their_chance():
    for text in (WORLD_ISRAEL_NEWS, PRESS_TV):
        article = counterpoint.analyze(text)
        assert article.persuasive_passages
        sentences = {(s.start, s.end) for s in article.sentences}
        reported = {(a.content.start, a.content.end) for a in article.attributions if a.via is None}
        for passage in article.persuasive_passages:
            in_sentence = [s for s in article.sentences if s.start <= passage.start and passage.end <= s.end]
            assert (passage.start, passage.end) in sentences | reported and in_sentence


def test_reports_list_passages_with_chance_and_words():
    article = counterpoint.analyze(LOADED)
    passage = article.persuasive_passages[0]
    for fmt in ("text", "md"):
        out = render([article], fmt)
        assert "Persuasive passages" in out and "annotators had marked" in out
        assert f"chance {passage.confidence:.2f}: “" in out and passage.cues[0].text in out
    assert "Persuasive passages" not in render([counterpoint.analyze(PLAIN)], "md")


def test_only_a_first_line_followed_by_more_is_a_title(nlp):
    """A text of one line has no title line: the model's 'first line' feature is off for all of its sentences."""
    one_line = document_sentences(nlp("The council met on Tuesday. It approved the budget."))
    assert all("first_line=0" in s.features for s in one_line)
    titled = document_sentences(nlp("Council approves budget\n\nThe council met on Tuesday."))
    assert ["first_line=1" in s.features for s in titled] == [True, False]


def test_empty_and_tiny_texts_have_no_passages(nlp):
    from counterpoint.model import Article

    for text in ("", "   ", "Hi"):
        assert find_passages(nlp(text), Article(id="t", text=text)) == []
