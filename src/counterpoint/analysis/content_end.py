"""Where an attributed content ends: a learned choice among the places a reported clause or object could stop.

The parse gives a content's extent as the subtree the reporting verb governs, and that subtree often runs on
past what the speaker is said to have said ("...close the Elm Street clinic, a walk-in centre that opened in
1990", the writer's gloss) or stops short of it (an object without the clause that modifies it). For a content
after its cue and outside quotation marks, every word boundary from its first word to the end of its sentence is a candidate
end, except that none past the parse's end runs over another speaker's source or cue. A logistic regression
scores each from the words around it, how many dependency arcs it cuts, and how far it lies from the parse's end
(trained by ``eval/train_content_end.py`` on PolNeAR train; weights in ``resources/content_end_model.tsv``), and
the best-scored candidate is the end. Without the file, the parse's end stands.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER, POS, SENT_START, TAG
from spacy.symbols import VERB
from spacy.tokens import Doc

from ..resources import rows
from .nlp import kept_on

__all__ = ["MODEL_PATH", "MODEL_NAME", "end_candidates", "end_model", "choose_end"]

MODEL_NAME = "content_end_model.tsv"
MODEL_PATH = Path(__file__).resolve().parent.parent / "resources" / MODEL_NAME
#: Parts of speech whose words are features by themselves after a candidate end ("which", "and", ",", "in").
_FUNCTION_POS = frozenset({"ADP", "CCONJ", "SCONJ", "PRON", "DET", "PUNCT", "PART", "AUX"})
#: The ``user_data`` key under which a document keeps the arrays this module reads (see ``_arrays``).
_ARRAYS_KEY = "counterpoint.content_end_arrays"
#: The ``user_data`` key under which a document keeps its words' rows (see ``_words``).
_WORDS_KEY = "counterpoint.content_end_words"


def _distance(offset: int) -> str:
    size = abs(offset)
    bucket = "0" if size == 0 else "1" if size == 1 else "2-3" if size <= 3 else "4-7" if size <= 7 else "8+"
    return ("-" if offset < 0 else "+") + bucket


def _arrays(doc: Doc) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per token: its head's index, the end of its sentence, and how many verbs precede it (a prefix count);
    read once per document from spaCy's arrays."""
    return kept_on(doc, _ARRAYS_KEY, _read_arrays)


def _read_arrays(doc: Doc) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    columns = doc.to_array([HEAD, SENT_START, POS]).reshape(len(doc), 3).astype(np.int64)
    heads = np.arange(len(doc)) + columns[:, 0]
    starts = np.flatnonzero(columns[:, 1] == 1)
    boundaries = np.append(starts[starts > 0], len(doc))
    sentence_end = boundaries[np.searchsorted(boundaries, np.arange(len(doc)), side="right")]
    verbs_before = np.concatenate([[0], np.cumsum(columns[:, 2] == VERB)])
    return heads, sentence_end, verbs_before


def _words(doc: Doc) -> tuple[list, ...]:
    """Per token: whether it is a word, its part of speech, dependency, tag, its form as a feature (a function
    word's lower case, else its part of speech) and where it ends; read once per document from spaCy's arrays,
    since walking Token objects for every content costs more than scoring its ends."""
    return kept_on(doc, _WORDS_KEY, _read_words)


def _read_words(doc: Doc) -> tuple[list, ...]:
    strings = doc.vocab.strings
    array = doc.to_array([POS, DEP, TAG, LOWER, IS_PUNCT, IS_SPACE, IDX, LENGTH]).reshape(len(doc), 8)
    # each distinct id is looked up once: most words of a text recur
    names = {key: strings[key] for key in set(array[:, :4].ravel().tolist())}
    pos_ids, dep_ids, tag_ids, lower_ids = (array[:, column].tolist() for column in range(4))
    pos = [names[key] for key in pos_ids]
    return (
        (~(array[:, 4].astype(bool) | array[:, 5].astype(bool))).tolist(),
        pos,
        [names[key] for key in dep_ids],
        [names[key] for key in tag_ids],
        [names[key] if part in _FUNCTION_POS else part for key, part in zip(lower_ids, pos, strict=True)],
        (array[:, 6] + array[:, 7]).tolist(),
    )


