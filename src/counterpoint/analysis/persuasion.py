"""Persuasive passages: sentences that likely use a propaganda technique, found by a learned sentence model.

Loaded words are only part of how a text persuades: annotators of SemEval-2020 Task 11 also mark doubt cast on
an opponent, appeals to fear, flag-waving, exaggeration, slogans and oversimplified causes, mostly as whole
clauses. Those cannot be listed word by word, so a logistic regression over the words of a sentence (its words,
content lemmas, word pairs, our lexicon's categories, "!", quotation marks, entity types, pronouns, length, being
the first line) gives the chance that annotators marked something in it (trained by ``eval/train_persuasion.py``
on the task's train articles; weights in ``resources/persuasion_model.tsv``). Names and other entities count only
by their kind ("<PERSON>"), so that who a text is about does not decide the call; topic words ("immigrants",
"church") are features like any other and still move it. A sentence at or above the model's
threshold is a passage, with that chance as its ``confidence`` and the words that weighed most towards it as
``cues``, so a reader can see why; when the sentence reports what a source says, the passage is the words
reported, without "the senator said" (on held-apart train articles the task's SI F1 of our terms and passages
rose from 0.331 to 0.341: annotators mark the persuading words, not who is quoted). Which technique a sentence
uses is not said: on held-apart train articles a per-technique model named it no better than always guessing the
commonest one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, LEMMA, LOWER, POS, SENT_START
from spacy.strings import StringStore
from spacy.symbols import ADJ, ADV, NOUN, PRON, PROPN, VERB
from spacy.tokens import Doc, Span

from ..model import Article, PersuasivePassage
from .loaded import LEXICON_CATEGORIES, QUOTE_MARKS, lexicon_categories

__all__ = [
    "MODEL_PATH",
    "SentenceFeatures",
    "document_sentences",
    "PassageModel",
    "passage_model",
    "find_passages",
    "persuasion_stage",
    "reported_parts",
]

#: Where the sentence model's weights live (package data: a tab-separated text file).
MODEL_PATH = Path(__file__).resolve().parent.parent / "resources" / "persuasion_model.tsv"
#: Parts of speech whose lemma is a feature of its own (the words that carry a judgment).
_CONTENT_POS = frozenset({ADJ, ADV, VERB, NOUN})
#: spaCy's ENT_IOB code for the first token of an entity.
_ENT_BEGINS = 3
#: How many of the heaviest words a passage shows as its cues.
_CUES = 3


@dataclass(frozen=True)
class _Words:
    """Per token of one document, read once from spaCy's arrays (building Token objects costs more than the model)."""

    word: list[str]  # the lower-case form, or what a name stands as ("<NORP>" for "Syrian", "<name>")
    word_features: list[tuple[str, ...]]  # the token's own features: its word, and a content word's lemma
    may_be_cue: list[bool]  # may be shown as a cue: a content word with a letter, not a name
    pos: list[int]
    ent_start: list[str]  # the entity type when an entity starts here, else ""
    space: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _Words:
        strings = doc.vocab.strings
        columns = doc.to_array([LOWER, LEMMA, POS, ENT_TYPE, ENT_IOB, IS_SPACE]).reshape(len(doc), 6)
        keys = list(zip(*columns[:, :4].T.tolist(), strict=True))  # (lower, lemma, pos, entity type) per token
        missing = [key for key in set(keys) if key not in _ENTRIES]
        if len(_ENTRIES) + len(missing) > _MAX_ENTRIES:
            _ENTRIES.clear()
            missing = list(set(keys))
        for key in missing:
            _ENTRIES[key] = _entry(strings, *key)
        entries = [_ENTRIES[key] for key in keys]
        begins = (columns[:, 4] == _ENT_BEGINS).tolist()
        return cls(
            word=[entry[0] for entry in entries],
            word_features=[entry[1] for entry in entries],
            may_be_cue=[entry[2] for entry in entries],
            pos=columns[:, 2].tolist(),
            ent_start=[entry[3] if begins[i] else "" for i, entry in enumerate(entries)],
            space=columns[:, 5].astype(bool).tolist(),
        )


#: (lower, lemma, pos, entity type) ids -> a token's word, own features, cue flag and entity type; most words of a
#: text recur, so this is read far more often than built. Cleared when it grows past the limit.
_ENTRIES: dict[tuple[int, int, int, int], tuple[str, tuple[str, ...], bool, str]] = {}
_MAX_ENTRIES = 200_000


def _entry(strings: StringStore, lower_id: int, lemma_id: int, pos_id: int, ent_id: int) -> tuple:
    """One word's table row (see ``_ENTRIES``), from its ids."""
    lower = strings[lower_id]
    ent_type = strings[ent_id] if ent_id else ""
    stand_in = f"<{ent_type}>" if ent_type else "<name>" if pos_id == PROPN else None
    content = pos_id in _CONTENT_POS
    if stand_in:
        own: tuple[str, ...] = (f"w={stand_in}",)
    elif content:
        own = (f"w={lower}", f"l={strings[lemma_id].lower()}")
    else:
        own = (f"w={lower}",)
    return stand_in or lower, own, content and not stand_in and any(ch.isalpha() for ch in lower), ent_type


