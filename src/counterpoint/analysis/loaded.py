"""Loaded wording: name calling, emotive words, euphemisms, intensifiers and scare quotes, each as a span.

Word choice is half of how a story is told. The shipped lexicon (``resources/loaded_terms.tsv``) finds the words
that judge by themselves ("brutal", "thugs", "so-called"); short quotations inside a sentence that keep a word at
arm's length ('a “raid”') are scare quotes. A learned tagger (logistic regression over cheap token features,
trained by ``eval/train_loaded.py`` on SemEval-2020 Task 11; weights in ``resources/loaded_model.tsv``) adds the
spans annotators there marked as loaded language or name calling that the lexicon does not hold; its findings
say so (``found_by="tagger"``, with a confidence), and where it overlaps the lexicon the lexicon wins.
Each term is tied to the entity it is aimed at when the parse shows it: the term is inside one of the entity's
labels, or modifies or describes one of its mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_SPACE, LEMMA, LOWER, ORTH, SENT_START, SHAPE, SUFFIX, TAG
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..model import Article, LoadedCategory, LoadedTerm
from ..model import Span as TextSpan
from ..resources import phrase_words, rows, word_list
from .nlp import kept_on

__all__ = [
    "LexiconEntry",
    "lexicon",
    "polarity_of",
    "find_loaded_terms",
    "loaded_stage",
    "entity_at_tokens",
    "MODEL_PATH",
    "TABLES",
    "DENSE",
    "token_keys",
    "dense_features",
    "QUOTE_MARKS",
    "LEXICON_CATEGORIES",
    "lexicon_categories",
    "decode_runs",
    "tagger",
]

#: Lexicon categories; ``neutral`` entries only lend their polarity to descriptors and tone, never a loaded term.
_CATEGORIES = frozenset({"label", "loaded", "euphemism", "intensifier", "neutral"})
#: Quotation marks that open and close a quoted stretch; a single mark inside a word is an apostrophe ("Arabia‘s").
_QUOTED = re.compile(r"(?:[“\"]|(?<!\w)‘)([^“”\"‘’\n]{1,60})(?:[”\"]|’(?!\w))")
#: Finite verbs and modals (Penn tags): a quotation holding one is a clause someone said.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Most words a scare quote may hold: longer quotations are someone's words, not a word held at arm's length.
_SCARE_MAX_WORDS = 4
#: Dependency relations through which a word describes the noun it hangs on.
_MODIFIER_DEPS = frozenset({"amod", "compound", "appos", "nmod", "acomp", "attr", "advmod"})


@dataclass(frozen=True)
class LexiconEntry:
    category: str  # a LoadedCategory, or "neutral" (polarity only)
    polarity: float


@cache
@lru_cache(maxsize=1)
def lexicon() -> dict[str, LexiconEntry]:
    """The shipped loaded-terms lexicon: lower-case word or phrase -> category and polarity."""
    entries: dict[str, LexiconEntry] = {}
    for term, category, polarity in rows("loaded_terms.tsv", 3):
        if category not in _CATEGORIES:
            raise ValueError(f"loaded_terms.tsv: unknown category {category!r} for {term!r}")
        entries[term.lower()] = LexiconEntry(category, float(polarity))
    return entries


def polarity_of(token: Token) -> float:
    """Lexicon polarity of one word (by its form, then its lemma); 0 when the lexicon does not know it."""
    entries = lexicon()
    entry = entries.get(token.lower_) or entries.get(token.lemma_.lower())
    return entry.polarity if entry else 0.0


@lru_cache(maxsize=4)
def _matchers(vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
    """One matcher on the lower-cased form (phrases and words) and one on the lemma (inflected words)."""
    by_form = PhraseMatcher(vocab, attr="LOWER")
    by_lemma = PhraseMatcher(vocab, attr="LEMMA")
    for term, entry in lexicon().items():
        if entry.category == "neutral":
            continue
        words = phrase_words(term)
        by_form.add(term, [Doc(vocab, words=words)])
        if len(words) == 1:
            by_lemma.add(term, [Doc(vocab, words=words, lemmas=words)])
    return by_form, by_lemma


# --- The learned tagger (trained by eval/train_loaded.py; weights in resources/loaded_model.tsv) -----------------

#: Where the tagger's weights live (package data: a tab-separated text file).
MODEL_PATH = Path(__file__).resolve().parent.parent / "resources" / "loaded_model.tsv"
#: Hashed feature tables, in the column order of :func:`token_keys`.
TABLES = ("word", "lemma", "tag", "ent", "shape", "prev", "next", "dep", "suffix", "prev2", "next2", "head_lemma")
#: Fixed features, in the column order of :func:`dense_features`.
DENSE = ("lex_label", "lex_loaded", "lex_euphemism", "lex_intensifier", "in_quotes", "sentence_start", "lex_near")
#: How many words either side a lexicon match makes a word ``lex_near``.
_NEAR = 3
#: The lexicon categories that mark words (``neutral`` entries never do), in the order of the first columns of DENSE.
LEXICON_CATEGORIES = ("label", "loaded", "euphemism", "intensifier")
#: Quotation marks that open or close a quotation (a token of its own).
QUOTE_MARKS = frozenset({'"', "“", "”"})
#: Parts of speech trimmed from the edges of a tagged run ("the", "and", "of").
_EDGE_POS = frozenset({"DET", "CCONJ", "ADP"})
#: Parts of speech that carry meaning even in a stop word ("very", "so", "much"): an intensifier may be loaded.
_CONTENT_POS = frozenset({"ADV", "ADJ", "NOUN", "VERB", "PROPN"})


def token_keys(doc: Doc) -> np.ndarray:
    """Per token the string hashes of its word, lemma, tag, entity type, shape, dependency and suffix, of the
    words two either side, and of its head's lemma (the columns of :data:`TABLES`)."""
    if not len(doc):
        return np.zeros((0, len(TABLES)), np.uint64)
    base = doc.to_array([LOWER, LEMMA, TAG, ENT_TYPE, SHAPE, DEP, SUFFIX]).astype(np.uint64).reshape(len(doc), 7)
    lower, lemma = base[:, 0], base[:, 1]

    def shifted(column: np.ndarray, by: int) -> np.ndarray:
        """The column moved ``by`` tokens (positive: the token before), 0 past either edge."""
        out = np.zeros_like(column)
        if by > 0:
            out[by:] = column[:-by]
        else:
            out[:by] = column[-by:]
        return out

    heads = np.arange(len(doc)) + doc.to_array([HEAD]).reshape(-1).astype(np.int64)
    return np.column_stack(
        [base[:, :5], shifted(lower, 1), shifted(lower, -1), base[:, 5], base[:, 6]]
        + [shifted(lower, 2), shifted(lower, -2), lemma[heads]]
    )


