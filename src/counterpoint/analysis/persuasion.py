"""Persuasive passages: sentences that likely use a propaganda technique, found by a learned sentence model.

Loaded words are only part of how a text persuades: annotators of SemEval-2020 Task 11 also mark doubt cast on
an opponent, appeals to fear, flag-waving, exaggeration, slogans and oversimplified causes, mostly as whole
clauses. Those cannot be listed word by word, so a logistic regression over the words of a sentence (its words,
content lemmas, word pairs, our lexicon's categories, "!", quotation marks, entity types, pronouns, length, being
the first line) gives the chance that annotators marked something in it (trained by ``eval/train_persuasion.py``
on the task's train articles; weights in ``resources/persuasion_model.tsv``). A sentence at or above the model's
threshold is a passage, with that chance as its ``confidence`` and the words that weighed most towards it as
``cues``, so a reader can see why. Which technique a sentence uses is not said: on held-apart train articles a
per-technique model named it no better than always guessing the commonest one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..model import Article, PersuasivePassage
from .loaded import DENSE, dense_features

__all__ = [
    "MODEL_PATH",
    "sentence_features",
    "document_sentences",
    "PassageModel",
    "passage_model",
    "find_passages",
    "persuasion_stage",
]

#: Where the sentence model's weights live (package data: a tab-separated text file).
MODEL_PATH = Path(__file__).resolve().parent.parent / "resources" / "persuasion_model.tsv"
#: Parts of speech whose lemma is a feature of its own (the words that carry a judgment).
_CONTENT_POS = frozenset({"ADJ", "ADV", "VERB", "NOUN"})
#: Quotation marks (their presence marks quoted speech or scare quotes).
_QUOTE_MARKS = frozenset({'"', "“", "”"})
#: The lexicon categories of ``loaded.dense_features`` that count as features here.
_LEXICON_COLUMNS = tuple((i, name) for i, name in enumerate(DENSE) if name.startswith("lex_"))
#: How many of the heaviest words a passage shows as its cues.
_CUES = 3


def _stand_in(token: Token) -> str | None:
    """What a name or a named entity's word stands as ("<NORP>" for "Syrian"), or None for other words."""
    if token.ent_type_:
        return f"<{token.ent_type_}>"
    return "<name>" if token.pos_ == "PROPN" else None


def _word_features(token: Token) -> Iterable[str]:
    """A word's own features; a name counts only as its kind, so that the model learns wording, not topics."""
    stand_in = _stand_in(token)
    if stand_in:
        yield f"w={stand_in}"
        return
    yield f"w={token.lower_}"
    if token.pos_ in _CONTENT_POS:
        yield f"l={token.lemma_.lower()}"


def sentence_features(sentence: Span, lexicon_columns: Iterable[str], first_line: bool) -> set[str]:
    """The features of one sentence (a set: the model sees presence, not counts)."""
    tokens = [t for t in sentence if not t.is_space]
    features = {f for t in tokens for f in _word_features(t)}
    words = [_stand_in(t) or t.lower_ for t in tokens]
    features.update(f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False))
    features.update(f"lex={name}" for name in lexicon_columns)
    features.update(f"ent={t.ent_type_}" for t in tokens if t.ent_iob_ == "B")
    features.update(f"pron={t.lower_}" for t in tokens if t.pos_ == "PRON")
    if any(t.text == "!" for t in tokens):
        features.add("exclamation")
    if any(t.text in _QUOTE_MARKS for t in tokens):
        features.add("quotation")
    features.add(f"length={min(len(tokens) // 8, 6)}")
    features.add(f"first_line={int(first_line)}")
    return features


def document_sentences(doc: Doc) -> list[tuple[Span, set[str]]]:
    """Each sentence with words in it, trimmed of surrounding space, and its features."""
    lexicon = dense_features(doc)
    first_line_end = doc.text.find("\n")
    out = []
    for sentence in doc.sents:
        tokens = [t for t in sentence if not t.is_space]
        if not tokens:
            continue
        trimmed = doc[tokens[0].i : tokens[-1].i + 1]
        columns = [name for i, name in _LEXICON_COLUMNS if lexicon[sentence.start : sentence.end, i].any()]
        first_line = first_line_end < 0 or trimmed.start_char < first_line_end
        out.append((trimmed, sentence_features(trimmed, columns, first_line)))
    return out


@dataclass(frozen=True)
class PassageModel:
    """Logistic regression over L2-normalised presence features; features it never saw count for nothing."""

    weights: dict[str, float]
    bias: float
    threshold: float

    @classmethod
    def from_text(cls, text: str, name: str = "persuasion model") -> PassageModel:
        """Read the tab-separated weights file that ``eval/train_persuasion.py`` writes."""
        weights: dict[str, float] = {}
        bias = threshold = None
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            feature, value = line.rsplit("\t", 1)
            if feature == "@bias":
                bias = float(value)
            elif feature == "@threshold":
                threshold = float(value)
            else:
                weights[feature] = float(value)
        if bias is None or threshold is None:
            raise ValueError(f"{name}: no @bias or @threshold row")
        return cls(weights, bias, threshold)

    def probability(self, features: set[str]) -> float:
        known = [self.weights[f] for f in features if f in self.weights]
        score = self.bias + (sum(known) / math.sqrt(len(known)) if known else 0.0)
        return 1.0 / (1.0 + math.exp(-score))

    def cues(self, sentence: Span, count: int = _CUES) -> list[Span]:
        """The content words of the sentence whose own features weigh most towards a passage (positive only)."""
        scored = []
        for token in sentence:
            if token.pos_ not in _CONTENT_POS or _stand_in(token) or not any(ch.isalpha() for ch in token.text):
                continue
            weight = sum(self.weights.get(f, 0.0) for f in _word_features(token))
            if weight > 0:
                scored.append((weight, token.i))
        chosen = sorted(i for _, i in sorted(scored, reverse=True)[:count])
        return [sentence.doc[i : i + 1] for i in chosen]


@lru_cache(maxsize=1)
def passage_model() -> PassageModel | None:
    """The shipped sentence model, or None when no weights ship."""
    if not MODEL_PATH.is_file():
        return None
    return PassageModel.from_text(MODEL_PATH.read_text(encoding="utf-8"), MODEL_PATH.name)


def find_passages(doc: Doc, article: Article) -> list[PersuasivePassage]:
    """Sentences the model scores at or above its threshold, in text order."""
    model = passage_model()
    if model is None:
        return []
    passages = []
    for sentence, features in document_sentences(doc):
        probability = model.probability(features)
        if probability >= model.threshold:
            passages.append(
                PersuasivePassage(
                    start=sentence.start_char,
                    end=sentence.end_char,
                    text=sentence.text,
                    confidence=round(probability, 3),
                    cues=[article.span(c.start_char, c.end_char) for c in model.cues(sentence)],
                )
            )
    return passages


def persuasion_stage(doc: Doc, article: Article) -> None:
    """The pipeline stage: fill ``article.persuasive_passages``."""
    article.persuasive_passages = find_passages(doc, article)
