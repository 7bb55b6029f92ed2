"""The propaganda-span tagger: spans from word-piece chances, the numpy encoder against the torch one it was trained
as, and the switch that turns it on (off by default)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import counterpoint
from counterpoint.analysis import propaganda, word_tagger
from counterpoint.cli import cli

REPO = Path(__file__).resolve().parent.parent

TEXT = (
    "The city council met on Tuesday to discuss the budget for the next year.\n\n"
    "The corrupt and cowardly regime butchered innocent families in a barbaric massacre, a savage crime against "
    "humanity that no decent person can forgive."
)


def test_pieces_at_or_above_the_threshold_make_spans():
    pieces = [((0, 3), 0.9), ((4, 7), 0.8), ((8, 10), 0.1), ((11, 14), 0.7), ((14, 16), 0.6), ((20, 22), 0.2)]
    assert [(s, e) for s, e, _ in propaganda.spans_above(pieces, 0.5)] == [(0, 7), (11, 16)]
    assert propaganda.spans_above(pieces, 0.5)[0][2] == pytest.approx(0.85)
    assert propaganda.spans_above(pieces, 0.95) == []


def test_a_long_sentence_is_read_in_chunks_that_keep_their_offsets():
    sentence = " ".join(["word"] * 300)
    pieces = word_tagger.chunks(word_tagger.tokenizer(), sentence, 10)
    assert len(pieces) == 3 and all(len(ids) <= word_tagger.MAX_PIECES for ids, _ in pieces)
    offsets = [o for _, found in pieces for o in found]
    assert len(offsets) == 300 and offsets[0] == (10, 14) and offsets[-1] == (10 + len(sentence) - 4, 10 + len(sentence))


def test_the_numpy_tagger_gives_what_the_trained_torch_model_gives():
    torch = pytest.importorskip("torch")
    from safetensors.numpy import load_file

    if str(REPO) not in sys.path:  # eval/ is a top-level package beside src/, not installed
        sys.path.insert(0, str(REPO))
    from eval.train_propaganda import adapted_model

    model = adapted_model()
    shipped = load_file(str(propaganda.MODEL_PATH))
    with torch.no_grad():
        for name, parameter in model.bert.named_parameters():
            if name in shipped:
                parameter.copy_(torch.from_numpy(shipped[name]))
        model.head.weight.copy_(torch.from_numpy(shipped["head.weight"])[None, :])
        model.head.bias.copy_(torch.from_numpy(shipped["head.bias"]))
    model.eval()
    sentence = TEXT.split("\n\n")[1]
    (ids, offsets), = word_tagger.chunks(word_tagger.tokenizer(), sentence)
    with torch.no_grad():
        expected = torch.sigmoid(model(torch.tensor([ids]), torch.ones((1, len(ids)), dtype=torch.long)))[0, 1:-1].numpy()
    found = dict(propaganda._tagger().chances(sentence, [(0, len(sentence))]))
    assert np.allclose([found[o][0] for o in offsets], expected, atol=1e-4)


def test_the_tagger_is_off_unless_asked_for(monkeypatch):
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "0")  # off, and restored after: the switch writes os.environ
    plain = counterpoint.analyze(TEXT)
    assert "MiniLM taggers" not in plain.analyzer
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "1")
    tagged = counterpoint.analyze(TEXT)
    assert tagged.analyzer.endswith("; MiniLM taggers")
    spans = tagged.persuasive_passages
    assert spans and all(tagged.text[p.start : p.end] == p.text and 0 < p.confidence <= 1 for p in spans)
    # Phrases, not whole sentences, and only in the second paragraph (the council's meeting is plain reporting)
    assert all(p.start > TEXT.index("\n\n") for p in spans)
    assert any(word in p.text for p in spans for word in ("butchered", "barbaric", "savage", "cowardly"))


def test_the_command_line_switch_turns_the_tagger_on(monkeypatch):
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "0")  # off, and restored after: the switch writes os.environ
    result = CliRunner().invoke(cli, ["analyze", "--tagger", "-f", "json", "-"], input=TEXT)
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)
    assert article["analyzer"].endswith("; MiniLM taggers")
    assert article["persuasive_passages"]


def test_the_markdown_view_says_the_tagger_found_the_passages(monkeypatch):
    monkeypatch.setenv("COUNTERPOINT_TAGGER", "0")  # off, and restored after: the switch writes os.environ
    plain = CliRunner().invoke(cli, ["analyze", "-f", "md", "-"], input=TEXT)
    tagged = CliRunner().invoke(cli, ["analyze", "--tagger", "-f", "md", "-"], input=TEXT)
    assert "word-piece tagger" in tagged.output and "word-piece tagger" not in plain.output