def _sentence_features(words: _Words, tokens: list[int], lexicon_columns: Iterable[str], first_line: bool) -> set[str]:
    """The features of one sentence's tokens (a set: the model sees presence, not counts). A name counts only
    as its kind, so that who a text is about does not decide the call (topic words still do weigh)."""
    features = {f for i in tokens for f in words.word_features[i]}
    features.update(f"b={words.word[a]}_{words.word[b]}" for a, b in zip(tokens, tokens[1:], strict=False))
    features.update(f"lex={name}" for name in lexicon_columns)
    features.update(f"ent={words.ent_start[i]}" for i in tokens if words.ent_start[i])
    features.update(f"pron={words.word[i]}" for i in tokens if words.pos[i] == PRON)
    if any(words.word[i] == "!" for i in tokens):
        features.add("exclamation")
    if any(words.word[i] in QUOTE_MARKS for i in tokens):
        features.add("quotation")
    features.add(f"length={min(len(tokens) // 8, 6)}")
    features.add(f"first_line={int(first_line)}")
    return features


@dataclass(frozen=True)
class SentenceFeatures:
    """One sentence of a document, trimmed of surrounding space, with its features and its candidate cue words."""

    span: Span
    features: set[str]
    cue_words: dict[int, tuple[str, ...]]  # token index -> its own features, for content words only


def document_sentences(doc: Doc, text: str | None = None) -> list[SentenceFeatures]:
    """Each sentence with words in it, trimmed of surrounding space, and its features. Pass the document's
    ``text`` when it is at hand: ``doc.text`` is rebuilt from the tokens on every call."""
    if not len(doc):
        return []
    words = _Words.of(doc)
    lexicon = lexicon_categories(doc)
    first_line_end = (doc.text if text is None else text).find("\n")
    starts = np.flatnonzero(doc.to_array([SENT_START]).reshape(-1) == 1).tolist()
    out = []
    for start, end in zip([0, *starts], [*starts, len(doc)], strict=True):
        tokens = [i for i in range(start, end) if not words.space[i]]
        if not tokens:
            continue
        trimmed = doc[tokens[0] : tokens[-1] + 1]
        present = lexicon[start:end].any(axis=0)
        columns = [f"lex_{name}" for name, marked in zip(LEXICON_CATEGORIES, present, strict=True) if marked]
        first_line = 0 <= trimmed.start_char < first_line_end  # a text of one line has no title line
        features = _sentence_features(words, tokens, columns, first_line)
        out.append(
            SentenceFeatures(trimmed, features, {i: words.word_features[i] for i in tokens if words.may_be_cue[i]})
        )
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
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                raise ValueError(f"{name}, line {number}: no tab between feature and weight")
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
        known = [weight for weight in map(self.weights.get, features) if weight is not None]
        score = self.bias + (sum(known) / math.sqrt(len(known)) if known else 0.0)
        return 1.0 / (1.0 + math.exp(-score))

    def cues(self, sentence: SentenceFeatures, count: int = _CUES) -> list[Span]:
        """The content words of the sentence whose own features weigh most towards a passage (positive only)."""
        scored = []
        for i, features in sentence.cue_words.items():
            weight = sum(self.weights.get(f, 0.0) for f in features)
            if weight > 0:
                scored.append((weight, i))
        doc = sentence.span.doc
        return [doc[i : i + 1] for i in sorted(i for _, i in sorted(scored, reverse=True)[:count])]


@lru_cache(maxsize=1)
def passage_model() -> PassageModel | None:
    """The shipped sentence model, or None when no weights ship."""
    if not MODEL_PATH.is_file():
        return None
    return PassageModel.from_text(MODEL_PATH.read_text(encoding="utf-8"), MODEL_PATH.name)


def reported_parts(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """What the outermost reports whose cue lies in ``start:end`` say there (their contents and continuations
    that are propositions, cut to the range), in text order: in reported speech the technique is in the words
    reported, not in "the senator said"."""
    parts = []
    for attribution in article.attributions:
        if attribution.via is not None or attribution.content_type != "proposition":
            continue
        if not start <= attribution.cue.start < end:
            continue
        for said in (attribution.content, attribution.continuation):
            if said is not None and min(end, said.end) > max(start, said.start):
                parts.append((max(start, said.start), min(end, said.end)))
    merged: list[tuple[int, int]] = []
    for part_start, part_end in sorted(parts):  # overlapping reports (one quoted inside another) read once
        if merged and part_start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], part_end))
        else:
            merged.append((part_start, part_end))
    return merged


def find_passages(doc: Doc, article: Article) -> list[PersuasivePassage]:
    """Sentences the model scores at or above its threshold, in text order; in a sentence that reports what a
    source says, the words reported (``reported_parts``), each with the sentence's chance. Needs the article's
    attributions."""
    model = passage_model()
    if model is None:
        return []
    passages = []
    for sentence in document_sentences(doc, article.text):
        probability = model.probability(sentence.features)
        if probability < model.threshold:
            continue
        span = sentence.span
        cues = [article.span(c.start_char, c.end_char) for c in model.cues(sentence)]
        for start, end in reported_parts(article, span.start_char, span.end_char) or [(span.start_char, span.end_char)]:
            passage = article.span(start, end)
            passages.append(
                PersuasivePassage(
                    start=passage.start,
                    end=passage.end,
                    text=passage.text,
                    confidence=round(probability, 3),
                    cues=[c for c in cues if start <= c.start and c.end <= end],
                )
            )
    return passages


def persuasion_stage(doc: Doc, article: Article) -> None:
    """The pipeline stage: fill ``article.persuasive_passages``."""
    article.persuasive_passages = find_passages(doc, article)
