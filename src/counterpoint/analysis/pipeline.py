"""Run the per-article stages over spaCy's batched parses, in order; each stage fills its own fields."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .. import __version__
from ..model import Article, Sentence
from .attribution import find_attributions
from .casing import parse_pairs
from .claims import find_claims, sourcing_profile
from .entities import find_entities
from .loaded import loaded_stage
from .naming import find_naming
from .nlp import load_nlp, set_apart_from_collector
from .persuasion import persuasion_stage
from .propaganda import propaganda_stage
from .times import caption_dates, find_times
from .word_tagger import ANALYZER_MARK
from .word_tagger import enabled as tagger_enabled

__all__ = ["STAGES", "analyzer_id", "annotate", "run_pipeline"]

Stage = Callable[[Doc, Article], None]


def _sentences(doc: Doc, article: Article) -> None:
    sentences = []
    text = article.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append(Sentence(start=start, end=end, text=text[start:end]))
    article.sentences = sentences


def _entities(doc: Doc, article: Article) -> None:
    article.entities = find_entities(doc)


def _times(doc: Doc, article: Article) -> None:
    article.times, article.estimated_date = find_times(
        doc, article.published, text=article.text, cited_elsewhere=caption_dates(article)
    )


def _attributions(doc: Doc, article: Article) -> None:
    article.attributions = find_attributions(doc, article)


def _claims(doc: Doc, article: Article) -> None:
    article.claims = find_claims(doc, article)
    article.sourcing = sourcing_profile(article)


#: The stages, in order. Later issues append theirs (attribution, claims, framing); each reads what earlier ones wrote.
STAGES: list[tuple[str, Stage]] = [
    ("sentences", _sentences),
    ("entities", _entities),
    ("times", _times),
    ("attributions", _attributions),
    ("claims", _claims),
    ("naming", find_naming),  # labels, descriptors, tone per entity (after entities)
    ("loaded", loaded_stage),  # loaded terms, aimed at entities through their labels (after naming)
    ("persuasion", persuasion_stage),  # sentences a learned model calls persuasive (propaganda techniques)
    ("propaganda", propaganda_stage),  # only when asked for: propaganda spans by the word-piece tagger instead
]


def annotate(doc: Doc, article: Article) -> Article:
    """Fill an ingested article's analysis fields from its parse (``doc.text`` must equal ``article.text``)."""
    for _, stage in STAGES:
        stage(doc, article)
    return article


@lru_cache(maxsize=1)
def _digest() -> str:
    """A hash of the package's code and of every lexicon and model file: a change to any can change findings."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    files = sorted(p for p in root.rglob("*") if p.suffix in {".py", ".tsv", ".txt", ".safetensors"} and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def analyzer_id(model: str | None = None) -> str:
    """Which analysis makes the findings: package version, a hash of its code, lexicons and models, the spaCy
    pipeline, and whether the word-piece taggers (propaganda spans, attributions) are on."""
    meta = load_nlp(model).meta
    tagger = ANALYZER_MARK if tagger_enabled() else ""
    return f"counterpoint {__version__}; code and data {_digest()}; {meta['lang']}_{meta['name']} {meta['version']}{tagger}"


#: A short article that takes the stages down their usual paths: a title-case headline, a quotation, cited
#: officials and an outlet, a date.
_WARM_UP = (
    "Officials Say Talks Will Resume Next Week\n"
    "The talks will resume on Monday, officials said, according to the state news agency. "
    '"We are ready," the minister told reporters in a statement, calling the delay a disgrace.'
)


@lru_cache(maxsize=4)
def _warmed(model: str | None) -> Language:
    """The pipeline, after one small analysis: the tables stages build on first use (the word lists of title-case
    repair, lexicons, models: some 130,000 references) then exist, and are set apart from the garbage collector
    with the model (``nlp.load_nlp``), so that its full collections no longer walk them (0.5 ms an article)."""
    nlp = load_nlp(model)
    for doc, article in parse_pairs(nlp, [(_WARM_UP, Article(id="warm-up", text=_WARM_UP))]):
        annotate(doc, article)
    set_apart_from_collector()
    return nlp


def run_pipeline(articles: Iterable[Article], *, model: str | None = None, batch_size: int = 32) -> Iterator[Article]:
    """Analyze articles lazily, in batches, with the one cached spaCy pipeline.

    While one batch is analyzed, a second thread parses the next: spaCy spends much of its parse outside Python's
    lock (numpy's matrix products, compiled loops), so on a second core the two overlap. The thread works only
    while this generator runs, never while the caller holds an article it handed out, so a caller may use the
    pipeline in between. Articles are read one batch ahead, as ``nlp.pipe`` reads them.
    """
    nlp = _warmed(model)
    analyzer = analyzer_id(model)

    def parse(batch: list[Article]) -> list[tuple[Doc, Article]]:
        return list(parse_pairs(nlp, ((article.text, article) for article in batch), batch_size=batch_size))

    batches = minibatch(articles, max(1, batch_size))  # lazy: one batch read at a time
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="counterpoint-parse") as parser:
        first = next(batches, None)  # parsed in the thread too: the memory one thread's parse reserves is reused
        parsed = parser.submit(parse, first).result() if first else []
        while parsed:
            done, failure = [], None
            try:
                upcoming = next(batches, None)
            except Exception as error:  # noqa: BLE001 - the input failed: raised once this batch is handed out
                upcoming, failure = None, error
            next_parse = parser.submit(parse, upcoming) if upcoming else None
            try:
                for doc, article in parsed:
                    annotate(doc, article)
                    article.analyzer = analyzer
                    done.append(article)
            except Exception as error:  # noqa: BLE001 - raised below, once the articles before it are handed out
                failure = error  # earlier in the stream than a failure to read the next batch
            finally:
                if next_parse is not None:
                    wait([next_parse])  # nothing of ours runs while the caller holds an article
            yield from done
            if failure is not None:
                raise failure
            parsed = next_parse.result() if next_parse is not None else []
