"""Entity scorer on PolNeAR: do our entities catch the people and bodies that news articles quote by name?

PolNeAR marks who is quoted (Source spans) but not entities, so the gold here is the Source spans that are
proper names, chosen by their shape (see :func:`name_words`). Two numbers:

- ``named_source_recall``: share of named gold sources that overlap (by at least one character) a mention of
  some entity of ours. Misses are names our entity stage did not find at all.
- ``person_linking``: among named sources that are a single word ("Trump", also "Mr. Trump": a courtesy title
  is dropped) and overlap a mention of one of our *person* entities, the share whose entity's canonical name has
  two or more words, one of them that word ("Donald Trump"). Misses are surnames left as a person of their own
  instead of being linked to the full name the article uses. Articles that never give the full name cap this
  below 1, so ``person_linking_when_possible`` divides by the cases where some person entity of the article has
  a full name containing the word (``single_word_linkable``); ambiguous surnames ("Clinton" beside Hillary and
  Bill Clinton) stay in both denominators.

Measured on ``dev`` (report); tune on ``train``.
"""

from __future__ import annotations

import re

from counterpoint.model import Article, Entity

from .data import AnnSpan, PolnearDoc

__all__ = ["score", "name_words", "is_named_source"]

#: Closed-class words: capitalized only by position, never part of a name ("He", "Some", "Both", "Those").
_CLOSED_WORDS = """i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    this that these those who whom whose which what whoever a an some many most much more several few both all
    each every either neither another other others one any anyone someone somebody everyone everybody nobody
    none no such"""
_CLOSED = frozenset(_CLOSED_WORDS.split())
#: Lower-case words allowed inside a name ("Department of Justice", "Ludwig van Beethoven"); not "and", which
#: mostly joins two names ("Bolton and Gorka").
_CONNECTOR_WORDS = "of for the de del della da di du la le van von der den al el bin ibn on"
_CONNECTORS = frozenset(_CONNECTOR_WORDS.split())
#: Courtesy titles dropped before a surname when deciding whether a source is a single word ("Mr. Trump").
_COURTESY = frozenset({"mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr"})
_WORD = re.compile(r"^[^\W\d_](?:[\w.'’&-]*[\w.])?$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
#: What may stand between a sentence boundary and a sentence-initial word.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['’\"”)]?\s+|\n)[\s\"“‘'(—–-]*$")


def name_words(text: str) -> list[str] | None:
    """The words of ``text`` if its shape is a proper name, else None.

    A name: after dropping a leading "The" and a trailing possessive, 1-6 words separated by spaces, each made of
    letters with inner ``. ' - &`` only (no commas, quotes or brackets: those are lists and appositions); the
    first and last start with a capital and have 2+ characters, any others are capitalized or a connector
    ("of"); and no word is a pronoun, determiner or quantifier ("He", "Some officials", "Both"; an all-capitals
    "US" or "IT" is kept).
    """
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip()))
    words = text.split(" ")
    if not 1 <= len(words) <= 6 or not all(_WORD.match(w) for w in words):
        return None
    if len(words[0]) < 2 or len(words[-1]) < 2:
        return None
    for i, word in enumerate(words):
        if word.lower().rstrip(".") in _CLOSED and not word.isupper():  # "US" is a name, "Us" is not
            return None
        if not word[0].isupper() and (i in (0, len(words) - 1) or word not in _CONNECTORS):
            return None
    return words


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 12) : start]))


def _capitalized_mid_sentence(text: str, word: str) -> bool:
    """True if ``word`` appears capitalized somewhere its capital is not forced by a sentence start."""
    return any(not _sentence_initial(text, m.start()) for m in re.finditer(rf"\b{re.escape(word)}\b", text))


def is_named_source(span: AnnSpan, text: str) -> list[str] | None:
    """The name's words if a gold Source span is a proper name (see module docstring), else None.

    A one-word source at a sentence start ("Officials said") counts only if the article also capitalizes that
    word mid-sentence, since position alone capitalizes common nouns. Discontinuous spans are lists: not names.
    """
    if span.discontinuous:
        return None
    words = name_words(span.text)
    if words is None:
        return None
    offset = span.start + (len(span.text) - len(span.text.lstrip()))
    if len(words) == 1 and _sentence_initial(text, offset) and not _capitalized_mid_sentence(text, words[0]):
        return None
    return words


def _key(word: str) -> str:
    return _POSSESSIVE.sub("", word.replace("’", "'")).casefold().strip(".,")


def _full_name_with(word: str, entities: list[Entity]) -> bool:
    """True if one of these person entities has a canonical name of 2+ words, one of them ``word``."""
    for entity in entities:
        name = [_key(w) for w in entity.name.split()]
        if entity.kind == "person" and len(name) >= 2 and word in name:
            return True
    return False


def _best_entity(span: AnnSpan, entities: list[Entity], kind: str | None = None) -> Entity | None:
    """The entity (of ``kind``, if given) whose mentions overlap the span most, or None."""
    best, most = None, 0
    for entity in entities:
        if kind is not None and entity.kind != kind:
            continue
        overlap = sum(span.overlap(m.start, m.end) for m in entity.mentions)
        if overlap > most:
            best, most = entity, overlap
    return best


def score_pairs(pairs: tuple[tuple[PolnearDoc, Article], ...]) -> dict[str, float]:
    """The entity numbers for gold documents paired with our analysis of them."""
    sources = named = covered = single = person = linked = linkable = 0
    for doc, article in pairs:
        for span in doc.labelled("Source"):
            sources += 1
            words = is_named_source(span, doc.text)
            if words is None:
                continue
            named += 1
            if _best_entity(span, article.entities) is not None:
                covered += 1
            if len(words) == 2 and words[0].lower() in _COURTESY:
                words = words[1:]
            if len(words) != 1:
                continue
            single += 1
            entity = _best_entity(span, article.entities, kind="person")
            if entity is None:
                continue
            person += 1
            word = _key(words[0])
            if _full_name_with(word, [entity]):
                linked += 1
            if _full_name_with(word, article.entities):
                linkable += 1
    return {
        "named_source_recall": covered / named if named else 0.0,
        "person_linking": linked / person if person else 0.0,
        "person_linking_when_possible": linked / linkable if linkable else 0.0,
        "gold_sources": sources,
        "named_sources": named,
        "named_sources_covered": covered,
        "single_word_names": single,
        "single_word_on_person": person,
        "single_word_linked": linked,
        "single_word_linkable": linkable,
    }


def score(split: str = "dev") -> dict[str, float]:
    """Named-source recall and person linking of our entities on a PolNeAR split (raises DataMissing if absent)."""
    from .analysis import analyzed_polnear  # imports the pipeline only once the data is known to be there
    from .data import read_polnear

    read_polnear(split)
    return score_pairs(analyzed_polnear(split))
