"""Headlines in title case, parsed as if written in sentence case.

English headlines often capitalize every word ("Minister Says Port Will Reopen In May"). spaCy's small English
pipeline reads capitalized words as proper nouns, so in such a line "Says" is no verb, "Will Reopen" joins a name
and no attribution, claim or entity comes out right. Before parsing, each capitalized word of a title-case line that
is not a name is lowercased, the parse runs on that copy (letter for letter the same length), and its annotations
are copied back onto the words as written: every span still points at the text as written.

A word is judged a name by the article itself first (it is capitalized mid-sentence in the body, or written in
lower case there), then, in a text that is only a headline, by the named entities the pipeline finds in the line as
written. Words neither settles are lowercased only when they are function words or ordinary verbs, adjectives or
adverbs (the lemmatizer's word index): a capitalized word of unknown kind stays as it is.

The same copy carries a stand-in for a surname that is also a common word ("Trump", "Bush", "Sanders", "Sessions"):
the pipeline reads "Trump denies ..." as a compound noun and "Trump claims victory" as a command. Where the article
writes the word after a title or a first name and a title ("President Trump", "Sen. Bernie Sanders"), each of its
occurrences that stands alone ("Trump said") is parsed as a frequent surname of the same length, and the words as
written come back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import TypeVar

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, MORPH, POS, SPACY, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = ["parse_pairs", "sentence_cased", "restore_case", "title_lines"]

T = TypeVar("T")

#: A word of letters; the letters of "9th" or "1990s" are none (counted as a lower-case word, they kept a title-case
#: headline from being read as one).
_WORD = re.compile(r"(?<![0-9A-Za-z])[A-Za-z][A-Za-z'’]*")
#: A line is in title case when at least this share of its words that are not function words is capitalized...
_TITLE_SHARE = 0.9
#: ... and it has at least this many such words (a short line of names is not a title-case headline).
_TITLE_MIN_WORDS = 3
#: Where a new clause starts inside a headline, so its first word keeps its capital ("Judge: Enough With ...").
_CLAUSE_MARKS = frozenset({":", "—", "–", "-", "|", '"', "“", "‘", "'", "?", "!", "."})
#: Entity kinds whose words keep their capitals in a headline with no body to check them against.
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "DATE"}
)
_COPIED = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
_SUFFIXES = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ied", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
)


def title_lines(text: str) -> list[tuple[int, int]]:
    """The character ranges of the lines of ``text`` written in title case."""
    found, start = [], 0
    for line in text.split("\n"):
        words = [w for w in _WORD.findall(line) if w.lower() not in STOP_WORDS]
        capitalized = sum(not w.islower() for w in words)  # a name styled "iPhone" or "eBay" counts as capitalized
        if (
            len(words) >= _TITLE_MIN_WORDS
            and capitalized >= _TITLE_SHARE * len(words)
            and not all(w.isupper() for w in words)
        ):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


@lru_cache(maxsize=4)
def _word_index(nlp: Language, kind: str) -> frozenset[str]:
    """Common English words of one kind ("verb", "adj", "adv", "noun") from the lemmatizer's WordNet index and its
    irregular forms."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    # the exceptions hold the irregular forms ("knew", "hid", "led") that no suffix leads back to their entry
    irregular = lookups.get_table("lemma_exc").get(kind, {}) if lookups.has_table("lemma_exc") else {}
    return frozenset(lookups.get_table("lemma_index").get(kind, ())) | frozenset(irregular)


def _in_index(word: str, index: AbstractSet[str]) -> bool:
    """Whether ``word`` or the stem an English inflection leaves ("claims", "kidnapped", "shopping") is listed."""
    if word in index:
        return True
    for suffix, ending in _SUFFIXES:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            if (
                stem + ending in index
                or suffix in {"ed", "ing"}
                and len(stem) > 2
                and stem[-1] == stem[-2]
                and stem[:-1] in index
            ):
                return True
    return False


#: Words before "May" that make it the month ("Reopens In May", "Since May", "Early May").
_BEFORE_MONTH = frozenset(
    {"in", "on", "since", "by", "until", "till", "through", "of", "from", "to", "before", "after", "during", "early",
     "late", "mid", "last", "next", "this", "each", "every"}
)