#: The ``user_data`` key under which a document keeps its lexicon matches.
_MATCHES_KEY = "counterpoint.lexicon_matches"


def _lexicon_matches(doc: Doc) -> tuple[tuple[int, int, str], ...]:
    """Lexicon matches as (start token, end token, entry), longest first where they overlap; found once per
    document (the loaded and persuasion stages both read them)."""
    return kept_on(doc, _MATCHES_KEY, _find_lexicon_matches)


def _find_lexicon_matches(doc: Doc) -> tuple[tuple[int, int, str], ...]:
    by_form, by_lemma = _matchers(doc.vocab)
    found: dict[tuple[int, int], str] = {}
    for matcher in (by_form, by_lemma):
        for match_id, start, end in matcher(doc):
            found.setdefault((start, end), doc.vocab.strings[match_id])
    taken: set[int] = set()
    matches = []
    for (start, end), term in sorted(found.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), kv[0][0])):
        if not any(i in taken for i in range(start, end)):
            taken.update(range(start, end))
            matches.append((start, end, term))
    return tuple(matches)


def lexicon_categories(doc: Doc, matches: Sequence[tuple[int, int, str]] | None = None) -> np.ndarray:
    """Per token, one column per category of :data:`LEXICON_CATEGORIES`: 1 where a lexicon entry of it matches."""
    marked = np.zeros((len(doc), len(LEXICON_CATEGORIES)), dtype=np.float32)
    entries = lexicon()
    for start, end, term in _lexicon_matches(doc) if matches is None else matches:
        marked[start:end, LEXICON_CATEGORIES.index(entries[term].category)] = 1.0
    return marked


def dense_features(doc: Doc, matches: Sequence[tuple[int, int, str]] | None = None) -> np.ndarray:
    """Per token: our lexicon's category, inside quotation marks, first in its sentence, near a lexicon match."""
    features = np.zeros((len(doc), len(DENSE)), dtype=np.float32)
    features[:, : len(LEXICON_CATEGORIES)] = lexicon_categories(doc, matches)
    if len(doc):
        features[:, DENSE.index("sentence_start")] = doc.to_array([SENT_START]).reshape(-1) == 1
        marked = features[:, : len(LEXICON_CATEGORIES)].any(axis=1).astype(np.float32)
        window = np.ones(2 * _NEAR + 1, dtype=np.float32)
        near = np.convolve(marked, window)[_NEAR : _NEAR + len(doc)]  # full mode: also right for short docs
        features[:, DENSE.index("lex_near")] = near > 0
    in_quotes = DENSE.index("in_quotes")
    opened = None  # a quotation runs from one quotation mark to the next, never across a line break
    for i in _quote_or_break_tokens(doc):
        if doc[i].text in QUOTE_MARKS:
            if opened is None:
                opened = i
            else:
                features[opened + 1 : i, in_quotes] = 1.0
                opened = None
        else:
            opened = None
    return features