def end_candidates(
    doc: Doc, content: tuple[int, int], content_type: str, bound: int | None = None
) -> list[tuple[int, list[str]]]:
    """Each place the content could end (a character offset after a word, up to its sentence's end), with the
    features the model scores. Past the parse's end, no candidate runs over ``bound`` (where a phrase of time or
    place, or another speaker's source or cue, starts). Empty only when the content aligns with no token."""
    first = doc.char_span(content[0], content[1], alignment_mode="expand")
    if first is None or not len(first):
        return []
    heads, sentence_end, verbs_before = _arrays(doc)
    rows = _words(doc)
    start = first.start
    rule_end = first.end
    while rule_end > start + 1 and not rows[0][rule_end - 1]:
        rule_end -= 1
    limit = max(int(sentence_end[start]), rule_end)
    stop = min(limit + 2, len(doc))  # the words read: the content's sentence and two beyond
    word, pos, dep, tag, function, ends_at = (column[start:stop] for column in rows)
    while limit > rule_end and not word[limit - 1 - start]:
        limit -= 1
    ends = [e for e in range(start + 1, limit + 1) if word[e - 1 - start]]
    if bound is not None:  # the parse's own end and anything shorter stay candidates
        ends = [e for e in ends if e <= rule_end or ends_at[e - 1 - start] <= bound]
    if rule_end not in ends:
        ends.append(rule_end)
    head, here = heads[start:limit], np.arange(start, limit)
    inside = (head >= start) & (head < limit) & (head != here)
    low, high = np.minimum(here, head)[inside], np.maximum(here, head)[inside]
    ends.sort()
    at = np.array(ends)
    crossings = np.minimum(((low[None, :] < at[:, None]) & (high[None, :] >= at[:, None])).sum(axis=1), 3).tolist()
    between = np.abs(verbs_before[at] - verbs_before[rule_end]).tolist()
    out = []
    for end, crossing, verbs in zip(ends, crossings, between, strict=True):
        last, after, beyond = end - 1 - start, end - start, end + 1 - start
        has_after, has_beyond = after < len(word), beyond < len(word)
        verb_between = verbs > 0
        side = "rule" if end == rule_end else "after" if end > rule_end else "before"
        next_word = function[after] if has_after else "END"
        features = [
            "bias",
            f"side={side}",
            f"distance={_distance(end - rule_end)}",
            f"sentence_end={end == limit}",
            f"crossing={crossing}",
            f"side|crossing={side}|{crossing}",
            f"last_pos={pos[last]}",
            f"last_dep={dep[last]}",
            f"next={next_word}",
            f"next_tag={tag[after] if has_after else 'END'}",
            f"next_dep={dep[after] if has_after else 'END'}",
            f"next|beyond={next_word}|{tag[beyond] if has_beyond else 'END'}",
            # the word after a comma: ", though ...", ", despite ..." start the writer's addition; ", in ..." may not
            f"next|beyond_word={next_word}|{function[beyond] if has_beyond else 'END'}",
            f"type|next={content_type}|{next_word}",
            f"side|next={side}|{next_word}",
            f"side|verb_between={side}|{verb_between}",
        ]
        out.append((ends_at[last], features))
    return out


@cache
def end_model() -> dict[str, float] | None:
    """The shipped weights by feature, or None when no model ships."""
    if not MODEL_PATH.is_file():
        return None
    return {feature: float(weight) for feature, weight in rows(MODEL_NAME, 2)}


def choose_end(doc: Doc, content: tuple[int, int], content_type: str, bound: int | None = None) -> int:
    """The content's end as the model chooses it (the parse's end when there is no model or no candidate)."""
    weights = end_model()
    if weights is None:
        return content[1]
    candidates = end_candidates(doc, content, content_type, bound)
    if not candidates:
        return content[1]
    scores = [sum(weights.get(f, 0.0) for f in features) for _, features in candidates]
    return candidates[int(np.argmax(scores))][0]