def _modal_may(line: Doc, token: Token, verbs: frozenset[str]) -> bool:
    """"Recording May Capture Shooting": "May" before a verb's base form is the modal, which the title-case NER
    takes for the month; after a preposition ("Reopen In May") or before a noun ("May Day") it stays the month."""
    if token.text != "May" or token.i + 1 >= len(line):
        return False
    after, before = line[token.i + 1], line[token.i - 1] if token.i else None
    return (
        after.is_alpha
        and after.text.lower() in verbs
        and (before is None or before.lower_ not in _BEFORE_MONTH and not before.like_num)
    )


def _inflected_verb(word: str, verbs: frozenset[str], nouns: frozenset[str]) -> bool:
    """ "Claims", "Kidnapped", "Attempting": an inflected verb, which the title-case NER often takes into a name."""
    return word not in verbs and word not in nouns and _in_index(word, verbs)


def _infinitive_after_to(line: Doc, token: Token, verbs: frozenset[str], nouns: frozenset[str]) -> bool:
    """"Rebels Reported to Behead Hostage": a word after "to" that is only ever a verb is an infinitive, which the
    title-case NER may take into a name with the words after it ("to Reading" stays: "reading" is a noun too)."""
    folded = token.text.lower()
    return token.i > 0 and line[token.i - 1].lower_ == "to" and folded in verbs and folded not in nouns


@lru_cache(maxsize=4)
def _common_words(nlp: Language, with_nouns: bool) -> frozenset[str]:
    """Words to lowercase when nothing marks them as names: verbs, adjectives, adverbs, and (where named entities
    guard the names) nouns; the WordNet nouns hold many names."""
    kinds = ("verb", "adj", "adv", "noun") if with_nouns else ("verb", "adj", "adv")
    return frozenset().union(*(_word_index(nlp, kind) for kind in kinds))


def _body_usage(text: str, titles: list[tuple[int, int]]) -> tuple[set[str], set[str]]:
    """The words the rest of the article writes in lower case, and those it capitalizes mid-sentence."""
    lower, capital = set(), set()
    previous_end = 0
    for start, end in [*titles, (len(text), len(text))]:
        for match in _WORD.finditer(text, previous_end, start):
            word = match.group()
            if word.islower():
                lower.add(word)
            elif word[0].isupper():
                before = match.start() - 1
                while before >= previous_end and text[before] in " \t":
                    before -= 1
                if before >= previous_end and text[before] not in '.!?\n"“‘:' and text[before - 1 : before + 1] != "''":
                    capital.add(word)
        previous_end = end
    return lower, capital


def _guarded(nlp: Language, line: Doc) -> set[int]:
    """The tokens of a headline the named-entity model puts in a name (function words inside a long "name" are
    title case misread, "Harbour Crane Will Be", not a name)."""
    named = nlp(line.text, disable=[name for name in nlp.pipe_names if name != "ner"])
    if len(named) != len(line):
        return set()
    return {
        token.i
        for entity in named.ents
        if entity.label_ in _NAME_LABELS
        for token in entity
        if entity.label_ == "DATE" or len(entity) <= 2 or token.lower_ not in STOP_WORDS
    }


#: Titles written abbreviated before a name, as a regular-expression alternation ("Mr|Mrs|...").
_ABBREVIATED = "(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)"
#: Frequent surnames the pipeline reads as names, by length: what a surname that is also a common word is parsed as.
_STAND_INS = {3: "Lee", 4: "Khan", 5: "Smith", 6: "Garcia", 7: "Johnson", 8: "Martinez", 9: "Rodriguez", 10: "Richardson"}
#: A title, an initial or a first name after a title, then a capitalized word that ends the name: a surname.
_TITLED_NAME = re.compile(
    rf"\b(?P<title>{_ABBREVIATED}\.|[A-Z][a-z]+)"
    r"(?: (?:[A-Z]\.|[A-Z][a-z]+))? (?P<name>[A-Z][a-z]+)\b(?! [A-Z])"
)


#: Titles written only before a person's name (not "Justice" or "General", which also open an office's name).
_PERSONAL_TITLES = frozenset({
    "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "President", "Senator", "Governor", "Congressman",
    "Congresswoman", "Mayor", "Speaker",
})


def _surnames_to_stand_in(nlp: Language, text: str) -> dict[str, str]:
    """The surnames in ``text`` that are also English verbs ("Trump", "Bush"), each with its same-length stand-in.
    Verbs, not nouns: the tagger takes such a name for a verb or a noun's modifier, and WordNet's nouns hold many
    surnames ("Moore", "Malik") that it reads as names already."""
    verbs = _word_index(nlp, "verb")
    found = {}
    for match in _TITLED_NAME.finditer(text):
        name = match["name"]
        folded = name.lower()
        if match["title"] in _PERSONAL_TITLES and len(name) in _STAND_INS and folded not in STOP_WORDS and folded in verbs:
            found[name] = _STAND_INS[len(name)]
    return found