def _quote_or_break_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens that are quotation marks or hold a line break, found on spaCy's arrays."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    orth = doc.to_array([ORTH]).reshape(-1)
    quotes = np.isin(orth, [strings.add(mark) for mark in QUOTE_MARKS])
    spaces = doc.to_array([IS_SPACE]).reshape(-1).astype(bool)
    breaks = np.zeros(len(doc), dtype=bool)
    for i in np.flatnonzero(spaces).tolist():
        breaks[i] = "\n" in doc[i].text
    return np.flatnonzero(quotes | breaks).tolist()


def _whole_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A run widened to the whole of a hyphenated word it cuts ("get" of "get-tough", "alt" of "alt-right")."""
    while start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        end += 2
    return start, end


def decode_runs(doc: Doc, probability: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Token runs whose probability reaches the threshold, without edge punctuation or determiners, nor a run of
    function words and single letters alone ("it", "that", the "a" of "Mar-a-Lago": no wording is loaded without a
    word that carries meaning)."""
    spaces = doc.to_array([IS_SPACE]).reshape(-1).astype(bool) if len(doc) else np.zeros(0, dtype=bool)
    on = np.concatenate([[False], (probability >= threshold) & ~spaces, [False]])
    edges = np.flatnonzero(on[1:] != on[:-1])
    runs = []
    for s, e in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
        while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].pos_ in _EDGE_POS):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].pos_ in _EDGE_POS):
            e -= 1
        if e > s and not all(t.is_stop and t.pos_ not in _CONTENT_POS or len(t) == 1 for t in doc[s:e]):
            runs.append(_whole_words(doc, s, e))
    return runs


@dataclass(frozen=True)
class _SortedKeys:
    """A document's feature keys (``token_keys``), each table's column sorted, with the order that sorts it:
    numpy's binary search starts from the last key's place, so sorted keys find theirs in half the time, and
    both categories' weights are looked up with one sort."""

    orders: list[np.ndarray]
    columns: list[np.ndarray]

    @classmethod
    def of(cls, keys: np.ndarray) -> _SortedKeys:
        orders = [np.argsort(keys[:, table]) for table in range(keys.shape[1])]
        return cls(orders, [keys[order, table] for table, order in enumerate(orders)])


@dataclass
class _Weights:
    keys: list[np.ndarray]  # per table: sorted uint64 string hashes
    values: list[np.ndarray]  # per table: the weights in the same order
    dense: np.ndarray
    bias: float
    threshold: float

    def probability(self, keys: _SortedKeys, dense: np.ndarray) -> np.ndarray:
        score = np.full(len(dense), self.bias, dtype=np.float64) + dense @ self.dense
        for table in range(len(TABLES)):
            table_keys, table_values = self.keys[table], self.values[table]
            if not len(table_keys):
                continue
            column = keys.columns[table]
            where = np.searchsorted(table_keys, column).clip(0, len(table_keys) - 1)
            score[keys.orders[table]] += np.where(table_keys[where] == column, table_values[where], 0.0)
        return 1.0 / (1.0 + np.exp(-score))


@lru_cache(maxsize=1)
def tagger() -> dict[str, _Weights] | None:
    """The learned tagger per category ('loaded', 'label'), or None when no weights ship."""
    if not MODEL_PATH.is_file():
        return None
    raw: dict[str, dict[str, list]] = {}
    for line in MODEL_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, table, value, weight = line.split("\t")
        raw.setdefault(category, {}).setdefault(table, []).append((value, float(weight)))
    weights = {}
    for category, tables in raw.items():
        keys, values = [], []
        for table in TABLES:
            pairs = sorted((get_string_id(v), w) for v, w in tables.get(table, []))
            keys.append(np.array([k for k, _ in pairs], dtype=np.uint64))
            values.append(np.array([w for _, w in pairs], dtype=np.float64))
        dense_weights = dict(tables.get("dense", []))
        weights[category] = _Weights(
            keys=keys,
            values=values,
            dense=np.array([dense_weights.get(name, 0.0) for name in DENSE]),
            bias=tables["bias"][0][1],
            threshold=tables["threshold"][0][1],
        )
    return weights