#: A first name, a title or an initial right before a surname (not a sentence's last word and its full stop): the
#: surname is read as a name.
_NAME_BEFORE = re.compile(rf"(?:\b{_ABBREVIATED}\.|\b[A-Z]\.|\b[A-Z][a-z]+) $")


def _with_stand_ins(nlp: Language, text: str) -> str:
    """The surnames that stand alone ("Trump said", "Trump claims"), not after a first name or a title ("Donald
    Trump", "Mr. Trump", which the pipeline reads as names already), parsed as their stand-ins."""
    surnames = _surnames_to_stand_in(nlp, text)
    if not surnames:
        return text
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, surnames)) + r")\b")

    def stand_in(match: re.Match) -> str:
        alone = not _NAME_BEFORE.search(text, max(0, match.start() - 16), match.start())
        return surnames[match.group()] if alone else match.group()

    return pattern.sub(stand_in, text)


def sentence_cased(nlp: Language, text: str) -> str:
    """``text`` with its title-case lines in sentence case and its surnames that are common words stood in for,
    letter for letter the same length (parse this, then pass the parse to ``restore_case``); ``text`` itself when
    there is nothing to change."""
    cased = _title_cased_lines_lowered(nlp, text)
    stood_in = _with_stand_ins(nlp, cased)
    return text if stood_in == text else stood_in


def _title_cased_lines_lowered(nlp: Language, text: str) -> str:
    titles = title_lines(text)
    if not titles:
        return text
    headline_only = len(titles) == 1 and not text[: titles[0][0]].strip() and not text[titles[0][1] :].strip()
    lower, capital = _body_usage(text, titles)
    verbs, nouns = _word_index(nlp, "verb"), _word_index(nlp, "noun")
    common = _common_words(nlp, headline_only)
    chars, changed = list(text), False
    for start, end in titles:
        line = nlp.make_doc(text[start:end])
        guarded = _guarded(nlp, line) if headline_only else set()
        clause_start = True
        for token in line:
            word = token.text
            if token.is_punct or token.is_space:
                clause_start = clause_start or word in _CLAUSE_MARKS
                continue
            first, clause_start = clause_start, False
            if first or word == "I" or not word[0].isupper() or not (word[1:].islower() or len(word) == 1):
                continue
            folded = word.lower()
            if _modal_may(line, token, verbs):
                chars[start + token.idx] = "m"
                changed = True
                continue
            if (
                token.i in guarded
                and not _inflected_verb(folded, verbs, nouns)
                and not _infinitive_after_to(line, token, verbs, nouns)
                or word in capital
            ):
                continue
            # "Shootings" where the body writes "shooting": an inflection of a word the article writes in lower case
            if len(folded) == len(word) and (_in_index(folded, lower) or folded in STOP_WORDS or _in_index(folded, common)):
                chars[start + token.idx] = folded[0]
                changed = True
    return "".join(chars) if changed else text


def restore_case(nlp: Language, parsed: Doc, text: str) -> Doc:
    """The parse of a ``sentence_cased`` copy that differs from ``text``, on the words of ``text`` as written."""
    # read on spaCy's arrays: walking both documents' Token objects cost more than the parse's own copy
    rows = parsed.to_array([IDX, LENGTH, SPACY]).tolist()
    words = [text[start : start + length] for start, length, _ in rows]
    original = Doc(nlp.vocab, words=words, spaces=[bool(space) for _, _, space in rows])
    original.from_array(_COPIED, parsed.to_array(_COPIED))
    for i in np.flatnonzero(original.to_array(LOWER) != parsed.to_array(LOWER)).tolist():
        token = original[i]
        token.lemma_ = token.text  # a surname parsed under a stand-in keeps its own name as its lemma
    return original


def parse_pairs(nlp: Language, pairs: Iterable[tuple[str, T]], batch_size: int = 32) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe(pairs, as_tuples=True)`` with title-case lines parsed in sentence case."""

    def prepared() -> Iterator[tuple[str, tuple[str, bool, T]]]:
        for text, context in pairs:
            cased = sentence_cased(nlp, text)
            yield cased, (text, cased is not text, context)

    for doc, (text, recased, context) in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        # Only a recased copy needs its words put back (``doc.text`` would rebuild every article's text to tell)
        yield (restore_case(nlp, doc, text) if recased else doc), context