def _covered(doc: Doc, spans: Iterable[TextSpan]) -> Iterator[int]:
    """Indices of the tokens the character spans cover (a span cutting a word takes the whole word)."""
    for span in spans:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is not None:
            yield from range(tokens.start, tokens.end)


def entity_at_tokens(doc: Doc, article: Article) -> dict[int, str]:
    """Token index -> id of the entity whose mention or label covers it (mentions win over labels)."""
    owner: dict[int, str] = {}
    for layer in ("labels", "mentions"):
        for entity in article.entities:
            owner.update((i, entity.id) for i in _covered(doc, getattr(entity, layer)))
    return owner


def _target(token: Token, owner: dict[int, str]) -> str | None:
    """The entity a word is aimed at: the one whose label holds it, or whose mention it modifies or describes."""
    if token.i in owner:
        return owner[token.i]
    current = token
    for _ in range(3):
        if current.dep_ not in _MODIFIER_DEPS and current.i != token.i:
            break
        head = current.head
        if head.i == current.i:
            break
        if head.i in owner:
            return owner[head.i]
        if head.lemma_ in {"be", "remain", "become"}:  # copula: "Assad is a brutal dictator"
            subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i in owner]
            return owner[subjects[0].i] if subjects else None
        current = head
    return None


def _in_name(tokens: list[Token]) -> bool:
    """Inside a proper name ("Great Britain", "Resistance Front"): not a word choice of the writer."""
    return any(
        t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "GPE", "WORK_OF_ART", "LAW", "EVENT"} for t in tokens
    )


#: Kinds of entity whose mentions are names of one actor ("Hezbollah", "Russian" for Russia); a group's name
#: ("Islamists", "Nazis") may itself be the label.
_NAMED_KINDS = frozenset({"person", "organization", "place"})


def _name_tokens(doc: Doc, article: Article) -> set[int]:
    """Tokens inside the mentions of a person, organization or place."""
    return {i for entity in article.entities if entity.kind in _NAMED_KINDS for i in _covered(doc, entity.mentions)}


def _term(
    doc: Doc,
    start: int,
    end: int,
    category: LoadedCategory,
    polarity: float,
    owner: dict[int, str],
    confidence: float | None = None,
) -> LoadedTerm:
    span = doc[start:end]
    target = None
    for token in span:
        target = _target(token, owner)
        if target:
            break
    return LoadedTerm(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        category=category,
        target=target,
        polarity=polarity,
        found_by="lexicon" if confidence is None else "tagger",
        confidence=confidence,
    )


#: Words that bring a charge, and the nouns a charge is counted in: "charged with [fraud]", "convicted of
#: [terrorism]", "[fraud] charges", "on charges of [treason]".
_CHARGING_WORDS = frozenset({
    "charge", "accuse", "convict", "indict", "suspect", "acquit", "guilty", "plead", "arrest", "prosecute", "jail",
    "sentence", "count", "conviction", "indictment", "trial",
})


def _a_charge(doc: Doc, start: int, end: int) -> bool:
    """Whether a word names the offence in a charge ("charged with fraud", "fraud charges", "on charges of
    terrorism"): the law's name for what is alleged, reported as alleged, not the writer's label for anyone."""
    word = doc[end - 1]
    if word.dep_ == "pobj" and word.head.lower_ in {"with", "of", "for", "to", "on"}:
        return word.head.head.lemma_.lower() in _CHARGING_WORDS
    return word.dep_ in {"compound", "amod", "nmod"} and word.head.lemma_.lower() in _CHARGING_WORDS


def _lexicon_terms(doc: Doc, matches: Sequence[tuple[int, int, str]], owner: dict[int, str]) -> list[LoadedTerm]:
    entries = lexicon()
    terms = []
    for start, end, term in matches:
        if _in_name(list(doc[start:end])) or _a_charge(doc, start, end):
            continue
        entry = entries[term]
        terms.append(_term(doc, start, end, entry.category, entry.polarity, owner))  # type: ignore[arg-type]
    return terms


def _tagged_terms(
    doc: Doc, matches: Sequence[tuple[int, int, str]], owner: dict[int, str], names: set[int]
) -> list[LoadedTerm]:
    """Spans the learned tagger marks as name calling ('label') or loaded language ('loaded'); never one that is
    only an actor's name (``names``: naming "Hezbollah" is no word choice, whatever the words around it), nor
    only words for who people are (``identity_words.txt``: "Black folks" names a group, it calls it nothing), nor
    only initials ("R-AZ" after a senator's name)."""
    weights = tagger()
    if weights is None or not len(doc):
        return []
    keys, dense = _SortedKeys.of(token_keys(doc)), dense_features(doc, matches)
    terms = []
    for category, model in weights.items():
        probability = model.probability(keys, dense)
        for start, end in decode_runs(doc, probability, model.threshold):
            words = [doc[i] for i in range(start, end) if not (doc[i].is_punct or doc[i].is_space)]
            if all(t.i in names for t in words) or all(t.lower_ in word_list("identity_words.txt") for t in words):
                continue  # an actor's name, or people named by who they are ("Black folks", "Muslim women")
            if all(t.is_upper and len(t) <= 3 for t in words):
                continue  # initials: a party and state tag ("R-AZ"), an agency ("FBI"), no word choice
            polarities = [p for p in (polarity_of(t) for t in doc[start:end]) if p]
            polarity = max(-1.0, min(1.0, sum(polarities) / len(polarities))) if polarities else 0.0
            confidence = round(float(probability[start:end].mean()), 3)
            terms.append(_term(doc, start, end, category, round(polarity, 3), owner, confidence))  # type: ignore[arg-type]
    return terms


def _inside_attribution_quote(article: Article, start: int, end: int) -> bool:
    """A quotation that is itself the whole content of a direct quote is someone's words, not scare quotes."""
    for attribution in article.attributions:
        content = attribution.content
        if attribution.kind == "direct" and content.start >= start - 1 and content.end <= end + 1:
            return True
    return False


def _quoted_speech(article: Article, span: Span | None, start: int, end: int) -> bool:
    """A quoted clause inside what an attribution reports ('The mayor said he "has not seen the figures"') quotes
    the speaker's words: a finite verb or a negation in it, within some attribution's content."""
    if span is None or not any(token.tag_ in _FINITE_TAGS or token.dep_ == "neg" for token in span):
        return False
    return any(a.content.start <= start and end <= a.content.end for a in article.attributions)


def _scare_quotes(doc: Doc, article: Article, owner: dict[int, str]) -> list[LoadedTerm]:
    """Short quoted stretches inside a sentence ('a “raid” on', 'its “airspace”'): a word kept at arm's length."""
    text = article.text
    terms = []
    for match in _QUOTED.finditer(text):
        inner = match.group(1).strip()
        words = inner.split()
        if not words or len(words) > _SCARE_MAX_WORDS or inner[-1] in ".!?,;:":
            continue
        if _inside_attribution_quote(article, match.start(1), match.end(1)):
            continue
        before = text[: match.start()].rstrip()
        if not before or before[-1] in ".!?:\n" or before.endswith((",", "said", "says")):
            continue  # a quotation that opens a sentence or follows "said:" is reported speech
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if _quoted_speech(article, span, match.start(), match.end()):
            continue
        target = None
        if span is not None:
            for token in span:
                target = _target(token, owner)
                if target:
                    break
        terms.append(
            LoadedTerm(
                start=match.start(),
                end=match.end(),
                text=text[match.start() : match.end()],
                category="scare_quotes",
                target=target,
                polarity=0.0,
                found_by="quotation",
            )
        )
    return terms


#: Which finding wins where two overlap: a scare quote, then a lexicon entry, then the tagger's wider span.
_PRIORITY = {"scare_quotes": 0, "lexicon": 1, "tagger": 2}


def find_loaded_terms(doc: Doc, article: Article, *, use_tagger: bool = True) -> list[LoadedTerm]:
    """Loaded terms of one parsed article, in text order; runs after the naming stage (targets use labels).

    Lexicon matches and scare quotes always; with ``use_tagger`` (the default) also the learned tagger's spans
    where they do not overlap those (the lexicon's narrower word, with its category, wins).
    """
    owner = entity_at_tokens(doc, article)
    matches = _lexicon_matches(doc)
    ranked = [(_PRIORITY["scare_quotes"], t) for t in _scare_quotes(doc, article, owner)]
    ranked += [(_PRIORITY["lexicon"], t) for t in _lexicon_terms(doc, matches, owner)]
    if use_tagger:
        ranked += [(_PRIORITY["tagger"], t) for t in _tagged_terms(doc, matches, owner, _name_tokens(doc, article))]
    kept: list[LoadedTerm] = []
    for _, term in sorted(ranked, key=lambda pair: (pair[0], pair[1].start)):
        if all(term.end <= other.start or term.start >= other.end for other in kept):
            kept.append(term)
    return sorted(kept, key=lambda t: (t.start, t.end))


def loaded_stage(doc: Doc, article: Article) -> None:
    """The pipeline stage: fill ``article.loaded_terms``."""
    article.loaded_terms = find_loaded_terms(doc, article)
